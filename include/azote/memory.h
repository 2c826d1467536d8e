// azote — the memory a problem needs, estimated before it is allocated, against the memory the machine has.
//
// A problem on a grid of N cells with d unknowns per cell needs about N B(d) bytes, B the peak per cell measured on
// azote's own runs (scripts/bench's figures and the table in solver/memory.c: the matrix, the AMG hierarchy, the
// Krylov and time-stepping vectors), plus the start-up of every rank (MPI and PETSc's libraries, 45 MB). A node's
// share is its ranks' share of the cells. Available is /proc/meminfo's MemAvailable, capped by the memory cgroup's
// limit less its usage (v1 or v2, every level up to the root): a batch job's limit counts, not only the machine's.
#pragma once

#include <azote/sys.h>

// How a problem's linear systems are solved: a Krylov method on AMG (the dilute model), on the ionic model's line
// preconditioner (solver/nplines.c), or by a sparse direct factorisation (the ionic model's -pc_type lu).
typedef enum { AZ_MEMORY_AMG, AZ_MEMORY_LINES, AZ_MEMORY_DIRECT } AzMemorySolver;

// Bytes per cell at the peak of a solve with dof unknowns per cell on a dim-dimensional grid of `cells` cells.
PETSC_EXTERN double AzMemoryPerCell(PetscInt dof, PetscInt dim, double cells, AzMemorySolver solver);
// The memory this process could still allocate on its node (bytes): MemAvailable and the cgroup's room; 0 if unknown.
PETSC_EXTERN double AzMemoryAvailable(void);
// Refuses, before any of it is allocated, a grid of M[0] x M[1] (x M[2]) cells with dof unknowns per cell whose
// estimate does not fit in the memory available on some node: one line with the estimate, the memory available and
// the mesh keys, PETSC_ERR_USER_INPUT. Collective on comm.
PETSC_EXTERN PetscErrorCode AzMemoryCheck(MPI_Comm comm, PetscInt dim, const PetscInt M[3], PetscInt dof, AzMemorySolver solver);
