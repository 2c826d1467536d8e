// fields.h5 and fields.xmf: the solved fields for ParaView, VisIt and postproc/.
//
// Datasets of a 2-D grid are (ny, nx) arrays in C order (PETSc's DMDA HDF5 layout); the XDMF file (solver/io/xdmf.c)
// describes them as cell-centred attributes, and the electrode's values as a grid of their own.
#include <azote/private/xdmfimpl.h>
#include <petscviewerhdf5.h>
#include <errno.h>
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

// Renames tmp to final on rank 0 once every rank has closed the file.
static PetscErrorCode AzRenameCollective(MPI_Comm comm, const char tmp[], const char final[])
{
  PetscMPIInt rank;
  int         err = 0;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Barrier(comm));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (rank == 0 && rename(tmp, final)) err = errno;
  PetscCallMPI(MPI_Bcast(&err, 1, MPI_INT, 0, comm));
  PetscCheck(!err, comm, PETSC_ERR_FILE_WRITE, "cannot rename %s to %s: %s", tmp, final, strerror(err));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOutputWriteFields(MPI_Comm comm, const char dir[], const AzGrid *g, PetscInt nfield, const AzCellField fields[],
                                   const char line_group[], PetscInt nline, const AzLineField lines[], PetscInt nsnap,
                                   const AzSnapshot snaps[])
{
  char                 final[PETSC_MAX_PATH_LEN], tmp[PETSC_MAX_PATH_LEN], name[64];
  PetscViewer          v;
  PetscInt             nreg;
  AzXdmfSurface        surface;
  const AzOptionEntry *reg;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(final, sizeof(final), "%s/fields.h5", dir));
  PetscCall(PetscSNPrintf(tmp, sizeof(tmp), "%s/fields.h5.partial", dir));
  PetscCall(PetscViewerHDF5Open(comm, tmp, FILE_MODE_WRITE, &v));
  PetscCall(PetscViewerHDF5SetCollective(v, PETSC_TRUE));
  for (PetscInt d = 0; d < g->dim; d++) {
    PetscCall(PetscSNPrintf(name, sizeof(name), "%c_face", "xyz"[d]));
    PetscCall(AzOutputWriteRank0Array(v, comm, name, "m", g->M[d] + 1, g->xf[d]));
    PetscCall(PetscSNPrintf(name, sizeof(name), "%c", "xyz"[d]));
    PetscCall(AzOutputWriteRank0Array(v, comm, name, "m", g->M[d], g->xc[d]));
  }
  PetscCall(AzWriteCellFields(v, nfield, fields));
  for (PetscInt k = 0; k < nsnap; k++) {
    PetscCall(PetscSNPrintf(name, sizeof(name), "/snapshots/%" PetscInt_FMT, k));
    PetscCall(PetscViewerHDF5PushGroup(v, name));
    PetscCall(AzWriteCellFields(v, snaps[k].nfield, snaps[k].fields));
    PetscCall(PetscViewerHDF5PopGroup(v));
    PetscCall(PetscViewerHDF5WriteAttribute(v, name, "time", PETSC_REAL, &snaps[k].time));
  }
  if (nline) {
    PetscCall(PetscViewerHDF5PushGroup(v, line_group));
    for (PetscInt f = 0; f < nline; f++) {
      Vec        x;
      PetscReal *xa;
      PetscCall(VecCreateMPI(comm, lines[f].n, PETSC_DETERMINE, &x));
      PetscCall(VecGetArray(x, &xa));
      PetscCall(PetscArraycpy(xa, lines[f].values, lines[f].n));
      PetscCall(VecRestoreArray(x, &xa));
      PetscCall(PetscObjectSetName((PetscObject)x, lines[f].name));
      PetscCall(VecView(x, v));
      PetscCall(PetscViewerHDF5WriteObjectAttribute(v, (PetscObject)x, "unit", PETSC_STRING, lines[f].unit));
      PetscCall(VecDestroy(&x));
    }
    PetscCall(PetscViewerHDF5PopGroup(v));
  }
  PetscCall(AzXdmfWriteHelpers(v, comm, g, nline, lines, &surface));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "azote_version", PETSC_STRING, AZOTE_VERSION));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "git_commit", PETSC_STRING, AZOTE_GIT_COMMIT));
  PetscCall(PetscViewerHDF5WriteGroup(v, "/inputs"));
  PetscCall(AzOptionsRegistryGet(&nreg, &reg));
  for (PetscInt i = 0; i < nreg; i++) PetscCall(PetscViewerHDF5WriteAttribute(v, "/inputs", reg[i].key, PETSC_STRING, reg[i].value));
  PetscCall(PetscViewerDestroy(&v));
  PetscCall(AzRenameCollective(comm, tmp, final));
  PetscCall(AzXdmfWrite(comm, dir, g, nfield, fields, line_group, nline, lines, &surface, nsnap, snaps));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOutputWriteColumnsHDF5(const char path[], PetscInt ncol, const char *const names[], PetscInt nrow, PetscInt stride,
                                        const PetscReal rows[])
{
  PetscViewer v;
  char        tmp[PETSC_MAX_PATH_LEN];
  PetscReal  *column;

  PetscFunctionBeginUser;
  // a name of this process's own: several jobs sharing a sweep may write the same table at once
  PetscCall(PetscSNPrintf(tmp, sizeof(tmp), "%s.%d.partial", path, (int)getpid()));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_SELF, tmp, FILE_MODE_WRITE, &v));
  PetscCall(PetscMalloc1(PetscMax(nrow, 1), &column));
  for (PetscInt j = 0; j < ncol; j++) {
    for (PetscInt i = 0; i < nrow; i++) column[i] = rows[i * stride + j];
    PetscCall(AzOutputWriteRank0Array(v, PETSC_COMM_SELF, names[j], NULL, nrow, column));
  }
  PetscCall(PetscFree(column));
  PetscCall(PetscViewerDestroy(&v));
  PetscCheck(!rename(tmp, path), PETSC_COMM_SELF, PETSC_ERR_FILE_WRITE, "cannot rename %s to %s", tmp, path);
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
