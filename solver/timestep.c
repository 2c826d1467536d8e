// Transient runs: PETSc TS over the steady residual, the balances integrated with the scheme's weights, output
// segments with snapshots, checkpoints and progress lines, and exact continuation from a checkpoint.
#include <azote/azote.h>
#include <azote/timestep.h>
#include <azote/outdir.h>
#include <petscts.h>

const char *const AzTimeseriesExtraNames[AZ_TS_EXTRA_COLUMNS] = {
    "c_mean_mol_m3", "c_nh3_catholyte_umol_L", "nh3_crossed_umol", "n2_fed_mol",     "n2_consumed_mol", "nh3_produced_umol",
    "charge_C",      "electrode_potential_V",  "cell_voltage_V",   "nh3_balance_rel"};

#define AZ_MAX_COLUMNS 64

// Scalars of the integration state, saved in checkpoints.
enum {
  AZ_ST_TIME,
  AZ_ST_DT,
  AZ_ST_FED,
  AZ_ST_CONSUMED,
  AZ_ST_CHARGE,
  AZ_ST_INV0,
  AZ_ST_RATE_IN,
  AZ_ST_RATE_CONS,
  AZ_ST_CURRENT,
  AZ_ST_STEPS,
  AZ_ST_REJECTED,
  AZ_ST_ANODE,  // N2 consumed at a full cell's anode, mol
  AZ_ST_RATE_ANODE,
  AZ_ST_POTENTIAL,        // the working electrode's metal potential (galvanostatic: solved), V
  AZ_ST_ANODE_POTENTIAL,  // a full cell's anode's (its gauge), V
  AZ_NSTATE
};

typedef struct {
  AzCase        c;
  AzProblem    *p;
  Vec           mass, work;
  PetscReal     theta;          // weight of the new end point in the scheme (1: backward Euler)
  PetscReal     i_lim, L;       // steady limiting current, Sherwood length
  PetscReal     st[AZ_NSTATE];  // integration state
  PetscBool     have_row;       // a row exists at st[AZ_ST_TIME]
  AzTimeseries *tab;
  AzMetrics     last;
  SNES          inner;  // galvanostatic: the Newton solver of a time step at a given potential
  Vec           x;      // galvanostatic: the time step's unknowns being solved for
} AzTransientCtx;

