// Checkpoints of transient runs (checkpoint.h5): everything needed to continue exactly where a run stopped.
//
// A checkpoint is input like a case file: it may be truncated, edited or not ours. Before anything is sized from it,
// its header is checked against what the case expects (the signature of its keys, the number of scalars, the table's
// columns), and every array against its header and the data the file really holds; any failure is one line naming
// the file and what is wrong, PETSC_ERR_USER_INPUT. The values themselves are checked by the caller, who knows them.
#include <azote/output.h>
#include <azote/outdir.h>
#include <petscviewerhdf5.h>
#include <errno.h>
#include <sys/stat.h>

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

// The inverse of AzOutputWriteRank0Array: every rank gets the array (n checked against the file beforehand).
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

typedef struct {
  const AzCheckpointData *d;
  Vec                     c;
  const char             *run_id;
} AzCheckpointWrites;

static PetscErrorCode AzCheckpointWriteAll(PetscViewer v, MPI_Comm comm, void *ctx)
{
  const AzCheckpointWrites *w = (const AzCheckpointWrites *)ctx;
  const AzCheckpointData   *d = w->d;

  PetscFunctionBeginUser;
  PetscCall(AzVecWithName(w->c, "solution", v, PETSC_FALSE));
  PetscCall(AzOutputWriteRank0Array(v, comm, "scalars", NULL, d->nscalar, d->scalars));
  PetscCall(AzOutputWriteRank0Array(v, comm, "timeseries", NULL, d->nrow * d->ncol, d->rows));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "nscalar", PETSC_INT, &d->nscalar));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "ncol", PETSC_INT, &d->ncol));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "nrow", PETSC_INT, &d->nrow));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "signature", PETSC_STRING, d->signature));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "azote_version", PETSC_STRING, AZOTE_VERSION));
  if (w->run_id) PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "run_id", PETSC_STRING, w->run_id));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCheckpointWrite(MPI_Comm comm, const char path[], Vec c, const AzCheckpointData *d, const char run_id[])
{
  AzCheckpointWrites w = {d, c, run_id};
  PetscInt           n;

  PetscFunctionBeginUser;
  PetscCall(VecGetSize(c, &n));
  PetscCall(AzOutputHDF5Session(comm, path, FILE_MODE_WRITE, 8.0 * ((double)n + (double)d->nrow * d->ncol + d->nscalar), AZ_HDF5_META(3, 6),
                                AzCheckpointWriteAll, &w));
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
      snprintf(out, len, "the checkpoint has %.*s, this case %.*s", (int)PetscMin(eb - sb, 200), sb, (int)PetscMin(ea - sa, 200), sa);
      return;
    }
    sa = ea + 1, sb = eb + 1;
  }
  snprintf(out, len, "its keys differ");
}

// The number of elements of dataset `name` (a float array) and the bytes the file really stores for it. Negative
// on any failure (missing, not an array of floats).
static int AzDatasetSize(hid_t file, const char name[], double *n, double *stored)
{
  hid_t   ds = H5Dopen2(file, name, H5P_DEFAULT), sp, ty;
  int     ndims, ok = -1;
  hsize_t dims[8];

  if (ds < 0) return -1;
  sp = H5Dget_space(ds);
  ty = H5Dget_type(ds);
  if (sp >= 0 && ty >= 0 && H5Tget_class(ty) == H5T_FLOAT && (ndims = H5Sget_simple_extent_ndims(sp)) >= 0 && ndims <= 8 &&
      H5Sget_simple_extent_dims(sp, dims, NULL) >= 0) {
    *n = 1;
    for (int i = 0; i < ndims; i++) *n *= (double)dims[i];
    *stored = (double)H5Dget_storage_size(ds);
    ok      = 0;
  }
  if (ty >= 0) H5Tclose(ty);
  if (sp >= 0) H5Sclose(sp);
  H5Dclose(ds);
  return ok;
}

