// azote — internals of a run's report (solver/summary.c), used by the driver (solver/run.c).
#pragma once

#include <azote/azote.h>

// summary.json of a solved run, written to path (the staging directory's).
PETSC_INTERN PetscErrorCode AzWriteSummary(AzCase c, AzProblem *p, AzRunStats *st, const char path[]);
// The console's report after "solved in": every metric (with its named-unit value), and the electrodes' potentials
// (a full cell's voltage breakdown).
PETSC_INTERN PetscErrorCode AzReportRun(AzCase c, AzProblem *p, AzRunStats *st);
