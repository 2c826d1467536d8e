// Sweeps (DESIGN §4): any case key varied with -sweep_<key> START:STOP:N[:log] or a list a,b,c (or the same in the
// case file's `sweep:` block), several keys giving their cartesian product, in the keys' alphabetical order with the
// first varying slowest.
//
// MPI_COMM_WORLD is split into groups of -sweep_ranks_per_case ranks; each group's leader claims the next free point
// by creating sweep.d/<index>.claim exclusively (O_CREAT | O_EXCL, which a shared file system serialises), so groups
// take points as they finish, without a dispatcher rank. A finished
// point is written at once, atomically, as sweep.d/<index>.csv (its keys, every metric, status, wall time, and the
// error of a failed point); a sweep started again in the same output_dir skips the points that are there, so a
// killed sweep resumes where it stopped and the final table is the uninterrupted one. sweep.d/signature holds the
// case and the sweep: a different sweep in the same directory is refused. Several jobs may run the same sweep in one
// directory at once (-sweep_shared, a SLURM job array): they share the points, and the last one writes the tables. At the end rank 0 writes
// sweep.csv and sweep.h5 (one row per point). A point that fails (bad combination, no convergence) is recorded with its error and the sweep
// goes on. Rank 0 prints one line per finished point with the count, the ETA and key metrics.
//
// Instead of a cartesian product, -sweep_points FILE gives a list of points: a CSV file whose header names the keys and
// whose rows are the points (an uncertainty study's samples, solver/uq.c, or any design made elsewhere). The points
// run, resume and fail exactly as a cartesian sweep's do; the signature holds a checksum of the file.
#include <azote/private/sweepimpl.h>
#include <azote/outdir.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <unistd.h>
#include <fcntl.h>
#include <dirent.h>
#include <sys/stat.h>

// What a finished point tells rank 0 for its progress line.
typedef struct {
  PetscInt  k;
  PetscReal wall, metrics[4];  // s; main current, its limit, depletion, FE
  PetscBool failed;
} AzSweepNews;

// sweep.d/<k>.<ext>: a point's result (csv) or claim.
static PetscErrorCode AzSweepFile(const char dir[], PetscInt k, const char ext[], char path[])
{
  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, PETSC_MAX_PATH_LEN, "%s/sweep.d/%" PetscInt_FMT ".%s", dir, k, ext));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscBool AzFileExists(const char path[])
{
  struct stat sb;
  return (PetscBool)(stat(path, &sb) == 0);
}

