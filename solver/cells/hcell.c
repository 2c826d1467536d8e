// The H-cell (DESIGN §3, "hcell"): a 2-D vertical section through the two compartments, x across the cell and y up.
// Cathode compartment [0, W_c] | membrane | anode compartment; the working electrode on the cathode compartment's
// outer wall (x = 0), of area A on a wall of depth d (height A/d) around a given centre. Electrolyte at rest or stirred,
// N2 bubbled into the bulk, NH3 produced at the electrode and crossing the membrane; in time (PETSc TS) or at the
// steady state (time_end = 0, dissolved N2 only).
//
// Bubbling: volumetric gas-liquid transfer kla (c* - c) in the bulk of the cathode compartment, c* the property
// library's saturation with the feed gas; kla given, or from the superficial gas velocity u_G = Q_gas / (W_c d) by
// the bubble-column correlation kla = 0.32 u_G^0.7 (s^-1, u_G in m/s; Heijnen & Van't Riet, Chem. Eng. J. 28, B21
// (1984), for coalescing water; not verified against the paper here).
// Stirring: a Nernst diffusion layer of thickness delta along the electrode wall where only molecular diffusion acts;
// beyond it a large mixing diffusivity keeps the bulk uniform. delta is given, or from a rotating-disk electrode's
// speed by Levich: delta = 1.61 D^(1/3) nu^(1/6) omega^(-1/2) (Bard & Faulkner, Electrochemical Methods, 2nd ed.,
// eq. 9.3.22). "none": pure molecular diffusion everywhere (an unstirred cell).
// Products: the main reactions' products (NH3, as NH3 + NH4+, from N2RR; nitrate from an N2OR anode or working
// electrode: rows of the species table) with their own diffusivities; the membrane lets them through with a
// permeability (m^2/s, diffusivity times partition coefficient); dissolved gases do not cross the membrane.
// Two gases in two compartments: a full cell whose anode takes another dissolved gas than its cathode (ORR cathode ||
// N2OR anode) carries both, each compartment bubbled with its own feed (gas_composition, hcell_anode_gas_composition)
// and starting saturated with it.
#include <azote/case.h>

typedef enum { AZ_STIR_NONE, AZ_STIR_NERNST } AzStirring;
static const char *const AzStirrings[] = {"none", "nernst", NULL};
typedef enum { AZ_INITIAL_SATURATED, AZ_INITIAL_AIR, AZ_INITIAL_DEGASSED } AzInitial;
static const char *const AzInitials[] = {"saturated", "air", "degassed", NULL};

typedef struct {
  PetscReal    width, anode_width, height, depth;  // m
  PetscReal    electrode_area, electrode_center;   // m^2, m
  PetscReal    membrane_thickness;                 // m
  PetscReal    permeability[AZ_MAX_SPECIES_ROWS];  // m^2/s through the membrane, per product row of the species table
  PetscReal    diffusivity[AZ_MAX_SPECIES_ROWS];   // m^2/s in the electrolyte, per product row
  PetscReal    membrane_conductivity;              // S/m, with the electrolyte potential
  PetscInt     stirring, initial;
  PetscReal    delta, rotation_rpm;  // Nernst layer (m), rotating-disk speed (rpm)
  PetscReal    mixing_diffusivity;   // m^2/s beyond the Nernst layer
  PetscReal    kla, gas_flow_rate;   // s^-1, m^3/s
  PetscBool    anode_bubbling;
  char         anode_gas[256];             // the anode compartment's feed gas ("same": gas_composition)
  AzSolubility sol_a;                      // the gases' saturation with it
  PetscReal    c_init[2][AZ_NGAS_SOLVED];  // initial dissolved N2, O2 in each compartment (cathode, anode), mol/m^3
} AzHCell;

