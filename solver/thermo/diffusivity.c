// Diffusivities: dissolved gases in the electrolyte, and binary gas pairs (for the gas-diffusion layer).
#include <azote/private/thermoimpl.h>

// Reference diffusivities in water at 25 °C, m^2 s^-1 (DESIGN §2). N2: 1.96e-9; the CRC Handbook table "Diffusion of
// gases in water" lists 2.0e-9 (after Himmelblau, Chem. Rev. 64, 527 (1964)). O2: 2.0e-9; the same table gives
// 2.0-2.4e-9 depending on method, and warns that gas-liquid diffusivities from different methods differ widely.
static const PetscReal az_D25[AZ_NGAS_SOLVED] = {1.96e-9, 2.0e-9};

// D(T, electrolyte) = D_25 (T / 298.15 K) (mu_w(298.15 K) / mu(T)), the Stokes-Einstein scaling D mu / T = const,
// with mu the IAPWS 2008 water viscosity, corrected for the salts where Laliberté's parameters cover T and the
// concentration (AzElectrolyteViscosity); otherwise mu = mu_w. D mu/T = const holds for gases the size of N2 and O2
// to a few per cent over 10-35 °C (tested against Jähne et al., J. Geophys. Res. 92, 10767 (1987)). It is known to
// overestimate D in concentrated electrolytes: Davis, Horvath & Tobias, Electrochim. Acta 12, 287 (1967) measured
// D mu = 1.3e-12 N for O2 in 2-4 M KOH at 25 °C, against 1.78e-12 N in water (see docs/thermo.md).
// Validity: 273.15-363.15 K.
PetscErrorCode AzLiquidDiffusivity(AzGas gas, PetscReal T, const AzElectrolyte *el, PetscReal *D)
{
  PetscReal rho25, mu25, mu;  // kg m^-3, Pa s, Pa s
  PetscBool corrected;

  PetscFunctionBeginUser;
  PetscCheck((PetscInt)gas >= 0 && gas < AZ_NGAS_SOLVED, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
             "liquid diffusivity: only N2 and O2 are dissolved species of azote (gas index %d)", (int)gas);
  PetscCall(AzCheckRange("temperature", T, "K", AZ_T_MIN, AZ_T_MAX, "liquid diffusivity, Stokes-Einstein scaling"));
  PetscCall(AzWaterDensity(298.15, &rho25));
  PetscCall(AzWaterViscosity(298.15, rho25, &mu25));
  PetscCall(AzElectrolyteViscosity(T, el, &mu, &corrected, NULL, 0));
  *D = az_D25[gas] * (T / 298.15) * (mu25 / mu);
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
