// fields.xmf: the XDMF description of fields.h5 for ParaView (its legacy "XDMF Reader" and the Xdmf3 readers) and
// VisIt.
//
// A 3-D grid is a 3DRectMesh over the face coordinates. A 2-D grid is a 2DSMesh over its node coordinates
// (/xdmf/xy_node): ParaView's legacy reader (vtkXdmfReader, 5.11) reads a 2DRectMesh's coordinates right but
// announces a whole extent in the y-z plane (it reverses the two dimensions as z, y), so that every filter downstream
// (surface extraction, slices, the render view) sees a vertical line; a 3DRectMesh with one node layer cannot hold
// cell data in that reader (its hyperslab asks for zero cells across), and one cell layer makes a 3-D slab. Point
// coordinates are interleaved (XY, XYZ): the Xdmf3 readers of ParaView 5.11 crash on separate X_Y(_Z) arrays.
// Cell data are the (ny, nx) or (nz, ny, nx) datasets as they are.
#include <azote/private/xdmfimpl.h>
#include <petscviewerhdf5.h>
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

// Index of the line field called name, or -1.
static PetscInt AzLineIndex(PetscInt nline, const AzLineField lines[], const char name[])
{
  for (PetscInt l = 0; l < nline; l++)
    if (!strcmp(lines[l].name, name)) return l;
  return -1;
}

