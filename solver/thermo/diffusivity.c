// Diffusivities: dissolved gases in the electrolyte, and binary gas pairs (for the gas-diffusion layer).
#include <azote/private/thermoimpl.h>

// Reference diffusivities in water at 25 °C, m^2 s^-1 (DESIGN §2). N2: 1.96e-9; the CRC Handbook table "Diffusion of
// gases in water" lists 2.0e-9 (after Himmelblau, Chem. Rev. 64, 527 (1964)). O2: 2.0e-9; Han & Bartels (1996)
// give 1.998e-9 at 25 °C (below), the CRC table 2.0-2.4e-9 depending on method.
static const PetscReal az_D25[AZ_NGAS_SOLVED] = {1.96e-9, 2.0e-9};
// Molar volumes of the liquefied gases at their normal boiling points (the V_A of Wilke & Chang), cm^3/mol: from the
// densities of liquid N2 (0.808 g/cm^3 at 77.4 K) and O2 (1.141 g/cm^3 at 90.2 K).
static const PetscReal az_Vb[AZ_NGAS_SOLVED] = {34.7, 28.0};

// Temperature law of a dissolved gas in water: Han & Bartels, J. Phys. Chem. 100, 5597 (1996), the fit of their
// measurements of O2 in H2O, log10(D/cm^2 s^-1) = -4.410 + 773.8/T - (506.4/T)^2. D(T)/D(25 °C) of that fit scales
// both gases' reference values (N2's temperature dependence is taken as O2's: gases of the same size and activation
// energy, 18 kJ/mol here; Jähne et al. 1987 find 18-20 kJ/mol for CH4, CO2, Kr). Checked against Jähne et al.
// (CO2, CH4, Kr at 10 and 35 °C; tests/unit/test_diffusivity.c). Stokes-Einstein with a constant D mu/T, the law
// before, is 7 % high at 60 °C and 12 % high at 80 °C against it.
static PetscReal AzHanBartels(PetscReal T)
{
  return PetscPowReal(10.0, -4.410 + 773.8 / T - PetscSqr(506.4 / T)) * 1e-4;  // m^2 s^-1
}

