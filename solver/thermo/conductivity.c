// Ionic conductivity of an electrolyte from its composition and temperature.
//
//   kappa = sum_i |z_i| c_i lambda_i,
//   lambda_i(25 °C) = lambda_i° - [ (A/2) |z_i| + B |z_i| zbar_i lambda_i° ] sqrt(I) / (1 + Ba sqrt(I)),
//   lambda_i(T) = lambda_i(25 °C) [1 + a_i (T - 298.15 K)],
// lambda per equivalent (S cm^2 mol^-1), c in mol L^-1, I the ionic strength, zbar_i the mean charge of the ions of
// opposite sign. lambda_i°: limiting ionic conductivities at 25 °C, CRC Handbook of Chemistry and Physics, "Ionic
// conductivity and diffusion at infinite dilution" (Vanýsek). The concentration term is the extended
// Debye-Hückel-Onsager equation of Robinson & Stokes (Electrolyte Solutions, 2nd ed. 1959, ch. 7), A = 60.2 S cm^2
// mol^-1 (mol/L)^-1/2 and B = 0.229 (mol/L)^-1/2 for water at 25 °C, Ba = 1.2 (ion size 3.65 Å), written per ion
// and in the ionic strength (exact Robinson-Stokes for 1:1 salts; our generalisation for the others, within 3 % of
// Onsager's limiting slope for 2:1). Temperature: the linear coefficients of conductivity, 2.0 %/K, H+ 1.4 %/K and
// OH- 1.8 %/K (CRC: "2 to 3 % per degree"; the NIST KCl standards give 1.8-2.0 %/K over 25-50 °C).
// Checked (tests/unit/test_conductivity.c): KCl 0.01 and 0.1 mol/L and NaCl 0.1 mol/L within 1 %, measured KOH+NaOH
// mixtures (Snyder et al., Cem. Concr. Res. 33, 793 (2003)) up to I = 1.25 mol/L within 6 %, the NIST KCl standard at
// 50 °C within 1 %. Valid for I <= 1.5 mol/L (beyond, ion association and viscosity make it 18 % high) and 15-50 °C
// (10 % low at 0 °C); sulfates and carbonates above 0.1 mol/L have not been checked against data; no speciation
// (HCO3-/CO3^2-, HSO4-/SO4^2-). Outside the range the caller is asked for electrolyte_conductivity.
#include <azote/private/thermoimpl.h>

typedef struct {
  const char *ion;
  PetscReal   lambda;  // limiting conductivity at 25 °C per equivalent, S cm^2 mol^-1
  PetscReal   a;       // temperature coefficient, K^-1
} AzIonConductivity;

static const AzIonConductivity az_lambda[] = {
    {"H+", 349.65, 0.014},  {"Li+", 38.66, 0.02},   {"Na+", 50.08, 0.02},   {"K+", 73.48, 0.02},     {"NH4+", 73.5, 0.02},
    {"Mg^2+", 53.0, 0.02},  {"Ca^2+", 59.47, 0.02}, {"OH-", 198.0, 0.018},  {"F-", 55.4, 0.02},      {"Cl-", 76.31, 0.02},
    {"Br-", 78.1, 0.02},    {"I-", 76.8, 0.02},     {"NO3-", 71.42, 0.02},  {"ClO4-", 67.3, 0.02},   {"HCO3-", 44.5, 0.02},
    {"CO3^2-", 69.3, 0.02}, {"SO4^2-", 80.0, 0.02}, {"H2PO4-", 36.0, 0.02}, {"HPO4^2-", 57.0, 0.02}, {"PO4^3-", 92.8, 0.02},
};

#define AZ_KAPPA_I_MAX 1.5     // mol/L
#define AZ_KAPPA_T_MIN 288.15  // K
#define AZ_KAPPA_T_MAX 323.15  // K

PetscErrorCode AzElectrolyteConductivity(const AzElectrolyte *el, PetscReal T, PetscReal *kappa)
{
  const PetscReal A = 60.2, B = 0.229, Ba = 1.2;
  PetscReal       ionic, sq, zbar[2] = {0, 0}, w[2] = {0, 0};  // mean |z| of the cations [0] and anions [1]
  PetscInt        lam[AZ_MAX_IONS];

  PetscFunctionBeginUser;
  PetscCall(AzElectrolyteIonicStrength(el, &ionic));
  PetscCall(
      AzCheckRange("temperature", T, "K", AZ_KAPPA_T_MIN, AZ_KAPPA_T_MAX, "the conductivity correlation; set electrolyte_conductivity"));
  PetscCall(
      AzCheckRange("ionic strength", ionic, "mol/L", 0, AZ_KAPPA_I_MAX, "the conductivity correlation; set electrolyte_conductivity"));
  for (PetscInt k = 0; k < el->nion; k++) {
    const AzIonData *ion = AzIonGet(el->ion[k]);
    const PetscReal  z   = PetscAbsReal((PetscReal)ion->charge);
    lam[k]               = -1;
    for (size_t i = 0; i < sizeof(az_lambda) / sizeof(az_lambda[0]); i++)
      if (!strcmp(az_lambda[i].ion, ion->name)) lam[k] = (PetscInt)i;
    PetscCheck(lam[k] >= 0, PETSC_COMM_SELF, PETSC_ERR_SUP, "no limiting conductivity for the ion %s: set electrolyte_conductivity",
               ion->name);
    zbar[ion->charge > 0 ? 0 : 1] += el->c[k] * z * z;
    w[ion->charge > 0 ? 0 : 1] += el->c[k] * z;
  }
  for (PetscInt s = 0; s < 2; s++) zbar[s] = w[s] > 0 ? zbar[s] / w[s] : 0;
  sq     = PetscSqrtReal(ionic);
  *kappa = 0;
  for (PetscInt k = 0; k < el->nion; k++) {
    const AzIonData         *ion = AzIonGet(el->ion[k]);
    const AzIonConductivity *d   = &az_lambda[lam[k]];
    const PetscReal          z = PetscAbsReal((PetscReal)ion->charge), zc = zbar[ion->charge > 0 ? 1 : 0];
    const PetscReal          l25 = PetscMax(0, d->lambda - (0.5 * A * z + B * z * zc * d->lambda) * sq / (1 + Ba * sq));
    // S cm^2 mol^-1 x mol L^-1 = 1e-4 m^2 x 1e3 mol m^-3 = 0.1 S m^-1
    *kappa += 0.1 * z * el->c[k] * l25 * (1 + d->a * (T - 298.15));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
