// Fuzz of the gas-composition, electrolyte and solvent parsers (and the properties they feed): 20000 strings, random and
// mutated from valid ones, with a fixed seed. Every call must either succeed with a sane result or fail as bad input
// (PETSC_ERR_USER_INPUT) -- never crash, never another error; the sanitizer build (./scripts/test --sanitize)
// runs the same program.
#include <azote/thermo.h>
#include "aztest.h"

static unsigned long long az_rng = 0x9E3779B97F4A7C15ull;
static unsigned           Rand(unsigned n)
{
  az_rng ^= az_rng << 13, az_rng ^= az_rng >> 7, az_rng ^= az_rng << 17;
  return (unsigned)(az_rng % n);
}

static const char *const seeds[] = {"N2:1",
                                    "N2:0.78084,O2:0.209476,Ar:0.00934",
                                    "KOH:1.0",
                                    "KCl:0.1,KOH:0.01",
                                    "Na2SO4:0.5",
                                    "PBS:0.1",
                                    "none",
                                    "CO2:0.5,H2:0.5",
                                    "LiClO4:0.1",
                                    "KHCO3:0.5",
                                    "H2SO4:0.05",
                                    "seawater:35",
                                    "MgCl2:0.5,CaSO4:0.01",
                                    "thf:0.99,ethanol:0.01",
                                    "water:0.7,methanol:0.3",
                                    "acetonitrile",
                                    "O2:1",
                                    "N2:0.5,He:0.5",
                                    "water",
                                    "methanol:1",
                                    NULL};

// A random string: mostly a mutated seed (characters replaced, inserted, deleted, duplicated), sometimes noise.
static void Make(char *s, size_t len)
{
  static const char alphabet[] = "N2O2ArHeCOHKClNaSOLiPBnoe:.,-+0123456789 ^eEinfa\t%swthrmlMg";
  PetscInt          nseed      = 0;
  while (seeds[nseed]) nseed++;
  if (Rand(10) == 0) {
    size_t n = Rand((unsigned)len - 1);
    for (size_t i = 0; i < n; i++) s[i] = alphabet[Rand(sizeof(alphabet) - 1)];
    s[n] = 0;
    return;
  }
  strcpy(s, seeds[Rand((unsigned)nseed)]);
  for (unsigned m = 0, nm = 1 + Rand(4); m < nm; m++) {
    size_t n = strlen(s), at = n ? Rand((unsigned)n) : 0;
    switch (Rand(4)) {
    case 0:
      if (n) s[at] = alphabet[Rand(sizeof(alphabet) - 1)];
      break;
    case 1:
      if (n + 1 < len) memmove(s + at + 1, s + at, n - at + 1), s[at] = alphabet[Rand(sizeof(alphabet) - 1)];
      break;
    case 2:
      if (n) memmove(s + at, s + at + 1, n - at);
      break;
    case 3:
      if (2 * n + 2 < len) {  // the string twice, comma-separated
        char copy[256];
        memcpy(copy, s, n + 1);
        strcat(s, ",");
        strcat(s, copy);
      }
      break;
    }
  }
}

int main(int argc, char **argv)
{
  char          s[256];
  PetscInt      ok_gas = 0, ok_el = 0, ok_solv = 0, bad = 0;
  AzGasMix      mix;
  AzElectrolyte el;
  AzSolvent     solv;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  for (PetscInt it = 0; it < 20000; it++) {
    PetscErrorCode ierr;
    Make(s, sizeof(s));
    ierr = AzGasMixParse(s, &mix);
    if (!ierr) {
      PetscReal sum = 0;
      for (PetscInt g = 0; g < AZ_NGAS; g++) {
        AZ_CHECK(mix.y[g] >= 0 && mix.y[g] <= 1 && PetscIsNormalReal(mix.y[g] + 1), "gas '%s': fraction %g", s, (double)mix.y[g]);
        sum += mix.y[g];
      }
      AZ_CHECK(sum <= 1 + 1e-6 && sum > 0, "gas '%s': fractions sum to %g", s, (double)sum);
      ok_gas++;
    } else {
      AZ_CHECK(ierr == PETSC_ERR_USER_INPUT, "gas '%s': error %d, not a bad-input error", s, (int)ierr);
      bad++;
    }
    ierr = AzElectrolyteParse(s, &el);
    if (!ierr) {
      PetscReal kappa, ionic;
      for (PetscInt k = 0; k < el.nion; k++)
        AZ_CHECK(el.c[k] >= 0 && PetscIsNormalReal(el.c[k] + 1), "electrolyte '%s': concentration %g", s, (double)el.c[k]);
      ierr = AzElectrolyteIonicStrength(&el, &ionic);
      AZ_CHECK(!ierr && ionic >= 0, "electrolyte '%s': ionic strength", s);
      ierr = AzElectrolyteConductivity(&el, 298.15, &kappa);
      AZ_CHECK(ierr == 0 || ierr == PETSC_ERR_USER_INPUT || ierr == PETSC_ERR_SUP, "electrolyte '%s': conductivity error %d", s, (int)ierr);
      AZ_CHECK(ierr || (kappa >= 0 && PetscIsNormalReal(kappa + 1)), "electrolyte '%s': conductivity %g", s, (double)kappa);
      ok_el++;
    } else {
      AZ_CHECK(ierr == PETSC_ERR_USER_INPUT, "electrolyte '%s': error %d, not a bad-input error", s, (int)ierr);
      bad++;
    }
    ierr = AzSolventParse(s, &solv);
    if (!ierr) {
      AzLiquidProps  liq;
      AzPropWarnings w = {0};
      PetscBool      corrected;
      PetscReal      sum = 0;
      for (PetscInt k = 0; k < solv.n; k++) sum += solv.x[k];
      AZ_CHECK(solv.n > 0 && PetscAbsReal(sum - 1) < 1e-12, "solvent '%s': mole fractions sum to %g", s, (double)sum);
      ierr = AzLiquidProperties(298.15, &solv, NULL, &liq, &corrected, &w);
      AZ_CHECK(!ierr && liq.density > 500 && liq.p_vap > 0 && liq.viscosity > 0, "solvent '%s': liquid properties", s);
      ok_solv++;
    } else {
      AZ_CHECK(ierr == PETSC_ERR_USER_INPUT, "solvent '%s': error %d, not a bad-input error", s, (int)ierr);
      bad++;
    }
  }
  PetscCall(PetscPopErrorHandler());
  printf("20000 strings: %d parsed as gas mixtures, %d as electrolytes, %d as solvents, %d refusals\n", (int)ok_gas, (int)ok_el,
         (int)ok_solv, (int)bad);
  AZ_CHECK(ok_gas > 100 && ok_el > 100 && ok_solv > 25, "the fuzz hardly reaches the parsers' success paths (%d, %d, %d)", (int)ok_gas,
           (int)ok_el, (int)ok_solv);
  return AzTestFinish();
}