// D of a dissolved gas in the aqueous electrolyte at T: D_25 (D_HB(T)/D_HB(25 °C)) (mu_w(T)/mu(T, electrolyte)), the
// salts entering through the solution viscosity at fixed T (Stokes-Einstein). That overestimates D in concentrated
// electrolytes: Davis, Horvath & Tobias, Electrochim. Acta 12, 287 (1967) measured D mu = 1.3e-12 N for O2 in 2-4 M
// KOH at 25 °C against 1.78e-12 N in water, a third lower; above mu/mu_w = 1.3 a warning says so.
static PetscErrorCode AzWaterDiffusivity(AzGas gas, PetscReal T, PetscReal mu_w, PetscReal mu, PetscReal *D, AzPropWarnings *w)
{
  PetscFunctionBeginUser;
  PetscCall(AzCheckRange("temperature", T, "K", AZ_T_MIN, AZ_T_MAX, "liquid diffusivity, Han & Bartels 1996"));
  *D = az_D25[gas] * AzHanBartels(T) / AzHanBartels(298.15) * (mu_w / mu);
  if (mu > 1.3 * mu_w)
    PetscCall(AzPropWarningsAdd(w,
                                "diffusivities from Stokes-Einstein with the solution viscosity (mu/mu_w = %.3g): too high in concentrated "
                                "electrolytes, by about 35 %% for O2 in 2-4 M KOH (Davis et al. 1967)",
                                (double)(mu / mu_w)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Wilke & Chang, AIChE J. 1, 264 (1955): D = 7.4e-8 (phi M)^0.5 T / (mu V_A^0.6) cm^2/s (M in g/mol, mu in mPa s,
// V_A in cm^3/mol), phi the association factor of the solvent (water 2.6, methanol 1.9, ethanol 1.5, others 1); Poling
// et al. (2001) §11-9 give its typical error as about 10 %, up to 20 %.
PetscReal AzWilkeChang(AzGas gas, PetscReal phiM, PetscReal T, PetscReal mu)
{
  return 1e-4 * 7.4e-8 * PetscSqrtReal(phiM) * T / (mu * 1e3 * PetscPowReal(az_Vb[gas], 0.6));  // m^2 s^-1
}

PetscErrorCode AzLiquidDiffusivitySolvent(AzGas gas, PetscReal T, const AzSolvent *solvent, const AzElectrolyte *el,
                                          const AzLiquidProps *liq, PetscReal *D, AzPropWarnings *w)
{
  AzLiquidProps own;
  PetscBool     corrected;
  PetscReal     sum = 0, p, rho_m, mu_j, Dj;  // m^2 s^-1 (Pa s)^0.8, Pa, mol m^-3, Pa s, m^2 s^-1

  PetscFunctionBeginUser;
  PetscCheck((PetscInt)gas >= 0 && gas < AZ_NGAS_SOLVED, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
             "liquid diffusivity: only N2 and O2 are dissolved species of azote (gas index %d)", (int)gas);
  if (!liq) {
    PetscCall(AzLiquidProperties(T, solvent, el, &own, &corrected, w));
    liq = &own;
  }
  if (AzSolventIsWater(solvent)) {
    PetscReal rho_w, mu_w;
    PetscCall(AzCheckRange("temperature", T, "K", AZ_T_MIN, AZ_T_MAX, "liquid diffusivity, Han & Bartels 1996"));
    PetscCall(AzWaterDensity(T, &rho_w));
    PetscCall(AzWaterViscosity(T, rho_w, &mu_w));
    PetscCall(AzWaterDiffusivity(gas, T, mu_w, liq->viscosity, D, w));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  // Perkins & Geankoplis, Chem. Eng. Sci. 24, 1035 (1969): D_m mu_m^0.8 = sum_j x_j D_j mu_j^0.8 over the pure
  // solvents (one term for a pure solvent: Wilke-Chang exactly).
  for (PetscInt k = 0; k < solvent->n; k++) {
    const AzSolventData *d = AzSolventGet(solvent->id[k]);
    PetscCall(AzSolventPure(solvent->id[k], T, &p, &rho_m, &mu_j));
    if (solvent->id[k] == AZ_SOLVENT_WATER)
      PetscCall(AzWaterDiffusivity(gas, T, mu_j, mu_j, &Dj, w));
    else
      Dj = AzWilkeChang(gas, d->assoc * d->M * 1e3, T, mu_j);
    sum += solvent->x[k] * Dj * PetscPowReal(mu_j, 0.8);
  }
  *D = sum / PetscPowReal(liq->viscosity, 0.8);
  PetscCall(AzPropWarningsAdd(w, "diffusivities of N2 and O2 in %s: Wilke-Chang estimates (typically 10 %%, up to 20 %%)%s", solvent->spec,
                              solvent->n > 1 ? ", mixed by Perkins & Geankoplis" : ""));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzLiquidDiffusivity(AzGas gas, PetscReal T, const AzElectrolyte *el, PetscReal *D)
{
  PetscFunctionBeginUser;
  PetscCall(AzLiquidDiffusivitySolvent(gas, T, NULL, el, NULL, D, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Fuller, Schettler & Giddings, Ind. Eng. Chem. 58(5), 18 (1966), in the form of Poling et al. (2001) eq. 11-4.4:
//   D_AB = 0.00143 T^1.75 / (P M_AB^0.5 (V_A^(1/3) + V_B^(1/3))^2)   [cm^2/s, T in K, P in bar],
//   M_AB = 2 / (1/M_A + 1/M_B) in g/mol, V the diffusion volumes of species.c (Fuller, Ensley & Giddings 1969).
// A dilute-gas correlation (D P = const): dense-gas effects, which lower D P by a few per cent at tens of bar, are not
// included. Validity: 273.15-1000 K, up to 100 bar.
PetscErrorCode AzGasDiffusivity(AzGas a, AzGas b, PetscReal T, PetscReal P, PetscReal *D)
{
  PetscReal Ma, Mb, Mab, va, vb;  // g/mol, g/mol, g/mol, -, -

  PetscFunctionBeginUser;
  PetscCheck((PetscInt)a >= 0 && a <= AZ_NGAS && (PetscInt)b >= 0 && b <= AZ_NGAS, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
             "gas diffusivity: species indices %d, %d are not gases of azote (N2, O2, Ar, He, CO2, H2, water vapour)", (int)a, (int)b);
  PetscCall(AzCheckRange("temperature", T, "K", AZ_T_MIN, 1000.0, "gas diffusivity, Fuller-Schettler-Giddings"));
  PetscCall(AzCheckRange("pressure", P, "Pa", 1.0, AZ_P_MAX, "gas diffusivity, Fuller-Schettler-Giddings"));
  Ma  = AzSpecies[a].M * 1e3;
  Mb  = AzSpecies[b].M * 1e3;
  Mab = 2 / (1 / Ma + 1 / Mb);
  va  = PetscCbrtReal(AzSpecies[a].v_fsg);
  vb  = PetscCbrtReal(AzSpecies[b].v_fsg);
  *D  = 1e-4 * 0.00143 * PetscPowReal(T, 1.75) / (P * 1e-5 * PetscSqrtReal(Mab) * PetscSqr(va + vb));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Fuller diffusion volumes of the organic solvents' vapours from the atomic increments of Fuller, Ensley & Giddings
// (1969) (Poling et al. 2001, Table 11-1: C 15.9, H 2.31, O 6.11, N 4.54, heterocyclic ring -18.3).
static const PetscReal az_v_fsg_solvent[AZ_NSOLVENT] = {13.1, 31.25, 51.77, 43.27, 69.89};  // water, methanol, ethanol, acetonitrile, THF

// D of gas a through the vapour of the liquid (one pseudo-component: diffusion volume and molar mass averaged over the
// vapour composition), Fuller-Schettler-Giddings as above; water gives AzGasDiffusivity(a, AZ_GAS_WATER_VAPOR).
PetscErrorCode AzGasDiffusivitySolventVapor(AzGas a, const AzSolvent *solvent, PetscReal T, PetscReal P, PetscReal *D)
{
  PetscReal p[AZ_MAX_SOLVENTS], sum = 0, v = 0, Mv = 0, rho_m, mu, Ma, Mab;  // Pa, Pa, -, g/mol, ...

  PetscFunctionBeginUser;
  if (AzSolventIsWater(solvent)) {
    PetscCall(AzGasDiffusivity(a, AZ_GAS_WATER_VAPOR, T, P, D));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCheck((PetscInt)a >= 0 && a < AZ_NGAS, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "gas diffusivity: gas index %d", (int)a);
  PetscCall(AzCheckRange("pressure", P, "Pa", 1.0, AZ_P_MAX, "gas diffusivity, Fuller-Schettler-Giddings"));
  for (PetscInt k = 0; k < solvent->n; k++) {
    PetscCall(AzSolventPure(solvent->id[k], T, &p[k], &rho_m, &mu));
    p[k] *= solvent->x[k];
    sum += p[k];
  }
  for (PetscInt k = 0; k < solvent->n; k++) {
    v += p[k] / sum * az_v_fsg_solvent[solvent->id[k]];
    Mv += p[k] / sum * AzSolventGet(solvent->id[k])->M * 1e3;
  }
  Ma  = AzSpecies[a].M * 1e3;
  Mab = 2 / (1 / Ma + 1 / Mv);
  *D  = 1e-4 * 0.00143 * PetscPowReal(T, 1.75) /
       (P * 1e-5 * PetscSqrtReal(Mab) * PetscSqr(PetscCbrtReal(AzSpecies[a].v_fsg) + PetscCbrtReal(v)));
  PetscFunctionReturn(PETSC_SUCCESS);
}
