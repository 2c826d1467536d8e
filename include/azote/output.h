// azote — result files (DESIGN §5). The writer knows grids and named arrays, never which cell template made them.
// A run writes its files into its staging directory and publishes them together (include/azote/outdir.h); the
// writers here write the path they are given.
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

// The electrode's own grid in fields.xmf: its points (the line fields' x, y[, z]) joined into cells. Points along one
// axis become a polyline, points on a tensor grid of two axes quadrilaterals (a 3-D electrode surface, a 2-D catalyst
// layer), anything else a set of vertices. AzOutputWriteFields finds it; AzOutputWriteXDMF describes it.
typedef struct {
  PetscInt    n;      // points (all ranks)
  PetscInt    ncell;  // cells
  PetscInt    nper;   // points per cell: 2 (Polyline), 4 (Quadrilateral), 1 (Polyvertex)
  const char *type;   // XDMF TopologyType
} AzXdmfSurface;

// The values along one electrode (electrode, anode), written under /<name>/ and described as a grid of its own in
// fields.xmf (surface: found by AzOutputElectrodeSurface).
typedef struct {
  const char        *name;
  PetscInt           nline;
  const AzLineField *lines;
  AzXdmfSurface      surface;
} AzLineGroup;

// Opens the HDF5 file path (collectively, in mode), runs writes(viewer, comm, ctx) and closes the file whatever
// happened; a failure comes back as PETSC_ERR_FILE_WRITE "cannot write PATH: REASON". What the writes add to the file,
// data bytes of arrays and about meta bytes of HDF5's own (AZ_HDF5_META), is reserved on disk first: a full disk is
// found before the file is begun, and closing the file (which writes the metadata) has its room.
typedef PetscErrorCode (*AzOutputHDF5Writes)(PetscViewer v, MPI_Comm comm, void *ctx);
PETSC_EXTERN PetscErrorCode AzOutputHDF5Session(MPI_Comm comm, const char path[], PetscFileMode mode, double data, double meta,
                                                AzOutputHDF5Writes writes, void *ctx);
// HDF5's metadata for n datasets and groups and m attributes (bytes), with about twice the room measured on azote's
// files (a chunked dataset's header, heap and B-tree about 2.5 kB: sweep.h5's 22 columns take 54.8 kB of metadata,
// h5stat; an attribute about 200 B; 4 kB of superblock and root).
#define AZ_HDF5_META(n, m) (8e3 + 5e3 * (double)(n) + 400.0 * (double)(m))

// Creates dir (and its parents) on rank 0. Collective; fails with PETSC_ERR_FILE_OPEN naming the directory.
PETSC_EXTERN PetscErrorCode AzOutputMakeDir(MPI_Comm comm, const char dir[]);

// fields.h5 (collective, parallel HDF5). A transient run streams its snapshots into the file as it goes, each
// appended as /snapshots/<index>/<field> with a "time" attribute (s) (the first creates the file); at the end
// AzOutputWriteFields adds (append true) or writes (append false) the cell fields, the face and centre coordinates
// (x_face, x, y_face, y[, z_face, z]), the line fields under /<line_group>/, every key of the options registry as a
// string attribute of /inputs, the version, commit and run_id (may be NULL) on the root, and under /xdmf what the
// XDMF description needs besides (a 2-D grid's node coordinates, the electrode's points and cells: *surface). A file
// is closed whatever happens; an error leaves what was written to the caller to remove.
PETSC_EXTERN PetscErrorCode AzOutputAppendSnapshot(MPI_Comm comm, const char path[], PetscInt index, PetscReal time, PetscInt nfield,
                                                   const AzCellField fields[]);
PETSC_EXTERN PetscErrorCode AzOutputWriteFields(MPI_Comm comm, const char path[], PetscBool append, const AzGrid *g, PetscInt nfield,
                                                const AzCellField fields[], PetscInt ngroup, AzLineGroup groups[], const char run_id[]);
