// Ionic conductivity of an aqueous electrolyte from its composition and temperature.
//
// Each salt has a correlation fitted to measured conductivities, for the salt alone in water at molality m:
//  * KCl, 0-55 °C, 0-5 mol/kg: McKee, J. Solution Chem. 38, 1155 (2009), fitted to the conductivity standards and the
//    literature (transcribed in ovinc/aquasol); above 55 °C McCleskey's KCl row.
//  * KOH, 0-12 mol/L, 0-100 °C: Gilliam, Graydon, Kirk & Thorpe, Int. J. Hydrogen Energy 32, 359 (2007), their review
//    of the KOH data: kappa = A M + B M^2 + C M T + D M/T + E M^3 + F M^2 T^2 (S/cm, M in mol/L, T in K), A = -2.041,
//    B = -0.0028, C = 0.005332, D = 207.2, E = 0.001043, F = -0.0000003. Below 0.1 mol/L it falls short of the
//    limiting law (its Lambda tends to 244 S cm^2/mol at 25 °C against Lambda° = 272): a warning.
//  * NaCl, NaOH, LiCl, HCl, KNO3, KHCO3, NaHCO3, K2CO3, Na2SO4, K2SO4, H2SO4, MgCl2, CaCl2, CaSO4, 5-90 °C, to 1 mol/kg:
//    McCleskey, J. Chem. Eng. Data 56, 317 (2011) (34 electrolytes, mean deviation 0.1 % from his data, 0.2 % from the
//    literature), per equivalent: Lambda = lambda°(t) - A(t) m^1/2/(1 + B m^1/2), lambda° = c1 t^2 + c2 t + c3,
//    A = d1 t^2 + d2 t + d3 (t in °C), kappa = n_eq c Lambda with c the molarity (coefficients as transcribed in
//    CalebBell/chemicals; Na2CO3's row is left out: its lambda° is 2.4 times the sum of the ions' limiting
//    conductivities, a transcription error or a fit of the hydrolysed solution). 0-5 °C and 1-2 mol/kg are
//    extrapolated (a warning; KOH + NaOH mixtures check the latter), beyond 2 mol/kg refused.
// Mixtures: each salt conducts as it would alone at the solution's ionic strength (Young's rule for conductivity):
//   kappa = sum_s m_s (kappa_s/m)(m'_s),   m'_s = I_m / k_s,
// m_s the salt's molality, I_m the molal ionic strength and k_s = (1/2) sum nu z^2 of the salt (1, 3 or 4). A single
// salt is its own correlation exactly. Checked against seawater (PSS-78: Lewis & Perkin 1981; within 1.3 % at 0-30 °C)
// and KOH + NaOH mixtures (Snyder et al. 2003; within 2 %) in tests/unit/test_conductivity.c.
//
// Salts without a fitted law (the phosphates, nitrates but KNO3, perchlorates, Li2SO4, LiOH, Na2CO3, LiBF4, LiNTf2):
// the extended Debye-Hückel-Onsager equation of Robinson & Stokes per ion, with the CRC limiting conductivities and a
// linear temperature coefficient, is used for the whole electrolyte, with a warning (not fitted to data; the KCl
// standards put it 4 % low at 1 mol/L), only for I <= 1.5 mol/L and 15-50 °C. No conductivity in other solvents.
#include <azote/private/thermoimpl.h>

typedef struct {
  const char *salt;
  PetscReal   c[3], d[3], B, n_eq;  // lambda° (S cm^2/eq, t in °C), A, B (kg/mol)^1/2, equivalents per formula unit
} AzMcCleskeyData;

