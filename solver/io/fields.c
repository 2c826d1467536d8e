// fields.h5 and fields.xmf: the solved fields for ParaView, VisIt and postproc/.
//
// Datasets of a 2-D grid are (ny, nx) arrays in C order (PETSc's DMDA HDF5 layout); the XDMF file (solver/io/xdmf.c)
// describes them as cell-centred attributes, and the electrode's values as a grid of their own.
#define _GNU_SOURCE  // realpath, dirfd
#include <azote/private/xdmfimpl.h>
#include <azote/outdir.h>
#include <petscviewerhdf5.h>
#include <stdio.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

PetscErrorCode AzOutputMakeDir(MPI_Comm comm, const char dir[])
{
  PetscMPIInt rank;
  int         err = 0;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (rank == 0) {
    char path[PETSC_MAX_PATH_LEN];
    PetscCall(PetscStrncpy(path, dir, sizeof(path)));
    for (char *p = path + 1; *p && !err; p++) {
      if (*p != '/') continue;
      *p = 0;
      if (mkdir(path, 0777) && errno != EEXIST) err = errno;
      *p = '/';
    }
    if (!err && mkdir(path, 0777) && errno != EEXIST) err = errno;
  }
  PetscCallMPI(MPI_Bcast(&err, 1, MPI_INT, 0, comm));
  PetscCheck(!err, comm, PETSC_ERR_FILE_OPEN, "cannot create the output directory %s: %s", dir, strerror(err));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// A 1-D array held by rank 0, written once as a dataset (with a unit attribute unless unit is NULL).
PetscErrorCode AzOutputWriteRank0Array(PetscViewer v, MPI_Comm comm, const char name[], const char unit[], PetscInt n, const PetscReal a[])
{
  PetscMPIInt rank;
  Vec         x;
  PetscReal  *xa;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(VecCreateMPI(comm, rank ? 0 : n, n, &x));
  PetscCall(VecGetArray(x, &xa));
  if (!rank && n) PetscCall(PetscArraycpy(xa, a, n));
  PetscCall(VecRestoreArray(x, &xa));
  PetscCall(PetscObjectSetName((PetscObject)x, name));
  PetscCall(VecView(x, v));
  if (unit) PetscCall(PetscViewerHDF5WriteObjectAttribute(v, (PetscObject)x, "unit", PETSC_STRING, unit));
  PetscCall(VecDestroy(&x));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The objects of a file that a failed write left open (PETSc's viewer returns from an HDF5 error without closing the
// dataset it was writing): while they are open, closing the file does not close it.
static void AzHDF5CloseObjects(hid_t fid)
{
  const unsigned types = H5F_OBJ_DATASET | H5F_OBJ_GROUP | H5F_OBJ_DATATYPE | H5F_OBJ_ATTR | H5F_OBJ_LOCAL;
  hid_t          ids[64];
  ssize_t        n = H5Fget_obj_ids(fid, types, 64, ids);

  for (ssize_t i = 0; i < n; i++) switch (H5Iget_type(ids[i])) {
    case H5I_DATASET:
      H5Dclose(ids[i]);
      break;
    case H5I_GROUP:
      H5Gclose(ids[i]);
      break;
    case H5I_DATATYPE:
      H5Tclose(ids[i]);
      break;
    case H5I_ATTR:
      H5Aclose(ids[i]);
      break;
    default:
      break;
    }
}

// Sends every later write of this process to path into an anonymous file in memory (memfd): the descriptors the MPI-IO
// layer holds for it are replaced (found through /proc/self/fd). Closing an HDF5 file flushes its metadata and sets
// the file's size; on a full disk that fails, the library keeps the file open and shuts it down again inside
// MPI_Finalize, where it crashed. A failed file is removed anyway: its last writes may go nowhere (the memory file is
// sparse, and freed with the descriptor).
static void AzDiscardWrites(const char path[])
{
  char           want[PETSC_MAX_PATH_LEN], link[PETSC_MAX_PATH_LEN], entry[320];
  DIR           *dp;
  struct dirent *de;
  int            null;

  if (!realpath(path, want) || !(dp = opendir("/proc/self/fd"))) return;
  if ((null = memfd_create("azote-discard", 0)) < 0) {
    closedir(dp);
    return;
  }
  while ((de = readdir(dp))) {
    const int fd = atoi(de->d_name);
    ssize_t   n;
    if (de->d_name[0] == '.' || fd == null || fd == dirfd(dp)) continue;
    snprintf(entry, sizeof(entry), "/proc/self/fd/%s", de->d_name);
    if ((n = readlink(entry, link, sizeof(link) - 1)) <= 0) continue;
    link[n] = 0;
    if (!strcmp(link, want)) (void)dup2(null, fd);
  }
  closedir(dp);
  close(null);
}

// Room on disk for an HDF5 file, taken by rank 0 before the file is begun: a scratch file beside it is given data + 2
// meta bytes (fallocate: a full disk is found here, by a call whose error is exact, before HDF5 has written anything),
// then cut to the meta bytes and kept while the file is written (which takes the data and, in parallel HDF5, part of
// the metadata at once), as a reserve for the metadata HDF5 flushes when the file is closed. 0 or errno; *fd -1 where
// the file system has no fallocate (nothing is checked then).
static int AzBallastTake(const char path[], double data, double meta, char ballast[], size_t len, int *fd)
{
  int err = 0;
  snprintf(ballast, len, "%s.reserve", path);
  *fd = open(ballast, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (*fd < 0) return errno;
  if (fallocate(*fd, 0, 0, (off_t)(data + 2 * meta))) err = errno;
  if (!err && ftruncate(*fd, (off_t)meta)) err = errno;
  if (err) {
    close(*fd), *fd = -1;
    unlink(ballast);
    if (err == EOPNOTSUPP || err == ENOSYS) err = 0;
  }
  return err;
}

// Whether the disk is full now (ENOSPC, EDQUOT) or not (0): 64 kB more for the file beside `beside`.
static int AzDiskFull(const char beside[])
{
  char probe[PETSC_MAX_PATH_LEN + 32];
  int  fd, err = 0;
  snprintf(probe, sizeof(probe), "%s.probe", beside);
  if ((fd = open(probe, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0) return errno == ENOSPC || errno == EDQUOT ? errno : 0;
  if (fallocate(fd, 0, 0, 65536) && (errno == ENOSPC || errno == EDQUOT)) err = errno;
  close(fd);
  unlink(probe);
  return err;
}

static void AzBallastRelease(const char ballast[], int *fd)
{
  if (*fd < 0) return;
  close(*fd), *fd = -1;
  unlink(ballast);
}

// An HDF5 file's session (include/azote/output.h). Closing an HDF5 file flushes its metadata and sets its size; where
// that fails (a full disk) HDF5 1.10 can neither retry nor give the file up, and shuts it down again inside
// MPI_Finalize, where the program crashed. So the session reserves room first (AzBallastTake: its metadata reserve is
// freed just before the close), and after a failed write sends the file's last writes into memory (AzDiscardWrites)
// before it is closed and removed.
PetscErrorCode AzOutputHDF5Session(MPI_Comm comm, const char path[], PetscFileMode mode, double data, double meta,
                                   AzOutputHDF5Writes writes, void *ctx)
{
  PetscViewer    v    = NULL;
  PetscErrorCode ierr = 0;
  PetscMPIInt    rank;
  int            err = 0, fd = -1, full = 0;
  char           ballast[PETSC_MAX_PATH_LEN + 16];

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (rank == 0) err = AzBallastTake(path, data, meta, ballast, sizeof(ballast), &fd);
  PetscCallMPI(MPI_Bcast(&err, 1, MPI_INT, 0, comm));
  PetscCheck(!err, comm, PETSC_ERR_FILE_WRITE, "cannot write %s: %s", path, strerror(err));
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = PetscViewerHDF5Open(comm, path, mode, &v);
  if (!ierr) ierr = PetscViewerHDF5SetCollective(v, PETSC_TRUE);
  if (!ierr) ierr = writes(v, comm, ctx);
  if (ierr && rank == 0 && fd >= 0) full = AzDiskFull(ballast);  // asked while the reserve is still held
  if (ierr && v) {                                               // the file is lost: its last writes go nowhere
    hid_t fid;
    if (!PetscViewerHDF5GetFileId(v, &fid)) AzHDF5CloseObjects(fid);
    AzDiscardWrites(path);
  }
  if (rank == 0) AzBallastRelease(ballast, &fd);
  if (v) {
    PetscErrorCode ierr_close;
    PetscCallMPI(MPI_Barrier(comm));  // the reserve is free before any rank flushes
    ierr_close = PetscViewerDestroy(&v);
    if (!ierr) ierr = ierr_close;
  }
  PetscCall(PetscPopErrorHandler());
  PetscCallMPI(MPI_Bcast(&full, 1, MPI_INT, 0, comm));
  if (ierr) {
    const char *text     = NULL;
    char       *specific = NULL;
    PetscErrorMessage(ierr, &text, &specific);
    SETERRQ(comm, PETSC_ERR_FILE_WRITE, "cannot write %s: %s", path,
            full                      ? strerror(full)
            : specific && specific[0] ? specific
                                      : (text ? text : "HDF5 error"));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzWriteCellFields(PetscViewer v, PetscInt nfield, const AzCellField fields[])
{
  PetscFunctionBeginUser;
  for (PetscInt f = 0; f < nfield; f++) {
    PetscCall(PetscObjectSetName((PetscObject)fields[f].v, fields[f].name));
    PetscCall(VecView(fields[f].v, v));
    PetscCall(PetscViewerHDF5WriteObjectAttribute(v, (PetscObject)fields[f].v, "unit", PETSC_STRING, fields[f].unit));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef struct {
  PetscInt           index, nfield;
  PetscReal          time;
  const AzCellField *fields;
} AzSnapshotWrites;

static PetscErrorCode AzSnapshotWrite(PetscViewer v, MPI_Comm comm, void *ctx)
{
  const AzSnapshotWrites *s = (const AzSnapshotWrites *)ctx;
  char                    name[64];

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(name, sizeof(name), "/snapshots/%" PetscInt_FMT, s->index));
  PetscCall(PetscViewerHDF5PushGroup(v, name));
  PetscCall(AzWriteCellFields(v, s->nfield, s->fields));
  PetscCall(PetscViewerHDF5PopGroup(v));
  PetscCall(PetscViewerHDF5WriteAttribute(v, name, "time", PETSC_REAL, &s->time));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The bytes a set of cell fields takes in the file.
static PetscErrorCode AzFieldsBytes(PetscInt nfield, const AzCellField fields[], double *bytes)
{
  PetscInt n = 0;

  PetscFunctionBeginUser;
  *bytes = 0;
  for (PetscInt f = 0; f < nfield; f++) {
    PetscCall(VecGetSize(fields[f].v, &n));
    *bytes += 8.0 * n;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOutputAppendSnapshot(MPI_Comm comm, const char path[], PetscInt index, PetscReal time, PetscInt nfield,
                                      const AzCellField fields[])
{
  AzSnapshotWrites s = {index, nfield, time, fields};
  double           bytes;

  PetscFunctionBeginUser;
  PetscCall(AzFieldsBytes(nfield, fields, &bytes));
  PetscCall(AzOutputHDF5Session(comm, path, index ? FILE_MODE_APPEND : FILE_MODE_WRITE, bytes, AZ_HDF5_META(nfield + 1, 1 + nfield),
                                AzSnapshotWrite, &s));
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef struct {
  const AzGrid      *g;
  PetscInt           nfield, ngroup;
  const AzCellField *fields;
  const char        *run_id;
  AzLineGroup       *groups;
} AzFieldsWrites;

static PetscErrorCode AzFieldsWrite(PetscViewer v, MPI_Comm comm, void *ctx)
{
  AzFieldsWrites      *w = (AzFieldsWrites *)ctx;
  const AzGrid        *g = w->g;
  char                 name[64];
  PetscInt             nreg;
  const AzOptionEntry *reg;

  PetscFunctionBeginUser;
  for (PetscInt d = 0; d < g->dim; d++) {
    PetscCall(PetscSNPrintf(name, sizeof(name), "%c_face", "xyz"[d]));
    PetscCall(AzOutputWriteRank0Array(v, comm, name, "m", g->M[d] + 1, g->xf[d]));
    PetscCall(PetscSNPrintf(name, sizeof(name), "%c", "xyz"[d]));
    PetscCall(AzOutputWriteRank0Array(v, comm, name, "m", g->M[d], g->xc[d]));
  }
  PetscCall(AzWriteCellFields(v, w->nfield, w->fields));
  for (PetscInt k = 0; k < w->ngroup; k++) {
    const AzLineGroup *L = &w->groups[k];
    if (!L->nline) continue;
    PetscCall(PetscViewerHDF5PushGroup(v, L->name));
    for (PetscInt f = 0; f < L->nline; f++) {
      Vec        x;
      PetscReal *xa;
      PetscCall(VecCreateMPI(comm, L->lines[f].n, PETSC_DETERMINE, &x));
      PetscCall(VecGetArray(x, &xa));
      PetscCall(PetscArraycpy(xa, L->lines[f].values, L->lines[f].n));
      PetscCall(VecRestoreArray(x, &xa));
      PetscCall(PetscObjectSetName((PetscObject)x, L->lines[f].name));
      PetscCall(VecView(x, v));
      PetscCall(PetscViewerHDF5WriteObjectAttribute(v, (PetscObject)x, "unit", PETSC_STRING, L->lines[f].unit));
      PetscCall(VecDestroy(&x));
    }
    PetscCall(PetscViewerHDF5PopGroup(v));
  }
  PetscCall(AzXdmfWriteHelpers(v, comm, g, w->ngroup, w->groups));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "azote_version", PETSC_STRING, AZOTE_VERSION));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "git_commit", PETSC_STRING, AZOTE_GIT_COMMIT));
  if (w->run_id) PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "run_id", PETSC_STRING, w->run_id));
  PetscCall(PetscViewerHDF5WriteGroup(v, "/inputs"));
  PetscCall(AzOptionsRegistryGet(&nreg, &reg));
  for (PetscInt i = 0; i < nreg; i++) PetscCall(PetscViewerHDF5WriteAttribute(v, "/inputs", reg[i].key, PETSC_STRING, reg[i].value));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOutputWriteFields(MPI_Comm comm, const char path[], PetscBool append, const AzGrid *g, PetscInt nfield,
                                   const AzCellField fields[], PetscInt ngroup, AzLineGroup groups[], const char run_id[])
{
  AzFieldsWrites       w     = {g, nfield, ngroup, fields, run_id, groups};
  PetscInt             nline = 0;
  double               bytes;
  PetscInt             nreg;
  const AzOptionEntry *reg;

  PetscFunctionBeginUser;
  PetscCall(AzFieldsBytes(nfield, fields, &bytes));
  for (PetscInt d = 0; d < g->dim; d++) bytes += 16.0 * (g->M[d] + 1);
  for (PetscInt k = 0; k < ngroup; k++)
    for (PetscInt f = 0; f < groups[k].nline; f++, nline++) bytes += 8.0 * groups[k].lines[f].n;  // this rank's share (rank 0's decides)
  PetscCall(AzOptionsRegistryGet(&nreg, &reg));
  PetscCall(AzOutputHDF5Session(comm, path, append ? FILE_MODE_APPEND : FILE_MODE_WRITE, bytes,
                                AZ_HDF5_META(nfield + 2 * g->dim + nline + 2 + 3 * ngroup, nfield + 2 * g->dim + nline + nreg + 3),
                                AzFieldsWrite, &w));
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef struct {
  PetscInt           ncol, nrow, stride;
  const char *const *names;
  const PetscReal   *rows;
} AzColumnsWrites;

static PetscErrorCode AzColumnsWrite(PetscViewer v, MPI_Comm comm, void *ctx)
{
  const AzColumnsWrites *w = (const AzColumnsWrites *)ctx;
  PetscReal             *column;

  PetscFunctionBeginUser;
  PetscCall(PetscMalloc1(PetscMax(w->nrow, 1), &column));
  for (PetscInt j = 0; j < w->ncol; j++) {
    for (PetscInt i = 0; i < w->nrow && w->rows; i++) column[i] = w->rows[i * w->stride + j];  // rank 0 holds them
    PetscCall(AzOutputWriteRank0Array(v, comm, w->names[j], NULL, w->nrow, column));
  }
  PetscCall(PetscFree(column));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOutputWriteColumnsHDF5(MPI_Comm comm, const char path[], PetscInt ncol, const char *const names[], PetscInt nrow,
                                        PetscInt stride, const PetscReal rows[])
{
  AzColumnsWrites w = {ncol, nrow, stride, names, rows};

  PetscFunctionBeginUser;
  PetscCall(AzOutputHDF5Session(comm, path, FILE_MODE_WRITE, 8.0 * ncol * nrow, AZ_HDF5_META(ncol, 0), AzColumnsWrite, &w));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOutputWriteCSV(MPI_Comm comm, const char path[], PetscInt ncol, const char *const names[], PetscInt nrow,
                                const PetscReal rows[])
{
  PetscMPIInt rank;
  char       *text = NULL;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (rank == 0) {
    size_t cap = 64 + (size_t)ncol * 40 * (size_t)(nrow + 1), len = 0;
    PetscCall(PetscMalloc1(cap, &text));
    for (PetscInt j = 0; j < ncol; j++) len += (size_t)snprintf(text + len, cap - len, "%s%s", j ? "," : "", names[j]);
    len += (size_t)snprintf(text + len, cap - len, "\n");
    for (PetscInt i = 0; i < nrow; i++) {
      for (PetscInt j = 0; j < ncol; j++)
        len += (size_t)snprintf(text + len, cap - len, "%s%.17g", j ? "," : "", (double)rows[i * ncol + j]);
      len += (size_t)snprintf(text + len, cap - len, "\n");
    }
    PetscCheck(len < cap, PETSC_COMM_SELF, PETSC_ERR_PLIB, "CSV text overflow");
  }
  PetscCall(AzFileWriteAtomic(comm, path, text ? text : ""));
  PetscCall(PetscFree(text));
  PetscFunctionReturn(PETSC_SUCCESS);
}
