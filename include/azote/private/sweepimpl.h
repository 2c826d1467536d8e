// azote — internals of the sweep shared by its files (sweep.c runs the points and writes the tables; sweepsetup.c
// reads the swept keys and the points).
#pragma once

#include <azote/azote.h>

#define AZ_SWEEP_MAX_AXES 16
#define AZ_SWEEP_MAX_COLS 64

typedef struct {
  char     key[64];  // the case key, without "-"
  char     spec[256];
  PetscInt n;
  char (*values)[32];
} AzSweepAxis;

typedef struct {
  PetscInt    naxis, npoint;
  AzSweepAxis axis[AZ_SWEEP_MAX_AXES];
  PetscInt    ranks_per_case;
  PetscBool   fields;
  PetscBool   keep_claims;  // -sweep_shared: other jobs work on the same sweep now; their claims are not stale
  PetscBool   zipped;       // -sweep_points: point k takes value k of every axis (a list, not a product)
  unsigned    points_hash;  // FNV-1a checksum of the points file
  MPI_Comm    comm;         // the whole sweep's
  AzMetrics   shape;        // zero metrics of the base case's reaction and cell: the columns of every point
} AzSweep;

// Reads -sweep_<key> (and -sweep_points, -sweep_ranks_per_case, -sweep_fields, -sweep_shared) into sw; *requested is
// PETSC_FALSE, and sw empty, when nothing is swept.
PETSC_INTERN PetscErrorCode AzSweepCreate(MPI_Comm comm, AzSweep *sw, PetscBool *requested);
PETSC_INTERN PetscErrorCode AzSweepDestroy(AzSweep *sw);
// The value index of every axis at point k (the first axis slowest).
PETSC_INTERN void AzSweepPoint(const AzSweep *sw, PetscInt k, PetscInt idx[]);
// The sweep's identity: the case file, the command line and the sweep (a resumed sweep must be the same).
PETSC_INTERN PetscErrorCode AzSweepSignature(AzCase base, const AzSweep *sw, char sig[], size_t len);