// clang-format off
static const AzMcCleskeyData az_mccleskey[] = {
  {"KCl", {0.009385, 2.533, 81.17}, {0.0139, 1.886, 44.11}, 1.7, 1},
  {"NaCl", {0.008967, 2.196, 67.03}, {0.00726, 1.762, 44.55}, 1.3, 1},
  {"HCl", {-0.006766, 6.614, 262.4}, {0.00009, 1.776, 48.53}, 0.01, 1},
  {"LiCl", {0.008784, 1.996, 59.9}, {0.01656, 1.198, 42.79}, 1, 1},
  {"CaCl2", {0.01124, 2.224, 72.36}, {0.03918, 3.905, 137.7}, 3.8, 2},
  {"MgCl2", {0.009534, 2.247, 68.19}, {0.02469, 4.374, 129.8}, 3.1, 2},
  {"H2SO4", {-0.01985, 7.421, 283.3}, {0.09194, 63.37, 1869}, 11.5, 2},
  {"Na2SO4", {0.009501, 2.317, 66.58}, {0.02388, 4.509, 135.5}, 2.2, 2},
  {"K2SO4", {0.008819, 2.872, 83.72}, {0.03799, 9.784, 247.1}, 5.3, 2},
  {"CaSO4", {0.01192, 2.564, 73.3}, {0.2402, 19.78, 644.4}, 9.6, 2},
  {"KHCO3", {0.007807, 2.04, 63.03}, {0.00661, 1.577, 38.58}, 0.9, 1},
  {"K2CO3", {0.01145, 2.726, 68.62}, {0.02438, 5.18, 81.12}, 2.1, 2},
  {"NaHCO3", {0.0126, 1.543, 52.09}, {0.02793, 0.4556, 52.94}, 1.1, 1},
  {"NaOH", {0.006936, 3.872, 148.3}, {0.01018, 0.67421, 56.76}, 0.2, 1},
  {"KNO3", {0.009117, 2.309, 80.33}, {0.00909, 1.099, 49.12}, 0.7, 1},
};
// clang-format on
#define AZ_NMCCLESKEY ((PetscInt)(sizeof(az_mccleskey) / sizeof(az_mccleskey[0])))

static const AzMcCleskeyData *AzMcCleskeyFind(const char salt[])
{
  for (PetscInt k = 0; k < AZ_NMCCLESKEY; k++)
    if (!strcmp(az_mccleskey[k].salt, salt)) return &az_mccleskey[k];
  return NULL;
}

// Kilograms of water per litre of the salt's own solution at molality m and t (°C): the Laliberté-Cooper density of
// the binary solution (explicit in its mass fraction w = m M/(1 + m M)).
static PetscReal AzBinaryWaterPerLitre(const AzLaliberteData *d, PetscReal M, PetscReal m, PetscReal t, PetscReal rho_w)
{
  const PetscReal w = m * M / (1 + m * M), *c = d->c;
  const PetscReal rho_app = (c[0] * w + c[1]) * PetscExpReal(1e-6 * PetscSqr(t + c[4])) / (w + c[2] + c[3] * t);
  return (1 - w) / ((1 - w) / rho_w + w / rho_app) / 1000;
}

// McKee (2009): kappa(m, t) of KCl = 0.1 m MC25(m) MC(m, t)/MC25(m) (S/m), as sums of exponentials in m and t.
static PetscReal AzMcKeeMolal(PetscReal m, PetscReal t)  // kappa/m, S m^-1 (mol/kg)^-1
{
  const PetscReal mc25 = 111.732 * PetscExpReal(-6.01942e-2 * m - 2.03830e-3 * m * m) +
                         34.5286 * PetscExpReal(-2.25008 * PetscSqrtReal(m)) + 1.45667 * PetscExpReal(-19.5946 * m) +
                         0.960521 * PetscExpReal(-96.4192 * m) + 0.587725 * PetscExpReal(-570.452 * m);
  const PetscReal sol50 = 0.165123 * PetscExpReal(-0.265938 * m) + 1.57042e-2 * PetscExpReal(-2.16681 * m) +
                          8.26838e-3 * PetscExpReal(-26.7895 * m) + 2.99403e-3 * PetscExpReal(-525.162 * m);
  const PetscReal fcon0 = 0.321662, t1 = t - 25, t2 = t - 50;
  const PetscReal alpha  = t1 * (4e-2 + t2 * (-6.35249e-4 + 4.60006e-4 * PetscExpReal(-4.97223e-3 * t - 6.85638e-4 * t * t)));
  const PetscReal beta_a = t1 * (4e-2 + t2 * (1.21005e-3 - 6.64169e-4 * PetscExpReal(-2.64072e-3 * t - 7.78958e-4 * t * t)));
  const PetscReal beta_b = t1 * t2 * (4.44279e-4 - 3.35363e-4 * PetscExpReal(-3.04164e-3 * t - 6.99205e-4 * t * t));
  return 0.1 * mc25 * (1 + alpha * fcon0 + (beta_a + beta_b * m) * sol50);
}

