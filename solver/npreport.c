// What the ionic model adds to a run's report (summary.json, the console): the electrode's potential on the SHE scale
// and against the RHE of the surface's pH, and how the ammonia the electrode makes leaves the cell, NH3 and NH4+ apart.
//
// azote's potentials are against the RHE of the bulk (electrode_potential, DESIGN §4). The RHE sits at
//   E_RHE = E_SHE + (RT ln 10 / F) pH     (-log10 a_H; H2 at 1 bar: the RHE's definition, Bard & Faulkner,
//                                          Electrochemical Methods, 2nd ed. (2001), §2.1; 59.16 mV per pH at 25 °C)
// so E vs SHE = E vs RHE(bulk) - (RT ln 10/F) pH_bulk, and E vs the RHE of the surface = E vs RHE(bulk) + (RT ln 10/F)
// (pH_surf - pH_bulk), pH_surf the electrode's area mean (ph_surf_mean). Every reaction row is written on the RHE scale
// with as many H+ as electrons (include/azote/reactions.h), so its equilibrium potential at the surface's pH, other
// species at their standard state, is E°(T) - (RT ln 10/F)(pH_surf - pH_bulk) vs the bulk RHE, E°(T) - (RT ln 10/F)
// pH_surf vs SHE: the pH part of the Nernst potentials the reverse branches use (solver/npelectrode.c).
//
// The ammonia leaves a flow cell with the stream: the outlet's flux of NH3 and of NH4+ (the outflow face carries u c
// out), less what the inlet brings (the bulk's trace, bulk_nh3, by the flow and by diffusion across the inlet face),
// each the boundary flux of solver/nernstplanck.c's rows; the discrete element balance makes their sum the N2RR's
// production, 2 i/(6F) per area. From the H-cell's Nernst layer it crosses into the held bulk:
// the face fluxes from the layer's cells into the bulk's.
#include <azote/azote.h>
#include <azote/json.h>
#include <azote/private/npimpl.h>
#include <azote/private/summaryimpl.h>

PetscReal AzNPNernstSlope(PetscReal T)
{
  return AZ_GAS_CONSTANT * T * PetscLogReal(10.0) / AZ_FARADAY;
}

