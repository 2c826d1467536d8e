// The gas-diffusion electrode's laws (DESIGN §6):
//  1. catalyst-layer effectiveness factor: a layer alone, dissolved N2 fixed at its gas side, no flux at the other,
//     first-order Butler-Volmer kinetics: the reaction rate is eta k c0 L with eta = tanh(phi)/phi, phi = L sqrt(k/D)
//     (Thiele 1939), within 1 % for phi from 0.1 to 10;
//  2. gas-phase diffusion through a gas diffusion layer alone: linear profile and Fick's flux D_eff (c1 - c2)/L to 1e-8;
//  3. flooding: the limiting current of the whole template against the model's analytic 1-D prediction (below) for a
//     dry, a half-flooded and a nearly flooded (s = 0.99) catalyst layer, within 1 %, and the ratio dry/flooded;
//  4. pressure: with fast kinetics (limiting mode) the limiting current follows the N2 solubility of the property
//     library, c_sat(P) (within 1 % of proportionality from 1 to 100 bar), which itself is not linear in P;
//  5. the flooded layer (s = 1): no gas left in its pores, the N2 dissolves at its face to the gas diffusion layer and
//     diffuses through the liquid to first-order kinetics -- a slab fed at one face, whose rate per area is
//     c*_i sqrt(D k) tanh(phi), phi = L sqrt(k/D), D = D_l eps^1.5 (Thiele 1939), with c*_i the liquid at the face in
//     equilibrium with the gas that reaches it through the GDL: within 1 % for phi = 0.3, 1, 3;
//  6. continuity up to s = 1: the metrics at s = 1 - 1e-6, 1 - 1e-8 and 1 approach each other (the gas path through the
//     last open pores vanishes as (1 - s)^1.5), the current never above its limit, the Damkohler number finite;
//  7. the O2 GDE (ORR): check 3's analytic limit with O2, and the GDL's own limit for a fast catalyst layer.
#include <azote/thermo.h>
#include "azcase.h"
#include "../unit/aztest.h"

