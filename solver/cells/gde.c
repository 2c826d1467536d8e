// The gas-diffusion-electrode cell (DESIGN §3, "gde"): along the channel (x) × through the plane (y), from the gas
// side: gas channel | gas diffusion layer | [microporous layer] | catalyst layer | catholyte channel | membrane.
//
// Two species: gas-phase N2 (c_gas = p_N2 / RT, ideal gas) in the gas channel and the pores of the porous layers,
// and dissolved N2 in the catalyst layer's liquid and the catholyte. N2 moving through the stagnant rest of the gas
// (water vapour at its vapour pressure, and any inert feed gas) diffuses with D_N2,B / y_B (Bird, Stewart &
// Lightfoot, Transport Phenomena, 2nd ed., §18.2: diffusion through a stagnant film, the log-mean inert fraction
// taken as the feed's y_B = 1 - p_N2/P), D_N2,B the N2-H2O binary diffusivity of the property library (Fuller,
// Schettler & Giddings 1966), times Bruggeman's porosity^1.5 in porous layers. For a pure N2 feed y_B is small and
// the gas phase hardly limits, as it should: the N2 then moves by bulk flow. The gas channel carries plug flow
// (depletion of the feed by consumption along x; the change of the gas flow rate by the consumption is neglected, so
// for a pure N2 feed the drop of c_gas along x stands for the lost flow) and the free-gas binary diffusivity; the
// catholyte, plane Poiseuille flow. Both enter through Danckwerts inlets: exactly the feed comes in.
// Catalyst layer (thin-film model): the catalyst surfaces (area a_v per volume) are covered by a liquid film through
// which N2 dissolves from the pore gas: per volume kla (c*(c_gas) - c) with kla = a_v D / delta, c* the property
// library's saturation at the local partial pressure (linearised about the feed: c* = c_sat + dc_sat/dp RT (c_gas -
// c_gas,feed)). Flooding, the liquid saturation s of the catalyst layer's pores, (i) fills the pores: gas-filled
// porosity eps (1 - s), liquid-filled eps s (liquid diffusion D (eps s)^1.5 connects the layer to the catholyte), and
// (ii) thickens the film the gas must cross: delta(s) = delta_dry + s (delta_flooded - delta_dry).
// Butler-Volmer N2RR and HER run on a_v at the film's inner side (current densities reported per geometric area).
// Other main reactions run the same way: the gas phase carries the reactant's gas (O2 for the ORR, "c_o2_gas"), and
// N2OR makes the GDE an anode. A full cell (anode_reaction) puts the anode on the far face of the stack: on the
// membrane (a membrane-electrode assembly) or, beyond the membrane, on the outer wall of a flowing anolyte channel
// (gde_anolyte_thickness > 0), which an anode oxidising dissolved N2 needs. The layers' pieces are shared with the other
// gas-diffusion templates (include/azote/porous.h).
#include <azote/porous.h>

enum { AZ_GDE_GAS, AZ_GDE_GDL, AZ_GDE_MPL, AZ_GDE_CL, AZ_GDE_CATHOLYTE, AZ_GDE_MEMBRANE, AZ_GDE_ANOLYTE, AZ_GDE_NLAYER };
static const char *const AzGDELayerNames[AZ_GDE_NLAYER] = {"gas_channel", "gdl", "mpl", "cl", "catholyte", "membrane", "anolyte"};

typedef struct {
  PetscReal         length, width;                        // electrode (and channels) along x, out of plane, m
  PetscReal         gas_flow_rate;                        // gas channel, m^3/s at the operating T and P
  PetscBool         gas_depletion;                        // solve the gas channel (else the feed sits on the GDL)
  PetscBool         catholyte_bulk;                       // the catholyte a stagnant layer, the bulk held beyond it
  AzPorousElectrode pe;                                   // gas diffusion layer and catalyst layer
  PetscReal         thickness[AZ_GDE_NLAYER];             // m (gas channel, catholyte, anolyte: their heights)
  PetscReal         mpl_porosity;                         // -
  PetscReal         kappa_membrane;                       // S/m
  PetscReal         flow_rate[AZ_GDE_NLAYER];             // the liquid channels' (catholyte, anolyte), m^3/s
  PetscReal         inlet_saturation[AZ_GDE_NLAYER];      // their dissolved gas at the inlet, a fraction of saturation (-)
  PetscReal         U[AZ_GDE_NLAYER], Re[AZ_GDE_NLAYER];  // the channels' mean velocities (m/s), the liquids' Reynolds numbers
  PetscReal         D_gas;                                // the reactant's gas through the stagnant rest of the gas, D_AB / y_B, m^2/s
  PetscReal         c_gas_feed;                           // gas-phase reactant of the feed, mol/m^3
  PetscInt          region[AZ_GDE_NLAYER];                // region index of each layer (-1: absent)
  PetscInt          top;                                  // the last layer: the anode or counter electrode on its outer face
} AzGDE;