PetscErrorCode AzNPJSONPotentials(AzJSON j, const AzProblem *p, const AzMetrics *m, PetscReal E_rhe, PetscReal E_irfree_rhe)
{
  // the RHE of the potentials is that of the case's bulk (in time: the bulk at t = 0, whatever ph_bulk is at the end)
  const PetscReal s = AzNPNernstSlope(p->T), ph0 = p->np->ionic->ph, shift = s * (m->ph_surf_mean - ph0);

  PetscFunctionBeginUser;
  PetscCall(AzJSONReal(j, "nernst_slope_V_per_pH", s));
  PetscCall(AzJSONReal(j, "rhe_bulk_V_SHE", -s * ph0));  // the bulk RHE on the SHE scale
  PetscCall(AzJSONReal(j, "potential_V_SHE", E_rhe - s * ph0));
  PetscCall(AzJSONReal(j, "iR_free_potential_V_SHE", E_irfree_rhe - s * ph0));
  PetscCall(AzJSONReal(j, "iR_free_potential_V_RHE_surf", E_irfree_rhe + shift));  // against the RHE of ph_surf_mean
  PetscCall(AzJSONBeginObject(j, "equilibrium_potentials_surf"));                  // at ph_surf_mean, others standard
  for (PetscInt n = 0; n < p->electrode.nreaction; n++) {
    const AzReaction *r = &p->electrode.reaction[n];
    char              key[64];
    PetscCall(PetscSNPrintf(key, sizeof(key), "%s_V_RHE", r->info->name));
    PetscCall(AzJSONReal(j, key, r->e_eq0 - shift));
    PetscCall(PetscSNPrintf(key, sizeof(key), "%s_V_SHE", r->info->name));
    PetscCall(AzJSONReal(j, key, r->e_eq0 - s * m->ph_surf_mean));
  }
  PetscCall(AzJSONEndObject(j));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzNPReportPotentials(MPI_Comm comm, const AzProblem *p, const AzMetrics *m, PetscReal E_rhe, PetscReal E_irfree_rhe)
{
  const PetscReal s = AzNPNernstSlope(p->T), ph0 = p->np->ionic->ph;  // the RHE scale's bulk (in time: at t = 0)

  PetscFunctionBeginUser;
  PetscCall(AzPrintf(comm,
                     "%s: electrode at %.4f V vs SHE (%.4f V iR-free; RHE of bulk pH %.3f at %.2f mV/pH); iR-free %.4f V vs the RHE of the "
                     "surface pH %.3f\n",
                     AzProgramName(), (double)(E_rhe - s * ph0), (double)(E_irfree_rhe - s * ph0), (double)ph0, (double)(1e3 * s),
                     (double)(E_irfree_rhe + s * (m->ph_surf_mean - ph0)), (double)m->ph_surf_mean));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzNPAmmoniaSplit(AzProblem *p, AzNPAmmonia *a)
{
  const AzNP      *np  = p->np;
  const AzGrid    *g   = &p->grid;
  const PetscInt   dof = p->nspecies;
  PetscInt         s3 = -1, s4 = -1;
  const PetscReal *c;
  Vec              Xl;
  // outlet NH3, NH4+, inlet NH3, NH4+ (entering), outlet u A pH, u A; into a held bulk NH3, NH4+; inlet or outlet cells
  // that an electrode touches
  PetscReal      sum[9]   = {0}, held[AZ_MAX_SPECIES + 1], bnd[AZ_MAX_SPECIES + 1];
  PetscBool      any_held = PETSC_FALSE;
  AzCellRow      row;
  AzNPNeighbours nb = {.bnd = NULL, .held = held};

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(a, sizeof(*a)));
  for (PetscInt s = 0; s < dof; s++)
    if (p->species[s].info && !strcmp(p->species[s].info->name, "NH3"))
      s3 = s;
    else if (p->species[s].info && !strcmp(p->species[s].info->name, "NH4+"))
      s4 = s;
  if (s3 < 0 || s4 < 0) PetscFunctionReturn(PETSC_SUCCESS);  // the problem carries no ammonia (an ORR cathode)
  for (PetscInt r = 0; r < p->nregion; r++) any_held = (PetscBool)(any_held || np->held[r]);
  PetscCall(AzLocalStateGet(g, p->c, &Xl, &c));
  AzForOwnedCells(g, i, j, k)
  {
    const PetscInt   l = AzGridLocal(g, i, j, k), idx[3] = {i, j, k}, r = g->tag[l];
    const PetscReal *cP      = c + l * dof;
    PetscInt         end     = -1;  // 0: an inlet cell, 1: an outlet cell
    PetscBool        touched = PETSC_FALSE;
    if (any_held && !np->held[r]) {  // a cell of the layer: what crosses its faces into the bulk
      for (PetscInt s = 0; s <= dof; s++) held[s] = 0;
      nb.bnd = NULL;
      PetscCall(AzNPCellResidual(p, c, i, j, k, AZ_ROW_FULL, &row, &nb));
      sum[6] += held[s3], sum[7] += held[s4];
    }
    if (!p->ux || !AzGridOnBoundary(g, i, j, k)) continue;
    for (PetscInt side = 0; side < 2 * g->dim; side++) {
      const PetscInt type = idx[side / 2] == (side % 2 ? g->M[side / 2] - 1 : 0)
                                ? (PetscInt)p->patch[p->bc[side][AzProblemBoundaryIndex(p, side, i, j, k)]].type
                                : -1;
      if (side == 0 && (type == AZ_BC_INFLOW || type == AZ_BC_DIRICHLET)) end = 0;
      if (side == 1 && type == AZ_BC_OUTFLOW) end = 1;
      if (type == AZ_BC_ELECTRODE || type == AZ_BC_ANODE) touched = PETSC_TRUE;
    }
    if (end < 0 || !p->region[r].present[np->s_h]) continue;  // (a gas channel's inlet and outlet: no ions)
    // the cell's boundary fluxes (what solver/nernstplanck.c's rows carry); NH3 and NH4+ cross no other boundary face
    // but an electrode's
    for (PetscInt s = 0; s <= dof; s++) bnd[s] = 0;
    nb.bnd = bnd;
    PetscCall(AzNPCellResidual(p, c, i, j, k, AZ_ROW_FULL, &row, &nb));
    for (PetscInt s = 0; s <= dof; s++) held[s] = 0;
    if (touched) sum[8] += 1;
    if (end) {
      const PetscReal uA = p->ux[j + g->M[1] * k] * AzGridFaceArea(g, 0, i, j, k);  // m^3/s
      sum[0] += bnd[s3], sum[1] += bnd[s4];
      sum[4] += uA * AzIonicPH(np->ionic, np->T, cP[np->s_h], cP[np->s_oh]), sum[5] += uA;
    } else
      sum[2] -= bnd[s3], sum[3] -= bnd[s4];
  }
  PetscCall(AzLocalStateRestore(&Xl, &c));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, sum, 9, MPIU_REAL, MPIU_SUM, p->comm));
  a->outlet = (PetscBool)(sum[5] > 0 && sum[8] == 0);  // an electrode on an inlet or outlet cell: its formation is there too
  a->bulk   = any_held;
  if (a->outlet) {
    a->nh3_out_mol_s = sum[0], a->nh4_out_mol_s = sum[1], a->nh3_in_mol_s = sum[2], a->nh4_in_mol_s = sum[3];
    a->flow_m3_s = sum[5];
    a->ph_outlet = sum[4] / sum[5];
  }
  if (a->bulk) a->nh3_bulk_mol_s = sum[6], a->nh4_bulk_mol_s = sum[7];
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzNPJSONAmmonia(AzJSON j, AzProblem *p)
{
  AzNPAmmonia a;

  PetscFunctionBeginUser;
  PetscCall(AzNPAmmoniaSplit(p, &a));
  if (!a.outlet && !a.bulk) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(AzJSONBeginObject(j, "ammonia"));
  if (a.outlet) {  // the stream at the outlet: what leaves, what the cell added to the inlet's, the mixed-cup values
    const PetscReal tot = a.nh3_out_mol_s + a.nh4_out_mol_s;
    PetscCall(AzJSONBeginObject(j, "outlet"));
    PetscCall(AzJSONReal(j, "nh3_mol_s", a.nh3_out_mol_s));
    PetscCall(AzJSONReal(j, "nh4_mol_s", a.nh4_out_mol_s));
    PetscCall(AzJSONReal(j, "nh3_added_mol_s", a.nh3_out_mol_s - a.nh3_in_mol_s));
    PetscCall(AzJSONReal(j, "nh4_added_mol_s", a.nh4_out_mol_s - a.nh4_in_mol_s));
    PetscCall(AzJSONReal(j, "c_nh3_uM", a.nh3_out_mol_s / a.flow_m3_s * 1e3));  // mol/m^3 = mM; x 1e3 uM
    PetscCall(AzJSONReal(j, "c_nh4_uM", a.nh4_out_mol_s / a.flow_m3_s * 1e3));
    if (tot > 0) PetscCall(AzJSONReal(j, "nh3_free_fraction", a.nh3_out_mol_s / tot));
    PetscCall(AzJSONReal(j, "ph_mean", a.ph_outlet));  // flow-weighted
    PetscCall(AzJSONEndObject(j));
  }
  if (a.bulk) {  // from the Nernst layer into the bulk
    const PetscReal tot = a.nh3_bulk_mol_s + a.nh4_bulk_mol_s;
    PetscCall(AzJSONBeginObject(j, "into_bulk"));
    PetscCall(AzJSONReal(j, "nh3_mol_s", a.nh3_bulk_mol_s));
    PetscCall(AzJSONReal(j, "nh4_mol_s", a.nh4_bulk_mol_s));
    if (tot != 0) PetscCall(AzJSONReal(j, "nh3_free_fraction", a.nh3_bulk_mol_s / tot));
    PetscCall(AzJSONEndObject(j));
  }
  PetscCall(AzJSONEndObject(j));
  PetscFunctionReturn(PETSC_SUCCESS);
}
