// The driver of one steady run: case -> problem -> solves -> metrics -> files.
#include <azote/azote.h>
#include <azote/private/summaryimpl.h>
#include <azote/npbulk.h>
#include <azote/outdir.h>
#if defined(__GLIBC__)
#include <malloc.h>  // malloc_trim
#endif

// The first line of a run: what is solved, on how many cells and ranks.
static PetscErrorCode AzPrintRunHeader(AzCase c, AzRunStats *st)
{
  char phi[64] = "", time[64] = "";

  PetscFunctionBeginUser;
  if (c->potential) PetscCall(PetscSNPrintf(phi, sizeof(phi), ", electrolyte potential (%.4g S/m)", (double)c->conductivity));
  if (c->ops.transient && c->time_end > 0) PetscCall(PetscSNPrintf(time, sizeof(time), ", %.10g s of electrolysis", (double)c->time_end));
  PetscCall(AzPrintf(c->comm, "%s: %s '%s': %" PetscInt_FMT " cells on %" PetscInt_FMT " rank%s, electrode %s%s%s\n", AzProgramName(),
                     c->cell_name, c->name, st->cells, st->ranks, st->ranks > 1 ? "s" : "", AzElectrodeModes[c->electrode.mode], phi,
                     time));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// One single-dof field per species of a solution vector (on da1, compatible with the grid's DMDA).
static PetscErrorCode AzSpeciesFields(AzProblem *p, DM da1, Vec c, Vec v[], AzCellField fields[])
{
  PetscFunctionBeginUser;
  for (PetscInt s = 0; s < p->nspecies; s++) {
    PetscCall(DMCreateGlobalVector(da1, &v[s]));
    PetscCall(VecStrideGather(c, s, v[s], INSERT_VALUES));
    fields[s] = (AzCellField){p->species[s].name, s == p->s_phi ? "V" : "mol/m^3", v[s]};
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The DMDA of one species' field: the grid's own where it has one dof (a second one of 1e6 cells takes 20-40 ms).
static PetscErrorCode AzFieldDM(AzProblem *p, DM *da1)
{
  PetscFunctionBeginUser;
  if (p->nspecies == 1) {
    *da1 = p->grid.da;
    PetscCall(PetscObjectReference((PetscObject)*da1));
  } else
    PetscCall(DMDACreateCompatibleDMDA(p->grid.da, 1, da1));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// A transient run's snapshots go straight into the staged fields.h5: memory does not grow with their number.
typedef struct {
  AzCase      c;
  AzProblem  *p;
  AzRunStats *st;
  PetscReal   t;
  Vec         x;
} AzSnapshotSink;

static PetscErrorCode AzSnapshotWriter(void *ctx, const char path[])
{
  AzSnapshotSink *sk = (AzSnapshotSink *)ctx;
  DM              da1;
  Vec             v[AZ_MAX_SPECIES];
  AzCellField     f[AZ_MAX_SPECIES];

  PetscFunctionBeginUser;
  PetscCall(AzFieldDM(sk->p, &da1));
  PetscCall(AzSpeciesFields(sk->p, da1, sk->x, v, f));
  PetscCall(AzOutputAppendSnapshot(sk->c->comm, path, sk->st->nsnap, sk->t, sk->p->nspecies, f));
  for (PetscInt s = 0; s < sk->p->nspecies; s++) PetscCall(VecDestroy(&v[s]));
  PetscCall(DMDestroy(&da1));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzSnapshot(void *ctx, PetscReal t, Vec x)
{
  AzSnapshotSink *sk = (AzSnapshotSink *)ctx;
  AzRunStats     *st = sk->st;

  PetscFunctionBeginUser;
  if (!sk->c->outdir || !sk->c->write_fields) PetscFunctionReturn(PETSC_SUCCESS);
  sk->t = t, sk->x = x;
  PetscCall(AzOutdirWrite(sk->c->outdir, "fields.h5", AzSnapshotWriter, sk));
  if (st->nsnap == st->snap_cap) {
    PetscReal *more;
    st->snap_cap = PetscMax(64, 2 * st->snap_cap);
    PetscCall(PetscMalloc1(st->snap_cap, &more));
    if (st->nsnap) PetscCall(PetscArraycpy(more, st->snap_times, st->nsnap));
    PetscCall(PetscFree(st->snap_times));
    st->snap_times = more;
  }
  st->snap_times[st->nsnap++] = t;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// A transient case: the steady companion in limiting mode (dissolved N2 only) gives i_lim, then time stepping.
static PetscErrorCode AzSolveCaseTransient(AzCase c, AzProblem *p, AzRunStats *st)
{
  AzProblem      q;
  AzMetrics      lim;
  PetscReal      L;
  PetscMPIInt    size;
  PetscLogDouble t0 = AzWallTime();

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(&q, sizeof(q)));
  PetscCall(PetscMemzero(&lim, sizeof(lim)));
  q.comm         = c->comm;
  c->steady_only = PETSC_TRUE;
  PetscCall(c->ops.setup(c, &q));
  c->steady_only   = PETSC_FALSE;
  q.electrode.mode = AZ_ELECTRODE_LIMITING;
  {
    // Without a source of N2 (bubbling, an inlet) the steady state is empty and its limiting current zero.
    PetscBool supplied = PETSC_FALSE;
    for (PetscInt r = 0; r < q.nregion; r++) supplied = (PetscBool)(supplied || q.region[r].kla > 0);
    for (PetscInt k = 0; k < q.npatch; k++)
      supplied = (PetscBool)(supplied || q.patch[k].type == AZ_BC_DIRICHLET || q.patch[k].type == AZ_BC_INFLOW);
    if (supplied) {
      PetscCall(AzProblemSetUpSolver(&q));
      PetscCall(AzProblemSolve(&q));
      PetscCall(AzMetricsCompute(&q, q.bulk, c->sol.gas[c->reactant].D, &lim));
    }
  }
  PetscCall(AzProblemDestroy(&q));

  p->comm = c->comm;
  PetscCall(c->ops.setup(c, p));
  PetscCallMPI(MPI_Comm_size(c->comm, &size));
  st->cells = p->grid.M[0] * p->grid.M[1] * p->grid.M[2];
  st->ranks = size;
  PetscCall(AzPrintRunHeader(c, st));
  st->setup_time = AzWallTime() - t0;
  PetscCall(c->ops.sherwood_length(c, &L));
  t0 = AzWallTime();
  {
    AzSnapshotSink sink = {c, p, st, 0, NULL};
    PetscCall(AzSolveTransient(c, p, PetscAbsReal(lim.i_main_A_m2), L, &st->metrics, &st->series, AzSnapshot, &sink));
  }
  st->solve_time = AzWallTime() - t0;
  st->solves     = st->series.nrow - 1;  // time steps
  st->newton_its = p->newton_its;
  st->krylov_its = p->krylov_its;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzRunStatsDestroy(AzRunStats *st)
{
  PetscFunctionBeginUser;
  PetscCall(PetscFree(st->snap_times));
  PetscCall(AzTimeseriesDestroy(&st->series));
  st->nsnap = st->snap_cap = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Galvanostatic steady state: each potential tried is one Newton solve (AzGalvanostaticSearch).
typedef struct {
  AzCase      c;
  AzProblem  *p;
  AzRunStats *st;
} AzSteadyGalvanostatic;

static PetscErrorCode AzSteadyCurrent(void *ctx, PetscReal *i_total)
{
  AzSteadyGalvanostatic *g = (AzSteadyGalvanostatic *)ctx;

  PetscFunctionBeginUser;
  PetscCall(AzProblemSolve(g->p));
  PetscCall(AzMetricsCompute(g->p, g->p->bulk, g->c->sol.gas[g->c->reactant].D, &g->st->metrics));
  *i_total = g->st->metrics.i_total_A_m2;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzSolveGalvanostatic(AzCase c, AzProblem *p, AzRunStats *st)
{
  AzSteadyGalvanostatic g = {c, p, st};

  PetscFunctionBeginUser;
  p->electrode.mode = AZ_ELECTRODE_POTENTIOSTATIC;
  PetscCall(AzGalvanostaticSearch(c, p, AzSteadyCurrent, &g, PETSC_TRUE, &st->solves));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzSolveCase(AzCase c, AzProblem *p, AzRunStats *st)
{
  PetscLogDouble t0 = AzWallTime();
  PetscReal      L, i_lim;
  PetscMPIInt    size;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(p, sizeof(*p)));
  PetscCall(PetscMemzero(st, sizeof(*st)));
  if (c->ops.transient && c->time_end > 0 && c->ionic.model != AZ_MODEL_TERTIARY) {
    PetscCall(AzSolveCaseTransient(c, p, st));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  p->comm        = c->comm;
  c->steady_only = (PetscBool)(c->ops.transient && c->time_end > 0);  // the ionic model in time: the steady layer, each step
  {
    PetscErrorCode ierr = c->ops.setup(c, p);
    c->steady_only      = PETSC_FALSE;
    PetscCall(ierr);
  }
  PetscCall(AzProblemSetUpSolver(p));
  PetscCallMPI(MPI_Comm_size(c->comm, &size));
  st->cells = p->grid.M[0] * p->grid.M[1] * p->grid.M[2];
  st->ranks = size;
  PetscCall(AzPrintRunHeader(c, st));
  st->setup_time = AzWallTime() - t0;
  if (c->ops.transient && c->time_end > 0) {
    PetscCall(AzSolveIonicInTime(c, p, st));
    PetscFunctionReturn(PETSC_SUCCESS);
  }

  if (c->electrode.mode == AZ_ELECTRODE_GALVANOSTATIC)
    PetscCall(AzSolveGalvanostatic(c, p, st));
  else {
    PetscCall(AzIonicCoarseStart(c, p));
    PetscCall(AzProblemSolve(p));
    st->solves = 1;
    PetscCall(AzMetricsCompute(p, p->bulk, c->sol.gas[c->reactant].D, &st->metrics));
  }
  if (p->electrode.mode == AZ_ELECTRODE_LIMITING)
    i_lim = PetscAbsReal(st->metrics.i_main_A_m2);
  else if (p->np) {  // the ionic model: the transport cap of the neutral reactant, which the ions do not move
    PetscCall(AzIonicLimitingCurrent(c, &i_lim));
    st->solves++;
  } else {
    // The same case in limiting mode gives the transport cap i_lim; the fields kept are the requested mode's.
    AzMetrics       lim;
    Vec             keep;
    AzElectrodeMode mode = p->electrode.mode;
    PetscCall(VecDuplicate(p->c, &keep));
    PetscCall(VecCopy(p->c, keep));
    p->electrode.mode = AZ_ELECTRODE_LIMITING;
    PetscCall(AzProblemSolve(p));
    st->solves++;
    PetscCall(AzMetricsCompute(p, p->bulk, c->sol.gas[c->reactant].D, &lim));
    i_lim             = PetscAbsReal(lim.i_main_A_m2);
    p->electrode.mode = mode;
    PetscCall(VecCopy(keep, p->c));
    PetscCall(VecDestroy(&keep));
  }
  PetscCall(c->ops.sherwood_length(c, &L));
  PetscCall(AzMetricsFinish(p, i_lim, L, &st->metrics));
  st->newton_its = p->newton_its;
  st->krylov_its = p->krylov_its;
  st->solve_time = p->solve_time;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The fields: every species, velocity, region tags and the state along the electrode (fields.h5, after a transient
// run's snapshots), and their XDMF description.
typedef struct {
  AzCase      c;
  AzProblem  *p;
  AzRunStats *st;
  PetscInt    nf;
  AzCellField fields[AZ_MAX_SPECIES + 4];
  char        ename[40];  // the ionic model: the field of the ion electroneutrality gives, c_<key>
  PetscInt    ngroup;     // the working electrode and a full cell's anode
  AzLineGroup groups[2];
  AzLineField lines[2][5 + AZ_MAX_ELECTRODE_REACTIONS];
  char        names[2][AZ_MAX_ELECTRODE_REACTIONS][40];  // the line fields' names i_<reaction>
  PetscReal  *buf[2];
} AzFieldsJob;

// The values along one electrode (its pieces f[0..n-1]): x, y[, z], the surface concentration of its reactant, each
// reaction's current density (i_<name>)[, phi_s] (z on a 3-D grid only, phi_s with the electrolyte potential only).
static PetscErrorCode AzElectrodeLines(AzFieldsJob *job, PetscInt k, const char name[], const AzElectrode *e, PetscInt n,
                                       const AzElectrodePiece *f)
{
  const AzProblem *p  = job->p;
  const PetscInt   nr = e->nreaction, ncol = 5 + nr;
  AzLineGroup     *L = &job->groups[k];
  AzLineField     *l = job->lines[k];
  PetscReal       *buf;
  PetscInt         nl = 0;

  PetscFunctionBeginUser;
  PetscCall(PetscMalloc1(ncol * PetscMax(n, 1), &job->buf[k]));
  buf = job->buf[k];
  for (PetscInt q = 0; q < n; q++) {
    buf[q] = f[q].x[0], buf[n + q] = f[q].x[1], buf[2 * n + q] = f[q].x[2], buf[3 * n + q] = f[q].state.c_s,
    buf[4 * n + q] = f[q].state.phi_s;
    for (PetscInt r = 0; r < nr; r++) buf[(5 + r) * n + q] = f[q].state.i[r];
  }
  l[nl++] = (AzLineField){"x", "m", n, buf};
  l[nl++] = (AzLineField){"y", "m", n, buf + n};
  l[nl++] = (AzLineField){"c_surf", "mol/m^3", n, buf + 3 * n};
  for (PetscInt r = 0; r < nr; r++) {
    PetscCall(PetscSNPrintf(job->names[k][r], sizeof(job->names[k][r]), "i_%s", e->reaction[r].info->name));
    l[nl++] = (AzLineField){job->names[k][r], "A/m^2", n, buf + (5 + r) * n};
  }
  if (p->grid.dim == 3) l[nl++] = (AzLineField){"z", "m", n, buf + 2 * n};
  if (p->s_phi >= 0) l[nl++] = (AzLineField){"phi_s", "V", n, buf + 4 * n};
  L->name = name, L->nline = nl, L->lines = l;
  PetscCall(AzOutputElectrodeSurface(job->c->comm, nl, l, &L->surface));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzFieldsWriter(void *ctx, const char path[])
{
  AzFieldsJob *job = (AzFieldsJob *)ctx;

  PetscFunctionBeginUser;
  PetscCall(AzOutputWriteFields(job->c->comm, path, (PetscBool)(job->st->nsnap > 0), &job->p->grid, job->nf, job->fields, job->ngroup,
                                job->groups, AzOutdirRunId(job->c->outdir)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzXDMFWriter(void *ctx, const char path[])
{
  AzFieldsJob *job = (AzFieldsJob *)ctx;
  const char  *names[AZ_MAX_SPECIES];

  PetscFunctionBeginUser;
  for (PetscInt s = 0; s < job->p->nspecies; s++) names[s] = job->p->species[s].name;
  PetscCall(AzOutputWriteXDMF(job->c->comm, path, &job->p->grid, job->nf, job->fields, job->ngroup, job->groups, job->st->nsnap,
                              job->st->snap_times, job->p->nspecies, names));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzWriteFieldsOfProblem(AzCase c, AzProblem *p, AzRunStats *st)
{
  const AzGrid     *g = &p->grid;
  DM                da1;
  Vec               v[AZ_MAX_SPECIES + 4];
  PetscReal        *a;
  PetscInt          n;
  AzElectrodePiece *f;
  AzFieldsJob       job;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(&job, sizeof(job)));
  job.c = c, job.p = p, job.st = st;
  PetscCall(AzFieldDM(p, &da1));
  PetscCall(AzSpeciesFields(p, da1, p->c, v, job.fields));
  job.nf = p->nspecies;
  PetscCall(DMCreateGlobalVector(da1, &v[job.nf]));
  PetscCall(VecGetArray(v[job.nf], &a));
  AzForOwnedCells(g, i, j, k) a[AzGridOwned(g, i, j, k)] = p->ux ? p->ux[j + g->M[1] * k] : 0;
  PetscCall(VecRestoreArray(v[job.nf], &a));
  job.fields[job.nf] = (AzCellField){"u_x", "m/s", v[job.nf]};
  job.nf++;
  PetscCall(DMCreateGlobalVector(da1, &v[job.nf]));
  PetscCall(VecGetArray(v[job.nf], &a));
  AzForOwnedCells(g, i, j, k) a[AzGridOwned(g, i, j, k)] = g->tag[AzGridLocal(g, i, j, k)];
  PetscCall(VecRestoreArray(v[job.nf], &a));
  job.fields[job.nf] = (AzCellField){"region", "-", v[job.nf]};
  job.nf++;
  if (p->np) {  // the ionic model: pH and the ion electroneutrality gives (solver/npmetrics.c)
    PetscCall(DMCreateGlobalVector(da1, &v[job.nf]));
    PetscCall(DMCreateGlobalVector(da1, &v[job.nf + 1]));
    PetscCall(AzNPFields(p, v[job.nf], v[job.nf + 1], job.ename, sizeof(job.ename)));
    job.fields[job.nf]     = (AzCellField){"ph", "-", v[job.nf]};
    job.fields[job.nf + 1] = (AzCellField){job.ename, "mol/m^3", v[job.nf + 1]};
    job.nf += 2;
  }

  PetscCall(AzProblemElectrodePieces(p, AZ_BC_ELECTRODE, &n, &f));
  PetscCall(AzElectrodeLines(&job, job.ngroup++, "electrode", &p->electrode, n, f));
  PetscCall(PetscFree(f));
  if (p->anode_area > 0) {  // a full cell's anode: its surface data too
    PetscCall(AzProblemElectrodePieces(p, AZ_BC_ANODE, &n, &f));
    PetscCall(AzElectrodeLines(&job, job.ngroup++, "anode", &p->anode, n, f));
    PetscCall(PetscFree(f));
  }
  PetscCall(AzOutdirWrite(c->outdir, "fields.xmf", AzXDMFWriter, &job));
  PetscCall(AzOutdirWrite(c->outdir, "fields.h5", AzFieldsWriter, &job));
  for (PetscInt k = 0; k < job.ngroup; k++) PetscCall(PetscFree(job.buf[k]));
  for (PetscInt i = 0; i < job.nf; i++) PetscCall(VecDestroy(&v[i]));
  PetscCall(DMDestroy(&da1));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// timeseries.csv of a transient run: time_s, the metrics, the extra columns.
static PetscErrorCode AzTimeseriesWriter(void *ctx, const char path[])
{
  AzFieldsJob *job = (AzFieldsJob *)ctx;
  AzRunStats  *st  = job->st;
  const char  *names[64];
  PetscInt     n;

  PetscFunctionBeginUser;
  names[0] = "time_s";
  PetscCall(AzMetricsList(&st->metrics, 64 - 1 - AZ_TS_EXTRA_COLUMNS - st->series.nproduct_columns - st->series.nion_columns, &n, names + 1,
                          NULL));
  n++;
  for (PetscInt k = 0; k < AZ_TS_EXTRA_COLUMNS; k++) names[n++] = AzTimeseriesExtraNames[k];
  for (PetscInt k = 0; k < st->series.nproduct_columns; k++) names[n++] = st->series.product_names[k];
  for (PetscInt k = 0; k < st->series.nion_columns; k++) names[n++] = st->series.ion_names[k];
  PetscCheck(n == st->series.ncol, job->c->comm, PETSC_ERR_PLIB, "timeseries has %" PetscInt_FMT " columns, %" PetscInt_FMT " names",
             st->series.ncol, n);
  PetscCall(AzOutputWriteCSV(job->c->comm, path, n, names, st->series.nrow, st->series.rows));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzSummaryWriter(void *ctx, const char path[])
{
  AzFieldsJob *job = (AzFieldsJob *)ctx;

  PetscFunctionBeginUser;
  PetscCall(AzWriteSummary(job->c, job->p, job->st, path));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Every file into the staging directory, then published together, summary.json last.
static PetscErrorCode AzWriteResultsStaged(AzCase c, AzProblem *p, AzRunStats *st)
{
  PetscLogDouble t0 = AzWallTime();
  AzFieldsJob    job;
  const char    *names[4];
  PetscInt       n = 0;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(&job, sizeof(job)));
  job.c = c, job.p = p, job.st = st;
  if (c->write_fields) {
    PetscCall(AzWriteFieldsOfProblem(c, p, st));
    names[n++] = "fields.h5", names[n++] = "fields.xmf";
  }
  if (st->series.nrow) {
    PetscCall(AzOutdirWrite(c->outdir, "timeseries.csv", AzTimeseriesWriter, &job));
    names[n++] = "timeseries.csv";
  }
  st->output_time = AzWallTime() - t0;
  {  // the peak so far, the output's included
    PetscLogDouble mem = AzMemoryPeak();
    PetscCallMPI(MPI_Allreduce(&mem, &st->memory_bytes, 1, MPI_DOUBLE, MPI_SUM, c->comm));
  }
  PetscCall(AzOutdirWrite(c->outdir, "summary.json", AzSummaryWriter, &job));
  names[n++] = "summary.json";  // last: its presence marks a complete set
  PetscCall(AzOutdirPublish(c->outdir, AzOutdirRunFiles, n, names));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzWriteResults(AzCase c, AzProblem *p, AzRunStats *st)
{
  PetscErrorCode ierr;

  PetscFunctionBeginUser;
  if (c->outdir) {
    PetscCall(AzWriteResultsStaged(c, p, st));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  // a caller that holds no output directory: one of our own for these files (the caller keeps others out)
  PetscCall(AzOutdirOpen(c->comm, c->output_dir, AZ_OUTDIR_UNLOCKED, NULL, &c->outdir));
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = AzWriteResultsStaged(c, p, st);
  PetscCall(PetscPopErrorHandler());
  PetscCall(AzOutdirClose(&c->outdir, (PetscBool)!ierr));
  PetscCall(ierr);
  PetscFunctionReturn(PETSC_SUCCESS);
}

// A single run in the output directory it holds (c->outdir).
static PetscErrorCode AzRunInOutdir(AzCase c, PetscLogDouble t0)
{
  MPI_Comm   comm = c->comm;
  AzProblem  p;
  AzRunStats st;

  PetscFunctionBeginUser;
  PetscCall(AzSolveCase(c, &p, &st));
  // The solver (matrix, AMG hierarchy, Krylov vectors) is done with: its memory goes before the output's comes. glibc
  // keeps freed heap pages mapped (the 2-D 1e6-cell run stayed at 417 MB after this destroy, then rose by 4 MB for
  // the output's buffers): they are handed back (30 ms there, which the exit would otherwise spend), and the run's
  // peak is the solver's.
  PetscCall(SNESDestroy(&p.snes));
#if defined(__GLIBC__)
  (void)malloc_trim(0);
#endif
  st.wall_time = AzWallTime() - t0;
  PetscCall(AzWriteResults(c, &p, &st));
  PetscCall(AzPrintf(comm,
                     "%s: solved in %.3g s (%" PetscInt_FMT " Newton, %" PetscInt_FMT " Krylov iterations over %" PetscInt_FMT " solves)\n",
                     AzProgramName(), st.solve_time, st.newton_its, st.krylov_its, st.solves));
  PetscCall(AzReportRun(c, &p, &st));
  PetscCall(AzPrintf(comm, "%s: results in %s/ (summary.json%s%s)\n", AzProgramName(), c->output_dir,
                     c->write_fields ? ", fields.h5, fields.xmf" : "",
                     st.series.nrow ? (st.series.nion_columns ? ", timeseries.csv" : ", timeseries.csv, checkpoint.h5") : ""));
  PetscCall(AzRunStatsDestroy(&st));
  PetscCall(AzProblemDestroy(&p));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzRunCase(AzCase c)
{
  PetscErrorCode ierr;

  PetscFunctionBeginUser;
  // The output directory is this run's from here on (a second run into it stops at once), and what it writes appears
  // together at the end; a failure releases it with nothing written (the error is already reported).
  PetscCall(AzOutdirOpen(c->comm, c->output_dir, AZ_OUTDIR_EXCLUSIVE, NULL, &c->outdir));
  ierr = AzRunInOutdir(c, c->start_time);
  if (ierr) {
    (void)AzOutdirClose(&c->outdir, PETSC_FALSE);
    PetscFunctionReturn(ierr);
  }
  PetscCall(AzOutdirClose(&c->outdir, PETSC_TRUE));
  PetscFunctionReturn(PETSC_SUCCESS);
}
