// azote — parallel finite-volume solver for dissolved-gas transport in N2-fixation electrolyzer cells.
// The program `azote` is AzRun over the options database; everything else is in the module headers.
#pragma once

#include <azote/case.h>
#include <azote/metrics.h>
#include <azote/output.h>
#include <azote/timestep.h>

// Result of one steady run: the case's metrics and solver statistics.
typedef struct {
  AzMetrics      metrics;
  PetscInt       cells, ranks, newton_its, krylov_its, solves;
  PetscLogDouble wall_time, setup_time, solve_time, output_time;  // s
  PetscLogDouble memory_bytes;                                    // peak resident memory summed over ranks
  // transient runs: the table of every time step, and the times of the snapshots streamed into fields.h5
  AzTimeseries series;
  PetscInt     nsnap, snap_cap;
  PetscReal   *snap_times;  // s
} AzRunStats;

// One run of a validated case: takes its output directory (include/azote/outdir.h), solves it, writes summary.json
// and the fields, and prints the summary. Collective on c->comm. (The program's main chooses between this, an
// uncertainty study and a sweep, which runs its points through AzSolveCase and AzWriteResults.)
PETSC_EXTERN PetscErrorCode AzRunCase(AzCase c);

// The pieces of AzRun, for tests and sweeps: solve a validated case (files only into c->outdir where it is set: a
// transient case's checkpoints and snapshots) ...
PETSC_EXTERN PetscErrorCode AzSolveCase(AzCase c, AzProblem *p, AzRunStats *stats);
// ... and write its results to c->outdir (staged, then published together; without one, into c->output_dir through
// an unlocked one of its own).
PETSC_EXTERN PetscErrorCode AzWriteResults(AzCase c, AzProblem *p, AzRunStats *stats);
// Galvanostatic operation: sets p->electrode.potential, starting from its present value, so that the total current
// density that solve(ctx) returns, after solving at p->electrode.potential, has the magnitude c->electrode.current
// (a full cell: the cathode's potential against the anode's). Fails with one line when no potential gives that
// current. nsolve (may be NULL) counts the solves.
typedef PetscErrorCode (*AzCurrentAtPotential)(void *ctx, PetscReal *i_total);
PETSC_EXTERN PetscErrorCode AzGalvanostaticSearch(AzCase c, AzProblem *p, AzCurrentAtPotential solve, void *ctx, PetscBool verbose,
                                                  PetscInt *nsolve);
// A sweep (-sweep_<key> options on the command line or in the case file's sweep: block) over the validated base case:
// runs every point in groups of ranks, writes sweep.csv and sweep.h5 to the base case's output_dir (solver/sweep.c).
// *was_sweep is PETSC_FALSE, and nothing is done, when no key is swept.
PETSC_EXTERN PetscErrorCode AzRunSweep(AzCase base, PetscBool *was_sweep);
// An uncertainty study (uq_samples > 0, solver/uq.c): the samples of the uncertain inputs on the sweep engine, then
// uncertainty.json, tornado.png and uq_convergence.png in output_dir. *was_uq is PETSC_FALSE, and nothing is done,
// when uq_samples is 0.
PETSC_EXTERN PetscErrorCode AzRunUQ(AzCase base, PetscBool *was_uq);
// Frees what a transient run keeps in its statistics (table, snapshot times).
PETSC_EXTERN PetscErrorCode AzRunStatsDestroy(AzRunStats *stats);
