// The output directory of a run: its lock, the staging of its files, and their publication (include/azote/outdir.h).
#define _GNU_SOURCE  // flock, fallocate
#include <azote/outdir.h>
#include <azote/options.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

const char *const AzOutdirRunFiles[]   = {"summary.json", "fields.h5", "fields.xmf", "timeseries.csv", "checkpoint.h5", NULL};
const char *const AzOutdirSweepFiles[] = {"sweep.csv", "sweep.h5", NULL};

#define AZ_LOCK_NAME   ".azote.lock"
#define AZ_MEMBER_PRE  ".azote.lock.m."
#define AZ_STAGE_PRE   ".azote-stage."
#define AZ_OUTDIR_OPEN 8  // directories one process holds at once (a sweep's, a point's)

struct _n_AzOutdir {
  MPI_Comm     comm;
  PetscMPIInt  rank;
  AzOutdirMode mode;
  PetscBool    published;  // the previous set is gone
  size_t       created;    // rank 0: the length of the first directory of dir's path this run created (0: none)
  char         dir[PETSC_MAX_PATH_LEN], stage[PETSC_MAX_PATH_LEN + 256], run_id[192];
  char         lock[PETSC_MAX_PATH_LEN + 64], member[PETSC_MAX_PATH_LEN + 256];  // rank 0: what to remove on release ("" none)
};

// What this process holds, for AzFinalize and the signal handlers.
static AzOutdir              az_open[AZ_OUTDIR_OPEN];
static volatile sig_atomic_t az_nopen = 0;
static char                  az_host[128];

