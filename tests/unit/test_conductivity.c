// Electrolyte conductivity from the composition (solver/thermo/conductivity.c) against measured conductivities.
#include <azote/thermo.h>
#include "aztest.h"

static PetscReal Kappa(const char spec[], PetscReal T)
{
  AzElectrolyte el;
  PetscReal     kappa = -1;
  if (AzElectrolyteParse(spec, &el) || AzElectrolyteConductivity(&el, T, &kappa)) return -1;
  return kappa;
}

int main(int argc, char **argv)
{
  AzElectrolyte el;
  PetscReal     kappa;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  // Conductivity standards at 25 °C (Mettler-Toledo standards table; NCERT/CRC for NaCl): S/m.
  AZ_CHECK_REL(Kappa("KCl:0.01", 298.15), 0.1413, 0.01, "KCl 0.01 mol/L, 25 °C");
  AZ_CHECK_REL(Kappa("KCl:0.1", 298.15), 1.288, 0.01, "KCl 0.1 mol/L, 25 °C");
  AZ_CHECK_REL(Kappa("NaCl:0.1", 298.15), 1.0674, 0.01, "NaCl 0.1 mol/L, 25 °C");
  // Measured KOH + NaOH mixtures at 25 °C, Snyder, Feng, Keen & Mason, Cem. Concr. Res. 33, 793 (2003), Table 2
  // (S/m): the model is within 6 % up to an ionic strength of 1.25 mol/L.
  AZ_CHECK_REL(Kappa("KOH:0.125,NaOH:0.125", 298.15), 5.642, 0.06, "KOH 0.125 + NaOH 0.125 mol/L");
  AZ_CHECK_REL(Kappa("KOH:0.25,NaOH:0.25", 298.15), 10.70, 0.06, "KOH 0.25 + NaOH 0.25 mol/L");
  AZ_CHECK_REL(Kappa("KOH:0.5,NaOH:0.5", 298.15), 19.57, 0.06, "KOH 0.5 + NaOH 0.5 mol/L");
  AZ_CHECK_REL(Kappa("KOH:1,NaOH:0.25", 298.15), 24.78, 0.06, "KOH 1 + NaOH 0.25 mol/L");
  // Temperature: the NIST KCl standard 0.1 mol/kg (0.0997 mol/L) is 1.28246 S/m at 25 °C and 1.91809 S/m at 50 °C
  // (Wu, Koch & Pratt, J. Res. NIST 96, 191 (1991), as tabulated in the CRC Handbook).
  AZ_CHECK_REL(Kappa("KCl:0.0997", 323.15), 1.91809, 0.01, "KCl 0.1 mol/kg, 50 °C");
  // Outside its range the correlation refuses and asks for a value.
  PetscCall(AzElectrolyteParse("KOH:2", &el));
  AZ_CHECK_INPUT_ERROR(AzElectrolyteConductivity(&el, 298.15, &kappa), "ionic strength");
  PetscCall(AzElectrolyteParse("KCl:0.1", &el));
  AZ_CHECK_INPUT_ERROR(AzElectrolyteConductivity(&el, 273.15, &kappa), "temperature");
  return AzTestFinish();
}
