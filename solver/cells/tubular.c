// The microtubular gas-diffusion electrode (issue 21; the seed review's Figure 10C, Wei et al., ChemElectroChem 7,
// 4679 (2020), the review's ref. 139): the gas flows inside a porous tube whose wall is a gas diffusion layer carrying
// the catalyst layer on its outer surface, the tube immersed in electrolyte. Axisymmetric, in (z, r) on the r-z grid
// (include/azote/grid.h: face areas 2 pi r dz, volumes pi (r_o^2 - r_i^2) dz), from the axis outward:
//   bore 0 < r < r_i (the feed in plug flow along z, consumed as it goes; or, tubular_gas_depletion false, the feed
//   held on the wall's inner face) | GDL | catalyst layer (flooding as the planar GDE's, include/azote/porous.h, the gas
//   dissolving at the GDL|catalyst-layer face too) | electrolyte,
// the electrolyte either stagnant beyond a Nernst diffusion layer of thickness delta (the bulk, saturated to a fraction
// with the feed gas, at r_o + delta; the tube in an H-cell, as Wei et al. used it) or flowing along the tube in a
// coaxial annulus r_o < r < R_a with the fully developed laminar annular profile (Bird, Stewart & Lightfoot, Transport
// Phenomena, 2nd ed., §2.4; exact cell averages), saturated to a fraction at its inlet. Current densities are per the
// tube's outer (geometric) area 2 pi r_o L. With the electrolyte potential the counter electrode's reference is the
// bulk (stagnant) or the annulus' outer wall (a coaxial counter electrode).
#include <azote/porous.h>

typedef enum { AZ_TUBE_STAGNANT, AZ_TUBE_ANNULUS } AzTubeElectrolyte;
static const char *const AzTubeElectrolytes[] = {"stagnant", "annulus", NULL};

enum { AZ_TUBE_BORE, AZ_TUBE_GDL, AZ_TUBE_CL, AZ_TUBE_ELECTROLYTE, AZ_TUBE_NLAYER };
static const char *const AzTubeLayers[AZ_TUBE_NLAYER] = {"bore", "gdl", "cl", "electrolyte"};

typedef struct {
  PetscReal         r_in, length;                 // bore radius, tube length, m
  PetscReal         gas_flow_rate;                // m^3/s at the operating T and P
  PetscBool         gas_depletion;                // solve the bore (else the feed sits on the wall's inner face)
  AzPorousElectrode pe;                           // the wall: GDL and catalyst layer
  PetscInt          electrolyte;                  // AzTubeElectrolyte
  PetscReal         delta, r_annulus, flow_rate;  // Nernst layer (m), annulus outer radius (m) and flow rate (m^3/s)
  PetscReal         saturation;                   // the electrolyte's dissolved reactant, a fraction of saturation (-)
  PetscReal         thickness[AZ_TUBE_NLAYER];    // m (the bore: its radius)
  PetscReal         U_gas, U_liq, Re, driving;    // mean velocities (m/s), annulus Reynolds number, G/mu of the annulus
  PetscReal         D_gas, c_gas_feed;            // the reactant's gas diffusivity (m^2/s) and feed (mol/m^3)
  PetscInt          region[AZ_TUBE_NLAYER];
} AzTubular;

static PetscReal AzTubeOuterRadius(const AzTubular *t)
{
  return t->r_in + t->pe.gdl_thickness + t->pe.cl_thickness;
}

