// Manufactured solutions for the transport operator on non-uniform grids (DESIGN §6): diffusion, advection–diffusion
// (plane Poiseuille flow, as in the flow cell) and advection–diffusion–reaction (first-order consumption). The exact
// field c = 1 + 0.5 sin(2 pi x/Lx + 0.3) cos(1.5 y/Ly) gets the source that makes it a solution, Dirichlet values on
// all sides; the observed L2 order between the two finest grids must be at least 1.8, and the error must fall on
// every refinement.
#include <azote/transport.h>
#include "../unit/aztest.h"

typedef struct {
  PetscReal Lx, Ly, D, U, k;
} MMS;

static PetscReal Exact(const MMS *m, const PetscReal x[3])
{
  return 1 + 0.5 * PetscSinReal(2 * PETSC_PI * x[0] / m->Lx + 0.3) * PetscCosReal(1.5 * x[1] / m->Ly);
}

static PetscErrorCode ExactBC(void *ctx, PetscInt species, const PetscReal x[3], PetscReal *c)
{
  *c = Exact((MMS *)ctx, x);
  return PETSC_SUCCESS;
}

// S = u dc/dx - D (d2c/dx2 + d2c/dy2) + k c
static PetscErrorCode Source(void *ctx, PetscInt species, const PetscReal x[3], PetscReal *s)
{
  const MMS      *m = (MMS *)ctx;
  const PetscReal a = 2 * PETSC_PI / m->Lx, b = 1.5 / m->Ly, th = a * x[0] + 0.3, eta = x[1] / m->Ly;
  const PetscReal u   = 6 * m->U * eta * (1 - eta);
  const PetscReal cx  = 0.5 * a * PetscCosReal(th) * PetscCosReal(b * x[1]);
  const PetscReal lap = -0.5 * (a * a + b * b) * PetscSinReal(th) * PetscCosReal(b * x[1]);
  *s                  = u * cx - m->D * lap + m->k * Exact(m, x);
  return PETSC_SUCCESS;
}

static PetscErrorCode SolveMMS(MMS *m, PetscInt N, PetscReal *err)
{
  AzProblem           p;
  PetscInt            M[3] = {N, N / 2, 1}, dir, r;
  PetscReal          *xf[3], num = 0, den = 0;
  const AzRefinePoint rx[1] = {{0.3 * m->Lx, 0.3 * m->Lx, 4, 0.2 * m->Lx}}, ry[1] = {{0, 0, 4, 0.3 * m->Ly}};
  const PetscReal    *c;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(&p, sizeof(p)));
  p.comm = PETSC_COMM_WORLD;
  PetscCall(PetscMalloc3(M[0] + 1, &xf[0], M[1] + 1, &xf[1], 2, &xf[2]));
  PetscCall(AzMesh1D(0, m->Lx, M[0], 1, rx, 0, NULL, xf[0]));
  PetscCall(AzMesh1D(0, m->Ly, M[1], 1, ry, 0, NULL, xf[1]));
  xf[2][0] = 0, xf[2][1] = 1e-2;
  PetscCall(AzProblemAddSpecies(&p, "c_n2", NULL));
  p.species[AZ_N2].scale = 1e-2 * m->D;
  PetscCall(AzProblemAddRegion(&p, "domain", &r));
  p.region[r].present[AZ_N2] = PETSC_TRUE;
  p.region[r].D[AZ_N2]       = m->D;
  p.region[r].k              = m->k;
  PetscCall(AzProblemCreateGrid(&p, 2, M, xf));
  PetscCall(PetscFree3(xf[0], xf[1], xf[2]));
  p.T      = 298.15;
  p.bulk   = 1;
  p.source = Source;
  p.user   = m;
  PetscCall(PetscMalloc1(M[1], &p.ux));
  for (PetscInt j = 0; j < M[1]; j++) {
    const PetscReal y0 = p.grid.xf[1][j] / m->Ly, y1 = p.grid.xf[1][j + 1] / m->Ly;
    p.ux[j] = 6 * m->U * ((y1 * y1 - y0 * y0) / 2 - (y1 * y1 * y1 - y0 * y0 * y0) / 3) / (y1 - y0);
  }
  PetscCall(AzProblemSetUpBoundaries(&p));
  PetscCall(AzProblemAddPatch(&p, AZ_BC_DIRICHLET, NULL, &dir));
  p.patch[dir].value_fn = ExactBC;
  for (PetscInt s = 0; s < 4; s++) {
    const PetscInt n = s < 2 ? M[1] : M[0];
    for (PetscInt f = 0; f < n; f++) p.bc[s][f] = dir;
  }
  PetscCall(AzProblemSetInitial(&p, (PetscReal[]){1.0}));
  PetscCall(AzProblemSetUpSolver(&p));
  PetscCall(AzProblemSolve(&p));
  PetscCall(VecGetArrayRead(p.c, &c));
  for (PetscInt j = p.grid.xs[1]; j < p.grid.xs[1] + p.grid.xm[1]; j++)
    for (PetscInt i = p.grid.xs[0]; i < p.grid.xs[0] + p.grid.xm[0]; i++) {
      const PetscReal x[3] = {p.grid.xc[0][i], p.grid.xc[1][j], 0}, V = AzGridVolume(&p.grid, i, j, 0);
      const PetscReal e = c[AzGridOwned(&p.grid, i, j, 0)] - Exact(m, x);
      num += V * e * e;
      den += V;
    }
  PetscCall(VecRestoreArrayRead(p.c, &c));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &num, 1, MPIU_REAL, MPIU_SUM, p.comm));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &den, 1, MPIU_REAL, MPIU_SUM, p.comm));
  *err = PetscSqrtReal(num / den);
  PetscCall(AzProblemDestroy(&p));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  const PetscReal D = 2e-9, Lx = 2e-3, Ly = 1e-3;
  struct {
    const char *name;
    MMS         m;
  } cases[] = {
      {"diffusion", {Lx, Ly, D, 0, 0}},
      {"advection-diffusion (Pe = U Lx/D = 20)", {Lx, Ly, D, 20 * D / Lx, 0}},
      {"advection-diffusion-reaction (Pe = 20, Da = k Lx^2/D = 5)", {Lx, Ly, D, 20 * D / Lx, 5 * D / (Lx * Lx)}},
  };
  const PetscInt N[4] = {16, 32, 64, 128};

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  for (size_t t = 0; t < sizeof(cases) / sizeof(cases[0]); t++) {
    PetscReal e[4];
    for (PetscInt r = 0; r < 4; r++) PetscCall(SolveMMS(&cases[t].m, N[r], &e[r]));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s\n", cases[t].name));
    for (PetscInt r = 0; r < 4; r++) {
      const PetscReal order = r ? PetscLog2Real(e[r - 1] / e[r]) : 0;
      PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  %4" PetscInt_FMT " x %4" PetscInt_FMT "  L2 error %.4e  order %.3f\n", N[r], N[r] / 2,
                            (double)e[r], (double)order));
      if (r)
        AZ_CHECK(e[r] < e[r - 1], "%s: error did not fall from %" PetscInt_FMT " to %" PetscInt_FMT " cells", cases[t].name, N[r - 1],
                 N[r]);
    }
    AZ_CHECK(PetscLog2Real(e[2] / e[3]) >= 1.8, "%s: observed order %.3f < 1.8", cases[t].name, (double)PetscLog2Real(e[2] / e[3]));
  }
  return AzTestFinish();
}
