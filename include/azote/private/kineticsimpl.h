// azote — internals of the electrode kinetics shared with the ionic model's electrode faces (solver/kinetics.c,
// solver/npelectrode.c).
#pragma once

#include <azote/kinetics.h>

// Every reaction of an electrode at the surface state (c_s, u = E - phi_s), the others' species at the cell's values.
typedef struct {
  PetscReal i[AZ_MAX_ELECTRODE_REACTIONS], i_c[AZ_MAX_ELECTRODE_REACTIONS], i_u[AZ_MAX_ELECTRODE_REACTIONS];
  PetscReal i_q[AZ_MAX_ELECTRODE_REACTIONS];  // d i / d lnq
  PetscReal cons, cons_c, cons_u;             // consumption of the reactant (mol m^-2 s^-1) and its derivatives
  PetscReal tot, tot_c, tot_u;                // total current density and its derivatives
} AzSurfaceEval;

// The reactions of e at the surface state; lnq[n] each reaction's quotient of its solved species, cell[] the cell's
// unknowns (a reactant that is not the electrode's own at its cell value).
PETSC_INTERN void AzSurfaceEvaluate(const AzElectrode *e, PetscReal c_s, PetscReal u, PetscReal T, const PetscReal lnq[],
                                    const PetscReal cell[], AzSurfaceEval *k);
// The surface concentration of e's reactant at E - phi_s = u: g (c_P - c_s) = consumption(c_s, u).
PETSC_INTERN PetscReal AzSurfaceConcentration(const AzElectrode *e, PetscReal c_P, PetscReal g, PetscReal u, PetscReal T,
                                              const PetscReal lnq[], const PetscReal cell[]);
// (nF) of reaction r per molecule of its reactant, signed by its fitted branch's direction.
PETSC_INTERN PetscReal AzChargePerReactant(const AzReaction *r);
