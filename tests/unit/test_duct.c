// Fully developed laminar flow in a rectangular duct (include/azote/duct.h) against Shah & London, Laminar Flow
// Forced Convection in Ducts (Academic Press, 1978), chapter VII, Table 40: the Fanning friction factor times the
// Reynolds number on the hydraulic diameter, f Re = G d_h^2 / (2 mu U), for aspect ratios alpha = h/w, and the
// square duct's centreline velocity u_max/U = 2.09624 (their eq. 325 evaluated); the parallel-plate limit
// (f Re = 24, u = 6 U eta (1 - eta)); no slip on all four walls; and the cell averages, which must carry the exact
// flow rate and converge to the pointwise velocity.
#include <azote/duct.h>
#include <azote/grid.h>
#include "aztest.h"

int main(int argc, char **argv)
{
  const struct {
    PetscReal alpha, fRe;
  } table[]         = {{1.0, 14.22708},
                       {0.5, 15.54806},
                       {0.25, 18.23278},
                       {0.125, 20.58464},
                       // deeper than wide: f Re depends on the aspect ratio only, not on which wall is which
                       {2.0, 15.54806},
                       {8.0, 20.58464},
                       {50.0, 0}};
  const PetscReal h = 1e-3, Q = 1e-8;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  for (size_t t = 0; t < sizeof(table) / sizeof(table[0]); t++) {
    const PetscReal w = h / table[t].alpha, U = Q / (w * h), dh = 2 * w * h / (w + h), g = AzDuctDriving(h, w, Q);
    // 0: Shah & London's fit (their eq. 341, within 0.05 %) for the slender duct, 1/alpha = 0.02
    const PetscReal e = PetscMin(table[t].alpha, 1 / table[t].alpha);
    const PetscReal fit =
        24 * (1 - 1.3553 * e + 1.9467 * e * e - 1.7012 * e * e * e + 0.9564 * PetscPowReal(e, 4) - 0.2537 * PetscPowReal(e, 5));
    const PetscReal fRe = table[t].fRe ? table[t].fRe : fit;
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "alpha = %-5g f Re = %.5f (Shah & London %.5f)\n", (double)table[t].alpha,
                          (double)(g * dh * dh / (2 * U)), (double)fRe));
    AZ_CHECK_REL(g * dh * dh / (2 * U), fRe, table[t].fRe ? 2e-6 : 5e-4, "f Re of the rectangular duct");
    // no slip: the velocity vanishes on the four walls (exactly on the two the sine series spans, to its truncation,
    // ~1e-8 U, on the other two), and the wall shear in the corner
    AZ_CHECK(PetscAbsReal(AzDuctVelocity(h, w, g, 0.3 * h, 0)) < 1e-6 * U, "u on the side wall z = 0");
    AZ_CHECK(PetscAbsReal(AzDuctVelocity(h, w, g, 0.7 * h, w)) < 1e-6 * U, "u on the side wall z = w");
    AZ_CHECK(PetscAbsReal(AzDuctVelocity(h, w, g, 0, 0.4 * w)) < 1e-6 * U, "u on the electrode wall");
    AZ_CHECK(PetscAbsReal(AzDuctVelocity(h, w, g, h, 0.6 * w)) < 1e-6 * U, "u on the opposite wall");
    AZ_CHECK(PetscAbsReal(AzDuctWallShear(h, w, g, 0)) < 1e-3 * U / h, "wall shear in the corner");
    // symmetric about mid-width and mid-height
    AZ_CHECK_REL(AzDuctVelocity(h, w, g, 0.2 * h, 0.1 * w), AzDuctVelocity(h, w, g, 0.8 * h, 0.9 * w), 1e-12, "symmetry of u");
    // the wall shear is du/dy at y = 0: against a one-sided difference
    {
      const PetscReal z = 0.37 * w, e = 1e-6 * h;
      const PetscReal fd =
          (-3 * AzDuctVelocity(h, w, g, 0, z) + 4 * AzDuctVelocity(h, w, g, e, z) - AzDuctVelocity(h, w, g, 2 * e, z)) / (2 * e);
      AZ_CHECK_REL(AzDuctWallShear(h, w, g, z), fd, 1e-6, "wall shear against the velocity's derivative");
    }
  }
  {  // the square duct's centreline velocity
    const PetscReal w = h, U = Q / (w * h), g = AzDuctDriving(h, w, Q);
    AZ_CHECK_REL(AzDuctVelocity(h, w, g, h / 2, w / 2) / U, 2.09624, 2e-5, "u_max/U of the square duct");
  }
  {  // a very wide duct is the parallel-plate channel at mid-width
    const PetscReal w = 1000 * h, U = Q / (w * h), g = AzDuctDriving(h, w, Q);
    AZ_CHECK_REL(AzDuctVelocity(h, w, g, 0.3 * h, w / 2), 6 * U * 0.3 * 0.7, 1e-3, "mid-width profile of a wide duct");
    AZ_CHECK_REL(AzDuctWallShear(h, w, g, w / 2), 6 * U / h, 1e-3, "mid-width wall shear of a wide duct");
  }
  // cell averages on graded grids, wider than deep and deeper than wide: the exact flow rate, and the pointwise
  // velocity at the centre of a fine cell
  for (PetscInt shape = 0; shape < 2; shape++) {
    const PetscReal     w = shape ? 0.4 * h : 2.5 * h, g = AzDuctDriving(h, w, Q);
    const PetscInt      ny = 40, nz = 50;
    const AzRefinePoint ry[1] = {{0, 0, 20, h / 10}}, rz[2] = {{0, 0, 8, w / 10}, {w, w, 8, w / 10}};
    PetscReal           yf[41], zf[51], u[40 * 50], flow = 0, umax = 0;
    PetscCall(AzMesh1D(0, h, ny, 1, ry, 0, NULL, yf));
    PetscCall(AzMesh1D(0, w, nz, 2, rz, 0, NULL, zf));
    PetscCall(AzDuctCellAverages(h, w, g, ny, yf, nz, zf, u));
    for (PetscInt k = 0; k < nz; k++)
      for (PetscInt j = 0; j < ny; j++) {
        flow += u[j + ny * k] * (yf[j + 1] - yf[j]) * (zf[k + 1] - zf[k]);
        umax = PetscMax(umax, u[j + ny * k]);
        AZ_CHECK(u[j + ny * k] > 0, "cell average %d,%d not positive", (int)j, (int)k);
      }
    AZ_CHECK_REL(flow, Q, 1e-10, "flow rate through the cell averages");
    {  // the corner cell: its average against the midpoint rule, to the midpoint rule's own error
      const PetscReal yc = 0.5 * (yf[0] + yf[1]), zc = 0.5 * (zf[0] + zf[1]);
      AZ_CHECK_REL(u[0], AzDuctVelocity(h, w, g, yc, zc), 0.05, "corner cell average vs the centre value");
    }
    AZ_CHECK(umax < AzDuctVelocity(h, w, g, h / 2, w / 2) && umax > 0.98 * AzDuctVelocity(h, w, g, h / 2, w / 2),
             "the largest cell average is not just below the centreline velocity");
  }
  return AzTestFinish();
}