// kappa/m (S m^-1 per mol/kg) of salt s alone in water at molality m and T, with the warnings and refusals of its law.
static PetscErrorCode AzSaltMolalConductivity(PetscInt s, PetscReal m, PetscReal T, PetscReal rho_w, PetscReal *km, AzPropWarnings *w)
{
  const AzSaltData      *sd = AzSaltGet(s);
  const AzLaliberteData *ld = AzLaliberteFind(sd->formula);
  const AzMcCleskeyData *mc = AzMcCleskeyFind(sd->formula);
  const PetscReal        t  = T - 273.15;

  PetscFunctionBeginUser;
  if (!strcmp(sd->formula, "KCl") && t <= 55) {
    PetscCall(AzCheckRange("KCl molality (at the solution's ionic strength)", m, "mol/kg", 0, 5, "KCl conductivity, McKee 2009"));
    *km = AzMcKeeMolal(m, t);
  } else if (!strcmp(sd->formula, "KOH")) {
    const PetscReal W = AzBinaryWaterPerLitre(ld, sd->M, m, t, rho_w), M = m * W;  // kg/L, mol/L
    PetscCall(
        AzCheckRange("KOH concentration (at the solution's ionic strength)", M, "mol/L", 0, 12, "KOH conductivity, Gilliam et al. 2007"));
    if (M < 0.1)
      PetscCall(AzPropWarningsAdd(
          w, "conductivity of KOH below 0.1 mol/L (here %.3g) from Gilliam et al. 2007: up to 6 %% low against the limiting law",
          (double)M));
    *km = 100 * W * (-2.041 - 0.0028 * M + 0.005332 * T + 207.2 / T + 0.001043 * M * M - 3e-7 * M * T * T);
  } else {
    PetscReal W, Lambda;
    PetscCheck(mc, PETSC_COMM_SELF, PETSC_ERR_PLIB, "no conductivity law for %s", sd->formula);
    PetscCall(AzCheckRange("molality (at the solution's ionic strength)", m, "mol/kg", 0, 2,
                           "McCleskey 2011, fitted to 1 mol/kg and extrapolated to 2; set electrolyte_conductivity"));
    if (m > 1)
      PetscCall(AzPropWarningsAdd(w, "conductivity of %s extrapolated to %.3g mol/kg: McCleskey 2011 fitted to 1 mol/kg", sd->formula,
                                  (double)m));
    if (t < 5)
      PetscCall(AzPropWarningsAdd(w, "conductivity of %s extrapolated to %.2f K: McCleskey 2011 fitted 5-90 °C", sd->formula, (double)T));
    W      = ld ? AzBinaryWaterPerLitre(ld, sd->M, m, t, rho_w) : rho_w / 1000;
    Lambda = mc->c[0] * t * t + mc->c[1] * t + mc->c[2] -
             (mc->d[0] * t * t + mc->d[1] * t + mc->d[2]) * PetscSqrtReal(m) / (1 + mc->B * PetscSqrtReal(m));
    *km = 0.1 * mc->n_eq * W * Lambda;  // S cm^2/eq x eq/L x (1/kg) -> 0.1 S/m per mol/kg
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The generic model of salts without a fitted law: per-ion Robinson-Stokes at 25 °C, a linear temperature coefficient.
typedef struct {
  const char *ion;
  PetscReal   lambda;  // limiting conductivity at 25 °C per equivalent, S cm^2 mol^-1 (CRC Handbook, Vanýsek)
  PetscReal   a;       // temperature coefficient, K^-1
} AzIonConductivity;

static const AzIonConductivity az_lambda[] = {
    {"H+", 349.65, 0.014},  {"Li+", 38.66, 0.02},   {"Na+", 50.08, 0.02},   {"K+", 73.48, 0.02},     {"NH4+", 73.5, 0.02},
    {"Mg^2+", 53.0, 0.02},  {"Ca^2+", 59.47, 0.02}, {"OH-", 198.0, 0.018},  {"F-", 55.4, 0.02},      {"Cl-", 76.31, 0.02},
    {"Br-", 78.1, 0.02},    {"I-", 76.8, 0.02},     {"NO3-", 71.42, 0.02},  {"ClO4-", 67.3, 0.02},   {"HCO3-", 44.5, 0.02},
    {"CO3^2-", 69.3, 0.02}, {"SO4^2-", 80.0, 0.02}, {"H2PO4-", 36.0, 0.02}, {"HPO4^2-", 57.0, 0.02}, {"PO4^3-", 92.8, 0.02},
};

static PetscErrorCode AzConductivityGeneric(const AzElectrolyte *el, PetscReal T, PetscReal *kappa)
{
  const PetscReal A = 60.2, B = 0.229, Ba = 1.2;
  PetscReal       ionic, sq, zbar[2] = {0, 0}, wz[2] = {0, 0};  // mean |z| of the cations [0] and anions [1]
  PetscInt        lam[AZ_MAX_IONS];

  PetscFunctionBeginUser;
  PetscCall(AzElectrolyteIonicStrength(el, &ionic));
  PetscCall(AzCheckRange("temperature", T, "K", 288.15, 323.15,
                         "the generic conductivity model of salts without a fitted law; set electrolyte_conductivity"));
  PetscCall(AzCheckRange("ionic strength", ionic, "mol/L", 0, 1.5,
                         "the generic conductivity model of salts without a fitted law; set electrolyte_conductivity"));
  for (PetscInt k = 0; k < el->nion; k++) {
    const AzIonData *ion = AzIonGet(el->ion[k]);
    const PetscReal  z   = PetscAbsReal((PetscReal)ion->charge);
    lam[k]               = -1;
    for (size_t i = 0; i < sizeof(az_lambda) / sizeof(az_lambda[0]); i++)
      if (!strcmp(az_lambda[i].ion, ion->name)) lam[k] = (PetscInt)i;
    PetscCheck(lam[k] >= 0, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
               "no conductivity data for the ion %s: set electrolyte_conductivity (S/m)", ion->name);
    zbar[ion->charge > 0 ? 0 : 1] += el->c[k] * z * z;
    wz[ion->charge > 0 ? 0 : 1] += el->c[k] * z;
  }
  for (PetscInt s = 0; s < 2; s++) zbar[s] = wz[s] > 0 ? zbar[s] / wz[s] : 0;
  sq     = PetscSqrtReal(ionic);
  *kappa = 0;
  for (PetscInt k = 0; k < el->nion; k++) {
    const AzIonData         *ion = AzIonGet(el->ion[k]);
    const AzIonConductivity *d   = &az_lambda[lam[k]];
    const PetscReal          z = PetscAbsReal((PetscReal)ion->charge), zc = zbar[ion->charge > 0 ? 1 : 0];
    const PetscReal          l25 = PetscMax(0, d->lambda - (0.5 * A * z + B * z * zc * d->lambda) * sq / (1 + Ba * sq));
    *kappa += 0.1 * z * el->c[k] * l25 * (1 + d->a * (T - 298.15));  // S cm^2/mol x mol/L = 0.1 S/m
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzConductivityCompute(const AzElectrolyte *el, const AzSolvent *solvent, PetscReal T, PetscReal *kappa, AzPropWarnings *w)
{
  PetscReal rho, water, rho_w, I_m = 0, k_s[AZ_MAX_SALTS];  // kg m^-3, kg L^-1, kg m^-3, mol/kg, -
  PetscBool fitted = PETSC_TRUE;

  PetscFunctionBeginUser;
  *kappa = 0;
  PetscCheck(AzSolventIsWater(solvent), PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
             "no conductivity correlation for salts in %s: set electrolyte_conductivity (S/m)", solvent->spec);
  PetscCall(AzCheckRange("temperature", T, "K", AZ_T_MIN, AZ_T_MAX, "electrolyte conductivity"));
  for (PetscInt k = 0; k < el->nsalt; k++) {
    const char *name = AzSaltName(el->salt[k]);
    if (el->c_salt[k] > 0 && strcmp(name, "KOH") && !AzMcCleskeyFind(name)) fitted = PETSC_FALSE;
  }
  if (!fitted) {
    PetscCall(
        AzPropWarningsAdd(w,
                          "conductivity of '%s': a salt has no fitted correlation; generic Robinson-Stokes ion model (not fitted to data, "
                          "a few per cent at 0.1 mol/L, 4 %% low for 1 mol/L KCl)",
                          el->spec));
    PetscCall(AzConductivityGeneric(el, T, kappa));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(AzElectrolyteDensity(T, el, &rho, &water, w));
  PetscCall(AzWaterDensity(T, &rho_w));
  for (PetscInt k = 0; k < el->nion; k++) I_m += 0.5 * el->c[k] / water * PetscSqr((PetscReal)AzIonGet(el->ion[k])->charge);
  for (PetscInt k = 0; k < el->nsalt; k++) {
    const AzSaltData *sd = AzSaltGet(el->salt[k]);
    k_s[k]               = 0;
    for (PetscInt i = 0; i < sd->nion; i++) k_s[k] += 0.5 * sd->nu[i] * PetscSqr((PetscReal)AzIonGet(AzIonFind(sd->ion[i]))->charge);
  }
  for (PetscInt k = 0; k < el->nsalt; k++) {
    PetscReal km = 0;
    if (el->c_salt[k] == 0) continue;
    PetscCall(AzSaltMolalConductivity(el->salt[k], I_m / k_s[k], T, rho_w, &km, w));
    *kappa += el->c_salt[k] / water * km;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzElectrolyteConductivity(const AzElectrolyte *el, PetscReal T, PetscReal *kappa)
{
  PetscFunctionBeginUser;
  PetscCall(AzConductivityCompute(el, NULL, T, kappa, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}
