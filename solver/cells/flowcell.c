// The microfluidic flow cell (DESIGN §3): a channel of height h, length L and width w with the working electrode on
// the bottom wall from x_s to x_e; electrolyte enters at x = 0 saturated with the feed gas (or a given fraction of
// saturation) and leaves at x = L. 2-D: the cross-section along the channel, w >> h, fully developed plane
// Poiseuille flow u(y) = 6 U (y/h)(1 - y/h), U = Q/(w h) (e.g. Bird, Stewart & Lightfoot, Transport Phenomena,
// 2nd ed., §2.5). 3-D (mesh_nz > 0): the width is resolved, z in [0, w] between two no-flux side walls, with the
// rectangular duct's fully developed profile (include/azote/duct.h); the electrode spans the width. Laminar only:
// Re = rho U d_h / mu < 2000 with d_h = 2 w h / (w + h).
#include <azote/case.h>
#include <azote/duct.h>

typedef struct {
  PetscReal height, length, width;  // m
  PetscReal x_start, x_end;         // electrode on the bottom wall, m
  PetscReal flow_rate;              // m^3 s^-1
  PetscReal inlet_saturation;       // fraction of c* at the inlet (-)
  PetscReal U;                      // mean velocity, m s^-1
  PetscReal Re;                     // Reynolds number on the hydraulic diameter (-)
  PetscBool three_d;                // the width resolved (mesh_nz > 0)
  PetscReal driving;                // G/mu = -(dp/dx)/mu of the fully developed flow, s^-1 m^-1
} AzFlowCell;

