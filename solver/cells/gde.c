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
#include <azote/case.h>

enum { AZ_GDE_GAS, AZ_GDE_GDL, AZ_GDE_MPL, AZ_GDE_CL, AZ_GDE_CATHOLYTE, AZ_GDE_MEMBRANE, AZ_GDE_NLAYER };
static const char *const AzGDELayerNames[AZ_GDE_NLAYER] = {"gas_channel", "gdl", "mpl", "cl", "catholyte", "membrane"};

typedef struct {
  PetscReal length, width;                  // electrode (and channels) along x, out of plane, m
  PetscReal gas_height, gas_flow_rate;      // gas channel, m and m^3/s at the operating T and P
  PetscBool gas_depletion;                  // solve the gas channel (else the feed sits on the GDL)
  PetscReal thickness[AZ_GDE_NLAYER];       // m (gas channel and catholyte: their heights)
  PetscReal porosity[AZ_GDE_NLAYER];        // GDL, MPL, CL (-)
  PetscReal saturation;                     // catalyst-layer liquid saturation (-)
  PetscReal a_v;                            // active area per catalyst-layer volume, m^-1
  PetscReal kappa_ionomer, kappa_membrane;  // S/m: the catalyst layer's ionomer network (effective), the membrane
  PetscReal film_dry, film_flooded;         // liquid film over the catalyst at s = 0 and s = 1, m
  PetscReal catholyte_flow_rate;            // m^3/s
  PetscReal catholyte_inlet_saturation;     // -
  PetscReal U_gas, U_liq, Re_liq;           // mean velocities (m/s), catholyte Reynolds number
  PetscReal D_gas;                          // N2 through the stagnant rest of the gas, D_N2-H2O / y_B, m^2/s
  PetscReal c_gas_feed;                     // gas-phase N2 of the feed, mol/m^3
  PetscInt  region[AZ_GDE_NLAYER];          // region index of each layer (-1: absent)
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
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_gdl_thickness", "gas diffusion layer thickness", "m", 2.5e-4, AZ_RANGE(1e-8, 0.01),
                          &g->thickness[AZ_GDE_GDL], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_gdl_porosity", "gas diffusion layer porosity", "-", 0.76, AZ_RANGE_OPEN_LO(0, 1),
                          &g->porosity[AZ_GDE_GDL], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_mpl_thickness",
                          "microporous (second gas diffusion) layer thickness; 0: none, else >= 1e-8", "m", 0, AZ_RANGE(0, 0.01),
                          &g->thickness[AZ_GDE_MPL], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_mpl_porosity", "microporous layer porosity", "-", 0.45, AZ_RANGE_OPEN_LO(0, 1),
                          &g->porosity[AZ_GDE_MPL], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_cl_thickness", "catalyst layer thickness", "m", 1e-5, AZ_RANGE(1e-8, 1e-3),
                          &g->thickness[AZ_GDE_CL], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_cl_porosity", "catalyst layer porosity", "-", 0.4, AZ_RANGE_OPEN_LO(0, 1),
                          &g->porosity[AZ_GDE_CL], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_saturation", "catalyst-layer liquid saturation: the degree of flooding", "-", 0,
                          AZ_RANGE(0, 1), &g->saturation, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_specific_area", "electrochemically active area per catalyst-layer volume", "1/m", 1e7,
                          AZ_POSITIVE, &g->a_v, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_film_thickness", "liquid film over the catalyst in a dry layer (s = 0)", "m", 1e-7,
                          AZ_RANGE_OPEN_LO(0, 1e-3), &g->film_dry, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_flooded_film_thickness", "liquid film over the catalyst when flooded (s = 1)", "m", 1e-5,
                          AZ_RANGE_OPEN_LO(0, 1e-2), &g->film_flooded, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_catholyte_thickness",
                          "catholyte channel height; 0: catalyst layer on the membrane, else >= 1e-8", "m", 1e-3, AZ_RANGE(0, 0.1),
                          &g->thickness[AZ_GDE_CATHOLYTE], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_catholyte_flow_rate", "catholyte volumetric flow rate", "m^3/s", 1.667e-8,
                          AZ_NONNEGATIVE, &g->catholyte_flow_rate, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_catholyte_inlet_saturation", "catholyte inlet N2 as a fraction of saturation", "-", 1.0,
                          AZ_RANGE(0, 1), &g->catholyte_inlet_saturation, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_membrane_thickness", "membrane thickness (impermeable to N2); 0: none, else >= 1e-8",
                          "m", 1.83e-4, AZ_RANGE(0, 0.01), &g->thickness[AZ_GDE_MEMBRANE], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_membrane_conductivity", "ionic conductivity of the membrane (electrolyte_potential)",
                          "S/m", 10, AZ_POSITIVE, &g->kappa_membrane, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "gde_cl_ionomer_conductivity",
                          "effective ionic conductivity of the catalyst layer's ionomer, added to its liquid's (electrolyte_potential)",
                          "S/m", 1, AZ_NONNEGATIVE, &g->kappa_ionomer, NULL));
  PetscOptionsEnd();
  // A layer is a continuum of pores and liquid: 10 nm, a few molecules, is the least (thinner, the solve fails to converge
  // instead); gas channel, GDL and catalyst layer have their range, the optional layers may be 0 (none).
  {
    const char *key[] = {"gde_mpl_thickness", "gde_catholyte_thickness", "gde_membrane_thickness"};
    const int   l[]   = {AZ_GDE_MPL, AZ_GDE_CATHOLYTE, AZ_GDE_MEMBRANE};
    for (int k = 0; k < 3; k++)
      PetscCheck(g->thickness[l[k]] == 0 || g->thickness[l[k]] >= 1e-8, c->comm, PETSC_ERR_USER_INPUT,
                 "-%s = %g m is thinner than a layer can be: allowed 0 (none) or 1e-08 m (10 nm) and more", key[k],
                 (double)g->thickness[l[k]]);
  }
  PetscCheck(g->film_flooded >= g->film_dry, c->comm, PETSC_ERR_USER_INPUT,
             "-gde_flooded_film_thickness = %g m is thinner than the dry film: allowed >= gde_film_thickness = %g m",
             (double)g->film_flooded, (double)g->film_dry);
  PetscCheck(g->thickness[AZ_GDE_CATHOLYTE] == 0 || g->catholyte_flow_rate > 0, c->comm, PETSC_ERR_USER_INPUT,
             "-gde_catholyte_flow_rate = 0 with a catholyte channel of %g m: allowed > 0 (or set gde_catholyte_thickness 0)",
             (double)g->thickness[AZ_GDE_CATHOLYTE]);
  if (!g->gas_depletion) g->thickness[AZ_GDE_GAS] = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzCellValidate_GDE(AzCase c)
{
  AzGDE          *g = (AzGDE *)c->cell_ctx;
  const PetscReal h = g->thickness[AZ_GDE_CATHOLYTE];

  PetscFunctionBeginUser;
  PetscCheck(c->reactant == AZ_GAS_N2, c->comm, PETSC_ERR_USER_INPUT,
             "-electrode_reaction = %s is not available for the gde cell yet (its gas phase carries N2 only): use n2rr or n2or",
             AzElectrodeMain(&c->electrode)->info->name);
  PetscCheck(c->anode_reaction == AZ_ANODE_NONE, c->comm, PETSC_ERR_USER_INPUT,
             "-anode_reaction = %s is not available for the gde cell yet: its counter electrode stands beyond the membrane",
             c->anode_choices[c->anode_reaction]);
  PetscCheck(c->mesh.n[0] == 0 || c->mesh.n[0] >= 2, c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_nx = %" PetscInt_FMT " is too coarse for the GDE: allowed 0 (the default, 40) or >= 2", c->mesh.n[0]);
  PetscCheck(c->mesh.n[1] == 0 || c->mesh.n[1] >= 20, c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_ny = %" PetscInt_FMT " is too coarse for the GDE's layers: allowed 0 (the default) or >= 20", c->mesh.n[1]);
  PetscCheck(c->sol.gas[AZ_GAS_N2].y_dry > 0, c->comm, PETSC_ERR_USER_INPUT,
             "-gas_composition = '%s' has no N2: a GDE needs N2 in its feed", c->gas_spec);
  g->U_gas      = g->gas_depletion ? g->gas_flow_rate / (g->width * g->thickness[AZ_GDE_GAS]) : 0;
  g->U_liq      = h > 0 ? g->catholyte_flow_rate / (g->width * h) : 0;
  g->Re_liq     = h > 0 ? c->sol.liquid.density * g->U_liq * (2 * g->width * h / (g->width + h)) / c->sol.viscosity : 0;
  g->c_gas_feed = c->sol.gas[AZ_GAS_N2].p_partial / (AZ_GAS_CONSTANT * c->T);
  PetscCheck(g->Re_liq < 2000, c->comm, PETSC_ERR_USER_INPUT,
             "-gde_catholyte_flow_rate = %g m^3/s gives Re = %.0f in the catholyte channel: the laminar profile needs Re < 2000",
             (double)g->catholyte_flow_rate, (double)g->Re_liq);
  {
    PetscErrorCode ierr;
    PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
    ierr = AzGasDiffusivitySolventVapor(AZ_GAS_N2, &c->solvent, c->T, c->P, &g->D_gas);
    PetscCall(PetscPopErrorHandler());
    PetscCheck(!ierr, c->comm, PETSC_ERR_USER_INPUT, "-operating_temperature/-operating_pressure: no N2-H2O gas diffusivity at %g K, %g Pa",
               (double)c->T, (double)c->P);
    g->D_gas /= 1 - c->sol.gas[AZ_GAS_N2].p_partial / c->P;  // through the stagnant inert fraction y_B > 0 (p_vap > 0)
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Liquid film over the catalyst at saturation s (m): thickens linearly from the dry to the flooded film.
static PetscReal AzGDEFilm(const AzGDE *g)
{
  return g->film_dry + g->saturation * (g->film_flooded - g->film_dry);
}

static PetscErrorCode AzCellSetUp_GDE(AzCase c, AzProblem *p)
{
  AzGDE          *g   = (AzGDE *)c->cell_ctx;
  const PetscReal D_l = c->sol.gas[AZ_GAS_N2].D, s = g->saturation;
  const PetscReal c_sat = c->sol.gas[AZ_GAS_N2].c_sat, c_liq_in = g->catholyte_inlet_saturation * c_sat;
  // default cells per layer through the plane; the catalyst layer gets the most
  const PetscInt ny_default[AZ_GDE_NLAYER] = {8, 16, 8, 32, 24, 2};
  PetscInt       M[3] = {c->mesh.n[0] ? c->mesh.n[0] : 40, 0, 1}, ny[AZ_GDE_NLAYER], ny_total = 0, at = 0;
  PetscInt       sl, sg, inlet_gas, inlet_liq, outlet, feed;
  PetscReal     *xf[3], y0 = 0, ry = c->mesh.refine[1] ? c->mesh.refine[1] : 4;
  PetscInt       layer_of_row[4096];

  PetscFunctionBeginUser;
  for (PetscInt l = 0; l < AZ_GDE_NLAYER; l++) ny_total += g->thickness[l] > 0 ? ny_default[l] : 0;
  for (PetscInt l = 0; l < AZ_GDE_NLAYER; l++) {
    ny[l] = g->thickness[l] > 0 ? ny_default[l] : 0;
    if (c->mesh.n[1] && ny[l]) ny[l] = PetscMax(2, (ny[l] * c->mesh.n[1] + ny_total / 2) / ny_total);
    M[1] += ny[l];
  }
  PetscCheck(M[1] <= 4096, c->comm, PETSC_ERR_USER_INPUT, "-mesh_ny = %" PetscInt_FMT " is too fine for the GDE: allowed <= 4096",
             c->mesh.n[1]);
  PetscCall(AzCaseResolveMesh(c, M, NULL));
  PetscCall(PetscMalloc3(M[0] + 1, &xf[0], M[1] + 1, &xf[1], 2, &xf[2]));
  PetscCall(AzMesh1D(0, g->length, M[0], 0, NULL, 0, NULL, xf[0]));
  // Through the plane, layer by layer: finer toward the catalyst layer on both sides of it.
  for (PetscInt l = 0; l < AZ_GDE_NLAYER; l++) {
    const PetscReal t = g->thickness[l];
    if (!ny[l]) continue;
    if (l == AZ_GDE_CL || l == AZ_GDE_MEMBRANE)
      PetscCall(AzMesh1D(y0, y0 + t, ny[l], 0, NULL, 0, NULL, xf[1] + at));
    else {
      const PetscReal     toward = l < AZ_GDE_CL ? y0 + t : y0;  // the side facing the catalyst layer
      const AzRefinePoint ref[1] = {{toward, toward, ry, t / 4}};
      PetscCall(AzMesh1D(y0, y0 + t, ny[l], 1, ref, 0, NULL, xf[1] + at));
    }
    for (PetscInt j = at; j < at + ny[l]; j++) layer_of_row[j] = l;
    at += ny[l];
    y0 += t;
  }
  xf[2][0] = 0, xf[2][1] = g->width;

  PetscCall(AzProblemAddSpecies(p, "c_n2", &sl));
  PetscCall(AzProblemAddSpecies(p, "c_n2_gas", &sg));
  p->species[sl].scale = g->width * D_l;
  p->species[sg].scale = g->width * g->D_gas;
  if (c->potential) {  // pinned (zero) in the gas-filled layers, which carry no ionic current
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
    case AZ_GDE_GAS:  // toward the GDL the N2 moves through stagnant vapour as in the pores; along the channel the
                      // plug flow carries the mixture and only binary counter-diffusion is left: D_x = D_N2,B
      r->present[sg] = PETSC_TRUE, r->D[sg] = g->D_gas;
      r->aniso[0] = 1 - c->sol.gas[AZ_GAS_N2].p_partial / c->P;
      break;
    case AZ_GDE_GDL:
    case AZ_GDE_MPL:  // Bruggeman: D_eff = D eps^1.5
      r->present[sg] = PETSC_TRUE, r->D[sg] = g->D_gas * PetscPowReal(g->porosity[l], 1.5);
      break;
    case AZ_GDE_CL:
      r->present[sg] = r->present[sl] = PETSC_TRUE;
      r->D[sg]                        = g->D_gas * PetscPowReal(g->porosity[l] * (1 - s), 1.5);
      r->D[sl]                        = D_l * PetscPowReal(g->porosity[l] * s, 1.5);
      r->a_v                          = g->a_v;
      r->kla                          = g->a_v * D_l / AzGDEFilm(g);
      r->c_eq                         = c_sat;
      r->c_gas_ref                    = g->c_gas_feed;
      r->dceq_dcg                     = c->sol.gas[AZ_GAS_N2].dc_sat_dp * AZ_GAS_CONSTANT * c->T;
      // The liquid in the pores meets the gas diffusion layer's gas at their common face: N2 dissolves there (Henry's
      // law at the face) and diffuses on through the liquid, D (eps s)^1.5 (AzInterfaceSpecies). Flooded (s = 1), the
      // layer has no gas left and this is its only path: a slab fed at one face, the Thiele problem.
      r->liquid_contact = PETSC_TRUE;
      // ionic current through the pores' liquid (Bruggeman) and the ionomer network
      if (p->s_phi >= 0)
        r->present[p->s_phi] = PETSC_TRUE, r->D[p->s_phi] = c->conductivity * PetscPowReal(g->porosity[l] * s, 1.5) + g->kappa_ionomer;
      break;
    case AZ_GDE_CATHOLYTE:
      r->present[sl] = PETSC_TRUE, r->D[sl] = D_l;
      if (p->s_phi >= 0) r->present[p->s_phi] = PETSC_TRUE, r->D[p->s_phi] = c->conductivity;
      break;
    case AZ_GDE_MEMBRANE:  // no N2 transport
      if (p->s_phi >= 0) r->present[p->s_phi] = PETSC_TRUE, r->D[p->s_phi] = g->kappa_membrane;
      break;
    }
  }
  PetscCall(AzProblemCreateGrid(p, 2, M, xf));
  PetscCall(PetscFree3(xf[0], xf[1], xf[2]));
  for (PetscInt j = p->grid.gxs[1]; j < p->grid.gxs[1] + p->grid.gxm[1]; j++)
    for (PetscInt i = p->grid.gxs[0]; i < p->grid.gxs[0] + p->grid.gxm[0]; i++)
      p->grid.tag[AzGridLocal(&p->grid, i, j, 0)] = g->region[layer_of_row[j]];

  // Plug flow in the gas channel; plane Poiseuille flow in the catholyte, cell-averaged.
  PetscCall(PetscCalloc1(M[1], &p->ux));
  {
    const PetscReal h      = g->thickness[AZ_GDE_CATHOLYTE];
    PetscReal       y_cath = 0;  // bottom of the catholyte channel
    for (PetscInt l = 0; l < AZ_GDE_CATHOLYTE; l++) y_cath += g->thickness[l];
    for (PetscInt j = 0; j < M[1]; j++) {
      if (layer_of_row[j] == AZ_GDE_GAS) p->ux[j] = g->U_gas;
      if (layer_of_row[j] == AZ_GDE_CATHOLYTE) {
        const PetscReal y0 = (p->grid.xf[1][j] - y_cath) / h, y1 = (p->grid.xf[1][j + 1] - y_cath) / h;
        p->ux[j] = 6 * g->U_liq * ((y1 * y1 - y0 * y0) / 2 - (y1 * y1 * y1 - y0 * y0 * y0) / 3) / (y1 - y0);
      }
    }
  }

  PetscCall(AzProblemSetUpBoundaries(p));
  {
    PetscReal v[AZ_MAX_SPECIES] = {0};
    v[sg]                       = g->c_gas_feed;
    PetscCall(AzProblemAddPatch(p, AZ_BC_INFLOW, v, &inlet_gas));
    PetscCall(AzProblemAddPatch(p, AZ_BC_DIRICHLET, v, &feed));
    v[sg] = 0, v[sl] = c_liq_in;
    PetscCall(AzProblemAddPatch(p, AZ_BC_INFLOW, v, &inlet_liq));
    PetscCall(AzProblemAddPatch(p, AZ_BC_OUTFLOW, NULL, &outlet));
  }
  for (PetscInt j = 0; j < M[1]; j++) {
    if (layer_of_row[j] == AZ_GDE_GAS) p->bc[0][j] = inlet_gas, p->bc[1][j] = outlet;
    if (layer_of_row[j] == AZ_GDE_CATHOLYTE) p->bc[0][j] = inlet_liq, p->bc[1][j] = outlet;
  }
  if (!g->gas_depletion)  // the feed sits on the GDL's gas face
    for (PetscInt i = 0; i < M[0]; i++) p->bc[2][i] = feed;
  if (p->s_phi >= 0) {  // the counter electrode beyond the membrane (or the last layer): its potential the reference
    PetscInt counter;
    PetscCall(AzProblemAddPatch(p, AZ_BC_COUNTER, NULL, &counter));
    for (PetscInt i = 0; i < M[0]; i++) p->bc[3][i] = counter;
  }

  p->electrode      = c->electrode;
  p->electrode_area = g->length * g->width;
  p->T              = c->T;
  p->bulk           = c_sat;
  p->film           = AzGDEFilm(g);  // the liquid film over the catalyst
  PetscCall(AzProblemSetUpElectrodes(p, &c->activity));
  {
    PetscReal c0[AZ_MAX_SPECIES] = {0};
    c0[sl] = c_sat, c0[sg] = g->c_gas_feed;
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
  AzGDE    *g = (AzGDE *)c->cell_ctx;
  PetscReal avg[AZ_MAX_REGIONS][3];
  char      key[64];

  PetscFunctionBeginUser;
  PetscCall(AzGDELayerAverages(p, avg));
  PetscCall(AzInfoReal(info, "electrode_area_m2", g->length * g->width, "m^2"));
  PetscCall(AzInfoReal(info, "roughness_factor", g->a_v * g->thickness[AZ_GDE_CL], "-"));
  PetscCall(AzInfoReal(info, "film_thickness_m", AzGDEFilm(g), "m"));
  PetscCall(AzInfoReal(info, "kla_1_s", g->a_v * c->sol.gas[AZ_GAS_N2].D / AzGDEFilm(g), "1/s"));
  PetscCall(AzInfoReal(info, "D_n2_gas_eff_m2_s", g->D_gas, "m^2/s"));
  PetscCall(AzInfoReal(info, "p_n2_feed_Pa", c->sol.gas[AZ_GAS_N2].p_partial, "Pa"));
  PetscCall(AzInfoReal(info, "gas_velocity_m_s", g->U_gas, "m/s"));
  PetscCall(AzInfoReal(info, "catholyte_velocity_m_s", g->U_liq, "m/s"));
  PetscCall(AzInfoReal(info, "catholyte_reynolds", g->Re_liq, "-"));
  for (PetscInt l = 0; l < AZ_GDE_NLAYER; l++) {
    if (g->region[l] < 0 || l == AZ_GDE_CATHOLYTE || l == AZ_GDE_MEMBRANE) continue;
    PetscCall(PetscSNPrintf(key, sizeof(key), "p_n2_%s_Pa", AzGDELayerNames[l]));
    PetscCall(AzInfoReal(info, key, avg[g->region[l]][2] * AZ_GAS_CONSTANT * c->T, "Pa"));
  }
  if (g->region[AZ_GDE_CATHOLYTE] >= 0)
    PetscCall(AzInfoReal(info, "c_n2_catholyte_mol_m3", avg[g->region[AZ_GDE_CATHOLYTE]][1], "mol/m^3"));
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
  ops->description     = "gas-diffusion electrode: gas channel, porous layers, catalyst layer, catholyte";
  ops->setfromoptions  = AzCellSetFromOptions_GDE;
  ops->validate        = AzCellValidate_GDE;
  ops->setup           = AzCellSetUp_GDE;
  ops->view            = AzCellView_GDE;
  ops->sherwood_length = AzCellSherwoodLength_GDE;
  PetscFunctionReturn(PETSC_SUCCESS);
}
