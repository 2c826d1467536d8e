// Graded 1-D meshes: ends and break points exact, faces increasing, the requested refinement ratio reached, and the
// grading smooth (neighbouring cells differ by a few per cent) so that the scheme keeps its order.
#include <azote/grid.h>
#include "aztest.h"

int main(int argc, char **argv)
{
  const PetscInt      n = 240;
  PetscReal           x[241], hmin = 1e300, hmax = 0, jump = 0;
  const AzRefinePoint ref[2]    = {{0.01, 0.02, 8, 0.0025}, {0.01, 0.01, 2, 0.00125}};
  const PetscReal     breaks[2] = {0.01, 0.02};
  PetscInt            at_s = -1, at_e = -1, electrode = 0;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(AzMesh1D(0, 0.03, n, 2, ref, 2, breaks, x));
  AZ_CHECK(x[0] == 0 && x[n] == 0.03, "ends");
  for (PetscInt i = 0; i <= n; i++) {
    if (x[i] == 0.01) at_s = i;
    if (x[i] == 0.02) at_e = i;
  }
  AZ_CHECK(at_s > 0 && at_e > at_s, "faces on the break points (%d, %d)", (int)at_s, (int)at_e);
  for (PetscInt i = 0; i < n; i++) {
    const PetscReal h = x[i + 1] - x[i];
    AZ_CHECK(h > 0, "faces increase at %d", (int)i);
    hmin = PetscMin(hmin, h), hmax = PetscMax(hmax, h);
    if (i) jump = PetscMax(jump, PetscAbsReal(h / (x[i] - x[i - 1]) - 1));
    if (x[i] >= 0.01 && x[i + 1] <= 0.02) electrode++;
  }
  // densities add: 1 + 7 + 1 at the leading edge against about 1.13 at the inlet
  AZ_CHECK(hmax / hmin > 6 && hmax / hmin < 10, "refinement ratio %g, expected about 8", (double)(hmax / hmin));
  AZ_CHECK(jump < 0.1, "neighbouring cells differ by %.3g (> 10 %%)", (double)jump);
  AZ_CHECK(electrode > n / 2, "the refined segment holds most cells (%d of %d)", (int)electrode, (int)n);
  // no refinement: uniform
  PetscCall(AzMesh1D(1, 3, 4, 0, NULL, 0, NULL, x));
  for (PetscInt i = 0; i <= 4; i++) AZ_CHECK_REL(x[i], 1 + 0.5 * i, 1e-14, "uniform mesh");
  // a break on an end adds nothing; too few cells for the pieces is an error
  PetscCall(AzMesh1D(0, 1, 4, 0, NULL, 1, (PetscReal[]){0}, x));
  AZ_CHECK_REL(x[2], 0.5, 1e-14, "break at the start ignored");
  AZ_CHECK_INPUT_ERROR(AzMesh1D(0, 1, 2, 0, NULL, 2, breaks, x), "cannot hold");
  return AzTestFinish();
}
