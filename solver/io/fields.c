// fields.h5 and fields.xmf: the solved fields for ParaView, VisIt and postproc/.
//
// Datasets of a 2-D grid are (ny, nx) arrays in C order (PETSc's DMDA HDF5 layout); the XDMF file describes them as
// cell-centred attributes of a rectilinear mesh whose node coordinates are the face arrays.
#include <azote/output.h>
#include <petscviewerhdf5.h>
#include <errno.h>
#include <sys/stat.h>

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

// A replicated 1-D array written once (rank 0 holds it all).
static PetscErrorCode AzWriteArray(PetscViewer v, MPI_Comm comm, const char name[], const char unit[], PetscInt n, const PetscReal a[])
{
  PetscMPIInt rank;
  Vec         x;
  PetscReal  *xa;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(VecCreateMPI(comm, rank ? 0 : n, n, &x));
  PetscCall(VecGetArray(x, &xa));
  if (!rank) PetscCall(PetscArraycpy(xa, a, n));
  PetscCall(VecRestoreArray(x, &xa));
  PetscCall(PetscObjectSetName((PetscObject)x, name));
  PetscCall(VecView(x, v));
  PetscCall(PetscViewerHDF5WriteObjectAttribute(v, (PetscObject)x, "unit", PETSC_STRING, unit));
  PetscCall(VecDestroy(&x));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzWriteXDMF(MPI_Comm comm, const char dir[], const AzGrid *g, PetscInt nfield, const AzCellField fields[])
{
  char        path[PETSC_MAX_PATH_LEN], dims[64], ndims[64], *text;
  size_t      cap = 4096 + 512 * (size_t)nfield, len = 0;
  const char *axes = "xyz";

  PetscFunctionBeginUser;
  PetscCall(PetscMalloc1(cap, &text));
  if (g->dim == 2) {
    PetscCall(PetscSNPrintf(dims, sizeof(dims), "%" PetscInt_FMT " %" PetscInt_FMT, g->M[1], g->M[0]));
    PetscCall(PetscSNPrintf(ndims, sizeof(ndims), "%" PetscInt_FMT " %" PetscInt_FMT, g->M[1] + 1, g->M[0] + 1));
  } else {
    PetscCall(PetscSNPrintf(dims, sizeof(dims), "%" PetscInt_FMT " %" PetscInt_FMT " %" PetscInt_FMT, g->M[2], g->M[1], g->M[0]));
    PetscCall(
        PetscSNPrintf(ndims, sizeof(ndims), "%" PetscInt_FMT " %" PetscInt_FMT " %" PetscInt_FMT, g->M[2] + 1, g->M[1] + 1, g->M[0] + 1));
  }
#define AZ_XMF(...) len += (size_t)snprintf(text + len, cap - len, __VA_ARGS__)
  AZ_XMF("<?xml version=\"1.0\" ?>\n<!DOCTYPE Xdmf SYSTEM \"Xdmf.dtd\" []>\n<Xdmf Version=\"2.0\">\n <Domain>\n");
  AZ_XMF("  <Grid Name=\"azote\" GridType=\"Uniform\">\n");
  AZ_XMF("   <Topology TopologyType=\"%s\" Dimensions=\"%s\"/>\n", g->dim == 2 ? "2DRectMesh" : "3DRectMesh", ndims);
  AZ_XMF("   <Geometry GeometryType=\"%s\">\n", g->dim == 2 ? "VXVY" : "VXVYVZ");
  for (PetscInt d = 0; d < g->dim; d++)
    AZ_XMF("    <DataItem Dimensions=\"%" PetscInt_FMT
           "\" NumberType=\"Float\" Precision=\"8\" Format=\"HDF\">fields.h5:/%c_face</DataItem>\n",
           g->M[d] + 1, axes[d]);
  AZ_XMF("   </Geometry>\n");
  for (PetscInt f = 0; f < nfield; f++) {
    AZ_XMF("   <Attribute Name=\"%s\" AttributeType=\"Scalar\" Center=\"Cell\">\n", fields[f].name);
    AZ_XMF("    <DataItem Dimensions=\"%s\" NumberType=\"Float\" Precision=\"8\" Format=\"HDF\">fields.h5:/%s</DataItem>\n", dims,
           fields[f].name);
    AZ_XMF("   </Attribute>\n");
  }
  AZ_XMF("  </Grid>\n </Domain>\n</Xdmf>\n");
#undef AZ_XMF
  PetscCheck(len < cap, comm, PETSC_ERR_PLIB, "XDMF text overflow");
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/fields.xmf", dir));
  PetscCall(AzFileWriteAtomic(comm, path, text));
  PetscCall(PetscFree(text));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOutputWriteFields(MPI_Comm comm, const char dir[], const AzGrid *g, PetscInt nfield, const AzCellField fields[],
                                   const char line_group[], PetscInt nline, const AzLineField lines[])
{
  char                 final[PETSC_MAX_PATH_LEN], tmp[PETSC_MAX_PATH_LEN], name[16];
  PetscViewer          v;
  PetscMPIInt          rank;
  PetscInt             nreg;
  const AzOptionEntry *reg;
  int                  err = 0;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(PetscSNPrintf(final, sizeof(final), "%s/fields.h5", dir));
  PetscCall(PetscSNPrintf(tmp, sizeof(tmp), "%s/fields.h5.partial", dir));
  PetscCall(PetscViewerHDF5Open(comm, tmp, FILE_MODE_WRITE, &v));
  PetscCall(PetscViewerHDF5SetCollective(v, PETSC_TRUE));
  for (PetscInt d = 0; d < g->dim; d++) {
    PetscCall(PetscSNPrintf(name, sizeof(name), "%c_face", "xyz"[d]));
    PetscCall(AzWriteArray(v, comm, name, "m", g->M[d] + 1, g->xf[d]));
    PetscCall(PetscSNPrintf(name, sizeof(name), "%c", "xyz"[d]));
    PetscCall(AzWriteArray(v, comm, name, "m", g->M[d], g->xc[d]));
  }
  for (PetscInt f = 0; f < nfield; f++) {
    PetscCall(PetscObjectSetName((PetscObject)fields[f].v, fields[f].name));
    PetscCall(VecView(fields[f].v, v));
    PetscCall(PetscViewerHDF5WriteObjectAttribute(v, (PetscObject)fields[f].v, "unit", PETSC_STRING, fields[f].unit));
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
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "azote_version", PETSC_STRING, AZOTE_VERSION));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "git_commit", PETSC_STRING, AZOTE_GIT_COMMIT));
  PetscCall(PetscViewerHDF5WriteGroup(v, "/inputs"));
  PetscCall(AzOptionsRegistryGet(&nreg, &reg));
  for (PetscInt i = 0; i < nreg; i++) PetscCall(PetscViewerHDF5WriteAttribute(v, "/inputs", reg[i].key, PETSC_STRING, reg[i].value));
  PetscCall(PetscViewerDestroy(&v));
  PetscCallMPI(MPI_Barrier(comm));
  if (rank == 0 && rename(tmp, final)) err = errno;
  PetscCallMPI(MPI_Bcast(&err, 1, MPI_INT, 0, comm));
  PetscCheck(!err, comm, PETSC_ERR_FILE_WRITE, "cannot rename %s to %s: %s", tmp, final, strerror(err));
  PetscCall(AzWriteXDMF(comm, dir, g, nfield, fields));
  PetscFunctionReturn(PETSC_SUCCESS);
}
