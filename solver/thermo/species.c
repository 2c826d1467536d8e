// Constants of the gases azote knows, one row per species, each column from one cited source:
//  M            molar masses: IUPAC standard atomic weights; water from IAPWS-95.
//  Tc, Pc, w,   critical constants and acentric factors for the virial coefficients (fugacity.c): Poling, Prausnitz
//  Vc, Zc       & O'Connell, The Properties of Gases and Liquids, 5th ed. (2001), Appendix A; water Tc, Pc from IAPWS-95.
//  polar        Tsonopoulos' polar parameter a of water, -0.0109 (Tsonopoulos & Heidman, Fluid Phase Equilib. 57,
//               261 (1990)); zero for the non-polar gases.
//  v_fsg        diffusion volumes of the Fuller-Schettler-Giddings correlation, as revised by Fuller, Ensley &
//               Giddings, J. Phys. Chem. 73, 3679 (1969), tabulated in Poling et al. (2001) Table 11-1.
//  A, B, C      Henry's constants: IAPWS G7-04 (2004), Table 1, = Fernández-Prini, Alvarez & Harvey,
//               J. Phys. Chem. Ref. Data 32, 903 (2003); Tmin, Tmax: the range of the data fitted (G7-04).
//  hG0, hT      gas parameters of the salting-out model: Weisenberger & Schumpe, AIChE J. 42, 298 (1996).
//  v_inf        partial molar volume at infinite dilution in water near 25 °C, used in the Krichevsky-Kasarnovsky
//               factor: N2 33 cm^3/mol, the slope of the Krichevsky-Kasarnovsky plot of the N2 solubility data of
//               Wiebe, Gaddy & Heins, Ind. Eng. Chem. 25, 947 (1933) at 25 °C (Prausnitz, Lichtenthaler & de Azevedo,
//               Molecular Thermodynamics of Fluid-Phase Equilibria, 3rd ed. 1999, ch. 10); O2 32 cm^3/mol, between
//               the dilatometric 31 cm^3/mol at 0 °C (Lauder, Aust. J. Chem. 12, 40 (1959)) and the N2 value.
//               Both are taken independent of T; tests/unit/test_solubility.c checks the result against the NBS
//               tabulation of N2 solubility at 0-50 °C and 1-100 bar.
#include <azote/private/thermoimpl.h>

const char *const AzGasNames[] = {"N2", "O2", "Ar", "He", "CO2", "H2", NULL};

// clang-format off
const AzSpeciesData AzSpecies[AZ_NGAS + 1] = {
  /* name   M (kg/mol)   Tc (K)       Pc (Pa)      omega   Vc (m3/mol) Zc    polar  v_fsg  G7-04: A       B        C         Tmin    Tmax    W-S: hG0   hT       v_inf (m3/mol) */
  {"N2",  28.0134e-3,  126.20,      33.98e5,      0.037,  90.10e-6, 0.289, 0,     18.5, PETSC_TRUE, -9.67578, 4.72162, 11.70585, 278.12, 636.46, PETSC_TRUE, -0.0010, -6.05e-4, 33.0e-6},
  {"O2",  31.9988e-3,  154.58,      50.43e5,      0.022,  73.37e-6, 0.288, 0,     16.3, PETSC_TRUE, -9.44833, 4.43822, 11.42005, 274.15, 616.52, PETSC_TRUE,  0.0000, -3.34e-4, 32.0e-6},
  {"Ar",  39.948e-3,   150.86,      48.98e5,     -0.002,  74.57e-6, 0.291, 0,     16.2, PETSC_TRUE, -8.40954, 4.29587, 10.52779, 273.19, 568.36, PETSC_TRUE,  0.0057, -4.85e-4, 0},
  {"He",  4.002602e-3,   5.19,       2.27e5,     -0.390,  57.30e-6, 0.302, 0,     2.67, PETSC_TRUE, -3.52839, 7.12983,  4.47770, 273.21, 553.18, PETSC_TRUE, -0.0353,  4.64e-4, 0},
  {"CO2", 44.0095e-3,  304.12,      73.74e5,      0.225,  94.07e-6, 0.274, 0,     26.9, PETSC_TRUE, -8.55445, 4.01195,  9.52345, 274.19, 642.66, PETSC_TRUE, -0.0172, -3.38e-4, 0},
  {"H2",  2.01588e-3,   33.19,      13.13e5,     -0.216,  64.20e-6, 0.305, 0,     6.12, PETSC_TRUE, -4.73284, 6.08954,  6.06066, 273.15, 636.09, PETSC_TRUE, -0.0218, -2.99e-4, 0},
  {"H2O", AZ_M_WATER,  AZ_TC_WATER, AZ_PC_WATER,  0.344,  55.95e-6, 0.229, -0.0109, 13.1, PETSC_FALSE, 0, 0, 0, 0, 0, PETSC_FALSE, 0, 0, 0},
};
// clang-format on

// C's %.6g (PETSc's printf appends a '.' to integral values: "400." K).
PetscErrorCode AzCheckRange(const char what[], PetscReal v, const char unit[], PetscReal lo, PetscReal hi, const char why[])
{
  char sv[32], slo[32], shi[32];

  PetscFunctionBeginUser;
  if (v >= lo && v <= hi) PetscFunctionReturn(PETSC_SUCCESS);
  snprintf(sv, sizeof(sv), "%g", (double)v);
  snprintf(slo, sizeof(slo), "%g", (double)lo);
  snprintf(shi, sizeof(shi), "%g", (double)hi);
  SETERRQ(PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s = %s %s is outside the valid range [%s, %s] %s (%s)", what, sv, unit, slo, shi, unit,
          why);
}
