// Manufactured solutions for the transport operator on non-uniform grids (DESIGN §6): diffusion, advection–diffusion
// (plane Poiseuille flow, as in the flow cell) and advection–diffusion–reaction (first-order consumption). The exact
// field c = 1 + 0.5 sin(2 pi x/Lx + 0.3) cos(1.5 y/Ly) gets the source that makes it a solution, Dirichlet values on
// all sides; the observed L2 order between the two finest grids must be at least 1.8, and the error must fall on
// every refinement. The 3-D cases multiply the field by cos(z/Lz) and use a duct-like flow u = 36 U eta(1-eta)
// zeta(1-zeta) (eta = y/Ly, zeta = z/Lz) on the 3-D path of the same operator.
#include <azote/transport.h>
#include "../unit/aztest.h"

typedef struct {
  PetscReal Lx, Ly, D, U, k;
  PetscReal Lz;  // 0: 2-D
} MMS;

static PetscReal ZFactor(const MMS *m, PetscReal z)
{
  return m->Lz > 0 ? PetscCosReal(z / m->Lz) : 1;
}

static PetscReal Exact(const MMS *m, const PetscReal x[3])
{
  return 1 + 0.5 * PetscSinReal(2 * PETSC_PI * x[0] / m->Lx + 0.3) * PetscCosReal(1.5 * x[1] / m->Ly) * ZFactor(m, x[2]);
}

// The flow profile's factor across z: 1 in 2-D (plane Poiseuille), 6 zeta (1 - zeta) in 3-D.
static PetscReal ZProfile(const MMS *m, PetscReal z)
{
  return m->Lz > 0 ? 6 * (z / m->Lz) * (1 - z / m->Lz) : 1;
}

static PetscErrorCode ExactBC(void *ctx, PetscInt species, const PetscReal x[3], PetscReal *c)
{
  *c = Exact((MMS *)ctx, x);
  return PETSC_SUCCESS;
}

// S = u dc/dx - D (d2c/dx2 + d2c/dy2 + d2c/dz2) + k c
static PetscErrorCode Source(void *ctx, PetscInt species, const PetscReal x[3], PetscReal *s)
{
  const MMS      *m = (MMS *)ctx;
  const PetscReal a = 2 * PETSC_PI / m->Lx, b = 1.5 / m->Ly, e = m->Lz > 0 ? 1 / m->Lz : 0, th = a * x[0] + 0.3, eta = x[1] / m->Ly;
  const PetscReal u   = 6 * m->U * eta * (1 - eta) * ZProfile(m, x[2]);
  const PetscReal cx  = 0.5 * a * PetscCosReal(th) * PetscCosReal(b * x[1]) * ZFactor(m, x[2]);
  const PetscReal lap = -0.5 * (a * a + b * b + e * e) * PetscSinReal(th) * PetscCosReal(b * x[1]) * ZFactor(m, x[2]);
  *s                  = u * cx - m->D * lap + m->k * Exact(m, x);
  return PETSC_SUCCESS;
}

