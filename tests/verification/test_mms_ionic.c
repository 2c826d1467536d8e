// Manufactured solution for the ionic model's coupled system (solver/nernstplanck.c): Nernst-Planck for two cations
// (K+ and H+, z = +1) with the anion (Cl-, z = -1) given by electroneutrality, c_Cl = c_K + c_H, and the potential's
// row the charge balance, on a non-uniform 2-D grid, with a plane Poiseuille flow. The exact fields
//   c_K = 50 + 15 sin(a x + 0.3) cos(b y),  c_H = 20 + 8 cos(a x) sin(b y + 0.2),  phi = 0.02 sin(a x + 0.5) cos(b y + 0.1) V
// (F phi / RT up to 0.8: migration as strong as diffusion) get the sources S_i = div N_i,
//   N_i = u c_i - D_i grad c_i - z_i D_i c_i (F/RT) grad phi    (Newman & Thomas-Alyea 2004, eq. 11.1),
// for the two cations' rows and sum_i z_i S_i (the anion's included) for the charge row; Dirichlet values of all
// three on every side. The observed L2 order of c_K and c_H between the two finest grids must be at least 1.8, and
// the errors must fall on every refinement (Scharfetter-Gummel fluxes, exact for a constant flux between centres).
#include <azote/private/npimpl.h>
#include "../unit/aztest.h"

typedef struct {
  PetscReal Lx, Ly, U, T;
  PetscReal D[3];  // K+, H+, Cl-
} MMS;

// c = A + B sin(a x + px) cos(b y + py): value, gradient, Laplacian
typedef struct {
  PetscReal A, B, px, py;
} Wave;
static const Wave waves[3] = {{50, 15, 0.3, 0}, {20, 8, PETSC_PI / 2, 0.2 - PETSC_PI / 2}, {0, 0.02, 0.5, 0.1}};  // c_K, c_H, phi

static void WaveEval(const MMS *m, const Wave *w, const PetscReal x[3], PetscReal *v, PetscReal g[2], PetscReal *lap)
{
  const PetscReal a = 2 * PETSC_PI / m->Lx, b = 1.5 / m->Ly, sx = PetscSinReal(a * x[0] + w->px), cx = PetscCosReal(a * x[0] + w->px);
  const PetscReal sy = PetscSinReal(b * x[1] + w->py), cy = PetscCosReal(b * x[1] + w->py);
  *v   = w->A + w->B * sx * cy;
  g[0] = w->B * a * cx * cy;
  g[1] = -w->B * b * sx * sy;
  *lap = -(a * a + b * b) * w->B * sx * cy;
}

static PetscReal Velocity(const MMS *m, PetscReal y)
{
  return 6 * m->U * (y / m->Ly) * (1 - y / m->Ly);
}

// div N of ion k (0 K+, 1 H+, 2 Cl- = K+ + H+) at x
static PetscReal DivN(const MMS *m, PetscInt k, const PetscReal x[3])
{
  const PetscReal f = AZ_FARADAY / (AZ_GAS_CONSTANT * m->T), z = k == 2 ? -1 : 1;
  PetscReal       c, g[2], lap, phi, gp[2], lapp;
  WaveEval(m, &waves[2], x, &phi, gp, &lapp);
  if (k < 2)
    WaveEval(m, &waves[k], x, &c, g, &lap);
  else {
    PetscReal c1, g1[2], l1;
    WaveEval(m, &waves[0], x, &c, g, &lap);
    WaveEval(m, &waves[1], x, &c1, g1, &l1);
    c += c1, g[0] += g1[0], g[1] += g1[1], lap += l1;
  }
  // div(u c) = u dc/dx (u = u(y) along x); div(D grad c) = D lap c; div(c grad phi) = grad c . grad phi + c lap phi
  return Velocity(m, x[1]) * g[0] - m->D[k] * lap - z * m->D[k] * f * (g[0] * gp[0] + g[1] * gp[1] + c * lapp);
}

