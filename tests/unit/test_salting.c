// Electrolyte strings and the Weisenberger-Schumpe salting-out model.
#include <azote/thermo.h>
#include "aztest.h"

// Concentration of the named ion in el (mol/L), 0 if absent.
static PetscReal IonConc(const AzElectrolyte *el, const char name[])
{
  for (PetscInt k = 0; k < el->nion; k++)
    if (!strcmp(AzIonName(el->ion[k]), name)) return el->c[k];
  return 0;
}

int main(int argc, char **argv)
{
  AzElectrolyte el;
  AzGasMix      mix;
  PetscReal     r, r2, ionic;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));

  // Check value of the model: O2 in 1 M KOH at 298.15 K, log10(c0/c) = h_K+ + h_OH- + 2 h_G,O2(298.15 K)
  // = 0.0922 + 0.0839 + 0 = 0.1761 (Weisenberger & Schumpe 1996). Exact arithmetic: 1e-12.
  PetscCall(AzElectrolyteParse("KOH:1.0", &el));
  PetscCall(AzSaltingOut(AZ_GAS_O2, 298.15, &el, &r));
  AZ_CHECK_ABS(r, 0.1761, 1e-12, "log10(c0/c) O2, 1 M KOH, 298.15 K");
  // Measured: Davis, Horvath & Tobias, Electrochim. Acta 12, 287 (1967), O2 in 0-12 N KOH at 25 °C:
  // log S = log 1.26e-3 - 0.1746 C, two independent methods agreeing. The model's 0.1761 per mol/L is 0.9 % above;
  // 1.5 % would still catch a wrong ion parameter (the next-nearest cation, Rb+ = 0.0839, gives 5 % less).
  PetscCall(AzElectrolyteParse("KOH:2", &el));
  PetscCall(AzSaltingOut(AZ_GAS_O2, 298.15, &el, &r));
  AZ_CHECK_REL(r / 2, 0.1746, 0.015, "Sechenov constant of O2 in KOH at 25 °C per mol/L, Davis et al. 1967");
  // Beyond the Sechenov-linear range of most salts: Davis et al. found the line for O2 in KOH straight to 12 N at
  // 25 °C (slope 0.1746 L/mol in log10 c); the model's 0.1761 is 0.9 % steeper, so its c falls 2.7 % (8 M) and 4.1 %
  // (12 M) below their line: tolerance 5 %. The hydroxides alone are accepted to 12 mol/L; only O2 in KOH near 25 °C
  // goes without a warning.
  for (int i = 0; i < 2; i++) {
    AzPropWarnings  w = {0};
    char            spec[16], what[96];
    const PetscReal C = i ? 12 : 8;
    PetscCall(PetscSNPrintf(spec, sizeof(spec), "KOH:%g", (double)C));
    PetscCall(AzElectrolyteParse(spec, &el));
    PetscCall(AzSaltingOutW(AZ_GAS_O2, 298.15, &el, &r, &w));
    PetscCall(PetscSNPrintf(what, sizeof(what), "c/c0 of O2 in %g M KOH at 25 °C vs Davis et al. 1967", (double)C));
    AZ_CHECK_REL(PetscPowReal(10, -r), PetscPowReal(10, -0.1746 * C), 0.05, what);
    AZ_CHECK(w.n == 0, "O2 in %g M KOH at 25 °C: inside Davis' data, no warning (%d)", (double)C, (int)w.n);
    PetscCall(AzSaltingOutW(AZ_GAS_N2, 298.15, &el, &r, &w));
    AZ_CHECK(w.n == 1, "N2 in %g M KOH: extrapolated, one warning (%d)", (double)C, (int)w.n);
    AZ_CHECK_INPUT_ERROR(AzSaltingOut(AZ_GAS_O2, 353.15, &el, &r), "extrapolated");
  }
  // Mg and Ca salts: their ions' parameters (the same table): O2 in 0.5 M MgCl2 and CaCl2 at 25 °C.
  PetscCall(AzElectrolyteParse("MgCl2:0.5", &el));
  PetscCall(AzSaltingOut(AZ_GAS_O2, 298.15, &el, &r));
  AZ_CHECK_ABS(r, 0.5 * 0.1694 + 1.0 * 0.0318, 1e-12, "log10(c0/c) O2, 0.5 M MgCl2 = 0.5 h_Mg + 1.0 h_Cl");
  PetscCall(AzElectrolyteParse("CaCl2:0.5,MgSO4:0.1", &el));
  PetscCall(AzSaltingOut(AZ_GAS_O2, 298.15, &el, &r));
  AZ_CHECK_ABS(r, 0.5 * 0.1762 + 1.0 * 0.0318 + 0.1 * (0.1694 + 0.1117), 1e-12, "log10(c0/c) O2, CaCl2 + MgSO4");

  // Temperature dependence enters only through h_G: N2 at 333.15 K in 1 M NaCl,
  // (0.1143 + 0.0318) + 2 (-0.0010 - 6.05e-4 * 35).
  PetscCall(AzElectrolyteParse("NaCl:1", &el));
  PetscCall(AzSaltingOut(AZ_GAS_N2, 333.15, &el, &r));
  AZ_CHECK_ABS(r, 0.1461 + 2 * (-0.0010 - 6.05e-4 * 35), 1e-12, "log10(c0/c) N2, 1 M NaCl, 333.15 K");

  // Parsing: ions merge across salts, concentrations add.
  PetscCall(AzElectrolyteParse("KCl:0.1,KOH:0.01", &el));
  AZ_CHECK_ABS(IonConc(&el, "K+"), 0.11, 1e-15, "K+ in KCl:0.1,KOH:0.01");
  AZ_CHECK_ABS(IonConc(&el, "Cl-"), 0.1, 1e-15, "Cl- in KCl:0.1,KOH:0.01");
  AZ_CHECK_ABS(IonConc(&el, "OH-"), 0.01, 1e-15, "OH- in KCl:0.1,KOH:0.01");
  AZ_CHECK(el.nsalt == 2, "two salts in KCl:0.1,KOH:0.01, got %d", (int)el.nsalt);
  PetscCall(AzElectrolyteParse("Na2SO4:0.5", &el));
  PetscCall(AzElectrolyteIonicStrength(&el, &ionic));
  AZ_CHECK_ABS(ionic, 1.5, 1e-14, "ionic strength of 0.5 M Na2SO4");
  PetscCall(AzElectrolyteParse("H2SO4:0.5", &el));  // 2 H+ + SO4^2- by definition
  AZ_CHECK_ABS(IonConc(&el, "H+"), 1.0, 1e-15, "H+ in 0.5 M H2SO4");
  AZ_CHECK_ABS(IonConc(&el, "SO4^2-"), 0.5, 1e-15, "SO4^2- in 0.5 M H2SO4");
  // PBS:c = NaH2PO4 0.39 c + Na2HPO4 0.61 c (pH 7.0 sodium phosphate buffer, Gomori 1955).
  PetscCall(AzElectrolyteParse("PBS:0.1", &el));
  AZ_CHECK_ABS(IonConc(&el, "H2PO4-"), 0.039, 1e-15, "H2PO4- in PBS:0.1");
  AZ_CHECK_ABS(IonConc(&el, "HPO4^2-"), 0.061, 1e-15, "HPO4^2- in PBS:0.1");
  AZ_CHECK_ABS(IonConc(&el, "Na+"), 0.161, 1e-15, "Na+ in PBS:0.1");
  PetscCall(AzElectrolyteParse(" none ", &el));
  AZ_CHECK(el.nion == 0 && el.nsalt == 0, "'none' has no ions");
  PetscCall(AzSaltingOut(AZ_GAS_N2, 298.15, &el, &r2));
  AZ_CHECK_ABS(r2, 0, 0, "no salting-out in pure water");
  {  // every salt azote documents parses, and salts out O2 at 25 °C
    const char *salts[] = {"KOH:1",      "KCl:1",      "Li2SO4:0.5", "PBS:0.1",     "Na2SO4:0.5",  "KHCO3:0.5",  "LiClO4:1",
                           "NaCl:1",     "NaOH:1",     "K2SO4:0.5",  "H2SO4:0.5",   "HCl:1",       "KNO3:1",     "NaNO3:1",
                           "K2CO3:0.5",  "KH2PO4:0.5", "K2HPO4:0.5", "NaH2PO4:0.5", "Na2HPO4:0.5", "LiCl:1",     "LiOH:1",
                           "NaHCO3:0.5", "Na2CO3:0.5", "NaClO4:1",   "KClO4:0.1",   "HClO4:1",     "HNO3:1",     "K3PO4:0.1",
                           "Na3PO4:0.1", "LiNO3:1",    "MgCl2:0.5",  "CaCl2:0.5",   "MgSO4:0.5",   "CaSO4:0.01", "seawater:35"};
    for (size_t k = 0; k < sizeof(salts) / sizeof(salts[0]); k++) {
      PetscCall(AzElectrolyteParse(salts[k], &el));
      PetscCall(AzSaltingOut(AZ_GAS_O2, 298.15, &el, &r));
      AZ_CHECK(r > 0, "%s salts out O2 (log10 c0/c = %g)", salts[k], (double)r);
    }
  }

  // Errors: one line naming the problem.
  AZ_CHECK_INPUT_ERROR(AzElectrolyteParse("KXY:1", &el), "unknown salt 'KXY'");
  AZ_CHECK_INPUT_ERROR(AzElectrolyteParse("KOH:-1", &el), "concentration of KOH = -1");
  AZ_CHECK_INPUT_ERROR(AzElectrolyteParse("KOH:abc", &el), "value 'abc' of KOH is not a number");
  AZ_CHECK_INPUT_ERROR(AzElectrolyteParse("KOH", &el), "is not NAME:VALUE");
  AZ_CHECK_INPUT_ERROR(AzElectrolyteParse("KOH:1,,KCl:1", &el), "malformed");
  AZ_CHECK_INPUT_ERROR(AzElectrolyteParse("KOH:1,KOH:2", &el), "listed twice");
  AZ_CHECK_INPUT_ERROR(AzElectrolyteParse("", &el), "empty");
  PetscCall(AzElectrolyteParse("NaCl:6", &el));
  AZ_CHECK_INPUT_ERROR(AzSaltingOut(AZ_GAS_O2, 298.15, &el, &r), "ionic strength = 6 mol/L is outside the valid range");
  PetscCall(AzElectrolyteParse("KOH:13", &el));
  AZ_CHECK_INPUT_ERROR(AzSaltingOut(AZ_GAS_O2, 298.15, &el, &r), "ionic strength = 13 mol/L is outside the valid range [0, 12]");
  PetscCall(AzElectrolyteParse("LiBF4:0.1", &el));
  AZ_CHECK_INPUT_ERROR(AzSaltingOut(AZ_GAS_O2, 298.15, &el, &r), "no Weisenberger-Schumpe parameter for the ion BF4-");
  PetscCall(AzElectrolyteParse("CaSO4:0.01", &el));
  AZ_CHECK(IonConc(&el, "Ca^2+") == 0.01 && IonConc(&el, "SO4^2-") == 0.01, "CaSO4 ions");
  AZ_CHECK_INPUT_ERROR(AzElectrolyteParse("CaSO4:0.05", &el), "above its solubility");
  PetscCall(AzElectrolyteParse("KOH:1", &el));
  AZ_CHECK_INPUT_ERROR(AzSaltingOut(AZ_GAS_O2, 373.15, &el, &r), "Weisenberger & Schumpe");

  // Gas feeds.
  PetscCall(AzGasMixParse("N2:0.78084,O2:0.209476", &mix));  // DESIGN §4's example: the remainder is a balance gas
  AZ_CHECK_ABS(mix.y[AZ_GAS_N2], 0.78084, 0, "y_N2");
  AZ_CHECK_INPUT_ERROR(AzGasMixParse("N2:0.8,O2:0.3", &mix), "sum to 1.1, more than 1");
  AZ_CHECK_INPUT_ERROR(AzGasMixParse("N2:1,Xe:0", &mix), "unknown gas 'Xe'");
  AZ_CHECK_INPUT_ERROR(AzGasMixParse("N2:-0.5", &mix), "outside [0, 1]");
  AZ_CHECK_INPUT_ERROR(AzGasMixParse("N2:x", &mix), "is not a number");
  AZ_CHECK_INPUT_ERROR(AzGasMixParse("N2:0", &mix), "no gas with a non-zero mole fraction");
  AZ_CHECK_INPUT_ERROR(AzGasMixParse("N2:1,", &mix), "malformed");
  AZ_CHECK_INPUT_ERROR(AzGasMixParse("N2=1", &mix), "is not NAME:VALUE");
  return AzTestFinish();
}
