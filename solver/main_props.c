// azote-props: gas solubility, diffusivity and water properties at one state, as JSON on stdout (DESIGN §4).
// Glue only: the physics is in solver/thermo/ (docs/thermo.md). The JSON is built completely before it is printed,
// so a failed input prints nothing on stdout.
#include <azote/thermo.h>
#include <azote/options.h>
#include <azote/json.h>

static const char help[] =
    "azote-props: solubility and transport properties of N2 and O2 in water, electrolytes and other solvents.\n"
    "Prints one JSON object (DESIGN §4); docs/thermo.md describes every number.\n";

static PetscErrorCode AzPropsGasJSON(AzJSON j, const char name[], const AzGasSolubility *g)
{
  PetscFunctionBeginUser;
  PetscCall(AzJSONBeginObject(j, name));
  PetscCall(AzJSONReal(j, "y_dry", g->y_dry));
  PetscCall(AzJSONReal(j, "p_partial_Pa", g->p_partial));
  PetscCall(AzJSONReal(j, "phi", g->phi));
  PetscCall(AzJSONReal(j, "fugacity_Pa", g->fugacity));
  PetscCall(AzJSONReal(j, "kH_Pa", g->kH));
  PetscCall(AzJSONReal(j, "poynting", g->poynting));
  PetscCall(AzJSONReal(j, "salting_factor", g->salting_factor));
  PetscCall(AzJSONReal(j, "c_sat_mol_m3", g->c_sat));
  PetscCall(AzJSONReal(j, "dc_sat_dp_mol_m3_Pa", g->dc_sat_dp));
  PetscCall(AzJSONReal(j, "D_m2_s", g->D));
  PetscCall(AzJSONEndObject(j));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzPropsRun(void)
{
  PetscReal     T = 298.15, P = 101325, mu;  // K, Pa, Pa s
  char          gas_spec[256] = "N2:1", el_spec[256] = "none", solv_spec[256] = "water", note[AZ_PROP_WARNING_LEN];
  PetscBool     help_given, keys_given, corrected;
  AzGasMix      mix;
  AzElectrolyte el;
  AzSolvent     solvent;
  AzSolubility  s;
  AzJSON        j;
  const char   *text;

  PetscFunctionBeginUser;
  PetscOptionsBegin(PETSC_COMM_WORLD, NULL, "azote-props options", "azote-props");
  PetscCall(AzOptionsReal(PetscOptionsObject, "T", "temperature", "K", 298.15, AZ_RANGE(273.15, 363.15), &T, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "P", "total pressure, gas plus water vapour; must exceed the vapour pressure", "Pa", 101325,
                          AZ_RANGE_OPEN_LO(0, 1e7), &P, NULL));
  PetscCall(AzOptionsString(PetscOptionsObject, "gas", "dry-gas mole fractions (a sum below 1 leaves an inert balance)",
                            "GAS:FRACTION,... with GAS in N2 O2 Ar He CO2 H2", "N2:1", gas_spec, sizeof(gas_spec), NULL));
  PetscCall(AzOptionsString(PetscOptionsObject, "electrolyte", "salts in mol/L, fully dissociated",
                            "none or SALT:MOL_PER_L,... or seawater:SALINITY (docs/thermo.md lists the salts)", "none", el_spec,
                            sizeof(el_spec), NULL));
  PetscCall(AzOptionsString(PetscOptionsObject, "solvent", "the liquid: one solvent, or a mixture by volume fractions of the pure liquids",
                            "water, methanol, ethanol, acetonitrile, thf, or NAME:VOLUME_FRACTION,... summing to 1", "water", solv_spec,
                            sizeof(solv_spec), NULL));
  PetscOptionsEnd();
  PetscCall(PetscOptionsHasHelp(NULL, &help_given));
  PetscCall(PetscOptionsHasName(NULL, NULL, "-help_keys", &keys_given));
  if (keys_given) PetscCall(AzOptionsPrintReference(PETSC_COMM_WORLD, stdout));  // Markdown table of the keys
  if (help_given || keys_given) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(AzOptionsCheckUnused(PETSC_COMM_WORLD, "azote-props"));

  PetscCall(AzGasMixParse(gas_spec, &mix));
  PetscCall(AzElectrolyteParse(el_spec, &el));
  PetscCall(AzSolventParse(solv_spec, &solvent));
  PetscCall(AzSolubilityComputeSolvent(T, P, &mix, &solvent, &el, &s));
  if (AzSolventIsWater(&solvent))
    PetscCall(AzElectrolyteViscosity(T, &el, &mu, &corrected, note, sizeof(note)));
  else {  // the solvent's viscosity; salts neglected (a property warning says so)
    mu        = s.viscosity;
    corrected = (PetscBool)(el.nsalt == 0);
    PetscCall(PetscSNPrintf(note, sizeof(note), el.nsalt ? "the salts' effect in %s is neglected" : "pure %s", solvent.spec));
  }

  PetscCall(AzJSONCreate(&j));
  PetscCall(AzJSONBeginObject(j, NULL));
  PetscCall(AzJSONReal(j, "T_K", s.T));
  PetscCall(AzJSONReal(j, "P_Pa", s.P));
  PetscCall(AzJSONString(j, "gas", gas_spec));
  PetscCall(AzJSONBeginObject(j, "electrolyte"));
  PetscCall(AzJSONString(j, "spec", el.spec));
  PetscCall(AzJSONReal(j, "ionic_strength_mol_L", s.ionic_strength));
  PetscCall(AzJSONReal(j, "viscosity_Pa_s", mu));
  PetscCall(AzJSONBool(j, "viscosity_corrected", corrected));
  PetscCall(AzJSONString(j, "viscosity_note", note));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONBeginObject(j, "water"));
  PetscCall(AzJSONReal(j, "p_vap_Pa", s.water.p_vap));
  PetscCall(AzJSONReal(j, "density_kg_m3", s.water.density));
  PetscCall(AzJSONReal(j, "viscosity_Pa_s", s.water.viscosity));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONBeginObject(j, "solvent"));
  PetscCall(AzJSONString(j, "spec", solvent.spec));
  PetscCall(AzJSONBeginObject(j, "mole_fractions"));
  for (PetscInt k = 0; k < solvent.n; k++) PetscCall(AzJSONReal(j, AzSolventNames[solvent.id[k]], solvent.x[k]));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONBeginObject(j, "liquid"));  // the solution in its solvent: what the gases dissolve in
  PetscCall(AzJSONReal(j, "p_vap_Pa", s.liquid.p_vap));
  PetscCall(AzJSONReal(j, "density_kg_m3", s.liquid.density));
  PetscCall(AzJSONReal(j, "viscosity_Pa_s", s.liquid.viscosity));
  PetscCall(AzJSONReal(j, "water_activity", s.liquid.water_activity));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONBeginArray(j, "property_warnings"));
  for (PetscInt k = 0; k < s.warnings.n; k++) PetscCall(AzJSONString(j, NULL, s.warnings.text[k]));
  PetscCall(AzJSONEndArray(j));
  PetscCall(AzJSONBeginObject(j, "species"));
  for (PetscInt g = 0; g < AZ_NGAS_SOLVED; g++) PetscCall(AzPropsGasJSON(j, AzGasNames[g], &s.gas[g]));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONGetText(j, &text));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s", text));
  for (PetscInt k = 0; k < s.warnings.n; k++)
    PetscCall(PetscFPrintf(PETSC_COMM_WORLD, PETSC_STDERR, "azote-props: warning: %s\n", s.warnings.text[k]));
  PetscCall(AzJSONDestroy(&j));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscErrorCode ierr;

  ierr = AzInitialize(&argc, &argv, "azote-props", help);
  if (ierr) return AZ_EXIT_BUG;
  return AzFinalize(AzPropsRun());
}
