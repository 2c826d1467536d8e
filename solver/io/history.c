// The snapshots of the run a restart continues: read from the fields.h5 beside its checkpoint, so that the
// continued run's fields.h5 and fields.xmf hold the whole history, not only the times after the restart.
#include <azote/output.h>
#include <petscviewerhdf5.h>
#include <libgen.h>
#include <unistd.h>

// Loads snapshot group `group` (one dataset per species) into x (the state's layout, species interlaced).
static PetscErrorCode AzLoadSnapshot(PetscViewer v, const char group[], DM da1, PetscInt ns, const char *const names[], Vec x)
{
  Vec one;

  PetscFunctionBeginUser;
  PetscCall(DMCreateGlobalVector(da1, &one));
  PetscCall(PetscViewerHDF5PushGroup(v, group));
  for (PetscInt s = 0; s < ns; s++) {
    PetscCall(PetscObjectSetName((PetscObject)one, names[s]));
    PetscCall(VecLoad(one, v));
    if (ns == 1)
      PetscCall(VecCopy(one, x));
    else
      PetscCall(VecStrideScatter(one, s, x, INSERT_VALUES));
  }
  PetscCall(PetscViewerHDF5PopGroup(v));
  PetscCall(VecDestroy(&one));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The snapshots at t <= t_max of the fields.h5 the viewer holds: their count, after checking that the last lies at
// t_max and equals state (the file was written by the run that wrote the checkpoint; one snapshot in memory), then
// each in turn handed to fn. Errors (no file, another layout) mean no history, never a failed run.
static PetscErrorCode AzStreamHistory(MPI_Comm comm, PetscViewer v, DM da1, Vec state, PetscInt ns, const char *const names[],
                                      PetscReal t_max, AzSnapshotFn fn, void *ctx, PetscInt *n, PetscReal *t_first)
{
  PetscReal diff, scale, t_last = -1;
  PetscInt  count = 0;
  Vec       x;

  PetscFunctionBeginUser;
  for (PetscInt k = 0;; k++, count++) {  // the times only
    char      group[64];
    PetscBool has;
    PetscReal t;
    PetscCall(PetscSNPrintf(group, sizeof(group), "/snapshots/%" PetscInt_FMT, k));
    PetscCall(PetscViewerHDF5HasGroup(v, group, &has));
    if (!has) break;
    PetscCall(PetscViewerHDF5ReadAttribute(v, group, "time", PETSC_REAL, NULL, &t));
    if (t > t_max * (1 + 1e-12)) break;
    if (k == 0) *t_first = t;
    t_last = t;
  }
  PetscCheck(count > 0 && PetscAbsReal(t_last - t_max) <= 1e-12 * t_max, comm, PETSC_ERR_FILE_UNEXPECTED, "no snapshot at t = %g s",
             (double)t_max);
  PetscCall(VecDuplicate(state, &x));
  {
    char group[64];
    Vec  d;
    PetscCall(PetscSNPrintf(group, sizeof(group), "/snapshots/%" PetscInt_FMT, count - 1));
    PetscCall(AzLoadSnapshot(v, group, da1, ns, names, x));
    PetscCall(VecDuplicate(state, &d));
    PetscCall(VecWAXPY(d, -1, state, x));
    PetscCall(VecNorm(d, NORM_INFINITY, &diff));
    PetscCall(VecNorm(state, NORM_INFINITY, &scale));
    PetscCall(VecDestroy(&d));
  }
  if (!(diff <= 1e-12 * scale)) {
    PetscCall(VecDestroy(&x));
    SETERRQ(comm, PETSC_ERR_FILE_UNEXPECTED, "its snapshot at t = %g s is not the checkpoint's state", (double)t_max);
  }
  for (PetscInt k = 0; k < count; k++) {
    char      group[64];
    PetscReal t;
    PetscCall(PetscSNPrintf(group, sizeof(group), "/snapshots/%" PetscInt_FMT, k));
    PetscCall(PetscViewerHDF5ReadAttribute(v, group, "time", PETSC_REAL, NULL, &t));
    PetscCall(AzLoadSnapshot(v, group, da1, ns, names, x));
    PetscCall(fn(ctx, t, x));
  }
  PetscCall(VecDestroy(&x));
  *n = count;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOutputStreamSnapshotHistory(MPI_Comm comm, const char checkpoint[], Vec state, PetscInt ns, const char *const names[],
                                             PetscReal t_max, AzSnapshotFn fn, void *ctx, PetscInt *n)
{
  char           dir[PETSC_MAX_PATH_LEN], path[PETSC_MAX_PATH_LEN];
  PetscMPIInt    rank;
  int            exists = 0;
  PetscErrorCode ierr;
  PetscViewer    v = NULL;
  DM             da, da1;
  PetscReal      t_first = 0;

  PetscFunctionBeginUser;
  *n = 0;
  PetscCall(PetscStrncpy(dir, checkpoint, sizeof(dir)));
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/fields.h5", dirname(dir)));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (!rank) exists = access(path, R_OK) == 0;
  PetscCallMPI(MPI_Bcast(&exists, 1, MPI_INT, 0, comm));
  if (!exists) {
    PetscCall(AzPrintf(comm, "%s: no %s beside the checkpoint: the fields before t = %g s are not in this run's fields.h5\n",
                       AzProgramName(), path, (double)t_max));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(VecGetDM(state, &da));
  if (ns == 1) {
    da1 = da;
    PetscCall(PetscObjectReference((PetscObject)da1));
  } else
    PetscCall(DMDACreateCompatibleDMDA(da, 1, &da1));
  // the history is checked before the first snapshot is handed on: a file of another run gives none, never a part
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = PetscViewerHDF5Open(comm, path, FILE_MODE_READ, &v);
  if (!ierr) ierr = AzStreamHistory(comm, v, da1, state, ns, names, t_max, fn, ctx, n, &t_first);
  PetscCall(PetscPopErrorHandler());
  PetscCall(PetscViewerDestroy(&v));
  PetscCall(DMDestroy(&da1));
  if (ierr && ierr != PETSC_ERR_FILE_WRITE) {
    const char *text     = NULL;
    char       *specific = NULL;
    PetscErrorMessage(ierr, &text, &specific);
    PetscCall(AzPrintf(comm,
                       "%s: %s is not the run that wrote the checkpoint (%s): the fields before t = %g s are not in this run's fields.h5\n",
                       AzProgramName(), path, specific && specific[0] ? specific : (text ? text : "unreadable"), (double)t_max));
  } else {
    PetscCall(ierr);  // a failure to write the new file is the run's
    PetscCall(AzPrintf(comm, "%s: %" PetscInt_FMT " earlier snapshots (t = %g to %g s) from %s\n", AzProgramName(), *n, (double)t_first,
                       (double)t_max, path));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
