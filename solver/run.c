// The driver of one steady run: case -> problem -> solves -> metrics -> files.
#include <azote/azote.h>

PetscErrorCode AzSolveCase(AzCase c, AzProblem *p, AzRunStats *st)
{
  PetscLogDouble t0 = AzWallTime();
  PetscReal      L, i_lim;
  PetscMPIInt    size;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(p, sizeof(*p)));
  PetscCall(PetscMemzero(st, sizeof(*st)));
  p->comm = c->comm;
  PetscCall(c->ops.setup(c, p));
  PetscCall(AzProblemSetUpSolver(p));
  PetscCallMPI(MPI_Comm_size(c->comm, &size));
  st->cells = p->grid.M[0] * p->grid.M[1] * p->grid.M[2];
  st->ranks = size;
  PetscCall(AzPrintf(c->comm, "%s: %s '%s': %" PetscInt_FMT " cells on %d rank%s, electrode %s\n", AzProgramName(), c->cell_name, c->name,
                     st->cells, size, size > 1 ? "s" : "", AzElectrodeModes[c->electrode.mode]));
  st->setup_time = AzWallTime() - t0;

  PetscCall(AzProblemSolve(p));
  st->solves = 1;
  PetscCall(AzMetricsCompute(p, p->bulk, c->sol.gas[AZ_GAS_N2].D, &st->metrics));
  if (p->electrode.mode == AZ_ELECTRODE_LIMITING)
    i_lim = st->metrics.i_n2rr_A_m2;
  else {
    // The same case in limiting mode gives the transport cap i_lim; the fields kept are the requested mode's.
    AzMetrics       lim;
    Vec             keep;
    AzElectrodeMode mode = p->electrode.mode;
    PetscCall(VecDuplicate(p->c, &keep));
    PetscCall(VecCopy(p->c, keep));
    p->electrode.mode = AZ_ELECTRODE_LIMITING;
    PetscCall(AzProblemSolve(p));
    st->solves++;
    PetscCall(AzMetricsCompute(p, p->bulk, c->sol.gas[AZ_GAS_N2].D, &lim));
    i_lim             = lim.i_n2rr_A_m2;
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

static PetscErrorCode AzJSONMetric(const char *name, PetscReal v, void *ctx)
{
  return AzJSONReal((AzJSON)ctx, name, v);
}

// summary.json: metrics, cell facts, properties at the operating point, solver statistics, resolved inputs.
static PetscErrorCode AzWriteSummary(AzCase c, AzProblem *p, AzRunStats *st)
{
  AzJSON               j;
  const char          *text;
  char                 path[PETSC_MAX_PATH_LEN];
  PetscInt             nreg;
  const AzOptionEntry *reg;

  PetscFunctionBeginUser;
  PetscCall(AzJSONCreate(&j));
  PetscCall(AzJSONBeginObject(j, NULL));
  PetscCall(AzJSONString(j, "status", "ok"));
  PetscCall(AzJSONString(j, "case", c->name));
  PetscCall(AzJSONString(j, "case_file", c->file));
  PetscCall(AzJSONString(j, "cell", c->cell_name));
  PetscCall(AzJSONString(j, "electrode_mode", AzElectrodeModes[c->electrode.mode]));
  PetscCall(AzJSONBeginObject(j, "metrics"));
  PetscCall(AzMetricsForEach(&st->metrics, AzJSONMetric, j));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONBeginObject(j, "cell_info"));
  PetscCall(c->ops.view(c, p, j));
  PetscCall(AzJSONReal(j, "electrode_area_model_m2", st->metrics.electrode_area_m2));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONBeginObject(j, "balance_mol_s"));
  PetscCall(AzJSONReal(j, "in", st->metrics.balance.in));
  PetscCall(AzJSONReal(j, "out", st->metrics.balance.out));
  PetscCall(AzJSONReal(j, "consumed", st->metrics.balance.consumed));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONBeginObject(j, "properties"));
  PetscCall(AzJSONReal(j, "T_K", c->sol.T));
  PetscCall(AzJSONReal(j, "P_Pa", c->sol.P));
  PetscCall(AzJSONReal(j, "p_vap_Pa", c->sol.water.p_vap));
  PetscCall(AzJSONReal(j, "density_kg_m3", c->sol.water.density));
  PetscCall(AzJSONReal(j, "viscosity_Pa_s", c->sol.water.viscosity));
  PetscCall(AzJSONReal(j, "p_n2_Pa", c->sol.gas[AZ_GAS_N2].p_partial));
  PetscCall(AzJSONReal(j, "kH_n2_Pa", c->sol.gas[AZ_GAS_N2].kH));
  PetscCall(AzJSONReal(j, "salting_factor_n2", c->sol.gas[AZ_GAS_N2].salting_factor));
  PetscCall(AzJSONReal(j, "c_sat_n2_mol_m3", c->sol.gas[AZ_GAS_N2].c_sat));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONBeginObject(j, "solver"));
  PetscCall(AzJSONInt(j, "cells", st->cells));
  PetscCall(AzJSONInt(j, "ranks", st->ranks));
  PetscCall(AzJSONInt(j, "solves", st->solves));
  PetscCall(AzJSONInt(j, "newton_iterations", st->newton_its));
  PetscCall(AzJSONInt(j, "krylov_iterations", st->krylov_its));
  PetscCall(AzJSONReal(j, "setup_time_s", st->setup_time));
  PetscCall(AzJSONReal(j, "solve_time_s", st->solve_time));
  PetscCall(AzJSONReal(j, "output_time_s", st->output_time));
  PetscCall(AzJSONReal(j, "wall_time_s", st->wall_time));
  PetscCall(AzJSONReal(j, "memory_peak_bytes", st->memory_bytes));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONBeginObject(j, "inputs"));
  PetscCall(AzOptionsRegistryGet(&nreg, &reg));
  for (PetscInt i = 0; i < nreg; i++) {
    PetscReal v;
    PetscBool ok = PETSC_FALSE;
    if (!strcmp(reg[i].type, "real") || !strcmp(reg[i].type, "int")) PetscCall(AzParseReal(reg[i].value, &v, &ok));
    if (ok)
      PetscCall(AzJSONReal(j, reg[i].key, v));
    else if (!strcmp(reg[i].type, "bool"))
      PetscCall(AzJSONBool(j, reg[i].key, (PetscBool)!strcmp(reg[i].value, "true")));
    else
      PetscCall(AzJSONString(j, reg[i].key, reg[i].value));
  }
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONBeginObject(j, "azote"));
  PetscCall(AzJSONString(j, "version", AZOTE_VERSION));
  PetscCall(AzJSONString(j, "git_commit", AZOTE_GIT_COMMIT));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONGetText(j, &text));
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/summary.json", c->output_dir));
  PetscCall(AzFileWriteAtomic(c->comm, path, text));
  PetscCall(AzJSONDestroy(&j));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The fields: every species, velocity, region tags, and the state along the electrode.
