// azote — steady advection–diffusion–reaction of dissolved gases on the structured grid (DESIGN §2–§3).
//
//   div(u c) - div(D grad c) = S   in every liquid-filled region,
// cell-centred finite volumes; diffusion across a face uses the distance-weighted harmonic mean of the two cells'
// D; advection uses exponential fitting (Scharfetter & Gummel 1969; Il'in 1969): the exact flux of the 1-D
// advection–diffusion equation between the two centres, monotone at any cell Peclet number and second order when
// the cell Peclet number is small. Boundary faces are walls (no flux), Dirichlet (inlets), outflow (advective flux
// only) or electrode faces (Butler–Volmer consumption, include/azote/kinetics.h).
//
// The residual of a cell is its net outflow minus its source, in mol s^-1; the Jacobian is assembled analytically.
// Volumetric sources (catalyst layers, bubbling) are per region: S = -k c + kla (c_eq - c), at the cell centre.
#pragma once

#include <petscsnes.h>
#include <azote/grid.h>
#include <azote/kinetics.h>

#define AZ_MAX_REGIONS 8
#define AZ_MAX_PATCHES 16

typedef enum { AZ_BC_WALL, AZ_BC_DIRICHLET, AZ_BC_OUTFLOW, AZ_BC_ELECTRODE } AzBCType;

// Coefficients of a region: S = -k c + kla (c_eq - c) is the volumetric source of dissolved N2.
typedef struct {
  char      name[32];
  PetscReal D;     // effective diffusivity of dissolved N2, m^2 s^-1 (0: impermeable)
  PetscReal k;     // first-order volumetric consumption rate, s^-1
  PetscReal kla;   // volumetric gas-liquid transfer coefficient, s^-1
  PetscReal c_eq;  // concentration in equilibrium with the gas, mol m^-3
} AzRegion;

// A pointwise function of position (m): Dirichlet values (mol m^-3) or volumetric sources (mol m^-3 s^-1).
typedef PetscErrorCode (*AzPointFunction)(void *ctx, const PetscReal x[3], PetscReal *value);

typedef struct {
  AzBCType        type;
  PetscReal       value;     // Dirichlet concentration, mol m^-3
  AzPointFunction value_fn;  // if set, the Dirichlet value at the face centre (overrides value)
} AzPatch;

// Sides of the box: 0 x-, 1 x+, 2 y-, 3 y+, 4 z-, 5 z+.
typedef struct {
  MPI_Comm        comm;
  AzGrid          grid;
  PetscReal       T;  // K
  PetscInt        nregion;
  AzRegion        region[AZ_MAX_REGIONS];
  PetscReal      *ux;  // x-velocity on x-faces, function of (j,k) only (fully developed flow), m s^-1; NULL: no flow
  PetscInt        npatch;
  AzPatch         patch[AZ_MAX_PATCHES];
  PetscInt       *bc[6];   // patch of each boundary face of a side, indexed by its tangential cells (AzProblemBoundaryIndex)
  AzPointFunction source;  // optional extra volumetric source (manufactured solutions), mol m^-3 s^-1
  void           *user;    // context of source and value_fn
  AzElectrode     electrode;
  PetscReal       bulk;  // the bulk (inlet, saturated) N2 concentration the template imposes, mol m^-3
  Vec             c;     // the solution: dissolved N2, mol m^-3

  // solver
  SNES      snes;
  PetscInt  newton_its, krylov_its;  // totals over the solves of this problem
  PetscReal solve_time;              // s, total
} AzProblem;

// Index of a boundary face of `side` in bc[side], from the cell (i,j,k) it belongs to.
static inline PetscInt AzProblemBoundaryIndex(const AzProblem *p, PetscInt side, PetscInt i, PetscInt j, PetscInt k)
{
  const PetscInt *M = p->grid.M;
  return side < 2 ? j + M[1] * k : side < 4 ? i + M[0] * k : i + M[0] * j;
}

// Allocates the boundary tables (all faces walls) once the grid exists.
PETSC_EXTERN PetscErrorCode AzProblemSetUpBoundaries(AzProblem *p);
PETSC_EXTERN PetscErrorCode AzProblemAddPatch(AzProblem *p, AzBCType type, PetscReal value, PetscInt *patch);
PETSC_EXTERN PetscErrorCode AzProblemDestroy(AzProblem *p);

// Face flux of the exponentially fitted scheme from cell P to its neighbour N (mol s^-1):
//   F = A (D/h) [ B(-Pe) c_P - B(Pe) c_N ],  Pe = u h / D,  B(z) = z / (e^z - 1),
// with u the velocity from P toward N and h the distance between the centres. Returns dF/dc_P and dF/dc_N.
PETSC_EXTERN void      AzFaceFlux(PetscReal area, PetscReal D, PetscReal h, PetscReal u, PetscReal *aP, PetscReal *aN);
PETSC_EXTERN PetscReal AzBernoulli(PetscReal z);

// Residual and Jacobian (SNES callbacks; ctx is the AzProblem).
PETSC_EXTERN PetscErrorCode AzFormFunction(SNES snes, Vec X, Vec F, void *ctx);
PETSC_EXTERN PetscErrorCode AzFormJacobian(SNES snes, Vec X, Mat J, Mat P, void *ctx);

// Creates the SNES (Newton, GMRES + hypre BoomerAMG by default, tolerances for mass_balance_rel < 1e-8) and applies
// the PETSc options (-snes_*, -ksp_*, -pc_*). Called once, before any solve.
PETSC_EXTERN PetscErrorCode AzProblemSetUpSolver(AzProblem *p);
// Solves the steady problem from the current p->c; fails with PETSC_ERR_NOT_CONVERGED and the reason on divergence
// or on a non-physical solution (a concentration below -1e-8 of the bulk value).
PETSC_EXTERN PetscErrorCode AzProblemSolve(AzProblem *p);

// Boundary fluxes of the converged solution, for metrics and the mass balance (mol s^-1, summed over all ranks):
// in through Dirichlet faces, out through outflow faces, consumed at electrode faces.
typedef struct {
  PetscReal in, out, consumed;
} AzBalance;
PETSC_EXTERN PetscErrorCode AzProblemBalance(AzProblem *p, AzBalance *b);
