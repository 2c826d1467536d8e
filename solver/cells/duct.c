// Laminar flow in a rectangular duct: the side-wall series of include/azote/duct.h.
#include <azote/duct.h>

// cosh(beta s) / cosh(beta b) for |s| <= b, without overflow.
static PetscReal AzCoshRatio(PetscReal beta, PetscReal s, PetscReal b)
{
  return (PetscExpReal(beta * (PetscAbsReal(s) - b)) + PetscExpReal(-beta * (PetscAbsReal(s) + b))) / (1 + PetscExpReal(-2 * beta * b));
}

// sinh(beta s) / cosh(beta b) for |s| <= b, without overflow.
static PetscReal AzSinhRatio(PetscReal beta, PetscReal s, PetscReal b)
{
  const PetscReal sign = s < 0 ? -1 : 1;
  return sign * (PetscExpReal(beta * (PetscAbsReal(s) - b)) - PetscExpReal(-beta * (PetscAbsReal(s) + b))) /
         (1 + PetscExpReal(-2 * beta * b));
}

PetscReal AzDuctDriving(PetscReal h, PetscReal w, PetscReal Q)
{
  PetscReal sum = 0;
  for (PetscInt m = AZ_DUCT_TERMS - 1; m >= 0; m--) {  // smallest terms first
    const PetscReal n = 2 * m + 1;
    sum += PetscTanhReal(n * PETSC_PI * w / (2 * h)) / PetscPowReal(n, 5);
  }
  return Q / (h * h * h * w / 12 - 16 * PetscPowReal(h, 4) / PetscPowReal(PETSC_PI, 5) * sum);
}

PetscReal AzDuctVelocity(PetscReal h, PetscReal w, PetscReal g, PetscReal y, PetscReal z)
{
  const PetscReal eta = y / h;
  PetscReal       sum = 0;
  for (PetscInt m = AZ_DUCT_TERMS - 1; m >= 0; m--) {
    const PetscReal n = 2 * m + 1, beta = n * PETSC_PI / h;
    sum += PetscSinReal(n * PETSC_PI * eta) * AzCoshRatio(beta, z - w / 2, w / 2) / (n * n * n);
  }
  return g * (h * h / 2 * eta * (1 - eta) - 4 * h * h / PetscPowReal(PETSC_PI, 3) * sum);
}

PetscReal AzDuctWallShear(PetscReal h, PetscReal w, PetscReal g, PetscReal z)
{
  PetscReal sum = 0;
  for (PetscInt m = AZ_DUCT_TERMS - 1; m >= 0; m--) {
    const PetscReal n = 2 * m + 1;
    sum += AzCoshRatio(n * PETSC_PI / h, z - w / 2, w / 2) / (n * n);
  }
  return g * (h / 2 - 4 * h / (PETSC_PI * PETSC_PI) * sum);
}

PetscErrorCode AzDuctCellAverages(PetscReal h, PetscReal w, PetscReal g, PetscInt ny, const PetscReal yf[], PetscInt nz,
                                  const PetscReal zf[], PetscReal u[])
{
  PetscReal *Y, *Z;

  PetscFunctionBeginUser;
  PetscCall(PetscMalloc2(ny, &Y, nz, &Z));
  for (PetscInt q = 0; q < ny * nz; q++) u[q] = 0;
  // the side-wall correction, term by term: separable, the cell average of sin(beta y) times that of the cosh ratio
  for (PetscInt m = AZ_DUCT_TERMS - 1; m >= 0; m--) {
    const PetscReal n = 2 * m + 1, beta = n * PETSC_PI / h, c = 4 * h * h / (PetscPowReal(PETSC_PI, 3) * n * n * n);
    for (PetscInt j = 0; j < ny; j++) Y[j] = (PetscCosReal(beta * yf[j]) - PetscCosReal(beta * yf[j + 1])) / (beta * (yf[j + 1] - yf[j]));
    for (PetscInt k = 0; k < nz; k++)
      Z[k] = c * (AzSinhRatio(beta, zf[k + 1] - w / 2, w / 2) - AzSinhRatio(beta, zf[k] - w / 2, w / 2)) / (beta * (zf[k + 1] - zf[k]));
    for (PetscInt k = 0; k < nz; k++)
      if (Z[k] != 0)  // far from the side walls the term underflows
        for (PetscInt j = 0; j < ny; j++) u[j + ny * k] -= Y[j] * Z[k];
  }
  // plus the plane Poiseuille profile's average over [y0, y1]
  for (PetscInt k = 0; k < nz; k++)
    for (PetscInt j = 0; j < ny; j++) {
      const PetscReal y0 = yf[j] / h, y1 = yf[j + 1] / h;
      const PetscReal plate = h * h / 2 * ((y1 * y1 - y0 * y0) / 2 - (y1 * y1 * y1 - y0 * y0 * y0) / 3) / (y1 - y0);
      u[j + ny * k]         = g * (plate + u[j + ny * k]);
    }
  PetscCall(PetscFree2(Y, Z));
  PetscFunctionReturn(PETSC_SUCCESS);
}