static PetscErrorCode AzCellSetFromOptions_GDE(AzCase c)
{
  AzGDE *g;

  PetscFunctionBeginUser;
  PetscCall(PetscNew(&g));
  c->cell_ctx = g;
  PetscOptionsBegin(c->comm, NULL, "gde", NULL);
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_length", "electrode length along the channels", "m", 0.01, AZ_RANGE_OPEN_LO(0, 1),
                          &g->length, NULL));
  PetscCall(
      AzOptionsReal(PetscOptionsObject, "gde_width", "electrode width (out of plane)", "m", 0.01, AZ_RANGE_OPEN_LO(0, 1), &g->width, NULL));
  PetscCall(AzOptionsBool(PetscOptionsObject, "gde_gas_depletion", "solve the gas channel, whose feed is depleted along x", PETSC_TRUE,
                          &g->gas_depletion, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_gas_channel_height", "gas channel depth", "m", 1e-3, AZ_RANGE(1e-8, 0.1),
                          &g->thickness[AZ_GDE_GAS], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_gas_flow_rate", "feed gas flow rate at the operating temperature and pressure", "m^3/s",
                          3.4e-7, AZ_RANGE_OPEN_LO(0, 1), &g->gas_flow_rate, NULL));
  PetscCall(AzPorousElectrodeOptions(PetscOptionsObject, c->comm, "gde", 2.5e-4, &g->pe));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_mpl_thickness",
                          "microporous (second gas diffusion) layer thickness; 0: none, else >= 1e-8", "m", 0, AZ_RANGE(0, 0.01),
                          &g->thickness[AZ_GDE_MPL], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_mpl_porosity", "microporous layer porosity", "-", 0.45, AZ_RANGE_OPEN_LO(0, 1),
                          &g->mpl_porosity, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_catholyte_thickness",
                          "catholyte channel height; 0: catalyst layer on the membrane, else >= 1e-8", "m", 1e-3, AZ_RANGE(0, 0.1),
                          &g->thickness[AZ_GDE_CATHOLYTE], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_catholyte_flow_rate", "catholyte volumetric flow rate", "m^3/s", 1.667e-8,
                          AZ_NONNEGATIVE, &g->flow_rate[AZ_GDE_CATHOLYTE], NULL));
  PetscCall(AzOptionsBool(PetscOptionsObject, "gde_catholyte_bulk",
                          "the catholyte layer is stagnant, a Nernst diffusion layer of gde_catholyte_thickness with the bulk electrolyte "
                          "held beyond it (a stirred reservoir holding the counter electrode; gde_catholyte_flow_rate unused); false: a "
                          "flowing channel",
                          PETSC_FALSE, &g->catholyte_bulk, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_catholyte_inlet_saturation", "catholyte inlet N2 as a fraction of saturation", "-", 1.0,
                          AZ_RANGE(0, 1), &g->inlet_saturation[AZ_GDE_CATHOLYTE], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_membrane_thickness", "membrane thickness (impermeable to N2); 0: none, else >= 1e-8",
                          "m", 1.83e-4, AZ_RANGE(0, 0.01), &g->thickness[AZ_GDE_MEMBRANE], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_membrane_conductivity", "ionic conductivity of the membrane (electrolyte_potential)",
                          "S/m", 10, AZ_POSITIVE, &g->kappa_membrane, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_anolyte_thickness",
                          "anolyte channel height beyond the membrane, a full cell's anode on its outer wall; 0: none (the anode or "
                          "counter electrode on the membrane), else >= 1e-8",
                          "m", 0, AZ_RANGE(0, 0.1), &g->thickness[AZ_GDE_ANOLYTE], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_anolyte_flow_rate", "anolyte volumetric flow rate", "m^3/s", 1.667e-8, AZ_NONNEGATIVE,
                          &g->flow_rate[AZ_GDE_ANOLYTE], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_anolyte_inlet_saturation",
                          "anolyte inlet: the anode's dissolved gas (N2 for n2or) as a fraction of saturation with the feed gas", "-", 1.0,
                          AZ_RANGE(0, 1), &g->inlet_saturation[AZ_GDE_ANOLYTE], NULL));
  PetscOptionsEnd();
  g->thickness[AZ_GDE_GDL] = g->pe.gdl_thickness, g->thickness[AZ_GDE_CL] = g->pe.cl_thickness;
  // A layer is a continuum of pores and liquid: 10 nm, a few molecules, is the least (thinner, the solve fails to converge
  // instead); gas channel, GDL and catalyst layer have their range, the optional layers may be 0 (none).
  {
    const char *key[] = {"gde_mpl_thickness", "gde_catholyte_thickness", "gde_membrane_thickness", "gde_anolyte_thickness"};
    const int   l[]   = {AZ_GDE_MPL, AZ_GDE_CATHOLYTE, AZ_GDE_MEMBRANE, AZ_GDE_ANOLYTE};
    for (int k = 0; k < 4; k++)
      PetscCheck(g->thickness[l[k]] == 0 || g->thickness[l[k]] >= 1e-8, c->comm, PETSC_ERR_USER_INPUT,
                 "-%s = %g m is thinner than a layer can be: allowed 0 (none) or 1e-08 m (10 nm) and more", key[k],
                 (double)g->thickness[l[k]]);
  }
  for (PetscInt l = AZ_GDE_CATHOLYTE; l <= AZ_GDE_ANOLYTE; l += AZ_GDE_ANOLYTE - AZ_GDE_CATHOLYTE)
    PetscCheck(g->thickness[l] == 0 || g->flow_rate[l] > 0 || (l == AZ_GDE_CATHOLYTE && g->catholyte_bulk), c->comm, PETSC_ERR_USER_INPUT,
               "-gde_%s_flow_rate = 0 while gde_%s_thickness = %g m: allowed > 0 (or set gde_%s_thickness 0)", AzGDELayerNames[l],
               AzGDELayerNames[l], (double)g->thickness[l], AzGDELayerNames[l]);
  PetscCheck(g->thickness[AZ_GDE_ANOLYTE] == 0 || g->thickness[AZ_GDE_MEMBRANE] > 0, c->comm, PETSC_ERR_USER_INPUT,
             "-gde_anolyte_thickness = %g m needs a membrane between the catholyte and the anolyte: set gde_membrane_thickness > 0",
             (double)g->thickness[AZ_GDE_ANOLYTE]);
  if (!g->gas_depletion) g->thickness[AZ_GDE_GAS] = 0;
  for (PetscInt l = g->top = AZ_GDE_CL; l < AZ_GDE_NLAYER; l++)
    if (g->thickness[l] > 0) g->top = l;
  PetscCheck(!g->catholyte_bulk || g->top == AZ_GDE_CATHOLYTE, c->comm, PETSC_ERR_USER_INPUT,
             "-gde_catholyte_bulk true needs the catholyte as the last layer, the bulk beyond it: here the %s is; set "
             "gde_catholyte_thickness > 0 and gde_membrane_thickness 0",
             AzGDELayerNames[g->top]);
  if (g->catholyte_bulk) g->flow_rate[AZ_GDE_CATHOLYTE] = 0;  // stagnant
  PetscFunctionReturn(PETSC_SUCCESS);
}

