// azote — the output directory of a run (DESIGN §5): one run at a time, and its files appear together or not at all.
//
// Lock. A run takes its output directory before any work: rank 0 creates it and then DIR/.azote.lock, made by link(2)
// of a complete file (atomic, on NFS too) that names the holder (host, pid, the process's start time). A second run
// into a locked directory stops at once with one line naming the directory and the holder, and writes nothing. A lock
// whose holder is dead (same host: kill(pid, 0) fails, or the pid now belongs to a younger process) is stale: it is
// removed, with the dead run's staging directory. A lock held from another host cannot be checked: the message says
// how to remove it. Shared mode is for the jobs of one sweep that run at once in one directory (-sweep_shared, a SLURM
// job array): the lock carries the sweep's key, every job whose key matches joins (a member file per process,
// DIR/.azote.lock.m.HOST.PID) and the last one out removes it; anything else is refused. The lock is released on every
// exit path: the run's end, an error (AzFinalize), and SIGTERM, SIGINT, SIGHUP and the like (a killed process leaves
// a stale lock, recognised by the next run).
//
// Staging. Every file of the run is written into DIR/.azote-stage.HOST.PID and moved into DIR by AzOutdirPublish
// (rename, atomic per file). The first publish of a run removes the previous run's set first, its marker (summary.json,
// or sweep.csv for a sweep's tables) before the rest; the marker is published last. So a directory whose marker exists
// holds one complete set, never a mix; a run that fails before its first publish (bad input, a failed solve, a full
// disk) leaves the previous set as it was, and a failed run leaves no partial file, no staging directory and no lock
// behind (and not the output directory either, where it created it and nothing was published).
#pragma once

#include <azote/sys.h>

typedef struct _n_AzOutdir *AzOutdir;

typedef enum {
  AZ_OUTDIR_EXCLUSIVE,  // one run: the lock is its own
  AZ_OUTDIR_SHARED,     // one of several jobs of the same sweep (same key)
  AZ_OUTDIR_UNLOCKED,   // a directory inside one the caller holds (a sweep's point under points/)
} AzOutdirMode;

// The result sets, marker first: a single run's files, and a sweep's tables.
PETSC_EXTERN const char *const AzOutdirRunFiles[];    // summary.json, fields.h5, fields.xmf, timeseries.csv, checkpoint.h5
PETSC_EXTERN const char *const AzOutdirSweepFiles[];  // sweep.csv, sweep.h5

// Creates dir (and its parents), takes its lock as `mode` says (key: the sweep's identity in shared mode, else NULL),
// removes what dead runs left there, and creates this run's staging directory. Collective on comm; fails with one line:
// PETSC_ERR_FILE_OPEN for a directory in use or that cannot be created, PETSC_ERR_FILE_WRITE where nothing can be
// written (a full disk).
PETSC_EXTERN PetscErrorCode AzOutdirOpen(MPI_Comm comm, const char dir[], AzOutdirMode mode, const char key[], AzOutdir *od);
// The staging directory (write here) and the output directory.
PETSC_EXTERN const char *AzOutdirStage(AzOutdir od);
PETSC_EXTERN const char *AzOutdirPath(AzOutdir od);
// An identifier of this run, also written into its files (summary.json's run_id, fields.h5's and checkpoint.h5's
// run_id attribute): files of one set carry the same one.
PETSC_EXTERN const char *AzOutdirRunId(AzOutdir od);
// Moves the n staged files `names` (in that order: the marker last) into the directory, the first time removing the
// previous run's files of `set` (marker first). Collective.
PETSC_EXTERN PetscErrorCode AzOutdirPublish(AzOutdir od, const char *const set[], PetscInt n, const char *const names[]);
// Removes the staging directory and releases the lock; after a failure also the output directory if this run created
// it and left it empty. Collective when success is true; after a failure only rank 0 acts (other ranks may be gone).
PETSC_EXTERN PetscErrorCode AzOutdirClose(AzOutdir *od, PetscBool success);
// Installed by AzInitialize over PETSc's handlers (a traceback banner and an abort): SIGTERM, SIGINT, SIGHUP, SIGQUIT,
// SIGUSR1/2, SIGALRM and SIGXCPU release what the process holds (AzOutdirCloseAll's work, async-signal-safe) and then
// end it as the signal would; SIGPIPE is ignored (a closed standard output, `azote ... | head -1`, ends nothing).
PETSC_EXTERN void AzOutdirInstallSignalHandlers(void);
// What AzFinalize and the signal handlers do: closes every directory this process still holds as failed. Local.
PETSC_EXTERN void AzOutdirCloseAll(void);

// Runs write(ctx, path) to create the staged file `name` (path: its place in the staging directory). A failure comes
// back as one line naming the final path, dir/name, and the cause: "no space left on device" (or "disk quota exceeded")
// when the file system is full, else the writer's own reason; PETSC_ERR_FILE_WRITE (exit status 3). What the writer
// left is removed.
typedef PetscErrorCode (*AzOutdirWriter)(void *ctx, const char path[]);
PETSC_EXTERN PetscErrorCode AzOutdirWrite(AzOutdir od, const char name[], AzOutdirWriter write, void *ctx);
