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

// Reads the snapshots at t <= t_max of dir(checkpoint)/fields.h5; the last must lie at t_max and equal state (the
// file was written by the run that wrote the checkpoint), else none is taken. Errors (no file, another layout) mean
// no history, never a failed run.
static PetscErrorCode AzReadHistory(MPI_Comm comm, PetscViewer v, DM da1, Vec state, PetscInt ns, const char *const names[],
                                    PetscReal t_max, PetscInt *n, Vec **snaps, PetscReal **times)
{
  PetscInt  cap = 0;
  PetscReal diff, scale;

  PetscFunctionBeginUser;
  for (PetscInt k = 0;; k++) {
    char      group[64];
    PetscBool has;
    PetscReal t;
    PetscCall(PetscSNPrintf(group, sizeof(group), "/snapshots/%" PetscInt_FMT, k));
    PetscCall(PetscViewerHDF5HasGroup(v, group, &has));
    if (!has) break;
    PetscCall(PetscViewerHDF5ReadAttribute(v, group, "time", PETSC_REAL, NULL, &t));
    if (t > t_max * (1 + 1e-12)) break;
    if (*n == cap) {
      Vec       *s2;
      PetscReal *t2;
      cap = 2 * cap + 8;
      PetscCall(PetscMalloc2(cap, &s2, cap, &t2));
      if (*n) PetscCall(PetscArraycpy(s2, *snaps, *n));
      if (*n) PetscCall(PetscArraycpy(t2, *times, *n));
      PetscCall(PetscFree2(*snaps, *times));
      *snaps = s2, *times = t2;
    }
    PetscCall(VecDuplicate(state, &(*snaps)[*n]));
    (*times)[*n] = t;
    (*n)++;
    PetscCall(AzLoadSnapshot(v, group, da1, ns, names, (*snaps)[*n - 1]));
  }
  PetscCheck(*n > 0 && PetscAbsReal((*times)[*n - 1] - t_max) <= 1e-12 * t_max, comm, PETSC_ERR_FILE_UNEXPECTED, "no snapshot at t = %g s",
             (double)t_max);
  {
    Vec d;
    PetscCall(VecDuplicate(state, &d));
    PetscCall(VecWAXPY(d, -1, state, (*snaps)[*n - 1]));
    PetscCall(VecNorm(d, NORM_INFINITY, &diff));
    PetscCall(VecNorm(state, NORM_INFINITY, &scale));
    PetscCall(VecDestroy(&d));
  }
  PetscCheck(diff <= 1e-12 * scale, comm, PETSC_ERR_FILE_UNEXPECTED, "its snapshot at t = %g s is not the checkpoint's state",
             (double)t_max);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOutputReadSnapshotHistory(MPI_Comm comm, const char checkpoint[], Vec state, PetscInt ns, const char *const names[],
                                           PetscReal t_max, PetscInt *n, Vec **snaps, PetscReal **times)
{
  char           dir[PETSC_MAX_PATH_LEN], path[PETSC_MAX_PATH_LEN];
  PetscMPIInt    rank;
  int            exists = 0;
  PetscErrorCode ierr;
  PetscViewer    v = NULL;
  DM             da, da1;

  PetscFunctionBeginUser;
  *n = 0, *snaps = NULL, *times = NULL;
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
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = PetscViewerHDF5Open(comm, path, FILE_MODE_READ, &v);
  if (!ierr) ierr = AzReadHistory(comm, v, da1, state, ns, names, t_max, n, snaps, times);
  PetscCall(PetscPopErrorHandler());
  PetscCall(PetscViewerDestroy(&v));
  PetscCall(DMDestroy(&da1));
  if (ierr) {
    const char *text     = NULL;
    char       *specific = NULL;
    PetscErrorMessage(ierr, &text, &specific);
    for (PetscInt k = 0; k < *n; k++) PetscCall(VecDestroy(&(*snaps)[k]));
    PetscCall(PetscFree2(*snaps, *times));
    *n = 0;
    PetscCall(AzPrintf(comm,
                       "%s: %s is not the run that wrote the checkpoint (%s): the fields before t = %g s are not in this run's fields.h5\n",
                       AzProgramName(), path, specific && specific[0] ? specific : (text ? text : "unreadable"), (double)t_max));
  } else
    PetscCall(AzPrintf(comm, "%s: %" PetscInt_FMT " earlier snapshots (t = %g to %g s) from %s\n", AzProgramName(), *n, (double)(*times)[0],
                       (double)t_max, path));
  PetscFunctionReturn(PETSC_SUCCESS);
}
