// The membrane flow cell (issue 21; the seed review's Figure 10B): two flowing electrolytes separated by an ion-exchange
// membrane, the cathode on one side and the anode on the other, across x (along the flow) and y (through the plane):
//   cathode plate | catholyte channel | membrane | anolyte channel | anode plate            (membraneflow_cathode plate)
//   gas channel | GDL | catalyst layer | [spacer] | [catholyte] | membrane | anolyte | anode   (membraneflow_cathode gde)
// The second is Chen's GDE cell (Chen et al., ACS Sustainable Chem. Eng. 5, 7393 (2017), the review's refs. 134-137):
// the gas reaches the catalyst through a GDL and the catalyst layer faces the membrane through an extra porous layer (the
// spacer, here a porous layer filled with catholyte, D eps^1.5 and kappa eps^1.5 by Bruggeman), with or without a
// flowing catholyte. Each channel carries its own electrolyte (composition, conductivity, dissolved gases at its
// inlet), fully developed plane Poiseuille flow at its own rate (2-D: the width w >> height). Both electrodes span the
// flow field (length L): the current crosses catholyte, membrane and anolyte (the electrolyte potential is always
// solved), a full cell run at a cell voltage or a current (anode_reaction, cell_voltage, electrode_mode galvanostatic),
// or against a non-polarisable counter electrode on the anode plate (anode_reaction none).
//
// Products: the main reactions' products (NH3 from N2RR, NO3- from N2OR; rows of the species table) are solved in every
// liquid, made at their electrode, carried out by both streams. The membrane lets each dissolved species through with
// its permeability P_s (diffusivity times partition coefficient, m^2/s; 0: not at all) and moves its ions with the
// ionic current: of the current density i through it a share t+ (the cation transport number) is carried by the cations
// and 1 - t+ by the anions, so a trace ion of mean charge z_s moves with u_s = z_s t / (F C) i, C the equivalent
// concentration of its class of ions in the electrolytes (the mean of both sides; trace ions exchange with the
// membrane's counter-ions in proportion, e.g. Bard & Faulkner, Electrochemical Methods, 2nd ed., §2.3 on transference
// numbers): NH4+ is pushed back into the catholyte, NO3- into the anolyte. The outlets give each stream's
// concentrations and what crossed (cell_info).
#include <azote/porous.h>

typedef enum { AZ_MF_PLATE, AZ_MF_GDE } AzMFCathode;
static const char *const AzMFCathodes[] = {"plate", "gde", NULL};

enum { AZ_MF_GAS, AZ_MF_GDL, AZ_MF_CL, AZ_MF_SPACER, AZ_MF_CATHOLYTE, AZ_MF_MEMBRANE, AZ_MF_ANOLYTE, AZ_MF_NLAYER };
static const char *const AzMFLayers[AZ_MF_NLAYER] = {"gas_channel", "gdl", "cl", "spacer", "catholyte", "membrane", "anolyte"};

typedef struct {
  PetscInt          cathode;                            // AzMFCathode
  PetscReal         length, width;                      // the flow field (and both electrodes), m
  PetscReal         thickness[AZ_MF_NLAYER];            // m (channels: their heights)
  PetscReal         flow_rate[AZ_MF_NLAYER];            // gas, catholyte, anolyte, m^3/s
  PetscReal         inlet_saturation[AZ_MF_NLAYER];     // catholyte, anolyte: the dissolved gases at the inlet (-)
  PetscReal         U[AZ_MF_NLAYER], Re[AZ_MF_NLAYER];  // mean velocities, m/s; the liquids' Reynolds numbers
  AzPorousElectrode pe;                                 // GDL and catalyst layer (cathode gde)
  PetscReal         spacer_porosity;                    // -
  PetscReal         kappa_membrane, t_plus;             // S/m, cation transport number (-)
  PetscReal         perm[AZ_MAX_SPECIES_ROWS];          // membrane permeability per species row, m^2/s
  PetscReal         charge[AZ_MAX_SPECIES_ROWS];        // mean charge in the membrane per species row (-)
  char              an_electrolyte[256], an_gas[256];
  AzElectrolyte     anolyte;
  AzGasMix          an_gasmix;
  AzSolubility      sol_a;              // properties of the anolyte (and the gases dissolved in it)
  PetscReal         kappa_a;            // anolyte conductivity, S/m
  PetscReal         eq[2];              // equivalents of cations and anions, mean of both electrolytes, mol/m^3
  PetscReal         D_gas, c_gas_feed;  // cathode gde: the reactant's gas diffusivity (m^2/s) and feed (mol/m^3)
  PetscInt          region[AZ_MF_NLAYER];
} AzMembraneFlow;

// The species rows a membrane key is generated for: every reaction's reactant and product.
static PetscBool AzMFKeyed(const AzSpeciesInfo *sp)
{
  PetscInt                     n;
  const AzReactionInfo *const *rows;
  PetscBool                    yes = PETSC_FALSE;
  if (AzReactionTable(&n, &rows)) return PETSC_FALSE;
  for (PetscInt k = 0; k < n; k++)
    yes = (PetscBool)(yes || (rows[k]->reactant && !strcmp(rows[k]->reactant, sp->name)) ||
                      (rows[k]->product && !strcmp(rows[k]->product, sp->name)));
  return yes;
}