// This host's name as it goes into file names (letters, digits, '.', '-', '_').
static const char *AzHost(void)
{
  if (!az_host[0]) {
    if (gethostname(az_host, sizeof(az_host) - 1)) snprintf(az_host, sizeof(az_host), "localhost");
    for (char *q = az_host; *q; q++)
      if (!((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9') || *q == '.' || *q == '-')) *q = '_';
  }
  return az_host;
}

// The start time of process pid since boot (clock ticks, /proc/PID/stat field 22); 0 where unknown.
static unsigned long long AzProcessStart(long pid)
{
  char               path[64], buf[1024], *q;
  unsigned long long start = 0;
  FILE              *fp;
  size_t             n;

  snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
  if (!(fp = fopen(path, "r"))) return 0;
  n      = fread(buf, 1, sizeof(buf) - 1, fp);
  buf[n] = 0;
  fclose(fp);
  if (!(q = strrchr(buf, ')'))) return 0;  // the command name may hold spaces and parentheses
  q++;
  for (int field = 3; field < 22 && q; field++) q = strchr(q + 1, ' ');
  if (q) start = strtoull(q + 1, NULL, 10);
  return start;
}

// Whether the process that wrote host/pid/start may still run: on this host, it exists and is the same process (not
// a younger one that got its pid); on another host nobody can tell, and it counts as alive.
static PetscBool AzHolderAlive(const char host[], long pid, unsigned long long start)
{
  if (strcmp(host, AzHost())) return PETSC_TRUE;
  if (pid <= 0 || (kill((pid_t)pid, 0) && errno == ESRCH)) return PETSC_FALSE;
  if (start) {
    const unsigned long long now = AzProcessStart(pid);
    if (now && now != start) return PETSC_FALSE;
  }
  return PETSC_TRUE;
}

typedef struct {
  char               mode[16], host[128], key[40];
  long               pid;
  unsigned long long start;
  long long          since;  // s since the epoch
} AzHolder;

static void AzHolderParse(const char text[], AzHolder *h)
{
  const char *line = text;
  memset(h, 0, sizeof(*h));
  while (line && *line) {
    sscanf(line, "mode %15s", h->mode);
    sscanf(line, "host %127s", h->host);
    sscanf(line, "key %39s", h->key);
    sscanf(line, "pid %ld", &h->pid);
    sscanf(line, "start %llu", &h->start);
    sscanf(line, "time %lld", &h->since);
    line = strchr(line, '\n');
    if (line) line++;
  }
}

static int AzReadSmall(const char path[], char buf[], size_t len)
{
  int     fd = open(path, O_RDONLY);
  ssize_t n;
  if (fd < 0) return errno;
  n = read(fd, buf, len - 1);
  close(fd);
  if (n < 0) return EIO;
  buf[n] = 0;
  return 0;
}

// Writes text to path in one go (O_EXCL when excl). 0 or errno; a failed file is removed.
static int AzWriteSmall(const char path[], const char text[], PetscBool excl)
{
  const size_t n  = strlen(text);
  int          fd = open(path, O_WRONLY | O_CREAT | (excl ? O_EXCL : O_TRUNC), 0644), err = 0;
  if (fd < 0) return errno;
  if (write(fd, text, n) != (ssize_t)n) err = errno ? errno : ENOSPC;
  if (close(fd) && !err) err = errno;
  if (err) unlink(path);
  return err;
}

// This process as a holder.
static void AzHolderText(const char mode[], const char key[], char text[], size_t len)
{
  snprintf(text, len, "azote output-directory lock\nmode %s\nhost %s\npid %ld\nstart %llu\ntime %lld\n%s%s%s", mode, AzHost(),
           (long)getpid(), AzProcessStart((long)getpid()), (long long)time(NULL), key ? "key " : "", key ? key : "", key ? "\n" : "");
}

// Removes the files of a directory (one level: a staging directory holds files only) and the directory.
static void AzRemoveTree(const char dir[])
{
  DIR           *dp = opendir(dir);
  struct dirent *de;
  char           path[2 * PETSC_MAX_PATH_LEN];
  if (dp) {
    while ((de = readdir(dp))) {
      if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
      snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
      (void)unlink(path);
    }
    closedir(dp);
  }
  (void)rmdir(dir);
}

// Splits NAME = PREFIX HOST "." PID into host and pid.
static PetscBool AzParseHostPid(const char name[], const char prefix[], char host[], size_t len, long *pid)
{
  const size_t n = strlen(prefix);
  const char  *dot;
  char        *end;
  if (strncmp(name, prefix, n) || !(dot = strrchr(name + n, '.')) || dot == name + n) return PETSC_FALSE;
  *pid = strtol(dot + 1, &end, 10);
  if (*end || (size_t)(dot - name - n) >= len) return PETSC_FALSE;
  memcpy(host, name + n, (size_t)(dot - name - n));
  host[dot - name - n] = 0;
  return PETSC_TRUE;
}

// The members of a shared lock: counts the live ones and removes the files of dead ones (this host).
static PetscInt AzMembersAlive(const char dir[], AzHolder *one)
{
  DIR           *dp = opendir(dir);
  struct dirent *de;
  PetscInt       alive = 0;
  if (!dp) return 0;
  while ((de = readdir(dp))) {
    char     host[128], path[2 * PETSC_MAX_PATH_LEN], text[1024];
    long     pid;
    AzHolder h;
    if (!AzParseHostPid(de->d_name, AZ_MEMBER_PRE, host, sizeof(host), &pid)) continue;
    snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
    if (AzReadSmall(path, text, sizeof(text))) continue;
    AzHolderParse(text, &h);
    if (AzHolderAlive(host, pid, h.start)) {
      if (!alive && one) *one = h, PetscStrncpy(one->host, host, sizeof(one->host)), one->pid = pid;
      alive++;
    } else
      (void)unlink(path);
  }
  closedir(dp);
  return alive;
}

// Staging directories and partial files that dead runs left in dir (all of them where this run holds the directory
// alone; else those of dead processes on this host), and the lock's own staging files of dead processes on this host
// (a run killed between writing one and linking it as the lock: kill -9 at random moments, regression/concurrent).
static void AzRemoveLeftovers(const char dir[], PetscBool alone)
{
  DIR           *dp = opendir(dir);
  struct dirent *de;
  if (!dp) return;
  while ((de = readdir(dp))) {
    char      host[128], path[2 * PETSC_MAX_PATH_LEN];
    long      pid;
    size_t    n    = strlen(de->d_name);
    PetscBool mine = PETSC_FALSE;
    snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
    if (AzParseHostPid(de->d_name, AZ_STAGE_PRE, host, sizeof(host), &pid)) {
      mine = (PetscBool)(!strcmp(host, AzHost()) && pid == (long)getpid());
      if (!mine && (alone || !AzHolderAlive(host, pid, 0))) AzRemoveTree(path);
    } else if (AzParseHostPid(de->d_name, AZ_LOCK_NAME ".tmp.", host, sizeof(host), &pid)) {
      if (!AzHolderAlive(host, pid, 0)) (void)unlink(path);  // (a live one's is its own business: it is linking it)
    } else if (alone && n > 8 && !strcmp(de->d_name + n - 8, ".partial"))
      (void)unlink(path);  // a killed run of an earlier version
  }
  closedir(dp);
}

// mkdir -p; *created: the length of the first path component this call created (0: none). 0 or errno.
static int AzMakeDirs(const char dir[], size_t *created)
{
  char path[PETSC_MAX_PATH_LEN];
  *created = 0;
  if (strlen(dir) >= sizeof(path)) return ENAMETOOLONG;
  strcpy(path, dir);
  for (char *p = path + 1;; p++) {
    if (*p && *p != '/') continue;
    const char keep = *p;
    *p              = 0;
    if (!mkdir(path, 0777)) {
      if (!*created) *created = strlen(path);
    } else if (errno != EEXIST)
      return errno;
    else {
      struct stat sb;
      if (stat(path, &sb)) return errno;
      if (!S_ISDIR(sb.st_mode)) return ENOTDIR;
    }
    *p = keep;
    if (!keep) break;
  }
  return 0;
}

// The directory's mutex around the lock's files: flock on the directory itself, where the file system has it (a
// local one; over NFS the link(2) of the lock file alone decides). -1 when none.
static int AzMutexLock(const char dir[])
{
  int fd = open(dir, O_RDONLY | O_DIRECTORY);
  if (fd < 0) return -1;
  while (flock(fd, LOCK_EX) && errno == EINTR) {
  }
  return fd;
}

static void AzMutexUnlock(int fd)
{
  if (fd >= 0) close(fd);  // releases the flock
}

// Takes the lock (rank 0). 0, or an errno with why[] saying what stands in the way (EBUSY: another live run).
static int AzLockAcquire(AzOutdir od, const char key[], char why[], size_t len)
{
  const PetscBool shared = (PetscBool)(od->mode == AZ_OUTDIR_SHARED);
  char            text[1024], tmp[PETSC_MAX_PATH_LEN + 256], mine[1024];
  int             err = 0, mutex = AzMutexLock(od->dir);

  snprintf(od->lock, sizeof(od->lock), "%s/" AZ_LOCK_NAME, od->dir);
  snprintf(tmp, sizeof(tmp), "%s/" AZ_LOCK_NAME ".tmp.%s.%ld", od->dir, AzHost(), (long)getpid());
  AzHolderText(shared ? "shared" : "exclusive", shared ? key : NULL, mine, sizeof(mine));
  for (int attempt = 0;; attempt++) {
    AzHolder h;
    if ((err = AzWriteSmall(tmp, mine, PETSC_FALSE))) break;
    if (!link(tmp, od->lock)) {
      (void)unlink(tmp);
      break;
    }
    err = errno;
    (void)unlink(tmp);
    if (err != EEXIST) {  // no hard links here (some network and FUSE file systems): an exclusive create
      if ((err = AzWriteSmall(od->lock, mine, PETSC_TRUE)) == 0) break;
      if (err != EEXIST) break;
    }
    err = AzReadSmall(od->lock, text, sizeof(text));
    if (err == ENOENT) continue;  // released meanwhile
    if (err) break;
    AzHolderParse(text, &h);
    if (!strcmp(h.mode, "shared")) {
      if (shared && !strcmp(h.key, key)) break;  // the same sweep: join
      if (AzMembersAlive(od->dir, &h) == 0) {
        (void)unlink(od->lock);  // every member has died
        if (attempt < 8) continue;
      }
    } else if (!AzHolderAlive(h.host, h.pid, h.start)) {
      (void)unlink(od->lock);  // its holder died
      if (attempt < 8) continue;
    }
    {
      char       when[64] = "", sdir[256];
      time_t     t        = (time_t)h.since;
      struct tm *tm       = h.since ? localtime(&t) : NULL;
      if (tm) strftime(when, sizeof(when), ", started %Y-%m-%d %H:%M:%S", tm);
      const PetscBool elsewhere = (PetscBool)(strcmp(h.host, AzHost()) != 0);
      const char     *sd        = AzShort(od->dir, sdir, sizeof(sdir));
      snprintf(why, len,
               "-output_dir = '%s' is in use by another azote run (%spid %ld on host %s%s): wait for it to end or choose another "
               "output_dir%s%s%s",
               sd,
               strcmp(h.mode, "shared") ? ""
               : shared                 ? "a different sweep's jobs, "
                                        : "a sweep's jobs, ",
               h.pid, h.host, when, elsewhere ? " (if that run is gone, remove " : "", elsewhere ? sd : "",
               elsewhere ? "/" AZ_LOCK_NAME ")" : "");
    }
    err = EBUSY;
    break;
  }
  if (!err && shared) {
    snprintf(od->member, sizeof(od->member), "%s/" AZ_MEMBER_PRE "%s.%ld", od->dir, AzHost(), (long)getpid());
    if ((err = AzWriteSmall(od->member, mine, PETSC_FALSE))) od->member[0] = 0;
  }
  if (err && err != EBUSY && !why[0]) snprintf(why, len, "%s", strerror(err));
  if (err) od->lock[0] = 0;
  AzMutexUnlock(mutex);
  return err;
}

// Releases the lock (rank 0): an exclusive lock if it is still this process's, a shared one when its last member goes.
static void AzLockRelease(AzOutdir od, PetscBool use_mutex)
{
  char     text[1024];
  AzHolder h;
  int      mutex = use_mutex ? AzMutexLock(od->dir) : -1;
  if (od->member[0]) {
    (void)unlink(od->member);
    od->member[0] = 0;
    if (use_mutex && od->lock[0] && AzMembersAlive(od->dir, NULL) == 0) (void)unlink(od->lock);
  } else if (od->lock[0] && !AzReadSmall(od->lock, text, sizeof(text))) {
    AzHolderParse(text, &h);
    if (h.pid == (long)getpid() && !strcmp(h.host, AzHost())) (void)unlink(od->lock);
  }
  od->lock[0] = 0;
  AzMutexUnlock(mutex);
}

static void AzOutdirRegister(AzOutdir od, PetscBool add)
{
  sigset_t all, old;
  sigfillset(&all);
  sigprocmask(SIG_BLOCK, &all, &old);  // the handlers read this list
  if (add && az_nopen < AZ_OUTDIR_OPEN) az_open[az_nopen++] = od;
  if (!add)
    for (int i = 0; i < az_nopen; i++)
      if (az_open[i] == od) az_open[i] = az_open[--az_nopen];
  sigprocmask(SIG_SETMASK, &old, NULL);
}

PetscErrorCode AzOutdirOpen(MPI_Comm comm, const char dir[], AzOutdirMode mode, const char key[], AzOutdir *odp)
{
  AzOutdir od;
  int      err = 0, what = 0;  // what failed: 1 the directory, 2 the lock, 3 the staging directory
  char     why[1024] = "", sdir[256];

  PetscFunctionBeginUser;
  *odp = NULL;
  PetscCall(PetscNew(&od));
  od->comm = comm, od->mode = mode;
  PetscCallMPI(MPI_Comm_rank(comm, &od->rank));
  PetscCall(PetscStrncpy(od->dir, dir, sizeof(od->dir)));
  if (od->rank == 0) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    snprintf(od->run_id, sizeof(od->run_id), "%s-%ld-%lld%06ld", AzHost(), (long)getpid(), (long long)ts.tv_sec, ts.tv_nsec / 1000);
    snprintf(od->stage, sizeof(od->stage), "%s/" AZ_STAGE_PRE "%s.%ld", od->dir, AzHost(), (long)getpid());
    if ((err = AzMakeDirs(od->dir, &od->created))) what = 1;
    if (!err && mode != AZ_OUTDIR_UNLOCKED && (err = AzLockAcquire(od, key, why, sizeof(why)))) what = 2;
    if (!err) {
      AzRemoveLeftovers(od->dir, (PetscBool)(mode == AZ_OUTDIR_EXCLUSIVE));
      AzRemoveTree(od->stage);  // a leftover of an earlier process with this pid
      if (mkdir(od->stage, 0777)) err = errno, what = 3;
    }
    if (err) {
      if (what > 1) AzLockRelease(od, PETSC_TRUE);
      if (od->created) {  // what this call created, deepest first
        char path[PETSC_MAX_PATH_LEN];
        strcpy(path, od->dir);
        for (char *q; strlen(path) >= od->created && !rmdir(path) && (q = strrchr(path, '/'));) *q = 0;
      }
    } else
      AzOutdirRegister(od, PETSC_TRUE);
  }
  PetscCallMPI(MPI_Bcast(&err, 1, MPI_INT, 0, comm));
  PetscCallMPI(MPI_Bcast(&what, 1, MPI_INT, 0, comm));
  PetscCallMPI(MPI_Bcast(why, sizeof(why), MPI_CHAR, 0, comm));
  PetscCallMPI(MPI_Bcast(od->stage, sizeof(od->stage), MPI_CHAR, 0, comm));
  PetscCallMPI(MPI_Bcast(od->run_id, sizeof(od->run_id), MPI_CHAR, 0, comm));
  if (err) PetscCall(PetscFree(od));
  PetscCheck(!err || err == EBUSY || (err != ENOSPC && err != EDQUOT), comm, PETSC_ERR_FILE_WRITE, "cannot write %s%s: %s",
             AzShort(dir, sdir, sizeof(sdir)),
             what == 1   ? ""
             : what == 3 ? "/" AZ_STAGE_PRE "*"
                         : "/" AZ_LOCK_NAME,
             err == ENOSPC ? "no space left on device" : "disk quota exceeded");
  PetscCheck(!err || what != 1, comm, PETSC_ERR_FILE_OPEN, "cannot create the output directory %s: %s", AzShort(dir, sdir, sizeof(sdir)),
             strerror(err));
  PetscCheck(!err, comm, PETSC_ERR_FILE_OPEN, "%s", err == EBUSY ? why : "cannot lock the output directory");
  *odp = od;
  PetscFunctionReturn(PETSC_SUCCESS);
}

const char *AzOutdirStage(AzOutdir od)
{
  return od->stage;
}

const char *AzOutdirPath(AzOutdir od)
{
  return od->dir;
}

const char *AzOutdirRunId(AzOutdir od)
{
  return od->run_id;
}

PetscErrorCode AzOutdirPublish(AzOutdir od, const char *const set[], PetscInt n, const char *const names[])
{
  int  err                     = 0;
  char bad[PETSC_MAX_PATH_LEN] = "", sdir[256];

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Barrier(od->comm));  // every rank has closed what it wrote
  if (od->rank == 0) {
    char from[2 * PETSC_MAX_PATH_LEN], to[2 * PETSC_MAX_PATH_LEN];
    int  mutex = AzMutexLock(od->dir);
    if (!od->published)
      for (PetscInt i = 0; set[i]; i++) {  // the marker first: from here on the old set is incomplete
        snprintf(to, sizeof(to), "%s/%s", od->dir, set[i]);
        if (unlink(to) && errno != ENOENT && !err) err = errno, snprintf(bad, sizeof(bad), "%s", set[i]);
      }
    for (PetscInt i = 0; i < n && !err; i++) {
      snprintf(from, sizeof(from), "%s/%s", od->stage, names[i]);
      snprintf(to, sizeof(to), "%s/%s", od->dir, names[i]);
      if (rename(from, to)) err = errno, snprintf(bad, sizeof(bad), "%s", names[i]);
    }
    AzMutexUnlock(mutex);
  }
  PetscCallMPI(MPI_Bcast(&err, 1, MPI_INT, 0, od->comm));
  PetscCallMPI(MPI_Bcast(bad, sizeof(bad), MPI_CHAR, 0, od->comm));
  od->published = PETSC_TRUE;
  PetscCheck(!err, od->comm, PETSC_ERR_FILE_WRITE, "cannot write %s/%s: %s", AzShort(od->dir, sdir, sizeof(sdir)), bad, strerror(err));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Rank 0's part of closing; use_mutex is false in a signal handler.
static void AzOutdirRelease(AzOutdir od, PetscBool success, PetscBool use_mutex)
{
  AzRemoveTree(od->stage);
  AzLockRelease(od, use_mutex);
  if (!success && od->created) {
    char path[PETSC_MAX_PATH_LEN];
    strcpy(path, od->dir);
    for (char *q; strlen(path) >= od->created && !rmdir(path) && (q = strrchr(path, '/'));) *q = 0;
  }
}

PetscErrorCode AzOutdirClose(AzOutdir *odp, PetscBool success)
{
  AzOutdir od = *odp;

  PetscFunctionBeginUser;
  if (!od) PetscFunctionReturn(PETSC_SUCCESS);
  if (success) PetscCallMPI(MPI_Barrier(od->comm));
  if (od->rank == 0) {
    AzOutdirRegister(od, PETSC_FALSE);
    AzOutdirRelease(od, success, PETSC_TRUE);
  }
  PetscCall(PetscFree(od));
  *odp = NULL;
  PetscFunctionReturn(PETSC_SUCCESS);
}

void AzOutdirCloseAll(void)
{
  while (az_nopen > 0) {
    AzOutdir od = az_open[az_nopen - 1];
    AzOutdirRegister(od, PETSC_FALSE);
    AzOutdirRelease(od, PETSC_FALSE, PETSC_TRUE);
    // the object itself stays allocated: its owner may still hold the pointer
  }
}

// Signals that end the process: what it holds is released, then the signal takes its default course (the exit status
// says which signal). Only async-signal-safe calls here: the staging directory's known files are unlinked by name.
static void AzSignalCleanup(int sig)
{
  static const char *const names[] = {"summary.json",  "fields.h5", "fields.xmf", "timeseries.csv",
                                      "checkpoint.h5", "sweep.csv", "sweep.h5",   NULL};
  char                     path[PETSC_MAX_PATH_LEN + 128], pid[24];
  long                     v  = (long)getpid();
  int                      np = 0;
  char                     rev[24];

  do rev[np++] = (char)('0' + v % 10), v /= 10;
  while (v && np < 23);
  for (int i = 0; i < np; i++) pid[i] = rev[np - 1 - i];
  pid[np] = 0;
  for (int k = 0; k < az_nopen; k++) {
    AzOutdir     od = az_open[k];
    const size_t ls = strlen(od->stage);
    if (ls + 64 > sizeof(path)) continue;
    for (int i = 0; names[i]; i++)
      for (int variant = 0; variant < 3; variant++) {  // NAME, NAME.partial, NAME.PID.partial
        size_t l = ls;
        memcpy(path, od->stage, ls);
        path[l++] = '/';
        for (const char *q = names[i]; *q;) path[l++] = *q++;
        if (variant == 2) {
          path[l++] = '.';
          for (const char *q = pid; *q;) path[l++] = *q++;
        }
        if (variant) {
          for (const char *q = ".partial"; *q;) path[l++] = *q++;
        }
        path[l] = 0;
        (void)unlink(path);
      }
    (void)rmdir(od->stage);
    if (od->member[0])
      (void)unlink(od->member);  // the next run removes a shared lock left without members
    else if (od->lock[0])
      (void)unlink(od->lock);
    if (od->created) (void)rmdir(od->dir);
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

void AzOutdirInstallSignalHandlers(void)
{
  static const int sigs[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU};
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = AzSignalCleanup;
  sigfillset(&sa.sa_mask);
  for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) sigaction(sigs[i], &sa, NULL);
  // A closed pipe on standard output (azote ... | head -1) ends nothing: the results are written all the same.
  signal(SIGPIPE, SIG_IGN);
}

// Whether the file system of path is out of space (or quota) now: a probe of 64 kB. ENOSPC, EDQUOT or 0.
static int AzProbeSpace(const char dir[])
{
  char path[2 * PETSC_MAX_PATH_LEN];
  int  fd, err = 0;
  snprintf(path, sizeof(path), "%s/.azote-probe.%ld", dir, (long)getpid());
  if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0) return errno == ENOSPC || errno == EDQUOT ? errno : 0;
  if (fallocate(fd, 0, 0, 65536)) {
    if (errno == ENOSPC || errno == EDQUOT) err = errno;
    if (errno == EOPNOTSUPP) {
      static char zeros[4096];
      for (int i = 0; i < 16 && !err; i++)
        if (write(fd, zeros, sizeof(zeros)) != (ssize_t)sizeof(zeros)) err = errno == ENOSPC || errno == EDQUOT ? errno : 0;
      if (!err && fsync(fd) && (errno == ENOSPC || errno == EDQUOT)) err = errno;
    }
  }
  close(fd);
  unlink(path);
  return err;
}

PetscErrorCode AzOutdirWrite(AzOutdir od, const char name[], AzOutdirWriter write_fn, void *ctx)
{
  char           path[2 * PETSC_MAX_PATH_LEN], msg[1024] = "", sdir[256];
  PetscErrorCode ierr;
  int            full = 0;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/%s", od->stage, name));
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = write_fn(ctx, path);
  PetscCall(PetscPopErrorHandler());
  if (!ierr) PetscFunctionReturn(PETSC_SUCCESS);
  // the cause, on rank 0 (before what the writer left frees its space), said once by every rank
  if (od->rank == 0) {
    const char *text     = NULL;
    char       *specific = NULL;
    PetscErrorMessage(ierr, &text, &specific);
    full = AzProbeSpace(od->stage);
    if (!full && specific && strcasestr(specific, strerror(ENOSPC))) full = ENOSPC;
    if (!full && specific && strcasestr(specific, strerror(EDQUOT))) full = EDQUOT;
    if (!full) {
      // the writer's reason, with the staging directory's name replaced by the output directory's
      const char  *s  = specific && specific[0] ? specific : (text ? text : "unknown error"), *at;
      const size_t ls = strlen(od->stage);
      size_t       m  = 0;
      while ((at = strstr(s, od->stage)) && m + (size_t)(at - s) + strlen(od->dir) < sizeof(msg) - 1) {
        memcpy(msg + m, s, (size_t)(at - s)), m += (size_t)(at - s);
        memcpy(msg + m, od->dir, strlen(od->dir)), m += strlen(od->dir);
        s = at + ls;
      }
      snprintf(msg + m, sizeof(msg) - m, "%s", s);
    }
    (void)unlink(path);
  }
  PetscCallMPI(MPI_Bcast(&full, 1, MPI_INT, 0, od->comm));
  PetscCallMPI(MPI_Bcast(msg, sizeof(msg), MPI_CHAR, 0, od->comm));
  PetscCheck(!full, od->comm, PETSC_ERR_FILE_WRITE, "cannot write %s/%s: %s", AzShort(od->dir, sdir, sizeof(sdir)), name,
             full == ENOSPC ? "no space left on device" : "disk quota exceeded");
  SETERRQ(od->comm, ierr == PETSC_ERR_USER_INPUT || ierr == PETSC_ERR_NOT_CONVERGED ? ierr : PETSC_ERR_FILE_WRITE, "%s", msg);
}
