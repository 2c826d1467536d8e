// azote — result files (DESIGN §5). The writer knows grids and named arrays, never which cell template made them.
// Every file appears atomically: written under NAME.partial, then renamed once complete.
#pragma once

#include <azote/grid.h>
#include <azote/options.h>
#include <azote/json.h>

// A cell field on the grid's DMDA (one dof), written as dataset `name` with a "unit" attribute.
typedef struct {
  const char *name;
  const char *unit;
  Vec         v;
} AzCellField;

// A 1-D array distributed over the ranks (e.g. values along the electrode, in grid order), as dataset group/name.
typedef struct {
  const char      *name;
  const char      *unit;
  PetscInt         n;  // entries on this rank
  const PetscReal *values;
} AzLineField;

// Creates dir (and its parents) on rank 0. Collective; fails with PETSC_ERR_FILE_OPEN naming the directory.
PETSC_EXTERN PetscErrorCode AzOutputMakeDir(MPI_Comm comm, const char dir[]);

// Writes dir/fields.h5 (collective, parallel HDF5) and dir/fields.xmf (for ParaView/VisIt): the cell fields, the
// face and centre coordinates (x_face, x, y_face, y[, z_face, z]), the line fields under /<line_group>/, and as
// string attributes of /inputs every key of the options registry, plus the version and commit on the root.
PETSC_EXTERN PetscErrorCode AzOutputWriteFields(MPI_Comm comm, const char dir[], const AzGrid *g, PetscInt nfield,
                                                const AzCellField fields[], const char line_group[], PetscInt nline,
                                                const AzLineField lines[]);
