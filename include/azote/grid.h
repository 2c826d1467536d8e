// azote — the structured grid: a DMDA box with non-uniform tensor-product coordinates and a region tag per cell.
//
// 2-D grids are the 3-D code path with one cell across the depth (M[2] = 1, extent = the out-of-plane width), so one
// residual loop serves both. An axisymmetric 2-D grid is the same box in (z, r, theta): direction 0 along the axis,
// direction 1 the radius r >= 0 and the depth an angle (2 pi for a whole annulus), so that a cell is an annular ring of
// volume (r_o^2 - r_i^2)/2 theta dz = pi (r_o^2 - r_i^2) dz and its faces have areas r_f theta dz (radial faces, each at
// its own radius r_f) and (r_o^2 - r_i^2)/2 theta (axial faces): the finite-volume metric of cylindrical coordinates. Coordinates are kept
// as 1-D arrays of faces and centres on every rank (tensor product: a few kB even for 1e6 cells); cell index (i,j,k) of the ghosted local
// box maps to AzGridLocal().
#pragma once

#include <petscdmda.h>
#include <azote/sys.h>

#define AZ_MAX_REFINE 8

// A point or segment toward which a 1-D mesh is refined: within [pos, pos_end] cells are `ratio` times smaller
// than far from it, the refinement decaying over `width` outside (pos_end = pos for a point).
typedef struct {
  PetscReal pos, pos_end;  // m
  PetscReal ratio;         // >= 1
  PetscReal width;         // m, > 0
} AzRefinePoint;

typedef struct {
  PetscInt       dim;             // 2 or 3
  PetscInt       M[3];            // cells per direction (M[2] = 1 in 2-D)
  PetscReal     *xf[3];           // faces, M[d]+1 per direction, m
  PetscReal     *xc[3];           // centres, M[d] per direction, m
  PetscReal     *dx[3];           // widths, M[d] per direction, m
  DM             da;              // one dof per solved species, stencil width 1, star
  PetscInt       xs[3], xm[3];    // owned box: start and size per direction
  PetscInt       gxs[3], gxm[3];  // ghosted box
  unsigned char *tag;             // region tag per ghosted local cell
  PetscBool      axisymmetric;    // 2-D in (z, r, theta): direction 1 is the radius, the depth an angle (rad)
} AzGrid;

// Face coordinates x[0..n] of n cells on [a, b], graded smoothly toward the refinement points (cell size inversely
// proportional to the density 1 + sum_k (ratio_k - 1) exp(-dist(x, [pos_k, pos_end_k]) / width_k)). Faces fall exactly on each of
// the nbreak break points (e.g. the ends of an electrode); each piece gets cells in proportion to its share of the
// integrated density, at least one.
PETSC_EXTERN PetscErrorCode AzMesh1D(PetscReal a, PetscReal b, PetscInt n, PetscInt nref, const AzRefinePoint ref[], PetscInt nbreak,
                                     const PetscReal breaks[], PetscReal x[]);

// Creates the DMDA over the faces given (xf[d] of M[d]+1 entries, copied) with `dof` unknowns per cell; whole_lines
// (2-D): the ranks divide the mesh across the direction of the strongest couplings only, so that its lines of cells
// stay whole on one rank (the ionic model's line preconditioner), where there are as many lines as ranks.
PETSC_EXTERN PetscErrorCode AzGridCreate(MPI_Comm comm, PetscInt dim, const PetscInt M[3], PetscReal *const xf[3], PetscInt dof,
                                         PetscBool whole_lines, AzGrid *g);
// The direction of the strongest couplings between cells: the largest sum over cells of 1/h^2 (a face's diffusive
// coefficient per volume), among the directions with more than one cell.
PETSC_EXTERN PetscInt       AzGridStrongestDirection(const AzGrid *g);
PETSC_EXTERN PetscErrorCode AzGridDestroy(AzGrid *g);
// Makes a 2-D grid axisymmetric: direction 1 the radius (faces r >= 0), the depth xf[2] an angle in radians.
PETSC_EXTERN PetscErrorCode AzGridSetAxisymmetric(AzGrid *g);

// Loops over the owned cells (i, j, k) of grid g.
#define AzForOwnedCells(g, i, j, k)                                                                                                        \
  for (PetscInt k = (g)->xs[2]; k < (g)->xs[2] + (g)->xm[2]; k++)                                                                          \
    for (PetscInt j = (g)->xs[1]; j < (g)->xs[1] + (g)->xm[1]; j++)                                                                        \
      for (PetscInt i = (g)->xs[0]; i < (g)->xs[0] + (g)->xm[0]; i++)

// Index of global cell (i,j,k) in the ghosted local arrays (times dof plus the species for a multi-dof vector).
static inline PetscInt AzGridLocal(const AzGrid *g, PetscInt i, PetscInt j, PetscInt k)
{
  return ((k - g->gxs[2]) * g->gxm[1] + (j - g->gxs[1])) * g->gxm[0] + (i - g->gxs[0]);
}

// Index of owned cell (i,j,k) in a global vector's local part.
static inline PetscInt AzGridOwned(const AzGrid *g, PetscInt i, PetscInt j, PetscInt k)
{
  return ((k - g->xs[2]) * g->xm[1] + (j - g->xs[1])) * g->xm[0] + (i - g->xs[0]);
}

// Whether cell (i,j,k) has a face on the domain's boundary.
static inline PetscBool AzGridOnBoundary(const AzGrid *g, PetscInt i, PetscInt j, PetscInt k)
{
  const PetscInt idx[3] = {i, j, k};
  for (PetscInt d = 0; d < g->dim; d++)
    if (idx[d] == 0 || idx[d] == g->M[d] - 1) return PETSC_TRUE;
  return PETSC_FALSE;
}

// Cell volume, m^3 (the depth of a 2-D grid is dx[2][0]; axisymmetric: r_c dr = (r_o^2 - r_i^2)/2 times theta dz).
static inline PetscReal AzGridVolume(const AzGrid *g, PetscInt i, PetscInt j, PetscInt k)
{
  if (g->axisymmetric) return g->dx[0][i] * g->xc[1][j] * g->dx[1][j] * g->dx[2][k];
  return g->dx[0][i] * g->dx[1][j] * g->dx[2][k];
}

// Area of the lower (hi = 0) or upper (hi = 1) face normal to direction d of cell (i,j,k), m^2: the two are equal but
// for the radial faces of an axisymmetric grid, each at its own radius.
static inline PetscReal AzGridFaceAreaSide(const AzGrid *g, PetscInt d, PetscInt hi, PetscInt i, PetscInt j, PetscInt k)
{
  if (g->axisymmetric) return d == 0 ? g->xc[1][j] * g->dx[1][j] * g->dx[2][k] : g->dx[0][i] * g->xf[1][j + hi] * g->dx[2][k];
  return d == 0 ? g->dx[1][j] * g->dx[2][k] : d == 1 ? g->dx[0][i] * g->dx[2][k] : g->dx[0][i] * g->dx[1][j];
}

// Area of the (lower) face normal to direction d of cell (i,j,k), m^2.
static inline PetscReal AzGridFaceArea(const AzGrid *g, PetscInt d, PetscInt i, PetscInt j, PetscInt k)
{
  return AzGridFaceAreaSide(g, d, 0, i, j, k);
}