// The node coordinates of a 2-D grid, (ny+1)(nx+1) points of (x, y), x fastest; rows of nodes split over the ranks.
static PetscErrorCode AzXdmfWriteNodes2D(PetscViewer v, MPI_Comm comm, const AzGrid *g)
{
  PetscMPIInt    rank, size;
  const PetscInt nx = g->M[0] + 1, ny = g->M[1] + 1;
  PetscInt       r0, r1;
  Vec            xy;
  PetscReal     *a;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCallMPI(MPI_Comm_size(comm, &size));
  r0 = (ny * rank) / size, r1 = (ny * (rank + 1)) / size;
  PetscCall(VecCreate(comm, &xy));
  PetscCall(VecSetSizes(xy, 2 * (r1 - r0) * nx, 2 * nx * ny));
  PetscCall(VecSetBlockSize(xy, 2));
  PetscCall(VecSetType(xy, VECMPI));
  PetscCall(VecGetArray(xy, &a));
  for (PetscInt j = r0; j < r1; j++)
    for (PetscInt i = 0; i < nx; i++) {
      a[2 * ((j - r0) * nx + i)]     = g->xf[0][i];
      a[2 * ((j - r0) * nx + i) + 1] = g->xf[1][j];
    }
  PetscCall(VecRestoreArray(xy, &a));
  PetscCall(PetscObjectSetName((PetscObject)xy, "xy_node"));
  PetscCall(VecView(xy, v));
  PetscCall(PetscViewerHDF5WriteObjectAttribute(v, (PetscObject)xy, "unit", PETSC_STRING, "m"));
  PetscCall(VecDestroy(&xy));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Cells joining the n points xyz (3 per point, in file order): see AzXdmfSurface. conn gets ncell * nper indices.
static PetscErrorCode AzXdmfSurfaceCells(PetscInt n, const PetscReal xyz[], AzXdmfSurface *s, PetscInt **conn)
{
  PetscReal *u[3];
  PetscInt   nu[3], vary[3], nvary = 0, *grid = NULL, *perm;
  PetscBool  ok = PETSC_FALSE;

  PetscFunctionBeginUser;
  s->n = n;
  PetscCall(PetscMalloc4(n, &u[0], n, &u[1], n, &u[2], n, &perm));
  for (PetscInt d = 0; d < 3; d++) {
    for (PetscInt p = 0; p < n; p++) u[d][p] = xyz[3 * p + d];
    nu[d] = n;
    PetscCall(PetscSortRemoveDupsReal(&nu[d], u[d]));
    if (nu[d] > 1) vary[nvary++] = d;
  }
  if (nvary == 1 && nu[vary[0]] == n) {  // one point per position along one axis: a line
    PetscReal *c;
    PetscCall(PetscMalloc1(n, &c));
    for (PetscInt p = 0; p < n; p++) c[p] = xyz[3 * p + vary[0]], perm[p] = p;
    PetscCall(PetscSortRealWithPermutation(n, c, perm));
    PetscCall(PetscFree(c));
    s->type = "Polyline", s->nper = 2, s->ncell = n - 1;
    PetscCall(PetscMalloc1(2 * s->ncell, conn));
    for (PetscInt k = 0; k < s->ncell; k++) (*conn)[2 * k] = perm[k], (*conn)[2 * k + 1] = perm[k + 1];
    ok = PETSC_TRUE;
  } else if (nvary == 2 && nu[vary[0]] * nu[vary[1]] == n) {  // a tensor grid of two axes: quadrilaterals
    const PetscInt  a = vary[0], b = vary[1], na = nu[a], nb = nu[b];
    const PetscReal eps = 1e-12 * PetscMax(PetscMax(PetscAbsReal(u[a][0]), PetscAbsReal(u[a][na - 1])),
                                           PetscMax(PetscAbsReal(u[b][0]), PetscAbsReal(u[b][nb - 1])));  // the same doubles: any eps > 0
    PetscCall(PetscMalloc1(n, &grid));
    for (PetscInt k = 0; k < n; k++) grid[k] = -1;
    ok = PETSC_TRUE;
    for (PetscInt p = 0; p < n && ok; p++) {
      PetscInt ia, ib;
      PetscCall(PetscFindReal(xyz[3 * p + a], na, u[a], eps, &ia));
      PetscCall(PetscFindReal(xyz[3 * p + b], nb, u[b], eps, &ib));
      ok = (PetscBool)(ia >= 0 && ib >= 0 && grid[ib * na + ia] < 0);
      if (ok) grid[ib * na + ia] = p;
    }
    if (ok) {
      s->type = "Quadrilateral", s->nper = 4, s->ncell = (na - 1) * (nb - 1);
      PetscCall(PetscMalloc1(4 * s->ncell, conn));
      for (PetscInt ib = 0, k = 0; ib < nb - 1; ib++)
        for (PetscInt ia = 0; ia < na - 1; ia++, k++) {
          (*conn)[4 * k]     = grid[ib * na + ia];
          (*conn)[4 * k + 1] = grid[ib * na + ia + 1];
          (*conn)[4 * k + 2] = grid[(ib + 1) * na + ia + 1];
          (*conn)[4 * k + 3] = grid[(ib + 1) * na + ia];
        }
    }
    PetscCall(PetscFree(grid));
  }
  if (!ok) {  // scattered points (or a single one): vertices
    s->type = "Polyvertex", s->nper = 1, s->ncell = n;
    PetscCall(PetscMalloc1(PetscMax(n, 1), conn));
    for (PetscInt p = 0; p < n; p++) (*conn)[p] = p;
  }
  PetscCall(PetscFree4(u[0], u[1], u[2], perm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The electrode's points gathered on rank 0 in file order (the order of the line fields' datasets: *xyz, 3 per point)
// and its cells (*conn, rank 0), *s on every rank. Collective; rank 0 frees *xyz and *conn.
static PetscErrorCode AzXdmfSurfaceFind(MPI_Comm comm, PetscInt nline, const AzLineField lines[], AzXdmfSurface *s, PetscReal **xyz,
                                        PetscInt **conn)
{
  const PetscInt ix = AzLineIndex(nline, lines, "x"), iy = AzLineIndex(nline, lines, "y"), iz = AzLineIndex(nline, lines, "z");
  PetscMPIInt    rank, size, nloc, *counts = NULL, *displs = NULL;
  PetscInt       n = 0, code = 0;
  PetscReal     *coord = NULL;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(s, sizeof(*s)));
  *xyz = NULL, *conn = NULL;
  if (ix < 0 || iy < 0) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCall(PetscMPIIntCast(lines[ix].n, &nloc));
  if (!rank) PetscCall(PetscMalloc2(size, &counts, size, &displs));
  PetscCallMPI(MPI_Gather(&nloc, 1, MPI_INT, counts, 1, MPI_INT, 0, comm));
  if (!rank) {
    for (PetscMPIInt r = 0; r < size; r++) displs[r] = (PetscMPIInt)n, n += counts[r];
    PetscCall(PetscMalloc1(3 * PetscMax(n, 1), xyz));
    PetscCall(PetscMalloc1(PetscMax(n, 1), &coord));
  }
  for (PetscInt d = 0; d < 3; d++) {
    const PetscInt l = d == 0 ? ix : d == 1 ? iy : iz;
    if (l < 0) {  // a 2-D grid: z = 0
      if (!rank)
        for (PetscInt p = 0; p < n; p++) (*xyz)[3 * p + d] = 0;
      continue;
    }
    PetscCallMPI(MPI_Gatherv(lines[l].values, nloc, MPIU_REAL, coord, counts, displs, MPIU_REAL, 0, comm));
    if (!rank)
      for (PetscInt p = 0; p < n; p++) (*xyz)[3 * p + d] = coord[p];
  }
  if (!rank && n) {
    PetscCall(AzXdmfSurfaceCells(n, *xyz, s, conn));
    code = s->nper;
  }
  PetscCallMPI(MPI_Bcast(&n, 1, MPIU_INT, 0, comm));
  if (n) {
    PetscInt info[3] = {s->ncell, s->nper, code};
    PetscCallMPI(MPI_Bcast(info, 3, MPIU_INT, 0, comm));
    s->n = n, s->ncell = info[0], s->nper = info[1];
    s->type = info[2] == 2 ? "Polyline" : info[2] == 4 ? "Quadrilateral" : "Polyvertex";
  }
  if (!rank) PetscCall(PetscFree(coord));
  if (!rank) PetscCall(PetscFree2(counts, displs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOutputElectrodeSurface(MPI_Comm comm, PetscInt nline, const AzLineField lines[], AzXdmfSurface *s)
{
  PetscReal *xyz;
  PetscInt  *conn;

  PetscFunctionBeginUser;
  PetscCall(AzXdmfSurfaceFind(comm, nline, lines, s, &xyz, &conn));
  PetscCall(PetscFree(xyz));
  PetscCall(PetscFree(conn));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// An electrode's points and cells as datasets <name>_xyz (n x 3) and <name>_cells (ncell x nper).
static PetscErrorCode AzXdmfWriteSurface(PetscViewer v, MPI_Comm comm, const char name[], PetscInt nline, const AzLineField lines[],
                                         AzXdmfSurface *s)
{
  char        dname[64];
  PetscMPIInt rank;
  PetscInt   *conn;
  PetscReal  *xyz, *a;
  IS          is;
  Vec         x;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(AzXdmfSurfaceFind(comm, nline, lines, s, &xyz, &conn));
  if (s->n) {
    PetscCall(VecCreate(comm, &x));
    PetscCall(VecSetSizes(x, rank ? 0 : 3 * s->n, 3 * s->n));
    PetscCall(VecSetBlockSize(x, 3));  // a dataset of n x 3, as its XDMF DataItem says
    PetscCall(VecSetType(x, VECMPI));
    PetscCall(VecGetArray(x, &a));
    if (!rank) PetscCall(PetscArraycpy(a, xyz, 3 * s->n));
    PetscCall(VecRestoreArray(x, &a));
    PetscCall(PetscSNPrintf(dname, sizeof(dname), "%s_xyz", name));
    PetscCall(PetscObjectSetName((PetscObject)x, dname));
    PetscCall(VecView(x, v));
    PetscCall(PetscViewerHDF5WriteObjectAttribute(v, (PetscObject)x, "unit", PETSC_STRING, "m"));
    PetscCall(VecDestroy(&x));
    PetscCall(ISCreateGeneral(comm, rank ? 0 : s->ncell * s->nper, conn, PETSC_COPY_VALUES, &is));
    PetscCall(ISSetBlockSize(is, s->nper));  // ncell x nper
    PetscCall(PetscSNPrintf(dname, sizeof(dname), "%s_cells", name));
    PetscCall(PetscObjectSetName((PetscObject)is, dname));
    PetscCall(ISView(is, v));
    PetscCall(ISDestroy(&is));
  }
  PetscCall(PetscFree(conn));
  PetscCall(PetscFree(xyz));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzXdmfWriteHelpers(PetscViewer v, MPI_Comm comm, const AzGrid *g, PetscInt ngroup, AzLineGroup groups[])
{
  PetscFunctionBeginUser;
  PetscCall(PetscViewerHDF5PushGroup(v, "/xdmf"));
  if (g->dim == 2) PetscCall(AzXdmfWriteNodes2D(v, comm, g));
  for (PetscInt k = 0; k < ngroup; k++)
    PetscCall(AzXdmfWriteSurface(v, comm, groups[k].name, groups[k].nline, groups[k].lines, &groups[k].surface));
  PetscCall(PetscViewerHDF5PopGroup(v));
  PetscFunctionReturn(PETSC_SUCCESS);
}

#define AZ_XMF(...) fprintf(fp, __VA_ARGS__)
#define AZ_XMF_REAL "NumberType=\"Float\" Precision=\"8\" Format=\"HDF\""

// The XDMF of the cell grid whose attributes live under `group` of fields.h5.
static void AzXdmfCellGrid(FILE *fp, const AzGrid *g, const char name[], const char group[], PetscReal time, PetscBool timed,
                           PetscInt nfield, const char *const names[])
{
  char dims[64];

  if (g->dim == 2)
    snprintf(dims, sizeof(dims), "%d %d", (int)g->M[1], (int)g->M[0]);
  else
    snprintf(dims, sizeof(dims), "%d %d %d", (int)g->M[2], (int)g->M[1], (int)g->M[0]);
  AZ_XMF("  <Grid Name=\"%s\" GridType=\"Uniform\">\n", name);
  if (timed) AZ_XMF("   <Time Value=\"%.17g\"/>\n", (double)time);
  if (g->dim == 2) {
    AZ_XMF("   <Topology TopologyType=\"2DSMesh\" Dimensions=\"%d %d\"/>\n", (int)g->M[1] + 1, (int)g->M[0] + 1);
    AZ_XMF("   <Geometry GeometryType=\"XY\">\n");
    AZ_XMF("    <DataItem Dimensions=\"%d 2\" " AZ_XMF_REAL ">fields.h5:/xdmf/xy_node</DataItem>\n", (int)((g->M[1] + 1) * (g->M[0] + 1)));
  } else {
    AZ_XMF("   <Topology TopologyType=\"3DRectMesh\" Dimensions=\"%d %d %d\"/>\n", (int)g->M[2] + 1, (int)g->M[1] + 1, (int)g->M[0] + 1);
    AZ_XMF("   <Geometry GeometryType=\"VXVYVZ\">\n");
    for (PetscInt d = 0; d < 3; d++)
      AZ_XMF("    <DataItem Dimensions=\"%d\" " AZ_XMF_REAL ">fields.h5:/%c_face</DataItem>\n", (int)g->M[d] + 1, "xyz"[d]);
  }
  AZ_XMF("   </Geometry>\n");
  for (PetscInt f = 0; f < nfield; f++) {
    AZ_XMF("   <Attribute Name=\"%s\" AttributeType=\"Scalar\" Center=\"Cell\">\n", names[f]);
    AZ_XMF("    <DataItem Dimensions=\"%s\" " AZ_XMF_REAL ">fields.h5:%s/%s</DataItem>\n", dims, group, names[f]);
    AZ_XMF("   </Attribute>\n");
  }
  AZ_XMF("  </Grid>\n");
}

// The electrode's grid: its points, its cells, the line fields other than the coordinates as point data.
static void AzXdmfSurfaceGrid(FILE *fp, const char name[], const char group[], PetscInt nline, const AzLineField lines[],
                              const AzXdmfSurface *s, PetscBool timed, PetscReal time)
{
  AZ_XMF("  <Grid Name=\"%s\" GridType=\"Uniform\">\n", name);
  if (timed) AZ_XMF("   <Time Value=\"%.17g\"/>\n", (double)time);
  AZ_XMF("   <Topology TopologyType=\"%s\" NumberOfElements=\"%d\" NodesPerElement=\"%d\">\n", s->type, (int)s->ncell, (int)s->nper);
  AZ_XMF("    <DataItem Dimensions=\"%d %d\" NumberType=\"Int\" Precision=\"%d\" Format=\"HDF\">fields.h5:/xdmf/%s_cells</DataItem>\n",
         (int)s->ncell, (int)s->nper, (int)sizeof(PetscInt), name);
  AZ_XMF("   </Topology>\n");
  AZ_XMF("   <Geometry GeometryType=\"XYZ\">\n");
  AZ_XMF("    <DataItem Dimensions=\"%d 3\" " AZ_XMF_REAL ">fields.h5:/xdmf/%s_xyz</DataItem>\n", (int)s->n, name);
  AZ_XMF("   </Geometry>\n");
  for (PetscInt l = 0; l < nline; l++) {
    if (!strcmp(lines[l].name, "x") || !strcmp(lines[l].name, "y") || !strcmp(lines[l].name, "z")) continue;
    AZ_XMF("   <Attribute Name=\"%s\" AttributeType=\"Scalar\" Center=\"Node\">\n", lines[l].name);
    AZ_XMF("    <DataItem Dimensions=\"%d\" " AZ_XMF_REAL ">fields.h5:/%s/%s</DataItem>\n", (int)s->n, group, lines[l].name);
    AZ_XMF("   </Attribute>\n");
  }
  AZ_XMF("  </Grid>\n");
}

PetscErrorCode AzOutputWriteXDMF(MPI_Comm comm, const char path[], const AzGrid *g, PetscInt nfield, const AzCellField fields[],
                                 PetscInt ngroup, const AzLineGroup groups[], PetscInt nsnap, const PetscReal snap_times[],
                                 PetscInt nsnapfield, const char *const snap_names[])
{
  PetscMPIInt rank;
  int         err = 0;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (rank == 0) {
    FILE *fp = fopen(path, "w");
    if (!fp)
      err = errno;
    else {
      char        group[64];
      const char *names[64];
      for (PetscInt f = 0; f < nfield && f < 64; f++) names[f] = fields[f].name;
      AZ_XMF("<?xml version=\"1.0\" ?>\n<!DOCTYPE Xdmf SYSTEM \"Xdmf.dtd\" []>\n<Xdmf Version=\"2.0\">\n <Domain>\n");
      if (nsnap) {
        AZ_XMF("  <Grid Name=\"azote_time\" GridType=\"Collection\" CollectionType=\"Temporal\">\n");
        for (PetscInt k = 0; k < nsnap && !ferror(fp); k++) {
          snprintf(group, sizeof(group), "/snapshots/%" PetscInt_FMT, k);
          AzXdmfCellGrid(fp, g, group + 1, group, snap_times[k], PETSC_TRUE, nsnapfield, snap_names);
        }
        AZ_XMF("  </Grid>\n");
      } else
        AzXdmfCellGrid(fp, g, "azote", "", 0, PETSC_FALSE, PetscMin(nfield, 64), names);
      // A transient run's electrode data are those of its last time: a temporal collection of that one time (the Xdmf3
      // readers drop a grid without time beside a temporal collection).
      for (PetscInt k = 0; k < ngroup; k++) {
        const AzLineGroup *L = &groups[k];
        if (!L->surface.n) continue;
        if (nsnap) {
          AZ_XMF("  <Grid Name=\"%s_time\" GridType=\"Collection\" CollectionType=\"Temporal\">\n", L->name);
          AzXdmfSurfaceGrid(fp, L->name, L->name, L->nline, L->lines, &L->surface, PETSC_TRUE, snap_times[nsnap - 1]);
          AZ_XMF("  </Grid>\n");
        } else
          AzXdmfSurfaceGrid(fp, L->name, L->name, L->nline, L->lines, &L->surface, PETSC_FALSE, 0);
      }
      AZ_XMF(" </Domain>\n</Xdmf>\n");
      if (ferror(fp) || fflush(fp) || fsync(fileno(fp))) err = errno ? errno : EIO;
      if (fclose(fp) && !err) err = errno;
    }
  }
  PetscCallMPI(MPI_Bcast(&err, 1, MPI_INT, 0, comm));
  PetscCheck(!err, comm, PETSC_ERR_FILE_WRITE, "cannot write %s: %s", path, strerror(err));
  PetscFunctionReturn(PETSC_SUCCESS);
}
