// Volumetric terms of the ionic model in a cell (electrolyte_model tertiary; solver/nernstplanck.c calls them): the
// gas-liquid transfer of the dissolved reactant and a catalyst layer's volumetric Butler-Volmer reactions.
//
// Gas-liquid transfer, as the dilute model's (include/azote/transport.h):
//   dissolved reactant:  S = kla (c* - c),  c* = c_eq + dceq_dcg (c_gas - c_gas_ref) where the gas species is solved,
//   gas-phase reactant:  S = -kla (c* - c)  (what dissolves leaves the pores' gas).
// A catalyst layer (a_v > 0, the GDE's; solver/cells/gde.c) runs the electrode's reactions on its active area a_v V
// at the cell's own concentrations and electrolyte potential (the liquid film's resistance to the reactant is kla's, as
// in the dilute model's AzElectrodeVolumeState), with their full stoichiometry over the ions (solver/npelectrode.c:
// H+ taken by a proton donor's branch, OH- given by a reduction by water): the ions are made or taken in the pores'
// liquid, through which they move with the layer's effective diffusivity D (eps s)^1.5 (the dissolved reactant's
// Bruggeman law, include/azote/porous.h).
#include <azote/private/npimpl.h>

PetscErrorCode AzNPCellVolume(const AzProblem *p, const AzRegion *reg, const PetscReal *cP, PetscReal V, AzCellRow *row, PetscReal *bnd)
{
  const AzNP    *np  = p->np;
  const PetscInt dof = p->nspecies, sp = p->s_phi, sl = AZ_N2;

  PetscFunctionBeginUser;
  if (reg->kla > 0 && reg->present[sl] && !np->ion[sl]) {
    const PetscInt  sg    = (p->s_gas >= 0 && reg->present[p->s_gas]) ? p->s_gas : -1;
    const PetscReal cstar = sg >= 0 ? reg->c_eq + reg->dceq_dcg * (cP[sg] - reg->c_gas_ref) : reg->c_eq,
                    J     = V * reg->kla * (cstar - cP[sl]);
    row->r[sl] -= J;
    row->d[sl][sl] += V * reg->kla;
    if (sg >= 0) {  // from the pores' gas: transferred within the cell, no N2 enters the domain
      row->d[sl][sg] -= V * reg->kla * reg->dceq_dcg;
      row->r[sg] += J;
      row->d[sg][sg] += V * reg->kla * reg->dceq_dcg;
      row->d[sg][sl] -= V * reg->kla;
    } else
      row->in += J;  // bubbles feed it into the cell
  }
  if (reg->a_v > 0 && p->electrode.mode == AZ_ELECTRODE_POTENTIOSTATIC) {
    const PetscReal A  = V * reg->a_v;  // m^2 of active area
    const PetscInt  sr = p->electrode.species;
    AzNPFace        f;
    PetscCall(AzNPElectrodeFace(p, 0, cP, 0, 0, &f));
    for (PetscInt t = 0; t < dof; t++) {
      if (t == sp || !reg->present[t] || (f.P[t] == 0 && t != sr)) continue;
      row->r[t] -= A * f.P[t];
      if (bnd) bnd[t] -= A * f.P[t];  // what the electrode makes, against the boundary's outflow (AzNPConservation)
      for (PetscInt u = 0; u < dof; u++) row->d[t][u] -= A * f.dP[t][u];
      row->r[sp] -= A * np->z[t] * f.P[t];  // the charge the reactions take from the pores' liquid: the current
      for (PetscInt u = 0; u < dof; u++) row->d[sp][u] -= A * np->z[t] * f.dP[t][u];
      if (t == sl) row->consumed -= A * f.P[t];
    }
    row->cur_electrode += A * f.current;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
