// Solvents other than water: their pure-liquid properties, Henry's constants of N2 and O2 in them, and mixtures.
//
// Pure liquids (methanol, ethanol, acetonitrile, THF), Perry's Chemical Engineers' Handbook, 8th ed. (Green & Perry
// 2008), DIPPR equations (as transcribed in CalebBell/chemicals): density Table 2-32 (eq. 105, rho_m = C1/C2^(1 +
// (1 - T/C3)^C4)), vapour pressure Table 2-8 (eq. 101), viscosity Table 2-313 (eq. 101); water by IAPWS (water.c).
// Checked at 0-50 °C against independent sets (tests/unit/test_solvent.c): vapour pressures of Poling et al. (2001)
// and Landolt-Börnstein (Antoine), densities and viscosities of the Dortmund Data Bank (as fitted in lcqc), and the
// CRC Handbook at 25 °C.
// Critical constants for the vapour's virial coefficients: IUPAC critical-property compilation (Tc, Pc, Vc, Zc, as
// transcribed in CalebBell/chemicals) and acentric factors of the PSRK parameter table (Horstmann et al., Fluid Phase
// Equilib. 227, 157 (2005)).
//
// Henry's constants of N2 and O2 in the organic solvents: no evaluated data at hand, so the Abraham linear free-energy
// relation stands in, with the solvent coefficients fitted by Chung, Vermeire, Wu, Walker, Abraham & Green, J. Chem.
// Inf. Model. 62, 433 (2022) (RMG-database solvent library) and the solute descriptors of N2 (L = -0.978) and O2
// (L = -0.723; E = S = A = B = 0) of Abraham, Zissimos & Acree, Phys. Chem. Chem. Phys. 3, 3732 (2001):
//   log10 K(298.15 K) = c + l L,   K = c_liquid / c_gas (gas-to-solvent partition),
// its temperature dependence from the Mintz solvation enthalpy dH = c_h + l_h L (same fit), ln K(T) = ln K(298.15 K)
// - dH/R (1/T - 1/298.15 K), and k_H = R T rho_m / K (x = f/k_H). The fit's mean absolute error is 0.10-0.22 kcal/mol
// in the free energy of solvation (0.07-0.16 in log10 K) for these solvents; for the smallest gases it can be worse
// (for O2 in DMSO it is 3x off Franco & Olmsted 1990). Checked: O2 from air in acetonitrile and ethanol against
// Franco & Olmsted, Talanta 37, 905 (1990): -2.0 % and +3.7 % (tests/unit/test_solvent.c). Every use files a warning.
// Valid 273.15-323.15 K (the enthalpy is that at 298.15 K; the heat capacity of solution is neglected).
//
// Mixtures: volume fractions of the pure liquids at 25 °C give the mole fractions x_j; ideal mixing throughout:
// Raoult's law for the vapour, no excess volume, ln mu = sum x_j ln mu_j (Arrhenius), ln k_H = sum x_j ln k_H,j
// (Krichevsky's ideal-solvent limit) and the partial molar volumes of the gases x-averaged. A mixture with more than
// one component above 5 mol% files a warning: methanol-water and ethanol-water deviate strongly (their viscosity
// peaks at nearly twice the ideal value near 30 mol% alcohol).
#include <azote/private/thermoimpl.h>
#include <azote/options.h>
#include <ctype.h>

const char *const AzSolventNames[] = {"water", "methanol", "ethanol", "acetonitrile", "thf", NULL};

// Partial molar volumes of N2 and O2 in the organic solvents: no measured value at hand; 55 and 48 cm^3/mol, typical
// of small gases in organic liquids (1.5-1.7 times their volume in water), are estimates (+-15 cm^3/mol, i.e. +-3 % of
// the Krichevsky-Kasarnovsky factor at 50 bar).
#define AZ_VINF_N2_ORG 55e-6  // m^3/mol
#define AZ_VINF_O2_ORG 48e-6  // m^3/mol