static PetscErrorCode AzCellSetFromOptions_FlowCell(AzCase c)
{
  AzFlowCell *fc;

  PetscFunctionBeginUser;
  PetscCall(PetscNew(&fc));
  c->cell_ctx = fc;
  PetscOptionsBegin(c->comm, NULL, "flowcell", NULL);
  PetscCall(AzOptionsReal(PetscOptionsObject, "flowcell_height", "channel height (electrode to opposite wall)", "m", 5e-4,
                          AZ_RANGE_OPEN_LO(0, 0.1), &fc->height, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "flowcell_length", "channel length, inlet to outlet", "m", 0.03, AZ_RANGE_OPEN_LO(0, 10),
                          &fc->length, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "flowcell_width", "channel width (out of plane in 2-D)", "m", 0.01, AZ_RANGE_OPEN_LO(0, 10),
                          &fc->width, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "flowcell_electrode_start", "upstream edge of the electrode, from the inlet", "m", 0.01,
                          AZ_NONNEGATIVE, &fc->x_start, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "flowcell_electrode_end", "downstream edge of the electrode, from the inlet", "m", 0.02,
                          AZ_POSITIVE, &fc->x_end, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "flowcell_flow_rate",
                          "electrolyte volumetric flow rate (laminar, Re < 2000; pressure drop <= 10 % of operating_pressure)", "m^3/s",
                          1.0e-8, AZ_RANGE_OPEN_LO(0, 1), &fc->flow_rate, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "flowcell_inlet_saturation", "inlet N2 as a fraction of saturation with the feed gas", "-",
                          1.0, AZ_RANGE(0, 1), &fc->inlet_saturation, NULL));
  PetscOptionsEnd();
  PetscCheck(fc->x_start < fc->length, c->comm, PETSC_ERR_USER_INPUT,
             "-flowcell_electrode_start = %g m lies outside the channel: allowed [0, flowcell_length = %g) m", (double)fc->x_start,
             (double)fc->length);
  PetscCheck(
      fc->x_end > fc->x_start && fc->x_end <= fc->length, c->comm, PETSC_ERR_USER_INPUT,
      "-flowcell_electrode_end = %g m lies outside the channel or before the electrode start: allowed (flowcell_electrode_start = %g, "
      "flowcell_length = %g] m",
      (double)fc->x_end, (double)fc->x_start, (double)fc->length);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscReal AzFlowCellHydraulicDiameter(const AzFlowCell *fc)
{
  return 2 * fc->width * fc->height / (fc->width + fc->height);
}

static PetscErrorCode AzCellValidate_FlowCell(AzCase c)
{
  AzFlowCell     *fc = (AzFlowCell *)c->cell_ctx;
  const PetscReal dh = AzFlowCellHydraulicDiameter(fc);

  PetscFunctionBeginUser;
  PetscCheck(c->mesh.n[0] == 0 || c->mesh.n[0] >= 8, c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_nx = %" PetscInt_FMT " is too coarse for the flow cell: allowed 0 (the default, 240) or >= 8", c->mesh.n[0]);
  PetscCheck(c->mesh.n[1] == 0 || c->mesh.n[1] >= 4, c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_ny = %" PetscInt_FMT " is too coarse for the flow cell: allowed 0 (the default, 64) or >= 4", c->mesh.n[1]);
  PetscCheck(c->mesh.n[2] == 0 || c->mesh.n[2] >= 4, c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_nz = %" PetscInt_FMT " cannot resolve the channel's width: allowed 0 (2-D) or >= 4 (3-D)", c->mesh.n[2]);
  fc->three_d = (PetscBool)(c->mesh.n[2] > 0);
  fc->U       = fc->flow_rate / (fc->width * fc->height);
  fc->Re      = c->sol.liquid.density * fc->U * dh / c->sol.viscosity;
  // plane Poiseuille flow, 12 mu U / h^2, or the duct's series
  fc->driving = fc->three_d ? AzDuctDriving(fc->height, fc->width, fc->flow_rate) : 12 * fc->U / (fc->height * fc->height);
  PetscCheck(fc->Re < 2000, c->comm, PETSC_ERR_USER_INPUT,
             "-flowcell_flow_rate = %g m^3/s gives Re = %.0f (mean velocity %g m/s, hydraulic diameter %g m): the laminar profile needs "
             "Re < 2000; lower the flow rate",
             (double)fc->flow_rate, (double)fc->Re, (double)fc->U, (double)dh);
  {
    // The cell is modelled at one pressure (the gases' solubility is operating_pressure's): a pressure drop along the
    // channel of more than a tenth of it (a channel a few micrometres across, or an absurd velocity) is no such cell.
    const PetscReal dp = fc->driving * c->sol.viscosity * fc->length;
    PetscCheck(
        dp <= 0.1 * c->P, c->comm, PETSC_ERR_USER_INPUT,
        "-flowcell_flow_rate = %.6g m^3/s through a %.6g m x %.6g m channel %.6g m long: mean velocity %.4g m/s, pressure drop %.4g "
        "Pa, more than 10 %% of operating_pressure = %.6g Pa (the cell is modelled at one pressure): lower the flow rate or widen the "
        "channel",
        (double)fc->flow_rate, (double)fc->height, (double)fc->width, (double)fc->length, (double)fc->U, (double)dp, (double)c->P);
  }
  if (fc->width < 10 * fc->height && !fc->three_d)
    PetscCall(PetscPrintf(c->comm,
                          "%s: warning: flowcell_width/flowcell_height = %.3g < 10: the 2-D parallel-plate profile overestimates "
                          "the wall shear near the side walls (mesh_nz > 0 resolves the width in 3-D)\n",
                          AzProgramName(), (double)(fc->width / fc->height)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Shear rate on the electrode wall, s^-1: 6 U / h between parallel plates, at mid-width in a duct.
static PetscReal AzFlowCellWallShear(const AzFlowCell *fc)
{
  return fc->three_d ? AzDuctWallShear(fc->height, fc->width, fc->driving, fc->width / 2) : 6 * fc->U / fc->height;
}

// Thickness of the concentration boundary layer at the electrode's end, (D L_e / gamma)^(1/3) with the wall shear
// rate gamma (Leveque 1928): the length scale the default mesh resolves.
static PetscReal AzFlowCellBoundaryLayer(const AzCase c, const AzFlowCell *fc)
{
  return PetscCbrtReal(c->sol.gas[c->reactant].D * (fc->x_end - fc->x_start) / AzFlowCellWallShear(fc));
}

static PetscErrorCode AzCellSetUp_FlowCell(AzCase c, AzProblem *p)
{
  AzFlowCell     *fc = (AzFlowCell *)c->cell_ctx;
  const PetscReal h = fc->height, Le = fc->x_end - fc->x_start, delta = AzFlowCellBoundaryLayer(c, fc);
  const PetscReal c_in = fc->inlet_saturation * c->sol.gas[c->reactant].c_sat;
  const PetscBool d3   = fc->three_d;
  // 3-D defaults along and across the channel: 120 x 32, half the 2-D section's (times mesh_nz across the width)
  PetscInt M[3] = {c->mesh.n[0] ? c->mesh.n[0] : (d3 ? 120 : 240), c->mesh.n[1] ? c->mesh.n[1] : (d3 ? 32 : 64), d3 ? c->mesh.n[2] : 1};
  PetscInt inlet, outlet, electrode, counter, region, sa;
  const PetscReal refine[3] = {c->mesh.refine[0] ? c->mesh.refine[0] : 8, c->mesh.refine[1] ? c->mesh.refine[1] : 30,
                               c->mesh.refine[2] ? c->mesh.refine[2] : 4};
  PetscReal *xf[3], value[AZ_MAX_SPECIES] = {0};

  PetscFunctionBeginUser;
  PetscCall(AzCaseResolveMesh(c, M, refine));
  PetscCall(PetscMalloc3(M[0] + 1, &xf[0], M[1] + 1, &xf[1], M[2] + 1, &xf[2]));
  {
    // Along the channel: cells over the electrode mesh_refine_x times finer than far up- and downstream, finer still at its
    // leading edge (the flux singularity of the developing boundary layer); faces on both edges.
    const AzRefinePoint ref[2]    = {{fc->x_start, fc->x_end, refine[0], Le / 4}, {fc->x_start, fc->x_start, 2, Le / 8}};
    const PetscReal     breaks[2] = {fc->x_start, fc->x_end};
    PetscCall(AzMesh1D(0, fc->length, M[0], 2, ref, 2, breaks, xf[0]));
  }
  {
    // Across: finest at the electrode wall over the boundary-layer thickness.
    const AzRefinePoint ref[1] = {{0, 0, refine[1], PetscMin(delta, h / 4)}};
    PetscCall(AzMesh1D(0, h, M[1], 1, ref, 0, NULL, xf[1]));
  }
  if (d3) {
    // Across the width: finer at both side walls, where the velocity falls to zero over about min(h, w)/pi.
    const PetscReal     wz     = PetscMin(h / 4, fc->width / 8);
    const AzRefinePoint ref[2] = {{0, 0, refine[2], wz}, {fc->width, fc->width, refine[2], wz}};
    PetscCall(AzMesh1D(0, fc->width, M[2], 2, ref, 0, NULL, xf[2]));
  } else
    xf[2][0] = 0, xf[2][1] = fc->width;
  PetscCall(AzProblemAddSpecies(p, c->reactant == AZ_GAS_O2 ? "c_o2" : "c_n2", NULL));
  p->species[AZ_N2].scale = fc->width * c->sol.gas[c->reactant].D;
  PetscCall(AzCaseAddAnodeSpecies(c, p, &sa));
  PetscCall(AzIonicAddSpecies(c, p));  // electrolyte_model tertiary: the ions
  if (c->potential) PetscCall(AzProblemAddSpecies(p, "phi_l", NULL));
  PetscCall(AzProblemAddRegion(p, "electrolyte", &region));
  p->region[region].present[AZ_N2] = PETSC_TRUE;
  p->region[region].D[AZ_N2]       = c->sol.gas[c->reactant].D;
  if (sa != AZ_N2) {  // dissolved N2 for the anode, the working electrode consuming O2
    p->species[sa].scale          = fc->width * c->sol.gas[AZ_GAS_N2].D;
    p->region[region].present[sa] = PETSC_TRUE;
    p->region[region].D[sa]       = c->sol.gas[AZ_GAS_N2].D;
  }
  if (p->s_phi >= 0) {
    p->region[region].present[p->s_phi] = PETSC_TRUE;
    p->region[region].D[p->s_phi]       = c->conductivity;
  }
  PetscCall(AzIonicRegion(c, p, region, 1, 0, PETSC_FALSE));
  PetscCall(AzProblemCreateGrid(p, d3 ? 3 : 2, M, xf));
  PetscCall(PetscFree3(xf[0], xf[1], xf[2]));

  // Cell-averaged velocity (Poiseuille, or the duct's series): the exact flow rate through every cross-section.
  PetscCall(PetscMalloc1(M[1] * M[2], &p->ux));
  if (d3)
    PetscCall(AzDuctCellAverages(h, fc->width, fc->driving, M[1], p->grid.xf[1], M[2], p->grid.xf[2], p->ux));
  else
    for (PetscInt j = 0; j < M[1]; j++) {
      const PetscReal y0 = p->grid.xf[1][j] / h, y1 = p->grid.xf[1][j + 1] / h;
      p->ux[j] = 6 * fc->U * ((y1 * y1 - y0 * y0) / 2 - (y1 * y1 * y1 - y0 * y0 * y0) / 3) / (y1 - y0);
    }

  PetscCall(AzProblemSetUpBoundaries(p));
  // the inlet: the dissolved gases at the inlet saturation; it is insulating for the potential
  value[AZ_N2] = c_in;
  if (sa != AZ_N2) value[sa] = fc->inlet_saturation * c->sol.gas[AZ_GAS_N2].c_sat;
  PetscCall(AzIonicBulkValues(c, p, value));  // the ions enter at their bulk values
  PetscCall(AzProblemAddPatch(p, AZ_BC_DIRICHLET, value, &inlet));
  PetscCall(AzProblemAddPatch(p, AZ_BC_OUTFLOW, NULL, &outlet));
  PetscCall(AzProblemAddPatch(p, AZ_BC_ELECTRODE, NULL, &electrode));
  // With the electrolyte potential, the counter electrode (or a full cell's anode) faces the working electrode on the
  // opposite wall, a parallel-plate cell; a counter electrode's electrolyte potential is the reference, 0.
  if (p->s_phi >= 0) PetscCall(AzProblemAddPatch(p, c->anode_reaction != AZ_ANODE_NONE ? AZ_BC_ANODE : AZ_BC_COUNTER, NULL, &counter));
  // the electrode (and the counter electrode facing it) spans the width; the side walls are walls
  for (PetscInt jk = 0; jk < M[1] * M[2]; jk++) p->bc[0][jk] = inlet, p->bc[1][jk] = outlet;
  for (PetscInt k = 0; k < M[2]; k++)
    for (PetscInt i = 0; i < M[0]; i++) {
      const PetscReal x = p->grid.xc[0][i];
      if (x > fc->x_start && x < fc->x_end) {
        p->bc[2][i + M[0] * k] = electrode;
        if (p->s_phi >= 0) p->bc[3][i + M[0] * k] = counter;
      }
    }
  p->electrode      = c->electrode;
  p->electrode_area = (fc->x_end - fc->x_start) * fc->width;
  if (c->anode_reaction != AZ_ANODE_NONE) {
    p->anode      = c->anode;
    p->anode_area = p->electrode_area;
  }
  p->T    = c->T;
  p->bulk = c_in;
  p->film = delta;  // the concentration boundary layer at the electrode's end
  PetscCall(AzProblemSetUpElectrodes(p, &c->activity));
  PetscCall(AzProblemSetInitial(p, value));  // the inlet state everywhere, phi_l = 0
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzCellView_FlowCell(AzCase c, AzProblem *p, AzInfo *info)
{
  AzFlowCell *fc = (AzFlowCell *)c->cell_ctx;

  PetscFunctionBeginUser;
  PetscCall(AzInfoReal(info, "electrode_area_m2", (fc->x_end - fc->x_start) * fc->width, "m^2"));
  PetscCall(AzInfoInt(info, "dimension", fc->three_d ? 3 : 2));
  PetscCall(AzInfoReal(info, "flow_rate_m3_s", fc->flow_rate, "m^3/s"));
  PetscCall(AzInfoReal(info, "mean_velocity_m_s", fc->U, "m/s"));
  PetscCall(AzInfoReal(info, "wall_shear_rate_1_s", AzFlowCellWallShear(fc), "1/s"));  // at mid-width in 3-D
  PetscCall(AzInfoReal(info, "pressure_drop_Pa", fc->driving * c->sol.viscosity * fc->length, "Pa"));
  PetscCall(AzInfoReal(info, "reynolds", fc->Re, "-"));
  PetscCall(AzInfoReal(info, "peclet", fc->U * fc->height / c->sol.gas[c->reactant].D, "-"));
  PetscCall(AzInfoReal(info, "boundary_layer_m", AzFlowCellBoundaryLayer(c, fc), "m"));
  PetscCall(AzInfoReal(info, "inlet_c_n2_mol_m3", fc->inlet_saturation * c->sol.gas[c->reactant].c_sat, "mol/m^3"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzCellSherwoodLength_FlowCell(AzCase c, PetscReal *L)
{
  PetscFunctionBeginUser;
  *L = AzFlowCellHydraulicDiameter((AzFlowCell *)c->cell_ctx);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCellCreate_FlowCell(AzCellOps *ops)
{
  PetscFunctionBeginUser;
  ops->name            = "flowcell";
  ops->three_d         = PETSC_TRUE;
  ops->ionic           = PETSC_TRUE;
  ops->description     = "microfluidic flow cell: laminar channel flow over a wall electrode";
  ops->setfromoptions  = AzCellSetFromOptions_FlowCell;
  ops->validate        = AzCellValidate_FlowCell;
  ops->setup           = AzCellSetUp_FlowCell;
  ops->view            = AzCellView_FlowCell;
  ops->sherwood_length = AzCellSherwoodLength_FlowCell;
  PetscFunctionReturn(PETSC_SUCCESS);
}
