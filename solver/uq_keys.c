// Keys of uncertainty studies and of the experiment planner: the property-law factors (props_*), the study (uq_*),
// the `uncertainty:` block (uncertainty_<KEY>_sigma, uncertainty_<KEY>_distribution) and the protocol of the planner
// (plan_*, read by azote-plan from summary.json's inputs; the solver itself does not use them).
#include <azote/uq.h>

const char *const        AzUQDistributions[] = {"normal", "lognormal", "uniform", NULL};
const char *const        AzUQDesigns[]       = {"sobol", "lhs", NULL};
static const char *const AzPlanGasModes[]    = {"auto", "bubbled", "flow_through", "recirculation", NULL};
static const char *const AzPlanAssays[]      = {"auto", "nmr", "indophenol", "nessler", "ic", NULL};

static PetscErrorCode AzUQReadFactors(MPI_Comm comm, AzPropertyFactors *f)
{
  PetscFunctionBeginUser;
  PetscOptionsBegin(comm, NULL, "props", NULL);
  PetscCall(AzOptionsReal(PetscOptionsObject, "props_henry_factor_n2",
                          "multiplies the N2 saturation concentration from Henry's law (uncertainty studies; docs/uq.md)", "-", 1.0,
                          AZ_RANGE_OPEN_LO(0, 10), &f->henry[AZ_GAS_N2], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "props_henry_factor_o2",
                          "multiplies the O2 saturation concentration from Henry's law (uncertainty studies)", "-", 1.0,
                          AZ_RANGE_OPEN_LO(0, 10), &f->henry[AZ_GAS_O2], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "props_salting_factor",
                          "multiplies the salting-out exponent sum (h_i + h_G) c_i of Weisenberger-Schumpe (uncertainty studies)", "-", 1.0,
                          AZ_RANGE(0, 10), &f->salting, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "props_diffusivity_factor",
                          "multiplies the diffusivity of dissolved N2 and O2 (uncertainty studies)", "-", 1.0, AZ_RANGE_OPEN_LO(0, 10),
                          &f->diffusivity, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "props_viscosity_factor",
                          "multiplies the electrolyte viscosity (Reynolds number; D by Stokes-Einstein) (uncertainty studies)", "-", 1.0,
                          AZ_RANGE_OPEN_LO(0, 10), &f->viscosity, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "props_conductivity_factor",
                          "multiplies the electrolyte conductivity computed from the composition (uncertainty studies)", "-", 1.0,
                          AZ_RANGE_OPEN_LO(0, 10), &f->conductivity, NULL));
  PetscOptionsEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzUQReadStudy(MPI_Comm comm, AzUQ *uq)
{
  PetscFunctionBeginUser;
  PetscOptionsBegin(comm, NULL, "uq", NULL);
  PetscCall(AzOptionsInt(PetscOptionsObject, "uq_samples",
                         "samples of an uncertainty study over the uncertainty: block and the property laws' defaults (0: a single run)", 0,
                         0, 100000, &uq->samples, NULL));
  PetscCall(AzOptionsInt(PetscOptionsObject, "uq_seed", "seed of the design's randomisation: the same seed gives the same samples", 1, 0,
                         2147483647, &uq->seed, NULL));
  PetscCall(AzOptionsEnum(PetscOptionsObject, "uq_design",
                          "sampling design: sobol (randomly shifted Sobol sequence; any first 2^k samples are balanced) or lhs (Latin "
                          "hypercube)",
                          AzUQDesigns, 0, &uq->design, NULL));
  PetscCall(AzOptionsBool(PetscOptionsObject, "uncertainty_defaults",
                          "add the property laws' default uncertainties (Henry, salting-out, diffusivity, viscosity, conductivity; "
                          "docs/uq.md) to the uncertainty: block",
                          PETSC_TRUE, &uq->defaults, NULL));
  PetscOptionsEnd();
  PetscCheck(uq->samples == 0 || uq->samples >= 8, comm, PETSC_ERR_USER_INPUT,
             "-uq_samples = %" PetscInt_FMT " is too few for statistics: allowed 0 (no study) or 8 to 100000", uq->samples);
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The protocol of azote-plan (postproc/azplan.py). SI units, except the detection limits (mol/L, as electrolyte
// concentrations) and the price (per litre of gas at 0 °C and 1 atm, as it is sold).
static PetscErrorCode AzUQReadPlan(MPI_Comm comm)
{
  PetscReal r;
  PetscInt  e;
  PetscBool b;

  PetscFunctionBeginUser;
  PetscOptionsBegin(comm, NULL, "plan", NULL);
  PetscCall(AzOptionsReal(PetscOptionsObject, "plan_duration",
                          "azote-plan: electrolysis time of the protocol (steady cells; the H-cell runs "
                          "time_end)",
                          "s", 3600, AZ_RANGE_OPEN_LO(0, 1e8), &r, NULL));
  PetscCall(
      AzOptionsReal(PetscOptionsObject, "plan_electrolyte_volume",
                    "azote-plan: electrolyte volume collecting the product (0: the H-cell's catholyte; 3e-5 for the flow cell and GDE)",
                    "m^3", 0, AZ_RANGE(0, 1), &r, NULL));
  PetscCall(AzOptionsEnum(PetscOptionsObject, "plan_gas_mode",
                          "azote-plan: how the (labelled) gas is used: bubbled or flow_through once (consumed = flow x time), or "
                          "recirculation in a closed loop; auto: H-cell and flow-cell reservoir bubbled, GDE flow_through",
                          AzPlanGasModes, 0, &e, NULL));
  PetscCall(
      AzOptionsReal(PetscOptionsObject, "plan_gas_flow",
                    "azote-plan: gas flow at 273.15 K and 101325 Pa (0: the cell's own hcell_ or gde_gas_flow_rate; flow cell 3.33e-7)",
                    "m^3/s", 0, AZ_RANGE(0, 1), &r, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "plan_recirculation_volume",
                          "azote-plan: gas volume of the closed loop (plan_gas_mode recirculation)", "m^3", 1e-4, AZ_RANGE_OPEN_LO(0, 1),
                          &r, NULL));
  PetscCall(AzOptionsInt(PetscOptionsObject, "plan_recirculation_fills", "azote-plan: times the loop is filled with fresh gas", 1, 1, 1000,
                         &e, NULL));
  PetscCall(AzOptionsBool(PetscOptionsObject, "plan_labelled", "azote-plan: the feed is 15N2 (the isotope-labelled control)", PETSC_TRUE,
                          &b, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "plan_price_15n2",
                          "azote-plan: price of 15N2 per litre at 273.15 K and 101325 Pa (0: no cost)", "currency/L", 0, AZ_NONNEGATIVE, &r,
                          NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "plan_trap_volume", "azote-plan: acid trap scrubbing the outlet gas (0: none)", "m^3", 0,
                          AZ_RANGE(0, 1), &r, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "plan_ph", "azote-plan: electrolyte pH (free NH3 fraction stripped to the trap)", "-", 7,
                          AZ_RANGE(-1, 15), &r, NULL));
  PetscCall(AzOptionsEnum(PetscOptionsObject, "plan_assay",
                          "azote-plan: the assay of the verdict (auto: 1H NMR for a labelled feed, indophenol blue otherwise)",
                          AzPlanAssays, 0, &e, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "plan_margin_detection",
                          "azote-plan: product needed, in detection limits (10/3: the quantification limit 10 sigma over 3 sigma)", "-",
                          10.0 / 3.0, AZ_RANGE(1, 1e6), &r, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "plan_margin_contamination",
                          "azote-plan: labelled product needed over the worst-case labelled contamination", "-", 3, AZ_RANGE(1, 1e6), &r,
                          NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "plan_contamination_nh4",
                          "azote-plan: 15NH4+ per mol of 15N2 gas (worst lot of Dabundo et al. 2014)", "mol/mol", 1.9e-3, AZ_RANGE(0, 1),
                          &r, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "plan_contamination_nox",
                          "azote-plan: 15NO3-/NO2- per mol of 15N2 gas (worst lot of Dabundo et al. 2014)", "mol/mol", 4.2e-4,
                          AZ_RANGE(0, 1), &r, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "plan_lod_nmr", "azote-plan: detection limit of NH4+ by 1H NMR (docs/plan.md; unverified)",
                          "mol/L", 1e-6, AZ_RANGE_OPEN_LO(0, 1), &r, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "plan_lod_indophenol", "azote-plan: detection limit of the indophenol (salicylate) assay",
                          "mol/L", 1.07e-6, AZ_RANGE_OPEN_LO(0, 1), &r, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "plan_lod_nessler", "azote-plan: detection limit of the Nessler assay", "mol/L", 2.07e-6,
                          AZ_RANGE_OPEN_LO(0, 1), &r, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "plan_lod_ic", "azote-plan: detection limit of NH4+ by ion chromatography", "mol/L", 1.11e-7,
                          AZ_RANGE_OPEN_LO(0, 1), &r, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "plan_lod_nitrate", "azote-plan: detection limit of NO3- by ion chromatography (unverified)",
                          "mol/L", 1e-6, AZ_RANGE_OPEN_LO(0, 1), &r, NULL));
  PetscOptionsEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

// -uncertainty_<KEY>_sigma S and -uncertainty_<KEY>_distribution D (the case file's uncertainty: block): KEY must be
// a real-valued key already read (the template's and the common keys).
static PetscErrorCode AzUQReadBlock(MPI_Comm comm, AzUQ *uq)
{
  char                *all, *save = NULL;
  PetscInt             nreg;
  const AzOptionEntry *reg;

  PetscFunctionBeginUser;
  uq->ninput = 0;
  PetscCall(AzOptionsRegistryGet(&nreg, &reg));
  PetscCall(PetscOptionsGetAll(NULL, &all));
  for (char *tok = strtok_r(all, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
    char                 name[128], key[64], opt[160], raw[64];
    const char          *suffix = NULL;
    size_t               n;
    PetscBool            is_sigma, set;
    const AzOptionEntry *e = NULL;
    AzUQInput           *in;

    if (strncmp(tok, "-uncertainty_", 13) || !strcmp(tok, "-uncertainty_defaults")) continue;
    PetscCall(PetscStrncpy(name, tok + 1, sizeof(name)));
    n = strlen(name);
    if (n > 12 + 6 && !strcmp(name + n - 6, "_sigma")) suffix = "_sigma";
    if (n > 12 + 13 && !strcmp(name + n - 13, "_distribution")) suffix = "_distribution";
    PetscCheck(suffix, comm, PETSC_ERR_USER_INPUT,
               "unknown key -%s: an uncertainty is -uncertainty_KEY_sigma (relative, -) or -uncertainty_KEY_distribution (%s, %s, %s), "
               "with KEY a real-valued key of the case (in YAML: uncertainty: {KEY: {sigma: 0.05, distribution: normal}})",
               name, AzUQDistributions[0], AzUQDistributions[1], AzUQDistributions[2]);
    is_sigma = (PetscBool)(suffix[1] == 's');
    PetscCall(PetscStrncpy(key, name + 12, PetscMin(sizeof(key), n - 12 - strlen(suffix) + 1)));
    for (PetscInt k = 0; k < nreg; k++)
      if (!strcmp(reg[k].key, key)) e = &reg[k];
    PetscCheck(e, comm, PETSC_ERR_USER_INPUT, "-%s: %s is not a key of this case (`%s -help_keys` lists them)", name, key, AzProgramName());
    PetscCheck(!strcmp(e->type, "real") && strncmp(key, "output_", 7) && strncmp(key, "mesh_", 5) && strncmp(key, "plan_", 5) &&
                   strncmp(key, "time_", 5),
               comm, PETSC_ERR_USER_INPUT,
               "-%s: %s cannot carry an uncertainty: allowed the real-valued physical keys (not output_, mesh_, time_, plan_ keys, "
               "integers, words or flags)",
               name, key);
    in = NULL;
    for (PetscInt i = 0; i < uq->ninput; i++)
      if (!strcmp(uq->input[i].key, key)) in = &uq->input[i];
    if (!in) {
      PetscCheck(uq->ninput < AZ_UQ_MAX_INPUTS, comm, PETSC_ERR_USER_INPUT, "-%s: too many uncertain inputs: allowed %d", name,
                 AZ_UQ_MAX_INPUTS);
      in = &uq->input[uq->ninput++];
      PetscCall(PetscMemzero(in, sizeof(*in)));
      PetscCall(PetscStrncpy(in->key, key, sizeof(in->key)));
      PetscCall(PetscStrncpy(in->source, "user", sizeof(in->source)));
      in->sigma = -1;  // not given yet
    }
    PetscCall(PetscSNPrintf(opt, sizeof(opt), "-%s", name));
    PetscCall(PetscOptionsGetString(NULL, NULL, opt, raw, sizeof(raw), &set));
    if (is_sigma) {
      PetscBool ok;
      PetscCall(AzParseReal(raw, &in->sigma, &ok));
      PetscCheck(ok && in->sigma >= 0 && in->sigma <= 10, comm, PETSC_ERR_USER_INPUT,
                 "-%s = '%s' is not a relative standard deviation: allowed a number in [0, 10] (0 removes a default uncertainty)", name,
                 raw);
    } else {
      PetscBool found = PETSC_FALSE;
      for (PetscInt d = 0; AzUQDistributions[d] && !found; d++)
        if (!strcmp(raw, AzUQDistributions[d])) in->dist = (AzUQDistribution)d, found = PETSC_TRUE;
      PetscCheck(found, comm, PETSC_ERR_USER_INPUT, "-%s = '%s' is not allowed: choose one of %s, %s, %s", name, raw, AzUQDistributions[0],
                 AzUQDistributions[1], AzUQDistributions[2]);
    }
  }
  PetscCall(PetscFree(all));
  for (PetscInt i = 0; i < uq->ninput; i++)
    PetscCheck(uq->input[i].sigma >= 0, comm, PETSC_ERR_USER_INPUT,
               "-uncertainty_%s_distribution is given without -uncertainty_%s_sigma: give the relative standard deviation",
               uq->input[i].key, uq->input[i].key);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzUQReadKeys(MPI_Comm comm, AzPropertyFactors *props, AzUQ *uq)
{
  PetscFunctionBeginUser;
  PetscCall(AzUQReadFactors(comm, props));
  PetscCall(AzUQReadStudy(comm, uq));
  PetscCall(AzUQReadPlan(comm));
  PetscCall(AzUQReadBlock(comm, uq));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzUQRegisterKeys(MPI_Comm comm)
{
  AzPropertyFactors f;
  AzUQ              uq;

  PetscFunctionBeginUser;
  PetscCall(AzUQReadFactors(comm, &f));
  PetscCall(AzUQReadStudy(comm, &uq));
  PetscCall(AzUQReadPlan(comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// c_sat = c0 10^(-S) with S the salting-out sum: a factor f on S multiplies c_sat by (10^-S)^(f - 1).
PetscErrorCode AzPropertyFactorsApply(const AzPropertyFactors *f, AzSolubility *s)
{
  PetscFunctionBeginUser;
  for (PetscInt g = 0; g < AZ_NGAS_SOLVED; g++) {
    AzGasSolubility *r = &s->gas[g];
    const PetscReal  m = f->henry[g] * PetscPowReal(r->salting_factor, f->salting - 1);
    r->c_sat *= m;
    r->dc_sat_dp *= m;
    r->salting_factor = PetscPowReal(r->salting_factor, f->salting);
    r->D *= f->diffusivity / f->viscosity;
  }
  s->viscosity *= f->viscosity;
  PetscFunctionReturn(PETSC_SUCCESS);
}
