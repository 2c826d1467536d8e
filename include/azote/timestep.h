// azote — time stepping of transient cell templates (DESIGN §3, H-cell): the same residual as the steady solver,
//   M dc/dt + F(c) = 0,   M = diag(cell volume) where a species is present and free, 0 where it is pinned,
// integrated by PETSc TS (default: theta method, theta = 1, backward Euler, with the extrapolation error estimate
// of TSTHETA and basic step adaptivity; -ts_* options override). The N2 and NH3 balances are integrated with the
// scheme's own end-point weights, so that fed = accumulated + consumed holds to the solver tolerance.
#pragma once

#include <azote/metrics.h>
#include <azote/output.h>

// Columns of timeseries.csv after time_s and the metrics of DESIGN §5.
#define AZ_TS_EXTRA_COLUMNS 10
PETSC_EXTERN const char *const AzTimeseriesExtraNames[AZ_TS_EXTRA_COLUMNS];
enum {
  AZ_TS_C_MEAN,           // volume-average dissolved N2 in the electrolyte holding the working electrode, mol/m^3
  AZ_TS_NH3_CATHOLYTE,    // NH3 in that electrolyte, umol/L
  AZ_TS_NH3_CROSSED,      // NH3 beyond it (membrane and other compartment), umol
  AZ_TS_N2_FED,           // N2 brought in by bubbling since t = 0, mol
  AZ_TS_N2_CONSUMED,      // N2 reduced at the electrode since t = 0, mol
  AZ_TS_NH3_PRODUCED,     // NH3 produced since t = 0, umol
  AZ_TS_CHARGE,           // charge passed since t = 0, C
  AZ_TS_POTENTIAL,        // the working electrode's potential vs RHE (galvanostatic: solved; a full cell's cathode:
                          // against the electrolyte at its surface), V
  AZ_TS_CELL_VOLTAGE,     // a full cell's voltage (0 otherwise), V
  AZ_TS_NH3_BALANCE_REL,  // |produced - NH3 in the cell| / produced
};

// Products other than the table's first (NH3, whose columns are among the fixed ones above) that a run follows get four
// columns each after the fixed ones, named by their row's key and the compartment of the electrode that makes them:
// c_<key>_<catholyte|anolyte>_umol_L, <key>_crossed_umol (into the other compartment and the membrane),
// <key>_produced_umol (by the electrodes' currents), <key>_balance_rel (|produced - in the cell| / produced).
#define AZ_TS_MAX_PRODUCTS    2
#define AZ_TS_MAX_ION_COLUMNS 4

// A table of rows, one per accepted time step: time_s, the metrics (AzMetricsForEach order), the extra columns, the
// further products' columns.
typedef struct {
  PetscInt             ncol, nrow, cap;
  PetscReal           *rows;
  PetscInt             nproduct_columns;                           // 4 per further product
  char                 product_names[4 * AZ_TS_MAX_PRODUCTS][48];  // their names
  const AzSpeciesInfo *product_species[AZ_TS_MAX_PRODUCTS];        // the species of each (its name, molar mass)
  PetscInt             nion_columns;                               // the ionic model in time: its columns, last (npbulk.h)
  char                 ion_names[AZ_TS_MAX_ION_COLUMNS][48];
} AzTimeseries;

// Called at every output time with the state there (the fields' snapshot, streamed to disk: no copy is kept).
// (AzSnapshotFn, include/azote/output.h)

// Runs a transient case from its initial state (or from c->restart) to c->time_end on problem p (set up by the
// template), with a progress line, snapshot(ctx, t, c) (may be NULL) and, where the run has an output directory
// (c->outdir), checkpoint.h5 every c->time_output_interval. i_lim and the Sherwood length come from the steady
// companion solve. On return tab holds every row and metrics the last row's metrics (free with AzTimeseriesDestroy).
PETSC_EXTERN PetscErrorCode AzSolveTransient(AzCase c, AzProblem *p, PetscReal i_lim, PetscReal L, AzMetrics *metrics, AzTimeseries *tab,
                                             AzSnapshotFn snapshot, void *ctx);
PETSC_EXTERN PetscErrorCode AzTimeseriesDestroy(AzTimeseries *tab);