static PetscErrorCode SolveMMS(MMS *m, PetscInt N, PetscReal *err)
{
  AzProblem           p;
  const PetscBool     d3   = (PetscBool)(m->Lz > 0);
  PetscInt            M[3] = {N, N / 2, d3 ? N / 2 : 1}, dir, r;
  PetscReal          *xf[3], num = 0, den = 0;
  const AzRefinePoint rx[1] = {{0.3 * m->Lx, 0.3 * m->Lx, 4, 0.2 * m->Lx}}, ry[1] = {{0, 0, 4, 0.3 * m->Ly}};
  const PetscReal    *c;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(&p, sizeof(p)));
  p.comm = PETSC_COMM_WORLD;
  PetscCall(PetscMalloc3(M[0] + 1, &xf[0], M[1] + 1, &xf[1], M[2] + 1, &xf[2]));
  PetscCall(AzMesh1D(0, m->Lx, M[0], 1, rx, 0, NULL, xf[0]));
  PetscCall(AzMesh1D(0, m->Ly, M[1], 1, ry, 0, NULL, xf[1]));
  if (d3) {
    const AzRefinePoint rz[1] = {{m->Lz, m->Lz, 3, 0.2 * m->Lz}};
    PetscCall(AzMesh1D(0, m->Lz, M[2], 1, rz, 0, NULL, xf[2]));
  } else
    xf[2][0] = 0, xf[2][1] = 1e-2;
  PetscCall(AzProblemAddSpecies(&p, "c_n2", NULL));
  p.species[AZ_N2].scale = 1e-2 * m->D;
  PetscCall(AzProblemAddRegion(&p, "domain", &r));
  p.region[r].present[AZ_N2] = PETSC_TRUE;
  p.region[r].D[AZ_N2]       = m->D;
  p.region[r].k              = m->k;
  PetscCall(AzProblemCreateGrid(&p, d3 ? 3 : 2, M, xf));
  PetscCall(PetscFree3(xf[0], xf[1], xf[2]));
  p.T      = 298.15;
  p.bulk   = 1;
  p.source = Source;
  p.user   = m;
  PetscCall(PetscMalloc1(M[1] * M[2], &p.ux));
  for (PetscInt k = 0; k < M[2]; k++)
    for (PetscInt j = 0; j < M[1]; j++) {
      // cell averages of the product profile
      const PetscReal y0 = p.grid.xf[1][j] / m->Ly, y1 = p.grid.xf[1][j + 1] / m->Ly;
      const PetscReal z0 = d3 ? p.grid.xf[2][k] / m->Lz : 0, z1 = d3 ? p.grid.xf[2][k + 1] / m->Lz : 1;
      const PetscReal uz = d3 ? 6 * ((z1 * z1 - z0 * z0) / 2 - (z1 * z1 * z1 - z0 * z0 * z0) / 3) / (z1 - z0) : 1;
      p.ux[j + M[1] * k] = 6 * m->U * ((y1 * y1 - y0 * y0) / 2 - (y1 * y1 * y1 - y0 * y0 * y0) / 3) / (y1 - y0) * uz;
    }
  PetscCall(AzProblemSetUpBoundaries(&p));
  PetscCall(AzProblemAddPatch(&p, AZ_BC_DIRICHLET, NULL, &dir));
  p.patch[dir].value_fn = ExactBC;
  for (PetscInt s = 0; s < 2 * p.grid.dim; s++) {
    const PetscInt n = s < 2 ? M[1] * M[2] : s < 4 ? M[0] * M[2] : M[0] * M[1];
    for (PetscInt f = 0; f < n; f++) p.bc[s][f] = dir;
  }
  PetscCall(AzProblemSetInitial(&p, (PetscReal[]){1.0}));
  PetscCall(AzProblemSetUpSolver(&p));
  PetscCall(AzProblemSolve(&p));
  PetscCall(VecGetArrayRead(p.c, &c));
  AzForOwnedCells(&p.grid, i, j, k)
  {
    const PetscReal x[3] = {p.grid.xc[0][i], p.grid.xc[1][j], p.grid.xc[2][k]}, V = AzGridVolume(&p.grid, i, j, k);
    const PetscReal e = c[AzGridOwned(&p.grid, i, j, k)] - Exact(m, x);
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
      {"diffusion", {Lx, Ly, D, 0, 0, 0}},
      {"advection-diffusion (Pe = U Lx/D = 20)", {Lx, Ly, D, 20 * D / Lx, 0, 0}},
      {"advection-diffusion-reaction (Pe = 20, Da = k Lx^2/D = 5)", {Lx, Ly, D, 20 * D / Lx, 5 * D / (Lx * Lx), 0}},
      {"3-D advection-diffusion-reaction in a duct-like flow (Pe = 20, Da = 5)", {Lx, Ly, D, 20 * D / Lx, 5 * D / (Lx * Lx), 0.8 * Ly}},
  };
  const PetscInt N2[4] = {16, 32, 64, 128}, N3[4] = {8, 16, 32, 64};

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  for (size_t t = 0; t < sizeof(cases) / sizeof(cases[0]); t++) {
    const PetscInt *N = cases[t].m.Lz > 0 ? N3 : N2;
    PetscReal       e[4];
    for (PetscInt r = 0; r < 4; r++) PetscCall(SolveMMS(&cases[t].m, N[r], &e[r]));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s\n", cases[t].name));
    for (PetscInt r = 0; r < 4; r++) {
      const PetscReal order = r ? PetscLog2Real(e[r - 1] / e[r]) : 0;
      PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  %4" PetscInt_FMT " x %4" PetscInt_FMT " x %4" PetscInt_FMT "  L2 error %.4e  order %.3f\n",
                            N[r], N[r] / 2, cases[t].m.Lz > 0 ? N[r] / 2 : 1, (double)e[r], (double)order));
      if (r)
        AZ_CHECK(e[r] < e[r - 1], "%s: error did not fall from %" PetscInt_FMT " to %" PetscInt_FMT " cells", cases[t].name, N[r - 1],
                 N[r]);
    }
    AZ_CHECK(PetscLog2Real(e[2] / e[3]) >= 1.8, "%s: observed order %.3f < 1.8", cases[t].name, (double)PetscLog2Real(e[2] / e[3]));
  }
  return AzTestFinish();
}
