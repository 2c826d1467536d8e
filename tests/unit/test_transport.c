// The exponentially fitted face flux: the Bernoulli function where it loses digits, the diffusive and advective
// limits, and the exact flux of 1-D steady advection–diffusion it is built on.
#include <azote/transport.h>
#include "aztest.h"

int main(int argc, char **argv)
{
  PetscReal aP, aN;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  AZ_CHECK_REL(AzBernoulli(0), 1.0, 0, "B(0)");
  AZ_CHECK_REL(AzBernoulli(1e-6), 1e-6 / expm1(1e-6), 1e-12, "B near 0");
  AZ_CHECK_REL(AzBernoulli(2.0), 2.0 / (PetscExpReal(2.0) - 1), 1e-14, "B(2)");
  AZ_CHECK_REL(AzBernoulli(-50.0), 50.0, 1e-14, "B(-50) -> -z");
  AZ_CHECK_ABS(AzBernoulli(800.0), 0.0, 1e-300, "B(800) underflows to 0, not NaN");
  AZ_CHECK_REL(AzBernoulli(-1e-3) - AzBernoulli(1e-3), 1e-3, 1e-12, "B(-z) - B(z) = z");

  // no flow: Fick's law between the centres
  AzFaceFlux(2.0, 3e-9, 1e-4, 0, &aP, &aN);
  AZ_CHECK_REL(aP, 2.0 * 3e-9 / 1e-4, 1e-14, "diffusive coefficient");
  AZ_CHECK_REL(aN, -aP, 1e-14, "diffusive flux is antisymmetric");
  // strong flow: upwind advection A u c_P, none from downstream
  AzFaceFlux(2.0, 1e-9, 1e-3, 1e-2, &aP, &aN);
  AZ_CHECK_REL(aP, 2.0 * 1e-2, 1e-12, "Pe = 1e4: upwind coefficient");
  AZ_CHECK_ABS(aN, 0.0, 1e-20, "Pe = 1e4: nothing from downstream");
  AzFaceFlux(2.0, 1e-9, 1e-3, -1e-2, &aP, &aN);
  AZ_CHECK_ABS(aP, 0.0, 1e-20, "Pe = -1e4: nothing from the cell");
  AZ_CHECK_REL(aN, -2.0 * 1e-2, 1e-12, "Pe = -1e4: upwind from the neighbour");
  // impermeable face with flow: pure upwind
  AzFaceFlux(1.0, 0, 1e-3, 1e-3, &aP, &aN);
  AZ_CHECK(aP == 1e-3 && aN == 0, "D = 0: upwind");
  {
    // 1-D steady u c' = D c'' on [0, h] with c(0) = 1, c(h) = 0 has the constant flux
    // u c - D c' = u / (1 - e^{-Pe}) for every Pe: the fitted flux is exact.
    const PetscReal Pe[] = {-30, -1, 1e-3, 0.5, 3, 40};
    for (size_t k = 0; k < sizeof(Pe) / sizeof(Pe[0]); k++) {
      const PetscReal D = 1e-9, h = 1e-4, u = Pe[k] * D / h;
      AzFaceFlux(1.0, D, h, u, &aP, &aN);
      AZ_CHECK_REL(aP * 1 + aN * 0, u / -expm1(-Pe[k]), 1e-12, "exact 1-D flux");
    }
  }
  {
    // a uniform concentration is carried at the flow's rate (aP + aN = A u), with coefficients of M-matrix signs, for
    // faces met in any order: the same |Pe| from both sides (a face seen from its two cells), then a new one
    const PetscReal Pe[] = {200, -200, -200, 3, -3, 1e-5, -1e-5, 800, -800, 200};
    for (size_t k = 0; k < sizeof(Pe) / sizeof(Pe[0]); k++) {
      const PetscReal D = 2e-9, h = 5e-5, u = Pe[k] * D / h, g = 1.5 * D / h;
      AzFaceFlux(1.5, D, h, u, &aP, &aN);
      AZ_CHECK_ABS(aP + aN, 1.5 * u, 1e-14 * PetscMax(g, 1.5 * PetscAbsReal(u)), "aP + aN = A u");
      AZ_CHECK(aP >= 0 && aN <= 0, "Pe = %g: aP = %g >= 0, aN = %g <= 0", (double)Pe[k], (double)aP, (double)aN);
      AZ_CHECK_REL(aP, g * AzBernoulli(-Pe[k]), 1e-12, "aP = g B(-Pe)");
    }
  }
  return AzTestFinish();
}
