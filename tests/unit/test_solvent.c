// Solvents other than water (solver/thermo/solvent.c): the solvent strings, the pure liquids' properties against data
// sets independent of the DIPPR correlations used, N2/O2 solubility against the measurements at hand, and the ideal
// mixing rules.
#include <azote/thermo.h>
#include "aztest.h"

#define AIR "N2:0.78084,O2:0.20946,Ar:0.00934"

static PetscErrorCode Sol(const char solvent[], const char gas[], const char el_spec[], PetscReal T, PetscReal P, AzSolubility *s)
{
  AzGasMix      mix;
  AzSolvent     sol;
  AzElectrolyte el;

  PetscFunctionBeginUser;
  PetscCall(AzGasMixParse(gas, &mix));
  PetscCall(AzSolventParse(solvent, &sol));
  PetscCall(AzElectrolyteParse(el_spec, &el));
  PetscCall(AzSolubilityComputeSolvent(T, P, &mix, &sol, &el, s));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  AzSolvent     sol;
  AzSolubility  s, s1;
  AzLiquidProps liq;
  PetscBool     corrected;
  PetscReal     kH[2];

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));

  // --- Strings: names, volume fractions, mole fractions ---
  PetscCall(AzSolventParse("water", &sol));
  AZ_CHECK(AzSolventIsWater(&sol) && sol.n == 1 && !strcmp(sol.spec, "water"), "water");
  PetscCall(AzSolventParse(" thf:0.99, ethanol:0.01 ", &sol));
  AZ_CHECK(sol.n == 2 && !strcmp(sol.spec, "thf:0.99,ethanol:0.01"), "THF with 1 vol%% ethanol: '%s'", sol.spec);
  // 1 vol% ethanol: 0.01 x 785.9/46.069 mol against 0.99 x 880.0/72.107 mol per litre (DIPPR densities at 25 °C)
  AZ_CHECK_REL(sol.x[1], 0.01 * 785.9 / 46.069 / (0.01 * 785.9 / 46.069 + 0.99 * 880.0 / 72.107), 2e-3,
               "mole fraction of 1 vol% ethanol in THF");
  AZ_CHECK_INPUT_ERROR(AzSolventParse("perfluorohexane", &sol), "perfluorohexane is not available");
  AZ_CHECK_INPUT_ERROR(AzSolventParse("[bmim][BF4]", &sol), "ionic liquids are not available");
  AZ_CHECK_INPUT_ERROR(AzSolventParse("water:0.7,methanol:0.2", &sol), "sum to 0.9");
  AZ_CHECK_INPUT_ERROR(AzSolventParse("water:0.5,water:0.5", &sol), "listed twice");
  AZ_CHECK_INPUT_ERROR(AzSolventParse("water:0,methanol:1", &sol), "outside (0, 1]");
  AZ_CHECK_INPUT_ERROR(AzSolventParse("water,,methanol", &sol), "malformed");
  AZ_CHECK_INPUT_ERROR(AzSolventParse("methanol:x", &sol), "is not a number");
  AZ_CHECK_INPUT_ERROR(AzSolventParse("", &sol), "empty");

  // --- Pure liquids (DIPPR, Perry's 8th ed.) against independent sets at 0, 25 and 50 °C:
  // vapour pressure: Antoine constants of Poling, Prausnitz & O'Connell (2001), Appendix A (log10 p/Pa = A - B/(T + C):
  // methanol 10.20277, 1580.08, -33.65; ethanol 10.33675, 1648.22, -42.232 (from 276.5 K); THF 9.12142, 1203.11,
  // -46.795) and, for acetonitrile, Landolt-Börnstein IV/20 (ln p/Pa = 21.923166 - 3436.3204/(T - 24.208), from 280 K),
  // as transcribed in CalebBell/chemicals: within 2.5 % (DIPPR's methanol is 2.1 % below Poling's Antoine and 2.5 %
  // below his Wagner equation at 0 °C), acetonitrile within 4 % (DIPPR 1.4-3.3 % above Landolt);
  // density: Dortmund Data Bank DIPPR-105 fits (as packaged in the lcqc R package), within 0.7 % (ethanol at 50 °C:
  // DDB 758.3, DIPPR 762.9 kg/m^3);
  // viscosity: Dortmund Data Bank Vogel fits (lcqc), within 5 % at 0 and 25 °C (at 50 °C they differ by 10 % for
  // methanol: DDB 0.362, DIPPR 0.400 mPa s), and the CRC Handbook at 25 °C (methanol 0.544, ethanol 1.074, THF 0.456
  // mPa s) within 2 %. ---
  {
    const char     *name[4]       = {"methanol", "ethanol", "acetonitrile", "thf"};
    const PetscReal rho_ddb[4][4] = {{54.566, 0.233211, 513.16, 0.208875},
                                     {99.3974, 0.310729, 513.18, 0.305143},
                                     {76.9138, 0.267818, 547.85, 0.353687},
                                     {178.549, 0.38953, 536.671, 0.450984}};
    const PetscReal vogel[4][3]   = {
          {-6.7562, 2337.24, 84.0853}, {-7.37146, 2770.25, 74.6787}, {-3.15868, 459.982, -78.3648}, {-4.20583, 1147.48, 34.8631}};
    const PetscReal crc[4] = {0.544e-3, 1.074e-3, 0, 0.456e-3};
    for (int i = 0; i < 4; i++) {
      PetscCall(AzSolventParse(name[i], &sol));
      for (int j = 0; j < 3; j++) {
        const PetscReal T = 273.15 + 25 * j + (i == 1 && j == 0 ? 5 : i == 2 && j == 0 ? 10 : 0);
        PetscReal p_ref, rho_ref = rho_ddb[i][0] / PetscPowReal(rho_ddb[i][1], 1 + PetscPowReal(1 - T / rho_ddb[i][2], rho_ddb[i][3]));
        char      what[96];
        PetscCall(AzLiquidProperties(T, &sol, NULL, &liq, &corrected, NULL));
        if (i == 0)
          p_ref = PetscPowReal(10, 10.20277 - 1580.08 / (T - 33.65));
        else if (i == 1)
          p_ref = PetscPowReal(10, 10.33675 - 1648.22 / (T - 42.232));
        else if (i == 2)
          p_ref = PetscExpReal(21.92316595475654 - 3436.3204281569892 / (T - 24.208));
        else
          p_ref = PetscPowReal(10, 9.12142 - 1203.11 / (T - 46.795));
        PetscCall(PetscSNPrintf(what, sizeof(what), "p_vap of %s at %.2f K vs Poling/Landolt", name[i], (double)T));
        AZ_CHECK_REL(liq.p_vap, p_ref, i == 2 ? 0.04 : 0.025, what);
        PetscCall(PetscSNPrintf(what, sizeof(what), "density of %s at %.2f K vs DDB", name[i], (double)T));
        AZ_CHECK_REL(liq.density, rho_ref, 0.007, what);
        if (j < 2) {
          PetscCall(PetscSNPrintf(what, sizeof(what), "viscosity of %s at %.2f K vs DDB", name[i], (double)T));
          AZ_CHECK_REL(liq.viscosity, 1e-3 * PetscExpReal(vogel[i][0] + vogel[i][1] / (vogel[i][2] + T)), 0.05, what);
        }
        if (j == 1 && crc[i] > 0) {
          PetscCall(PetscSNPrintf(what, sizeof(what), "viscosity of %s at 25 °C vs CRC", name[i]));
          AZ_CHECK_REL(liq.viscosity, crc[i], 0.02, what);
        }
      }
    }
  }

  // --- N2 and O2 (Abraham model, Chung et al. 2022): the measurements at hand. Franco & Olmsted, Talanta 37, 905 (1990):
  // O2 in air-equilibrated acetonitrile 2.42 mM and ethanol 1.94 mM (+-6 %), room temperature and pressure: the model
  // gives -2.0 % and +3.7 %; tolerance 10 %. ---
  PetscCall(Sol("acetonitrile", AIR, "none", 298.15, 101325, &s));
  AZ_CHECK_REL(s.gas[AZ_GAS_O2].c_sat, 2.42, 0.10, "O2 from air in acetonitrile vs Franco & Olmsted 1990");
  AZ_CHECK(s.warnings.n == 2, "acetonitrile: two warnings (Henry's constants and diffusivities are estimates), got %d", (int)s.warnings.n);
  PetscCall(Sol("ethanol", AIR, "none", 298.15, 101325, &s));
  AZ_CHECK_REL(s.gas[AZ_GAS_O2].c_sat, 1.94, 0.10, "O2 from air in ethanol vs Franco & Olmsted 1990");
  // The seed review (ref. 116): methanol holds about ten times water's N2 (per volume, at the same N2 partial pressure).
  PetscCall(Sol("methanol", "N2:1", "none", 298.15, 101325, &s));
  PetscCall(Sol("water", "N2:1", "none", 298.15, 101325, &s1));
  {
    const PetscReal r = (s.gas[AZ_GAS_N2].c_sat / s.gas[AZ_GAS_N2].p_partial) / (s1.gas[AZ_GAS_N2].c_sat / s1.gas[AZ_GAS_N2].p_partial);
    AZ_CHECK(r > 7 && r < 14, "N2 in methanol over water, per partial pressure: %g (about 10)", (double)r);
  }

  // --- The Henry's law machinery in a solvent: the dry-basis partial pressure (the solvent's vapour), the
  // Krichevsky-Kasarnovsky factor with the solvent's partial molar volume, the fugacity with the solvent's vapour. ---
  PetscCall(Sol("thf", "N2:1", "none", 298.15, 1e5, &s));
  PetscCall(Sol("thf", "N2:1", "none", 298.15, 50e5, &s1));
  AZ_CHECK_REL(s.gas[AZ_GAS_N2].p_partial, 1e5 - s.liquid.p_vap, 1e-14, "p_N2 over THF = P - p_vap(THF)");
  AZ_CHECK_REL(s1.gas[AZ_GAS_N2].poynting, PetscExpReal(-55e-6 * (50e5 - s1.liquid.p_vap) / (8.314462618 * 298.15)), 1e-12,
               "KK factor of N2 in THF at 50 bar (v = 55 cm3/mol)");
  AZ_CHECK_REL(s1.gas[AZ_GAS_N2].c_sat / s.gas[AZ_GAS_N2].c_sat,
               s1.gas[AZ_GAS_N2].fugacity / s.gas[AZ_GAS_N2].fugacity * s1.gas[AZ_GAS_N2].poynting / s.gas[AZ_GAS_N2].poynting, 1e-12,
               "c(50 bar)/c(1 bar) of N2 in THF = fugacity x KK ratio");
  AZ_CHECK(s1.gas[AZ_GAS_N2].phi < 1 && s1.gas[AZ_GAS_N2].phi > 0.97, "phi of N2 in THF vapour at 50 bar: %g",
           (double)s1.gas[AZ_GAS_N2].phi);
  // Mixtures: ln k_H = sum x ln k_H,j (mole fractions), with a warning for a real mixture.
  PetscCall(AzSolventParse("water:0.7,methanol:0.3", &sol));
  PetscCall(Sol("water:0.7,methanol:0.3", "N2:1", "none", 298.15, 101325, &s));
  PetscCall(AzSolventHenryConstant(AZ_GAS_N2, AZ_SOLVENT_WATER, 298.15, &kH[0], NULL));
  {
    AzPropWarnings w = {0};
    PetscCall(AzSolventHenryConstant(AZ_GAS_N2, AZ_SOLVENT_METHANOL, 298.15, &kH[1], &w));
  }
  AZ_CHECK_REL(s.gas[AZ_GAS_N2].kH, PetscExpReal(sol.x[0] * PetscLogReal(kH[0]) + sol.x[1] * PetscLogReal(kH[1])), 1e-12,
               "k_H of N2 in water-methanol: log-linear in the mole fractions");
  AZ_CHECK(strstr(s.warnings.text[0], "ideal mixing"), "water-methanol: the ideal-mixing warning comes first (%s)", s.warnings.text[0]);
  // Salts in an organic solvent: neglected, with a warning.
  PetscCall(Sol("thf:0.99,ethanol:0.01", "N2:1", "LiClO4:0.2", 298.15, 1e5, &s));
  AZ_CHECK(strstr(s.warnings.text[0], "LiClO4"), "LiClO4 in THF: the salts are neglected, and it says so (%s)", s.warnings.text[0]);
  AZ_CHECK(s.gas[AZ_GAS_N2].salting_factor == 1, "no salting-out in THF");

  // --- Range: refused with the range named ---
  AZ_CHECK_INPUT_ERROR(Sol("methanol", "N2:1", "none", 330.0, 2e5, &s), "temperature = 330 K is outside the valid range [273.15, 323.15]");
  AZ_CHECK_INPUT_ERROR(Sol("thf", "N2:1", "none", 298.15, 2e4, &s), "is not above the thf vapour pressure");
  {  // the strict forms refuse an estimate
    PetscReal k;
    AZ_CHECK_INPUT_ERROR(AzSolventHenryConstant(AZ_GAS_N2, AZ_SOLVENT_THF, 298.15, &k, NULL), "Abraham model");
  }
  return AzTestFinish();
}