// An electrode's grid of its line fields x, y[, z] (as AzOutputWriteFields finds it), on every rank. Collective.
PETSC_EXTERN PetscErrorCode AzOutputElectrodeSurface(MPI_Comm comm, PetscInt nline, const AzLineField lines[], AzXdmfSurface *surface);
// fields.xmf, the XDMF description of the fields.h5 beside it for ParaView (its legacy and Xdmf3 readers) and VisIt
// (solver/io/xdmf.c), written by rank 0 as it goes (its size grows with the snapshots, its memory does not): the cell
// fields, or with nsnap > 0 a temporal collection of the snapshots' fields snap_names at snap_times (s), and the
// electrodes' grids (each group's surface) with their line fields as point data.
PETSC_EXTERN PetscErrorCode AzOutputWriteXDMF(MPI_Comm comm, const char path[], const AzGrid *g, PetscInt nfield,
                                              const AzCellField fields[], PetscInt ngroup, const AzLineGroup groups[], PetscInt nsnap,
                                              const PetscReal snap_times[], PetscInt nsnapfield, const char *const snap_names[]);

// A 1-D array held by rank 0 written as one dataset of an open HDF5 viewer; unit (an attribute) may be NULL.
PETSC_EXTERN PetscErrorCode AzOutputWriteRank0Array(PetscViewer v, MPI_Comm comm, const char name[], const char unit[], PetscInt n,
                                                    const PetscReal a[]);
// A table held by rank 0 of comm as an HDF5 file of one 1-D dataset per column (rows[i * stride + j], nrow rows).
// Collective.
PETSC_EXTERN PetscErrorCode AzOutputWriteColumnsHDF5(MPI_Comm comm, const char path[], PetscInt ncol, const char *const names[],
                                                     PetscInt nrow, PetscInt stride, const PetscReal rows[]);
// A table (one row per time) written as CSV by rank 0, atomically: header from names, rows of ncol numbers.
PETSC_EXTERN PetscErrorCode AzOutputWriteCSV(MPI_Comm comm, const char path[], PetscInt ncol, const char *const names[], PetscInt nrow,
                                             const PetscReal rows[]);

// A state at time t (s) handed on: a transient run's snapshot.
typedef PetscErrorCode (*AzSnapshotFn)(void *ctx, PetscReal t, Vec c);
// The snapshots of the run a restart continues, from the fields.h5 in the directory of its checkpoint (path
// checkpoint): those at t <= t_max (the checkpoint's time), each handed to fn in turn as a vector of state's layout
// (ns species, names[s], interlaced; one in memory at a time). Taken only when the last lies at t_max and equals state
// (the file is that run's), checked before the first is handed on; otherwise, or without the file, *n = 0 and one
// line says so. An error of fn is the caller's. Collective.
PETSC_EXTERN PetscErrorCode AzOutputStreamSnapshotHistory(MPI_Comm comm, const char checkpoint[], Vec state, PetscInt ns,
                                                          const char *const names[], PetscReal t_max, AzSnapshotFn fn, void *ctx,
                                                          PetscInt *n);

// Checkpoint of a transient run: the solution, a few scalars (time, step, integrals), the table so far, and a
// signature of the case that wrote it. Written atomically; read back on the same or another number of ranks.
typedef struct {
  PetscInt   nscalar;
  PetscReal *scalars;  // owned by the caller (write) or allocated by AzCheckpointRead (free with PetscFree)
  PetscInt   ncol, nrow;
  PetscReal *rows;  // rank 0 holds them (others: NULL); as scalars
  char       signature[4096];
} AzCheckpointData;
// run_id (may be NULL) is written as an attribute.
PETSC_EXTERN PetscErrorCode AzCheckpointWrite(MPI_Comm comm, const char path[], Vec c, const AzCheckpointData *d, const char run_id[]);
// Reading takes the checkpoint for input: d->nscalar and d->ncol say what the case expects. The signature comes first
// (a checkpoint of another case is refused naming the first key that differs), then the header against the
// expectation and every array against its header and the bytes the file holds (c's size for the solution), before
// anything is allocated from it; a file that is not a complete checkpoint is refused in one line (HDF5's own error
// report silenced). The caller checks the values.
PETSC_EXTERN PetscErrorCode AzCheckpointRead(MPI_Comm comm, const char path[], const char expect[], Vec c, AzCheckpointData *d);
