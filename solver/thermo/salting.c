// Salting-out of dissolved gases by electrolytes: the Sechenov-type model of Weisenberger & Schumpe, AIChE J. 42,
// 298 (1996), extending Schumpe, Chem. Eng. Sci. 48, 153 (1993) and Hermann, Dewes & Schumpe, Chem. Eng. Sci. 50,
// 1673 (1995) to temperature:
//   log10(c_G,0 / c_G) = sum_i (h_i + h_G) c_i,   h_G = h_G,0 + h_T (T - 298.15 K),
// c_i the concentration of ion i (kmol m^-3 = mol L^-1), h_i ion-specific (independent of T), h_G gas-specific.
// c_G,0 and c_G are the gas concentrations in water and in the electrolyte at the same T and gas partial pressure.
// Validity: 273-363 K (the range of the data Weisenberger & Schumpe fitted); ionic strength up to 5 mol/L, our
// conservative limit for a law linear in concentration. Hydroxides alone (KOH, NaOH) are accepted to 12 mol/L:
// Davis, Horvath & Tobias, Electrochim. Acta 12, 287 (1967) found log10 c linear in the KOH concentration for O2 up
// to 12 N at 25 °C, with a slope of 0.1746 L/mol against the model's 0.1761 (tests/unit/test_salting.c); beyond 5 mol/L
// anything but O2 in KOH at 25 ± 5 °C is an extrapolation and files a property warning.
#include <azote/private/thermoimpl.h>

// Ion-specific parameters h_i, m^3 kmol^-1: Weisenberger & Schumpe (1996) (H+ is the reference, h = 0).
// K+ is 0.0922: it reproduces the paper's example and the Sechenov constant 0.1761 L/mol of O2 in KOH at 25 °C
// (one public transcription prints 0.0992, which would give 0.1831 against the measured 0.1746 of Davis et al. 1967).
static const AzIonData az_ions[] = {
    {"H+", 1, 0.0, PETSC_TRUE},
    {"Li+", 1, 0.0754, PETSC_TRUE},
    {"Na+", 1, 0.1143, PETSC_TRUE},
    {"K+", 1, 0.0922, PETSC_TRUE},
    {"NH4+", 1, 0.0556, PETSC_TRUE},
    {"Mg^2+", 2, 0.1694, PETSC_TRUE},
    {"Ca^2+", 2, 0.1762, PETSC_TRUE},
    {"OH-", -1, 0.0839, PETSC_TRUE},
    {"F-", -1, 0.0920, PETSC_TRUE},
    {"Cl-", -1, 0.0318, PETSC_TRUE},
    {"Br-", -1, 0.0269, PETSC_TRUE},
    {"I-", -1, 0.0039, PETSC_TRUE},
    {"NO3-", -1, 0.0128, PETSC_TRUE},
    {"ClO4-", -1, 0.0492, PETSC_TRUE},
    {"HCO3-", -1, 0.0967, PETSC_TRUE},
    {"CO3^2-", -2, 0.1423, PETSC_TRUE},
    {"SO4^2-", -2, 0.1117, PETSC_TRUE},
    {"H2PO4-", -1, 0.0906, PETSC_TRUE},
    {"HPO4^2-", -2, 0.1499, PETSC_TRUE},
    {"PO4^3-", -3, 0.2119, PETSC_TRUE},
    // the anions of the lithium salts of non-aqueous electrolytes: no Weisenberger-Schumpe parameter
    {"BF4-", -1, 0, PETSC_FALSE},
    {"NTf2-", -1, 0, PETSC_FALSE},
};

PetscInt AzNIons(void)
{
  return (PetscInt)(sizeof(az_ions) / sizeof(az_ions[0]));
}

const AzIonData *AzIonGet(PetscInt ion)
{
  return (ion >= 0 && ion < AzNIons()) ? &az_ions[ion] : NULL;
}

const char *AzIonName(PetscInt ion)
{
  return (ion >= 0 && ion < AzNIons()) ? az_ions[ion].name : "?";
}

PetscInt AzIonFind(const char name[])
{
  for (PetscInt i = 0; i < AzNIons(); i++)
    if (!strcmp(az_ions[i].name, name)) return i;
  return -1;
}

