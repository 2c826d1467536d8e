// The axisymmetric grid (include/azote/grid.h: the r-z metric of cylindrical coordinates) against exact solutions:
//  1. the metric: the cells of [r_i, r_o] x [0, L] x 2 pi add up to the annulus pi (r_o^2 - r_i^2) L and the radial
//     faces' areas are 2 pi r_f dz, to round-off;
//  2. radial diffusion through a cylindrical film r_i < r < r_o, c(r_i) = c1, c(r_o) = c2: c = c1 + (c2 - c1)
//     ln(r/r_i)/ln(r_o/r_i), the flux per length 2 pi D (c1 - c2)/ln(r_o/r_i) (Crank, The Mathematics of Diffusion,
//     2nd ed. (1975), eq. 5.4): second order in the cell size (observed order >= 1.8), within 1e-4 at 80 cells, with
//     a film as thick as its inner radius (the planar law would be 30 % off);
//  3. a solid cylinder 0 <= r <= R with a uniform source S, c(R) = 0: c = S (R^2 - r^2)/(4 D), the axis a face of zero
//     area: second order, and the source balanced by the flux at R to round-off;
//  4. laminar flow in an annulus (Bird, Stewart & Lightfoot, Transport Phenomena, 2nd ed., §2.4): the velocity vanishes
//     on both walls and peaks at r = R sqrt((1 - kappa^2)/(2 ln(1/kappa))) (their eq. 2.4-11's lambda), its integral
//     over the annulus (Gauss-Legendre) is the flow rate it was built for, and the cell averages are the exact
//     area-weighted ones: against 20-point quadrature per cell to 1e-12, summing to the flow rate to 1e-13.
#include <azote/porous.h>
#include "azcase.h"
#include "../unit/aztest.h"

typedef struct {
  PetscReal S;  // mol m^-3 s^-1
} Source;

static PetscErrorCode UniformSource(void *ctx, PetscInt s, const PetscReal x[3], PetscReal *v)
{
  *v = s == 0 ? ((Source *)ctx)->S : 0;
  return PETSC_SUCCESS;
}