// The species rows that get the product keys: every reaction's product that is a solute.
static PetscBool AzHCellProductRow(const AzSpeciesInfo *sp)
{
  PetscInt                     n;
  const AzReactionInfo *const *rows;
  PetscBool                    yes = PETSC_FALSE;
  if (sp->phase != AZ_PHASE_SOLUTE || AzReactionTable(&n, &rows)) return PETSC_FALSE;
  for (PetscInt k = 0; k < n; k++) yes = (PetscBool)(yes || (rows[k]->product && !strcmp(rows[k]->product, sp->name)));
  return yes;
}

static PetscErrorCode AzCellSetFromOptions_HCell(AzCase c)
{
  AzHCell  *h;
  PetscBool set_center, set_kla;

  PetscFunctionBeginUser;
  PetscCall(PetscNew(&h));
  c->cell_ctx = h;
  PetscOptionsBegin(c->comm, NULL, "hcell", NULL);
  PetscCall(AzOptionsReal(PetscOptionsObject, "hcell_width", "cathode compartment width, electrode wall to membrane", "m", 0.03,
                          AZ_RANGE_OPEN_LO(0, 1), &h->width, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "hcell_anode_width", "anode compartment width", "m", 0.03, AZ_RANGE_OPEN_LO(0, 1),
                          &h->anode_width, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "hcell_height", "electrolyte height in the compartments", "m", 0.04, AZ_RANGE_OPEN_LO(0, 1),
                          &h->height, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "hcell_depth", "compartment depth (out of plane)", "m", 0.03, AZ_RANGE_OPEN_LO(0, 1),
                          &h->depth, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "hcell_electrode_area", "working electrode area", "m^2", 1e-4, AZ_RANGE_OPEN_LO(0, 1),
                          &h->electrode_area, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "hcell_electrode_center", "height of the electrode's centre (default: mid-height)", "m", 0.02,
                          AZ_NONNEGATIVE, &h->electrode_center, &set_center));
  PetscCall(AzOptionsReal(PetscOptionsObject, "hcell_membrane_thickness", "membrane thickness", "m", 1.83e-4, AZ_RANGE_OPEN_LO(0, 0.01),
                          &h->membrane_thickness, NULL));
  {
    // per product of the reaction table (NH3/NH4+, NO3-): its membrane permeability and its diffusivity (the row's)
    PetscInt                    nsp;
    const AzSpeciesInfo *const *rows;
    char                        key[64], help[160];
    PetscCall(AzSpeciesTable(&nsp, &rows));
    for (PetscInt k = 0; k < nsp; k++) {
      if (!AzHCellProductRow(rows[k])) continue;
      PetscCall(PetscSNPrintf(key, sizeof(key), "hcell_membrane_%s_permeability", rows[k]->key));
      PetscCall(PetscSNPrintf(help, sizeof(help), "%s permeability of the membrane (diffusivity x partition coefficient)", rows[k]->name));
      PetscCall(AzOptionsReal(PetscOptionsObject, key, help, "m^2/s", 1e-10, AZ_NONNEGATIVE, &h->permeability[k], NULL));
    }
    PetscCall(AzOptionsReal(PetscOptionsObject, "hcell_membrane_conductivity", "ionic conductivity of the membrane (electrolyte_potential)",
                            "S/m", 10, AZ_POSITIVE, &h->membrane_conductivity, NULL));
    for (PetscInt k = 0; k < nsp; k++) {
      if (!AzHCellProductRow(rows[k])) continue;
      PetscCall(PetscSNPrintf(key, sizeof(key), "hcell_%s_diffusivity", rows[k]->key));
      PetscCall(PetscSNPrintf(help, sizeof(help), "%s diffusivity in the electrolyte", rows[k]->name));
      PetscCall(AzOptionsReal(PetscOptionsObject, key, help, "m^2/s", rows[k]->diffusivity, AZ_POSITIVE, &h->diffusivity[k], NULL));
    }
  }
  PetscCall(AzOptionsEnum(PetscOptionsObject, "hcell_stirring", "stirring of the cathode compartment", AzStirrings, AZ_STIR_NERNST,
                          &h->stirring, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "hcell_delta", "Nernst diffusion layer thickness (stirring nernst)", "m", 1e-4,
                          AZ_RANGE_OPEN_LO(0, 0.01), &h->delta, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "hcell_rotation_rate", "rotating-disk electrode speed: > 0 sets hcell_delta by Levich", "rpm",
                          0, AZ_RANGE(0, 1e5), &h->rotation_rpm, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "hcell_mixing_diffusivity", "diffusivity standing for the stirred bulk's mixing", "m^2/s",
                          1e-3, AZ_POSITIVE, &h->mixing_diffusivity, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "hcell_kla", "gas-liquid transfer coefficient of the bubbling (0: from hcell_gas_flow_rate)",
                          "1/s", 0, AZ_NONNEGATIVE, &h->kla, &set_kla));
  PetscCall(AzOptionsReal(PetscOptionsObject, "hcell_gas_flow_rate", "bubbled gas flow rate (0: no bubbling)", "m^3/s", 3.33e-7,
                          AZ_NONNEGATIVE, &h->gas_flow_rate, NULL));
  PetscCall(AzOptionsBool(PetscOptionsObject, "hcell_anode_bubbling", "bubble the feed gas through the anode compartment too", PETSC_FALSE,
                          &h->anode_bubbling, NULL));
  PetscCall(AzOptionsString(PetscOptionsObject, "hcell_anode_gas_composition",
                            "the anode compartment's gas (its bubbling and initial saturation)",
                            "same (gas_composition's) or GAS:FRACTION,... summing to 1", "same", h->anode_gas, sizeof(h->anode_gas), NULL));
  PetscCall(
      AzOptionsEnum(PetscOptionsObject, "hcell_initial", "dissolved N2 at t = 0", AzInitials, AZ_INITIAL_SATURATED, &h->initial, NULL));
  PetscOptionsEnd();
  if (!set_center) h->electrode_center = h->height / 2;
  {
    const PetscReal half = 0.5 * h->electrode_area / h->depth;
    PetscCheck(h->electrode_center - half >= -1e-12 * h->height && h->electrode_center + half <= h->height * (1 + 1e-12), c->comm,
               PETSC_ERR_USER_INPUT,
               "-hcell_electrode_area = %g m^2 on a wall %g m deep is %g m high and lies outside the %g m of electrolyte around its centre "
               "at %g m "
               "(-hcell_electrode_center)",
               (double)h->electrode_area, (double)h->depth, (double)(2 * half), (double)h->height, (double)h->electrode_center);
  }
  PetscCheck(h->stirring != AZ_STIR_NERNST || h->delta < 0.5 * h->width, c->comm, PETSC_ERR_USER_INPUT,
             "-hcell_delta = %g m does not fit the compartment: allowed < hcell_width/2 = %g m", (double)h->delta,
             (double)(0.5 * h->width));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzCellValidate_HCell(AzCase c)
{
  AzHCell        *h  = (AzHCell *)c->cell_ctx;
  const PetscReal nu = c->sol.viscosity / c->sol.liquid.density, D = c->sol.gas[c->reactant].D;

  PetscFunctionBeginUser;
  PetscCheck(c->mesh.n[0] == 0 || c->mesh.n[0] >= 16, c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_nx = %" PetscInt_FMT " is too coarse for the H-cell: allowed 0 (the default) or >= 16", c->mesh.n[0]);
  PetscCheck(c->mesh.n[1] == 0 || c->mesh.n[1] >= 4, c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_ny = %" PetscInt_FMT " is too coarse for the H-cell: allowed 0 (the default) or >= 4", c->mesh.n[1]);
  if (h->rotation_rpm > 0)
    h->delta = 1.61 * PetscCbrtReal(D) * PetscPowReal(nu, 1.0 / 6) / PetscSqrtReal(h->rotation_rpm * 2 * PETSC_PI / 60);
  if (h->kla == 0 && h->gas_flow_rate > 0) h->kla = 0.32 * PetscPowReal(h->gas_flow_rate / (h->width * h->depth), 0.7);
  PetscCheck(c->ionic.model != AZ_MODEL_TERTIARY || h->stirring == AZ_STIR_NERNST, c->comm, PETSC_ERR_USER_INPUT,
             "-electrolyte_model = tertiary in the H-cell needs -hcell_stirring nernst (the bulk beyond the Nernst layer keeps its "
             "composition): got hcell_stirring none");
  if (c->ionic.model == AZ_MODEL_TERTIARY && c->time_end > 0) {  // the Nernst layer at its quasi-steady state (solver/npbulk.c)
    PetscCheck(h->kla > 0, c->comm, PETSC_ERR_USER_INPUT,
               "-electrolyte_model = tertiary with -time_end = %g s holds the dissolved N2 at its steady state with the bubbling: set "
               "hcell_gas_flow_rate or hcell_kla > 0",
               (double)c->time_end);
    PetscCheck(h->initial == AZ_INITIAL_SATURATED, c->comm, PETSC_ERR_USER_INPUT,
               "-hcell_initial = %s with electrolyte_model tertiary: in time the ionic model holds the dissolved N2 at its steady state "
               "with the bubbling; allowed: saturated",
               AzInitials[h->initial]);
  }
  if (c->time_end == 0) {
    PetscCheck(
        h->kla > 0, c->comm, PETSC_ERR_USER_INPUT,
        "-time_end = 0 asks for the steady state of a closed cell without bubbling, which is empty of N2: set hcell_gas_flow_rate or "
        "hcell_kla > 0, or time_end > 0");
  }
  {
    // the anode compartment's gas, and each compartment's initial dissolved gases
    AzGasMix       an;
    PetscErrorCode ierr;
    char          *msg = NULL;
    PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
    ierr = AzGasMixParse(strcmp(h->anode_gas, "same") ? h->anode_gas : c->gas_spec, &an);
    if (!ierr) ierr = AzSolubilityComputeSolvent(c->T, c->P, &an, &c->solvent, &c->electrolyte, &h->sol_a);
    PetscCall(PetscPopErrorHandler());
    if (ierr) PetscCall(PetscErrorMessage(ierr, NULL, &msg));
    PetscCheck(!ierr, c->comm, PETSC_ERR_USER_INPUT, "-hcell_anode_gas_composition = '%s': %s", h->anode_gas, msg ? msg : "error");
    PetscCall(AzPropertyFactorsApply(&c->props, &h->sol_a));
    PetscCheck(c->anode_reactant < 0 || !h->anode_bubbling || h->sol_a.gas[c->anode_reactant].c_sat > 0, c->comm, PETSC_ERR_USER_INPUT,
               "-hcell_anode_gas_composition = '%s' has no %s for the anode (-anode_reaction = %s): add %s", h->anode_gas,
               AzGasNames[c->anode_reactant], c->anode_choices[c->anode_reaction], AzGasNames[c->anode_reactant]);
    for (PetscInt g = 0; g < AZ_NGAS_SOLVED; g++) {
      switch (h->initial) {
      case AZ_INITIAL_SATURATED:
        h->c_init[0][g] = c->sol.gas[g].c_sat, h->c_init[1][g] = h->sol_a.gas[g].c_sat;
        break;
      case AZ_INITIAL_DEGASSED:
        h->c_init[0][g] = h->c_init[1][g] = 0;
        break;
      case AZ_INITIAL_AIR: {  // equilibrium with air at the operating temperature and pressure
        AzGasMix     air;
        AzSolubility s;
        PetscCall(AzGasMixParse("N2:0.78084,O2:0.209476,Ar:0.00934", &air));
        PetscCall(AzSolubilityComputeSolvent(c->T, c->P, &air, &c->solvent, &c->electrolyte, &s));
        PetscCall(AzPropertyFactorsApply(&c->props, &s));
        h->c_init[0][g] = h->c_init[1][g] = s.gas[g].c_sat;
      } break;
      }
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

enum { AZ_HC_NERNST, AZ_HC_BULK, AZ_HC_MEMBRANE, AZ_HC_ANODE };

static PetscErrorCode AzCellSetUp_HCell(AzCase c, AzProblem *p)
{
  AzHCell        *h      = (AzHCell *)c->cell_ctx;
  const PetscBool nernst = (PetscBool)(h->stirring == AZ_STIR_NERNST), transient = (PetscBool)(!c->steady_only && c->time_end > 0);
  const PetscReal D = c->sol.gas[c->reactant].D, Dmix = nernst ? h->mixing_diffusivity : 0, c_sat = c->sol.gas[c->reactant].c_sat;
  const PetscReal xm = h->width, xa = h->width + h->membrane_thickness, L = xa + h->anode_width;
  const PetscReal ye0 = h->electrode_center - 0.5 * h->electrode_area / h->depth,
                  ye1 = h->electrode_center + 0.5 * h->electrode_area / h->depth;
  PetscInt   M[3]     = {c->mesh.n[0] ? c->mesh.n[0] : 120, c->mesh.n[1] ? c->mesh.n[1] : 48, 1}, sn, sg, r[4], electrode;
  PetscReal *xf[3], rx = c->mesh.refine[0] ? c->mesh.refine[0] : (nernst ? 100 : 300), ry = c->mesh.refine[1] ? c->mesh.refine[1] : 8;

  PetscFunctionBeginUser;
  PetscCall(AzCaseResolveMesh(c, M, NULL));
  PetscCall(PetscMalloc3(M[0] + 1, &xf[0], M[1] + 1, &xf[1], 2, &xf[2]));
  {
    // Across: finest at the electrode wall (diffusion layers of micrometres at the first time steps), graded over
    // the Nernst layer or, unstirred, over three diffusion lengths of an hour (not of time_end: a run continued from
    // its checkpoint to a later time_end must find the same grid); finer at the membrane; faces on the Nernst
    // layer's edge and on the membrane.
    // A full cell's anode on the far wall, in the unstirred anolyte: finest there too, graded over an hour's diffusion.
    const PetscReal     w0        = nernst ? h->delta : PetscMin(xm / 4, 3 * PetscSqrtReal(D * 3600));
    const PetscReal     wa        = PetscMin(h->anode_width / 4, 3 * PetscSqrtReal(D * 3600));
    const AzRefinePoint ref[5]    = {{0, 0, rx, PetscMin(w0, 1e-4)},
                                     {0, nernst ? w0 : 0, nernst ? 4 : 20, w0},
                                     {xm, xa, 8, h->width / 20},
                                     {L, L, 300, PetscMin(wa, 1e-4)},
                                     {L, L, 20, wa}};
    const PetscReal     breaks[3] = {nernst ? h->delta : 0, xm, xa};
    PetscCall(AzMesh1D(0, L, M[0], c->anode_reaction != AZ_ANODE_NONE ? 5 : 3, ref, 3, breaks, xf[0]));
  }
  {
    // Up: finer at the electrode's edges (the current's singularities), faces on them.
    const AzRefinePoint ref[2]    = {{ye0, ye0, ry, h->height / 20}, {ye1, ye1, ry, h->height / 20}};
    const PetscReal     breaks[2] = {ye0, ye1};
    PetscCall(AzMesh1D(0, h->height, M[1], 2, ref, 2, breaks, xf[1]));
  }
  xf[2][0] = 0, xf[2][1] = h->depth;

  // the cathode's dissolved gas, the anode's where it takes another (ORR || N2OR), the products followed in time
  {
    char                 name[32];
    const AzSpeciesInfo *prod[2] = {AzCaseMainProduct(c), NULL};
    PetscCall(PetscSNPrintf(name, sizeof(name), "c_%s", AzSpeciesFind(AzGasNames[c->reactant])->key));
    PetscCall(AzProblemAddSpecies(p, name, &sn));
    PetscCall(AzCaseAddAnodeSpecies(c, p, &sg));
    if (c->anode_reaction != AZ_ANODE_NONE && AzElectrodeMain(&c->anode)->info->product)
      prod[1] = AzSpeciesFind(AzElectrodeMain(&c->anode)->info->product);
    for (PetscInt k = 0; k < 2 && transient; k++) {
      if (!prod[k] || !AzHCellProductRow(prod[k]) || (k == 1 && prod[1] == prod[0])) continue;
      PetscCall(PetscSNPrintf(name, sizeof(name), "c_%s", prod[k]->key));
      PetscCall(AzProblemAddSpecies(p, name, NULL));
    }
  }
  p->species[sn].scale = h->depth * D;
  if (sg != sn) p->species[sg].scale = h->depth * c->sol.gas[AZ_GAS_N2].D;
  PetscCall(AzIonicAddSpecies(c, p));  // electrolyte_model tertiary (steady): the ions, scaled from the first species'
  if (c->potential) PetscCall(AzProblemAddSpecies(p, "phi_l", NULL));
  {
    const char *names[4] = {"nernst_layer", "catholyte", "membrane", "anolyte"};
    for (PetscInt k = 0; k < 4; k++) {
      AzRegion *reg;
      PetscCall(AzProblemAddRegion(p, names[k], &r[k]));
      reg = &p->region[r[k]];
      if (k != AZ_HC_MEMBRANE) {
        reg->present[sn] = PETSC_TRUE;
        reg->D[sn]       = D + (k == AZ_HC_BULK ? Dmix : 0);
        if (sg != sn) reg->present[sg] = PETSC_TRUE, reg->D[sg] = c->sol.gas[AZ_GAS_N2].D + (k == AZ_HC_BULK ? Dmix : 0);
      }
      for (PetscInt s = 0; s < p->nspecies; s++) {  // the products: everywhere, through the membrane with their permeabilities
        const AzSpeciesInfo        *sp = p->species[s].info;
        PetscInt                    row, nsp;
        const AzSpeciesInfo *const *rows;
        if (!sp || sp->phase != AZ_PHASE_SOLUTE || p->np) continue;  // tertiary (steady): the solutes are ions, AzIonicRegion
        PetscCall(AzSpeciesTable(&nsp, &rows));
        for (row = 0; row < nsp && rows[row] != sp; row++) {
        }
        reg->present[s]     = PETSC_TRUE;
        reg->D[s]           = k == AZ_HC_MEMBRANE ? h->permeability[row] : h->diffusivity[row] + (k == AZ_HC_BULK ? Dmix : 0);
        p->species[s].scale = h->depth * h->diffusivity[row];
      }
      if (p->s_phi >= 0) {
        reg->present[p->s_phi] = PETSC_TRUE;
        reg->D[p->s_phi]       = k == AZ_HC_MEMBRANE ? h->membrane_conductivity : c->conductivity;
      }
      reg->working_side = (PetscBool)(k == AZ_HC_NERNST || k == AZ_HC_BULK);
      // bubbling: the cathode compartment with gas_composition, the anode compartment with its own gas
      // the ions move in the Nernst layer; beyond it (and through the membrane into the anolyte) they are held at the
      // bulk's composition and carry the current by migration
      PetscCall(AzIonicRegion(c, p, r[k], 1, k == AZ_HC_BULK ? Dmix : 0, (PetscBool)(k != AZ_HC_NERNST)));
      if (k == AZ_HC_BULK || (k == AZ_HC_NERNST && !nernst) || (k == AZ_HC_ANODE && h->anode_bubbling)) {
        const AzSolubility *sol = k == AZ_HC_ANODE ? &h->sol_a : &c->sol;
        reg->kla                = h->kla;
        reg->c_eq               = sol->gas[c->reactant].c_sat;
        if (sg != sn) reg->kla_of[sg] = h->kla, reg->c_eq_of[sg] = sol->gas[AZ_GAS_N2].c_sat;
      }
    }
  }
  PetscCall(AzProblemCreateGrid(p, 2, M, xf));
  PetscCall(PetscFree3(xf[0], xf[1], xf[2]));
  for (PetscInt j = p->grid.gxs[1]; j < p->grid.gxs[1] + p->grid.gxm[1]; j++)
    for (PetscInt i = p->grid.gxs[0]; i < p->grid.gxs[0] + p->grid.gxm[0]; i++) {
      const PetscReal x   = p->grid.xc[0][i];
      const PetscInt  tag = x > xa ? AZ_HC_ANODE : x > xm ? AZ_HC_MEMBRANE : (nernst && x < h->delta) ? AZ_HC_NERNST : AZ_HC_BULK;
      p->grid.tag[AzGridLocal(&p->grid, i, j, 0)] = (unsigned char)r[tag];
    }

  PetscCall(AzProblemSetUpBoundaries(p));
  PetscCall(AzProblemAddPatch(p, AZ_BC_ELECTRODE, NULL, &electrode));
  for (PetscInt j = 0; j < M[1]; j++)
    if (p->grid.xc[1][j] > ye0 && p->grid.xc[1][j] < ye1) p->bc[0][j] = electrode;
  if (c->anode_reaction != AZ_ANODE_NONE) {  // a full cell: the anode on the anode compartment's outer wall, facing the cathode
    PetscInt anode;
    PetscCall(AzProblemAddPatch(p, AZ_BC_ANODE, NULL, &anode));
    for (PetscInt j = 0; j < M[1]; j++)
      if (p->grid.xc[1][j] > ye0 && p->grid.xc[1][j] < ye1) p->bc[1][j] = anode;
    p->anode      = c->anode;
    p->anode_area = h->electrode_area;
  } else if (p->s_phi >= 0) {  // the counter electrode: the anode compartment's outer wall, its potential the reference
    PetscInt counter;
    PetscCall(AzProblemAddPatch(p, AZ_BC_COUNTER, NULL, &counter));
    for (PetscInt j = 0; j < M[1]; j++) p->bc[1][j] = counter;
  }
  p->electrode      = c->electrode;
  p->electrode_area = h->electrode_area;
  p->T              = c->T;
  p->bulk           = c_sat;
  p->film           = nernst ? h->delta : PetscMin(xm / 4, 3 * PetscSqrtReal(D * 3600));  // the Nernst layer, or an hour's diffusion
  PetscCall(AzProblemSetUpElectrodes(p, &c->activity));
  {
    // each compartment saturated with its own gas (or as hcell_initial says); the steady state starts saturated
    const PetscBool steady             = (PetscBool)(c->steady_only || c->time_end == 0);
    PetscReal       c0[AZ_MAX_SPECIES] = {0}, *x;
    c0[sn]                             = steady ? c_sat : h->c_init[0][c->reactant];
    if (sg != sn) c0[sg] = steady ? c->sol.gas[AZ_GAS_N2].c_sat : h->c_init[0][AZ_GAS_N2];
    PetscCall(AzIonicBulkValues(c, p, c0));
    PetscCall(AzProblemSetInitial(p, c0));
    PetscCall(VecGetArray(p->c, &x));
    AzForOwnedCells(&p->grid, i, j, k) if (!steady && p->grid.tag[AzGridLocal(&p->grid, i, j, k)] == r[AZ_HC_ANODE])
    {
      x[AzGridOwned(&p->grid, i, j, k) * p->nspecies + sn] = h->c_init[1][c->reactant];
      if (sg != sn) x[AzGridOwned(&p->grid, i, j, k) * p->nspecies + sg] = h->c_init[1][AZ_GAS_N2];
    }
    PetscCall(VecRestoreArray(p->c, &x));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzCellView_HCell(AzCase c, AzProblem *p, AzInfo *info)
{
  AzHCell *h = (AzHCell *)c->cell_ctx;

  PetscFunctionBeginUser;
  PetscCall(AzInfoReal(info, "electrode_area_m2", h->electrode_area, "m^2"));
  PetscCall(AzInfoReal(info, "catholyte_volume_m3", h->width * h->height * h->depth, "m^3"));
  PetscCall(AzInfoReal(info, "anolyte_volume_m3", h->anode_width * h->height * h->depth, "m^3"));
  PetscCall(AzInfoText(info, "stirring", AzStirrings[h->stirring]));
  PetscCall(AzInfoReal(info, "nernst_layer_m", h->stirring == AZ_STIR_NERNST ? h->delta : 0, "m"));
  PetscCall(AzInfoReal(info, "kla_1_s", h->kla, "1/s"));
  PetscCall(AzInfoReal(info, "initial_c_n2_mol_m3", h->c_init[0][c->reactant], "mol/m^3"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The ionic model in time: the catholyte's bulk beyond the Nernst layer, and the anolyte with the membrane.
static PetscErrorCode AzCellCompartments_HCell(AzCase c, const AzProblem *p, AzCompartments *cmp)
{
  AzHCell                    *h    = (AzHCell *)c->cell_ctx;
  const AzSpeciesInfo        *prod = AzCaseMainProduct(c);
  PetscInt                    nsp;
  const AzSpeciesInfo *const *rows;

  PetscFunctionBeginUser;
  PetscCall(AzSpeciesTable(&nsp, &rows));
  cmp->volume[0]            = h->width * h->height * h->depth;
  cmp->volume[1]            = h->anode_width * h->height * h->depth;
  cmp->membrane_area        = h->height * h->depth;
  cmp->membrane_thickness   = h->membrane_thickness;
  cmp->product_permeability = 0;
  for (PetscInt k = 0; k < nsp && prod; k++)
    if (rows[k] == prod && AzHCellProductRow(prod)) cmp->product_permeability = h->permeability[k];
  for (PetscInt r = 0; r < p->nregion; r++) {
    const char *n = p->region[r].name;
    cmp->side[r]  = !strcmp(n, "catholyte") ? 0 : (!strcmp(n, "membrane") || !strcmp(n, "anolyte")) ? 1 : -1;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The Sherwood number's length: the compartment width (the distance the electrode's N2 supply crosses).
static PetscErrorCode AzCellSherwoodLength_HCell(AzCase c, PetscReal *L)
{
  PetscFunctionBeginUser;
  *L = ((AzHCell *)c->cell_ctx)->width;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCellCreate_HCell(AzCellOps *ops)
{
  PetscFunctionBeginUser;
  ops->name            = "hcell";
  ops->description     = "H-cell: two compartments and a membrane, bubbling, stirring, in time";
  ops->transient       = PETSC_TRUE;
  ops->anode_gas       = PETSC_TRUE;
  ops->ionic           = PETSC_TRUE;  // with a Nernst layer: at the steady state, or in time (solver/npbulk.c)
  ops->setfromoptions  = AzCellSetFromOptions_HCell;
  ops->validate        = AzCellValidate_HCell;
  ops->setup           = AzCellSetUp_HCell;
  ops->view            = AzCellView_HCell;
  ops->sherwood_length = AzCellSherwoodLength_HCell;
  ops->compartments    = AzCellCompartments_HCell;
  PetscFunctionReturn(PETSC_SUCCESS);
}