PetscErrorCode AzElectrolyteIonicStrength(const AzElectrolyte *el, PetscReal *ionic_strength)
{
  PetscFunctionBeginUser;
  *ionic_strength = 0;
  for (PetscInt k = 0; k < el->nion; k++) *ionic_strength += 0.5 * el->c[k] * PetscSqr((PetscReal)az_ions[el->ion[k]].charge);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzElectrolyteEquivalents(const AzElectrolyte *el, PetscReal *cations, PetscReal *anions)
{
  PetscFunctionBeginUser;
  *cations = *anions = 0;
  for (PetscInt k = 0; k < el->nion; k++) {
    const PetscInt z = az_ions[el->ion[k]].charge;
    if (z > 0) *cations += el->c[k] * z;
    if (z < 0) *anions -= el->c[k] * z;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Whether every salt of el is KOH or NaOH, and whether KOH is the only one.
static void AzHydroxidesOnly(const AzElectrolyte *el, PetscBool *hydroxides, PetscBool *koh)
{
  *hydroxides = *koh = (PetscBool)(el->nsalt > 0);
  for (PetscInt k = 0; k < el->nsalt; k++) {
    const char *name = AzSaltName(el->salt[k]);
    if (strcmp(name, "KOH")) *koh = PETSC_FALSE;
    if (strcmp(name, "KOH") && strcmp(name, "NaOH")) *hydroxides = PETSC_FALSE;
  }
}

// log10(c0/c) = sum_i (h_i + h_G0 + h_T (T - 298.15)) c_i (Weisenberger & Schumpe 1996); 273.15-363.15 K, I <= 5 M
// (12 M for KOH and NaOH alone, with a warning beyond the data of Davis et al. 1967).
PetscErrorCode AzSaltingOutW(AzGas gas, PetscReal T, const AzElectrolyte *el, PetscReal *log10_ratio, AzPropWarnings *w)
{
  const AzSpeciesData *g;
  PetscReal            hG, ionic, sum = 0;  // m^3 kmol^-1, mol L^-1, -
  PetscBool            hydroxides, koh;

  PetscFunctionBeginUser;
  PetscCheck((PetscInt)gas >= 0 && gas < AZ_NGAS, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
             "salting-out: gas index %d is not a gas of azote (N2, O2, Ar, He, CO2, H2)", (int)gas);
  g = &AzSpecies[gas];
  PetscCheck(g->has_ws, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "no Weisenberger-Schumpe gas parameter for %s", g->name);
  PetscCall(AzCheckRange("temperature", T, "K", AZ_T_MIN, AZ_T_MAX, "salting-out, Weisenberger & Schumpe 1996"));
  PetscCall(AzElectrolyteIonicStrength(el, &ionic));
  AzHydroxidesOnly(el, &hydroxides, &koh);
  if (hydroxides && ionic > AZ_I_MAX) {
    PetscCall(AzCheckRange("ionic strength", ionic, "mol/L", 0, AZ_I_MAX_KOH, "Sechenov salting-out law for KOH and NaOH"));
    if (!(koh && gas == AZ_GAS_O2 && PetscAbsReal(T - 298.15) <= 5))
      PetscCall(AzPropWarningsAdd(w,
                                  "salting-out of %s by %.3g mol/L of hydroxide at %.2f K extrapolated: the linear Sechenov law is checked "
                                  "above 5 mol/L only for O2 in KOH at 25 °C (Davis et al. 1967)",
                                  g->name, (double)ionic, (double)T));
  } else
    PetscCall(AzCheckRange("ionic strength", ionic, "mol/L", 0, AZ_I_MAX, "Sechenov salting-out law"));
  hG = g->hG0 + g->hT * (T - 298.15);
  for (PetscInt k = 0; k < el->nion; k++) {
    PetscCheck(az_ions[el->ion[k]].has_h || el->c[k] == 0, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
               "electrolyte '%s': no Weisenberger-Schumpe parameter for the ion %s, so its salting-out in water is unknown", el->spec,
               az_ions[el->ion[k]].name);
    sum += (az_ions[el->ion[k]].h + hG) * el->c[k];
  }
  *log10_ratio = sum;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzSaltingOut(AzGas gas, PetscReal T, const AzElectrolyte *el, PetscReal *log10_ratio)
{
  PetscFunctionBeginUser;
  PetscCall(AzSaltingOutW(gas, T, el, log10_ratio, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}