// electrolyte_model tertiary: the ions move in the catholyte and the catalyst layer's liquid (D (eps s)^1.5, the
// dissolved reactant's Bruggeman law) and the catalyst layer makes and takes them; what the ionic model does not carry
// here is refused, each in one line.
static PetscErrorCode AzGDEValidateIonic(AzCase c, const AzGDE *g)
{
  const PetscReal s = g->pe.saturation;

  PetscFunctionBeginUser;
  PetscCheck(g->thickness[AZ_GDE_CATHOLYTE] > 0, c->comm, PETSC_ERR_USER_INPUT,
             "-gde_catholyte_thickness = 0 m with electrolyte_model tertiary: the ions need a flowing catholyte beyond the catalyst "
             "layer (its inlet is the bulk electrolyte); set gde_catholyte_thickness > 0");
  PetscCheck(g->thickness[AZ_GDE_MEMBRANE] == 0, c->comm, PETSC_ERR_USER_INPUT,
             "-gde_membrane_thickness = %g m with electrolyte_model tertiary: the ionic model has no membrane (its fixed charge) yet; set "
             "gde_membrane_thickness 0 (the counter electrode then on the catholyte's far wall)",
             (double)g->thickness[AZ_GDE_MEMBRANE]);
  PetscCheck(
      c->anode_reaction == AZ_ANODE_NONE, c->comm, PETSC_ERR_USER_INPUT,
      "-anode_reaction = %s with electrolyte_model tertiary in the GDE: not built yet (a counter electrode only); set anode_reaction "
      "none or electrolyte_model dilute",
      c->anode_choices[c->anode_reaction]);
  PetscCheck(s > 0 && s < 1, c->comm, PETSC_ERR_USER_INPUT,
             "-gde_saturation = %g with electrolyte_model tertiary: allowed 0 < s < 1 (the ions move through the catalyst layer's liquid, "
             "none at s = 0; its dissolution at the GDL's face, the only path at s = 1, is not carried by the ionic model)",
             (double)s);
  PetscCheck(g->pe.kappa_ionomer == 0, c->comm, PETSC_ERR_USER_INPUT,
             "-gde_cl_ionomer_conductivity = %g S/m with electrolyte_model tertiary: the ions carry the current through the pores' liquid "
             "and the ionomer is not modelled; set gde_cl_ionomer_conductivity 0",
             (double)g->pe.kappa_ionomer);
  PetscCheck(c->electrode.mode == AZ_ELECTRODE_POTENTIOSTATIC || c->electrode.mode == AZ_ELECTRODE_OFF, c->comm, PETSC_ERR_USER_INPUT,
             "-electrode_mode = %s with electrolyte_model tertiary in the GDE: allowed potentiostatic or off (i_lim_n2rr of a "
             "potentiostatic run is the limiting current)",
             c->electrode.mode == AZ_ELECTRODE_LIMITING ? "limiting" : "galvanostatic");
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzCellValidate_GDE(AzCase c)
{
  AzGDE *g = (AzGDE *)c->cell_ctx;

  PetscFunctionBeginUser;
  // an anode taking a dissolved gas (N2OR) needs it at its face: a liquid channel there
  PetscCheck(c->anode_reactant < 0 || g->top == AZ_GDE_CATHOLYTE || g->top == AZ_GDE_ANOLYTE, c->comm, PETSC_ERR_USER_INPUT,
             "-anode_reaction = %s needs dissolved %s at the anode, which faces the %s here: set gde_anolyte_thickness > 0 (a flowing "
             "anolyte beyond the membrane, the anode on its outer wall)",
             c->anode_choices[c->anode_reaction], c->anode_reactant >= 0 ? AzGasNames[c->anode_reactant] : "", AzGDELayerNames[g->top]);
  PetscCheck(!g->catholyte_bulk || c->anode_reaction == AZ_ANODE_NONE, c->comm, PETSC_ERR_USER_INPUT,
             "-gde_catholyte_bulk true with -anode_reaction = %s: the bulk beyond the catholyte holds the counter electrode; set "
             "anode_reaction none or gde_catholyte_bulk false",
             c->anode_choices[c->anode_reaction]);
  PetscCheck(c->mesh.n[0] == 0 || c->mesh.n[0] >= 2, c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_nx = %" PetscInt_FMT " is too coarse for the GDE: allowed 0 (the default, 40) or >= 2", c->mesh.n[0]);
  PetscCheck(c->mesh.n[1] == 0 || c->mesh.n[1] >= 20, c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_ny = %" PetscInt_FMT " is too coarse for the GDE's layers: allowed 0 (the default) or >= 20", c->mesh.n[1]);
  PetscCheck(c->sol.gas[c->reactant].y_dry > 0, c->comm, PETSC_ERR_USER_INPUT,
             "-gas_composition = '%s' has no %s: a GDE needs %s in its feed", c->gas_spec, AzGasNames[c->reactant],
             AzGasNames[c->reactant]);
  g->U[AZ_GDE_GAS] = g->gas_depletion ? g->gas_flow_rate / (g->width * g->thickness[AZ_GDE_GAS]) : 0;
  g->c_gas_feed    = c->sol.gas[c->reactant].p_partial / (AZ_GAS_CONSTANT * c->T);
  for (PetscInt l = AZ_GDE_CATHOLYTE; l <= AZ_GDE_ANOLYTE; l += AZ_GDE_ANOLYTE - AZ_GDE_CATHOLYTE) {
    const PetscReal h = g->thickness[l];
    g->U[l]           = h > 0 ? g->flow_rate[l] / (g->width * h) : 0;
    g->Re[l]          = h > 0 ? c->sol.liquid.density * g->U[l] * (2 * g->width * h / (g->width + h)) / c->sol.viscosity : 0;
    PetscCheck(g->Re[l] < 2000, c->comm, PETSC_ERR_USER_INPUT,
               "-gde_%s_flow_rate = %g m^3/s gives Re = %.0f in the %s channel: the laminar profile needs Re < 2000", AzGDELayerNames[l],
               (double)g->flow_rate[l], (double)g->Re[l], AzGDELayerNames[l]);
  }
  PetscCall(AzReactantGasDiffusivity(c, &g->D_gas));
  if (c->ionic.model == AZ_MODEL_TERTIARY) PetscCall(AzGDEValidateIonic(c, g));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzCellSetUp_GDE(AzCase c, AzProblem *p)
{
  AzGDE          *g     = (AzGDE *)c->cell_ctx;
  const PetscReal D_l   = c->sol.gas[c->reactant].D;
  const PetscReal c_sat = c->sol.gas[c->reactant].c_sat, c_liq_in = g->inlet_saturation[AZ_GDE_CATHOLYTE] * c_sat;
  // default cells per layer through the plane; the catalyst layer gets the most
  const PetscInt ny_default[AZ_GDE_NLAYER] = {8, 16, 8, 32, 24, 2, 24};
  PetscInt       M[3] = {c->mesh.n[0] ? c->mesh.n[0] : 40, 0, 1}, ny[AZ_GDE_NLAYER], ny_total = 0;
  PetscInt       sl, sg, sa, inlet_gas, inlet_liq, inlet_an, outlet, feed;
  PetscReal     *xf[3], ry = c->mesh.refine[1] ? c->mesh.refine[1] : 4;
  PetscInt       layer_of_row[4096];
  AzLayerMesh    lm[AZ_GDE_NLAYER];
  char           name[32];

  PetscFunctionBeginUser;
  for (PetscInt l = 0; l < AZ_GDE_NLAYER; l++) ny_total += g->thickness[l] > 0 ? ny_default[l] : 0;
  for (PetscInt l = 0; l < AZ_GDE_NLAYER; l++) {
    ny[l] = g->thickness[l] > 0 ? ny_default[l] : 0;
    if (c->mesh.n[1] && ny[l]) ny[l] = PetscMax(2, (ny[l] * c->mesh.n[1] + ny_total / 2) / ny_total);
    M[1] += ny[l];
    // finer toward the catalyst layer on both sides of it; the layer itself and the membrane uniform
    lm[l] = (AzLayerMesh){g->thickness[l], ny[l], l == AZ_GDE_CL || l == AZ_GDE_MEMBRANE ? 0 : l < AZ_GDE_CL ? 1 : -1, ry};
  }
  PetscCheck(M[1] <= 4096, c->comm, PETSC_ERR_USER_INPUT, "-mesh_ny = %" PetscInt_FMT " is too fine for the GDE: allowed <= 4096",
             c->mesh.n[1]);
  PetscCall(AzCaseResolveMesh(c, M, NULL));
  PetscCall(PetscMalloc3(M[0] + 1, &xf[0], M[1] + 1, &xf[1], 2, &xf[2]));
  PetscCall(AzMesh1D(0, g->length, M[0], 0, NULL, 0, NULL, xf[0]));
  PetscCall(AzStackMesh(AZ_GDE_NLAYER, lm, 0, xf[1], layer_of_row));
  xf[2][0] = 0, xf[2][1] = g->width;

  // the dissolved reactant and its gas ("c_n2", "c_n2_gas"; O2 for the ORR), a full cell's anode's reactant
  PetscCall(PetscSNPrintf(name, sizeof(name), "c_%s", AzSpeciesFind(AzGasNames[c->reactant])->key));
  PetscCall(AzProblemAddSpecies(p, name, &sl));
  PetscCall(PetscStrlcat(name, "_gas", sizeof(name)));
  PetscCall(AzProblemAddSpecies(p, name, &sg));
  PetscCall(AzCaseAddAnodeSpecies(c, p, &sa));
  p->species[sl].scale = g->width * D_l;
  p->species[sg].scale = g->width * g->D_gas;
  if (sa != sl) p->species[sa].scale = g->width * c->sol.gas[AZ_GAS_N2].D;
  PetscCall(AzIonicAddSpecies(c, p));  // electrolyte_model tertiary: the ions
  if (c->potential) {                  // pinned (zero) in the gas-filled layers, which carry no ionic current
    PetscCall(AzProblemAddSpecies(p, "phi_l", NULL));
    p->species[p->s_phi].scale = g->width * c->conductivity / AZ_FARADAY;
  }
  for (PetscInt l = 0; l < AZ_GDE_NLAYER; l++) {
    AzRegion *r;
    g->region[l] = -1;
    if (!ny[l]) continue;
    PetscCall(AzProblemAddRegion(p, AzGDELayerNames[l], &g->region[l]));
    r = &p->region[g->region[l]];
    switch (l) {
    case AZ_GDE_GAS:  // toward the GDL the gas moves through stagnant vapour as in the pores; along the channel the
                      // plug flow carries the mixture and only binary counter-diffusion is left: D_x = D_AB
      AzRegionPorousGas(r, sg, g->D_gas, 1);
      r->aniso[0] = 1 - c->sol.gas[c->reactant].p_partial / c->P;
      break;
    case AZ_GDE_GDL:
    case AZ_GDE_MPL:
      AzRegionPorousGas(r, sg, g->D_gas, l == AZ_GDE_GDL ? g->pe.gdl_porosity : g->mpl_porosity);
      break;
    case AZ_GDE_CL:
      AzRegionCatalystLayer(r, &g->pe, c, sl, sg, p->s_phi, g->D_gas, g->c_gas_feed, c->conductivity);
      if (p->np) r->liquid_contact = PETSC_FALSE;  // (AzGDEValidateIonic: s < 1, the pores' gas dissolves through the film)
      PetscCall(AzIonicRegion(c, p, g->region[l], PetscPowReal(g->pe.cl_porosity * g->pe.saturation, 1.5), 0, PETSC_FALSE));
      break;
    case AZ_GDE_CATHOLYTE:
      r->present[sl] = PETSC_TRUE, r->D[sl] = D_l;
      if (p->s_phi >= 0) r->present[p->s_phi] = PETSC_TRUE, r->D[p->s_phi] = c->conductivity;
      PetscCall(AzIonicRegion(c, p, g->region[l], 1, 0, PETSC_FALSE));
      break;
    case AZ_GDE_MEMBRANE:  // no transport of dissolved gases
      if (p->s_phi >= 0) r->present[p->s_phi] = PETSC_TRUE, r->D[p->s_phi] = g->kappa_membrane;
      break;
    case AZ_GDE_ANOLYTE:  // the anode's reactant, where it takes one
      if (c->anode_reactant >= 0) r->present[sa] = PETSC_TRUE, r->D[sa] = c->sol.gas[c->anode_reactant].D;
      if (p->s_phi >= 0) r->present[p->s_phi] = PETSC_TRUE, r->D[p->s_phi] = c->conductivity;
      break;
    }
  }
  if (sa != sl && g->region[AZ_GDE_CATHOLYTE] >= 0)  // the catholyte's dissolved N2 beside the cathode's O2
    p->region[g->region[AZ_GDE_CATHOLYTE]].present[sa] = PETSC_TRUE, p->region[g->region[AZ_GDE_CATHOLYTE]].D[sa] = c->sol.gas[AZ_GAS_N2].D;
  PetscCall(AzProblemCreateGrid(p, 2, M, xf));
  PetscCall(PetscFree3(xf[0], xf[1], xf[2]));
  for (PetscInt j = p->grid.gxs[1]; j < p->grid.gxs[1] + p->grid.gxm[1]; j++)
    for (PetscInt i = p->grid.gxs[0]; i < p->grid.gxs[0] + p->grid.gxm[0]; i++)
      p->grid.tag[AzGridLocal(&p->grid, i, j, 0)] = g->region[layer_of_row[j]];

  // Plug flow in the gas channel; plane Poiseuille flow in the liquid channels, cell-averaged.
  PetscCall(PetscCalloc1(M[1], &p->ux));
  {
    PetscReal y = 0;  // bottom of each layer
    PetscInt  j = 0;
    for (PetscInt l = 0; l < AZ_GDE_NLAYER; j += ny[l], y += g->thickness[l], l++) {
      if (l == AZ_GDE_GAS)
        for (PetscInt q = j; q < j + ny[l]; q++) p->ux[q] = g->U[l];
      if (l == AZ_GDE_CATHOLYTE || l == AZ_GDE_ANOLYTE)
        AzPoiseuilleCellAverages(g->U[l], y, g->thickness[l], j, j + ny[l], p->grid.xf[1], p->ux);
    }
  }

  PetscCall(AzProblemSetUpBoundaries(p));
  {
    PetscReal v[AZ_MAX_SPECIES] = {0};
    v[sg]                       = g->c_gas_feed;
    PetscCall(AzProblemAddPatch(p, AZ_BC_INFLOW, v, &inlet_gas));
    PetscCall(AzProblemAddPatch(p, AZ_BC_DIRICHLET, v, &feed));
    v[sg] = 0, v[sl] = c_liq_in;
    if (sa != sl) v[sa] = g->inlet_saturation[AZ_GDE_CATHOLYTE] * c->sol.gas[AZ_GAS_N2].c_sat;
    PetscCall(AzIonicBulkValues(c, p, v));  // the ions enter at their bulk values
    PetscCall(AzProblemAddPatch(p, AZ_BC_INFLOW, v, &inlet_liq));
    v[sl] = 0;
    if (c->anode_reactant >= 0) v[sa] = g->inlet_saturation[AZ_GDE_ANOLYTE] * c->sol.gas[c->anode_reactant].c_sat;
    PetscCall(AzProblemAddPatch(p, AZ_BC_INFLOW, v, &inlet_an));
    PetscCall(AzProblemAddPatch(p, AZ_BC_OUTFLOW, NULL, &outlet));
  }
  for (PetscInt j = 0; j < M[1]; j++) {
    if (layer_of_row[j] == AZ_GDE_GAS) p->bc[0][j] = inlet_gas, p->bc[1][j] = outlet;
    if (layer_of_row[j] == AZ_GDE_CATHOLYTE) p->bc[0][j] = inlet_liq, p->bc[1][j] = outlet;
    if (layer_of_row[j] == AZ_GDE_ANOLYTE) p->bc[0][j] = inlet_an, p->bc[1][j] = outlet;
  }
  if (!g->gas_depletion)  // the feed sits on the GDL's gas face
    for (PetscInt i = 0; i < M[0]; i++) p->bc[2][i] = feed;
  if (c->anode_reaction != AZ_ANODE_NONE) {  // a full cell: the anode on the stack's far face, facing the catalyst layer
    PetscInt anode;
    PetscCall(AzProblemAddPatch(p, AZ_BC_ANODE, NULL, &anode));
    for (PetscInt i = 0; i < M[0]; i++) p->bc[3][i] = anode;
    p->anode      = c->anode;
    p->anode_area = g->length * g->width;
  } else if (g->catholyte_bulk) {  // the bulk beyond the catholyte's Nernst layer (and the potential's reference there)
    PetscInt bulk;
    PetscCall(AzProblemAddPatch(p, p->np ? AZ_BC_DIRICHLET : AZ_BC_BULK, p->patch[inlet_liq].value, &bulk));
    p->patch[bulk].potential = PETSC_TRUE;
    for (PetscInt i = 0; i < M[0]; i++) p->bc[3][i] = bulk;
  } else if (p->s_phi >= 0) {  // the counter electrode beyond the membrane (or the last layer): its potential the reference
    PetscInt counter;
    PetscCall(AzProblemAddPatch(p, AZ_BC_COUNTER, NULL, &counter));
    for (PetscInt i = 0; i < M[0]; i++) p->bc[3][i] = counter;
  }

  p->electrode      = c->electrode;
  p->electrode_area = g->length * g->width;
  p->T              = c->T;
  p->bulk           = c_sat;
  p->film           = AzPorousFilm(&g->pe);  // the liquid film over the catalyst
  PetscCall(AzProblemSetUpElectrodes(p, &c->activity));
  {
    PetscReal c0[AZ_MAX_SPECIES] = {0};
    c0[sl] = c_sat, c0[sg] = g->c_gas_feed;
    if (sa != sl) c0[sa] = c->sol.gas[AZ_GAS_N2].c_sat;
    PetscCall(AzIonicBulkValues(c, p, c0));
    PetscCall(AzProblemSetInitial(p, c0));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Volume averages of both species over each layer, for the summary.
static PetscErrorCode AzGDELayerAverages(AzProblem *p, PetscReal avg[][3])
{
  const AzGrid    *g = &p->grid;
  const PetscReal *c;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(avg, sizeof(PetscReal) * 3 * AZ_MAX_REGIONS));
  PetscCall(VecGetArrayRead(p->c, &c));
  AzForOwnedCells(g, i, j, k)
  {
    const PetscInt  r = g->tag[AzGridLocal(g, i, j, k)], o = AzGridOwned(g, i, j, k) * p->nspecies;
    const PetscReal V = AzGridVolume(g, i, j, k);
    avg[r][0] += V, avg[r][1] += V * c[o + AZ_N2], avg[r][2] += V * c[o + p->s_gas];
  }
  PetscCall(VecRestoreArrayRead(p->c, &c));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &avg[0][0], 3 * AZ_MAX_REGIONS, MPIU_REAL, MPIU_SUM, p->comm));
  for (PetscInt r = 0; r < p->nregion; r++)
    if (avg[r][0] > 0) avg[r][1] /= avg[r][0], avg[r][2] /= avg[r][0];
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzCellView_GDE(AzCase c, AzProblem *p, AzInfo *info)
{
  AzGDE          *g   = (AzGDE *)c->cell_ctx;
  const char     *gas = AzSpeciesFind(AzGasNames[c->reactant])->key;  // "n2", "o2"
  const PetscReal mu  = c->sol.viscosity;
  PetscReal       avg[AZ_MAX_REGIONS][3];
  char            key[64];

  PetscFunctionBeginUser;
  PetscCall(AzGDELayerAverages(p, avg));
  PetscCall(AzInfoReal(info, "electrode_area_m2", g->length * g->width, "m^2"));
  PetscCall(AzInfoReal(info, "roughness_factor", g->pe.a_v * g->thickness[AZ_GDE_CL], "-"));
  PetscCall(AzInfoReal(info, "film_thickness_m", AzPorousFilm(&g->pe), "m"));
  PetscCall(AzInfoReal(info, "kla_1_s", g->pe.a_v * c->sol.gas[c->reactant].D / AzPorousFilm(&g->pe), "1/s"));
  PetscCall(PetscSNPrintf(key, sizeof(key), "D_%s_gas_eff_m2_s", gas));
  PetscCall(AzInfoReal(info, key, g->D_gas, "m^2/s"));
  PetscCall(PetscSNPrintf(key, sizeof(key), "p_%s_feed_Pa", gas));
  PetscCall(AzInfoReal(info, key, c->sol.gas[c->reactant].p_partial, "Pa"));
  PetscCall(AzInfoReal(info, "gas_velocity_m_s", g->U[AZ_GDE_GAS], "m/s"));
  PetscCall(AzInfoReal(info, "catholyte_velocity_m_s", g->U[AZ_GDE_CATHOLYTE], "m/s"));
  PetscCall(AzInfoReal(info, "catholyte_reynolds", g->Re[AZ_GDE_CATHOLYTE], "-"));
  // the liquid channels' laminar pressure drops, 12 mu U L / h^2 (the gas channel's is not computed: no gas viscosity)
  for (PetscInt l = AZ_GDE_CATHOLYTE; l <= AZ_GDE_ANOLYTE; l += AZ_GDE_ANOLYTE - AZ_GDE_CATHOLYTE) {
    const PetscReal h = g->thickness[l];
    PetscCall(PetscSNPrintf(key, sizeof(key), "%s_pressure_drop_Pa", AzGDELayerNames[l]));
    PetscCall(
        AzInfoReal(info, l == AZ_GDE_CATHOLYTE ? "pressure_drop_Pa" : key, h > 0 ? 12 * mu * g->U[l] * g->length / (h * h) : 0, "Pa"));
  }
  for (PetscInt l = 0; l < AZ_GDE_NLAYER; l++) {
    if (g->region[l] < 0 || l >= AZ_GDE_CATHOLYTE) continue;
    PetscCall(PetscSNPrintf(key, sizeof(key), "p_%s_%s_Pa", gas, AzGDELayerNames[l]));
    PetscCall(AzInfoReal(info, key, avg[g->region[l]][2] * AZ_GAS_CONSTANT * c->T, "Pa"));
  }
  if (g->region[AZ_GDE_CATHOLYTE] >= 0) {
    PetscCall(PetscSNPrintf(key, sizeof(key), "c_%s_catholyte_mol_m3", gas));
    PetscCall(AzInfoReal(info, key, avg[g->region[AZ_GDE_CATHOLYTE]][1], "mol/m^3"));
  }
  if (g->region[AZ_GDE_ANOLYTE] >= 0) {
    PetscCall(AzInfoReal(info, "anolyte_velocity_m_s", g->U[AZ_GDE_ANOLYTE], "m/s"));
    PetscCall(AzInfoReal(info, "anolyte_reynolds", g->Re[AZ_GDE_ANOLYTE], "-"));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The Sherwood number's length: the gas path from the channel to the catalyst (GDL + MPL + CL).
static PetscErrorCode AzCellSherwoodLength_GDE(AzCase c, PetscReal *L)
{
  AzGDE *g = (AzGDE *)c->cell_ctx;

  PetscFunctionBeginUser;
  *L = g->thickness[AZ_GDE_GDL] + g->thickness[AZ_GDE_MPL] + g->thickness[AZ_GDE_CL];
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCellCreate_GDE(AzCellOps *ops)
{
  PetscFunctionBeginUser;
  ops->name            = "gde";
  ops->ionic           = PETSC_TRUE;  // with a catholyte, no membrane (AzGDEValidateIonic)
  ops->description     = "gas-diffusion electrode: gas channel, porous layers, catalyst layer, catholyte[, membrane, anolyte]";
  ops->setfromoptions  = AzCellSetFromOptions_GDE;
  ops->validate        = AzCellValidate_GDE;
  ops->setup           = AzCellSetUp_GDE;
  ops->view            = AzCellView_GDE;
  ops->sherwood_length = AzCellSherwoodLength_GDE;
  PetscFunctionReturn(PETSC_SUCCESS);
}