static PetscErrorCode AzCellSetFromOptions_MembraneFlow(AzCase c)
{
  AzMembraneFlow             *mf;
  PetscInt                    nsp;
  const AzSpeciesInfo *const *rows;
  char                        key[64], help[200];

  PetscFunctionBeginUser;
  PetscCall(PetscNew(&mf));
  c->cell_ctx = mf;
  PetscCall(AzSpeciesTable(&nsp, &rows));
  PetscOptionsBegin(c->comm, NULL, "membraneflow", NULL);
  PetscCall(AzOptionsEnum(PetscOptionsObject, "membraneflow_cathode",
                          "the cathode: plate (a flat electrode on the catholyte channel's wall) or gde (a gas-diffusion electrode fed "
                          "from a gas channel, its catalyst layer facing the membrane)",
                          AzMFCathodes, AZ_MF_PLATE, &mf->cathode, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "membraneflow_length", "flow field and electrode length along the channels", "m", 0.01,
                          AZ_RANGE_OPEN_LO(0, 1), &mf->length, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "membraneflow_width", "flow field and electrode width (out of plane)", "m", 0.01,
                          AZ_RANGE_OPEN_LO(0, 1), &mf->width, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "membraneflow_catholyte_height",
                          "catholyte channel height, electrode (or catalyst layer) to membrane; 0: none (cathode gde only), else >= 1e-8",
                          "m", 5e-4, AZ_RANGE(0, 0.1), &mf->thickness[AZ_MF_CATHOLYTE], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "membraneflow_catholyte_flow_rate", "catholyte volumetric flow rate", "m^3/s", 1.667e-8,
                          AZ_RANGE(0, 1), &mf->flow_rate[AZ_MF_CATHOLYTE], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "membraneflow_catholyte_inlet_saturation",
                          "catholyte inlet: its dissolved gases as a fraction of saturation with gas_composition", "-", 1, AZ_RANGE(0, 1),
                          &mf->inlet_saturation[AZ_MF_CATHOLYTE], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "membraneflow_anolyte_height", "anolyte channel height, membrane to anode", "m", 5e-4,
                          AZ_RANGE(1e-8, 0.1), &mf->thickness[AZ_MF_ANOLYTE], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "membraneflow_anolyte_flow_rate", "anolyte volumetric flow rate", "m^3/s", 1.667e-8,
                          AZ_RANGE_OPEN_LO(0, 1), &mf->flow_rate[AZ_MF_ANOLYTE], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "membraneflow_anolyte_inlet_saturation",
                          "anolyte inlet: its dissolved gases as a fraction of saturation with membraneflow_anolyte_gas_composition", "-",
                          1, AZ_RANGE(0, 1), &mf->inlet_saturation[AZ_MF_ANOLYTE], NULL));
  PetscCall(AzOptionsString(PetscOptionsObject, "membraneflow_anolyte_electrolyte", "the anolyte's salts and concentrations (mol/L)",
                            "same (the electrolyte key's) or SALT:CONC,... (docs/thermo.md)", "same", mf->an_electrolyte,
                            sizeof(mf->an_electrolyte), NULL));
  PetscCall(AzOptionsString(PetscOptionsObject, "membraneflow_anolyte_gas_composition",
                            "the gas the anolyte is saturated with at its inlet",
                            "same (gas_composition's) or GAS:FRACTION,... summing to 1", "same", mf->an_gas, sizeof(mf->an_gas), NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "membraneflow_anolyte_conductivity", "anolyte conductivity (0: from its composition)", "S/m",
                          0, AZ_RANGE(0, 1e3), &mf->kappa_a, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "membraneflow_membrane_thickness", "membrane thickness", "m", 1.83e-4, AZ_RANGE(1e-8, 0.01),
                          &mf->thickness[AZ_MF_MEMBRANE], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "membraneflow_membrane_conductivity", "ionic conductivity of the membrane", "S/m", 10,
                          AZ_POSITIVE, &mf->kappa_membrane, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "membraneflow_membrane_cation_transport_number",
                          "share of the ionic current through the membrane carried by cations (1: an ideal cation-exchange membrane)", "-",
                          1, AZ_RANGE(0, 1), &mf->t_plus, NULL));
  for (PetscInt k = 0; k < nsp; k++) {
    if (!AzMFKeyed(rows[k])) continue;
    PetscCall(PetscSNPrintf(key, sizeof(key), "membraneflow_membrane_permeability_%s", rows[k]->key));
    PetscCall(PetscSNPrintf(help, sizeof(help), "membrane permeability of dissolved %s (diffusivity x partition coefficient; 0: none)",
                            rows[k]->name));
    PetscCall(AzOptionsReal(PetscOptionsObject, key, help, "m^2/s", rows[k]->phase == AZ_PHASE_GAS ? 0 : 1e-10, AZ_RANGE(0, 1e-7),
                            &mf->perm[k], NULL));
    if (rows[k]->phase != AZ_PHASE_SOLUTE) continue;
    PetscCall(PetscSNPrintf(key, sizeof(key), "membraneflow_membrane_charge_%s", rows[k]->key));
    PetscCall(PetscSNPrintf(help, sizeof(help),
                            "mean charge of %s in the membrane, the part that migrates with the current (e.g. NH3/NH4+: +1 in acid and "
                            "neutral electrolytes, 0 in strong alkali)",
                            rows[k]->name));
    PetscCall(AzOptionsReal(PetscOptionsObject, key, help, "-", (PetscReal)rows[k]->charge, AZ_RANGE(-3, 3), &mf->charge[k], NULL));
  }
  PetscCall(AzOptionsReal(PetscOptionsObject, "membraneflow_gas_channel_height", "gas channel depth (cathode gde)", "m", 1e-3,
                          AZ_RANGE(1e-8, 0.1), &mf->thickness[AZ_MF_GAS], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "membraneflow_gas_flow_rate",
                          "feed gas flow rate at the operating temperature and pressure (cathode gde)", "m^3/s", 3.4e-7,
                          AZ_RANGE_OPEN_LO(0, 1), &mf->flow_rate[AZ_MF_GAS], NULL));
  PetscCall(AzPorousElectrodeOptions(PetscOptionsObject, c->comm, "membraneflow", 2.5e-4, &mf->pe));
  PetscCall(AzOptionsReal(PetscOptionsObject, "membraneflow_spacer_thickness",
                          "porous layer filled with catholyte between the catalyst layer and the membrane (cathode gde: Chen's second "
                          "GDL); 0: none, else >= 1e-8",
                          "m", 0, AZ_RANGE(0, 0.01), &mf->thickness[AZ_MF_SPACER], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "membraneflow_spacer_porosity", "porosity of the spacer", "-", 0.76, AZ_RANGE_OPEN_LO(0, 1),
                          &mf->spacer_porosity, NULL));
  PetscOptionsEnd();
  {
    const char *keys[] = {"membraneflow_catholyte_height", "membraneflow_spacer_thickness"};
    const int   l[]    = {AZ_MF_CATHOLYTE, AZ_MF_SPACER};
    for (int k = 0; k < 2; k++)
      PetscCheck(mf->thickness[l[k]] == 0 || mf->thickness[l[k]] >= 1e-8, c->comm, PETSC_ERR_USER_INPUT,
                 "-%s = %g m is thinner than a layer can be: allowed 0 (none) or 1e-08 m (10 nm) and more", keys[k],
                 (double)mf->thickness[l[k]]);
  }
  if (mf->cathode == AZ_MF_PLATE) {  // no gas-diffusion electrode
    PetscCheck(mf->thickness[AZ_MF_CATHOLYTE] > 0, c->comm, PETSC_ERR_USER_INPUT,
               "-membraneflow_catholyte_height = 0 with membraneflow_cathode plate: the plate cathode needs a catholyte channel (> 0 m)");
    PetscCheck(mf->thickness[AZ_MF_SPACER] == 0, c->comm, PETSC_ERR_USER_INPUT,
               "-membraneflow_spacer_thickness = %g m is for membraneflow_cathode gde: allowed 0 with a plate cathode",
               (double)mf->thickness[AZ_MF_SPACER]);
    mf->thickness[AZ_MF_GAS] = 0;
  } else
    mf->thickness[AZ_MF_GDL] = mf->pe.gdl_thickness, mf->thickness[AZ_MF_CL] = mf->pe.cl_thickness;
  PetscCheck(mf->thickness[AZ_MF_CATHOLYTE] == 0 || mf->flow_rate[AZ_MF_CATHOLYTE] > 0, c->comm, PETSC_ERR_USER_INPUT,
             "-membraneflow_catholyte_flow_rate = 0 while membraneflow_catholyte_height = %g m: allowed > 0 (or a height of 0 with the "
             "gde cathode)",
             (double)mf->thickness[AZ_MF_CATHOLYTE]);
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Parses a string key of the template (its own error line naming the key).
#define AzMFInput(comm, call, ...)                                                                                                         \
  do {                                                                                                                                     \
    PetscErrorCode az_e_;                                                                                                                  \
    char          *az_msg_ = NULL;                                                                                                         \
    PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));                                                                       \
    az_e_ = (call);                                                                                                                        \
    PetscCall(PetscPopErrorHandler());                                                                                                     \
    if (az_e_) PetscCall(PetscErrorMessage(az_e_, NULL, &az_msg_));                                                                        \
    PetscCheck(!az_e_, comm, PETSC_ERR_USER_INPUT, __VA_ARGS__, az_msg_ ? az_msg_ : "error");                                              \
  } while (0)

