// Migration of a membrane's mobile ions with the ionic current (include/azote/transport.h, AzMigrationFlux):
//  1. the flux of two half-cells in series: equal halves give AzFaceFlux's exponentially fitted flux, no velocity the
//     harmonic mean, to 1e-13; its derivatives (and B'(z)) against central finite differences to 1e-7;
//  2. electrolyte | membrane | electrolyte between two bulk faces at c1 and c2 whose potentials drive a current i
//     through the stack, species migrating in the membrane with u = m i (and, second run, in the electrolytes with their
//     own m): steady 1-D advection-diffusion in series, whose exact solution is the chain of
//       J = (D_k/L_k) [B(-Pe_k) c_left - B(Pe_k) c_right],  Pe_k = u_k L_k / D_k,
//     one per layer (Goldman's flux, Goldman, J. Gen. Physiol. 27, 37 (1943), in each): the scheme is exact for it,
//     so the cell-centre concentrations and the flux must match to 1e-10 on a coarse mesh, for the current either way
//     and Peclet numbers from 0.1 to 20; the potential is the series of the ohmic drops to 1e-12.
#include "azcase.h"
#include "../unit/aztest.h"

static PetscErrorCode CheckHalfCells(void)
{
  const PetscReal A = 2e-6, D = 1.3e-10, h = 4e-6, cP = 0.7, cN = 0.2;
  PetscReal       worst = 0, worst_d = 0;

  PetscFunctionBeginUser;
  for (PetscInt t = 0; t < 7; t++) {
    const PetscReal u = (t - 3) * 1.7e-5, m = 3e-7, i = u / m;  // Pe from -1.6 to 1.6 over the whole face
    PetscReal       F, dcP, dcN, di, aP, aN;
    AzMigrationFlux(A, D, h / 2, 0, m, D, h / 2, 0, m, i, cP, cN, &F, &dcP, &dcN, &di);
    AzFaceFlux(A, D, h, u, &aP, &aN);
    worst = PetscMax(worst, PetscAbsReal(F - (aP * cP + aN * cN)) / PetscAbsReal(aP * cP));
    // derivatives by central differences
    {
      const PetscReal e = 1e-6;
      PetscReal       Fp, Fm, x1, x2, x3;
      AzMigrationFlux(A, D, h / 3, 0, m, 2 * D, 2 * h / 3, 0, 0.5 * m, i * (1 + e), cP, cN, &Fp, &x1, &x2, &x3);
      AzMigrationFlux(A, D, h / 3, 0, m, 2 * D, 2 * h / 3, 0, 0.5 * m, i * (1 - e), cP, cN, &Fm, &x1, &x2, &x3);
      AzMigrationFlux(A, D, h / 3, 0, m, 2 * D, 2 * h / 3, 0, 0.5 * m, i, cP, cN, &F, &dcP, &dcN, &di);
      if (i != 0) worst_d = PetscMax(worst_d, PetscAbsReal((Fp - Fm) / (2 * e * i) - di) / PetscMax(PetscAbsReal(di), 1e-30));
      AzMigrationFlux(A, D, h / 3, 0, m, 2 * D, 2 * h / 3, 0, 0.5 * m, i, cP * (1 + e), cN, &Fp, &x1, &x2, &x3);
      AzMigrationFlux(A, D, h / 3, 0, m, 2 * D, 2 * h / 3, 0, 0.5 * m, i, cP * (1 - e), cN, &Fm, &x1, &x2, &x3);
      worst_d = PetscMax(worst_d, PetscAbsReal((Fp - Fm) / (2 * e * cP) - dcP) / PetscAbsReal(dcP));
    }
  }
  {
    PetscReal F, dcP, dcN, di;
    AzMigrationFlux(A, D, h / 3, 0, 0, 4 * D, 2 * h / 3, 0, 0, 0, cP, cN, &F, &dcP, &dcN, &di);
    const PetscReal harmonic = A * (cP - cN) / (h / 3 / D + 2 * h / 3 / (4 * D));
    worst                    = PetscMax(worst, PetscAbsReal(F / harmonic - 1));
  }
  for (PetscReal z = -30; z <= 30; z += 0.37) {
    const PetscReal e = 1e-5, fd = (AzBernoulli(z + e) - AzBernoulli(z - e)) / (2 * e);
    worst_d = PetscMax(worst_d, PetscAbsReal(fd - AzBernoulliDerivative(z)) / PetscMax(PetscAbsReal(fd), 1e-3));
  }
  PetscCall(PetscPrintf(PETSC_COMM_WORLD,
                        "half-cells in series: vs AzFaceFlux and the harmonic mean %.2e, derivatives vs differences %.2e\n", (double)worst,
                        (double)worst_d));
  AZ_CHECK(worst < 1e-13, "two equal half-cells differ from the fitted flux by %.3g", (double)worst);
  AZ_CHECK(worst_d < 1e-7, "derivatives of the migration flux off by %.3g", (double)worst_d);
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The exact chain: layer k from y_k to y_k+1 with D_k, u_k; c(y) in layer k and the flux J.
typedef struct {
  PetscInt  n;
  PetscReal y[5], D[4], u[4];
  PetscReal c[5], J;  // concentrations at the interfaces (c[0] = c1, c[n] = c2) and the flux
} Chain;

static PetscReal ChainAlpha(const Chain *ch, PetscInt k, PetscReal sign)
{
  const PetscReal L = ch->y[k + 1] - ch->y[k];
  return ch->D[k] / L * AzBernoulli(sign * ch->u[k] * L / ch->D[k]);
}

static void ChainSolve(Chain *ch, PetscReal c1, PetscReal c2)
{
  // unknowns x = (J, c_1, ..., c_{n-1}); equation k: J - alpha_k c_k + beta_k c_{k+1} = 0 (c_0 = c1, c_n = c2), solved
  // by Gaussian elimination with partial pivoting (the recursion from one end loses e^Pe of its digits)
  PetscReal A[4][5] = {{0}};
  PetscInt  n       = ch->n;
  for (PetscInt k = 0; k < n; k++) {
    const PetscReal a = ChainAlpha(ch, k, -1), b = ChainAlpha(ch, k, 1);
    A[k][0] = 1;
    if (k > 0)
      A[k][k] -= a;
    else
      A[k][n] += a * c1;
    if (k + 1 < n)
      A[k][k + 1] += b;
    else
      A[k][n] -= b * c2;
  }
  for (PetscInt col = 0; col < n; col++) {
    PetscInt piv = col;
    for (PetscInt r = col + 1; r < n; r++)
      if (PetscAbsReal(A[r][col]) > PetscAbsReal(A[piv][col])) piv = r;
    for (PetscInt q = 0; q <= n; q++) {
      const PetscReal t = A[col][q];
      A[col][q] = A[piv][q], A[piv][q] = t;
    }
    for (PetscInt r = 0; r < n; r++) {
      if (r == col) continue;
      const PetscReal f = A[r][col] / A[col][col];
      for (PetscInt q = col; q <= n; q++) A[r][q] -= f * A[col][q];
    }
  }
  ch->J    = A[0][n] / A[0][0];
  ch->c[0] = c1, ch->c[n] = c2;
  for (PetscInt k = 1; k < n; k++) ch->c[k] = A[k][n] / A[k][k];
}

static PetscReal ChainValue(const Chain *ch, PetscReal y)
{
  for (PetscInt k = 0; k < ch->n; k++) {
    if (y > ch->y[k + 1]) continue;
    const PetscReal L = ch->y[k + 1] - ch->y[k], s = (y - ch->y[k]) / L, pe = ch->u[k] * L / ch->D[k];
    if (PetscAbsReal(pe) < 1e-12) return ch->c[k] + (ch->c[k + 1] - ch->c[k]) * s;
    return ch->c[k] + (ch->c[k + 1] - ch->c[k]) * expm1(pe * s) / expm1(pe);
  }
  return ch->c[ch->n];
}

// electrolyte | membrane (D_m, kappa_m, m_m) | electrolyte with m_e | electrolyte (D_e, kappa_e), each layer `cells`
// cells, bulk faces at c1 (phi = Phi) and c2 (phi = 0). (Migration acts across interior faces: the layers at the bulk
// faces carry none.)
static PetscErrorCode CheckStack(PetscReal Phi, PetscReal m_m, PetscReal m_e, PetscInt cells, PetscReal *err, PetscReal *pe_m)
{
  const PetscReal  a = 2e-4, L = 1.5e-4, D_e = 1.9e-9, D_m = 2e-10, k_e = 1.2, k_m = 8, c1 = 0.3, c2 = 0.05;
  const PetscReal  ylay[5] = {0, a, a + L, 1.5 * a + L, 2 * a + L}, D[4] = {D_e, D_m, D_e, D_e}, kap[4] = {k_e, k_m, k_e, k_e};
  const PetscReal  mig[4] = {0, m_m, m_e, 0};
  AzProblem        p;
  PetscInt         r[4], lo, hi, s_phi, M[3] = {2, 4 * cells, 1};
  PetscReal       *xf[3], worst = 0, worst_phi = 0, i_cur;
  const PetscReal *c;
  Chain            ch;

  PetscCall(PetscMemzero(&p, sizeof(p)));
  p.comm = PETSC_COMM_WORLD;
  p.T    = 298.15;
  p.bulk = c1;
  PetscCall(AzProblemAddSpecies(&p, "c_no3", NULL));
  PetscCall(AzProblemAddSpecies(&p, "phi_l", &s_phi));
  p.species[0].scale     = 1e-3 * D_m;
  p.species[s_phi].scale = 1e-3 * k_m / AZ_FARADAY;
  for (PetscInt l = 0; l < 4; l++) {
    const char *names[4] = {"electrolyte_a", "membrane", "electrolyte_m", "electrolyte_b"};
    PetscCall(AzProblemAddRegion(&p, names[l], &r[l]));
    p.region[r[l]].present[0] = p.region[r[l]].present[s_phi] = PETSC_TRUE;
    p.region[r[l]].D[0] = D[l], p.region[r[l]].D[s_phi] = kap[l], p.region[r[l]].migration[0] = mig[l];
  }
  PetscCall(PetscMalloc3(3, &xf[0], M[1] + 1, &xf[1], 2, &xf[2]));
  PetscCall(AzMesh1D(0, 1e-3, 2, 0, NULL, 0, NULL, xf[0]));
  for (PetscInt l = 0; l < 4; l++) PetscCall(AzMesh1D(ylay[l], ylay[l + 1], cells, 0, NULL, 0, NULL, xf[1] + l * cells));
  xf[2][0] = 0, xf[2][1] = 1e-3;
  PetscCall(AzProblemCreateGrid(&p, 2, M, xf));
  PetscCall(PetscFree3(xf[0], xf[1], xf[2]));
  AZ_CHECK(p.migration, "the problem does not know that species migrate");
  for (PetscInt j = p.grid.gxs[1]; j < p.grid.gxs[1] + p.grid.gxm[1]; j++)
    for (PetscInt i = p.grid.gxs[0]; i < p.grid.gxs[0] + p.grid.gxm[0]; i++) p.grid.tag[AzGridLocal(&p.grid, i, j, 0)] = r[j / cells];
  PetscCall(AzProblemSetUpBoundaries(&p));
  PetscCall(AzProblemAddPatch(&p, AZ_BC_BULK, (PetscReal[]){c1, Phi}, &lo));
  PetscCall(AzProblemAddPatch(&p, AZ_BC_BULK, (PetscReal[]){c2, 0}, &hi));
  for (PetscInt i = 0; i < 2; i++) p.bc[2][i] = lo, p.bc[3][i] = hi;
  p.electrode.nreaction = 0;
  PetscCall(AzProblemSetInitial(&p, (PetscReal[]){c1, 0}));
  PetscCall(AzProblemSetUpSolver(&p));
  PetscCall(AzProblemSolve(&p));

  // the exact solution: the current through the ohmic series, each layer's velocity m i
  i_cur = Phi / (2 * a / k_e + L / k_m);
  ch.n  = 4;
  for (PetscInt k = 0; k < 5; k++) ch.y[k] = ylay[k];
  for (PetscInt k = 0; k < 4; k++) ch.D[k] = D[k], ch.u[k] = mig[k] * i_cur;
  ChainSolve(&ch, c1, c2);
  *pe_m = ch.u[1] * L / D_m;
  PetscCall(VecGetArrayRead(p.c, &c));
  AzForOwnedCells(&p.grid, i, j, k)
  {
    const PetscReal y = p.grid.xc[1][j], phi_exact = j < cells       ? Phi - i_cur * y / k_e
                                                     : j < 2 * cells ? Phi - i_cur * (a / k_e + (y - a) / k_m)
                                                                     : i_cur * (ylay[4] - y) / k_e;
    worst     = PetscMax(worst, PetscAbsReal(c[AzGridOwned(&p.grid, i, j, k) * 2] - ChainValue(&ch, y)) / c1);
    worst_phi = PetscMax(worst_phi, PetscAbsReal(c[AzGridOwned(&p.grid, i, j, k) * 2 + 1] - phi_exact) / PetscAbsReal(Phi));
  }
  PetscCall(VecRestoreArrayRead(p.c, &c));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &worst, 1, MPIU_REAL, MPIU_MAX, p.comm));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &worst_phi, 1, MPIU_REAL, MPIU_MAX, p.comm));
  {
    AzBalance b;  // the flux entering at y = 0 (species 0's inflow through the bulk faces: in = J_in - J_out = 0)
    PetscCall(AzProblemBalance(&p, &b));
    AZ_CHECK(PetscAbsReal(b.in) <= 1e-10 * PetscAbsReal(ch.J) * 1e-6, "the stack's steady flux does not balance: %g", (double)b.in);
    AZ_CHECK(PetscAbsReal(b.current_counter) <= 1e-10 * PetscAbsReal(i_cur) * 1e-6, "the current does not balance: %g A",
             (double)b.current_counter);
  }
  PetscCall(PetscPrintf(PETSC_COMM_WORLD,
                        "stack, Phi %+.3g V (i %+.4g A/m2), m_membrane %.2g, m_electrolyte %.2g m3/C, Pe_membrane %+7.3f: flux %.6e "
                        "mol/m2/s, max error c %.2e, phi %.2e\n",
                        (double)Phi, (double)i_cur, (double)m_m, (double)m_e, (double)*pe_m, (double)ch.J, (double)worst,
                        (double)worst_phi));
  AZ_CHECK(worst_phi < 1e-12, "ohmic series: phi off by %.3g", (double)worst_phi);
  *err = worst;
  PetscCall(AzProblemDestroy(&p));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscReal err, pe;

  PetscCall(AzInitialize(&argc, &argv, "test_membrane", NULL));
  PetscCall(CheckHalfCells());
  // m = t / (F C): t+ = 1 over 100 mol/m^3 of cations is 1.04e-7 m^3/C; currents of 10-2000 A/m^2
  const PetscReal runs[][3] = {{0.01, 1.04e-7, 0}, {-0.05, 1.04e-7, 0}, {0.3, 1.04e-7, 0}, {-0.2, -5e-8, 0}, {0.1, 1.04e-7, 2e-8}};
  for (size_t t = 0; t < sizeof(runs) / sizeof(runs[0]); t++) {
    PetscCall(CheckStack(runs[t][0], runs[t][1], runs[t][2], 6, &err, &pe));
    AZ_CHECK(err < 1e-10, "Phi %g: concentrations off the exact chain by %.3g (Pe %g)", (double)runs[t][0], (double)err, (double)pe);
  }
  PetscCall(CheckStack(0.3, 1.04e-7, 0, 6, &err, &pe));
  AZ_CHECK(PetscAbsReal(pe) > 5, "the strongest run must be advection-dominated in the membrane (Pe %g)", (double)pe);
  return AzTestFinish();
}
