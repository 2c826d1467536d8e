// azote — the ionic model in time in a template of two well-mixed compartments (the H-cell): the Nernst layer at its
// quasi-steady state, each compartment's bulk advanced by what its electrode, the membrane and the product's
// crossing bring, and brought to chemical equilibrium (solver/npbulk.c; docs/ionic.md, "The H-cell in time").
#pragma once

#include <azote/azote.h>

// Columns of timeseries.csv that follow the transient ones (AzTimeseries.ion_names): the other compartment's pH, the
// H+ the membrane carried into the working compartment (mol), the largest relative imbalance of an element (other
// than H and O: the electrodes' making against both compartments' change) and of a compartment's charge.
#define AZ_NPB_COLUMNS 4
PETSC_EXTERN const char *const AzNPBulkColumnNames[AZ_NPB_COLUMNS];

// Runs case c (set up as its steady problem p, the solver set up) from t = 0 to c->time_end in steps of
// c->time_output_interval: stats gets the table of every step and the last step's metrics. Collective.
PETSC_EXTERN PetscErrorCode AzSolveIonicInTime(AzCase c, AzProblem *p, AzRunStats *stats);
