// azote — internal declarations of the XDMF writer (solver/io/xdmf.c). Not part of the public API.
#pragma once

#include <azote/output.h>

// The electrode's own XDMF grid: its points (the line fields' x, y[, z]) joined into cells. Points along one axis
// become a polyline, points on a tensor grid of two axes quadrilaterals (a 3-D electrode surface, a 2-D catalyst
// layer), anything else a set of vertices.
typedef struct {
  PetscInt    n;      // points (all ranks)
  PetscInt    ncell;  // cells
  PetscInt    nper;   // points per cell: 2 (Polyline), 4 (Quadrilateral), 1 (Polyvertex)
  const char *type;   // XDMF TopologyType
} AzXdmfSurface;

// Writes into the open fields.h5 what the XDMF description needs besides the fields (group /xdmf): the node
// coordinates of a 2-D grid (xy_node, (ny+1)(nx+1) x 2, for a 2DSMesh: ParaView's legacy XDMF reader gives 2-D
// rectilinear meshes a wrong whole extent, so that its filters see a line) and the electrode's points and cells
// (electrode_xyz, n x 3; electrode_cells, ncell x nper). Collective.
PETSC_INTERN PetscErrorCode AzXdmfWriteHelpers(PetscViewer v, MPI_Comm comm, const AzGrid *g, PetscInt nline, const AzLineField lines[],
                                               AzXdmfSurface *s);
// Writes dir/fields.xmf (atomically, rank 0): the cell grid (a temporal collection of the snapshots when there are
// any) and the electrode's grid with the line fields as point data.
PETSC_INTERN PetscErrorCode AzXdmfWrite(MPI_Comm comm, const char dir[], const AzGrid *g, PetscInt nfield, const AzCellField fields[],
                                        const char line_group[], PetscInt nline, const AzLineField lines[], const AzXdmfSurface *s,
                                        PetscInt nsnap, const AzSnapshot snaps[]);
