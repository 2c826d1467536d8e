// The case's electrodes: which reactions run on the working electrode and on a full cell's anode, the kinetic keys of
// every row of the reaction table (kinetics_<name>_*), and the bulk values of the species (bulk_<key>). The keys are
// generated from the table's rows: a new row brings its own.
#include <azote/case.h>

// kinetics_<name>_{i0,alpha,order,c_ref,e_eq,reversible} of one row (order and c_ref only where its fitted branch
// follows a reactant); alpha is the fitted branch's transfer coefficient: cathodic for a reduction, anodic for an
// oxidation.
static PetscErrorCode AzReadKinetics(PetscOptionItems *PetscOptionsObject, const AzReactionInfo *info, AzReaction *r)
{
  char key[64], help[192];

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(r, sizeof(*r)));
  r->info  = info;
  r->order = 0;
  r->c_ref = 1;
  PetscCall(PetscSNPrintf(key, sizeof(key), "kinetics_%s_i0", info->name));
  PetscCall(PetscSNPrintf(help, sizeof(help), "%s (%s) exchange current density%s", info->label, info->equation,
                          info->reactant ? " at c_ref" : ""));
  PetscCall(AzOptionsReal(PetscOptionsObject, key, help, "A/m^2", info->i0, AZ_NONNEGATIVE, &r->i0, NULL));
  PetscCall(PetscSNPrintf(key, sizeof(key), "kinetics_%s_alpha", info->name));
  PetscCall(PetscSNPrintf(help, sizeof(help), "%s %s transfer coefficient", info->label, info->oxidation ? "anodic" : "cathodic"));
  PetscCall(AzOptionsReal(PetscOptionsObject, key, help, "-", info->alpha, AZ_RANGE_OPEN_LO(0, 4), &r->alpha, NULL));
  if (info->reactant) {
    PetscCall(PetscSNPrintf(key, sizeof(key), "kinetics_%s_order", info->name));
    PetscCall(PetscSNPrintf(help, sizeof(help), "%s reaction order in dissolved %s", info->label, info->reactant));
    PetscCall(AzOptionsReal(PetscOptionsObject, key, help, "-", 1.0, AZ_RANGE(0, 3), &r->order, NULL));
  }
  PetscCall(PetscSNPrintf(key, sizeof(key), "kinetics_%s_e_eq", info->name));
  PetscCall(PetscSNPrintf(help, sizeof(help),
                          "%s standard potential at 298.15 K, the potential kinetics_%s_i0 refers to (the Nernst potential of the "
                          "actual composition and temperature follows from it)",
                          info->label, info->name));
  PetscCall(AzOptionsReal(PetscOptionsObject, key, help, "V vs RHE", info->e0, AZ_RANGE(-3, 3), &r->e_ref, NULL));
  if (info->reactant) {
    PetscCall(PetscSNPrintf(key, sizeof(key), "kinetics_%s_c_ref", info->name));
    PetscCall(PetscSNPrintf(help, sizeof(help), "reference %s concentration of kinetics_%s_i0", info->reactant, info->name));
    PetscCall(AzOptionsReal(PetscOptionsObject, key, help, "mol/m^3", 1.0, AZ_POSITIVE, &r->c_ref, NULL));
  }
  PetscCall(PetscSNPrintf(key, sizeof(key), "kinetics_%s_reversible", info->name));
  PetscCall(PetscSNPrintf(help, sizeof(help), "%s with its reverse branch from microscopic reversibility (false: the %s branch alone)",
                          info->label, info->oxidation ? "anodic" : "cathodic"));
  PetscCall(AzOptionsBool(PetscOptionsObject, key, help, PETSC_TRUE, &r->reversible, NULL));
  PetscCall(PetscSNPrintf(key, sizeof(key), "kinetics_%s_h_order", info->name));
  PetscCall(PetscSNPrintf(help, sizeof(help),
                          "%s order of the fitted branch in the local H+ relative to the bulk's (electrolyte_model tertiary only)",
                          info->label));
  PetscCall(AzOptionsReal(PetscOptionsObject, key, help, "-", info->h_order, AZ_RANGE(0, 4), &r->h_order, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Fills electrode e with the main reaction `main` and the reactions of the comma list `side` ("auto": the main
// reaction's own companions, "none": none), their parameters from kin[] (in table order).
static PetscErrorCode AzElectrodeFill(AzCase c, const char what[], const char key[], const AzReactionInfo *main, const char side[],
                                      const AzReaction kin[], AzElectrode *e)
{
  PetscInt                     n;
  const AzReactionInfo *const *rows;
  char                         list[256], *tok = NULL, *save = NULL;

  PetscFunctionBeginUser;
  PetscCall(AzReactionTable(&n, &rows));
  e->nreaction = 0;
  PetscCall(PetscStrncpy(list, !strcmp(side, "auto") ? main->competing : !strcmp(side, "none") ? "" : side, sizeof(list)));
  for (PetscInt k = -1; k == -1 || (tok = strtok_r(k == 0 ? list : NULL, ", ", &save)); k++) {
    const AzReactionInfo *info = k < 0 ? main : AzReactionFind(tok);
    PetscInt              row  = -1;
    PetscCheck(info, c->comm, PETSC_ERR_USER_INPUT, "-%s = '%s': unknown reaction '%s' (the reaction table: docs/kinetics.md)", key, side,
               tok);
    PetscCheck(!info->branch_of, c->comm, PETSC_ERR_USER_INPUT,
               "-%s = '%s': %s is a branch of %s that runs beside it with electrolyte_model tertiary: list %s instead", key, side,
               info->name, info->branch_of, info->branch_of);
    PetscCheck(k < 0 || info != main, c->comm, PETSC_ERR_USER_INPUT, "-%s = '%s' lists the %s's main reaction %s again", key, side, what,
               main->name);
    // a side reaction follows the main one's reactant, or a solute held at its bulk value (bulk_<key>); not a dissolved gas
    // the transport does not carry
    PetscCheck(k < 0 || !info->reactant || !strcmp(info->reactant, main->reactant ? main->reactant : "") ||
                   AzSpeciesFind(info->reactant)->phase != AZ_PHASE_GAS,
               c->comm, PETSC_ERR_USER_INPUT,
               "-%s = '%s': %s follows dissolved %s, which the %s's transport does not carry (its main reaction %s takes %s)", key, side,
               info->name, info->reactant, what, main->name, main->reactant ? main->reactant : "none");
    for (PetscInt q = 0; q < e->nreaction; q++)
      PetscCheck(e->reaction[q].info != info, c->comm, PETSC_ERR_USER_INPUT, "-%s = '%s' lists %s twice", key, side, info->name);
    PetscCheck(e->nreaction < AZ_MAX_ELECTRODE_REACTIONS, c->comm, PETSC_ERR_USER_INPUT,
               "-%s = '%s': at most %d reactions run on one electrode", key, side, AZ_MAX_ELECTRODE_REACTIONS);
    for (PetscInt q = 0; q < n; q++)
      if (rows[q] == info) row = q;
    e->reaction[e->nreaction++] = kin[row];
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCaseReadElectrodes(AzCase c)
{
  PetscInt                     n, nsp, nmain = 0, nanode = 1, main = 0, mode = AZ_ELECTRODE_POTENTIOSTATIC;
  const AzReactionInfo *const *rows;
  const AzSpeciesInfo *const  *species;
  AzReaction                   kin[32];
  AzElectrode                 *e = &c->electrode;
  char                         side[256];

  PetscFunctionBeginUser;
  PetscCall(AzReactionsRegisterAll());
  PetscCall(AzReactionTable(&n, &rows));
  PetscCall(AzSpeciesTable(&nsp, &species));
  PetscCheck(n <= 32, c->comm, PETSC_ERR_PLIB, "too many reactions");
  // a working electrode's main reaction takes a dissolved gas; a full cell's anode is an oxidation
  c->anode_choices[0] = "none";
  for (PetscInt k = 0; k < n; k++) {
    const AzSpeciesInfo *r = rows[k]->reactant ? AzSpeciesFind(rows[k]->reactant) : NULL;
    if (r && r->phase == AZ_PHASE_GAS) c->main_choices[nmain++] = rows[k]->name;
    if (rows[k]->oxidation) c->anode_choices[nanode++] = rows[k]->name;
  }
  c->main_choices[nmain] = c->anode_choices[nanode] = NULL;

  PetscOptionsBegin(c->comm, NULL, "electrode", NULL);
  PetscCall(AzOptionsEnum(PetscOptionsObject, "electrode_mode", "how the working electrode is driven", AzElectrodeModes,
                          AZ_ELECTRODE_POTENTIOSTATIC, &mode, NULL));
  e->mode = (AzElectrodeMode)mode;
  PetscCall(AzOptionsEnum(PetscOptionsObject, "electrode_reaction",
                          "the working electrode's main reaction, a row of the reaction table taking a dissolved gas (docs/kinetics.md): "
                          "n2rr (with HER), n2or (an anode, with OER), orr (with HER)",
                          c->main_choices, 0, &main, NULL));
  PetscCall(AzOptionsString(PetscOptionsObject, "electrode_side_reactions",
                            "the reactions competing with the main one on the working electrode",
                            "auto (the main reaction's: HER or OER), none, or NAME,...", "auto", side, sizeof(side), NULL));
  PetscCall(AzOptionsEnum(PetscOptionsObject, "anode_reaction",
                          "a full cell's anode, facing the working electrode: none (a non-polarisable counter electrode), n2or (with "
                          "OER), oer; needs electrolyte_potential",
                          c->anode_choices, 0, &c->anode_reaction, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "cell_voltage",
                          "full cell: anode minus cathode potential (potentiostatic; galvanostatic: first guess)", "V", 2.0,
                          AZ_RANGE(0, 10), &c->cell_voltage, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "electrode_potential", "electrode potential (potentiostatic; galvanostatic: first guess)",
                          "V vs RHE", -0.2, AZ_RANGE(-3, 3), &e->potential, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "catalyst_loading",
                          "catalyst on the working electrode, per geometric area (0: not given); gives the yields per catalyst mass",
                          "mg/cm^2", 0, AZ_RANGE(0, 1e4), &c->catalyst_loading, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "electrode_current",
                          "total current density per geometric electrode area, magnitude (galvanostatic; anodic for n2or)", "A/m^2", 10,
                          AZ_RANGE_OPEN_LO(0, 1e6), &e->current, NULL));
  PetscOptionsEnd();

  PetscOptionsBegin(c->comm, NULL, "kinetics", NULL);
  // The N2RR and HER defaults are placeholders of the right order; N2OR, OER and ORR have no default catalyst:
  // set them from the catalyst's Tafel data.
  for (PetscInt k = 0; k < n; k++) PetscCall(AzReadKinetics(PetscOptionsObject, rows[k], &kin[k]));
  PetscOptionsEnd();

  PetscOptionsBegin(c->comm, NULL, "bulk", NULL);
  // the species' bulk values where the cell neither feeds nor solves them: the reverse branches' Nernst potentials
  for (PetscInt k = 0; k < nsp; k++) {
    char key[32];
    c->bulk[k] = species[k]->trace;
    if (species[k]->phase == AZ_PHASE_SOLVENT || !species[k]->trace_help) continue;  // the ionic model's ions: from the electrolyte
    PetscCall(PetscSNPrintf(key, sizeof(key), "bulk_%s", species[k]->key));
    PetscCall(AzOptionsReal(PetscOptionsObject, key, species[k]->trace_help, species[k]->phase == AZ_PHASE_GAS ? "Pa" : "mol/m^3",
                            species[k]->trace, AZ_RANGE_OPEN_LO(0, 1e8), &c->bulk[k], NULL));
  }
  PetscOptionsEnd();

  PetscCall(AzElectrodeFill(c, "working electrode", "electrode_side_reactions", AzReactionFind(c->main_choices[main]), side, kin, e));
  PetscCall(AzIonicBranches(c, e, kin));
  c->reactant = (AzGas)AzSpeciesFind(AzElectrodeMain(e)->info->reactant)->gas;
  // A full cell: the anode's metal potential is the reference (0) and the cathode's is -cell_voltage.
  c->anode_reactant = -1;
  if (c->anode_reaction) {
    const AzReactionInfo *a = AzReactionFind(c->anode_choices[c->anode_reaction]);
    PetscCheck(c->potential, c->comm, PETSC_ERR_USER_INPUT,
               "-anode_reaction = %s makes a full cell, whose current crosses the electrolyte: set electrolyte_potential true", a->name);
    PetscCheck(!AzElectrodeMain(e)->info->oxidation, c->comm, PETSC_ERR_USER_INPUT,
               "-anode_reaction = %s needs a cathode as the working electrode: -electrode_reaction = %s is an anode (use a reduction)",
               a->name, AzElectrodeMain(e)->info->name);
    PetscCall(AzElectrodeFill(c, "anode", "anode_reaction", a, "auto", kin, &c->anode));
    PetscCall(AzIonicBranches(c, &c->anode, kin));
    c->anode.mode      = e->mode == AZ_ELECTRODE_OFF ? AZ_ELECTRODE_OFF : AZ_ELECTRODE_POTENTIOSTATIC;
    c->anode.potential = 0;
    if (a->reactant) c->anode_reactant = AzSpeciesFind(a->reactant)->gas;
    e->potential = -c->cell_voltage;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

const AzSpeciesInfo *AzCaseMainProduct(AzCase c)
{
  const AzReactionInfo *main = AzElectrodeMain(&c->electrode)->info;
  return main && main->product ? AzSpeciesFind(main->product) : NULL;
}
