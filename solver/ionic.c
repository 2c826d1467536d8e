// The ionic (tertiary) electrolyte model, the case's side (include/azote/ionic.h): its keys, the electrolyte's species
// and bulk reactions, the bulk composition at chemical equilibrium, and what the templates call to carry the ions.
#include <azote/case.h>
#include <azote/metrics.h>
#include <azote/private/npimpl.h>

const char *const AzElectrolyteModels[] = {"dilute", "tertiary", NULL};
const char *const AzActivityModels[]    = {"ideal", "davies", NULL};

PetscErrorCode AzIonicReadKeys(AzCase c)
{
  AzIonic  *ion = &c->ionic;
  PetscBool set_titrant, set_ions;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(ion, sizeof(*ion)));
  PetscOptionsBegin(c->comm, NULL, "electrolyte", NULL);
  PetscCall(AzOptionsEnum(PetscOptionsObject, "electrolyte_model",
                          "dilute: dissolved gases in a fixed electrolyte; tertiary: every ion by Nernst-Planck with electroneutrality, "
                          "the electrolyte potential and the bulk reactions (docs/ionic.md)",
                          AzElectrolyteModels, AZ_MODEL_DILUTE, &ion->model, NULL));
  PetscCall(AzOptionsEnum(PetscOptionsObject, "activity_model",
                          "activity coefficients of the bulk equilibria and the pH (tertiary): ideal, or Davies' equation (to 0.5 mol/L)",
                          AzActivityModels, AZ_ACTIVITY_IDEAL, &ion->activity, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "electrolyte_ph",
                          "bulk pH the electrolyte is brought to with electrolyte_ph_titrant (tertiary; unset: the salts' own pH)", "-", 7,
                          AZ_RANGE(0, 14), &ion->ph_set, &ion->ph_given));
  PetscCall(AzOptionsString(PetscOptionsObject, "electrolyte_ph_titrant", "the acid or base added to reach electrolyte_ph (tertiary)",
                            "none, or a salt of the electrolyte table with H+ or OH- (HCl, H2SO4, HNO3, KOH, NaOH, ...)", "none",
                            ion->titrant, sizeof(ion->titrant), &set_titrant));
  PetscCall(AzOptionsString(PetscOptionsObject, "electrolyte_ions",
                            "ions added to the electrolyte's salts (tertiary), charge-balanced with them",
                            "none, or ION:MOL_PER_L,... with ions of docs/ionic.md (Na+, K+, Cs+, SO4^2-, ...)", "none", ion->ions,
                            sizeof(ion->ions), &set_ions));
  PetscOptionsEnd();
  if (ion->model == AZ_MODEL_DILUTE) {
    PetscCheck(!ion->ph_given && !set_titrant && !set_ions && ion->activity == AZ_ACTIVITY_IDEAL, c->comm, PETSC_ERR_USER_INPUT,
               "-%s is a key of the ionic model: set electrolyte_model tertiary (the dilute model holds the electrolyte fixed)",
               ion->ph_given ? "electrolyte_ph"
               : set_titrant ? "electrolyte_ph_titrant"
               : set_ions    ? "electrolyte_ions"
                             : "activity_model");
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  // the ionic model solves the electrolyte potential: migration is half of it
  c->potential = PETSC_TRUE;
  PetscCall(AzOptionsRegistrySetValue("electrolyte_potential", "true"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzIonicBranches(AzCase c, AzElectrode *e, const AzReaction kin[])
{
  PetscInt                     n, nr = e->nreaction;
  const AzReactionInfo *const *rows;

  PetscFunctionBeginUser;
  if (c->ionic.model != AZ_MODEL_TERTIARY) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(AzReactionTable(&n, &rows));
  for (PetscInt q = 0; q < nr; q++)
    for (PetscInt k = 0; k < n; k++) {
      if (!rows[k]->branch_of || strcmp(rows[k]->branch_of, e->reaction[q].info->name)) continue;
      PetscCheck(e->nreaction < AZ_MAX_ELECTRODE_REACTIONS, c->comm, PETSC_ERR_USER_INPUT,
                 "electrolyte_model tertiary adds %s beside %s: at most %d reactions run on one electrode (list fewer side reactions)",
                 rows[k]->name, rows[k]->branch_of, AZ_MAX_ELECTRODE_REACTIONS);
      e->reaction[e->nreaction++] = kin[k];
    }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscInt AzIonicFind(const AzIonic *ion, const char name[])
{
  for (PetscInt k = 0; k < ion->n; k++)
    if (!strcmp(ion->sp[k].info->name, name)) return k;
  return -1;
}

static PetscErrorCode AzIonicAdd(AzIonic *ion, const AzSpeciesInfo *s, PetscInt *pos)
{
  PetscInt k = AzIonicFind(ion, s->name);

  PetscFunctionBeginUser;
  if (k < 0) {
    PetscCheck(ion->n < AZ_MAX_IONIC, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "the electrolyte has more than %d ionic species",
               AZ_MAX_IONIC);
    k                = ion->n++;
    ion->sp[k].info  = s;
    ion->sp[k].z     = s->charge;
    ion->sp[k].gamma = 1;
  }
  if (pos) *pos = k;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The species row that the property library's ion `name` is (NULL: none with transport data).
static const AzSpeciesInfo *AzIonicSpeciesOfIon(const char name[])
{
  PetscInt                    n;
  const AzSpeciesInfo *const *rows;
  (void)AzSpeciesTable(&n, &rows);
  for (PetscInt k = 0; k < n; k++)
    if (rows[k]->d_ion > 0 && ((rows[k]->ion && !strcmp(rows[k]->ion, name)) || !strcmp(rows[k]->name, name))) return rows[k];
  return NULL;
}

// The ions a salt specification brings ("NaOH:1"), into v[] (mol/m^3 per mol/L of salt), added to the species.
static PetscErrorCode AzIonicSaltVector(AzCase c, const char key[], const char spec[], PetscReal v[])
{
  AzIonic      *ion = &c->ionic;
  AzElectrolyte el;
  char          buf[64];

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(buf, sizeof(buf), "%s:1", spec));
  {
    PetscErrorCode ierr;
    PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
    ierr = AzElectrolyteParse(buf, &el);
    PetscCall(PetscPopErrorHandler());
    PetscCheck(!ierr && el.nsalt == 1, c->comm, PETSC_ERR_USER_INPUT,
               "-%s = '%s' is not a salt of the electrolyte table: allowed e.g. HCl, H2SO4, HNO3, KOH, NaOH (docs/thermo.md)", key, spec);
  }
  for (PetscInt k = 0; k < el.nion; k++) {
    const AzSpeciesInfo *s = AzIonicSpeciesOfIon(AzIonName(el.ion[k]));
    PetscInt             pos;
    PetscCheck(s, c->comm, PETSC_ERR_USER_INPUT,
               "-%s = '%s': its ion %s has no transport data for electrolyte_model tertiary (docs/ionic.md)", key, spec,
               AzIonName(el.ion[k]));
    PetscCall(AzIonicAdd(ion, s, &pos));
    v[pos] += 1e3 * el.c[k];
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// electrolyte_ions: "ION:MOL_PER_L,..." into c0[] (mol/m^3).
static PetscErrorCode AzIonicParseIons(AzCase c, PetscReal c0[])
{
  AzIonic *ion = &c->ionic;
  char     buf[256], *tok, *save = NULL;

  PetscFunctionBeginUser;
  if (!strcmp(ion->ions, "none")) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscStrncpy(buf, ion->ions, sizeof(buf)));
  for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
    char                *colon = strrchr(tok, ':'), *name = tok;
    const AzSpeciesInfo *s;
    PetscReal            v;
    PetscBool            ok;
    PetscInt             pos;
    while (*name == ' ') name++;
    PetscCheck(colon, c->comm, PETSC_ERR_USER_INPUT, "-electrolyte_ions = '%s': item '%s' is not ION:MOL_PER_L", ion->ions, tok);
    *colon = 0;
    for (char *e = colon - 1; e > name && *e == ' '; e--) *e = 0;
    s = AzIonicSpeciesOfIon(name);
    PetscCheck(s && s->charge != 0, c->comm, PETSC_ERR_USER_INPUT,
               "-electrolyte_ions = '%s': unknown ion '%s' (allowed: the ions of docs/ionic.md, e.g. Na+, K+, Cs+, Cl-, SO4^2-, HCO3-)",
               ion->ions, name);
    PetscCall(AzParseReal(colon + 1, &v, &ok));
    PetscCheck(ok, c->comm, PETSC_ERR_USER_INPUT, "-electrolyte_ions = '%s': the concentration of %s is not a number", ion->ions, name);
    PetscCheck(v >= 0, c->comm, PETSC_ERR_USER_INPUT,
               "-electrolyte_ions = '%s': the concentration of %s is %g mol/L: allowed >= 0 (a negative concentration)", ion->ions, name,
               (double)v);
    PetscCall(AzIonicAdd(ion, s, &pos));
    c0[pos] += 1e3 * v;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Adds every species of the reactions on electrode e that the ionic model transports; a product the electrolyte does
// not hold is there at its bulk_<key> value (NH3 1 uM, nitrate 1 uM as HNO3), so that its reverse branches start from
// a defined Nernst potential.
static PetscErrorCode AzIonicAddElectrode(AzIonic *ion, const AzElectrode *e, const PetscReal bulk[], PetscReal c0[])
{
  PetscInt                    nrow;
  const AzSpeciesInfo *const *rows;

  PetscFunctionBeginUser;
  PetscCall(AzSpeciesTable(&nrow, &rows));
  for (PetscInt n = 0; n < e->nreaction; n++)
    for (PetscInt k = 0; k < e->reaction[n].info->nstoich; k++) {
      const AzSpeciesInfo *s = AzSpeciesFind(e->reaction[n].info->stoich[k].species);
      PetscInt             pos;
      if (s->d_ion <= 0 || s->phase == AZ_PHASE_GAS) continue;
      PetscCall(AzIonicAdd(ion, s, &pos));
      if (c0[pos] > 0 || !s->trace_help || s == AzSpeciesFind("H+")) continue;
      for (PetscInt q = 0; q < nrow; q++)
        if (rows[q] == s) c0[pos] += bulk[q];
      if (s->charge < 0) c0[ion->h] -= s->charge * c0[pos];  // an anion's trace with H+: the acid
    }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscBool AzIonicInElectrode(const AzElectrode *e, const AzSpeciesInfo *s)
{
  for (PetscInt n = 0; n < e->nreaction; n++)
    if (AzReactionNu(e->reaction[n].info, s->name) != 0) return PETSC_TRUE;
  return PETSC_FALSE;
}

PetscReal AzIonicPH(const AzIonic *ion, PetscReal T, PetscReal c_h, PetscReal c_oh)
{
  const PetscReal g_h = ion->sp[ion->h].gamma, g_oh = ion->sp[ion->oh].gamma;
  const PetscReal log10kw = AzHomogeneousLog10K(ion->r[0].info, T);  // H+ + OH- -> H2O: log10(1/Kw)
  const PetscReal a_h = PetscMax(g_h * c_h / 1e3, 1e-300), a_oh = PetscMax(g_oh * c_oh / 1e3, 1e-300);
  return a_h >= a_oh ? -PetscLog10Real(a_h) : log10kw + PetscLog10Real(a_oh);
}

// The composition at equilibrium with the activity model's coefficients (an outer iteration on the ionic strength).
static PetscErrorCode AzIonicEquilibrium(AzCase c, const PetscReal c0[], const PetscReal v_titrant[], PetscReal co2_sat)
{
  AzIonic     *ion = &c->ionic;
  AzSpeciation s;
  PetscReal    conc[AZ_MAX_IONIC], x[2] = {0, 0}, strength = 0;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(&s, sizeof(s)));
  s.n = ion->n, s.nr = ion->nr;
  for (PetscInt k = 0; k < ion->n; k++) s.c0[k] = c0[k], strength += 0.5 * c0[k] / 1e3 * ion->sp[k].z * ion->sp[k].z;
  for (PetscInt it = 0; it < 100; it++) {
    PetscReal snew = 0;
    for (PetscInt k = 0; k < ion->n; k++)
      ion->sp[k].gamma = ion->activity == AZ_ACTIVITY_DAVIES ? AzDaviesGamma(ion->sp[k].z, strength, c->T) : 1;
    for (PetscInt r = 0; r < ion->nr; r++) {
      const AzIonicReaction *rx = &ion->r[r];
      for (PetscInt k = 0; k < ion->n; k++) s.nu[r][k] = 0;
      s.lnK[r] = rx->log10K * PetscLogReal(10.0);
      for (PetscInt a = 0; a < rx->n; a++) {
        s.nu[r][rx->sp[a]] = rx->nu[a];
        s.lnK[r] += rx->nu[a] * (PetscLogReal(1e3) - PetscLogReal(ion->sp[rx->sp[a]].gamma));
      }
    }
    s.nfix = 0;
    if (ion->ph_given) {
      s.fix[s.nfix] = ion->h, s.lnc_fix[s.nfix] = PetscLogReal(1e3 * PetscPowReal(10.0, -ion->ph_set) / ion->sp[ion->h].gamma);
      for (PetscInt k = 0; k < ion->n; k++) s.v[s.nfix][k] = v_titrant[k];
      s.nfix++;
    }
    if (co2_sat > 0) {
      const PetscInt k = AzIonicFind(ion, "CO2");
      s.fix[s.nfix] = k, s.lnc_fix[s.nfix] = PetscLogReal(co2_sat);
      for (PetscInt q = 0; q < ion->n; q++) s.v[s.nfix][q] = q == k;
      s.nfix++;
    }
    {
      PetscErrorCode ierr;
      PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
      ierr = AzSpeciationSolve(&s, conc, x);
      PetscCall(PetscPopErrorHandler());
      PetscCheck(!ierr, c->comm, PETSC_ERR_USER_INPUT,
                 "-electrolyte = '%s'%s%s: no bulk equilibrium found (the titrant cannot reach electrolyte_ph: name an acid or base that "
                 "moves the pH the other way)",
                 c->electrolyte_spec, ion->ph_given ? " with electrolyte_ph_titrant = " : "", ion->ph_given ? ion->titrant : "");
    }
    for (PetscInt k = 0; k < ion->n; k++) snew += 0.5 * conc[k] / 1e3 * ion->sp[k].z * ion->sp[k].z;
    if (ion->activity == AZ_ACTIVITY_IDEAL || PetscAbsReal(snew - strength) <= 1e-13 * (1 + strength)) {
      strength = snew;
      break;
    }
    strength = snew;
  }
  for (PetscInt k = 0; k < ion->n; k++) ion->sp[k].c = conc[k];
  ion->ionic_strength = strength;
  ion->titrant_mol_L  = ion->ph_given ? x[0] : 0;
  ion->co2_mol_m3     = co2_sat;
  // (x: mol/L of the titrant, v being mol/m^3 per mol/L; within 1e-9 mol/L of none: the salts' own pH is the one asked for)
  PetscCheck(!ion->ph_given || x[0] >= -1e-9, c->comm, PETSC_ERR_USER_INPUT,
             "-electrolyte_ph = %g cannot be reached by adding %s to '%s' (it moves the pH the other way): name an acid or base that "
             "moves it toward %g",
             (double)ion->ph_set, ion->titrant, c->electrolyte_spec, (double)ion->ph_set);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzIonicEvaluate(AzCase c)
{
  AzIonic                        *ion              = &c->ionic;
  PetscReal                       c0[AZ_MAX_IONIC] = {0}, v[AZ_MAX_IONIC] = {0}, co2 = 0, pos_sum = 0, neg_sum = 0;
  PetscInt                        nh, k;
  const AzHomogeneousInfo *const *hrows;
  PetscBool                       changed = PETSC_TRUE;

  PetscFunctionBeginUser;
  if (ion->model != AZ_MODEL_TERTIARY) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(AzHomogeneousTable(&nh, &hrows));
  PetscCheck(c->ops.ionic, c->comm, PETSC_ERR_USER_INPUT,
             "-electrolyte_model = tertiary: the %s template cannot carry the ions yet (allowed: flowcell, gde, hcell); use "
             "electrolyte_model dilute",
             c->cell_name);
  PetscCheck(!c->ops.transient || c->time_end == 0 || c->ops.compartments, c->comm, PETSC_ERR_USER_INPUT,
             "-electrolyte_model = tertiary with -time_end = %g s: the %s template solves the ions at the steady state only; set "
             "time_end 0",
             (double)c->time_end, c->cell_name);
  if (c->ops.transient && c->time_end > 0) {  // in time: the compartments' bulk evolves (solver/npbulk.c)
    PetscCheck(!c->restart[0], c->comm, PETSC_ERR_USER_INPUT,
               "-restart = '%s' with electrolyte_model tertiary: the ionic model in time writes no checkpoint; run from t = 0", c->restart);
    PetscCheck(c->electrode.mode != AZ_ELECTRODE_GALVANOSTATIC, c->comm, PETSC_ERR_USER_INPUT,
               "-electrode_mode = galvanostatic with electrolyte_model tertiary and time_end = %g s: in time the ionic model runs "
               "potentiostatic (or off); set electrode_mode potentiostatic, or time_end 0",
               (double)c->time_end);
    PetscCheck(c->anode_reaction == AZ_ANODE_NONE, c->comm, PETSC_ERR_USER_INPUT,
               "-anode_reaction = %s with electrolyte_model tertiary and time_end = %g s: in time the ionic model has a counter electrode "
               "only; set anode_reaction none, or time_end 0",
               c->anode_choices[c->anode_reaction], (double)c->time_end);
    PetscCheck(c->gas.y[AZ_GAS_CO2] == 0, c->comm, PETSC_ERR_USER_INPUT,
               "-gas_composition = '%s' with electrolyte_model tertiary and time_end = %g s: CO2 taken up in time is not modelled; "
               "remove CO2 from the feed, or set time_end 0",
               c->gas_spec, (double)c->time_end);
  }
  PetscCheck(c->electrolyte.nsalt > 0 || strcmp(ion->ions, "none"), c->comm, PETSC_ERR_USER_INPUT,
             "-electrolyte_model = tertiary needs ions: -electrolyte = '%s' has none; set a salt (e.g. Na2SO4:0.1)", c->electrolyte_spec);
  PetscCheck(AzSolventIsWater(&c->solvent), c->comm, PETSC_ERR_USER_INPUT,
             "-electrolyte_model = tertiary is aqueous (its ion data are water's): -solvent = '%s' is not; use the dilute model",
             c->solvent_spec);
  for (k = 0; k < c->electrolyte.nion; k++) {  // the salts' ions
    const char          *name = AzIonName(c->electrolyte.ion[k]);
    const AzSpeciesInfo *s    = AzIonicSpeciesOfIon(name);
    PetscInt             pos;
    PetscCheck(s, c->comm, PETSC_ERR_USER_INPUT,
               "-electrolyte = '%s': the ion %s has no transport data for electrolyte_model tertiary (the ions it knows: docs/ionic.md); "
               "use the dilute model or another salt",
               c->electrolyte_spec, name);
    PetscCall(AzIonicAdd(ion, s, &pos));
    c0[pos] += 1e3 * c->electrolyte.c[k];
  }
  PetscCall(AzIonicParseIons(c, c0));
  PetscCall(AzIonicAdd(ion, AzSpeciesFind("H+"), &ion->h));
  PetscCall(AzIonicAdd(ion, AzSpeciesFind("OH-"), &ion->oh));
  if (ion->ph_given) {
    PetscCheck(strcmp(ion->titrant, "none"), c->comm, PETSC_ERR_USER_INPUT,
               "-electrolyte_ph = %g needs the acid or base that sets it: set electrolyte_ph_titrant (e.g. NaOH or H2SO4; a buffer's own "
               "pair is given as its two salts in electrolyte)",
               (double)ion->ph_set);
    PetscCall(AzIonicSaltVector(c, "electrolyte_ph_titrant", ion->titrant, v));
    PetscCheck(v[ion->h] != 0 || v[ion->oh] != 0, c->comm, PETSC_ERR_USER_INPUT,
               "-electrolyte_ph_titrant = %s is neither an acid nor a base (no H+ or OH-): it cannot set electrolyte_ph", ion->titrant);
  } else
    PetscCheck(!strcmp(ion->titrant, "none"), c->comm, PETSC_ERR_USER_INPUT,
               "-electrolyte_ph_titrant = %s without electrolyte_ph: set the pH it should reach (0-14)", ion->titrant);
  if (c->gas.y[AZ_GAS_CO2] > 0) {  // CO2 of the feed: Henry's law (G7-04) with the salts' salting-out
    PetscReal kH, log10s, p;
    PetscCall(AzHenryConstant(AZ_GAS_CO2, c->T, &kH));
    PetscCall(AzSaltingOutW(AZ_GAS_CO2, c->T, &c->electrolyte, &log10s, &c->sol.warnings));
    p   = c->gas.y[AZ_GAS_CO2] * (c->P - c->sol.liquid.p_vap);
    co2 = p / kH * c->sol.liquid.molar_density * PetscPowReal(10.0, -log10s);
    PetscCall(AzIonicAdd(ion, AzSpeciesFind("CO2"), NULL));
  }
  PetscCall(AzIonicAddElectrode(ion, &c->electrode, c->bulk, c0));
  if (c->anode_reaction) PetscCall(AzIonicAddElectrode(ion, &c->anode, c->bulk, c0));
  // the partners of the bulk reactions, to closure (a row joins through a species other than H+ and OH-)
  while (changed) {
    changed = PETSC_FALSE;
    for (PetscInt r = 0; r < nh; r++) {
      PetscBool trigger = PETSC_FALSE, all = PETSC_TRUE;
      for (PetscInt a = 0; a < hrows[r]->nstoich; a++) {
        const char     *name = hrows[r]->stoich[a].species;
        const PetscBool in   = (PetscBool)(AzIonicFind(ion, name) >= 0);
        all                  = (PetscBool)(all && in);
        trigger              = (PetscBool)(trigger || (in && strcmp(name, "H+") && strcmp(name, "OH-")));
      }
      if (!trigger || all) continue;
      for (PetscInt a = 0; a < hrows[r]->nstoich; a++) PetscCall(AzIonicAdd(ion, AzSpeciesFind(hrows[r]->stoich[a].species), NULL));
      changed = PETSC_TRUE;
    }
  }
  ion->nr = 0;
  for (PetscInt r = 0; r < nh; r++) {
    PetscBool all = PETSC_TRUE;
    for (PetscInt a = 0; a < hrows[r]->nstoich; a++) all = (PetscBool)(all && AzIonicFind(ion, hrows[r]->stoich[a].species) >= 0);
    if (!all) continue;
    PetscCheck(ion->nr < AZ_MAX_IONIC_REACTIONS, c->comm, PETSC_ERR_PLIB, "too many bulk reactions");
    AzIonicReaction *rx = &ion->r[ion->nr++];
    rx->info            = hrows[r];
    rx->n               = hrows[r]->nstoich;
    rx->log10K          = AzHomogeneousLog10K(hrows[r], c->T);
    for (PetscInt a = 0; a < rx->n; a++) rx->sp[a] = AzIonicFind(ion, hrows[r]->stoich[a].species), rx->nu[a] = hrows[r]->stoich[a].nu;
  }
  PetscCheck(ion->nr > 0 && !strcmp(ion->r[0].info->name, "water"), c->comm, PETSC_ERR_PLIB,
             "water's dissociation is the first bulk reaction");
  // the electrolyte as dissolved must be electroneutral (salts are; ions given one by one need not be)
  for (k = 0; k < ion->n; k++) {
    if (ion->sp[k].z > 0) pos_sum += ion->sp[k].z * c0[k];
    if (ion->sp[k].z < 0) neg_sum -= ion->sp[k].z * c0[k];
  }
  PetscCheck(
      PetscAbsReal(pos_sum - neg_sum) <= 1e-9 * (pos_sum + neg_sum), c->comm, PETSC_ERR_USER_INPUT,
      "-electrolyte = '%s' with -electrolyte_ions = '%s' is not electroneutral: cations %.6g, anions %.6g eq/L (imbalance %.3g eq/L); "
      "add counter-ions",
      c->electrolyte_spec, ion->ions, (double)(pos_sum / 1e3), (double)(neg_sum / 1e3), (double)((pos_sum - neg_sum) / 1e3));
  PetscCall(AzIonicEquilibrium(c, c0, v, co2));
  if (ion->activity == AZ_ACTIVITY_DAVIES && ion->ionic_strength > 0.5)
    PetscCall(
        AzPropWarningsAdd(&c->sol.warnings,
                          "activity_model davies at ionic strength %.3g mol/L: Davies' equation holds to about 0.5 mol/L (a few per cent "
                          "in gamma there)",
                          (double)ion->ionic_strength));
  ion->ph = AzIonicPH(ion, c->T, ion->sp[ion->h].c, ion->sp[ion->oh].c);
  {
    // diffusivities at T: Stokes-Einstein from 25 °C in water, D (T/298.15) mu_w(298.15) / mu(T) of the solution
    PetscReal rho25, mu25;
    PetscCall(AzWaterDensity(AZ_T_REF, &rho25));
    PetscCall(AzWaterViscosity(AZ_T_REF, rho25, &mu25));
    for (k = 0; k < ion->n; k++) ion->sp[k].D = ion->sp[k].info->d_ion * (c->T / AZ_T_REF) * mu25 / c->sol.viscosity;
  }
  if (c->conductivity == 0) {  // Nernst-Einstein at the bulk: what the model's migration carries (F^2/RT sum z^2 D c)
    for (k = 0; k < ion->n; k++) c->conductivity += ion->sp[k].z * ion->sp[k].z * ion->sp[k].D * ion->sp[k].c;
    c->conductivity *= AZ_FARADAY * AZ_FARADAY / (AZ_GAS_CONSTANT * c->T);
  }
  {
    // the rate constants with the bulk's activity coefficients: kb = kf / K_c
    for (PetscInt r = 0; r < ion->nr; r++) {
      AzIonicReaction *rx  = &ion->r[r];
      PetscReal        lnK = rx->log10K * PetscLogReal(10.0);
      for (PetscInt a = 0; a < rx->n; a++) lnK += rx->nu[a] * (PetscLogReal(1e3) - PetscLogReal(ion->sp[rx->sp[a]].gamma));
      rx->kf = rx->info->kf;
      rx->kb = rx->kf * PetscExpReal(-lnK);
    }
  }
  {
    // the ion electroneutrality gives: a charged spectator (no bulk or electrode reaction) where there is one, the
    // largest in |z| c
    PetscReal best = -1;
    ion->elim      = -1;
    for (PetscInt pass = 0; pass < 2 && ion->elim < 0; pass++)
      for (k = 0; k < ion->n; k++) {
        const AzSpeciesInfo *s       = ion->sp[k].info;
        PetscBool            in_bulk = PETSC_FALSE;
        if (ion->sp[k].z == 0 || k == ion->h || k == ion->oh || AzIonicInElectrode(&c->electrode, s) ||
            (c->anode_reaction && AzIonicInElectrode(&c->anode, s)))
          continue;
        for (PetscInt r = 0; r < ion->nr; r++)
          for (PetscInt a = 0; a < ion->r[r].n; a++) in_bulk = (PetscBool)(in_bulk || ion->r[r].sp[a] == k);
        if (pass == 0 && in_bulk) continue;
        if (PetscAbsReal(ion->sp[k].z) * ion->sp[k].c > best) best = PetscAbsReal(ion->sp[k].z) * ion->sp[k].c, ion->elim = k;
      }
    PetscCheck(ion->elim >= 0, c->comm, PETSC_ERR_USER_INPUT,
               "-electrolyte = '%s': electrolyte_model tertiary needs an ion that no electrode reaction takes (a supporting salt)",
               c->electrolyte_spec);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzIonicAddSpecies(AzCase c, AzProblem *p)
{
  const AzIonic  *ion = &c->ionic;
  AzNP           *np;
  PetscInt        map[AZ_MAX_IONIC];
  const PetscReal D_ref = c->sol.gas[c->reactant].D;

  PetscFunctionBeginUser;
  if (ion->model != AZ_MODEL_TERTIARY) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscNew(&p->np));
  np        = p->np;
  np->ionic = ion;
  np->T     = c->T;
  np->s_h = np->s_oh = -1;
  for (PetscInt s = 0; s < AZ_MAX_SPECIES; s++) np->pos[s] = -1;
  for (PetscInt k = 0; k < ion->n; k++) {
    char     name[32];
    PetscInt s;
    map[k] = -1;
    if (k == ion->elim) continue;
    PetscCall(PetscSNPrintf(name, sizeof(name), "c_%s", ion->sp[k].info->key));
    PetscCall(AzProblemAddSpecies(p, name, &s));
    map[k]              = s;
    np->ion[s]          = PETSC_TRUE;
    np->z[s]            = ion->sp[k].z;
    np->bulk[s]         = ion->sp[k].c;
    np->pos[s]          = k;
    p->species[s].scale = p->species[0].scale * ion->sp[k].D / D_ref;
    if (k == ion->h) np->s_h = s;
    if (k == ion->oh) np->s_oh = s;
  }
  np->z_e    = ion->sp[ion->elim].z;
  np->bulk_e = ion->sp[ion->elim].c;
  np->nr     = ion->nr;
  for (PetscInt r = 0; r < ion->nr; r++) {
    np->r[r].n  = ion->r[r].n;
    np->r[r].kf = ion->r[r].kf, np->r[r].kb = ion->r[r].kb;
    for (PetscInt a = 0; a < ion->r[r].n; a++) np->r[r].s[a] = map[ion->r[r].sp[a]], np->r[r].nu[a] = ion->r[r].nu[a];
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzIonicRegion(AzCase c, AzProblem *p, PetscInt r, PetscReal factor, PetscReal D_mix, PetscBool held)
{
  const AzIonic *ion = &c->ionic;
  AzNP          *np  = p->np;
  AzRegion      *reg = &p->region[r];

  PetscFunctionBeginUser;
  if (!np) PetscFunctionReturn(PETSC_SUCCESS);
  for (PetscInt s = 0; s < p->nspecies; s++) {
    if (!np->ion[s]) continue;
    reg->present[s] = PETSC_TRUE;
    np->Dm[r][s]    = factor * ion->sp[np->pos[s]].D;
    reg->D[s]       = np->Dm[r][s] + D_mix;
  }
  np->Dme[r]  = factor * ion->sp[ion->elim].D;
  np->De[r]   = np->Dme[r] + D_mix;
  np->held[r] = held;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzIonicBulkValues(AzCase c, const AzProblem *p, PetscReal v[])
{
  PetscFunctionBeginUser;
  for (PetscInt s = 0; p->np && s < p->nspecies; s++)
    if (p->np->ion[s]) v[s] = p->np->bulk[s];
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzIonicLimitingCurrent(AzCase c, PetscReal *i_lim)
{
  AzProblem       q;
  AzMetrics       m;
  const PetscInt  model     = c->ionic.model;
  const PetscBool potential = c->potential;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(&q, sizeof(q)));
  q.comm         = c->comm;
  c->ionic.model = AZ_MODEL_DILUTE;
  c->potential   = PETSC_FALSE;
  {
    PetscErrorCode ierr = c->ops.setup(c, &q);
    c->ionic.model = model, c->potential = potential;
    PetscCall(ierr);
  }
  q.electrode.mode = AZ_ELECTRODE_LIMITING;
  PetscCall(AzProblemSetUpSolver(&q));
  PetscCall(AzProblemSolve(&q));
  PetscCall(AzMetricsCompute(&q, q.bulk, c->sol.gas[c->reactant].D, &m));
  *i_lim = PetscAbsReal(m.i_main_A_m2);
  PetscCall(AzProblemDestroy(&q));
  PetscFunctionReturn(PETSC_SUCCESS);
}
