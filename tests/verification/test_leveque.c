// The flow cell's limiting current against the Leveque solution and against an independent marching solution of the
// Graetz–Leveque problem (graetz.h), through the full case path with the default mesh.
//
// Leveque (1928): for a boundary layer thin against the channel, the average limiting current density over an
// electrode of length L_e in a linear shear flow of wall rate gamma = 6 U / h is
//   i = 0.80755 n F c (gamma D^2 / L_e)^(1/3),   0.80755 = (3/2) / (Gamma(4/3) 9^(1/3)).
// Case A keeps (D L_e / gamma)^(1/3) below 2 % of h, where the formula holds to a fraction of a per cent; case B is
// the default flow cell, whose boundary layer reaches 16 % of h: the parabolic profile's curvature lowers the true
// flux by several per cent, and azote must follow the marching reference, not the formula. Case A runs for each main
// reaction of the working electrode: N2RR (n = 6) and N2OR (n = 10, an anode) on dissolved N2, and the ORR (n = 4)
// on dissolved O2 with O2's solubility and diffusivity from the property library (feed O2:1).
//
// Case C is the 3-D flow cell (mesh_nz > 0) in a duct of aspect ratio h/w = 1/2 with the electrode across its
// width, in the Leveque regime: where the boundary layer is thin against the distance over which the wall shear
// changes (about h/pi), each strip dz of the electrode sees its own linear shear flow of rate gamma(z) (the duct's
// series, include/azote/duct.h), so that the limiting current is the width average of the local Leveque flux,
//   i = 0.80755 n F c (D^2 / L_e)^(1/3) (1/w) integral_0^w gamma(z)^(1/3) dz,
// lower than the parallel-plate value because the side walls slow the flow near them. What the strip model leaves out
// (diffusion along z near the corners, where gamma -> 0) is of the order of the boundary layer over the width, 1 %.
#include <azote/duct.h>
#include "azcase.h"
#include "graetz.h"
#include "../unit/aztest.h"

typedef struct {
  const char *name;
  PetscReal   h, L, xs, xe, Q;  // m, m, m, m, m^3/s
} Geometry;