// A 1-D column (2 cells across x) of one region on [0, L] in y, graded toward y = 0 where the gradients sit.
static PetscErrorCode BuildColumn(AzProblem *p, PetscInt ny, PetscReal L, PetscReal refine)
{
  PetscInt            M[3] = {2, ny, 1};
  PetscReal          *xf[3];
  const AzRefinePoint ref[1] = {{0, 0, refine, L / 8}};

  PetscFunctionBeginUser;
  PetscCall(PetscMalloc3(3, &xf[0], ny + 1, &xf[1], 2, &xf[2]));
  PetscCall(AzMesh1D(0, 1e-3, 2, 0, NULL, 0, NULL, xf[0]));
  PetscCall(AzMesh1D(0, L, ny, refine > 1 ? 1 : 0, ref, 0, NULL, xf[1]));
  xf[2][0] = 0, xf[2][1] = 1e-3;
  PetscCall(AzProblemCreateGrid(p, 2, M, xf));
  PetscCall(PetscFree3(xf[0], xf[1], xf[2]));
  PetscCall(AzProblemSetUpBoundaries(p));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode CheckThiele(void)
{
  const PetscReal L = 1e-5, D = 1e-10, c0 = 0.6, T = 298.15;  // m, m^2/s (liquid in pores), mol/m^3, K
  const PetscReal phis[] = {0.1, 0.3, 1, 3, 10};

  PetscFunctionBeginUser;
  for (size_t t = 0; t < sizeof(phis) / sizeof(phis[0]); t++) {
    AzProblem       p;
    AzBalance       b;
    PetscInt        r, feed;
    const PetscReal k   = PetscSqr(phis[t] / L) * D;  // s^-1
    const PetscReal a_v = 1e7, nF = 6 * AZ_FARADAY;   // first order: k = a_v i0 exp(-alpha f eta) / (nF c_ref)
    PetscReal       eta, expected;

    PetscCall(PetscMemzero(&p, sizeof(p)));
    p.comm = PETSC_COMM_WORLD;
    p.T    = T;
    p.bulk = c0;
    PetscCall(AzProblemAddSpecies(&p, "c_n2", NULL));
    p.species[AZ_N2].scale = 1e-3 * D;
    PetscCall(AzProblemAddRegion(&p, "cl", &r));
    p.region[r].present[AZ_N2] = PETSC_TRUE;
    p.region[r].D[AZ_N2]       = D;
    p.region[r].a_v            = a_v;
    p.electrode.mode           = AZ_ELECTRODE_POTENTIOSTATIC;
    p.electrode.potential      = 0;
    p.electrode.nreaction      = 1;  // N2RR alone, irreversible: first order in N2 at any potential
    p.electrode.reaction[0]    = (AzReaction){.info = AzReactionFind("n2rr"), .i0 = k * nF / a_v, .alpha = 0.5, .order = 1, .c_ref = 1};
    PetscCall(AzProblemSetUpElectrodes(&p, NULL));
    PetscCall(BuildColumn(&p, 200, L, 20));
    PetscCall(AzProblemAddPatch(&p, AZ_BC_DIRICHLET, &c0, &feed));
    for (PetscInt i = 0; i < 2; i++) p.bc[2][i] = feed;  // y = 0: the gas side
    PetscCall(AzProblemSetInitial(&p, &c0));
    PetscCall(AzProblemSetUpSolver(&p));
    PetscCall(AzProblemSolve(&p));
    PetscCall(AzProblemBalance(&p, &b));
    expected = k * c0 * L * 1e-3 * 1e-3;  // rate with no diffusion limitation, mol/s, over the 1e-3 x 1e-3 m face
    eta      = b.consumed / expected;
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "Thiele modulus %5.2f: effectiveness %.6f, tanh(phi)/phi %.6f (%+.3f %%)\n", (double)phis[t],
                          (double)eta, (double)(PetscTanhReal(phis[t]) / phis[t]),
                          (double)(100 * (eta / (PetscTanhReal(phis[t]) / phis[t]) - 1))));
    AZ_CHECK_REL(eta, PetscTanhReal(phis[t]) / phis[t], 0.01, "effectiveness factor tanh(phi)/phi");
    PetscCall(AzProblemDestroy(&p));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode CheckGDLFick(void)
{
  const PetscReal  L = 2.5e-4, T = 298.15, P = 101325, eps = 0.76, c1 = 40, c2 = 25;  // m, K, Pa, -, mol/m^3
  AzProblem        p;
  PetscInt         r, lo, hi, sg;
  PetscReal        D, Deff, maxdev = 0, flux;
  const PetscReal *c;

  PetscFunctionBeginUser;
  PetscCall(AzGasDiffusivity(AZ_GAS_N2, AZ_GAS_WATER_VAPOR, T, P, &D));
  Deff = D * PetscPowReal(eps, 1.5);  // Bruggeman
  PetscCall(PetscMemzero(&p, sizeof(p)));
  p.comm = PETSC_COMM_WORLD;
  p.T    = T;
  p.bulk = c1;
  PetscCall(AzProblemAddSpecies(&p, "c_n2", NULL));  // absent from a dry GDL
  PetscCall(AzProblemAddSpecies(&p, "c_n2_gas", &sg));
  p.species[AZ_N2].scale = p.species[sg].scale = 1e-3 * Deff;
  PetscCall(AzProblemAddRegion(&p, "gdl", &r));
  p.region[r].present[sg] = PETSC_TRUE;
  p.region[r].D[sg]       = Deff;
  PetscCall(BuildColumn(&p, 24, L, 5));
  PetscCall(AzProblemAddPatch(&p, AZ_BC_DIRICHLET, (PetscReal[]){0, c1}, &lo));
  PetscCall(AzProblemAddPatch(&p, AZ_BC_DIRICHLET, (PetscReal[]){0, c2}, &hi));
  for (PetscInt i = 0; i < 2; i++) p.bc[2][i] = lo, p.bc[3][i] = hi;
  PetscCall(AzProblemSetInitial(&p, (PetscReal[]){0, c1}));
  PetscCall(AzProblemSetUpSolver(&p));
  PetscCall(AzProblemSolve(&p));
  PetscCall(VecGetArrayRead(p.c, &c));
  AzForOwnedCells(&p.grid, i, j, k)
  {
    const PetscReal y = p.grid.xc[1][j], exact = c1 + (c2 - c1) * y / L;
    maxdev = PetscMax(maxdev, PetscAbsReal(c[AzGridOwned(&p.grid, i, j, k) * 2 + sg] - exact) / c1);
  }
  // Fick's flux from the first cell to the gas-side face, on the rank that owns it
  flux = 0;
  if (p.grid.xs[1] == 0 && p.grid.xs[0] == 0) flux = Deff * (c1 - c[AzGridOwned(&p.grid, 0, 0, 0) * 2 + sg]) / (p.grid.xc[1][0] - 0);
  PetscCall(VecRestoreArrayRead(p.c, &c));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &maxdev, 1, MPIU_REAL, MPIU_MAX, p.comm));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &flux, 1, MPIU_REAL, MPIU_MAX, p.comm));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD,
                        "GDL alone: max deviation from the linear profile %.2e (relative), flux %.10g vs Fick %.10g mol/m2/s\n",
                        (double)maxdev, (double)flux, (double)(Deff * (c1 - c2) / L)));
  AZ_CHECK(maxdev < 1e-8, "GDL profile deviates from linear by %.3g", (double)maxdev);
  AZ_CHECK_REL(flux, Deff * (c1 - c2) / L, 1e-8, "GDL flux vs Fick's law");
  PetscCall(AzProblemDestroy(&p));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Keys of the 1-D GDE of checks 3 and 4: pure N2 fed straight onto the GDL (no gas channel), no catholyte.
