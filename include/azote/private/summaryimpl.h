// azote — internals of a run's report (solver/summary.c), used by the driver (solver/run.c).
#pragma once

#include <azote/azote.h>
#include <azote/json.h>

// summary.json of a solved run, written to path (the staging directory's).
PETSC_INTERN PetscErrorCode AzWriteSummary(AzCase c, AzProblem *p, AzRunStats *st, const char path[]);
// The console's report after "solved in": every metric (with its named-unit value), and the electrodes' potentials
// (a full cell's voltage breakdown).
PETSC_INTERN PetscErrorCode AzReportRun(AzCase c, AzProblem *p, AzRunStats *st);

// The ionic model's part of the report (solver/npreport.c). RT ln 10 / F at T, V per pH unit.
PETSC_INTERN PetscReal AzNPNernstSlope(PetscReal T);
// Into summary.json's electrode object: the potentials E_rhe and E_irfree_rhe (V vs the bulk RHE) on the SHE scale,
// the iR-free one against the RHE of the surface's mean pH, and each reaction's equilibrium potential at that pH.
PETSC_INTERN PetscErrorCode AzNPJSONPotentials(AzJSON j, const AzProblem *p, const AzMetrics *m, PetscReal E_rhe, PetscReal E_irfree_rhe);
// The same on the console, one line.
PETSC_INTERN PetscErrorCode AzNPReportPotentials(MPI_Comm comm, const AzProblem *p, const AzMetrics *m, PetscReal E_rhe,
                                                 PetscReal E_irfree_rhe);
// How the ammonia leaves: through the outflow (NH3 and NH4+ carried out, mol/s; what the inflow brought; the flow and
// its flow-weighted pH) and from a Nernst layer into a held bulk (the face fluxes into it, mol/s). Collective.
typedef struct {
  PetscBool outlet, bulk;                    // whether the problem has an outflow, a held bulk
  PetscReal nh3_out_mol_s, nh4_out_mol_s;    // carried out by the flow
  PetscReal nh3_in_mol_s, nh4_in_mol_s;      // brought in by it
  PetscReal flow_m3_s, ph_outlet;            // the outflow's volume flow and flow-weighted mean pH
  PetscReal nh3_bulk_mol_s, nh4_bulk_mol_s;  // into the held bulk
} AzNPAmmonia;
PETSC_INTERN PetscErrorCode AzNPAmmoniaSplit(AzProblem *p, AzNPAmmonia *a);
// summary.json's "ammonia" section from it (none where the problem carries no ammonia or it leaves by neither way).
PETSC_INTERN PetscErrorCode AzNPJSONAmmonia(AzJSON j, AzProblem *p);
