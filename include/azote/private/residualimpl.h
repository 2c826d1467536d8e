// azote — internals of the transport residual shared by its files (residual.c, hypre.c, solver.c, balance.c).
#pragma once

#include <azote/transport.h>

// Jacobian entries of one cell: the intra-cell block (species x species) and one entry per neighbour and species.
typedef struct {
  PetscReal r[AZ_MAX_SPECIES];                  // residual, mol s^-1
  PetscReal d[AZ_MAX_SPECIES][AZ_MAX_SPECIES];  // d r_s / d c_t of the cell itself
  PetscInt  nnb;                                // neighbours
  PetscInt  nb[6];                              // their ghosted local cell indices
  PetscReal o[6][AZ_MAX_SPECIES];               // d r_s / d c_s of neighbour n
  PetscInt  xs[6];                              // at a gas-liquid interface with neighbour n, the species of this row
  PetscReal xo[6];                              //   coupled to n's other N2 species (-1: none), and that derivative
  PetscReal po[6][AZ_MAX_SPECIES];              // d r_s / d phi of neighbour n (migration; set only where p->migration)
  PetscReal consumed;                           // N2 consumed in the cell or at its electrode faces, mol s^-1
  PetscReal in, out;                            // N2 entering through Dirichlet faces, leaving through outflow faces
  PetscReal cur_electrode, cur_counter;         // current into the working electrode, out of the counter electrode (A)
  PetscReal consumed_anode;                     // N2 consumed at a full cell's anode (part of consumed), mol s^-1
} AzCellRow;

typedef enum { AZ_ROW_FULL, AZ_ROW_TRANSPORT_ONLY } AzRowMode;

// The last Bernoulli weight of a loop over the cells, B(z) at z: a face is met from both its cells and, along the flow
// on a uniform mesh, every face has the same |Pe|, so the exponential is reused. Each loop owns one (no state is kept
// between loops or problems).
typedef struct {
  PetscReal z, b;
} AzFluxMemo;
#define AZ_FLUX_MEMO_INIT ((AzFluxMemo){-1, 0})

// Residual of owned cell (i,j,k) for all species with its Jacobian entries (c: the ghosted local state). In
// AZ_ROW_TRANSPORT_ONLY mode the dissolved-N2 row omits the electrode reaction and is never pinned: minus that row is
// what a catalyst-layer cell held at c = 0 (limiting mode) consumes.
PETSC_INTERN PetscErrorCode AzCellResidual(const AzProblem *p, const PetscReal *c, PetscInt i, PetscInt j, PetscInt k, AzRowMode mode,
                                           AzFluxMemo *memo, AzCellRow *row);

// The ghosted local copy of a state, created for one loop over the cells and destroyed after it.
PETSC_INTERN PetscErrorCode AzCellRowAddSource(const AzProblem *p, const AzRegion *reg, PetscInt i, PetscInt j, PetscInt k, PetscReal V,
                                               AzCellRow *row);
PETSC_INTERN PetscErrorCode AzLocalStateGet(const AzGrid *g, Vec X, Vec *Xl, const PetscReal **c);
PETSC_INTERN PetscErrorCode AzLocalStateRestore(Vec *Xl, const PetscReal **c);

// The rows of the Jacobian being written (hypre.c): straight into hypre's own CSR arrays where P is hypre's matrix in
// host memory, or into an AIJ matrix's rows on this rank (the DM's pattern, set when it was made) where every column
// of the row is this rank's; through MatSetValuesLocal otherwise.
typedef struct {
  Mat      P;
  PetscInt dof;
  void    *hypre;  // hypre's arrays (hypre.c), NULL when the rows go through MatSetValuesLocal
  void    *aij;    // the AIJ matrix's arrays on this rank (hypre.c), NULL where P is not AIJ
} AzMatRows;
PETSC_INTERN PetscErrorCode AzMatRowsBegin(Mat P, const AzGrid *g, PetscInt dof, AzMatRows *w);
// Sets the n entries of the row of owned cell `owned` (AzGridOwned) and ghosted local cell `local` for species s, at
// ghosted local columns cols[].
PETSC_INTERN PetscErrorCode AzMatRowsSet(const AzMatRows *w, PetscInt owned, PetscInt local, PetscInt s, PetscInt n, const PetscInt cols[],
                                         const PetscReal vals[]);
PETSC_INTERN PetscErrorCode AzMatRowsEnd(AzMatRows *w);

// The Jacobian matrix the SNES should use: hypre's own with the residual's exact pattern (*H) when the preconditioner
// is BoomerAMG and no option asks for an AIJ matrix; *H = NULL otherwise (the SNES takes the DM's).
PETSC_INTERN PetscErrorCode AzProblemCreateJacobianMatrix(AzProblem *p, Mat *H);