static PetscErrorCode SetGDE1D(PetscReal s, PetscReal P)
{
  PetscFunctionBeginUser;
  PetscCall(PetscOptionsSetValue(NULL, "-cell", "gde"));
  PetscCall(PetscOptionsSetValue(NULL, "-electrode_mode", "limiting"));
  PetscCall(PetscOptionsSetValue(NULL, "-gde_gas_depletion", "false"));
  PetscCall(AzTestSetReal("-gde_catholyte_thickness", 0));
  PetscCall(AzTestSetReal("-gde_membrane_thickness", 0));
  PetscCall(AzTestSetReal("-gde_saturation", s));
  PetscCall(AzTestSetReal("-operating_pressure", P));
  PetscCall(AzTestSetReal("-mesh_nx", 4));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The model's limiting current in 1-D (c = 0 in the catalyst layer's liquid), derived for this test:
//   GDL:  N = D1 (c_g0 - c_i) / L1,  D1 = D_g eps_gdl^1.5
//   CL:   D2 c'' = K c (gas), c(0) = c_i, c'(L2) = 0,  D2 = D_g (eps_cl (1 - s))^1.5,  K = H a_v D_l / delta(s)
//         (dissolution through the film into liquid held at zero; H = dc*/dc_gas, pure N2: c* = H c_gas)
//   =>    i_lim = nF c_g0 / (L1/D1 + 1/G),   G = sqrt(D2 K) tanh(L2 sqrt(K/D2)),
// with D_g = D_N2-H2O / y_B (N2 through the stagnant water vapour) and delta(s) = delta_dry + s (delta_flooded -
// delta_dry). Its dry/flooded ratio is the price of flooding: where the gas phase does not limit (L1/D1 << 1/G) and
// the layer is thin against its penetration depth (G ~ K L2), the ratio tends to delta(s)/delta_dry, the ratio of the
// liquid films (100 for the defaults: 98 at s = 0.99).
// With liquid in the layer (s > 0) the N2 also dissolves at the GDL's face, c* = H c_i, into the pores' liquid,
// D_l (eps_cl s)^1.5: in parallel with G, G_face = H D_l (eps_cl s)^1.5 / h. Limiting mode holds the liquid at zero at
// the cell centres, so h is the first catalyst-layer cell's half-height (h_face, from the grid): this part of the
// limit is the mesh's, growing as the layer is refined (the continuous problem's limit is the gas side's).
// (The same holds for any reactant gas, c->reactant: O2 for the ORR, 4 electrons per O2.)
static PetscReal GDELimitAnalyticAv(const AzCase c, PetscReal s, PetscReal h_face, PetscReal a_v)
{
  const PetscReal L1 = 2.5e-4, L2 = 1e-5, eps1 = 0.76, eps2 = 0.4, dry = 1e-7, flooded = 1e-5;  // the defaults
  const AzGas     gas = c->reactant;
  const PetscReal T = c->T, P = c->P, RT = AZ_GAS_CONSTANT * T, D_l = c->sol.gas[gas].D;
  const PetscReal cg0 = c->sol.gas[gas].p_partial / RT, H = c->sol.gas[gas].dc_sat_dp * RT;
  const PetscReal nF = PetscAbsReal(AzElectrodeChargePerReactant(&c->electrode));
  PetscReal       Dg;
  (void)AzGasDiffusivity(gas, AZ_GAS_WATER_VAPOR, T, P, &Dg);
  Dg /= 1 - c->sol.gas[gas].p_partial / P;
  const PetscReal D1 = Dg * PetscPowReal(eps1, 1.5), D2 = Dg * PetscPowReal(eps2 * (1 - s), 1.5);
  const PetscReal K      = H * a_v * D_l / (dry + s * (flooded - dry)),
                  G      = s < 1 ? PetscSqrtReal(D2 * K) * PetscTanhReal(L2 * PetscSqrtReal(K / D2)) : 0;
  const PetscReal G_face = s > 0 && h_face > 0 ? H * D_l * PetscPowReal(eps2 * s, 1.5) / h_face : 0;
  return nF * cg0 / (L1 / D1 + 1 / (G + G_face));
}