// clang-format off
static const AzSolventData az_solvents[AZ_NSOLVENT] = {
  /* name, M, Tc, Pc, omega, Vc, Zc, DIPPR 105 density, DIPPR 101 viscosity, DIPPR 101 vapour pressure, T range,
     Abraham c, l, Mintz c_h, l_h (kJ/mol), Wilke-Chang association factor, v_inf N2, O2 */
  {"water", AZ_M_WATER, AZ_TC_WATER, AZ_PC_WATER, 0.344, 55.95e-6, 0.229, {0, 0, 0, 0}, {0, 0, 0}, {0, 0, 0, 0, 0}, 273.15, 363.15,
   0, 0, 0, 0, 2.6, {33.0e-6, 32.0e-6}},
  {"methanol", 32.042e-3, 512.5, 8.084e6, 0.559, 117e-6, 0.223, {2326.7, 0.27073, 512.5, 0.24713}, {-25.317, 1789.2, 2.069},
   {82.718, -6904.5, -8.8622, 7.4664e-6, 2}, 273.15, 323.15, 0.00565, 0.7628, -6.78364, -7.50486, 1.9, {AZ_VINF_N2_ORG, AZ_VINF_O2_ORG}},
  {"ethanol", 46.069e-3, 514.0, 6.137e6, 0.635, 168e-6, 0.241, {1628.8, 0.27469, 514, 0.23178}, {7.875, 781.98, -3.0418},
   {73.304, -7122.3, -7.1424, 2.8853e-6, 2}, 273.15, 323.15, 0.01722, 0.84352, -7.3821, -7.85082, 1.5, {AZ_VINF_N2_ORG, AZ_VINF_O2_ORG}},
  {"acetonitrile", 41.053e-3, 545.5, 4.85e6, 0.321, 171e-6, 0.183, {1306.4, 0.22597, 545.5, 0.28678}, {-10.906, 872.02, 0},
   {58.302, -5385.6, -5.4954, 5.3634e-6, 2}, 273.15, 323.15, 0.02099, 0.72236, -3.24474, -6.61759, 1.0, {AZ_VINF_N2_ORG, AZ_VINF_O2_ORG}},
  {"thf", 72.107e-3, 540.5, 5.19e6, 0.217, 224e-6, 0.259, {1254.3, 0.28084, 540.15, 0.2912}, {-10.321, 900.92, -0.069128},
   {54.898, -5305.4, -4.7627, 1.4291e-17, 6}, 273.15, 323.15, 0.16482, 1.0155, -5.70097, -8.5809, 1.0, {AZ_VINF_N2_ORG, AZ_VINF_O2_ORG}},
};
// clang-format on

// Abraham's L descriptors (log10 of the gas-hexadecane partition coefficient at 298 K) of N2 and O2 (Abraham,
// Zissimos & Acree 2001); their E, S, A, B are zero.
static const PetscReal az_abraham_L[AZ_NGAS_SOLVED] = {-0.978, -0.723};

const AzSolventData *AzSolventGet(AzSolventId id)
{
  return (id >= 0 && id < AZ_NSOLVENT) ? &az_solvents[id] : NULL;
}