static PetscErrorCode AzCellSetFromOptions_Tubular(AzCase c)
{
  AzTubular *t;

  PetscFunctionBeginUser;
  PetscCall(PetscNew(&t));
  c->cell_ctx = t;
  PetscOptionsBegin(c->comm, NULL, "tubular", NULL);
  PetscCall(AzOptionsReal(PetscOptionsObject, "tubular_inner_radius", "inner radius of the porous tube (the gas bore)", "m", 5e-4,
                          AZ_RANGE(1e-6, 0.5), &t->r_in, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "tubular_length", "length of the tube in the electrolyte (the electrode's)", "m", 0.02,
                          AZ_RANGE_OPEN_LO(0, 1), &t->length, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "tubular_gas_flow_rate", "feed gas flow rate into the bore at the operating T and P", "m^3/s",
                          8.33e-8, AZ_RANGE_OPEN_LO(0, 1e-2), &t->gas_flow_rate, NULL));
  PetscCall(AzOptionsBool(PetscOptionsObject, "tubular_gas_depletion", "solve the bore, whose feed is depleted along the tube", PETSC_TRUE,
                          &t->gas_depletion, NULL));
  PetscCall(AzPorousElectrodeOptions(PetscOptionsObject, c->comm, "tubular", 2e-4, &t->pe));
  PetscCall(AzOptionsEnum(PetscOptionsObject, "tubular_electrolyte",
                          "the electrolyte outside the tube: stagnant (a Nernst diffusion layer to the bulk) or annulus (flowing along "
                          "the tube in a coaxial channel)",
                          AzTubeElectrolytes, AZ_TUBE_STAGNANT, &t->electrolyte, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "tubular_delta", "Nernst diffusion layer around the tube (electrolyte stagnant)", "m", 1e-4,
                          AZ_RANGE(1e-7, 0.01), &t->delta, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "tubular_annulus_radius", "outer radius of the annular channel (electrolyte annulus)", "m",
                          2e-3, AZ_RANGE_OPEN_LO(0, 1), &t->r_annulus, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "tubular_annulus_flow_rate",
                          "electrolyte flow rate through the annulus (electrolyte annulus)", "m^3/s", 1.667e-8, AZ_RANGE_OPEN_LO(0, 1e-2),
                          &t->flow_rate, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "tubular_electrolyte_saturation",
                          "the electrolyte's dissolved reactant (bulk, or annulus inlet) as a fraction of saturation with the feed gas",
                          "-", 1, AZ_RANGE(0, 1), &t->saturation, NULL));
  PetscOptionsEnd();
  t->thickness[AZ_TUBE_BORE] = t->gas_depletion ? t->r_in : 0;
  t->thickness[AZ_TUBE_GDL] = t->pe.gdl_thickness, t->thickness[AZ_TUBE_CL] = t->pe.cl_thickness;
  t->thickness[AZ_TUBE_ELECTROLYTE] = t->electrolyte == AZ_TUBE_STAGNANT ? t->delta : t->r_annulus - AzTubeOuterRadius(t);
  PetscCheck(t->electrolyte == AZ_TUBE_STAGNANT || t->thickness[AZ_TUBE_ELECTROLYTE] >= 1e-6, c->comm, PETSC_ERR_USER_INPUT,
             "-tubular_annulus_radius = %g m does not clear the tube: allowed >= its outer radius %g m (inner radius + "
             "tubular_gdl_thickness + tubular_cl_thickness) + 1e-6 m",
             (double)t->r_annulus, (double)AzTubeOuterRadius(t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzCellValidate_Tubular(AzCase c)
{
  AzTubular      *t  = (AzTubular *)c->cell_ctx;
  const PetscReal ro = AzTubeOuterRadius(t);

  PetscFunctionBeginUser;
  PetscCheck(c->anode_reaction == AZ_ANODE_NONE, c->comm, PETSC_ERR_USER_INPUT,
             "-anode_reaction = %s: the tubular template's counter electrode is beyond its electrolyte (the bulk or the annulus' wall); "
             "full cells: membraneflow or gde",
             c->anode_choices[c->anode_reaction]);
  PetscCheck(c->mesh.n[0] == 0 || c->mesh.n[0] >= 2, c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_nx = %" PetscInt_FMT " is too coarse for the tube: allowed 0 (the default, 40) or >= 2", c->mesh.n[0]);
  PetscCheck(c->mesh.n[1] == 0 || c->mesh.n[1] >= 16, c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_ny = %" PetscInt_FMT " is too coarse for the tube's layers: allowed 0 (the default) or >= 16", c->mesh.n[1]);
  PetscCheck(c->sol.gas[c->reactant].y_dry > 0, c->comm, PETSC_ERR_USER_INPUT, "-gas_composition = '%s' has no %s: the tube feeds %s",
             c->gas_spec, AzGasNames[c->reactant], AzGasNames[c->reactant]);
  t->U_gas      = t->gas_flow_rate / (PETSC_PI * t->r_in * t->r_in);
  t->c_gas_feed = c->sol.gas[c->reactant].p_partial / (AZ_GAS_CONSTANT * c->T);
  if (t->electrolyte == AZ_TUBE_ANNULUS) {
    const PetscReal dh = 2 * (t->r_annulus - ro), area = PETSC_PI * (t->r_annulus * t->r_annulus - ro * ro);
    t->U_liq   = t->flow_rate / area;
    t->Re      = c->sol.liquid.density * t->U_liq * dh / c->sol.viscosity;
    t->driving = AzAnnulusDriving(ro, t->r_annulus, t->flow_rate);
    PetscCheck(t->Re < 2000, c->comm, PETSC_ERR_USER_INPUT,
               "-tubular_annulus_flow_rate = %g m^3/s gives Re = %.0f in the annulus: the laminar profile needs Re < 2000",
               (double)t->flow_rate, (double)t->Re);
    PetscCheck(t->driving * c->sol.viscosity * t->length <= 0.1 * c->P, c->comm, PETSC_ERR_USER_INPUT,
               "-tubular_annulus_flow_rate = %g m^3/s: a pressure drop of %.4g Pa along the annulus, more than 10 %% of operating_pressure "
               "= %g Pa (the cell is modelled at one pressure): lower the flow rate or widen the annulus",
               (double)t->flow_rate, (double)(t->driving * c->sol.viscosity * t->length), (double)c->P);
  }
  PetscCall(AzReactantGasDiffusivity(c, &t->D_gas));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzCellSetUp_Tubular(AzCase c, AzProblem *p)
{
  AzTubular      *t   = (AzTubular *)c->cell_ctx;
  const PetscReal D_l = c->sol.gas[c->reactant].D, c_sat = c->sol.gas[c->reactant].c_sat, ro = AzTubeOuterRadius(t);
  const PetscReal c_liq = t->saturation * c_sat;
  // the planar GDE's default cells in its GDL and catalyst layer (the limit of a wide tube is that template's mesh)
  const PetscInt  ny_default[AZ_TUBE_NLAYER] = {8, 16, 32, 24}, toward[AZ_TUBE_NLAYER] = {1, 1, 0, -1};
  const PetscReal ry = c->mesh.refine[1] ? c->mesh.refine[1] : 4, rx = c->mesh.refine[0] ? c->mesh.refine[0] : 1;
  PetscInt        M[3] = {c->mesh.n[0] ? c->mesh.n[0] : 40, 0, 1}, ny[AZ_TUBE_NLAYER], ny_total = 0, layer_of_row[4096];
  PetscInt        sl, sg, inlet_gas, inlet_liq, outlet, feed, outer;
  PetscReal      *xf[3];
  AzLayerMesh     lm[AZ_TUBE_NLAYER];
  char            name[32];

  PetscFunctionBeginUser;
  for (PetscInt l = 0; l < AZ_TUBE_NLAYER; l++) ny_total += t->thickness[l] > 0 ? ny_default[l] : 0;
  for (PetscInt l = 0; l < AZ_TUBE_NLAYER; l++) {
    ny[l] = t->thickness[l] > 0 ? ny_default[l] : 0;
    if (c->mesh.n[1] && ny[l]) ny[l] = PetscMax(2, (ny[l] * c->mesh.n[1] + ny_total / 2) / ny_total);
    M[1] += ny[l];
    lm[l] = (AzLayerMesh){t->thickness[l], ny[l], t->electrolyte == AZ_TUBE_ANNULUS && l == AZ_TUBE_ELECTROLYTE ? 2 : toward[l], ry};
  }
  PetscCheck(M[1] <= 4096, c->comm, PETSC_ERR_USER_INPUT, "-mesh_ny = %" PetscInt_FMT " is too fine for the tube: allowed <= 4096",
             c->mesh.n[1]);
  PetscCall(AzCaseResolveMesh(c, M, NULL));
  PetscCall(PetscMalloc3(M[0] + 1, &xf[0], M[1] + 1, &xf[1], 2, &xf[2]));
  {
    const AzRefinePoint ref[1] = {{0, 0, rx, t->length / 10}};  // the annulus' developing boundary layer at the inlet
    PetscCall(AzMesh1D(0, t->length, M[0], rx > 1 ? 1 : 0, ref, 0, NULL, xf[0]));
  }
  PetscCall(AzStackMesh(AZ_TUBE_NLAYER, lm, t->gas_depletion ? 0 : t->r_in, xf[1], layer_of_row));
  xf[2][0] = 0, xf[2][1] = 2 * PETSC_PI;  // the whole turn

  PetscCall(PetscSNPrintf(name, sizeof(name), "c_%s", AzSpeciesFind(AzGasNames[c->reactant])->key));
  PetscCall(AzProblemAddSpecies(p, name, &sl));
  PetscCall(PetscStrlcat(name, "_gas", sizeof(name)));
  PetscCall(AzProblemAddSpecies(p, name, &sg));
  p->species[sl].scale = 2 * PETSC_PI * ro * D_l;
  p->species[sg].scale = 2 * PETSC_PI * ro * t->D_gas;
  if (c->potential) {
    PetscCall(AzProblemAddSpecies(p, "phi_l", NULL));
    p->species[p->s_phi].scale = 2 * PETSC_PI * ro * c->conductivity / AZ_FARADAY;
  }
  for (PetscInt l = 0; l < AZ_TUBE_NLAYER; l++) {
    AzRegion *r;
    t->region[l] = -1;
    if (!ny[l]) continue;
    PetscCall(AzProblemAddRegion(p, AzTubeLayers[l], &t->region[l]));
    r = &p->region[t->region[l]];
    switch (l) {
    case AZ_TUBE_BORE:  // as the planar GDE's gas channel: along the tube only counter-diffusion is left
      AzRegionPorousGas(r, sg, t->D_gas, 1);
      r->aniso[0] = 1 - c->sol.gas[c->reactant].p_partial / c->P;
      break;
    case AZ_TUBE_GDL:
      AzRegionPorousGas(r, sg, t->D_gas, t->pe.gdl_porosity);
      break;
    case AZ_TUBE_CL:
      AzRegionCatalystLayer(r, &t->pe, c, sl, sg, p->s_phi, t->D_gas, t->c_gas_feed, c->conductivity);
      break;
    case AZ_TUBE_ELECTROLYTE:
      r->present[sl] = PETSC_TRUE, r->D[sl] = D_l;
      if (p->s_phi >= 0) r->present[p->s_phi] = PETSC_TRUE, r->D[p->s_phi] = c->conductivity;
      break;
    }
  }
  PetscCall(AzProblemCreateGrid(p, 2, M, xf));
  PetscCall(PetscFree3(xf[0], xf[1], xf[2]));
  PetscCall(AzGridSetAxisymmetric(&p->grid));
  for (PetscInt j = p->grid.gxs[1]; j < p->grid.gxs[1] + p->grid.gxm[1]; j++)
    for (PetscInt i = p->grid.gxs[0]; i < p->grid.gxs[0] + p->grid.gxm[0]; i++)
      p->grid.tag[AzGridLocal(&p->grid, i, j, 0)] = t->region[layer_of_row[j]];

  // Plug flow in the bore; the annulus' laminar profile, its exact area-weighted cell averages.
  PetscCall(PetscCalloc1(M[1], &p->ux));
  for (PetscInt j = 0; j < M[1]; j++)
    if (layer_of_row[j] == AZ_TUBE_BORE) p->ux[j] = t->U_gas;
  if (t->electrolyte == AZ_TUBE_ANNULUS) {
    PetscInt j0 = 0;
    while (layer_of_row[j0] != AZ_TUBE_ELECTROLYTE) j0++;
    AzAnnulusCellAverages(ro, t->r_annulus, t->driving, j0, M[1], p->grid.xf[1], p->ux);
  }

  PetscCall(AzProblemSetUpBoundaries(p));
  {
    PetscReal v[AZ_MAX_SPECIES] = {0};
    v[sg]                       = t->c_gas_feed;
    PetscCall(AzProblemAddPatch(p, AZ_BC_INFLOW, v, &inlet_gas));
    PetscCall(AzProblemAddPatch(p, AZ_BC_DIRICHLET, v, &feed));
    v[sg] = 0, v[sl] = c_liq;
    PetscCall(AzProblemAddPatch(p, AZ_BC_INFLOW, v, &inlet_liq));
    PetscCall(AzProblemAddPatch(p, AZ_BC_OUTFLOW, NULL, &outlet));
    // the outer face: the bulk beyond the Nernst layer (and the potential's reference), or the annulus' wall (a
    // coaxial counter electrode with the potential)
    if (t->electrolyte == AZ_TUBE_STAGNANT)
      PetscCall(AzProblemAddPatch(p, AZ_BC_BULK, v, &outer));
    else if (p->s_phi >= 0)
      PetscCall(AzProblemAddPatch(p, AZ_BC_COUNTER, NULL, &outer));
    else
      outer = 0;  // a wall
  }
  for (PetscInt j = 0; j < M[1]; j++) {
    if (layer_of_row[j] == AZ_TUBE_BORE) p->bc[0][j] = inlet_gas, p->bc[1][j] = outlet;
    if (layer_of_row[j] == AZ_TUBE_ELECTROLYTE && t->electrolyte == AZ_TUBE_ANNULUS) p->bc[0][j] = inlet_liq, p->bc[1][j] = outlet;
  }
  for (PetscInt i = 0; i < M[0]; i++) {
    if (!t->gas_depletion) p->bc[2][i] = feed;  // the feed on the wall's inner face (otherwise the axis, of zero area)
    p->bc[3][i] = outer;
  }
  p->electrode      = c->electrode;
  p->electrode_area = 2 * PETSC_PI * ro * t->length;
  p->T              = c->T;
  p->bulk           = c_sat;
  p->film           = AzPorousFilm(&t->pe);
  p->amg_by_species = p->newton_stagnation = PETSC_TRUE;
  PetscCall(AzProblemSetUpElectrodes(p, &c->activity));
  {
    PetscReal c0[AZ_MAX_SPECIES] = {0};
    c0[sl] = c_sat, c0[sg] = t->c_gas_feed;
    PetscCall(AzProblemSetInitial(p, c0));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzCellView_Tubular(AzCase c, AzProblem *p, AzInfo *info)
{
  AzTubular       *t                      = (AzTubular *)c->cell_ctx;
  const AzGrid    *g                      = &p->grid;
  const char      *gas                    = AzSpeciesFind(AzGasNames[c->reactant])->key;
  PetscReal        avg[AZ_TUBE_NLAYER][3] = {{0}};
  const PetscReal *x;
  char             key[64];

  PetscFunctionBeginUser;
  // volume averages over each layer: the gas's partial pressure, the dissolved reactant
  PetscCall(VecGetArrayRead(p->c, &x));
  AzForOwnedCells(g, i, j, k)
  {
    const PetscInt  r = g->tag[AzGridLocal(g, i, j, k)], o = AzGridOwned(g, i, j, k) * p->nspecies;
    const PetscReal V = AzGridVolume(g, i, j, k);
    for (PetscInt l = 0; l < AZ_TUBE_NLAYER; l++)
      if (t->region[l] == r) avg[l][0] += V, avg[l][1] += V * x[o + AZ_N2], avg[l][2] += V * x[o + p->s_gas];
  }
  PetscCall(VecRestoreArrayRead(p->c, &x));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &avg[0][0], 3 * AZ_TUBE_NLAYER, MPIU_REAL, MPIU_SUM, p->comm));
  PetscCall(AzInfoReal(info, "electrode_area_m2", p->electrode_area, "m^2"));
  PetscCall(AzInfoReal(info, "outer_radius_m", AzTubeOuterRadius(t), "m"));
  PetscCall(AzInfoText(info, "electrolyte", AzTubeElectrolytes[t->electrolyte]));
  PetscCall(AzInfoReal(info, "roughness_factor", t->pe.a_v * t->pe.cl_thickness, "-"));
  PetscCall(AzInfoReal(info, "film_thickness_m", AzPorousFilm(&t->pe), "m"));
  PetscCall(PetscSNPrintf(key, sizeof(key), "D_%s_gas_eff_m2_s", gas));
  PetscCall(AzInfoReal(info, key, t->D_gas, "m^2/s"));
  PetscCall(PetscSNPrintf(key, sizeof(key), "p_%s_feed_Pa", gas));
  PetscCall(AzInfoReal(info, key, c->sol.gas[c->reactant].p_partial, "Pa"));
  PetscCall(AzInfoReal(info, "gas_velocity_m_s", t->gas_depletion ? t->U_gas : 0, "m/s"));
  PetscCall(AzInfoReal(info, "annulus_velocity_m_s", t->U_liq, "m/s"));
  PetscCall(AzInfoReal(info, "annulus_reynolds", t->Re, "-"));
  PetscCall(AzInfoReal(info, "pressure_drop_Pa", t->driving * c->sol.viscosity * t->length, "Pa"));  // the annulus' (G L)
  for (PetscInt l = 0; l < AZ_TUBE_NLAYER; l++) {
    if (t->region[l] < 0 || !(avg[l][0] > 0)) continue;
    if (l == AZ_TUBE_ELECTROLYTE)
      PetscCall(PetscSNPrintf(key, sizeof(key), "c_%s_electrolyte_mol_m3", gas));
    else
      PetscCall(PetscSNPrintf(key, sizeof(key), "p_%s_%s_Pa", gas, AzTubeLayers[l]));
    PetscCall(AzInfoReal(info, key, l == AZ_TUBE_ELECTROLYTE ? avg[l][1] / avg[l][0] : avg[l][2] / avg[l][0] * AZ_GAS_CONSTANT * c->T,
                         l == AZ_TUBE_ELECTROLYTE ? "mol/m^3" : "Pa"));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The Sherwood number's length: the gas path through the wall (GDL + catalyst layer).
static PetscErrorCode AzCellSherwoodLength_Tubular(AzCase c, PetscReal *L)
{
  AzTubular *t = (AzTubular *)c->cell_ctx;

  PetscFunctionBeginUser;
  *L = t->pe.gdl_thickness + t->pe.cl_thickness;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCellCreate_Tubular(AzCellOps *ops)
{
  PetscFunctionBeginUser;
  ops->name = "tubular";
  ops->description =
      "microtubular gas-diffusion electrode (axisymmetric r-z): gas in the bore, porous wall, stagnant or annular electrolyte";
  ops->setfromoptions  = AzCellSetFromOptions_Tubular;
  ops->validate        = AzCellValidate_Tubular;
  ops->setup           = AzCellSetUp_Tubular;
  ops->view            = AzCellView_Tubular;
  ops->sherwood_length = AzCellSherwoodLength_Tubular;
  PetscFunctionReturn(PETSC_SUCCESS);
}
