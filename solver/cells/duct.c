// Laminar flow in a rectangular duct: the side-wall series of include/azote/duct.h. The series is summed along the
// smaller side a (the sine expansion) with the cosh factor across the larger side b: then its terms fall off as
// exp(-n pi d/a) at a distance d from the short walls and no digits are lost to cancellation. A duct deeper than wide
// (w < h) is the same series with the roles of y and z exchanged.
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
  const PetscReal a = PetscMin(h, w), b = PetscMax(h, w);
  PetscReal       sum = 0;
  for (PetscInt m = AZ_DUCT_TERMS - 1; m >= 0; m--) {  // smallest terms first
    const PetscReal n = 2 * m + 1;
    sum += PetscTanhReal(n * PETSC_PI * b / (2 * a)) / PetscPowReal(n, 5);
  }
  return Q / (a * a * a * b / 12 - 16 * PetscPowReal(a, 4) / PetscPowReal(PETSC_PI, 5) * sum);
}

// u at s in [0, a] (along the short side) and t in [0, b].
static PetscReal AzDuctSeries(PetscReal a, PetscReal b, PetscReal g, PetscReal s, PetscReal t)
{
  const PetscReal eta = s / a;
  PetscReal       sum = 0;
  for (PetscInt m = AZ_DUCT_TERMS - 1; m >= 0; m--) {
    const PetscReal n = 2 * m + 1;
    sum += PetscSinReal(n * PETSC_PI * eta) * AzCoshRatio(n * PETSC_PI / a, t - b / 2, b / 2) / (n * n * n);
  }
  return g * (a * a / 2 * eta * (1 - eta) - 4 * a * a / PetscPowReal(PETSC_PI, 3) * sum);
}

PetscReal AzDuctVelocity(PetscReal h, PetscReal w, PetscReal g, PetscReal y, PetscReal z)
{
  return w >= h ? AzDuctSeries(h, w, g, y, z) : AzDuctSeries(w, h, g, z, y);
}

PetscReal AzDuctWallShear(PetscReal h, PetscReal w, PetscReal g, PetscReal z)
{
  PetscReal sum = 0;
  if (w >= h) {  // d/ds of the series at s = 0
    for (PetscInt m = AZ_DUCT_TERMS - 1; m >= 0; m--) {
      const PetscReal n = 2 * m + 1;
      sum += AzCoshRatio(n * PETSC_PI / h, z - w / 2, w / 2) / (n * n);
    }
    return g * (h / 2 - 4 * h / (PETSC_PI * PETSC_PI) * sum);
  }
  // d/dt at t = 0 of the series along the width: the cosh factor's slope there is -beta tanh(beta h/2)
  for (PetscInt m = AZ_DUCT_TERMS - 1; m >= 0; m--) {
    const PetscReal n = 2 * m + 1;
    sum += PetscSinReal(n * PETSC_PI * z / w) * PetscTanhReal(n * PETSC_PI * h / (2 * w)) / (n * n);
  }
  return g * 4 * w / (PETSC_PI * PETSC_PI) * sum;
}

// Cell averages on the tensor grid sf[0..ns] (along the short side a) x tf[0..nt]: v[i + ns j].
static PetscErrorCode AzDuctSeriesAverages(PetscReal a, PetscReal b, PetscReal g, PetscInt ns, const PetscReal sf[], PetscInt nt,
                                           const PetscReal tf[], PetscReal v[])
{
  PetscReal *S, *T, *Sf, *Tf;

  PetscFunctionBeginUser;
  PetscCall(PetscMalloc4(ns, &S, nt, &T, ns + 1, &Sf, nt + 1, &Tf));
  for (PetscInt q = 0; q < ns * nt; q++) v[q] = 0;
  // the side-wall correction, term by term: separable, the cell average of sin(beta s) times that of the cosh ratio,
  // each the difference of an antiderivative taken once per face
  for (PetscInt m = AZ_DUCT_TERMS - 1; m >= 0; m--) {
    const PetscReal n = 2 * m + 1, beta = n * PETSC_PI / a, c = 4 * a * a / (PetscPowReal(PETSC_PI, 3) * n * n * n);
    for (PetscInt i = 0; i <= ns; i++) Sf[i] = PetscCosReal(beta * sf[i]);
    for (PetscInt j = 0; j <= nt; j++) Tf[j] = AzSinhRatio(beta, tf[j] - b / 2, b / 2);
    for (PetscInt i = 0; i < ns; i++) S[i] = (Sf[i] - Sf[i + 1]) / (beta * (sf[i + 1] - sf[i]));
    for (PetscInt j = 0; j < nt; j++) T[j] = c * (Tf[j + 1] - Tf[j]) / (beta * (tf[j + 1] - tf[j]));
    for (PetscInt j = 0; j < nt; j++)
      if (T[j] != 0)  // far from the short walls the term underflows
        for (PetscInt i = 0; i < ns; i++) v[i + ns * j] -= S[i] * T[j];
  }
  // plus the plane Poiseuille profile's average over [s0, s1]
  for (PetscInt j = 0; j < nt; j++)
    for (PetscInt i = 0; i < ns; i++) {
      const PetscReal s0 = sf[i] / a, s1 = sf[i + 1] / a;
      const PetscReal plate = a * a / 2 * ((s1 * s1 - s0 * s0) / 2 - (s1 * s1 * s1 - s0 * s0 * s0) / 3) / (s1 - s0);
      v[i + ns * j]         = g * (plate + v[i + ns * j]);
    }
  PetscCall(PetscFree4(S, T, Sf, Tf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzDuctCellAverages(PetscReal h, PetscReal w, PetscReal g, PetscInt ny, const PetscReal yf[], PetscInt nz,
                                  const PetscReal zf[], PetscReal u[])
{
  PetscReal *v;

  PetscFunctionBeginUser;
  if (w >= h) {
    PetscCall(AzDuctSeriesAverages(h, w, g, ny, yf, nz, zf, u));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(PetscMalloc1(ny * nz, &v));
  PetscCall(AzDuctSeriesAverages(w, h, g, nz, zf, ny, yf, v));
  for (PetscInt k = 0; k < nz; k++)
    for (PetscInt j = 0; j < ny; j++) u[j + ny * k] = v[k + nz * j];
  PetscCall(PetscFree(v));
  PetscFunctionReturn(PETSC_SUCCESS);
}
