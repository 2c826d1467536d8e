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

// The cell fields at one time of a transient run, written under /snapshots/<index>/ with a "time" attribute.
typedef struct {
  PetscReal    time;  // s
  PetscInt     nfield;
  AzCellField *fields;
} AzSnapshot;

// Creates dir (and its parents) on rank 0. Collective; fails with PETSC_ERR_FILE_OPEN naming the directory.
PETSC_EXTERN PetscErrorCode AzOutputMakeDir(MPI_Comm comm, const char dir[]);

// Writes dir/fields.h5 (collective, parallel HDF5) and dir/fields.xmf (for ParaView/VisIt): the cell fields, the
// face and centre coordinates (x_face, x, y_face, y[, z_face, z]), the line fields under /<line_group>/, and as
// string attributes of /inputs every key of the options registry, plus the version and commit on the root. Snapshots
// of a transient run go to /snapshots/<index>/ and the XDMF file then describes them as a temporal collection.
PETSC_EXTERN PetscErrorCode AzOutputWriteFields(MPI_Comm comm, const char dir[], const AzGrid *g, PetscInt nfield,
                                                const AzCellField fields[], const char line_group[], PetscInt nline,
                                                const AzLineField lines[], PetscInt nsnap, const AzSnapshot snaps[]);

// A table (one row per time) written as CSV by rank 0, atomically: header from names, rows of ncol numbers.
// A 1-D array held by rank 0 written as one dataset of an open HDF5 viewer; unit (an attribute) may be NULL.
PETSC_EXTERN PetscErrorCode AzOutputWriteRank0Array(PetscViewer v, MPI_Comm comm, const char name[], const char unit[], PetscInt n,
                                                    const PetscReal a[]);
// A table as an HDF5 file of one 1-D dataset per column (rows[i * stride + j], nrow rows), written by the calling
// process alone, whole or not at all.
PETSC_EXTERN PetscErrorCode AzOutputWriteColumnsHDF5(const char path[], PetscInt ncol, const char *const names[], PetscInt nrow,
                                                     PetscInt stride, const PetscReal rows[]);
PETSC_EXTERN PetscErrorCode AzOutputWriteCSV(MPI_Comm comm, const char path[], PetscInt ncol, const char *const names[], PetscInt nrow,
                                             const PetscReal rows[]);

// The snapshots of the run a restart continues, from the fields.h5 in the directory of its checkpoint (path
// checkpoint): those at t <= t_max (the checkpoint's time), each a vector of state's layout (ns species, names[s],
// interlaced). Taken only when the last lies at t_max and equals state (the file is that run's); otherwise, or
// without the file, *n = 0 and one line says so. Collective; free with VecDestroy and PetscFree2(*snaps, *times).
PETSC_EXTERN PetscErrorCode AzOutputReadSnapshotHistory(MPI_Comm comm, const char checkpoint[], Vec state, PetscInt ns,
                                                        const char *const names[], PetscReal t_max, PetscInt *n, Vec **snaps,
                                                        PetscReal **times);

// Checkpoint of a transient run: the solution, a few scalars (time, step, integrals), the table so far, and a
// signature of the case that wrote it. Written atomically; read back on the same or another number of ranks.
typedef struct {
  PetscInt   nscalar;
  PetscReal *scalars;  // owned by the caller (write) or allocated by AzCheckpointRead (free with PetscFree)
  PetscInt   ncol, nrow;
  PetscReal *rows;  // rank 0 holds them (others: NULL); as scalars
  char       signature[4096];
} AzCheckpointData;
PETSC_EXTERN PetscErrorCode AzCheckpointWrite(MPI_Comm comm, const char path[], Vec c, const AzCheckpointData *d);
// Reading checks the signature first: a checkpoint of another case (different keys or grid) is refused with one line
// naming the first key that differs, before anything is loaded.
PETSC_EXTERN PetscErrorCode AzCheckpointRead(MPI_Comm comm, const char path[], const char expect[], Vec c, AzCheckpointData *d);