static PetscErrorCode ExactBC(void *ctx, PetscInt s, const PetscReal x[3], PetscReal *v)
{
  PetscReal g[2], lap;
  if (s == 0)
    *v = 0;  // dissolved N2: absent
  else
    WaveEval((MMS *)ctx, &waves[s - 1], x, v, g, &lap);
  return PETSC_SUCCESS;
}

static PetscErrorCode Source(void *ctx, PetscInt s, const PetscReal x[3], PetscReal *src)
{
  const MMS *m = (MMS *)ctx;
  if (s == 1 || s == 2)
    *src = DivN(m, s - 1, x);
  else if (s == 3)
    *src = DivN(m, 0, x) + DivN(m, 1, x) - DivN(m, 2, x);  // the charge row: sum z_i div N_i
  else
    *src = 0;
  return PETSC_SUCCESS;
}

static PetscErrorCode SolveMMS(MMS *m, PetscInt N, PetscReal err[2])
{
  AzProblem           p;
  PetscInt            M[3] = {N, N / 2, 1}, dir, r, sk, sh, sp;
  PetscReal          *xf[3], num[3] = {0, 0, 0};
  const AzRefinePoint rx[1] = {{0.3 * m->Lx, 0.3 * m->Lx, 4, 0.2 * m->Lx}}, ry[1] = {{0, 0, 4, 0.3 * m->Ly}};
  const PetscReal    *c;
  AzNP               *np;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(&p, sizeof(p)));
  p.comm = PETSC_COMM_WORLD;
  PetscCall(PetscMalloc3(M[0] + 1, &xf[0], M[1] + 1, &xf[1], 2, &xf[2]));
  PetscCall(AzMesh1D(0, m->Lx, M[0], 1, rx, 0, NULL, xf[0]));
  PetscCall(AzMesh1D(0, m->Ly, M[1], 1, ry, 0, NULL, xf[1]));
  xf[2][0] = 0, xf[2][1] = 1e-2;
  PetscCall(AzProblemAddSpecies(&p, "c_n2", NULL));
  PetscCall(AzProblemAddSpecies(&p, "c_k", &sk));
  PetscCall(AzProblemAddSpecies(&p, "c_h", &sh));
  PetscCall(AzProblemAddSpecies(&p, "phi_l", &sp));
  PetscCall(PetscNew(&p.np));
  np      = p.np;
  np->T   = m->T;
  np->s_h = np->s_oh = -1;
  for (PetscInt s = 0; s < AZ_MAX_SPECIES; s++) np->pos[s] = -1;
  np->ion[sk] = np->ion[sh] = PETSC_TRUE;
  np->z[sk] = np->z[sh] = 1;
  np->bulk[sk] = 50, np->bulk[sh] = 20;
  np->z_e    = -1;
  np->bulk_e = 70;
  PetscCall(AzProblemAddRegion(&p, "electrolyte", &r));
  p.region[r].present[sk] = p.region[r].present[sh] = p.region[r].present[sp] = PETSC_TRUE;
  p.region[r].D[sk] = np->Dm[r][sk] = m->D[0];
  p.region[r].D[sh] = np->Dm[r][sh] = m->D[1];
  np->De[r] = np->Dme[r] = m->D[2];
  for (PetscInt s = 1; s < 4; s++) p.species[s].scale = 1e-2 * m->D[0];
  PetscCall(AzProblemCreateGrid(&p, 2, M, xf));
  PetscCall(PetscFree3(xf[0], xf[1], xf[2]));
  p.T      = m->T;
  p.bulk   = 1;
  p.source = Source;
  p.user   = m;
  PetscCall(PetscMalloc1(M[1], &p.ux));
  for (PetscInt j = 0; j < M[1]; j++) {  // cell averages of the Poiseuille profile
    const PetscReal y0 = p.grid.xf[1][j] / m->Ly, y1 = p.grid.xf[1][j + 1] / m->Ly;
    p.ux[j] = 6 * m->U * ((y1 * y1 - y0 * y0) / 2 - (y1 * y1 * y1 - y0 * y0 * y0) / 3) / (y1 - y0);
  }
  PetscCall(AzProblemSetUpBoundaries(&p));
  PetscCall(AzProblemAddPatch(&p, AZ_BC_DIRICHLET, NULL, &dir));
  p.patch[dir].value_fn  = ExactBC;
  p.patch[dir].potential = PETSC_TRUE;
  for (PetscInt s = 0; s < 4; s++) {
    const PetscInt n = s < 2 ? M[1] : M[0];
    for (PetscInt f = 0; f < n; f++) p.bc[s][f] = dir;
  }
  p.electrode.mode = AZ_ELECTRODE_OFF;
  PetscCall(AzProblemSetInitial(&p, (PetscReal[]){0, 50, 20, 0}));
  PetscCall(AzProblemSetUpSolver(&p));
  PetscCall(AzProblemSolve(&p));
  PetscCall(VecGetArrayRead(p.c, &c));
  AzForOwnedCells(&p.grid, i, j, k)
  {
    const PetscReal x[3] = {p.grid.xc[0][i], p.grid.xc[1][j], p.grid.xc[2][k]}, V = AzGridVolume(&p.grid, i, j, k);
    for (PetscInt q = 0; q < 2; q++) {
      PetscReal ex;
      PetscCall(ExactBC(m, q + 1, x, &ex));
      num[q] += V * PetscSqr(c[AzGridOwned(&p.grid, i, j, k) * 4 + q + 1] - ex);
    }
    num[2] += V;
  }
  PetscCall(VecRestoreArrayRead(p.c, &c));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, num, 3, MPIU_REAL, MPIU_SUM, p.comm));
  err[0] = PetscSqrtReal(num[0] / num[2]), err[1] = PetscSqrtReal(num[1] / num[2]);
  PetscCall(AzProblemDestroy(&p));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  // K+, H+, Cl- at infinite dilution, 25 °C (CRC Handbook, Vanýsek): the species table's values
  MMS            m    = {2e-3, 1e-3, 0, 298.15, {1.957e-9, 9.311e-9, 2.032e-9}};
  const PetscInt N[4] = {16, 32, 64, 128};
  PetscReal      e[4][2];

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  m.U = 20 * m.D[0] / m.Lx;  // Pe = 20 for K+
  for (PetscInt r = 0; r < 4; r++) PetscCall(SolveMMS(&m, N[r], e[r]));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "Nernst-Planck with electroneutrality (K+, H+, Cl-; Pe = 20, F phi/RT up to 0.8)\n"));
  for (PetscInt r = 0; r < 4; r++) {
    PetscCall(PetscPrintf(PETSC_COMM_WORLD,
                          "  %4" PetscInt_FMT " x %4" PetscInt_FMT "  L2 error c_K %.4e (order %.3f)  c_H %.4e (order %.3f)\n", N[r],
                          N[r] / 2, (double)e[r][0], r ? (double)PetscLog2Real(e[r - 1][0] / e[r][0]) : 0.0, (double)e[r][1],
                          r ? (double)PetscLog2Real(e[r - 1][1] / e[r][1]) : 0.0));
    for (PetscInt q = 0; q < 2 && r; q++)
      AZ_CHECK(e[r][q] < e[r - 1][q], "%s: error did not fall from %" PetscInt_FMT " to %" PetscInt_FMT " cells", q ? "c_H" : "c_K",
               N[r - 1], N[r]);
  }
  for (PetscInt q = 0; q < 2; q++)
    AZ_CHECK(PetscLog2Real(e[2][q] / e[3][q]) >= 1.8, "%s: observed order %.3f < 1.8", q ? "c_H" : "c_K",
             (double)PetscLog2Real(e[2][q] / e[3][q]));
  return AzTestFinish();
}