static PetscReal GDELimitAnalytic(const AzCase c, PetscReal s, PetscReal h_face)
{
  return GDELimitAnalyticAv(c, s, h_face, 1e7);  // the default specific area
}

// Half-height of the first catalyst-layer cell of a 1-D GDE (its face to the gas diffusion layer).
static PetscReal GDEFaceHalfHeight(const AzProblem *p)
{
  const AzGrid *g = &p->grid;
  for (PetscInt j = 1; j < g->M[1]; j++)
    if (!strcmp(p->region[g->tag[AzGridLocal(g, g->gxs[0], j, 0)]].name, "cl") &&
        strcmp(p->region[g->tag[AzGridLocal(g, g->gxs[0], j - 1, 0)]].name, "cl"))
      return g->xc[1][j] - g->xf[1][j];
  return 0;
}

static PetscErrorCode CheckFlooding(void)
{
  const PetscReal sats[] = {0, 0.5, 0.99};
  PetscReal       ilim[3];

  PetscFunctionBeginUser;
  for (PetscInt t = 0; t < 3; t++) {
    AzCase     c;
    AzProblem  p;
    AzRunStats st;
    PetscReal  expected;
    PetscCall(SetGDE1D(sats[t], 101325));
    PetscCall(AzCaseCreate(PETSC_COMM_WORLD, &c));
    PetscCall(AzSolveCase(c, &p, &st));
    expected = GDELimitAnalytic(c, sats[t], GDEFaceHalfHeight(&p));
    ilim[t]  = st.metrics.i_lim_A_m2;
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "saturation %.2f: i_lim %.6g A/m2, analytic %.6g (%+.3f %%), mass balance %.1e\n",
                          (double)sats[t], (double)ilim[t], (double)expected, (double)(100 * (ilim[t] / expected - 1)),
                          (double)st.metrics.mass_balance_rel));
    AZ_CHECK_REL(ilim[t], expected, 0.01, "GDE limiting current vs the analytic 1-D model");
    AZ_CHECK(st.metrics.mass_balance_rel < 1e-8, "mass balance %.3g", (double)st.metrics.mass_balance_rel);
    if (t == 0)
      PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  analytic ratio dry / flooded (s = 0.99, gas path): %.4g\n",
                            (double)(GDELimitAnalytic(c, 0, 0) / GDELimitAnalytic(c, 0.99, 0))));
    PetscCall(AzProblemDestroy(&p));
    PetscCall(AzCaseDestroy(&c));
  }
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  computed ratio dry / flooded: %.4g\n", (double)(ilim[0] / ilim[2])));
  AZ_CHECK(ilim[0] > ilim[1] && ilim[1] > ilim[2], "the limiting current must fall as the layer floods");
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode CheckPressure(void)
{
  const PetscReal P[] = {1e5, 1e6, 5e6, 1e7};
  PetscReal       ratio[4], csat[4];

  PetscFunctionBeginUser;
  for (PetscInt t = 0; t < 4; t++) {
    AzCase     c;
    AzProblem  p;
    AzRunStats st;
    PetscCall(SetGDE1D(0, P[t]));
    PetscCall(AzCaseCreate(PETSC_COMM_WORLD, &c));
    PetscCall(AzSolveCase(c, &p, &st));
    csat[t]  = c->sol.gas[AZ_GAS_N2].c_sat;
    ratio[t] = st.metrics.i_lim_A_m2 / csat[t];
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "P = %5.0f bar: c_sat %.5g mol/m3, i_lim %.6g A/m2, i_lim/c_sat %.6g (%+.3f %% vs 1 bar)\n",
                          (double)(P[t] / 1e5), (double)csat[t], (double)st.metrics.i_lim_A_m2, (double)ratio[t],
                          (double)(100 * (ratio[t] / ratio[0] - 1))));
    AZ_CHECK_REL(ratio[t], ratio[0], 0.01, "i_lim proportional to the solubility");
    PetscCall(AzProblemDestroy(&p));
    PetscCall(AzCaseDestroy(&c));
  }
  // The check above must distinguish the solubility law from a linear Henry's law: c_sat at 100 bar is well below
  // 100 times its 1-bar value (Krichevsky-Kasarnovsky and the fugacity).
  AZ_CHECK(csat[3] / csat[0] < 0.95 * (P[3] - 3170) / (P[0] - 3170), "c_sat(100 bar)/c_sat(1 bar) = %.4g is linear in p",
           (double)(csat[3] / csat[0]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// 5. The flooded layer against the slab fed at one face: first-order kinetics at the equilibrium potential (eta = 0:
// k = a_v i0 / (nF c_ref)), no HER, k chosen for the Thiele modulus phi.
static PetscErrorCode CheckFloodedThiele(void)
{
  const PetscReal phis[] = {0.3, 1, 3}, L1 = 2.5e-4, L2 = 1e-5, eps1 = 0.76, eps2 = 0.4, a_v = 1e7;  // the defaults

  PetscFunctionBeginUser;
  for (size_t t = 0; t < sizeof(phis) / sizeof(phis[0]); t++) {
    AzCase     c;
    AzProblem  p;
    AzRunStats st;
    PetscCall(SetGDE1D(1.0, 101325));
    PetscCall(PetscOptionsSetValue(NULL, "-electrode_mode", "potentiostatic"));
    PetscCall(AzTestSetReal("-kinetics_her_i0", 0));
    PetscCall(AzTestSetReal("-electrode_potential", 0.05));
    PetscCall(AzTestSetReal("-kinetics_n2rr_e_eq", 0.05));
    {
      // the slab: D = D_l eps^1.5, k from phi; the gas side as in GDELimitAnalytic
      AzCase probe;
      PetscCall(AzCaseCreate(PETSC_COMM_WORLD, &probe));
      const PetscReal T = probe->T, P = probe->P, RT = AZ_GAS_CONSTANT * T, D_l = probe->sol.gas[AZ_GAS_N2].D;
      const PetscReal D = D_l * PetscPowReal(eps2, 1.5), k = PetscSqr(phis[t] / L2) * D, nF = 6 * AZ_FARADAY;
      PetscCall(AzTestSetReal("-kinetics_n2rr_i0", k * nF * 1.0 / a_v));  // c_ref = 1 mol/m^3
      PetscCall(AzCaseDestroy(&probe));
      PetscCall(AzCaseCreate(PETSC_COMM_WORLD, &c));
      PetscCall(AzSolveCase(c, &p, &st));
      const PetscReal H = c->sol.gas[AZ_GAS_N2].dc_sat_dp * RT, c_sat = c->sol.gas[AZ_GAS_N2].c_sat;
      PetscReal       Dg, S, N;
      (void)AzGasDiffusivity(AZ_GAS_N2, AZ_GAS_WATER_VAPOR, T, P, &Dg);
      Dg /= 1 - c->sol.gas[AZ_GAS_N2].p_partial / P;
      S = PetscSqrtReal(D * k) * PetscTanhReal(phis[t]);                  // m/s: the slab's rate per unit c*
      N = S * c_sat / (1 + S * H * L1 / (Dg * PetscPowReal(eps1, 1.5)));  // c*_i = c_sat - H (c_g0 - c_i), N = D1 (c_g0 - c_i)/L1
      PetscCall(PetscPrintf(PETSC_COMM_WORLD, "flooded, Thiele modulus %4.1f: i_n2rr %.6g A/m2, slab fed at one face %.6g (%+.3f %%)\n",
                            (double)phis[t], (double)st.metrics.i_main_A_m2, (double)(nF * N),
                            (double)(100 * (st.metrics.i_main_A_m2 / (nF * N) - 1))));
      AZ_CHECK_REL(st.metrics.i_main_A_m2, nF * N, 0.01, "flooded catalyst layer vs the slab fed at one face");
      AZ_CHECK(st.metrics.i_main_A_m2 <= st.metrics.i_lim_A_m2, "i_n2rr %g above its limit %g", (double)st.metrics.i_main_A_m2,
               (double)st.metrics.i_lim_A_m2);
    }
    PetscCall(AzProblemDestroy(&p));
    PetscCall(AzCaseDestroy(&c));
  }
  PetscCall(PetscOptionsClearValue(NULL, "-kinetics_her_i0"));
  PetscCall(PetscOptionsClearValue(NULL, "-kinetics_n2rr_i0"));
  PetscCall(PetscOptionsClearValue(NULL, "-electrode_potential"));
  PetscCall(PetscOptionsClearValue(NULL, "-kinetics_n2rr_e_eq"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// 6. Continuity up to s = 1 (the shipped GDE case's kinetics, potentiostatic, in 1-D).
static PetscErrorCode CheckContinuity(void)
{
  const PetscReal sats[] = {1 - 1e-6, 1 - 1e-8, 1};
  PetscReal       m[3][4];

  PetscFunctionBeginUser;
  for (PetscInt t = 0; t < 3; t++) {
    AzCase     c;
    AzProblem  p;
    AzRunStats st;
    PetscCall(SetGDE1D(sats[t], 101325));
    PetscCall(PetscOptionsSetValue(NULL, "-electrode_mode", "potentiostatic"));
    PetscCall(AzTestSetReal("-electrode_potential", -0.5));
    PetscCall(AzTestSetReal("-kinetics_n2rr_i0", 1.53e-7));
    PetscCall(AzTestSetReal("-kinetics_her_i0", 1.16e-6));
    PetscCall(AzCaseCreate(PETSC_COMM_WORLD, &c));
    PetscCall(AzSolveCase(c, &p, &st));
    m[t][0] = st.metrics.i_main_A_m2, m[t][1] = st.metrics.i_lim_A_m2, m[t][2] = st.metrics.damkohler, m[t][3] = st.metrics.depletion;
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "s = 1 - %.0e: i_n2rr %.8g, i_lim %.8g A/m2, damkohler %.8g, depletion %.8g\n",
                          (double)(1 - sats[t]), (double)m[t][0], (double)m[t][1], (double)m[t][2], (double)m[t][3]));
    AZ_CHECK(m[t][0] <= m[t][1] && PetscIsNormalReal(m[t][2]) && m[t][2] < 1, "s = %.9g: i_n2rr %g above its limit %g (damkohler %g)",
             (double)sats[t], (double)m[t][0], (double)m[t][1], (double)m[t][2]);
    PetscCall(AzProblemDestroy(&p));
    PetscCall(AzCaseDestroy(&c));
  }
  for (PetscInt q = 0; q < 4; q++) {
    const PetscReal d6 = PetscAbsReal(m[0][q] / m[2][q] - 1), d8 = PetscAbsReal(m[1][q] / m[2][q] - 1);
    AZ_CHECK(d6 < 0.05 && d8 < 1e-3 && d8 < d6 / 10, "metric %" PetscInt_FMT " at s = 1 - 1e-6, 1 - 1e-8: %.3g, %.3g from s = 1", q,
             (double)d6, (double)d8);
  }
  PetscCall(PetscOptionsClearValue(NULL, "-kinetics_her_i0"));
  PetscCall(PetscOptionsClearValue(NULL, "-kinetics_n2rr_i0"));
  PetscCall(PetscOptionsClearValue(NULL, "-electrode_potential"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// 7. The O2 GDE (ORR, O2 in the pores): its limiting current against the same analytic 1-D model with O2's properties
// (4 e- per O2, D_O2-H2O, O2's Henry slope), dry and half flooded; and, dry, the GDL's share of it in the limit of a fast
// catalyst layer the GDL's own limit is approached, i_lim -> 4 F D_eff c_gas / L_GDL (the limiting-current relation of
// gas-diffusion media, e.g. Beuscher, J. Electrochem. Soc. 153, A1788 (2006)). An analytic limit, not a published number: no
// O2-GDE measurement or model value could be checked here (README, "The GDE with every reaction").
static PetscErrorCode CheckORR(void)
{
  const PetscReal sats[] = {0, 0.5};

  PetscFunctionBeginUser;
  for (PetscInt t = 0; t < 2; t++) {
    AzCase     c;
    AzProblem  p;
    AzRunStats st;
    PetscReal  expected;
    PetscCall(SetGDE1D(sats[t], 101325));
    PetscCall(PetscOptionsSetValue(NULL, "-electrode_reaction", "orr"));
    PetscCall(PetscOptionsSetValue(NULL, "-gas_composition", "O2:1"));
    PetscCall(AzCaseCreate(PETSC_COMM_WORLD, &c));
    PetscCall(AzSolveCase(c, &p, &st));
    expected = GDELimitAnalytic(c, sats[t], GDEFaceHalfHeight(&p));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "O2 GDE, saturation %.2f: i_lim %.6g A/m2, analytic %.6g (%+.3f %%), mass balance %.1e\n",
                          (double)sats[t], (double)st.metrics.i_lim_A_m2, (double)expected,
                          (double)(100 * (st.metrics.i_lim_A_m2 / expected - 1)), (double)st.metrics.mass_balance_rel));
    AZ_CHECK_REL(st.metrics.i_lim_A_m2, expected, 0.01, "O2 GDE limiting current vs the analytic 1-D model");
    AZ_CHECK(st.metrics.mass_balance_rel < 1e-10, "O2 GDE mass balance %.3g", (double)st.metrics.mass_balance_rel);
    if (t == 0) {
      // the GDL alone: a catalyst layer a thousand times more active (thinner film) leaves the gas path through the GDL
      PetscReal Dg, gdl;
      (void)AzGasDiffusivity(AZ_GAS_O2, AZ_GAS_WATER_VAPOR, c->T, c->P, &Dg);
      Dg /= 1 - c->sol.gas[AZ_GAS_O2].p_partial / c->P;
      gdl = 4 * AZ_FARADAY * Dg * PetscPowReal(0.76, 1.5) * c->sol.gas[AZ_GAS_O2].p_partial / (AZ_GAS_CONSTANT * c->T) / 2.5e-4;
      PetscCall(AzProblemDestroy(&p));
      PetscCall(AzCaseDestroy(&c));
      PetscCall(AzTestSetReal("-gde_specific_area", 1e10));
      PetscCall(AzCaseCreate(PETSC_COMM_WORLD, &c));
      PetscCall(AzSolveCase(c, &p, &st));
      expected = GDELimitAnalyticAv(c, 0, 0, 1e10);
      PetscCall(PetscPrintf(
          PETSC_COMM_WORLD,
          "O2 GDE, catalyst layer 1000 times more active: i_lim %.6g A/m2, analytic %.6g (%+.3f %%), the GDL's 4 F D_eff c "
          "/ L %.6g\n",
          (double)st.metrics.i_lim_A_m2, (double)expected, (double)(100 * (st.metrics.i_lim_A_m2 / expected - 1)), (double)gdl));
      AZ_CHECK_REL(st.metrics.i_lim_A_m2, expected, 0.01, "O2 GDE with a fast catalyst layer vs the analytic 1-D model");
      AZ_CHECK(st.metrics.i_lim_A_m2 < gdl && st.metrics.i_lim_A_m2 > 0.9 * gdl,
               "O2 GDE with a fast catalyst layer: %g, not just below the GDL's %g", (double)st.metrics.i_lim_A_m2, (double)gdl);
      PetscCall(PetscOptionsClearValue(NULL, "-gde_specific_area"));
    }
    PetscCall(AzProblemDestroy(&p));
    PetscCall(AzCaseDestroy(&c));
  }
  PetscCall(PetscOptionsClearValue(NULL, "-electrode_reaction"));
  PetscCall(PetscOptionsClearValue(NULL, "-gas_composition"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(AzInitialize(&argc, &argv, "test_gde", NULL));
  PetscCall(CheckORR());
  PetscCall(CheckThiele());
  PetscCall(CheckGDLFick());
  PetscCall(CheckFlooding());
  PetscCall(CheckPressure());
  PetscCall(CheckFloodedThiele());
  PetscCall(CheckContinuity());
  return AzTestFinish();
}