static PetscErrorCode AzWriteFieldsOfProblem(AzCase c, AzProblem *p)
{
  const AzGrid     *g = &p->grid;
  DM                da1;
  Vec               v[AZ_MAX_SPECIES + 2];
  AzCellField       fields[AZ_MAX_SPECIES + 2];
  PetscReal        *a, *buf;
  PetscInt          n, nf = 0;
  AzElectrodePiece *f;

  PetscFunctionBeginUser;
  PetscCall(DMDACreateCompatibleDMDA(g->da, 1, &da1));
  for (PetscInt s = 0; s < p->nspecies; s++, nf++) {
    PetscCall(DMCreateGlobalVector(da1, &v[nf]));
    PetscCall(VecStrideGather(p->c, s, v[nf], INSERT_VALUES));
    fields[nf] = (AzCellField){p->species[s].name, "mol/m^3", v[nf]};
  }
  PetscCall(DMCreateGlobalVector(da1, &v[nf]));
  PetscCall(VecGetArray(v[nf], &a));
  AzForOwnedCells(g, i, j, k) a[AzGridOwned(g, i, j, k)] = p->ux ? p->ux[j + g->M[1] * k] : 0;
  PetscCall(VecRestoreArray(v[nf], &a));
  fields[nf] = (AzCellField){"u_x", "m/s", v[nf]};
  nf++;
  PetscCall(DMCreateGlobalVector(da1, &v[nf]));
  PetscCall(VecGetArray(v[nf], &a));
  AzForOwnedCells(g, i, j, k) a[AzGridOwned(g, i, j, k)] = g->tag[AzGridLocal(g, i, j, k)];
  PetscCall(VecRestoreArray(v[nf], &a));
  fields[nf] = (AzCellField){"region", "-", v[nf]};
  nf++;

  PetscCall(AzProblemElectrodePieces(p, &n, &f));
  PetscCall(PetscMalloc1(5 * PetscMax(n, 1), &buf));
  for (PetscInt e = 0; e < n; e++) {
    buf[e]         = f[e].x[0];
    buf[n + e]     = f[e].x[1];
    buf[2 * n + e] = f[e].state.c_s;
    buf[3 * n + e] = f[e].state.i_n2rr;
    buf[4 * n + e] = f[e].state.i_her;
  }
  {
    const AzLineField lines[] = {{"x", "m", n, buf},
                                 {"y", "m", n, buf + n},
                                 {"c_surf", "mol/m^3", n, buf + 2 * n},
                                 {"i_n2rr", "A/m^2", n, buf + 3 * n},
                                 {"i_her", "A/m^2", n, buf + 4 * n}};
    PetscCall(AzOutputWriteFields(c->comm, c->output_dir, g, nf, fields, "electrode", 5, lines));
  }
  PetscCall(PetscFree(buf));
  PetscCall(PetscFree(f));
  for (PetscInt i = 0; i < nf; i++) PetscCall(VecDestroy(&v[i]));
  PetscCall(DMDestroy(&da1));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzWriteResults(AzCase c, AzProblem *p, AzRunStats *st)
{
  PetscLogDouble t0 = AzWallTime();

  PetscFunctionBeginUser;
  PetscCall(AzOutputMakeDir(c->comm, c->output_dir));
  if (c->write_fields) PetscCall(AzWriteFieldsOfProblem(c, p));
  st->output_time = AzWallTime() - t0;
  PetscCall(AzWriteSummary(c, p, st));  // last: its presence marks a complete run
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzPrintMetric(const char *name, PetscReal v, void *ctx)
{
  return AzPrintf(*(MPI_Comm *)ctx, "  %-24s %14.6g\n", name, (double)v);
}

PetscErrorCode AzRun(MPI_Comm comm)
{
  AzCase         c;
  AzProblem      p;
  AzRunStats     st;
  PetscLogDouble t0 = AzWallTime(), mem;
  PetscBool      help_keys;

  PetscFunctionBeginUser;
  PetscCall(AzCaseCreate(comm, &c));
  if (c->help) {
    PetscCall(PetscOptionsHasName(NULL, NULL, "-help_keys", &help_keys));
    if (help_keys) PetscCall(AzCasePrintKeyReference(comm, stdout));
    PetscCall(AzCaseDestroy(&c));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(AzSolveCase(c, &p, &st));
  mem = AzMemoryPeak();
  PetscCallMPI(MPI_Allreduce(&mem, &st.memory_bytes, 1, MPI_DOUBLE, MPI_SUM, comm));
  st.wall_time = AzWallTime() - t0;
  PetscCall(AzWriteResults(c, &p, &st));
  PetscCall(AzPrintf(comm,
                     "%s: solved in %.3g s (%" PetscInt_FMT " Newton, %" PetscInt_FMT " Krylov iterations over %" PetscInt_FMT " solves)\n",
                     AzProgramName(), st.solve_time, st.newton_its, st.krylov_its, st.solves));
  PetscCall(AzMetricsForEach(&st.metrics, AzPrintMetric, &comm));
  PetscCall(AzPrintf(comm, "%s: results in %s/ (summary.json%s)\n", AzProgramName(), c->output_dir,
                     c->write_fields ? ", fields.h5, fields.xmf" : ""));
  PetscCall(AzProblemDestroy(&p));
  PetscCall(AzCaseDestroy(&c));
  PetscFunctionReturn(PETSC_SUCCESS);
}