static PetscErrorCode AzIFunction(TS ts, PetscReal t, Vec X, Vec Xdot, Vec F, void *ctx)
{
  AzTransientCtx *tc = (AzTransientCtx *)ctx;

  PetscFunctionBeginUser;
  PetscCall(AzFormFunction(NULL, X, F, tc->p));
  PetscCall(VecPointwiseMult(tc->work, tc->mass, Xdot));
  PetscCall(VecAXPY(F, 1.0, tc->work));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzIJacobian(TS ts, PetscReal t, Vec X, Vec Xdot, PetscReal shift, Mat J, Mat P, void *ctx)
{
  AzTransientCtx *tc = (AzTransientCtx *)ctx;

  PetscFunctionBeginUser;
  PetscCall(AzFormJacobian(NULL, X, P, P, tc->p));
  PetscCall(VecCopy(tc->mass, tc->work));
  PetscCall(VecScale(tc->work, shift));
  PetscCall(MatDiagonalSet(P, tc->work, ADD_VALUES));
  if (J != P) {
    PetscCall(MatAssemblyBegin(J, MAT_FINAL_ASSEMBLY));
    PetscCall(MatAssemblyEnd(J, MAT_FINAL_ASSEMBLY));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzTimeseriesAppend(AzTimeseries *tab, const PetscReal row[])
{
  PetscFunctionBeginUser;
  if (tab->nrow == tab->cap) {
    PetscReal *rows;
    tab->cap = PetscMax(64, 2 * tab->cap);
    PetscCall(PetscMalloc1(tab->cap * tab->ncol, &rows));
    if (tab->nrow) PetscCall(PetscArraycpy(rows, tab->rows, tab->nrow * tab->ncol));
    PetscCall(PetscFree(tab->rows));
    tab->rows = rows;
  }
  PetscCall(PetscArraycpy(tab->rows + tab->nrow * tab->ncol, row, tab->ncol));
  tab->nrow++;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzTimeseriesDestroy(AzTimeseries *tab)
{
  PetscFunctionBeginUser;
  PetscCall(PetscFree(tab->rows));
  tab->nrow = tab->cap = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Records the state at time t (one row), advancing the integrals from the previous row with the scheme's weights.
static PetscErrorCode AzRecord(AzTransientCtx *tc, PetscReal t, PetscBool append)
{
  AzProblem      *p = tc->p;
  AzCase          c = tc->c;
  AzMetrics       m;
  PetscReal       row[AZ_MAX_COLUMNS], *at, inv_n2, nh3_work = 0, nh3_all = 0, vol_work, rate_in, rate_cons, current;
  const PetscReal th = tc->theta;

  PetscFunctionBeginUser;
  // segment starts repeat the last step; append = FALSE only brings tc->last up to date with the current state
  if (append && tc->have_row && t <= tc->st[AZ_ST_TIME]) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(AzMetricsCompute(p, p->bulk, c->sol.gas[c->reactant].D, &m));
  PetscCall(AzMetricsFinish(p, tc->i_lim, tc->L, &m));
  rate_in                    = m.balance.in;
  rate_cons                  = m.balance.consumed;
  const PetscReal rate_anode = m.balance.consumed_anode;
  current                    = m.i_total_A_m2 * p->electrode_area;
  PetscCall(AzProblemInventory(p, AZ_N2, PETSC_FALSE, &inv_n2, NULL));
  if (!tc->have_row)
    tc->st[AZ_ST_INV0] = inv_n2;
  else if (t > tc->st[AZ_ST_TIME]) {
    const PetscReal dt = t - tc->st[AZ_ST_TIME];
    tc->st[AZ_ST_FED] += dt * (th * rate_in + (1 - th) * tc->st[AZ_ST_RATE_IN]);
    tc->st[AZ_ST_CONSUMED] += dt * (th * rate_cons + (1 - th) * tc->st[AZ_ST_RATE_CONS]);
    tc->st[AZ_ST_ANODE] += dt * (th * rate_anode + (1 - th) * tc->st[AZ_ST_RATE_ANODE]);
    tc->st[AZ_ST_CHARGE] += dt * (th * current + (1 - th) * tc->st[AZ_ST_CURRENT]);
    tc->st[AZ_ST_STEPS] += 1;
  }
  tc->st[AZ_ST_TIME]            = t;
  tc->st[AZ_ST_RATE_IN]         = rate_in;
  tc->st[AZ_ST_RATE_CONS]       = rate_cons;
  tc->st[AZ_ST_RATE_ANODE]      = rate_anode;
  tc->st[AZ_ST_POTENTIAL]       = p->electrode.potential;
  tc->st[AZ_ST_ANODE_POTENTIAL] = p->anode.potential;
  tc->st[AZ_ST_CURRENT]         = current;
  tc->have_row                  = PETSC_TRUE;
  {
    // N2 available so far: the initial inventory and what the bubbles brought.
    const PetscReal available = tc->st[AZ_ST_INV0] + tc->st[AZ_ST_FED];
    m.reactant_conversion     = available > 0 ? tc->st[AZ_ST_CONSUMED] / available : 0;
    m.n2_conversion           = c->reactant == AZ_GAS_N2 ? m.reactant_conversion : 0;  // the H-cell carries one dissolved gas
    m.mass_balance_rel =
        available > 0 ? PetscAbsReal(tc->st[AZ_ST_FED] - tc->st[AZ_ST_CONSUMED] - (inv_n2 - tc->st[AZ_ST_INV0])) / available : 0;
  }
  row[0] = t;
  {
    PetscInt nm;
    PetscCall(AzMetricsList(&m, AZ_MAX_COLUMNS - 1 - AZ_TS_EXTRA_COLUMNS, &nm, NULL, row + 1));
    at = row + 1 + nm;
  }
  PetscCall(AzProblemInventory(p, AZ_N2, PETSC_TRUE, &at[AZ_TS_C_MEAN], &vol_work));
  at[AZ_TS_C_MEAN] /= vol_work;
  if (p->s_prod >= 0) {
    PetscCall(AzProblemInventory(p, p->s_prod, PETSC_TRUE, &nh3_work, NULL));
    PetscCall(AzProblemInventory(p, p->s_prod, PETSC_FALSE, &nh3_all, NULL));
  }
  {
    const PetscReal produced  = 2 * (tc->st[AZ_ST_CONSUMED] - tc->st[AZ_ST_ANODE]);  // 2 NH3 per N2 reduced at the cathode
    at[AZ_TS_NH3_CATHOLYTE]   = 1e3 * nh3_work / vol_work;                           // mol/m^3 -> umol/L
    at[AZ_TS_NH3_CROSSED]     = 1e6 * (nh3_all - nh3_work);
    at[AZ_TS_N2_FED]          = tc->st[AZ_ST_FED];
    at[AZ_TS_N2_CONSUMED]     = tc->st[AZ_ST_CONSUMED];
    at[AZ_TS_NH3_PRODUCED]    = 1e6 * produced;
    at[AZ_TS_CHARGE]          = tc->st[AZ_ST_CHARGE];
    at[AZ_TS_POTENTIAL]       = p->anode_area > 0 ? p->electrode.potential - m.phi_s_mean_V : p->electrode.potential;
    at[AZ_TS_CELL_VOLTAGE]    = p->anode_area > 0 ? p->anode.potential - p->electrode.potential : 0;
    at[AZ_TS_NH3_BALANCE_REL] = p->s_prod >= 0 && produced > 0 ? PetscAbsReal(produced - nh3_all) / produced : 0;
  }
  if (append) PetscCall(AzTimeseriesAppend(tc->tab, row));
  tc->last = m;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzMonitor(TS ts, PetscInt step, PetscReal t, Vec X, void *ctx)
{
  PetscFunctionBeginUser;
  PetscCall(AzRecord((AzTransientCtx *)ctx, t, PETSC_TRUE));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The keys that define a run, for checking that a checkpoint continues the same case (output and end time may change).
static PetscErrorCode AzCaseSignature(char sig[], size_t len)
{
  PetscInt             n;
  const AzOptionEntry *e;

  PetscFunctionBeginUser;
  sig[0] = 0;
  PetscCall(AzOptionsRegistryGet(&n, &e));
  for (PetscInt i = 0; i < n; i++) {
    if (!strncmp(e[i].key, "output_", 7) || !strcmp(e[i].key, "time_end")) continue;
    PetscCall(PetscStrlcat(sig, e[i].key, len));
    PetscCall(PetscStrlcat(sig, "=", len));
    PetscCall(PetscStrlcat(sig, e[i].value, len));
    PetscCall(PetscStrlcat(sig, ";", len));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef struct {
  AzTransientCtx  *tc;
  AzCheckpointData d;
} AzCheckpointJob;

static PetscErrorCode AzCheckpointWriter(void *ctx, const char path[])
{
  AzCheckpointJob *job = (AzCheckpointJob *)ctx;

  PetscFunctionBeginUser;
  PetscCall(AzCheckpointWrite(job->tc->c->comm, path, job->tc->p->c, &job->d, AzOutdirRunId(job->tc->c->outdir)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// checkpoint.h5 in the staging directory, then published: the first one replaces the previous run's files.
static PetscErrorCode AzCheckpoint(AzTransientCtx *tc, TS ts)
{
  AzCheckpointJob          job;
  static const char *const name[] = {"checkpoint.h5"};

  PetscFunctionBeginUser;
  if (!tc->c->outdir) PetscFunctionReturn(PETSC_SUCCESS);  // a run without files (a sweep's point)
  PetscCall(PetscMemzero(&job, sizeof(job)));
  job.tc        = tc;
  job.d.nscalar = AZ_NSTATE;
  job.d.scalars = tc->st;
  job.d.ncol    = tc->tab->ncol;
  job.d.nrow    = tc->tab->nrow;
  job.d.rows    = tc->tab->rows;
  PetscCall(AzCaseSignature(job.d.signature, sizeof(job.d.signature)));
  PetscCall(AzOutdirWrite(tc->c->outdir, name[0], AzCheckpointWriter, &job));
  PetscCall(AzOutdirPublish(tc->c->outdir, AzOutdirRunFiles, 1, name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// A checkpoint is input: its state is checked against the case before the run continues from it.
static PetscErrorCode AzRestartCheck(AzTransientCtx *tc, const AzCheckpointData *d)
{
  const PetscReal *st = d->scalars, t = st[AZ_ST_TIME], t_end = tc->c->time_end;
  const char      *path = tc->c->restart;
  char             sbuf[256], why[256] = "";
  const char      *sp = AzShort(path, sbuf, sizeof(sbuf));
  PetscReal        cmin;

  PetscFunctionBeginUser;
  for (PetscInt k = 0; k < AZ_NSTATE && !why[0]; k++)
    if (PetscIsInfOrNanReal(st[k])) (void)snprintf(why, sizeof(why), "its state value %" PetscInt_FMT " is %g", k, (double)st[k]);
  if (!why[0] && t < 0) (void)snprintf(why, sizeof(why), "its time is %g s: allowed >= 0", (double)t);
  if (!why[0] && !(st[AZ_ST_DT] > 0)) (void)snprintf(why, sizeof(why), "its time step is %g s: allowed > 0", (double)st[AZ_ST_DT]);
  if (!why[0] && (st[AZ_ST_STEPS] != PetscFloorReal(st[AZ_ST_STEPS]) || st[AZ_ST_STEPS] + 1 != d->nrow))
    (void)snprintf(why, sizeof(why), "it counts %g time steps but its table has %" PetscInt_FMT " rows (one per step and t = 0)",
                   (double)st[AZ_ST_STEPS], d->nrow);
  if (!why[0] && (st[AZ_ST_REJECTED] < 0 || st[AZ_ST_REJECTED] != PetscFloorReal(st[AZ_ST_REJECTED])))
    (void)snprintf(why, sizeof(why), "its count of rejected steps is %g", (double)st[AZ_ST_REJECTED]);
  if (!why[0] && (PetscAbsReal(st[AZ_ST_POTENTIAL]) > 100 || PetscAbsReal(st[AZ_ST_ANODE_POTENTIAL]) > 100))
    (void)snprintf(why, sizeof(why), "its electrode potentials are %g and %g V: allowed within +-100 V", (double)st[AZ_ST_POTENTIAL],
                   (double)st[AZ_ST_ANODE_POTENTIAL]);
  for (PetscInt r = 0; r < d->nrow && !why[0]; r++) {  // the table's times: from 0, increasing, ending at the state's
    const PetscReal tr = d->rows[r * d->ncol], prev = r ? d->rows[(r - 1) * d->ncol] : 0;
    if (!(tr >= prev && tr <= t) || (r == 0 && tr != 0) || (r == d->nrow - 1 && tr != t))
      (void)snprintf(why, sizeof(why), "its table's time column is not 0 .. %g s increasing (row %" PetscInt_FMT ": %g s)", (double)t, r,
                     (double)tr);
  }
  PetscCheck(!why[0], tc->c->comm, PETSC_ERR_USER_INPUT, "-restart = '%s' cannot be used: %s", sp, why);
  PetscCheck(t <= t_end * (1 + 1e-12), tc->c->comm, PETSC_ERR_USER_INPUT,
             "-restart = '%s' stopped at t = %.10g s, after time_end = %.10g s: set time_end >= %.10g s", sp, (double)t, (double)t_end,
             (double)t);
  PetscCall(AzProblemMinConcentration(tc->p, &cmin));
  PetscCheck(!PetscIsInfOrNanReal(cmin) && cmin >= -1e-8 * tc->p->bulk, tc->c->comm, PETSC_ERR_USER_INPUT,
             "-restart = '%s' cannot be used: its solution holds %.6g mol/m^3 (allowed: finite concentrations >= 0)", sp, (double)cmin);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzRestart(AzTransientCtx *tc)
{
  AzCheckpointData d;
  char             sig[4096];

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(&d, sizeof(d)));
  PetscCall(AzCaseSignature(sig, sizeof(sig)));
  d.nscalar = AZ_NSTATE, d.ncol = tc->tab->ncol;  // what this case expects
  PetscCall(AzCheckpointRead(tc->c->comm, tc->c->restart, sig, tc->p->c, &d));
  PetscCall(AzRestartCheck(tc, &d));
  PetscCall(PetscArraycpy(tc->st, d.scalars, AZ_NSTATE));
  tc->p->electrode.potential = tc->st[AZ_ST_POTENTIAL];  // galvanostatic: where the run had brought it
  tc->p->anode.potential     = tc->st[AZ_ST_ANODE_POTENTIAL];
  for (PetscInt r = 0; r < d.nrow; r++) PetscCall(AzTimeseriesAppend(tc->tab, d.rows + r * d.ncol));
  tc->have_row = (PetscBool)(d.nrow > 0);
  PetscCall(PetscFree(d.scalars));
  PetscCall(PetscFree(d.rows));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Galvanostatic in time: each time step's Newton solve becomes a search for the potential at which that step's
// solution carries the set current (AzGalvanostaticSearch), every try a Newton solve of the step's equations.
static PetscErrorCode AzStepCurrent(void *ctx, PetscReal *i_total)
{
  AzTransientCtx     *tc = (AzTransientCtx *)ctx;
  AzProblem          *p  = tc->p;
  SNESConvergedReason reason;
  PetscInt            its, lits;
  AzMetrics           m;
  Vec                 keep = p->c;

  PetscFunctionBeginUser;
  PetscCall(SNESSolve(tc->inner, NULL, tc->x));
  PetscCall(SNESGetConvergedReason(tc->inner, &reason));
  PetscCall(SNESGetIterationNumber(tc->inner, &its));
  PetscCall(SNESGetLinearSolveIterations(tc->inner, &lits));
  p->newton_its += its, p->krylov_its += lits;
  PetscCheck(reason > 0, p->comm, PETSC_ERR_NOT_CONVERGED, "galvanostatic time step: the Newton solve did not converge (%s)",
             SNESConvergedReasons[reason]);
  p->c = tc->x;  // the current of the step's solution
  PetscCall(AzMetricsCompute(p, p->bulk, tc->c->sol.gas[tc->c->reactant].D, &m));
  p->c     = keep;
  *i_total = m.i_total_A_m2;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzGalvanostaticStep(SNES shell, Vec x)
{
  AzTransientCtx *tc;
  AzCase          c;
  AzProblem      *p;
  PetscErrorCode (*fn)(SNES, Vec, Vec, void *);
  PetscErrorCode (*jfn)(SNES, Vec, Mat, Mat, void *);
  void *fctx, *jctx;
  Mat   A, B;

  PetscFunctionBeginUser;
  PetscCall(SNESShellGetContext(shell, &tc));
  c = tc->c, p = tc->p;
  PetscCall(SNESGetFunction(shell, NULL, &fn, &fctx));
  PetscCall(SNESGetJacobian(shell, &A, &B, &jfn, &jctx));
  PetscCall(SNESSetFunction(tc->inner, NULL, fn, fctx));
  PetscCall(SNESSetJacobian(tc->inner, A, B, jfn, jctx));
  tc->x = x;
  PetscCall(AzGalvanostaticSearch(c, p, AzStepCurrent, tc, PETSC_FALSE, NULL));
  PetscCall(SNESSetConvergedReason(shell, SNES_CONVERGED_FNORM_ABS));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzSolveTransient(AzCase c, AzProblem *p, PetscReal i_lim, PetscReal L, AzMetrics *metrics, AzTimeseries *tab,
                                AzSnapshotFn snapshot, void *snapctx)
{
  AzTransientCtx  tc;
  TS              ts;
  TSAdapt         adapt;
  SNES            snes;
  Mat             J;
  Vec             atol;
  const PetscReal t_end = c->time_end, eps = 1e-12 * c->time_end;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(&tc, sizeof(tc)));
  tc.c = c, tc.p = p, tc.i_lim = i_lim, tc.L = L, tc.tab = tab, tc.theta = 1;
  {
    // time_s, the metrics of this electrode reaction, the extra columns
    AzMetrics m;
    PetscInt  nm;
    PetscCall(PetscMemzero(&m, sizeof(m)));
    PetscCall(AzMetricsSetShape(&p->electrode, p->anode_area > 0 ? &p->anode : NULL, &m));
    PetscCall(AzMetricsList(&m, AZ_MAX_COLUMNS - 1 - AZ_TS_EXTRA_COLUMNS, &nm, NULL, NULL));
    tab->ncol = 1 + nm + AZ_TS_EXTRA_COLUMNS;
  }
  tab->nrow = tab->cap = 0, tab->rows = NULL;
  PetscCall(VecDuplicate(p->c, &tc.mass));
  PetscCall(VecDuplicate(p->c, &tc.work));
  PetscCall(AzProblemMassVector(p, tc.mass));
  tc.st[AZ_ST_DT] = c->time_step_initial;

  PetscCall(TSCreate(c->comm, &ts));
  PetscCall(TSSetDM(ts, p->grid.da));
  PetscCall(TSSetIFunction(ts, NULL, AzIFunction, &tc));
  PetscCall(DMCreateMatrix(p->grid.da, &J));
  PetscCall(TSSetIJacobian(ts, J, J, AzIJacobian, &tc));
  PetscCall(MatDestroy(&J));
  PetscCall(TSSetType(ts, TSTHETA));
  PetscCall(TSThetaSetTheta(ts, 1.0));
  PetscCall(TSThetaSetEndpoint(ts, PETSC_TRUE));
  PetscCall(TSSetExactFinalTime(ts, TS_EXACTFINALTIME_MATCHSTEP));
  PetscCall(TSSetMaxSteps(ts, PETSC_MAX_INT));
  PetscCall(TSGetAdapt(ts, &adapt));
  PetscCall(TSAdaptSetType(adapt, TSADAPTBASIC));
  // Error tolerances per unknown: relative time_rtol, absolute 1e-6 of the bulk N2 for every species (for NH3 that is
  // about 1e-3 umol/L, far below the detection limits of NH3 assays).
  PetscCall(VecDuplicate(p->c, &atol));
  PetscCall(VecSet(atol, 1e-6 * p->bulk));
  if (p->s_phi >= 0) PetscCall(VecStrideSet(atol, p->s_phi, 1e-6));  // V: the electrolyte potential (no storage)
  PetscCall(TSSetTolerances(ts, 0, atol, c->time_rtol, NULL));
  PetscCall(VecDestroy(&atol));
  PetscCall(TSGetSNES(ts, &snes));
  PetscCall(AzSNESSetDefaults(snes, p));
  if (c->electrode.mode == AZ_ELECTRODE_GALVANOSTATIC) {
    p->electrode.mode = AZ_ELECTRODE_POTENTIOSTATIC;  // at the potential the search sets
    PetscCall(SNESCreate(c->comm, &tc.inner));
    PetscCall(SNESSetDM(tc.inner, p->grid.da));
    PetscCall(AzSNESSetDefaults(tc.inner, p));
    PetscCall(SNESSetFromOptions(tc.inner));
    PetscCall(AzSNESFitKrylov(tc.inner));
    PetscCall(SNESSetType(snes, SNESSHELL));
    PetscCall(SNESShellSetContext(snes, &tc));
    PetscCall(SNESShellSetSolve(snes, AzGalvanostaticStep));
  }
  PetscCall(TSMonitorSet(ts, AzMonitor, &tc, NULL));
  PetscCall(TSSetFromOptions(ts));
  if (c->electrode.mode != AZ_ELECTRODE_GALVANOSTATIC) PetscCall(AzSNESFitKrylov(snes));
  {
    PetscBool is_theta;
    PetscCall(PetscObjectTypeCompare((PetscObject)ts, TSTHETA, &is_theta));
    if (is_theta) PetscCall(TSThetaGetTheta(ts, &tc.theta));
  }

  if (c->restart[0]) {
    PetscCall(AzRestart(&tc));
    PetscCall(AzPrintf(c->comm, "%s: continuing from %s at t = %g s\n", AzProgramName(), c->restart, (double)tc.st[AZ_ST_TIME]));
    // a run killed while writing its results: the checkpoint is already at time_end, only the results are due
    PetscCall(AzRecord(&tc, tc.st[AZ_ST_TIME], PETSC_FALSE));
  } else
    PetscCall(AzRecord(&tc, 0, PETSC_TRUE));

  if (c->restart[0] && snapshot) {  // the continued run's fields hold the whole history: the earlier snapshots come first
    const char *names[AZ_MAX_SPECIES];
    PetscInt    nold;
    for (PetscInt s = 0; s < p->nspecies; s++) names[s] = p->species[s].name;
    PetscCall(AzOutputStreamSnapshotHistory(c->comm, c->restart, p->c, p->nspecies, names, tc.st[AZ_ST_TIME], snapshot, snapctx, &nold));
  }
  while (tc.st[AZ_ST_TIME] < t_end - eps) {
    const PetscReal   t0 = tc.st[AZ_ST_TIME], dti = c->time_output_interval;
    PetscReal         t_out = PetscMin(t_end, (PetscFloorReal((t0 + eps) / dti) + 1) * dti), t, dt;
    TSConvergedReason reason;
    PetscInt          steps, rejects;
    PetscLogDouble    w0 = AzWallTime();

    if (t_end - t_out < eps) t_out = t_end;
    PetscCall(TSSetTime(ts, t0));
    PetscCall(TSSetTimeStep(ts, tc.st[AZ_ST_DT]));
    PetscCall(TSSetStepNumber(ts, 0));
    PetscCall(TSSetMaxTime(ts, t_out));
    PetscCall(TSSolve(ts, p->c));
    PetscCall(TSGetConvergedReason(ts, &reason));
    PetscCheck(reason >= 0, c->comm, PETSC_ERR_NOT_CONVERGED, "time stepping failed at t = %g s (%s)", (double)tc.st[AZ_ST_TIME],
               TSConvergedReasons[reason]);
    PetscCall(TSGetTime(ts, &t));
    PetscCall(TSGetTimeStep(ts, &dt));
    PetscCall(TSGetStepNumber(ts, &steps));
    PetscCall(TSGetStepRejections(ts, &rejects));
    {
      PetscInt its, lits;
      PetscCall(TSGetSNESIterations(ts, &its));
      PetscCall(TSGetKSPIterations(ts, &lits));
      p->newton_its += its;
      p->krylov_its += lits;
    }
    tc.st[AZ_ST_DT] = dt;
    tc.st[AZ_ST_REJECTED] += rejects;
    PetscCall(AzRecord(&tc, t, PETSC_TRUE));
    {
      PetscReal cmin;
      PetscCall(AzProblemMinConcentration(p, &cmin));
      PetscCheck(!PetscIsInfOrNanReal(cmin) && cmin >= -1e-8 * p->bulk, c->comm, PETSC_ERR_NOT_CONVERGED,
                 "non-physical solution at t = %g s: minimum concentration %g mol/m^3", (double)t, (double)cmin);
    }
    if (snapshot) PetscCall(snapshot(snapctx, t, p->c));
    PetscCall(AzCheckpoint(&tc, ts));
    {
      const PetscReal *last = tab->rows + (tab->nrow - 1) * tab->ncol;
      PetscCall(AzPrintf(c->comm,
                         "  t = %8.4g s (%3.0f %%): %4" PetscInt_FMT " steps (%" PetscInt_FMT
                         " rejected) in %.2g s; i_%s %.4g A/m^2, FE %.4g %%, "
                         "NH3 in the catholyte %.4g umol/L\n",
                         (double)t, (double)(100 * t / t_end), steps, rejects, AzWallTime() - w0,
                         AzElectrodeMain(&p->electrode)->info->name, (double)PetscAbsReal(tc.last.i_main_A_m2),
                         (double)(100 * (tc.last.i_total_A_m2 != 0 ? tc.last.i_main_A_m2 / tc.last.i_total_A_m2 : 0)),
                         (double)last[tab->ncol - AZ_TS_EXTRA_COLUMNS + AZ_TS_NH3_CATHOLYTE]));
    }
  }
  *metrics = tc.last;
  PetscCall(SNESDestroy(&tc.inner));
  PetscCall(TSDestroy(&ts));
  PetscCall(VecDestroy(&tc.mass));
  PetscCall(VecDestroy(&tc.work));
  PetscFunctionReturn(PETSC_SUCCESS);
}