// One column of `ny` cells over [r0, r1] (graded toward r0 when refine > 1), 2 cells along z, a whole turn in theta.
static PetscErrorCode BuildAnnulus(AzProblem *p, PetscReal r0, PetscReal r1, PetscInt ny, PetscReal D, PetscReal refine)
{
  PetscInt            M[3] = {2, ny, 1}, r;
  PetscReal          *xf[3];
  const AzRefinePoint ref[1] = {{r0, r0, refine, (r1 - r0) / 4}};

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(p, sizeof(*p)));
  p->comm = PETSC_COMM_WORLD;
  p->T    = 298.15;
  p->bulk = 1;
  PetscCall(AzProblemAddSpecies(p, "c_n2", NULL));
  p->species[0].scale = 1e-3 * D;
  PetscCall(AzProblemAddRegion(p, "film", &r));
  p->region[r].present[0] = PETSC_TRUE;
  p->region[r].D[0]       = D;
  PetscCall(PetscMalloc3(3, &xf[0], ny + 1, &xf[1], 2, &xf[2]));
  PetscCall(AzMesh1D(0, 2e-3, 2, 0, NULL, 0, NULL, xf[0]));
  PetscCall(AzMesh1D(r0, r1, ny, refine > 1 ? 1 : 0, ref, 0, NULL, xf[1]));
  xf[2][0] = 0, xf[2][1] = 2 * PETSC_PI;
  PetscCall(AzProblemCreateGrid(p, 2, M, xf));
  PetscCall(PetscFree3(xf[0], xf[1], xf[2]));
  PetscCall(AzGridSetAxisymmetric(&p->grid));
  PetscCall(AzProblemSetUpBoundaries(p));
  p->electrode.nreaction = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode CheckMetric(void)
{
  const PetscReal ri = 1e-3, ro = 3e-3;
  AzProblem       p;
  PetscReal       V = 0, worst = 0;

  PetscFunctionBeginUser;
  PetscCall(BuildAnnulus(&p, ri, ro, 17, 1e-9, 5));
  AzForOwnedCells(&p.grid, i, j, k)
  {
    const PetscReal dz = p.grid.dx[0][i];
    V += AzGridVolume(&p.grid, i, j, k);
    for (PetscInt hi = 0; hi < 2; hi++)
      worst = PetscMax(worst, PetscAbsReal(AzGridFaceAreaSide(&p.grid, 1, hi, i, j, k) / (2 * PETSC_PI * p.grid.xf[1][j + hi] * dz) - 1));
    worst = PetscMax(worst, PetscAbsReal(AzGridFaceAreaSide(&p.grid, 0, 0, i, j, k) * dz / AzGridVolume(&p.grid, i, j, k) - 1));
  }
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &V, 1, MPIU_REAL, MPIU_SUM, p.comm));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &worst, 1, MPIU_REAL, MPIU_MAX, p.comm));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "metric: volume %.15g vs pi (ro^2 - ri^2) L %.15g, faces %.1e\n", (double)V,
                        (double)(PETSC_PI * (ro * ro - ri * ri) * 2e-3), (double)worst));
  AZ_CHECK_REL(V, PETSC_PI * (ro * ro - ri * ri) * 2e-3, 1e-13, "annulus volume");
  AZ_CHECK(worst < 1e-13, "face areas off the cylindrical metric by %.3g", (double)worst);
  PetscCall(AzProblemDestroy(&p));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode CheckFilm(void)
{
  const PetscReal ri = 1e-4, ro = 2e-4, D = 2e-9, c1 = 0.6, c2 = 0.1, L = 2e-3;
  const PetscReal Q    = 2 * PETSC_PI * D * (c1 - c2) / PetscLogReal(ro / ri) * L;  // mol/s through the film
  const PetscInt  n[3] = {20, 40, 80};
  PetscReal       err[3], qerr[3];

  PetscFunctionBeginUser;
  for (PetscInt t = 0; t < 3; t++) {
    AzProblem        p;
    PetscInt         in, out;
    AzBalance        b;
    const PetscReal *c;
    PetscReal        e2 = 0, vol = 0;
    PetscCall(BuildAnnulus(&p, ri, ro, n[t], D, 1));
    PetscCall(AzProblemAddPatch(&p, AZ_BC_DIRICHLET, &c1, &in));
    PetscCall(AzProblemAddPatch(&p, AZ_BC_DIRICHLET, &c2, &out));
    for (PetscInt i = 0; i < 2; i++) p.bc[2][i] = in, p.bc[3][i] = out;
    PetscCall(AzProblemSetInitial(&p, &c1));
    PetscCall(AzProblemSetUpSolver(&p));
    PetscCall(AzProblemSolve(&p));
    PetscCall(VecGetArrayRead(p.c, &c));
    AzForOwnedCells(&p.grid, i, j, k)
    {
      const PetscReal r = p.grid.xc[1][j], exact = c1 + (c2 - c1) * PetscLogReal(r / ri) / PetscLogReal(ro / ri);
      const PetscReal V = AzGridVolume(&p.grid, i, j, k), e = c[AzGridOwned(&p.grid, i, j, k)] - exact;
      e2 += V * e * e, vol += V;
    }
    PetscCall(VecRestoreArrayRead(p.c, &c));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &e2, 1, MPIU_REAL, MPIU_SUM, p.comm));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &vol, 1, MPIU_REAL, MPIU_SUM, p.comm));
    err[t] = PetscSqrtReal(e2 / vol) / c1;
    // the flux through the inner face: what enters there (the outer face's share of `in` is what leaves)
    PetscCall(AzProblemBalance(&p, &b));
    {
      PetscReal q_in = 0;
      PetscCall(VecGetArrayRead(p.c, &c));
      AzForOwnedCells(&p.grid, i, j, k) if (j == 0) q_in +=
          AzGridFaceAreaSide(&p.grid, 1, 0, i, j, k) * D * (c1 - c[AzGridOwned(&p.grid, i, j, k)]) / (p.grid.xc[1][0] - ri);
      PetscCall(VecRestoreArrayRead(p.c, &c));
      PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &q_in, 1, MPIU_REAL, MPIU_SUM, p.comm));
      qerr[t] = PetscAbsReal(q_in / Q - 1);
      AZ_CHECK(PetscAbsReal(b.in) < 1e-6 * Q, "the film's steady balance: in - out = %g mol/s", (double)b.in);
    }
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "cylindrical film, %3" PetscInt_FMT " cells: L2 error %.3e, flux %.3e off the ln law\n", n[t],
                          (double)err[t], (double)qerr[t]));
    PetscCall(AzProblemDestroy(&p));
  }
  {
    const PetscReal order = PetscLog2Real(err[1] / err[2]), qorder = PetscLog2Real(qerr[1] / qerr[2]);
    const PetscReal planar = D * (c1 - c2) / (ro - ri) * 2 * PETSC_PI * ri * L;
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  observed order %.3f (profile), %.3f (flux); the planar law would be %+.1f %% off\n",
                          (double)order, (double)qorder, (double)(100 * (planar / Q - 1))));
    AZ_CHECK(order >= 1.8 && qorder >= 1.8, "cylindrical film: observed orders %.3g, %.3g < 1.8", (double)order, (double)qorder);
    AZ_CHECK(err[2] < 1e-4 && qerr[2] < 1e-4, "cylindrical film at 80 cells: errors %.3g, %.3g", (double)err[2], (double)qerr[2]);
    AZ_CHECK(PetscAbsReal(planar / Q - 1) > 0.25, "the test must tell the cylinder from a slab");
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode CheckSolidCylinder(void)
{
  const PetscReal R = 5e-4, D = 1e-9, S = 2e-3, L = 2e-3;
  const PetscInt  n[3] = {16, 32, 64};
  PetscReal       err[3];
  Source          src = {S};

  PetscFunctionBeginUser;
  for (PetscInt t = 0; t < 3; t++) {
    AzProblem        p;
    PetscInt         wall;
    AzBalance        b;
    const PetscReal *c;
    PetscReal        e2 = 0, vol = 0, zero = 0, c0 = S * R * R / (4 * D);
    PetscCall(BuildAnnulus(&p, 0, R, n[t], D, 1));
    p.source = UniformSource, p.user = &src;
    PetscCall(AzProblemAddPatch(&p, AZ_BC_DIRICHLET, &zero, &wall));
    for (PetscInt i = 0; i < 2; i++) p.bc[3][i] = wall;  // r = R; the axis (side 2) stays a wall of zero area
    PetscCall(AzProblemSetInitial(&p, &zero));
    PetscCall(AzProblemSetUpSolver(&p));
    PetscCall(AzProblemSolve(&p));
    PetscCall(VecGetArrayRead(p.c, &c));
    AzForOwnedCells(&p.grid, i, j, k)
    {
      const PetscReal r = p.grid.xc[1][j], exact = S * (R * R - r * r) / (4 * D), V = AzGridVolume(&p.grid, i, j, k);
      const PetscReal e = c[AzGridOwned(&p.grid, i, j, k)] - exact;
      e2 += V * e * e, vol += V;
    }
    PetscCall(VecRestoreArrayRead(p.c, &c));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &e2, 1, MPIU_REAL, MPIU_SUM, p.comm));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &vol, 1, MPIU_REAL, MPIU_SUM, p.comm));
    err[t] = PetscSqrtReal(e2 / vol) / c0;
    PetscCall(AzProblemBalance(&p, &b));  // what leaves at R (in < 0) is what the source made, S pi R^2 L
    PetscCall(PetscPrintf(PETSC_COMM_WORLD,
                          "solid cylinder with a source, %2" PetscInt_FMT " cells: L2 error %.3e, outflow / source %.15f\n", n[t],
                          (double)err[t], (double)(-b.in / (S * PETSC_PI * R * R * L))));
    AZ_CHECK_REL(-b.in, S * PETSC_PI * R * R * L, 1e-11, "outflow at R vs the source in the cylinder");
    PetscCall(AzProblemDestroy(&p));
  }
  {
    const PetscReal order = PetscLog2Real(err[1] / err[2]);
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  observed order %.3f\n", (double)order));
    AZ_CHECK(order >= 1.8, "solid cylinder: observed order %.3g < 1.8", (double)order);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// 20-point Gauss-Legendre rule on [a, b] of f(r) r (nodes and weights from the three-term recurrence, by Newton).
static PetscReal AnnulusQuadrature(PetscReal ri, PetscReal ro, PetscReal g, PetscReal a, PetscReal b, PetscReal *area)
{
  const PetscInt n   = 20;
  PetscReal      sum = 0, sa = 0;
  for (PetscInt k = 1; k <= n; k++) {
    PetscReal x = PetscCosReal(PETSC_PI * (k - 0.25) / (n + 0.5)), dp = 0;
    for (PetscInt it = 0; it < 100; it++) {
      PetscReal p0 = 1, p1 = x;
      for (PetscInt m = 2; m <= n; m++) {
        const PetscReal p2 = ((2 * m - 1) * x * p1 - (m - 1) * p0) / m;
        p0 = p1, p1 = p2;
      }
      dp                 = n * (x * p1 - p0) / (x * x - 1);
      const PetscReal dx = p1 / dp;
      x -= dx;
      if (PetscAbsReal(dx) < 1e-16) break;
    }
    const PetscReal w = 2 / ((1 - x * x) * dp * dp), r = 0.5 * (a + b) + 0.5 * (b - a) * x;
    sum += 0.5 * (b - a) * w * AzAnnulusVelocity(ri, ro, g, r) * r;
    sa += 0.5 * (b - a) * w * r;
  }
  *area = sa;
  return sum;
}

static PetscErrorCode CheckAnnulus(void)
{
  const PetscReal ri = 7e-4, ro = 2e-3, Q = 1.667e-8, g = AzAnnulusDriving(ri, ro, Q), k = ri / ro;
  const PetscInt  n = 24;
  PetscReal       rf[25], u[24], flow = 0, worst = 0, area, qint = 0;
  const PetscReal rstar = ro * PetscSqrtReal((1 - k * k) / (2 * PetscLogReal(1 / k))), h = 1e-9;

  PetscFunctionBeginUser;
  PetscCall(AzMesh1D(ri, ro, n, 2, (const AzRefinePoint[]){{ri, ri, 6, (ro - ri) / 8}, {ro, ro, 6, (ro - ri) / 8}}, 0, NULL, rf));
  AzAnnulusCellAverages(ri, ro, g, 0, n, rf, u);
  for (PetscInt j = 0; j < n; j++) {
    const PetscReal num = AnnulusQuadrature(ri, ro, g, rf[j], rf[j + 1], &area);
    flow += u[j] * PETSC_PI * (rf[j + 1] * rf[j + 1] - rf[j] * rf[j]);
    qint += 2 * PETSC_PI * num;
    worst = PetscMax(worst, PetscAbsReal(u[j] - num / area) / (Q / (PETSC_PI * (ro * ro - ri * ri))));
  }
  PetscCall(
      PetscPrintf(PETSC_COMM_WORLD,
                  "annulus: cell averages vs quadrature %.1e, their flow %.15g vs %.15g m3/s, the profile's integral %.15g; walls %.1e "
                  "%.1e m/s\n",
                  (double)worst, (double)flow, (double)Q, (double)qint, (double)AzAnnulusVelocity(ri, ro, g, ri),
                  (double)AzAnnulusVelocity(ri, ro, g, ro)));
  AZ_CHECK(worst < 1e-12, "annulus cell averages off the exact ones by %.3g", (double)worst);
  AZ_CHECK_REL(flow, Q, 1e-13, "annulus: the cell averages' flow rate");
  AZ_CHECK_REL(qint, Q, 1e-12, "annulus: the profile's flow rate (BSL eq. 2.4-17)");
  AZ_CHECK(PetscAbsReal(AzAnnulusVelocity(ri, ro, g, ri)) < 1e-12 * Q / (ro * ro) &&
               PetscAbsReal(AzAnnulusVelocity(ri, ro, g, ro)) < 1e-12 * Q / (ro * ro),
           "annulus: the velocity must vanish on the walls");
  AZ_CHECK(AzAnnulusVelocity(ri, ro, g, rstar) > AzAnnulusVelocity(ri, ro, g, rstar - 1e3 * h) &&
               AzAnnulusVelocity(ri, ro, g, rstar) > AzAnnulusVelocity(ri, ro, g, rstar + 1e3 * h),
           "annulus: the maximum is not at BSL's radius %g m", (double)rstar);
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(AzInitialize(&argc, &argv, "test_cylinder", NULL));
  PetscCall(CheckAnnulus());
  PetscCall(CheckMetric());
  PetscCall(CheckFilm());
  PetscCall(CheckSolidCylinder());
  return AzTestFinish();
}