PetscErrorCode AzSolventPure(AzSolventId id, PetscReal T, PetscReal *p_vap, PetscReal *rho_m, PetscReal *mu)
{
  const AzSolventData *d = AzSolventGet(id);
  PetscReal            rho;  // kg m^-3

  PetscFunctionBeginUser;
  PetscCheck(d, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "solvent index %d", (int)id);
  PetscCall(AzCheckRange("temperature", T, "K", d->Tmin, d->Tmax, d->name));
  if (id == AZ_SOLVENT_WATER) {
    PetscCall(AzWaterVaporPressure(T, p_vap));
    PetscCall(AzWaterDensity(T, &rho));
    *rho_m = rho / AZ_M_WATER;
    PetscCall(AzWaterViscosity(T, rho, mu));
  } else {
    *p_vap = PetscExpReal(d->pv[0] + d->pv[1] / T + d->pv[2] * PetscLogReal(T) + d->pv[3] * PetscPowReal(T, d->pv[4]));
    *rho_m = d->rho[0] / PetscPowReal(d->rho[1], 1 + PetscPowReal(1 - T / d->rho[2], d->rho[3]));
    *mu    = PetscExpReal(d->mu[0] + d->mu[1] / T + d->mu[2] * PetscLogReal(T));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscBool AzSolventIsWater(const AzSolvent *solvent)
{
  return (PetscBool)(!solvent || (solvent->n == 1 && solvent->id[0] == AZ_SOLVENT_WATER));
}

static char *AzSolventTrim(char *s)
{
  char *e;
  while (isspace((unsigned char)*s)) s++;
  e = s + strlen(s);
  while (e > s && isspace((unsigned char)e[-1])) *--e = 0;
  return s;
}

PetscErrorCode AzSolventParse(const char spec[], AzSolvent *sol)
{
  char      buf[256], *tok, *save = NULL;
  PetscReal sum = 0, nmol = 0, n[AZ_MAX_SOLVENTS];
  size_t    len = 0;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(sol, sizeof(*sol)));
  PetscCheck(spec && spec[0], PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
             "solvent is empty: give water, methanol, ethanol, acetonitrile, thf or a mixture A:f,B:g");
  PetscCheck(strlen(spec) < sizeof(buf), PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "solvent '%.40s...' is longer than %d characters", spec,
             (int)sizeof(buf) - 1);
  PetscCall(PetscStrncpy(buf, spec, sizeof(buf)));
  {  // an empty item (leading, trailing or doubled comma) is an error, not skipped
    PetscBool empty = PETSC_TRUE;
    for (const char *q = buf;; q++) {
      if (*q == ',' || !*q) {
        PetscCheck(!empty, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "solvent '%s' is malformed: an item between commas is empty", spec);
        if (!*q) break;
        empty = PETSC_TRUE;
      } else if (!isspace((unsigned char)*q))
        empty = PETSC_FALSE;
    }
  }
  for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
    char     *colon = strchr(tok, ':'), *name;
    PetscReal f     = 1;
    PetscInt  id;

    if (colon) {
      PetscBool ok;
      *colon = 0;
      PetscCall(AzParseReal(AzSolventTrim(colon + 1), &f, &ok));
      PetscCheck(ok, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "solvent '%s': volume fraction '%s' is not a number", spec,
                 AzSolventTrim(colon + 1));
    }
    name = AzSolventTrim(tok);
    PetscCheck(name[0], PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "solvent '%s': an item has no name", spec);
    PetscCheck(strcmp(name, "perfluorohexane") && strcmp(name, "c6f14"), PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
               "solvent '%s': perfluorohexane is not available: no evaluated N2/O2 solubility is at hand, and the Abraham model that "
               "stands in for the other organic solvents is 3-4x too high for small gases in perfluoroalkanes (docs/thermo.md §7)",
               spec);
    for (id = 0; id < AZ_NSOLVENT; id++)
      if (!strcmp(name, AzSolventNames[id])) break;
    PetscCheck(id < AZ_NSOLVENT, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
               "solvent '%s': unknown solvent '%s' (known: water, methanol, ethanol, acetonitrile, thf; perfluorohexane and ionic liquids "
               "are not available: no evaluated N2/O2 data, docs/thermo.md §7)",
               spec, name);
    for (PetscInt k = 0; k < sol->n; k++)
      PetscCheck(sol->id[k] != (AzSolventId)id, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "solvent '%s': %s is listed twice", spec, name);
    PetscCheck(sol->n < AZ_MAX_SOLVENTS, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "solvent '%s': more than %d components", spec,
               AZ_MAX_SOLVENTS);
    PetscCheck(f > 0 && f <= 1, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "solvent '%s': volume fraction of %s = %g is outside (0, 1]", spec,
               name, (double)f);
    sol->id[sol->n]    = (AzSolventId)id;
    sol->vol[sol->n++] = f;
    sum += f;
  }
  PetscCheck(sol->n > 0, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "solvent '%s' names no solvent", spec);
  PetscCheck(PetscAbsReal(sum - 1) <= 1e-6, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
             "solvent '%s': volume fractions sum to %.8g, not 1 (give every component, e.g. thf:0.99,ethanol:0.01)", spec, (double)sum);
  for (PetscInt k = 0; k < sol->n; k++) {  // mole fractions from the pure liquids at 25 °C
    PetscReal p, rho_m, mu;
    sol->vol[k] /= sum;
    PetscCall(AzSolventPure(sol->id[k], 298.15, &p, &rho_m, &mu));
    n[k] = sol->vol[k] * rho_m;
    nmol += n[k];
  }
  for (PetscInt k = 0; k < sol->n; k++) {
    int c;
    sol->x[k] = n[k] / nmol;
    c         = sol->n == 1
                    ? snprintf(sol->spec + len, sizeof(sol->spec) - len, "%s", AzSolventNames[sol->id[k]])
                    : snprintf(sol->spec + len, sizeof(sol->spec) - len, "%s%s:%g", k ? "," : "", AzSolventNames[sol->id[k]], (double)sol->vol[k]);
    len += c > 0 ? (size_t)c : 0;
    if (len >= sizeof(sol->spec)) len = sizeof(sol->spec) - 1;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzSolventHenryConstant(AzGas gas, AzSolventId id, PetscReal T, PetscReal *kH, AzPropWarnings *w)
{
  const AzSolventData *d = AzSolventGet(id);
  PetscReal            p, rho_m, mu, logK, dH, K;  // Pa, mol m^-3, Pa s, -, J/mol, -

  PetscFunctionBeginUser;
  PetscCheck(d, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "solvent index %d", (int)id);
  if (id == AZ_SOLVENT_WATER) {
    PetscCall(AzHenryConstant(gas, T, kH));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCheck((PetscInt)gas >= 0 && gas < AZ_NGAS_SOLVED, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
             "Henry's constant in %s: only N2 and O2 (gas index %d)", d->name, (int)gas);
  PetscCall(AzSolventPure(id, T, &p, &rho_m, &mu));
  logK = d->abraham_c + d->abraham_l * az_abraham_L[gas];
  dH   = 1e3 * (d->mintz_c + d->mintz_l * az_abraham_L[gas]);
  K    = PetscPowReal(10.0, logK) * PetscExpReal(-dH / AZ_R * (1 / T - 1 / 298.15));
  *kH  = AZ_R * T * rho_m / K;
  PetscCall(AzPropWarningsAdd(
      w, "Henry's constants of N2 and O2 in %s from the Abraham model (Chung et al. 2022): estimates (about +-35 %%), not measured values",
      d->name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzSolventVapor(PetscReal T, const AzSolvent *solvent, PetscReal a_w, AzSpeciesData *vap)
{
  PetscReal p[AZ_MAX_SOLVENTS], sum = 0, rho_m, mu;

  PetscFunctionBeginUser;
  *vap = AzSpecies[AZ_NGAS];  // water vapour: name, polar term, diffusion volume
  if (AzSolventIsWater(solvent)) PetscFunctionReturn(PETSC_SUCCESS);
  for (PetscInt k = 0; k < solvent->n; k++) {
    PetscCall(AzSolventPure(solvent->id[k], T, &p[k], &rho_m, &mu));
    p[k] *= solvent->x[k] * (solvent->id[k] == AZ_SOLVENT_WATER ? a_w : 1);
    sum += p[k];
  }
  vap->name = "solvent vapour";
  vap->Tc = vap->Pc = vap->omega = vap->Vc = vap->Zc = vap->polar_a = vap->M = 0;
  for (PetscInt k = 0; k < solvent->n; k++) {  // Kay's rule over the vapour composition p_k / sum
    const AzSolventData *d = AzSolventGet(solvent->id[k]);
    const PetscReal      y = p[k] / sum;
    vap->Tc += y * d->Tc;
    vap->Pc += y * d->Pc;
    vap->omega += y * d->omega;
    vap->Vc += y * d->Vc;
    vap->Zc += y * d->Zc;
    vap->M += y * d->M;
    if (solvent->id[k] == AZ_SOLVENT_WATER) vap->polar_a += y * AzSpecies[AZ_NGAS].polar_a;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzLiquidProperties(PetscReal T, const AzSolvent *solvent, const AzElectrolyte *el, AzLiquidProps *liq, PetscBool *corrected,
                                  AzPropWarnings *w)
{
  PetscReal V = 0, ln_mu = 0, nmajor = 0;  // m^3 mol^-1, -, -
  PetscBool salts = (PetscBool)(el && el->nsalt > 0);

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(liq, sizeof(*liq)));
  liq->water_activity = 1;
  *corrected          = PETSC_TRUE;
  if (AzSolventIsWater(solvent)) {
    PetscReal p_w, rho_w, mu_w;
    PetscCall(AzSolventPure(AZ_SOLVENT_WATER, T, &p_w, &rho_w, &mu_w));
    PetscCall(AzWaterActivity(T, el, &liq->water_activity, w));
    liq->p_vap           = liq->water_activity * p_w;
    liq->molar_density   = rho_w;
    liq->mean_molar_mass = AZ_M_WATER;
    PetscCall(AzElectrolyteDensity(T, el, &liq->density, NULL, w));
    PetscCall(AzElectrolyteViscosityW(T, el, &liq->viscosity, corrected, w));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  for (PetscInt k = 0; k < solvent->n; k++) {
    PetscReal p, rho_m, mu;
    PetscCall(AzSolventPure(solvent->id[k], T, &p, &rho_m, &mu));
    liq->p_vap += solvent->x[k] * p;
    V += solvent->x[k] / rho_m;
    ln_mu += solvent->x[k] * PetscLogReal(mu);
    liq->mean_molar_mass += solvent->x[k] * AzSolventGet(solvent->id[k])->M;
    if (solvent->x[k] > 0.05) nmajor++;
  }
  liq->molar_density = 1 / V;
  liq->density       = liq->mean_molar_mass / V;
  liq->viscosity     = PetscExpReal(ln_mu);
  if (nmajor > 1)
    PetscCall(AzPropWarningsAdd(
        w,
        "solvent '%s': ideal mixing (Raoult's law, no excess volume, ln mu = sum x ln mu_i, log-linear Henry's constants); "
        "alcohol-water mixtures deviate strongly (viscosity up to twice the ideal value)",
        solvent->spec));
  if (salts) {
    *corrected = PETSC_FALSE;
    PetscCall(AzPropWarningsAdd(
        w, "electrolyte '%s' in %s: the salts' effects on density, viscosity, vapour pressure and gas solubility are neglected", el->spec,
        solvent->spec));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