static PetscErrorCode AzCellValidate_MembraneFlow(AzCase c)
{
  AzMembraneFlow *mf   = (AzMembraneFlow *)c->cell_ctx;
  const PetscReal mu_c = c->sol.viscosity, rho_c = c->sol.liquid.density;
  PetscReal       eqc[2], eqa[2];

  PetscFunctionBeginUser;
  PetscCheck(c->potential, c->comm, PETSC_ERR_USER_INPUT,
             "-electrolyte_potential = false: the membrane flow cell's current crosses catholyte, membrane and anolyte: set "
             "electrolyte_potential true");
  PetscCheck(c->mesh.n[0] == 0 || c->mesh.n[0] >= 4, c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_nx = %" PetscInt_FMT " is too coarse for the membrane flow cell: allowed 0 (the default, 80) or >= 4", c->mesh.n[0]);
  PetscCheck(c->mesh.n[1] == 0 || c->mesh.n[1] >= 16, c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_ny = %" PetscInt_FMT " is too coarse for the membrane flow cell's layers: allowed 0 (the default) or >= 16",
             c->mesh.n[1]);
  // the anolyte: its electrolyte and gas, its properties (and the uncertainty study's property factors)
  AzMFInput(c->comm, AzElectrolyteParse(strcmp(mf->an_electrolyte, "same") ? mf->an_electrolyte : c->electrolyte_spec, &mf->anolyte),
            "-membraneflow_anolyte_electrolyte = '%s': %s", mf->an_electrolyte);
  AzMFInput(c->comm, AzGasMixParse(strcmp(mf->an_gas, "same") ? mf->an_gas : c->gas_spec, &mf->an_gasmix),
            "-membraneflow_anolyte_gas_composition = '%s': %s", mf->an_gas);
  AzMFInput(c->comm, AzSolubilityComputeSolvent(c->T, c->P, &mf->an_gasmix, &c->solvent, &mf->anolyte, &mf->sol_a),
            "-membraneflow_anolyte_electrolyte = '%s' at the operating point: %s", mf->an_electrolyte);
  PetscCall(AzPropertyFactorsApply(&c->props, &mf->sol_a));
  if (mf->kappa_a == 0) {
    PetscCheck(mf->anolyte.nsalt > 0, c->comm, PETSC_ERR_USER_INPUT,
               "-membraneflow_anolyte_electrolyte = '%s' has no ions: set membraneflow_anolyte_conductivity (S/m) or an electrolyte",
               mf->an_electrolyte);
    AzMFInput(c->comm, AzConductivityCompute(&mf->anolyte, &c->solvent, c->T, &mf->kappa_a, &mf->sol_a.warnings),
              "-membraneflow_anolyte_electrolyte = '%s': %s", mf->an_electrolyte);
    mf->kappa_a *= c->props.conductivity;
  }
  PetscCheck(c->anode_reactant < 0 || mf->sol_a.gas[c->anode_reactant].c_sat > 0, c->comm, PETSC_ERR_USER_INPUT,
             "-membraneflow_anolyte_gas_composition = '%s' has no %s for the anode (-anode_reaction = %s): add %s", mf->an_gas,
             c->anode_reactant >= 0 ? AzGasNames[c->anode_reactant] : "", c->anode_choices[c->anode_reaction],
             c->anode_reactant >= 0 ? AzGasNames[c->anode_reactant] : "");
  // the ions that carry the current through the membrane: the equivalents of both electrolytes, averaged
  PetscCall(AzElectrolyteEquivalents(&c->electrolyte, &eqc[0], &eqc[1]));
  PetscCall(AzElectrolyteEquivalents(&mf->anolyte, &eqa[0], &eqa[1]));
  for (PetscInt q = 0; q < 2; q++) mf->eq[q] = 1e3 * 0.5 * (eqc[q] + eqa[q]);  // mol/L -> mol/m^3
  for (PetscInt l = AZ_MF_CATHOLYTE; l <= AZ_MF_ANOLYTE; l += AZ_MF_ANOLYTE - AZ_MF_CATHOLYTE) {
    const PetscReal h = mf->thickness[l], w = mf->width, mu = l == AZ_MF_ANOLYTE ? mf->sol_a.viscosity : mu_c;
    const PetscReal rho = l == AZ_MF_ANOLYTE ? mf->sol_a.liquid.density : rho_c;
    mf->U[l]            = h > 0 ? mf->flow_rate[l] / (w * h) : 0;
    mf->Re[l]           = h > 0 ? rho * mf->U[l] * (2 * w * h / (w + h)) / mu : 0;
    PetscCheck(mf->Re[l] < 2000, c->comm, PETSC_ERR_USER_INPUT,
               "-membraneflow_%s_flow_rate = %g m^3/s gives Re = %.0f in the %s channel: the laminar profile needs Re < 2000",
               AzMFLayers[l], (double)mf->flow_rate[l], (double)mf->Re[l], AzMFLayers[l]);
    PetscCheck(h == 0 || 12 * mu * mf->U[l] * mf->length / (h * h) <= 0.1 * c->P, c->comm, PETSC_ERR_USER_INPUT,
               "-membraneflow_%s_flow_rate = %g m^3/s: a pressure drop of %.4g Pa along the %s channel, more than 10 %% of "
               "operating_pressure = %g Pa (the cell is modelled at one pressure): lower the flow rate or widen the channel",
               AzMFLayers[l], (double)mf->flow_rate[l], (double)(12 * mu * mf->U[l] * mf->length / (h * h)), AzMFLayers[l], (double)c->P);
  }
  if (mf->cathode == AZ_MF_GDE) {
    PetscCheck(!AzCaseMainProduct(c) || mf->pe.saturation > 0, c->comm, PETSC_ERR_USER_INPUT,
               "-membraneflow_saturation = 0 with membraneflow_cathode gde: the catalyst layer's %s leaves through the liquid in its "
               "pores: allowed > 0",
               AzCaseMainProduct(c)->name);
    PetscCall(AzReactantGasDiffusivity(c, &mf->D_gas));
    mf->U[AZ_MF_GAS] = mf->flow_rate[AZ_MF_GAS] / (mf->width * mf->thickness[AZ_MF_GAS]);
    mf->c_gas_feed   = c->sol.gas[c->reactant].p_partial / (AZ_GAS_CONSTANT * c->T);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The species row of problem species s (-1: a gas phase or the potential).
static PetscInt AzMFRow(const AzProblem *p, PetscInt s)
{
  PetscInt                    n;
  const AzSpeciesInfo *const *rows;
  if (!p->species[s].info || AzSpeciesTable(&n, &rows)) return -1;
  for (PetscInt k = 0; k < n; k++)
    if (rows[k] == p->species[s].info) return k;
  return -1;
}

// A dissolved species' diffusivity in a liquid of properties sol: a dissolved gas its own; a solute its row's (water, 25
// °C) scaled as the reactant's by Stokes-Einstein (T / mu) from the same reference.
static PetscReal AzMFDiffusivity(AzCase c, const AzSolubility *sol, const AzSpeciesInfo *sp)
{
  const AzSpeciesInfo *ref = AzSpeciesFind(AzGasNames[c->reactant]);
  if (sp->phase == AZ_PHASE_GAS) return sol->gas[sp->gas].D;
  return sp->diffusivity * sol->gas[c->reactant].D / ref->diffusivity;
}

// The species a problem carries: the dissolved reactants, the cathode's gas (gde), the main reactions' products, phi_l.
static PetscErrorCode AzMFSpecies(AzCase c, AzMembraneFlow *mf, AzProblem *p, PetscInt *sg)
{
  char                  name[32];
  const AzSpeciesInfo  *prod[2] = {AzCaseMainProduct(c), NULL};
  const AzReactionInfo *anode   = c->anode_reaction != AZ_ANODE_NONE ? AzElectrodeMain(&c->anode)->info : NULL;
  PetscInt              sa;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(name, sizeof(name), "c_%s", AzSpeciesFind(AzGasNames[c->reactant])->key));
  PetscCall(AzProblemAddSpecies(p, name, NULL));
  *sg = -1;
  if (mf->cathode == AZ_MF_GDE) {
    PetscCall(PetscStrlcat(name, "_gas", sizeof(name)));
    PetscCall(AzProblemAddSpecies(p, name, sg));
  }
  PetscCall(AzCaseAddAnodeSpecies(c, p, &sa));
  if (anode && anode->product) prod[1] = AzSpeciesFind(anode->product);
  for (PetscInt k = 0; k < 2; k++) {
    if (!prod[k] || prod[k]->phase != AZ_PHASE_SOLUTE || (k == 1 && prod[0] == prod[1])) continue;
    PetscCall(PetscSNPrintf(name, sizeof(name), "c_%s", prod[k]->key));
    PetscCall(AzProblemAddSpecies(p, name, NULL));
  }
  PetscCall(AzProblemAddSpecies(p, "phi_l", NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzCellSetUp_MembraneFlow(AzCase c, AzProblem *p)
{
  AzMembraneFlow     *mf = (AzMembraneFlow *)c->cell_ctx;
  const AzSolubility *sol[AZ_MF_NLAYER];
  const PetscInt      ny_default[AZ_MF_NLAYER] = {8, 16, 32, 8, 24, 8, 24};  // the GDE layers as the planar GDE's
  const PetscReal     ry = c->mesh.refine[1] ? c->mesh.refine[1] : 8, rx = c->mesh.refine[0] ? c->mesh.refine[0] : 4;
  PetscInt            M[3] = {c->mesh.n[0] ? c->mesh.n[0] : 80, 0, 1}, ny[AZ_MF_NLAYER], ny_total = 0, sg, layer_of_row[4096];
  PetscInt            inlet[AZ_MF_NLAYER], outlet, bottom, top;
  PetscReal          *xf[3], v[AZ_MF_NLAYER][AZ_MAX_SPECIES] = {{0}};
  AzLayerMesh         lm[AZ_MF_NLAYER];
  const PetscInt      toward[AZ_MF_NLAYER] = {1, 1, 0, -1, 2, 0, 2};

  PetscFunctionBeginUser;
  for (PetscInt l = 0; l < AZ_MF_NLAYER; l++) ny_total += mf->thickness[l] > 0 ? ny_default[l] : 0;
  for (PetscInt l = 0; l < AZ_MF_NLAYER; l++) {
    ny[l] = mf->thickness[l] > 0 ? ny_default[l] : 0;
    if (c->mesh.n[1] && ny[l]) ny[l] = PetscMax(2, (ny[l] * c->mesh.n[1] + ny_total / 2) / ny_total);
    M[1] += ny[l];
    lm[l] = (AzLayerMesh){mf->thickness[l], ny[l], toward[l], l == AZ_MF_CATHOLYTE || l == AZ_MF_ANOLYTE ? ry : 4};
  }
  PetscCheck(M[1] <= 4096, c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_ny = %" PetscInt_FMT " is too fine for the membrane flow cell: allowed <= 4096", c->mesh.n[1]);
  PetscCall(AzCaseResolveMesh(c, M, NULL));
  PetscCall(PetscMalloc3(M[0] + 1, &xf[0], M[1] + 1, &xf[1], 2, &xf[2]));
  {
    const AzRefinePoint ref[1] = {{0, 0, rx, mf->length / 10}};  // the electrodes' leading edges at the inlet
    PetscCall(AzMesh1D(0, mf->length, M[0], 1, ref, 0, NULL, xf[0]));
  }
  PetscCall(AzStackMesh(AZ_MF_NLAYER, lm, 0, xf[1], layer_of_row));
  xf[2][0] = 0, xf[2][1] = mf->width;

  PetscCall(AzMFSpecies(c, mf, p, &sg));
  for (PetscInt l = 0; l < AZ_MF_NLAYER; l++) sol[l] = l == AZ_MF_ANOLYTE ? &mf->sol_a : &c->sol;
  for (PetscInt s = 0; s < p->nspecies; s++)
    p->species[s].scale = mf->width * (s == p->s_phi ? c->conductivity / AZ_FARADAY : s == sg ? mf->D_gas : c->sol.gas[c->reactant].D);
  for (PetscInt l = 0; l < AZ_MF_NLAYER; l++) {
    AzRegion       *r;
    const PetscReal kappa = l == AZ_MF_ANOLYTE ? mf->kappa_a : l == AZ_MF_MEMBRANE ? mf->kappa_membrane : c->conductivity;
    const PetscReal eps   = l == AZ_MF_SPACER ? mf->spacer_porosity : l == AZ_MF_CL ? mf->pe.cl_porosity * mf->pe.saturation : 1;
    mf->region[l]         = -1;
    if (!ny[l]) continue;
    PetscCall(AzProblemAddRegion(p, AzMFLayers[l], &mf->region[l]));
    r = &p->region[mf->region[l]];
    if (l == AZ_MF_GAS) {  // as the planar GDE's gas channel
      AzRegionPorousGas(r, sg, mf->D_gas, 1);
      r->aniso[0] = 1 - c->sol.gas[c->reactant].p_partial / c->P;
      continue;
    }
    if (l == AZ_MF_GDL) {
      AzRegionPorousGas(r, sg, mf->D_gas, mf->pe.gdl_porosity);
      continue;
    }
    if (l == AZ_MF_CL)
      AzRegionCatalystLayer(r, &mf->pe, c, AZ_N2, sg, p->s_phi, mf->D_gas, mf->c_gas_feed, c->conductivity);
    else
      r->present[p->s_phi] = PETSC_TRUE, r->D[p->s_phi] = kappa * (eps == 1 ? 1 : PetscPowReal(eps, 1.5));
    for (PetscInt s = 0; s < p->nspecies; s++) {
      const PetscInt       row = AzMFRow(p, s);
      const AzSpeciesInfo *sp  = row >= 0 ? p->species[s].info : NULL;
      if (!sp || (l == AZ_MF_CL && s == AZ_N2)) continue;
      if (l == AZ_MF_CL && sp->phase == AZ_PHASE_GAS) continue;  // the anode's gas: not in the cathode's pores
      if (l == AZ_MF_MEMBRANE) {
        if (mf->perm[row] <= 0) continue;
        r->present[s] = PETSC_TRUE, r->D[s] = mf->perm[row];
        // migration: the share of the current of its class of ions, over their equivalents
        if (sp->phase == AZ_PHASE_SOLUTE && mf->charge[row] != 0) {
          const PetscInt cls = mf->charge[row] > 0 ? 0 : 1;
          r->migration[s] = mf->eq[cls] > 0 ? mf->charge[row] * (cls == 0 ? mf->t_plus : 1 - mf->t_plus) / (AZ_FARADAY * mf->eq[cls]) : 0;
        }
        continue;
      }
      r->present[s] = PETSC_TRUE;
      r->D[s]       = AzMFDiffusivity(c, sol[l], sp) * (eps == 1 ? 1 : PetscPowReal(eps, 1.5));
    }
  }
  PetscCall(AzProblemCreateGrid(p, 2, M, xf));
  PetscCall(PetscFree3(xf[0], xf[1], xf[2]));
  for (PetscInt j = p->grid.gxs[1]; j < p->grid.gxs[1] + p->grid.gxm[1]; j++)
    for (PetscInt i = p->grid.gxs[0]; i < p->grid.gxs[0] + p->grid.gxm[0]; i++)
      p->grid.tag[AzGridLocal(&p->grid, i, j, 0)] = mf->region[layer_of_row[j]];

  // Plug flow in the gas channel, plane Poiseuille flow in the liquid channels (cell averages).
  PetscCall(PetscCalloc1(M[1], &p->ux));
  {
    PetscReal y = 0;
    for (PetscInt l = 0, j = 0; l < AZ_MF_NLAYER; j += ny[l], y += mf->thickness[l], l++) {
      if (l == AZ_MF_GAS)
        for (PetscInt q = j; q < j + ny[l]; q++) p->ux[q] = mf->U[l];
      if (l == AZ_MF_CATHOLYTE || l == AZ_MF_ANOLYTE)
        AzPoiseuilleCellAverages(mf->U[l], y, mf->thickness[l], j, j + ny[l], p->grid.xf[1], p->ux);
    }
  }

  // Inlets: the feed gas; each liquid saturated (to its fraction) with its gas, the products at their bulk values.
  PetscCall(AzProblemSetUpBoundaries(p));
  for (PetscInt s = 0; s < p->nspecies; s++) {
    const PetscInt       row = AzMFRow(p, s);
    const AzSpeciesInfo *sp  = row >= 0 ? p->species[s].info : NULL;
    if (s == sg) v[AZ_MF_GAS][s] = mf->c_gas_feed;
    if (!sp) continue;
    for (PetscInt l = AZ_MF_CATHOLYTE; l <= AZ_MF_ANOLYTE; l += AZ_MF_ANOLYTE - AZ_MF_CATHOLYTE)
      v[l][s] = sp->phase == AZ_PHASE_GAS ? mf->inlet_saturation[l] * sol[l]->gas[sp->gas].c_sat : c->bulk[row];
  }
  for (PetscInt l = 0; l < AZ_MF_NLAYER; l++) {
    inlet[l] = -1;
    if (ny[l] && (l == AZ_MF_GAS || l == AZ_MF_CATHOLYTE || l == AZ_MF_ANOLYTE))
      PetscCall(AzProblemAddPatch(p, AZ_BC_INFLOW, v[l], &inlet[l]));
  }
  PetscCall(AzProblemAddPatch(p, AZ_BC_OUTFLOW, NULL, &outlet));
  for (PetscInt j = 0; j < M[1]; j++)
    if (inlet[layer_of_row[j]] >= 0) p->bc[0][j] = inlet[layer_of_row[j]], p->bc[1][j] = outlet;
  // the plate cathode on the catholyte's outer wall; the anode (or the counter electrode) on the anolyte's
  if (mf->cathode == AZ_MF_PLATE) {
    PetscCall(AzProblemAddPatch(p, AZ_BC_ELECTRODE, NULL, &bottom));
    for (PetscInt i = 0; i < M[0]; i++) p->bc[2][i] = bottom;
  }
  PetscCall(AzProblemAddPatch(p, c->anode_reaction != AZ_ANODE_NONE ? AZ_BC_ANODE : AZ_BC_COUNTER, NULL, &top));
  for (PetscInt i = 0; i < M[0]; i++) p->bc[3][i] = top;
  p->electrode      = c->electrode;
  p->electrode_area = mf->length * mf->width;
  if (c->anode_reaction != AZ_ANODE_NONE) p->anode = c->anode, p->anode_area = p->electrode_area;
  p->T    = c->T;
  p->bulk = mf->cathode == AZ_MF_GDE ? c->sol.gas[c->reactant].c_sat : v[AZ_MF_CATHOLYTE][AZ_N2];
  // the film of the reverse branches' supply: the liquid film over the catalyst, or the Leveque layer at the outlet
  p->film           = mf->cathode == AZ_MF_GDE
                          ? AzPorousFilm(&mf->pe)
                          : PetscCbrtReal(c->sol.gas[c->reactant].D * mf->length * mf->thickness[AZ_MF_CATHOLYTE] / (6 * mf->U[AZ_MF_CATHOLYTE]));
  p->amg_by_species = p->newton_stagnation = PETSC_TRUE;
  PetscCall(AzProblemSetUpElectrodes(p, &c->activity));
  {
    PetscReal c0[AZ_MAX_SPECIES] = {0};
    for (PetscInt s = 0; s < p->nspecies; s++) c0[s] = s == p->s_phi ? 0 : s == sg ? mf->c_gas_feed : v[AZ_MF_CATHOLYTE][s];
    if (mf->cathode == AZ_MF_GDE) c0[AZ_N2] = c->sol.gas[c->reactant].c_sat;
    PetscCall(AzProblemSetInitial(p, c0));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The flow-weighted outlet concentrations of each liquid stream, the species entering and leaving with them (mol/s),
// and what the electrodes make of each species (mol/s).
typedef struct {
  PetscReal in[2][AZ_MAX_SPECIES], out[2][AZ_MAX_SPECIES], flow[2];  // catholyte, anolyte
  PetscReal made[AZ_MAX_SPECIES];
} AzMFStreams;

static PetscErrorCode AzMFMade(AzProblem *p, AzBCType which, PetscReal made[])
{
  const AzElectrode *e = which == AZ_BC_ANODE ? &p->anode : &p->electrode;
  AzElectrodePiece  *f;
  PetscInt           n;

  PetscFunctionBeginUser;
  PetscCall(AzProblemElectrodePieces(p, which, &n, &f));
  for (PetscInt k = 0; k < n; k++)
    for (PetscInt r = 0; r < e->nreaction; r++)
      for (PetscInt s = 0; s < p->nspecies; s++)
        made[s] += f[k].area * e->reaction[r].nu_of[s] * f[k].state.i[r] / (e->reaction[r].info->n * AZ_FARADAY);
  PetscCall(PetscFree(f));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzMFStreamsCompute(AzMembraneFlow *mf, AzProblem *p, AzMFStreams *st)
{
  const AzGrid    *g = &p->grid;
  const PetscReal *c;
  PetscInt         nsum = 4 * AZ_MAX_SPECIES + 2;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(st, sizeof(*st)));
  PetscCall(VecGetArrayRead(p->c, &c));
  AzForOwnedCells(g, i, j, k)
  {
    const PetscInt r = g->tag[AzGridLocal(g, i, j, k)], q = r == mf->region[AZ_MF_CATHOLYTE] ? 0 : r == mf->region[AZ_MF_ANOLYTE] ? 1 : -1;
    if (q < 0 || (i != 0 && i != g->M[0] - 1)) continue;
    const PetscReal Q = AzGridFaceArea(g, 0, i, j, k) * p->ux[j];  // m^3/s through the cell's cross-section
    for (PetscInt s = 0; s < p->nspecies; s++) {
      if (s == p->s_phi) continue;
      if (i == 0) st->in[q][s] += Q * p->patch[p->bc[0][j]].value[s];
      if (i == g->M[0] - 1) st->out[q][s] += Q * c[AzGridOwned(g, i, j, k) * p->nspecies + s];
    }
    if (i == 0) st->flow[q] += Q;
  }
  PetscCall(VecRestoreArrayRead(p->c, &c));
  PetscCall(AzMFMade(p, AZ_BC_ELECTRODE, st->made));
  if (p->anode_area > 0) PetscCall(AzMFMade(p, AZ_BC_ANODE, st->made));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, (PetscReal *)st, nsum, MPIU_REAL, MPIU_SUM, p->comm));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, st->made, AZ_MAX_SPECIES, MPIU_REAL, MPIU_SUM, p->comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzCellView_MembraneFlow(AzCase c, AzProblem *p, AzInfo *info)
{
  AzMembraneFlow *mf = (AzMembraneFlow *)c->cell_ctx;
  AzMFStreams     st;
  char            key[64];

  PetscFunctionBeginUser;
  PetscCall(AzMFStreamsCompute(mf, p, &st));
  PetscCall(AzInfoReal(info, "electrode_area_m2", mf->length * mf->width, "m^2"));
  PetscCall(AzInfoText(info, "cathode", AzMFCathodes[mf->cathode]));
  for (PetscInt l = AZ_MF_CATHOLYTE; l <= AZ_MF_ANOLYTE; l += AZ_MF_ANOLYTE - AZ_MF_CATHOLYTE) {
    const PetscReal h = mf->thickness[l], mu = l == AZ_MF_ANOLYTE ? mf->sol_a.viscosity : c->sol.viscosity;
    PetscCall(PetscSNPrintf(key, sizeof(key), "%s_velocity_m_s", AzMFLayers[l]));
    PetscCall(AzInfoReal(info, key, mf->U[l], "m/s"));
    PetscCall(PetscSNPrintf(key, sizeof(key), "%s_reynolds", AzMFLayers[l]));
    PetscCall(AzInfoReal(info, key, mf->Re[l], "-"));
    // plane Poiseuille: 12 mu U L / h^2; pressure_drop_Pa is the catholyte's, the stream along the working electrode
    PetscCall(PetscSNPrintf(key, sizeof(key), "%s_pressure_drop_Pa", AzMFLayers[l]));
    PetscCall(
        AzInfoReal(info, l == AZ_MF_CATHOLYTE ? "pressure_drop_Pa" : key, h > 0 ? 12 * mu * mf->U[l] * mf->length / (h * h) : 0, "Pa"));
  }
  // each electrode's stream, for what its products add at the outlet (summary.json's products; crossover aside)
  PetscCall(AzInfoReal(info, "flow_rate_m3_s", mf->thickness[AZ_MF_CATHOLYTE] > 0 ? mf->flow_rate[AZ_MF_CATHOLYTE] : 0, "m^3/s"));
  PetscCall(AzInfoReal(info, "anode_flow_rate_m3_s", mf->flow_rate[AZ_MF_ANOLYTE], "m^3/s"));
  PetscCall(AzInfoReal(info, "anolyte_conductivity_S_m", mf->kappa_a, "S/m"));
  PetscCall(AzInfoReal(info, "membrane_cation_transport_number", mf->t_plus, "-"));
  for (PetscInt s = 0; s < p->nspecies; s++) {
    const AzSpeciesInfo *sp = p->species[s].info;
    if (!sp) continue;
    for (PetscInt q = 0; q < 2; q++) {
      PetscCall(PetscSNPrintf(key, sizeof(key), "%s_outlet_c_%s_mol_m3", q ? "anolyte" : "catholyte", sp->key));
      PetscCall(AzInfoReal(info, key, st.flow[q] > 0 ? st.out[q][s] / st.flow[q] : 0, "mol/m^3"));
    }
    if (sp->phase != AZ_PHASE_SOLUTE) continue;
    {
      // made at the electrodes; what leaves with the other stream than its electrode's; the balance made = out - in
      const PetscBool at_anode = (PetscBool)(p->anode_area > 0 && AzElectrodeMain(&p->anode)->info->product &&
                                             !strcmp(AzElectrodeMain(&p->anode)->info->product, sp->name));
      const PetscReal net[2] = {st.out[0][s] - st.in[0][s], st.out[1][s] - st.in[1][s]}, made = st.made[s];
      PetscCall(PetscSNPrintf(key, sizeof(key), "%s_made_mol_s", sp->key));
      PetscCall(AzInfoReal(info, key, made, "mol/s"));
      PetscCall(PetscSNPrintf(key, sizeof(key), "%s_crossover_rel", sp->key));
      PetscCall(AzInfoReal(info, key, made != 0 ? net[at_anode ? 0 : 1] / made : 0, "-"));
      PetscCall(PetscSNPrintf(key, sizeof(key), "%s_balance_rel", sp->key));
      PetscCall(AzInfoReal(info, key, made != 0 ? PetscAbsReal(made - net[0] - net[1]) / PetscAbsReal(made) : 0, "-"));
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The Sherwood number's length: the catholyte channel's hydraulic diameter (plate), the gas path to the catalyst (gde).
static PetscErrorCode AzCellSherwoodLength_MembraneFlow(AzCase c, PetscReal *L)
{
  AzMembraneFlow *mf = (AzMembraneFlow *)c->cell_ctx;
  const PetscReal h = mf->thickness[AZ_MF_CATHOLYTE], w = mf->width;

  PetscFunctionBeginUser;
  *L = mf->cathode == AZ_MF_GDE ? mf->pe.gdl_thickness + mf->pe.cl_thickness : 2 * w * h / (w + h);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCellCreate_MembraneFlow(AzCellOps *ops)
{
  PetscFunctionBeginUser;
  ops->name            = "membraneflow";
  ops->description     = "membrane flow cell: catholyte and anolyte channels across an ion-exchange membrane, plate or GDE cathode";
  ops->anode_gas       = PETSC_TRUE;
  ops->setfromoptions  = AzCellSetFromOptions_MembraneFlow;
  ops->validate        = AzCellValidate_MembraneFlow;
  ops->setup           = AzCellSetUp_MembraneFlow;
  ops->view            = AzCellView_MembraneFlow;
  ops->sherwood_length = AzCellSherwoodLength_MembraneFlow;
  PetscFunctionReturn(PETSC_SUCCESS);
}