// The keys of a flow cell of geometry g and width w in limiting mode, its working electrode's reaction and feed gas.
static PetscErrorCode SetChannel(const Geometry *g, PetscReal w, const char reaction[], const char gas[])
{
  PetscFunctionBeginUser;
  PetscCall(PetscOptionsSetValue(NULL, "-cell", "flowcell"));
  PetscCall(PetscOptionsSetValue(NULL, "-electrode_mode", "limiting"));
  PetscCall(PetscOptionsSetValue(NULL, "-electrode_reaction", reaction));
  PetscCall(PetscOptionsSetValue(NULL, "-gas_composition", gas));
  PetscCall(AzTestSetReal("-flowcell_height", g->h));
  PetscCall(AzTestSetReal("-flowcell_length", g->L));
  PetscCall(AzTestSetReal("-flowcell_width", w));
  PetscCall(AzTestSetReal("-flowcell_electrode_start", g->xs));
  PetscCall(AzTestSetReal("-flowcell_electrode_end", g->xe));
  PetscCall(AzTestSetReal("-flowcell_flow_rate", g->Q));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Check(const Geometry *g, PetscBool thin, const char reaction[], const char gas[])
{
  const PetscReal w = 0.01, Le = g->xe - g->xs, U = g->Q / (w * g->h), gamma = 6 * U / g->h;
  AzCase          c;
  AzProblem       p;
  AzRunStats      st;
  PetscReal       nF, cb, D, delta, leveque, ref, err;

  PetscFunctionBeginUser;
  PetscCall(SetChannel(g, w, reaction, gas));
  PetscCall(AzCaseCreate(PETSC_COMM_WORLD, &c));
  PetscCall(AzSolveCase(c, &p, &st));
  nF = PetscAbsReal(AzElectrodeChargePerReactant(&c->electrode));
  cb = st.metrics.c_bulk_mol_m3;
  D  = c->sol.gas[c->reactant].D;
  AZ_CHECK(cb == c->sol.gas[c->reactant].c_sat && D > 0, "%s: c_bulk is not the reactant's saturation", reaction);
  delta   = PetscCbrtReal(D * Le / gamma);
  leveque = 0.80755 * nF * cb * PetscCbrtReal(gamma * D * D / Le);
  ref     = nF * AzGraetzReference(g->h, U, D, Le, cb, &err);
  PetscCall(PetscPrintf(PETSC_COMM_WORLD,
                        "%s, %s (n = %.0f): boundary layer %.3g %% of h, %" PetscInt_FMT " cells\n  azote i_lim %.6g A/m2, Leveque %.6g "
                        "(%+.3f %%), marching reference %.6g (error estimate %.1e; azote %+.3f %%)\n",
                        g->name, reaction, (double)(nF / AZ_FARADAY), (double)(100 * delta / g->h), st.cells, (double)st.metrics.i_lim_A_m2,
                        (double)leveque, (double)(100 * (st.metrics.i_lim_A_m2 / leveque - 1)), (double)ref, (double)err,
                        (double)(100 * (st.metrics.i_lim_A_m2 / ref - 1))));
  AZ_CHECK(err < 1e-4, "%s: the marching reference is not converged (%.2g)", g->name, (double)err);
  AZ_CHECK_REL(st.metrics.i_lim_A_m2, ref, 0.01, "limiting current vs the marching reference");
  if (thin) {
    AZ_CHECK(delta < 0.02 * g->h, "%s: the boundary layer (%.3g m) is not below 2 %% of h", g->name, (double)delta);
    AZ_CHECK_REL(st.metrics.i_lim_A_m2, leveque, 0.01, "limiting current vs Leveque");
  } else {
    // The formula must be visibly wrong here, or this case does not test that azote follows the true flux.
    AZ_CHECK(leveque / ref - 1 > 0.02, "%s: Leveque is within 2 %% of the reference (%.3g %%)", g->name,
             (double)(100 * (leveque / ref - 1)));
  }
  AZ_CHECK(st.metrics.mass_balance_rel < 1e-8, "%s: mass_balance_rel %.3g", g->name, (double)st.metrics.mass_balance_rel);
  PetscCall(AzProblemDestroy(&p));
  PetscCall(AzCaseDestroy(&c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Solves the flow cell of geometry g and width w in limiting mode, 2-D (nz = 0) or 3-D, on a 120 x ny (x nz) mesh:
// the mean limiting current density and, in 3-D, its average along x in the cell columns k[0] and k[1] across the width.
static PetscErrorCode SolveDuct(const Geometry *g, PetscReal w, PetscInt ny, PetscInt nz, const PetscInt k[2], PetscReal *i_mean,
                                PetscReal i_strip[2], PetscReal z_strip[2], PetscReal *D, PetscReal *nFc)
{
  AzCase            c;
  AzProblem         p;
  AzRunStats        st;
  PetscInt          n;
  AzElectrodePiece *f;

  PetscFunctionBeginUser;
  PetscCall(SetChannel(g, w, "n2rr", "N2:1"));
  PetscCall(PetscOptionsSetValue(NULL, "-mesh_nx", "120"));
  PetscCall(AzTestSetReal("-mesh_ny", (PetscReal)ny));
  if (nz) PetscCall(AzTestSetReal("-mesh_nz", (PetscReal)nz));
  PetscCall(AzCaseCreate(PETSC_COMM_WORLD, &c));
  PetscCall(AzSolveCase(c, &p, &st));
  PetscCall(PetscOptionsClearValue(NULL, "-mesh_nz"));
  PetscCall(PetscOptionsClearValue(NULL, "-mesh_nx"));
  PetscCall(PetscOptionsClearValue(NULL, "-mesh_ny"));
  AZ_CHECK(st.cells == 120 * ny * PetscMax(nz, 1), "the mesh is not 120 x %d x %d", (int)ny, (int)PetscMax(nz, 1));
  AZ_CHECK(st.metrics.mass_balance_rel < 1e-8, "%s: mass_balance_rel %.3g", nz ? "3-D" : "2-D", (double)st.metrics.mass_balance_rel);
  *i_mean = st.metrics.i_lim_A_m2;
  *D      = c->sol.gas[c->reactant].D;
  *nFc    = PetscAbsReal(AzElectrodeChargePerReactant(&c->electrode)) * st.metrics.c_bulk_mol_m3;
  if (nz) {
    PetscReal sum[4] = {0};
    PetscCall(AzProblemElectrodePieces(&p, AZ_BC_ELECTRODE, &n, &f));
    for (PetscInt e = 0; e < n; e++)
      for (PetscInt s = 0; s < 2; s++)
        if (f[e].x[2] == p.grid.xc[2][k[s]]) sum[2 * s] += f[e].area * f[e].state.i[0], sum[2 * s + 1] += f[e].area;
    PetscCall(PetscFree(f));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, sum, 4, MPIU_REAL, MPIU_SUM, p.comm));
    for (PetscInt s = 0; s < 2; s++) i_strip[s] = sum[2 * s] / sum[2 * s + 1], z_strip[s] = p.grid.xc[2][k[s]];
  }
  PetscCall(AzProblemDestroy(&p));
  PetscCall(AzCaseDestroy(&c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Case C: the 3-D flow cell against the strip-wise Leveque flux. Both sides of the comparison are divided by their
// parallel-plate counterparts on the same x-y mesh (azote 2-D, and the Leveque formula with gamma = 6 U / h), so that
// most of the discretisation error and the profile's curvature, common to both, cancel and what is compared is the
// effect of the side walls: in the mean and in two strips, at mid-width and near w/8, whose local shear differs by a
// half. What does not cancel is a discretisation error that differs between strips: on 120 x 32 x 32 cells the strip
// near w/8 is 1.5 % low, on 120 x 64 x 32 0.6 %. So the test refines: each discrepancy must fall from ny = 32 to 64 and
// its extrapolation to ny -> infinity, first or second order, must lie within 0.5 %.
static PetscErrorCode Check3D(const Geometry *g, PetscReal w, PetscInt nz)
{
  const PetscReal Le = g->xe - g->xs, U = g->Q / (w * g->h), drive = AzDuctDriving(g->h, w, g->Q);
  const PetscInt  nq = 20000, k[2] = {nz / 2, nz / 8}, ny[2] = {32, 64};
  PetscReal       i3, i2, strip3[2], z3[2], D, nFc, strip = 0, plates, lev, delta, gamma[2], e[2][3];
  const char     *what[3] = {"mean", "mid-width strip", "strip near w/8"};

  PetscFunctionBeginUser;
  for (PetscInt r = 0; r < 2; r++) {
    PetscCall(SolveDuct(g, w, ny[r], nz, k, &i3, strip3, z3, &D, &nFc));
    PetscCall(SolveDuct(g, w, ny[r], 0, k, &i2, NULL, NULL, &D, &nFc));
    lev    = 0.80755 * nFc * PetscCbrtReal(D * D / Le);
    strip  = 0;
    plates = lev * PetscCbrtReal(6 * U / g->h);
    for (PetscInt q = 0; q < nq; q++) strip += lev * PetscCbrtReal(AzDuctWallShear(g->h, w, drive, (q + 0.5) * w / nq)) / nq;
    delta   = PetscCbrtReal(D * Le / AzDuctWallShear(g->h, w, drive, w / 2));
    e[r][0] = (i3 / i2) / (strip / plates) - 1;
    PetscCall(PetscPrintf(PETSC_COMM_WORLD,
                          "%s, w = %g m, ny = %d: boundary layer %.3g %% of h, %.3g %% of w\n  3-D i_lim %.6g A/m2, 2-D %.6g; "
                          "strip-wise Leveque %.6g, parallel plates %.6g; (3-D/2-D) / (strip-wise/plates) - 1 = %+.3f %%\n",
                          g->name, (double)w, (int)ny[r], (double)(100 * delta / g->h), (double)(100 * delta / w), (double)i3, (double)i2,
                          (double)strip, (double)plates, (double)(100 * e[r][0])));
    for (PetscInt s = 0; s < 2; s++) {
      const PetscReal local = lev * PetscCbrtReal(AzDuctWallShear(g->h, w, drive, z3[s]));
      gamma[s]              = AzDuctWallShear(g->h, w, drive, z3[s]);
      e[r][s + 1]           = (strip3[s] / i2) / (local / plates) - 1;
      PetscCall(PetscPrintf(PETSC_COMM_WORLD,
                            "  strip z = %.4g w: shear %.4g 1/s, i_lim %.6g, local Leveque %.6g; relative to 2-D %+.3f %%\n",
                            (double)(z3[s] / w), (double)gamma[s], (double)strip3[s], (double)local, (double)(100 * e[r][s + 1])));
    }
  }
  for (PetscInt m = 0; m < 3; m++) {
    const PetscReal first = 2 * e[1][m] - e[0][m], second = e[1][m] + (e[1][m] - e[0][m]) / 3;
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  %s: extrapolated discrepancy %+.3f %% (first order), %+.3f %% (second order)\n", what[m],
                          (double)(100 * first), (double)(100 * second)));
    AZ_CHECK(PetscAbsReal(e[1][m]) <= PetscAbsReal(e[0][m]), "%s: the discrepancy grows with refinement", what[m]);
    AZ_CHECK(PetscAbsReal(first) < 0.005 && PetscAbsReal(second) < 0.005, "%s: extrapolated discrepancy beyond 0.5 %%", what[m]);
  }
  AZ_CHECK(gamma[0] / gamma[1] > 1.3, "the two strips' shear rates differ by less than 30 %%");
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  const Geometry thin  = {"A: thin boundary layer (Leveque regime)", 1e-3, 0.01, 0.005, 0.007, 1e-6};
  const Geometry thick = {"B: default flow cell (thick boundary layer)", 5e-4, 0.03, 0.01, 0.02, 1.667e-8};

  PetscCall(AzInitialize(&argc, &argv, "test_leveque", NULL));
  PetscCall(Check(&thin, PETSC_TRUE, "n2rr", "N2:1"));
  PetscCall(Check(&thick, PETSC_FALSE, "n2rr", "N2:1"));
  PetscCall(Check(&thin, PETSC_TRUE, "n2or", "N2:1"));
  PetscCall(Check(&thin, PETSC_TRUE, "orr", "O2:1"));
  {
    const Geometry duct = {"C: duct h/w = 1/2 (Leveque regime)", 1e-3, 0.01, 0.005, 0.0055, 1.6e-6};
    PetscCall(Check3D(&duct, 2e-3, 32));
  }
  return AzTestFinish();
}
