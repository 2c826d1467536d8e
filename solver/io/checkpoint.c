// Checkpoints of transient runs (checkpoint.h5): everything needed to continue exactly where a run stopped.
#include <azote/output.h>
#include <petscviewerhdf5.h>
#include <errno.h>

// Writes (or loads) c as the dataset `dataset`, its own name restored afterwards (copied first: setting a name frees
// the old one).
static PetscErrorCode AzVecWithName(Vec c, const char dataset[], PetscViewer v, PetscBool load)
{
  const char *name;
  char        keep[256];

  PetscFunctionBeginUser;
  PetscCall(PetscObjectGetName((PetscObject)c, &name));
  PetscCall(PetscStrncpy(keep, name, sizeof(keep)));
  PetscCall(PetscObjectSetName((PetscObject)c, dataset));
  if (load)
    PetscCall(VecLoad(c, v));
  else
    PetscCall(VecView(c, v));
  PetscCall(PetscObjectSetName((PetscObject)c, keep));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The inverse of AzOutputWriteRank0Array: every rank gets the array.
static PetscErrorCode AzReadRank0Array(PetscViewer v, MPI_Comm comm, const char name[], PetscInt n, PetscReal **a)
{
  PetscMPIInt rank;
  Vec         x;
  PetscReal  *xa;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(VecCreateMPI(comm, rank ? 0 : n, n, &x));
  PetscCall(PetscObjectSetName((PetscObject)x, name));
  PetscCall(VecLoad(x, v));
  PetscCall(PetscMalloc1(PetscMax(n, 1), a));
  PetscCall(VecGetArray(x, &xa));
  if (!rank && n) PetscCall(PetscArraycpy(*a, xa, n));
  PetscCall(VecRestoreArray(x, &xa));
  PetscCall(VecDestroy(&x));
  PetscCallMPI(MPI_Bcast(*a, (PetscMPIInt)n, MPIU_REAL, 0, comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCheckpointWrite(MPI_Comm comm, const char path[], Vec c, const AzCheckpointData *d)
{
  char        tmp[PETSC_MAX_PATH_LEN];
  PetscViewer v;
  PetscMPIInt rank;
  int         err = 0;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(PetscSNPrintf(tmp, sizeof(tmp), "%s.partial", path));
  PetscCall(PetscViewerHDF5Open(comm, tmp, FILE_MODE_WRITE, &v));
  PetscCall(AzVecWithName(c, "solution", v, PETSC_FALSE));
  PetscCall(AzOutputWriteRank0Array(v, comm, "scalars", NULL, d->nscalar, d->scalars));
  PetscCall(AzOutputWriteRank0Array(v, comm, "timeseries", NULL, d->nrow * d->ncol, d->rows));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "nscalar", PETSC_INT, &d->nscalar));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "ncol", PETSC_INT, &d->ncol));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "nrow", PETSC_INT, &d->nrow));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "signature", PETSC_STRING, d->signature));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "azote_version", PETSC_STRING, AZOTE_VERSION));
  PetscCall(PetscViewerDestroy(&v));
  PetscCallMPI(MPI_Barrier(comm));
  if (rank == 0 && rename(tmp, path)) err = errno;
  PetscCallMPI(MPI_Bcast(&err, 1, MPI_INT, 0, comm));
  PetscCheck(!err, comm, PETSC_ERR_FILE_WRITE, "cannot rename %s to %s: %s", tmp, path, strerror(err));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The first key=value of a (KEY=VALUE;...) that differs in b.
static void AzSignatureDiff(const char *a, const char *b, char *out, size_t len)
{
  const char *sa = a, *sb = b;
  while (*sa && *sb) {
    const char *ea = strchr(sa, ';'), *eb = strchr(sb, ';');
    if (!ea || !eb) break;
    if (ea - sa != eb - sb || strncmp(sa, sb, (size_t)(ea - sa))) {
      snprintf(out, len, "the checkpoint has %.*s, this case %.*s", (int)(eb - sb), sb, (int)(ea - sa), sa);
      return;
    }
    sa = ea + 1, sb = eb + 1;
  }
  snprintf(out, len, "its keys differ");
}

PetscErrorCode AzCheckpointRead(MPI_Comm comm, const char path[], const char expect[], Vec c, AzCheckpointData *d)
{
  PetscViewer    v;
  PetscMPIInt    rank;
  int            err = 0;
  char          *sig = NULL;
  PetscErrorCode ierr;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (rank == 0) {  // readable, and an HDF5 file (asked with HDF5's own error printing off)
    FILE *fp = fopen(path, "r");
    if (!fp)
      err = errno;
    else {
      H5E_auto2_t func;
      void       *data;
      fclose(fp);
      H5Eget_auto2(H5E_DEFAULT, &func, &data);
      H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
      if (H5Fis_hdf5(path) <= 0) err = -1;
      H5Eset_auto2(H5E_DEFAULT, func, data);
    }
  }
  PetscCallMPI(MPI_Bcast(&err, 1, MPI_INT, 0, comm));
  PetscCheck(err >= 0, comm, PETSC_ERR_USER_INPUT, "-restart = '%s' is not an azote checkpoint (not an HDF5 file)", path);
  PetscCheck(!err, comm, PETSC_ERR_USER_INPUT, "-restart = '%s': cannot read the checkpoint (%s)", path, strerror(err));
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = PetscViewerHDF5Open(comm, path, FILE_MODE_READ, &v);
  if (!ierr) ierr = PetscViewerHDF5ReadAttribute(v, "/", "signature", PETSC_STRING, NULL, &sig);
  if (!ierr) ierr = PetscViewerHDF5ReadAttribute(v, "/", "nscalar", PETSC_INT, NULL, &d->nscalar);
  if (!ierr) ierr = PetscViewerHDF5ReadAttribute(v, "/", "ncol", PETSC_INT, NULL, &d->ncol);
  if (!ierr) ierr = PetscViewerHDF5ReadAttribute(v, "/", "nrow", PETSC_INT, NULL, &d->nrow);
  PetscCall(PetscPopErrorHandler());
  PetscCheck(!ierr, comm, PETSC_ERR_USER_INPUT, "-restart = '%s' is not an azote checkpoint", path);
  PetscCall(PetscStrncpy(d->signature, sig, sizeof(d->signature)));
  PetscCall(PetscFree(sig));
  if (expect && strcmp(expect, d->signature)) {
    char diff[512];
    AzSignatureDiff(expect, d->signature, diff, sizeof(diff));
    PetscCall(PetscViewerDestroy(&v));
    SETERRQ(comm, PETSC_ERR_USER_INPUT, "-restart = '%s' was written by a different case: %s", path, diff);
  }
  PetscCall(AzVecWithName(c, "solution", v, PETSC_TRUE));
  PetscCall(AzReadRank0Array(v, comm, "scalars", d->nscalar, &d->scalars));
  PetscCall(AzReadRank0Array(v, comm, "timeseries", d->nrow * d->ncol, &d->rows));
  PetscCall(PetscViewerDestroy(&v));
  PetscFunctionReturn(PETSC_SUCCESS);
}