// The header and the sizes of the arrays, checked against what the case expects: 0, or why[] says what is wrong.
static PetscErrorCode AzCheckpointCheckHeader(PetscViewer v, const char expect[], Vec c, AzCheckpointData *d, PetscInt nscalar,
                                              PetscInt ncol, char why[], size_t len)
{
  hid_t       file;
  PetscInt    nvec;
  double      n, stored;
  char       *sig = NULL;
  hid_t       a;
  size_t      siglen = 0;
  const char *arrays[3];
  double      want[3];

  PetscFunctionBeginUser;
  why[0] = 0;
  PetscCall(PetscViewerHDF5GetFileId(v, &file));
  // the signature: a string attribute of sane size
  if ((a = H5Aopen(file, "signature", H5P_DEFAULT)) >= 0) {
    hid_t ty = H5Aget_type(a);
    if (ty >= 0 && H5Tget_class(ty) == H5T_STRING && !H5Tis_variable_str(ty)) siglen = H5Tget_size(ty);
    if (ty >= 0) H5Tclose(ty);
    H5Aclose(a);
  }
  if (siglen == 0 || siglen >= sizeof(d->signature)) {
    PetscCall(PetscSNPrintf(why, len, "it has no case signature"));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "signature", PETSC_STRING, NULL, &sig));
  PetscCall(PetscStrncpy(d->signature, sig, sizeof(d->signature)));
  PetscCall(PetscFree(sig));
  if (expect && strcmp(expect, d->signature)) {
    char diff[512];
    AzSignatureDiff(expect, d->signature, diff, sizeof(diff));
    PetscCall(PetscSNPrintf(why, len, "it was written by a different case: %s", diff));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "nscalar", PETSC_INT, NULL, &d->nscalar));
  PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "ncol", PETSC_INT, NULL, &d->ncol));
  PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "nrow", PETSC_INT, NULL, &d->nrow));
  if (d->nscalar != nscalar || d->ncol != ncol) {
    PetscCall(PetscSNPrintf(why, len,
                            "it holds %" PetscInt_FMT " state values and %" PetscInt_FMT
                            " table columns, this version of azote %" PetscInt_FMT " and %" PetscInt_FMT " (written by another version?)",
                            d->nscalar, d->ncol, nscalar, ncol));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  if (d->nrow < 1 || (double)d->nrow * ncol > (double)PETSC_MAX_INT) {
    PetscCall(PetscSNPrintf(why, len, "its table claims %" PetscInt_FMT " rows: allowed 1 to %.0f", d->nrow, (double)PETSC_MAX_INT / ncol));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  // every array: the size the header (or the grid) says, stored in full in the file
  PetscCall(VecGetSize(c, &nvec));
  arrays[0] = "solution", want[0] = nvec;
  arrays[1] = "scalars", want[1] = nscalar;
  arrays[2] = "timeseries", want[2] = (double)d->nrow * ncol;
  for (int k = 0; k < 3; k++) {
    if (AzDatasetSize(file, arrays[k], &n, &stored) < 0) {
      PetscCall(PetscSNPrintf(why, len, "its array '%s' is missing or not numbers", arrays[k]));
      PetscFunctionReturn(PETSC_SUCCESS);
    }
    if (n != want[k]) {
      PetscCall(PetscSNPrintf(why, len, "its array '%s' has %.0f values, %s %.0f", arrays[k], n,
                              k == 0 ? "the case's grid and species need" : "its header says", want[k]));
      PetscFunctionReturn(PETSC_SUCCESS);
    }
    if (stored < 8 * n) {
      PetscCall(PetscSNPrintf(why, len, "its array '%s' claims %.0f values but the file stores %.0f bytes of them (truncated or damaged)",
                              arrays[k], n, stored));
      PetscFunctionReturn(PETSC_SUCCESS);
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCheckpointRead(MPI_Comm comm, const char path[], const char expect[], Vec c, AzCheckpointData *d)
{
  PetscViewer    v = NULL;
  PetscMPIInt    rank;
  int            err     = 0;
  const PetscInt nscalar = d->nscalar, ncol = d->ncol;
  char           why[1024] = "", sbuf[256];
  const char    *spath     = AzShort(path, sbuf, sizeof(sbuf));
  PetscErrorCode ierr;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  d->scalars = d->rows = NULL;
  if (rank == 0) {  // readable, a regular file, and an HDF5 file
    struct stat sb;
    FILE       *fp = fopen(path, "r");
    if (!fp)
      err = errno;
    else {
      fclose(fp);
      if (stat(path, &sb) || !S_ISREG(sb.st_mode))
        err = -2;
      else if (H5Fis_hdf5(path) <= 0)
        err = -1;
    }
  }
  PetscCallMPI(MPI_Bcast(&err, 1, MPI_INT, 0, comm));
  PetscCheck(err != -2, comm, PETSC_ERR_USER_INPUT, "-restart = '%s' is not a regular file", spath);
  PetscCheck(err != -1, comm, PETSC_ERR_USER_INPUT, "-restart = '%s' is not an azote checkpoint (not an HDF5 file)", spath);
  PetscCheck(!err, comm, PETSC_ERR_USER_INPUT, "-restart = '%s': cannot read the checkpoint (%s)", spath, strerror(err));
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = PetscViewerHDF5Open(comm, path, FILE_MODE_READ, &v);
  if (!ierr) ierr = AzCheckpointCheckHeader(v, expect, c, d, nscalar, ncol, why, sizeof(why));
  if (!ierr && !why[0]) ierr = AzVecWithName(c, "solution", v, PETSC_TRUE);
  if (!ierr && !why[0]) ierr = AzReadRank0Array(v, comm, "scalars", nscalar, &d->scalars);
  if (!ierr && !why[0]) ierr = AzReadRank0Array(v, comm, "timeseries", d->nrow * ncol, &d->rows);
  if (v) (void)PetscViewerDestroy(&v);
  PetscCall(PetscPopErrorHandler());
  if (ierr || why[0]) {
    PetscCall(PetscFree(d->scalars));
    PetscCall(PetscFree(d->rows));
  }
  PetscCheck(!why[0], comm, PETSC_ERR_USER_INPUT, "-restart = '%s' cannot be used: %s", spath, why);
  PetscCheck(!ierr, comm, PETSC_ERR_USER_INPUT,
             "-restart = '%s' is not a complete azote checkpoint (truncated, damaged or of another program)", spath);
  PetscFunctionReturn(PETSC_SUCCESS);
}