// The number of points whose result is there.
static PetscErrorCode AzSweepCountDone(const AzSweep *sw, const char dir[], PetscInt *done)
{
  char path[PETSC_MAX_PATH_LEN];

  PetscFunctionBeginUser;
  *done = 0;
  for (PetscInt k = 0; k < sw->npoint; k++) {
    PetscCall(AzSweepFile(dir, k, "csv", path));
    *done += AzFileExists(path);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Runs point k on the group's communicator; its result line (without the keys) goes to line, the metric names to
// header, its progress news to news. Errors of the point are caught and reported in the line.
static PetscErrorCode AzSweepRunPoint(MPI_Comm gcomm, const AzSweep *sw, PetscInt k, const char dir[], char header[], size_t hlen,
                                      char line[], size_t llen, AzSweepNews *news)
{
  PetscInt       idx[AZ_SWEEP_MAX_AXES], nargs = 0;
  char           args_store[2 * AZ_SWEEP_MAX_AXES + 4][PETSC_MAX_PATH_LEN], *args[2 * AZ_SWEEP_MAX_AXES + 4];
  AzCase         c = NULL;
  AzProblem      p;
  AzRunStats     st;
  PetscErrorCode ierr;
  PetscLogDouble t0 = AzWallTime();
  PetscInt       nm;
  const char    *names[AZ_SWEEP_MAX_COLS];
  PetscReal      values[AZ_SWEEP_MAX_COLS];
  PetscOptions   opts;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(&p, sizeof(p)));
  PetscCall(PetscMemzero(&st, sizeof(st)));
  news->k = k;
  AzSweepPoint(sw, k, idx);
  for (PetscInt i = 0; i < sw->naxis; i++) {
    PetscCall(PetscSNPrintf(args_store[nargs++], PETSC_MAX_PATH_LEN, "-%s", sw->axis[i].key));
    PetscCall(PetscStrncpy(args_store[nargs++], sw->axis[i].values[idx[i]], PETSC_MAX_PATH_LEN));
  }
  PetscCall(PetscStrncpy(args_store[nargs++], "-output_dir", PETSC_MAX_PATH_LEN));
  PetscCall(PetscSNPrintf(args_store[nargs++], PETSC_MAX_PATH_LEN, "%s/points/%" PetscInt_FMT, dir, k));
  for (PetscInt i = 0; i < nargs; i++) args[i] = args_store[i];
  AzSysSetOverrides((int)nargs, args);
  {
    // Each point reads its keys from options of its own, the command line and the case file under the point's
    // values, exactly as a direct run would: a key the point's template does not know is refused there too (the
    // base case has marked every key of its own template as used in the shared database).
    int    argc;
    char **argv;
    AzGetArgs(&argc, &argv);
    PetscCall(PetscOptionsCreate(&opts));
    if (argc > 1) PetscCall(PetscOptionsInsertArgs(opts, argc - 1, argv + 1));
    PetscCall(PetscOptionsSetValue(opts, "-quiet", "true"));
    PetscCall(PetscOptionsPush(opts));
  }
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = AzCaseCreate(gcomm, &c);
  // files only with -sweep_fields: the point's own directory under points/, inside the sweep's, which is held
  if (!ierr && sw->fields) ierr = AzOutdirOpen(gcomm, c->output_dir, AZ_OUTDIR_UNLOCKED, NULL, &c->outdir);
  if (!ierr) ierr = AzSolveCase(c, &p, &st);
  if (!ierr && sw->fields) ierr = AzWriteResults(c, &p, &st);
  if (!ierr && c->outdir) ierr = AzOutdirClose(&c->outdir, PETSC_TRUE);
  PetscCall(PetscPopErrorHandler());
  PetscCall(PetscOptionsPop());
  PetscCall(PetscOptionsDestroy(&opts));
  AzSysSetOverrides(0, NULL);
  {
    // every point has the base case's columns, a failed one too
    PetscCall(AzMetricsList(ierr ? &sw->shape : &st.metrics, AZ_SWEEP_MAX_COLS - 5 - AZ_SWEEP_MAX_AXES, &nm, names, values));
  }
  header[0] = 0;
  for (PetscInt i = 0; i < nm; i++) {
    PetscCall(PetscStrlcat(header, ",", hlen));
    PetscCall(PetscStrlcat(header, names[i], hlen));
  }
  // the electrode's potential (V vs RHE; a galvanostatic point's solved one), as in timeseries.csv: a polarisation
  // curve's abscissa
  PetscCall(PetscStrlcat(header, ",electrode_potential_V", hlen));
  if (ierr) {
    const char *text     = NULL;
    char       *specific = NULL, msg[512];
    PetscErrorMessage(ierr, &text, &specific);
    PetscCall(PetscSNPrintf(msg, sizeof(msg), "%s", specific && specific[0] ? specific : (text ? text : "unknown error")));
    for (char *q = msg; *q; q++)
      if (*q == ',' || *q == '\n' || *q == '"') *q = ';';
    news->failed = PETSC_TRUE;
    news->wall   = AzWallTime() - t0;
    PetscCall(PetscSNPrintf(line, llen, "failed,%.4g", (double)news->wall));
    for (PetscInt i = 0; i < nm + 1; i++) PetscCall(PetscStrlcat(line, ",nan", llen));
    PetscCall(PetscStrlcat(line, ",", llen));
    PetscCall(PetscStrlcat(line, msg, llen));
    for (PetscInt i = 0; i < 4; i++) news->metrics[i] = (PetscReal)NAN;
  } else {
    news->failed = PETSC_FALSE;
    news->wall   = AzWallTime() - t0;
    PetscCall(PetscSNPrintf(line, llen, "ok,%.4g", (double)news->wall));
    for (PetscInt i = 0; i < nm; i++) {
      char v[40];
      PetscCall(PetscSNPrintf(v, sizeof(v), ",%.17g", (double)values[i]));
      PetscCall(PetscStrlcat(line, v, llen));
    }
    {
      char v[40];
      PetscCall(PetscSNPrintf(v, sizeof(v), ",%.17g,", (double)p.electrode.potential));
      PetscCall(PetscStrlcat(line, v, llen));
    }
    news->metrics[0] = st.metrics.i_main_A_m2, news->metrics[1] = st.metrics.i_lim_A_m2, news->metrics[2] = st.metrics.depletion;
    news->metrics[3] = st.metrics.i_total_A_m2 != 0 ? st.metrics.i_main_A_m2 / st.metrics.i_total_A_m2 : 0;
  }
  // what a failed point left behind is freed as far as it was built
  if (!ierr) PetscCall(AzRunStatsDestroy(&st));
  if (!ierr) PetscCall(AzProblemDestroy(&p));
  if (c) PetscCall(AzCaseDestroy(&c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// sweep.csv and sweep.h5 from the point files: read by rank 0, written into the staging directory of the sweep's output
// directory and published together (sweep.csv, the marker, last).
typedef struct {
  MPI_Comm    comm;
  char       *csv;  // rank 0: the text of sweep.csv
  PetscReal  *table;
  PetscInt    npoint, ncol;
  const char *names[AZ_SWEEP_MAX_COLS];
  char        header[4096];
} AzSweepTables;

static PetscErrorCode AzSweepCSVWriter(void *ctx, const char path[])
{
  AzSweepTables *t = (AzSweepTables *)ctx;

  PetscFunctionBeginUser;
  PetscCall(AzFileWriteAtomic(t->comm, path, t->csv ? t->csv : ""));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzSweepH5Writer(void *ctx, const char path[])
{
  AzSweepTables *t = (AzSweepTables *)ctx;

  PetscFunctionBeginUser;
  PetscCall(AzOutputWriteColumnsHDF5(t->comm, path, t->ncol, t->names, t->npoint, AZ_SWEEP_MAX_COLS, t->table));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Rank 0 reads the points' result files into t (a missing or incomplete one: why[] says which).
static PetscErrorCode AzSweepReadPointFiles(const AzSweep *sw, const char dir[], AzSweepTables *t, char why[], size_t wlen)
{
  char   path[PETSC_MAX_PATH_LEN], *text = NULL, header[4096] = "";
  size_t cap = 1 << 16, used = 0;

  PetscFunctionBeginUser;
  PetscCall(PetscMalloc1(cap, &text));
  text[0] = 0;
  for (PetscInt k = 0; k < sw->npoint && !why[0]; k++) {
    char  buf[8192], *nl, *save = NULL;
    FILE *fp;
    PetscCall(AzSweepFile(dir, k, "csv", path));
    fp = fopen(path, "r");
    if (!fp) {
      PetscCall(PetscSNPrintf(why, wlen, "sweep: the result of point %" PetscInt_FMT " is missing (%s)", k, path));
      break;
    }
    if (!fgets(header, sizeof(header), fp) || !fgets(buf, sizeof(buf), fp))
      PetscCall(PetscSNPrintf(why, wlen, "sweep: %s is not complete", path));
    fclose(fp);
    if (why[0]) break;
    if ((nl = strchr(buf, '\n'))) *nl = 0;
    if ((nl = strchr(header, '\n'))) *nl = 0;
    if (used + strlen(buf) + 2 > cap) {
      char *more;
      cap = 2 * (used + strlen(buf) + 2);
      PetscCall(PetscMalloc1(cap, &more));
      PetscCall(PetscArraycpy(more, text, used + 1));
      PetscCall(PetscFree(text));
      text = more;
    }
    strcat(text + used, buf);
    strcat(text + used, "\n");
    used += strlen(buf) + 1;
    // numeric columns for sweep.h5: the swept values (as numbers where they are), status (1 ok, 0 failed), wall time,
    // the metrics
    t->ncol = 0;
    for (char *tok = strtok_r(buf, ",", &save); tok && t->ncol < AZ_SWEEP_MAX_COLS; tok = strtok_r(NULL, ",", &save)) {
      char     *end;
      PetscReal v = strtod(tok, &end);
      if (!strcmp(tok, "ok"))
        v = 1;
      else if (!strcmp(tok, "failed"))
        v = 0;
      else if (*end)
        v = (PetscReal)NAN;
      t->table[k * AZ_SWEEP_MAX_COLS + t->ncol++] = v;
    }
  }
  if (!why[0]) {
    size_t n = strlen(header) + used + 4;
    PetscCall(PetscMalloc1(n, &t->csv));
    PetscCall(PetscSNPrintf(t->csv, n, "%s\n%s", header, text));
    PetscCall(PetscStrncpy(t->header, header, sizeof(t->header)));
  }
  PetscCall(PetscFree(text));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzSweepWriteTables(const AzSweep *sw, AzOutdir od)
{
  AzSweepTables            t;
  PetscMPIInt              rank;
  char                     why[PETSC_MAX_PATH_LEN + 128] = "";
  static const char *const names[]                       = {"sweep.h5", "sweep.csv"};

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(&t, sizeof(t)));
  t.comm = sw->comm, t.npoint = sw->npoint;
  PetscCallMPI(MPI_Comm_rank(t.comm, &rank));
  if (rank == 0) {
    PetscCall(PetscMalloc1(sw->npoint * AZ_SWEEP_MAX_COLS, &t.table));
    PetscCall(AzSweepReadPointFiles(sw, AzOutdirPath(od), &t, why, sizeof(why)));
  }
  PetscCallMPI(MPI_Bcast(why, sizeof(why), MPI_CHAR, 0, t.comm));
  PetscCallMPI(MPI_Bcast(&t.ncol, 1, MPIU_INT, 0, t.comm));
  PetscCallMPI(MPI_Bcast(t.header, sizeof(t.header), MPI_CHAR, 0, t.comm));
  if (!why[0]) {
    // sweep.h5: one dataset per numeric column (the swept keys, ok, wall_s, the metrics; not the error text)
    char    *save = NULL;
    PetscInt nn   = 0;
    for (char *name = strtok_r(t.header, ",", &save); name && nn < t.ncol && strcmp(name, "error"); name = strtok_r(NULL, ",", &save))
      t.names[nn++] = !strcmp(name, "status") ? "ok" : name;
    t.ncol = nn;
    PetscCall(AzOutdirWrite(od, "sweep.csv", AzSweepCSVWriter, &t));
    PetscCall(AzOutdirWrite(od, "sweep.h5", AzSweepH5Writer, &t));
  }
  PetscCall(PetscFree(t.table));
  PetscCall(PetscFree(t.csv));
  PetscCheck(!why[0], t.comm, PETSC_ERR_FILE_READ, "%s", why);
  PetscCall(AzOutdirPublish(od, AzOutdirSweepFiles, 2, names));
  PetscFunctionReturn(PETSC_SUCCESS);
}

enum { AZ_SWEEP_TAG_DONE = 4711 };

static PetscErrorCode AzSweepReport(const AzSweep *sw, const AzSweepNews *news, PetscInt done, PetscInt todo, PetscLogDouble t0)
{
  PetscInt       idx[AZ_SWEEP_MAX_AXES];
  char           keys[512] = "";
  PetscLogDouble el        = AzWallTime() - t0;

  PetscFunctionBeginUser;
  AzSweepPoint(sw, news->k, idx);
  for (PetscInt i = 0; i < sw->naxis; i++) {
    char kv[128];
    PetscCall(PetscSNPrintf(kv, sizeof(kv), "%s%s=%s", i ? " " : "", sw->axis[i].key, sw->axis[i].values[idx[i]]));
    PetscCall(PetscStrlcat(keys, kv, sizeof(keys)));
  }
  PetscCall(PetscPrintf(PETSC_COMM_SELF, "sweep: [%" PetscInt_FMT "/%" PetscInt_FMT "] %s: %s in %.2g s", done, todo, keys,
                        news->failed ? "FAILED" : "ok", (double)news->wall));
  if (!news->failed)
    PetscCall(PetscPrintf(PETSC_COMM_SELF, "; i %.4g A/m^2 (limit %.4g), depletion %.3g, FE %.3g", (double)news->metrics[0],
                          (double)news->metrics[1], (double)news->metrics[2], (double)news->metrics[3]));
  PetscCall(PetscPrintf(PETSC_COMM_SELF, "; ETA %.0f s\n", done < todo ? el / done * (todo - done) : 0.0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Removes the claims an interrupted run left (rank 0, before any group starts).
static PetscErrorCode AzSweepRemoveClaims(const char dir[])
{
  char path[PETSC_MAX_PATH_LEN];
  DIR *dp;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/sweep.d", dir));
  if ((dp = opendir(path))) {
    struct dirent *de;
    while ((de = readdir(dp))) {
      const size_t n = strlen(de->d_name);
      char         f[2 * PETSC_MAX_PATH_LEN];
      if (n <= 6 || strcmp(de->d_name + n - 6, ".claim")) continue;
      PetscCall(PetscSNPrintf(f, sizeof(f), "%s/%s", path, de->d_name));
      (void)unlink(f);
    }
    closedir(dp);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The group leader's next point: the first, from *cursor on, that nobody has finished or claimed; npoint if none.
static PetscErrorCode AzSweepClaim(const AzSweep *sw, const char dir[], PetscInt *cursor, PetscInt *k)
{
  char path[PETSC_MAX_PATH_LEN];

  PetscFunctionBeginUser;
  *k = sw->npoint;
  for (PetscInt tried = 0; tried < sw->npoint; tried++, *cursor = (*cursor + 1) % sw->npoint) {
    int fd;
    PetscCall(AzSweepFile(dir, *cursor, "csv", path));
    if (AzFileExists(path)) continue;
    PetscCall(AzSweepFile(dir, *cursor, "claim", path));
    fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0666);
    if (fd < 0) continue;
    close(fd);
    *k      = *cursor;
    *cursor = (*cursor + 1) % sw->npoint;
    break;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The group leader writes the point's result file: the swept keys, point, status, wall_s, the metrics, error.
// A write that fails leaves its reason in failed[].
static PetscErrorCode AzSweepWritePoint(const AzSweep *sw, const char dir[], PetscInt k, const char header[], const char line[],
                                        char failed[], size_t flen)
{
  PetscInt       idx[AZ_SWEEP_MAX_AXES];
  char           keys[1024] = "", vals[1024] = "", path[PETSC_MAX_PATH_LEN], *file;
  size_t         len;
  PetscErrorCode ierr;

  PetscFunctionBeginUser;
  AzSweepPoint(sw, k, idx);
  for (PetscInt i = 0; i < sw->naxis; i++) {
    PetscCall(PetscStrlcat(keys, i ? "," : "", sizeof(keys)));
    PetscCall(PetscStrlcat(keys, sw->axis[i].key, sizeof(keys)));
    PetscCall(PetscStrlcat(vals, i ? "," : "", sizeof(vals)));
    PetscCall(PetscStrlcat(vals, sw->axis[i].values[idx[i]], sizeof(vals)));
  }
  len = strlen(keys) + strlen(header) + strlen(vals) + strlen(line) + 64;
  PetscCall(PetscMalloc1(len, &file));
  PetscCall(PetscSNPrintf(file, len, "%s,point,status,wall_s%s,error\n%s,%" PetscInt_FMT ",%s\n", keys, header, vals, k, line));
  PetscCall(AzSweepFile(dir, k, "csv", path));
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = AzFileWriteAtomic(PETSC_COMM_SELF, path, file);
  PetscCall(PetscPopErrorHandler());
  PetscCall(PetscFree(file));
  PetscCall(AzSweepFile(dir, k, "claim", path));
  (void)unlink(path);
  if (ierr) {  // the sweep stops, every rank with this one line (a full disk, say)
    char *msg = NULL;
    PetscErrorMessage(ierr, NULL, &msg);
    PetscCall(PetscSNPrintf(failed, flen, "%s", msg ? msg : "cannot write a point's result"));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Rank 0 reports the points other groups finished (all of them once `wait` of them are outstanding).
static PetscErrorCode AzSweepDrainNews(MPI_Comm world, const AzSweep *sw, PetscInt wait, PetscBool quiet, PetscInt *done, PetscInt todo,
                                       PetscLogDouble t0)
{
  AzSweepNews news;

  PetscFunctionBeginUser;
  for (PetscInt got = 0;; got++) {
    if (got >= wait) {
      PetscMPIInt flag;
      PetscCallMPI(MPI_Iprobe(MPI_ANY_SOURCE, AZ_SWEEP_TAG_DONE, world, &flag, MPI_STATUS_IGNORE));
      if (!flag) break;
    }
    PetscCallMPI(MPI_Recv(&news, sizeof(news), MPI_BYTE, MPI_ANY_SOURCE, AZ_SWEEP_TAG_DONE, world, MPI_STATUS_IGNORE));
    ++*done;
    if (!quiet) PetscCall(AzSweepReport(sw, &news, *done, todo, t0));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzRunSweep(AzCase base, PetscBool *was_sweep)
{
  MPI_Comm       world = base->comm, gcomm;
  AzSweep        sw;
  PetscMPIInt    rank, size, grank;
  PetscInt       todo = 0, mine = 0, done = 0, already = 0, cursor;
  char           dir[PETSC_MAX_PATH_LEN], path[PETSC_MAX_PATH_LEN], sig[16384];
  PetscLogDouble t0                            = AzWallTime();
  PetscBool      user_quiet                    = AzQuiet();
  char           why[PETSC_MAX_PATH_LEN + 256] = "", failed[PETSC_MAX_PATH_LEN + 256] = "";
  int            bad = PETSC_ERR_FILE_OPEN;

  PetscFunctionBeginUser;
  PetscCall(AzSweepCreate(world, &sw, was_sweep));
  sw.comm = world;
  PetscCall(AzMetricsSetShape(&base->electrode, base->anode_reaction != AZ_ANODE_NONE ? &base->anode : NULL, &sw.shape));
  if (!*was_sweep) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCallMPI(MPI_Comm_rank(world, &rank));
  PetscCallMPI(MPI_Comm_size(world, &size));
  PetscCall(PetscStrncpy(dir, base->output_dir, sizeof(dir)));
  PetscCall(AzSweepSignature(base, &sw, sig, sizeof(sig)));

  // The output directory is the sweep's (shared by the jobs of one sweep with -sweep_shared, whose key is its
  // signature), then its signature: a new sweep, or the same one resumed.
  {
    char     key[32];
    uint64_t h = 14695981039346656037ULL;  // FNV-1a
    for (const char *q = sig; *q; q++) h = (h ^ (unsigned char)*q) * 1099511628211ULL;
    PetscCall(PetscSNPrintf(key, sizeof(key), "%016llx", (unsigned long long)h));
    PetscCall(AzOutdirOpen(world, dir, sw.keep_claims ? AZ_OUTDIR_SHARED : AZ_OUTDIR_EXCLUSIVE, key, &base->outdir));
  }
  if (rank == 0) {
    char   old[16384];
    FILE  *fp;
    size_t n;
    PetscCall(PetscSNPrintf(path, sizeof(path), "%s/sweep.d", dir));
    if (mkdir(path, 0777) && errno != EEXIST) PetscCall(PetscSNPrintf(why, sizeof(why), "cannot create %s (%s)", path, strerror(errno)));
    PetscCall(PetscSNPrintf(path, sizeof(path), "%s/sweep.d/signature", dir));
    fp     = why[0] ? NULL : fopen(path, "r");
    n      = fp ? fread(old, 1, sizeof(old) - 1, fp) : 0;
    old[n] = 0;
    if (fp) fclose(fp);
    if (!why[0] && !old[0]) {
      PetscErrorCode ierr;
      PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
      ierr = AzFileWriteAtomic(PETSC_COMM_SELF, path, sig);
      PetscCall(PetscPopErrorHandler());
      if (ierr) {
        char *msg = NULL;
        PetscErrorMessage(ierr, NULL, &msg);
        PetscCall(PetscSNPrintf(why, sizeof(why), "%s", msg ? msg : "cannot write the sweep's signature"));
        bad = PETSC_ERR_FILE_WRITE;
      }
    } else if (!why[0] && strcmp(old, sig)) {
      PetscCall(PetscSNPrintf(why, sizeof(why),
                              "-output_dir = '%s' holds another sweep (sweep.d/signature differs): remove it or choose another output_dir",
                              dir));
      bad = PETSC_ERR_USER_INPUT;
    }
    if (!why[0]) PetscCall(AzSweepCountDone(&sw, dir, &already));
    if (!why[0] && !sw.keep_claims) PetscCall(AzSweepRemoveClaims(dir));
  }
  PetscCallMPI(MPI_Bcast(why, sizeof(why), MPI_CHAR, 0, world));
  PetscCallMPI(MPI_Bcast(&bad, 1, MPI_INT, 0, world));
  PetscCheck(!why[0], world, bad, "%s", why);
  PetscCallMPI(MPI_Bcast(&already, 1, MPIU_INT, 0, world));
  todo = sw.npoint - already;
  PetscCall(AzPrintf(world,
                     "%s: sweep of %" PetscInt_FMT " points (%" PetscInt_FMT " keys) on %d rank%s in groups of %" PetscInt_FMT "%s\n",
                     AzProgramName(), sw.npoint, sw.naxis, size, size > 1 ? "s" : "", sw.ranks_per_case,
                     already ? "; resuming: the finished points are kept" : ""));

  // groups; each leader starts looking for free points at its own place in the list
  PetscCallMPI(MPI_Barrier(world));
  PetscCallMPI(MPI_Comm_split(world, rank / (PetscMPIInt)sw.ranks_per_case, rank, &gcomm));
  PetscCallMPI(MPI_Comm_rank(gcomm, &grank));
  cursor = (rank / sw.ranks_per_case) % sw.npoint;
  PetscCall(PetscOptionsSetValue(NULL, "-quiet", "true"));
  for (;;) {
    PetscInt    k = sw.npoint;
    char        header[4096], line[8192];
    AzSweepNews news;
    if (grank == 0 && !failed[0]) PetscCall(AzSweepClaim(&sw, dir, &cursor, &k));
    PetscCallMPI(MPI_Bcast(&k, 1, MPIU_INT, 0, gcomm));
    if (k >= sw.npoint) break;
    PetscCall(AzSweepRunPoint(gcomm, &sw, k, dir, header, sizeof(header), line, sizeof(line), &news));
    if (grank == 0) {
      PetscCall(AzSweepWritePoint(&sw, dir, k, header, line, failed, sizeof(failed)));
      if (failed[0]) continue;  // no news: the loop ends at the next claim
      mine++;
      if (rank == 0) {
        ++done;
        if (!user_quiet) PetscCall(AzSweepReport(&sw, &news, done, todo, t0));
      } else
        PetscCallMPI(MPI_Send(&news, sizeof(news), MPI_BYTE, 0, AZ_SWEEP_TAG_DONE, world));
    }
    if (rank == 0) PetscCall(AzSweepDrainNews(world, &sw, 0, user_quiet, &done, todo, t0));
  }
  {
    // the other groups' last news, then the tables
    PetscInt others = rank == 0 ? 0 : mine, sum = 0;
    PetscCallMPI(MPI_Reduce(&others, &sum, 1, MPIU_INT, MPI_SUM, 0, world));
    if (rank == 0) PetscCall(AzSweepDrainNews(world, &sw, sum - (done - mine), user_quiet, &done, todo, t0));
  }
  PetscCallMPI(MPI_Comm_free(&gcomm));
  {
    // a point's result that could not be written stops the sweep: the lowest such rank's reason, from every rank
    PetscMPIInt who = failed[0] ? rank : size, first;
    PetscCallMPI(MPI_Allreduce(&who, &first, 1, MPI_INT, MPI_MIN, world));
    if (first < size) {
      PetscCallMPI(MPI_Bcast(failed, sizeof(failed), MPI_CHAR, first, world));
      SETERRQ(world, PETSC_ERR_FILE_WRITE, "%s", failed);
    }
  }
  PetscCall(PetscOptionsSetValue(NULL, "-quiet", user_quiet ? "true" : "false"));
  PetscCall(AzSysSetFromOptions());
  PetscCallMPI(MPI_Barrier(world));
  {
    // Several jobs can share one sweep (a SLURM job array, each task running the same command): the tables come when
    // every point is there; a job that ends while others still compute leaves them to the last one, or to a rerun.
    PetscInt missing = 0;
    if (rank == 0) PetscCall(AzSweepCountDone(&sw, dir, &missing));
    missing = sw.npoint - missing;
    PetscCallMPI(MPI_Bcast(&missing, 1, MPIU_INT, 0, world));
    if (missing) {
      PetscCall(AzPrintf(world,
                         "%s: %" PetscInt_FMT " of %" PetscInt_FMT
                         " points are still being computed by another job sharing %s/; the last job (or "
                         "this command run again) writes sweep.csv and sweep.h5\n",
                         AzProgramName(), missing, sw.npoint, dir));
      PetscCall(AzSweepDestroy(&sw));
      PetscCall(AzOutdirClose(&base->outdir, PETSC_TRUE));
      PetscFunctionReturn(PETSC_SUCCESS);
    }
  }
  PetscCall(AzSweepWriteTables(&sw, base->outdir));
  PetscCall(AzOutdirClose(&base->outdir, PETSC_TRUE));
  PetscCall(AzPrintf(world, "%s: sweep of %" PetscInt_FMT " points in %.3g s; results in %s/ (sweep.csv, sweep.h5)\n", AzProgramName(),
                     sw.npoint, (double)(AzWallTime() - t0), dir));
  PetscCall(AzSweepDestroy(&sw));
  PetscFunctionReturn(PETSC_SUCCESS);
}
