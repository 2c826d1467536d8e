// azote — internal declarations of the XDMF writer (solver/io/xdmf.c). Not part of the public API.
#pragma once

#include <azote/output.h>

// Writes into the open fields.h5 what the XDMF description needs besides the fields (group /xdmf): the node
// coordinates of a 2-D grid (xy_node, (ny+1)(nx+1) x 2, for a 2DSMesh: ParaView's legacy XDMF reader gives 2-D
// rectilinear meshes a wrong whole extent, so that its filters see a line) and the electrode's points and cells
// (<group>_xyz, n x 3; <group>_cells, ncell x nper, for each electrode group). Collective.
PETSC_INTERN PetscErrorCode AzXdmfWriteHelpers(PetscViewer v, MPI_Comm comm, const AzGrid *g, PetscInt ngroup, AzLineGroup groups[]);
