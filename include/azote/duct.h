// azote — fully developed laminar flow in a rectangular duct (the 3-D flow cell).
//
// A duct of height h (y in [0, h], the electrode wall at y = 0) and width w (z in [0, w]) driven by the pressure
// gradient G = -dp/dx. With g = G/mu (s^-1 m^-1) and, for w >= h, the sine series of the parallel-plate profile in y,
// the velocity is (Shah & London, Laminar Flow Forced Convection in Ducts, Academic Press 1978, §VII.B; White, Viscous
// Fluid Flow, 3rd ed., eq. 3-48, shifted to a corner origin)
//   u(y, z) = g [ h^2/2 eta (1 - eta) - (4 h^2/pi^3) sum_{n odd} sin(n pi eta) cosh(n pi (z - w/2)/h) / (n^3 cosh(n pi w/(2h))) ],
// eta = y/h: the plane Poiseuille profile minus the side walls' correction, which decays as exp(-n pi d/h) at a
// distance d from a side wall, so that the series converges fast everywhere but within about h of them. The flow rate
//   Q = g [ h^3 w/12 - (16 h^4/pi^5) sum_{n odd} tanh(n pi w/(2h)) / n^5 ].
// A duct deeper than wide (w < h) takes the same series with y and z, h and w exchanged: the expansion always runs
// along the shorter side, where it converges.
#pragma once

#include <azote/sys.h>

// Terms of the side-wall series (odd n up to 2 AZ_DUCT_TERMS - 1): pointwise the truncation error is of the order of
// 1/(2 AZ_DUCT_TERMS^2) of the profile's scale near the short walls, far less elsewhere; the cell averages carry the
// flow rate to 1e-10 (unit/test_duct).
#define AZ_DUCT_TERMS 4000

// g = G/mu (s^-1 m^-1) that carries the flow rate Q (m^3 s^-1) through the duct.
PETSC_EXTERN PetscReal AzDuctDriving(PetscReal h, PetscReal w, PetscReal Q);
// The velocity at (y, z), m s^-1, for the driving g.
PETSC_EXTERN PetscReal AzDuctVelocity(PetscReal h, PetscReal w, PetscReal g, PetscReal y, PetscReal z);
// The shear rate du/dy on the wall y = 0 at z, s^-1.
PETSC_EXTERN PetscReal AzDuctWallShear(PetscReal h, PetscReal w, PetscReal g, PetscReal z);
// Exact averages of u over the cells of the tensor grid with faces yf[0..ny] and zf[0..nz]: u[j + ny k], m s^-1.
PETSC_EXTERN PetscErrorCode AzDuctCellAverages(PetscReal h, PetscReal w, PetscReal g, PetscInt ny, const PetscReal yf[], PetscInt nz,
                                               const PetscReal zf[], PetscReal u[]);
