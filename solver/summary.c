// summary.json and the console's report of a run: the metrics (SI, with their named-unit companions), the electrodes'
// potentials and a full cell's voltage breakdown, the products, the template's facts, the properties, the solver's
// statistics and the resolved inputs.
#include <azote/azote.h>
#include <azote/outdir.h>
#include <azote/private/summaryimpl.h>

// The named-unit companion of an SI metric (an electrochemist's units): A/m^2 -> mA/cm^2, mol/m^3 -> mM (the same
// number); *scale the factor, NULL where the metric has none.
static const char *AzNamedUnit(const char name[], char out[], size_t len, PetscReal *scale, const char **unit)
{
  const size_t n = strlen(name);
  if (n > 5 && !strcmp(name + n - 5, "_A_m2")) {
    PetscSNPrintf(out, len, "%.*s_mA_cm2", (int)(n - 5), name);
    *scale = 0.1, *unit = "mA/cm2";
    return out;
  }
  if (n > 7 && !strcmp(name + n - 7, "_mol_m3")) {
    PetscSNPrintf(out, len, "%.*s_mM", (int)(n - 7), name);
    *scale = 1, *unit = "mM";
    return out;
  }
  return NULL;
}

static PetscErrorCode AzJSONMetric(const char *name, PetscReal v, void *ctx)
{
  char        named[64];
  PetscReal   scale;
  const char *unit;

  PetscFunctionBeginUser;
  PetscCall(AzJSONReal((AzJSON)ctx, name, v));
  if (AzNamedUnit(name, named, sizeof(named), &scale, &unit)) PetscCall(AzJSONReal((AzJSON)ctx, named, scale * v));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// summary.json: metrics, cell facts, properties at the operating point, solver statistics, resolved inputs.
// A full cell (summary.json's "full_cell"): metal potentials with the anode's as 0; each electrode's potential against
// the electrolyte at its surface (iR-free, vs RHE); the cell voltage split into the standard voltage of the two main
// reactions (E°(T)), the overpotentials against them, and the ohmic drop between the electrodes' surfaces.
static PetscErrorCode AzJSONFullCell(AzJSON j, AzCase c, AzProblem *p, AzRunStats *st, PetscReal charge)
{
  const AzMetrics *m  = &st->metrics;
  const AzBalance *b  = &m->balance;
  const PetscReal  Ec = p->electrode.potential - m->phi_s_mean_V, Ea = p->anode.potential - m->phi_s_anode_mean_V;
  const PetscReal  e0c = AzElectrodeMain(&p->electrode)->e_eq0, e0a = AzElectrodeMain(&p->anode)->e_eq0;

  PetscFunctionBeginUser;
  PetscCall(AzJSONBeginObject(j, "full_cell"));
  PetscCall(AzJSONString(j, "cathode_reaction", AzElectrodeMain(&p->electrode)->info->name));
  PetscCall(AzJSONString(j, "anode_reaction", c->anode_choices[c->anode_reaction]));
  PetscCall(AzJSONReal(j, "cell_voltage_V", p->anode.potential - p->electrode.potential));
  PetscCall(AzJSONReal(j, "cathode_potential_V_RHE", Ec));  // iR-free
  PetscCall(AzJSONReal(j, "anode_potential_V_RHE", Ea));
  PetscCall(AzJSONReal(j, "ohmic_drop_V", m->phi_s_anode_mean_V - m->phi_s_mean_V));
  PetscCall(AzJSONReal(j, "standard_voltage_V", e0a - e0c));
  PetscCall(AzJSONReal(j, "cathode_overpotential_V", Ec - e0c));
  PetscCall(AzJSONReal(j, "anode_overpotential_V", Ea - e0a));
  PetscCall(AzJSONReal(j, "conductivity_S_m", c->conductivity));
  PetscCall(AzJSONReal(j, "current_cathode_A", b->current_electrode));
  PetscCall(AzJSONReal(j, "current_anode_A", b->current_counter));
  PetscCall(AzJSONReal(j, "charge_balance_rel", charge));
  PetscCall(AzJSONEndObject(j));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// What each electrode's reactions make: the rate of each product (mol/s, ug h^-1 cm^-2, per mg of catalyst where
// catalyst_loading is given) and, where the template carries the electrolyte through (cell_info's flow_rate_m3_s; an
// anode in a stream of its own: anode_flow_rate_m3_s), what it adds to that stream at the outlet (uM, mg/L; what
// crosses a membrane to the other stream aside). Rates are signed: negative where a reverse branch consumes it.
typedef struct {
  char                 name[64];  // the reaction, "anode_" before an anode's
  const AzSpeciesInfo *product;
  PetscReal            mol_s, ug_h_cm2, ug_h_mg_cat, outlet_uM, outlet_mg_L;
  PetscBool            per_catalyst, outlet;  // whether ug_h_mg_cat, outlet_* are given
} AzProduct;

static PetscErrorCode AzProductsGet(AzCase c, AzProblem *p, AzRunStats *st, PetscInt *n, AzProduct out[], PetscInt max)
{
  AzInfo    info;
  PetscReal flow[2] = {0, -1};  // the working electrode's stream, the anode's (-1: the same)

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(&info, sizeof(info)));
  PetscCall(c->ops.view(c, p, &info));
  for (PetscInt r = 0; r < info.n; r++)
    if (!strcmp(info.row[r].name, "flow_rate_m3_s"))
      flow[0] = info.row[r].value;
    else if (!strcmp(info.row[r].name, "anode_flow_rate_m3_s"))
      flow[1] = info.row[r].value;
  if (flow[1] < 0) flow[1] = flow[0];
  *n = 0;
  for (PetscInt side = 0; side < 2; side++) {
    const AzElectrodeCurrents *e    = side ? &st->metrics.anode : &st->metrics.working;
    const PetscReal            area = side ? p->anode_area : p->electrode_area;
    if (side && !st->metrics.has_anode) continue;
    for (PetscInt k = 0; k < e->nreaction; k++) {
      const AzReactionInfo *r    = e->info[k];
      const AzSpeciesInfo  *prod = r->product ? AzSpeciesFind(r->product) : NULL;
      AzProduct            *o    = &out[*n];
      if (!prod) continue;
      PetscCheck(*n < max, PETSC_COMM_SELF, PETSC_ERR_PLIB, "more than %" PetscInt_FMT " products", max);
      PetscCall(PetscSNPrintf(o->name, sizeof(o->name), "%s%s", side ? "anode_" : "", r->name));
      o->product      = prod;
      o->mol_s        = AzReactionNu(r, r->product) * e->i[k] / (r->n * AZ_FARADAY) * area;
      o->ug_h_cm2     = o->mol_s / area * prod->molar_mass * 1e9 * 3600 * 1e-4;
      o->per_catalyst = (PetscBool)(c->catalyst_loading > 0 && !side);
      o->ug_h_mg_cat  = o->per_catalyst ? o->ug_h_cm2 / c->catalyst_loading : 0;
      o->outlet       = (PetscBool)(flow[side] > 0);
      o->outlet_uM    = o->outlet ? o->mol_s / flow[side] * 1e3 : 0;                     // mol/m^3 = mM; x 1e3 uM
      o->outlet_mg_L  = o->outlet ? o->mol_s / flow[side] * prod->molar_mass * 1e3 : 0;  // g/m^3 = mg/L; molar mass in kg/mol
      (*n)++;
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzJSONProducts(AzJSON j, AzCase c, AzProblem *p, AzRunStats *st)
{
  AzProduct prod[2 * AZ_MAX_ELECTRODE_REACTIONS];
  PetscInt  n;

  PetscFunctionBeginUser;
  PetscCall(AzProductsGet(c, p, st, &n, prod, 2 * AZ_MAX_ELECTRODE_REACTIONS));
  PetscCall(AzJSONBeginObject(j, "products"));
  for (PetscInt k = 0; k < n; k++) {
    PetscCall(AzJSONBeginObject(j, prod[k].name));
    PetscCall(AzJSONString(j, "product", prod[k].product->name));
    PetscCall(AzJSONReal(j, "rate_mol_s", prod[k].mol_s));
    PetscCall(AzJSONReal(j, "rate_ug_h_cm2", prod[k].ug_h_cm2));
    if (prod[k].per_catalyst) PetscCall(AzJSONReal(j, "rate_ug_h_mg_cat", prod[k].ug_h_mg_cat));
    if (prod[k].outlet) {  // what the cell adds to the stream (to its bulk value)
      PetscCall(AzJSONReal(j, "outlet_added_uM", prod[k].outlet_uM));
      PetscCall(AzJSONReal(j, "outlet_added_mg_L", prod[k].outlet_mg_L));
    }
    PetscCall(AzJSONEndObject(j));
  }
  PetscCall(AzJSONEndObject(j));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The ionic model's surface (DESIGN §8): every species' area-mean concentration on the working electrode (mol/m^3),
// and how the ammonia there splits between NH3 and NH4+.
static PetscErrorCode AzJSONSurface(AzJSON j, const AzMetrics *m)
{
  const PetscReal nh3 = AzMetricsSurface(m, "NH3"), nh4 = AzMetricsSurface(m, "NH4+");

  PetscFunctionBeginUser;
  PetscCall(AzJSONBeginObject(j, "surface"));
  for (PetscInt s = 0; s < m->nsurf; s++) {
    char name[48];
    PetscCall(PetscSNPrintf(name, sizeof(name), "c_%s_mol_m3", m->surf_info[s]->key));
    PetscCall(AzJSONReal(j, name, m->surf[s]));
  }
  if (nh3 + nh4 > 0) PetscCall(AzJSONReal(j, "nh3_free_fraction", nh3 / (nh3 + nh4)));  // NH3 / (NH3 + NH4+)
  PetscCall(AzJSONEndObject(j));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The ionic model's electrolyte: the activity model the pH is reported in, pKw, the titrant, and each species' charge,
// diffusivity at T and bulk concentration (what a check of the model by hand needs).
static PetscErrorCode AzJSONIonic(AzJSON j, AzProblem *p, const AzIonic *ion)
{
  PetscReal element, charge;

  PetscFunctionBeginUser;
  PetscCall(AzNPConservation(p, &element, &charge));
  PetscCall(AzJSONBeginObject(j, "electrolyte_ionic"));
  if (element >= 0) {  // the discrete balances over the domain (a held bulk, a reservoir, has none)
    PetscCall(AzJSONReal(j, "element_balance_rel", element));
    PetscCall(AzJSONReal(j, "charge_balance_rel", charge));
  }
  PetscCall(AzJSONString(j, "activity_model", AzActivityModels[ion->activity]));
  PetscCall(AzJSONReal(j, "pKw", ion->r[0].log10K));  // H+ + OH- -> H2O: log10 K = pKw
  PetscCall(AzJSONReal(j, "ionic_strength_mol_L", ion->ionic_strength));
  PetscCall(AzJSONReal(j, "titrant_mol_L", ion->titrant_mol_L));
  PetscCall(AzJSONString(j, "eliminated_by_electroneutrality", ion->sp[ion->elim].info->name));
  PetscCall(AzJSONBeginObject(j, "species"));
  for (PetscInt k = 0; k < ion->n; k++) {
    PetscCall(AzJSONBeginObject(j, ion->sp[k].info->name));
    PetscCall(AzJSONReal(j, "charge", ion->sp[k].z));
    PetscCall(AzJSONReal(j, "D_m2_s", ion->sp[k].D));
    PetscCall(AzJSONReal(j, "c_bulk_mol_m3", ion->sp[k].c));
    PetscCall(AzJSONReal(j, "gamma", ion->sp[k].gamma));
    PetscCall(AzJSONEndObject(j));
  }
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONEndObject(j));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzWriteSummary(AzCase c, AzProblem *p, AzRunStats *st, const char path[])
{
  AzJSON               j;
  const char          *text;
  PetscInt             nreg;
  const AzOptionEntry *reg;
  AzInfo               info;

  PetscFunctionBeginUser;
  PetscCall(AzJSONCreate(&j));
  PetscCall(AzJSONBeginObject(j, NULL));
  PetscCall(AzJSONString(j, "status", "ok"));
  PetscCall(AzJSONString(j, "run_id", AzOutdirRunId(c->outdir)));  // also fields.h5's and checkpoint.h5's
  PetscCall(AzJSONString(j, "case", c->name));
  PetscCall(AzJSONString(j, "case_file", c->file));
  PetscCall(AzJSONString(j, "cell", c->cell_name));
  PetscCall(AzJSONString(j, "electrode_mode", AzElectrodeModes[c->electrode.mode]));
  if (c->electrode.mode == AZ_ELECTRODE_POTENTIOSTATIC || c->electrode.mode == AZ_ELECTRODE_GALVANOSTATIC) {
    const AzBalance *b = &st->metrics.balance;
    const PetscReal  charge =
        b->current_electrode != 0 ? PetscAbsReal(b->current_electrode - b->current_counter) / PetscAbsReal(b->current_electrode) : 0;
    PetscCall(AzJSONBeginObject(j, "electrode"));
    // the metal's potential against the electrolyte at the counter electrode (the reference), and against the
    // electrolyte at its own surface (iR-free: what a reference electrode at the surface reads); the same without the
    // electrolyte potential
    PetscCall(AzJSONString(j, "reaction", AzElectrodeMain(&p->electrode)->info->name));
    if (p->anode_area > 0) {  // a full cell's cathode: against the anode's metal, and the iR-free vs RHE
      PetscCall(AzJSONReal(j, "potential_V_RHE", p->electrode.potential - st->metrics.phi_s_mean_V));
      PetscCall(AzJSONReal(j, "metal_potential_vs_anode_V", p->electrode.potential - p->anode.potential));
    } else
      PetscCall(AzJSONReal(j, "potential_V_RHE", p->electrode.potential));  // galvanostatic: the solved potential
    PetscCall(AzJSONReal(j, "iR_free_potential_V_RHE", p->electrode.potential - st->metrics.phi_s_mean_V));
    PetscCall(AzJSONReal(j, "current_A_m2", st->metrics.i_total_A_m2));
    if (p->np)  // the ionic model: the SHE scale and the surface's RHE (solver/npreport.c)
      PetscCall(AzNPJSONPotentials(j, p, &st->metrics,
                                   p->anode_area > 0 ? p->electrode.potential - st->metrics.phi_s_mean_V : p->electrode.potential,
                                   p->electrode.potential - st->metrics.phi_s_mean_V));
    if (p->s_phi >= 0 && p->anode_area == 0) {
      // the electrolyte's ohmic drop between counter and working electrode (positive for a cathode), and the check
      // that the counter takes the working electrode's current
      PetscCall(AzJSONReal(j, "conductivity_S_m", c->conductivity));
      PetscCall(AzJSONReal(j, "ohmic_drop_V", -st->metrics.phi_s_mean_V));
      PetscCall(AzJSONReal(j, "current_electrode_A", b->current_electrode));
      PetscCall(AzJSONReal(j, "current_counter_A", b->current_counter));
      PetscCall(AzJSONReal(j, "charge_balance_rel", charge));
    }
    PetscCall(AzJSONEndObject(j));
    if (p->anode_area > 0) PetscCall(AzJSONFullCell(j, c, p, st, charge));
  }
  PetscCall(AzJSONBeginObject(j, "metrics"));
  PetscCall(AzMetricsForEach(&st->metrics, AzJSONMetric, j));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONBeginObject(j, "cell_info"));
  PetscCall(PetscMemzero(&info, sizeof(info)));
  PetscCall(c->ops.view(c, p, &info));
  for (PetscInt r = 0; r < info.n; r++) {
    const AzInfoRow *row = &info.row[r];
    if (!row->unit)
      PetscCall(AzJSONString(j, row->name, row->text));
    else if (row->integer)
      PetscCall(AzJSONInt(j, row->name, (PetscInt)row->value));
    else
      PetscCall(AzJSONReal(j, row->name, row->value));
  }
  PetscCall(AzJSONReal(j, "electrode_area_model_m2", st->metrics.electrode_area_m2));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONProducts(j, c, p, st));
  if (st->metrics.has_ph) PetscCall(AzJSONSurface(j, &st->metrics));
  if (p->np) PetscCall(AzNPJSONAmmonia(j, p));  // how the ammonia leaves, NH3 and NH4+ apart
  if (p->np) PetscCall(AzJSONIonic(j, p, &c->ionic));
  PetscCall(AzJSONBeginObject(j, "balance_mol_s"));
  PetscCall(AzJSONReal(j, "in", st->metrics.balance.in));
  PetscCall(AzJSONReal(j, "out", st->metrics.balance.out));
  PetscCall(AzJSONReal(j, "consumed", st->metrics.balance.consumed));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONBeginObject(j, "properties"));
  PetscCall(AzJSONReal(j, "T_K", c->sol.T));
  PetscCall(AzJSONReal(j, "P_Pa", c->sol.P));
  PetscCall(AzJSONReal(j, "p_vap_Pa", c->sol.water.p_vap));
  PetscCall(AzJSONReal(j, "density_kg_m3", c->sol.water.density));
  PetscCall(AzJSONReal(j, "viscosity_Pa_s", c->sol.water.viscosity));
  PetscCall(AzJSONString(j, "solvent", c->sol.solvent));  // the liquid: its vapour pressure, density, viscosity (solution)
  PetscCall(AzJSONReal(j, "liquid_p_vap_Pa", c->sol.liquid.p_vap));
  PetscCall(AzJSONReal(j, "liquid_density_kg_m3", c->sol.liquid.density));
  PetscCall(AzJSONReal(j, "liquid_viscosity_Pa_s", c->sol.liquid.viscosity));
  PetscCall(AzJSONBeginArray(j, "property_warnings"));
  for (PetscInt k = 0; k < c->sol.warnings.n; k++) PetscCall(AzJSONString(j, NULL, c->sol.warnings.text[k]));
  PetscCall(AzJSONEndArray(j));
  for (PetscInt g = 0; g < 2; g++) {  // N2, and O2 where the feed has it
    const AzGas gas = g ? AZ_GAS_O2 : AZ_GAS_N2;
    const char *n   = g ? "o2" : "n2";
    char        key[32];
    if (g && c->sol.gas[gas].c_sat <= 0) continue;
    PetscCall(PetscSNPrintf(key, sizeof(key), "p_%s_Pa", n));
    PetscCall(AzJSONReal(j, key, c->sol.gas[gas].p_partial));
    PetscCall(PetscSNPrintf(key, sizeof(key), "kH_%s_Pa", n));
    PetscCall(AzJSONReal(j, key, c->sol.gas[gas].kH));
    PetscCall(PetscSNPrintf(key, sizeof(key), "salting_factor_%s", n));
    PetscCall(AzJSONReal(j, key, c->sol.gas[gas].salting_factor));
    PetscCall(PetscSNPrintf(key, sizeof(key), "c_sat_%s_mol_m3", n));
    PetscCall(AzJSONReal(j, key, c->sol.gas[gas].c_sat));
  }
  PetscCall(AzJSONEndObject(j));
  if (st->series.nrow) {
    const PetscReal *last  = st->series.rows + (st->series.nrow - 1) * st->series.ncol,
                    *extra = last + st->series.ncol - st->series.nion_columns - st->series.nproduct_columns - AZ_TS_EXTRA_COLUMNS;
    PetscCall(AzJSONBeginObject(j, "transient"));
    PetscCall(AzJSONReal(j, "time_s", last[0]));
    PetscCall(AzJSONInt(j, "time_steps", st->series.nrow - 1));
    for (PetscInt k = 0; k < AZ_TS_EXTRA_COLUMNS; k++) PetscCall(AzJSONReal(j, AzTimeseriesExtraNames[k], extra[k]));
    // NH3 in the catholyte as an assay reads it: umol/L x 17.03 ug/umol = mg/L x 1e-3
    PetscCall(AzJSONReal(j, "c_nh3_catholyte_mg_L", extra[AZ_TS_NH3_CATHOLYTE] * AZ_M_NH3 * 1e3 * 1e-3));
    for (PetscInt k = 0; k < st->series.nproduct_columns; k++) {  // the further products (nitrate in the anolyte)
      PetscCall(AzJSONReal(j, st->series.product_names[k], extra[AZ_TS_EXTRA_COLUMNS + k]));
      if (k % 4 == 0) {  // c_<key>_<compartment>_umol_L, and the same in mg/L (molar mass in kg/mol: x 1e3 ug/umol)
        char         name[64];
        const size_t n = strlen(st->series.product_names[k]) - strlen("_umol_L");
        PetscCall(PetscSNPrintf(name, sizeof(name), "%.*s_mg_L", (int)n, st->series.product_names[k]));
        PetscCall(AzJSONReal(j, name, extra[AZ_TS_EXTRA_COLUMNS + k] * st->series.product_species[k / 4]->molar_mass * 1e3 * 1e-3));
      }
    }
    for (PetscInt k = 0; k < st->series.nion_columns; k++)  // the ionic model in time (include/azote/npbulk.h)
      PetscCall(AzJSONReal(j, st->series.ion_names[k], extra[AZ_TS_EXTRA_COLUMNS + st->series.nproduct_columns + k]));
    PetscCall(AzJSONEndObject(j));
  }
  PetscCall(AzJSONBeginObject(j, "solver"));
  PetscCall(AzJSONInt(j, "cells", st->cells));
  PetscCall(AzJSONInt(j, "ranks", st->ranks));
  PetscCall(AzJSONInt(j, "solves", st->solves));
  PetscCall(AzJSONInt(j, "continuation_steps", p->continuation_steps));
  PetscCall(AzJSONInt(j, "newton_iterations", st->newton_its));
  PetscCall(AzJSONInt(j, "krylov_iterations", st->krylov_its));
  PetscCall(AzJSONReal(j, "setup_time_s", st->setup_time));
  PetscCall(AzJSONReal(j, "solve_time_s", st->solve_time));
  PetscCall(AzJSONReal(j, "output_time_s", st->output_time));
  PetscCall(AzJSONReal(j, "wall_time_s", st->wall_time));
  PetscCall(AzJSONReal(j, "memory_peak_bytes", st->memory_bytes));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONBeginObject(j, "inputs"));
  PetscCall(AzOptionsRegistryGet(&nreg, &reg));
  for (PetscInt i = 0; i < nreg; i++) {
    PetscReal v;
    PetscBool ok = PETSC_FALSE;
    if (!strcmp(reg[i].type, "real") || !strcmp(reg[i].type, "int")) PetscCall(AzParseReal(reg[i].value, &v, &ok));
    if (ok)
      PetscCall(AzJSONReal(j, reg[i].key, v));
    else if (!strcmp(reg[i].type, "bool"))
      PetscCall(AzJSONBool(j, reg[i].key, (PetscBool)!strcmp(reg[i].value, "true")));
    else
      PetscCall(AzJSONString(j, reg[i].key, reg[i].value));
  }
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONBeginObject(j, "azote"));
  PetscCall(AzJSONString(j, "version", AZOTE_VERSION));
  PetscCall(AzJSONString(j, "git_commit", AZOTE_GIT_COMMIT));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONGetText(j, &text));
  PetscCall(AzFileWriteAtomic(c->comm, path, text));
  PetscCall(AzJSONDestroy(&j));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzPrintMetric(const char *name, PetscReal v, void *ctx)
{
  char        named[64];
  PetscReal   scale;
  const char *unit;

  PetscFunctionBeginUser;
  if (AzNamedUnit(name, named, sizeof(named), &scale, &unit))
    PetscCall(AzPrintf(*(MPI_Comm *)ctx, "  %-26s %14.6g   %12.5g %s\n", name, (double)v, (double)(scale * v), unit));
  else
    PetscCall(AzPrintf(*(MPI_Comm *)ctx, "  %-26s %14.6g\n", name, (double)v));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzReportRun(AzCase c, AzProblem *p, AzRunStats *st)
{
  const AzMetrics *m = &st->metrics;
  AzProduct        prod[2 * AZ_MAX_ELECTRODE_REACTIONS];
  PetscInt         n;

  PetscFunctionBeginUser;
  PetscCall(AzMetricsForEach(m, AzPrintMetric, &c->comm));
  PetscCall(AzProductsGet(c, p, st, &n, prod, 2 * AZ_MAX_ELECTRODE_REACTIONS));
  for (PetscInt k = 0; k < n; k++) {
    char per_cat[64] = "", outlet[96] = "";
    if (prod[k].per_catalyst) PetscCall(PetscSNPrintf(per_cat, sizeof(per_cat), ", %.4g ug/h/mg_cat", (double)prod[k].ug_h_mg_cat));
    if (prod[k].outlet)
      PetscCall(PetscSNPrintf(outlet, sizeof(outlet), "; at the outlet %+.4g uM (%.4g mg/L)", (double)prod[k].outlet_uM,
                              (double)prod[k].outlet_mg_L));
    PetscCall(AzPrintf(c->comm, "%s: %s from %s: %.4g ug/h/cm2 (%.4g mol/s%s)%s\n", AzProgramName(), prod[k].product->name, prod[k].name,
                       (double)prod[k].ug_h_cm2, (double)prod[k].mol_s, per_cat, outlet));
  }
  if (st->series.nrow) {  // a transient run: what an assay of the catholyte (and of the anolyte) would read at the end
    const PetscReal *last  = st->series.rows + (st->series.nrow - 1) * st->series.ncol;
    const PetscReal *extra = last + st->series.ncol - st->series.nion_columns - st->series.nproduct_columns - AZ_TS_EXTRA_COLUMNS;
    const PetscReal  nh3   = extra[AZ_TS_NH3_CATHOLYTE];
    if (extra[AZ_TS_NH3_PRODUCED] != 0 || nh3 != 0)  // an ORR cathode makes none
      PetscCall(AzPrintf(c->comm, "%s: NH3 in the catholyte after %g s: %.4g uM (%.4g mg/L)\n", AzProgramName(), (double)last[0],
                         (double)nh3, (double)(nh3 * AZ_M_NH3)));
    for (PetscInt k = 0; k < st->series.nproduct_columns; k += 4) {
      const AzSpeciesInfo *sp     = st->series.product_species[k / 4];
      const PetscReal      umol_L = extra[AZ_TS_EXTRA_COLUMNS + k];
      const char          *where  = strstr(st->series.product_names[k], "_anolyte_") ? "anolyte" : "catholyte";
      if (extra[AZ_TS_EXTRA_COLUMNS + k + 2] == 0 && umol_L == 0) continue;  // <key>_produced_umol: none made
      PetscCall(AzPrintf(c->comm, "%s: %s in the %s after %g s: %.4g uM (%.4g mg/L)\n", AzProgramName(), sp->name, where, (double)last[0],
                         (double)umol_L, (double)(umol_L * sp->molar_mass)));
    }
  }
  if (p->anode_area > 0) {
    const PetscReal Ec = p->electrode.potential - m->phi_s_mean_V, Ea = p->anode.potential - m->phi_s_anode_mean_V;
    const PetscReal e0c = AzElectrodeMain(&p->electrode)->e_eq0, e0a = AzElectrodeMain(&p->anode)->e_eq0;
    PetscCall(AzPrintf(c->comm,
                       "%s: cell voltage %.4f V = standard %.4f V (%s %.4f, %s %.4f V vs RHE) + anode overpotential %.4f V - cathode "
                       "overpotential %.4f V + ohmic drop %.4g V\n",
                       AzProgramName(), (double)(p->anode.potential - p->electrode.potential), (double)(e0a - e0c),
                       AzElectrodeMain(&p->anode)->info->label, (double)e0a, AzElectrodeMain(&p->electrode)->info->label, (double)e0c,
                       (double)(Ea - e0a), (double)(Ec - e0c), (double)(m->phi_s_anode_mean_V - m->phi_s_mean_V)));
    PetscCall(AzPrintf(c->comm, "%s: cathode at %.4f V vs RHE, anode at %.4f V vs RHE (iR-free, against the electrolyte at each surface)\n",
                       AzProgramName(), (double)Ec, (double)Ea));
  } else if (p->s_phi >= 0)
    PetscCall(AzPrintf(c->comm, "%s: electrode at %.4f V vs RHE (%.4f V iR-free, ohmic drop %.4g V)\n", AzProgramName(),
                       (double)p->electrode.potential, (double)(p->electrode.potential - m->phi_s_mean_V), (double)-m->phi_s_mean_V));
  if (p->np && p->anode_area == 0 && (c->electrode.mode == AZ_ELECTRODE_POTENTIOSTATIC || c->electrode.mode == AZ_ELECTRODE_GALVANOSTATIC))
    PetscCall(AzNPReportPotentials(c->comm, p, m, p->electrode.potential, p->electrode.potential - m->phi_s_mean_V));
  PetscFunctionReturn(PETSC_SUCCESS);
}
