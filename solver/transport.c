// The transport residual and its analytic Jacobian: one loop over the owned cells of the DMDA box for every cell
// template (templates differ only by region tags, coefficients and boundary patches).
#include <azote/transport.h>

PetscReal AzBernoulli(PetscReal z)
{
  // z / (e^z - 1), with its series near 0 where the quotient loses digits
  if (PetscAbsReal(z) < 1e-4) return 1 - z / 2 + z * z / 12;
  return z / expm1(z);
}

void AzFaceFlux(PetscReal area, PetscReal D, PetscReal h, PetscReal u, PetscReal *aP, PetscReal *aN)
{
  if (D <= 0) {  // impermeable to diffusion: pure upwind advection
    *aP = area * PetscMax(u, 0);
    *aN = area * PetscMin(u, 0);
    return;
  }
  const PetscReal g = area * D / h, pe = u * h / D;
  *aP = g * AzBernoulli(-pe);
  *aN = -g * AzBernoulli(pe);
}

PetscErrorCode AzProblemSetUpBoundaries(AzProblem *p)
{
  const PetscInt *M = p->grid.M;

  PetscFunctionBeginUser;
  p->npatch        = 1;  // patch 0: wall
  p->patch[0].type = AZ_BC_WALL;
  for (PetscInt s = 0; s < 2 * p->grid.dim; s++) {
    const PetscInt n = s < 2 ? M[1] * M[2] : s < 4 ? M[0] * M[2] : M[0] * M[1];
    PetscCall(PetscCalloc1(n, &p->bc[s]));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemAddPatch(AzProblem *p, AzBCType type, PetscReal value, PetscInt *patch)
{
  PetscFunctionBeginUser;
  PetscCheck(p->npatch < AZ_MAX_PATCHES, p->comm, PETSC_ERR_PLIB, "too many boundary patches");
  p->patch[p->npatch].type  = type;
  p->patch[p->npatch].value = value;
  *patch                    = p->npatch++;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemDestroy(AzProblem *p)
{
  PetscFunctionBeginUser;
  for (PetscInt s = 0; s < 6; s++) PetscCall(PetscFree(p->bc[s]));
  PetscCall(PetscFree(p->ux));
  PetscCall(VecDestroy(&p->c));
  PetscCall(SNESDestroy(&p->snes));
  PetscCall(AzGridDestroy(&p->grid));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static inline PetscReal AzCellD(const AzProblem *p, PetscInt l)
{
  return p->region[p->grid.tag[l]].D;
}

// Linearised flux out of cell (i,j,k) through its boundary face on `side`: F = aP c_P + b (mol s^-1), with the
// electrode state for electrode faces. Walls give zero.
static PetscErrorCode AzBoundaryFlux(const AzProblem *p, PetscInt side, PetscInt i, PetscInt j, PetscInt k, PetscReal cP, PetscReal *F,
                                     PetscReal *dF, AzElectrodeFace *ef)
{
  const AzGrid   *g = &p->grid;
  const PetscInt  d = side / 2, hi = side % 2, idx[3] = {i, j, k};
  const AzPatch  *patch = &p->patch[p->bc[side][AzProblemBoundaryIndex(p, side, i, j, k)]];
  const PetscReal area  = AzGridFaceArea(g, d, i, j, k);
  const PetscReal h     = hi ? g->xf[d][idx[d] + 1] - g->xc[d][idx[d]] : g->xc[d][idx[d]] - g->xf[d][idx[d]];
  const PetscReal u_out = (d == 0 && p->ux) ? (hi ? 1 : -1) * p->ux[j + g->M[1] * k] : 0;
  const PetscReal D     = AzCellD(p, AzGridLocal(g, i, j, k));
  PetscReal       aP, aB;

  PetscFunctionBeginUser;
  *F = 0, *dF = 0;
  switch (patch->type) {
  case AZ_BC_WALL:
    break;
  case AZ_BC_DIRICHLET: {
    PetscReal cB = patch->value;
    if (patch->value_fn) {
      PetscReal x[3] = {g->xc[0][i], g->xc[1][j], g->xc[2][k]};
      x[d]           = g->xf[d][hi ? idx[d] + 1 : idx[d]];
      PetscCall(patch->value_fn(p->user, x, &cB));
    }
    AzFaceFlux(area, D, h, u_out, &aP, &aB);
    *F = aP * cP + aB * cB, *dF = aP;
  } break;
  case AZ_BC_OUTFLOW:  // zero diffusive gradient: the flow carries the cell's concentration out
    *F = area * u_out * cP, *dF = area * u_out;
    break;
  case AZ_BC_ELECTRODE: {
    AzElectrodeFace f;
    PetscCheck(u_out == 0, PETSC_COMM_SELF, PETSC_ERR_PLIB, "an electrode face cannot carry flow");
    PetscCall(AzElectrodeFaceSolve(&p->electrode, cP, D / h, p->T, &f));
    *F = area * f.flux, *dF = area * f.dflux_dc;
    if (ef) *ef = f;
  } break;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Residual row of owned cell (i,j,k), and its Jacobian entries when cols/vals are given: (local column, value) pairs,
// the diagonal first.
static PetscErrorCode AzCellResidual(const AzProblem *p, const PetscReal *c, PetscInt i, PetscInt j, PetscInt k, PetscReal *r,
                                     PetscInt *ncol, PetscInt cols[], PetscReal vals[])
{
  const AzGrid   *g      = &p->grid;
  const PetscInt  idx[3] = {i, j, k}, lP = AzGridLocal(g, i, j, k);
  const PetscReal cP = c[lP], DP = AzCellD(p, lP);
  PetscReal       res = 0, diag = 0;
  PetscInt        n = 1;

  PetscFunctionBeginUser;
  for (PetscInt d = 0; d < g->dim; d++) {
    for (PetscInt hi = 0; hi < 2; hi++) {
      const PetscInt nb = idx[d] + (hi ? 1 : -1);
      if (nb < 0 || nb >= g->M[d]) {
        PetscReal F, dF;
        PetscCall(AzBoundaryFlux(p, 2 * d + hi, i, j, k, cP, &F, &dF, NULL));
        res += F, diag += dF;
        continue;
      }
      const PetscInt  nidx[3] = {d == 0 ? nb : i, d == 1 ? nb : j, d == 2 ? nb : k};
      const PetscInt  lN      = AzGridLocal(g, nidx[0], nidx[1], nidx[2]);
      const PetscReal xface   = g->xf[d][hi ? idx[d] + 1 : idx[d]];
      const PetscReal hP = PetscAbsReal(xface - g->xc[d][idx[d]]), hN = PetscAbsReal(g->xc[d][nb] - xface), DN = AzCellD(p, lN);
      const PetscReal Df = (DP > 0 && DN > 0) ? (hP + hN) / (hP / DP + hN / DN) : 0;
      const PetscReal u  = (d == 0 && p->ux) ? (hi ? 1 : -1) * p->ux[j + g->M[1] * k] : 0;
      PetscReal       aP, aN;
      AzFaceFlux(AzGridFaceArea(g, d, i, j, k), Df, hP + hN, u, &aP, &aN);
      res += aP * cP + aN * c[lN];
      diag += aP;
      if (cols) cols[n] = lN, vals[n] = aN;
      n++;
    }
  }
  {
    const AzRegion *reg = &p->region[g->tag[lP]];
    const PetscReal V   = AzGridVolume(g, i, j, k);
    res += V * (reg->k * cP - reg->kla * (reg->c_eq - cP));
    diag += V * (reg->k + reg->kla);
    if (p->source) {
      const PetscReal x[3] = {g->xc[0][i], g->xc[1][j], g->xc[2][k]};
      PetscReal       s;
      PetscCall(p->source(p->user, x, &s));
      res -= V * s;
    }
  }
  *r = res;
  if (cols) cols[0] = lP, vals[0] = diag, *ncol = n;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzFormFunction(SNES snes, Vec X, Vec F, void *ctx)
{
  AzProblem       *p = (AzProblem *)ctx;
  const AzGrid    *g = &p->grid;
  Vec              Xl;
  const PetscReal *c;
  PetscReal       *f;

  PetscFunctionBeginUser;
  PetscCall(DMGetLocalVector(g->da, &Xl));
  PetscCall(DMGlobalToLocal(g->da, X, INSERT_VALUES, Xl));
  PetscCall(VecGetArrayRead(Xl, &c));
  PetscCall(VecGetArray(F, &f));
  for (PetscInt k = g->xs[2]; k < g->xs[2] + g->xm[2]; k++)
    for (PetscInt j = g->xs[1]; j < g->xs[1] + g->xm[1]; j++)
      for (PetscInt i = g->xs[0]; i < g->xs[0] + g->xm[0]; i++)
        PetscCall(AzCellResidual(p, c, i, j, k, &f[AzGridOwned(g, i, j, k)], NULL, NULL, NULL));
  PetscCall(VecRestoreArray(F, &f));
  PetscCall(VecRestoreArrayRead(Xl, &c));
  PetscCall(DMRestoreLocalVector(g->da, &Xl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzFormJacobian(SNES snes, Vec X, Mat J, Mat P, void *ctx)
{
  AzProblem       *p = (AzProblem *)ctx;
  const AzGrid    *g = &p->grid;
  Vec              Xl;
  const PetscReal *c;

  PetscFunctionBeginUser;
  PetscCall(DMGetLocalVector(g->da, &Xl));
  PetscCall(DMGlobalToLocal(g->da, X, INSERT_VALUES, Xl));
  PetscCall(VecGetArrayRead(Xl, &c));
  for (PetscInt k = g->xs[2]; k < g->xs[2] + g->xm[2]; k++)
    for (PetscInt j = g->xs[1]; j < g->xs[1] + g->xm[1]; j++)
      for (PetscInt i = g->xs[0]; i < g->xs[0] + g->xm[0]; i++) {
        PetscInt  cols[7], n;
        PetscReal vals[7], r;
        PetscCall(AzCellResidual(p, c, i, j, k, &r, &n, cols, vals));
        PetscCall(MatSetValuesLocal(P, 1, cols, n, cols, vals, INSERT_VALUES));
      }
  PetscCall(VecRestoreArrayRead(Xl, &c));
  PetscCall(DMRestoreLocalVector(g->da, &Xl));
  PetscCall(MatAssemblyBegin(P, MAT_FINAL_ASSEMBLY));
  PetscCall(MatAssemblyEnd(P, MAT_FINAL_ASSEMBLY));
  if (J != P) {
    PetscCall(MatAssemblyBegin(J, MAT_FINAL_ASSEMBLY));
    PetscCall(MatAssemblyEnd(J, MAT_FINAL_ASSEMBLY));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// A PETSc option's default where the user gave none (hypre's options exist only in the options database).
static PetscErrorCode AzOptionsDefault(const char name[], const char value[])
{
  PetscBool set;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsHasName(NULL, NULL, name, &set));
  if (!set) PetscCall(PetscOptionsSetValue(NULL, name, value));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemSetUpSolver(AzProblem *p)
{
  Mat            J;
  KSP            ksp;
  PC             pc;
  SNESLineSearch ls;

  PetscFunctionBeginUser;
  PetscCall(SNESCreate(p->comm, &p->snes));
  PetscCall(SNESSetDM(p->snes, p->grid.da));
  PetscCall(DMCreateMatrix(p->grid.da, &J));
  PetscCall(SNESSetFunction(p->snes, NULL, AzFormFunction, p));
  PetscCall(SNESSetJacobian(p->snes, J, J, AzFormJacobian, p));
  PetscCall(MatDestroy(&J));
  // Defaults (the command line overrides): Newton with full steps, the linear solve tight enough that the
  // discrete conservation error stays below 1e-8 of the inflow.
  PetscCall(SNESSetType(p->snes, SNESNEWTONLS));
  PetscCall(SNESGetLineSearch(p->snes, &ls));
  PetscCall(SNESLineSearchSetType(ls, SNESLINESEARCHBASIC));
  PetscCall(SNESSetTolerances(p->snes, 0.0, 1e-10, 0.0, 50, 1000));
  PetscCall(SNESGetKSP(p->snes, &ksp));
  PetscCall(KSPSetType(ksp, KSPGMRES));
  PetscCall(KSPSetPCSide(ksp, PC_RIGHT));  // the Krylov tolerance then bounds the true residual
  PetscCall(KSPSetTolerances(ksp, 1e-11, 0.0, PETSC_DEFAULT, 500));
  PetscCall(KSPGetPC(ksp, &pc));
#if defined(PETSC_HAVE_HYPRE)
  PetscCall(PCSetType(pc, PCHYPRE));
  PetscCall(PCHYPRESetType(pc, "boomeramg"));
  // HMIS coarsening with extended+i interpolation (at most 4 weights per row) keeps the hierarchy lean on these
  // advection-diffusion matrices: on the 1e6-cell flow cell it needs 11 V-cycles and 35 % less time than the
  // default Falgout coarsening.
  PetscCall(AzOptionsDefault("-pc_hypre_boomeramg_coarsen_type", "HMIS"));
  PetscCall(AzOptionsDefault("-pc_hypre_boomeramg_interp_type", "ext+i"));
  PetscCall(AzOptionsDefault("-pc_hypre_boomeramg_P_max", "4"));
#else
  PetscCall(PCSetType(pc, PCGAMG));
#endif
  PetscCall(SNESSetFromOptions(p->snes));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemSolve(AzProblem *p)
{
  SNESConvergedReason reason;
  PetscInt            its, lits;
  PetscLogDouble      t0 = AzWallTime();

  PetscFunctionBeginUser;
  PetscCall(SNESSolve(p->snes, NULL, p->c));
  PetscCall(SNESGetConvergedReason(p->snes, &reason));
  PetscCall(SNESGetIterationNumber(p->snes, &its));
  PetscCall(SNESGetLinearSolveIterations(p->snes, &lits));
  p->newton_its += its;
  p->krylov_its += lits;
  p->solve_time += AzWallTime() - t0;
  PetscCheck(reason > 0, p->comm, PETSC_ERR_NOT_CONVERGED, "the Newton solve did not converge (%s after %" PetscInt_FMT " iterations)",
             SNESConvergedReasons[reason], its);
  {
    PetscReal cmin;
    PetscCall(VecMin(p->c, NULL, &cmin));
    PetscCheck(!PetscIsInfOrNanReal(cmin) && cmin >= -1e-8 * p->bulk, p->comm, PETSC_ERR_NOT_CONVERGED,
               "non-physical solution: minimum N2 concentration %g mol/m^3 (bulk %g mol/m^3)", (double)cmin, (double)p->bulk);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemBalance(AzProblem *p, AzBalance *b)
{
  const AzGrid    *g = &p->grid;
  Vec              Xl;
  const PetscReal *c;
  PetscReal        sum[3] = {0, 0, 0};

  PetscFunctionBeginUser;
  PetscCall(DMGetLocalVector(g->da, &Xl));
  PetscCall(DMGlobalToLocal(g->da, p->c, INSERT_VALUES, Xl));
  PetscCall(VecGetArrayRead(Xl, &c));
  for (PetscInt k = g->xs[2]; k < g->xs[2] + g->xm[2]; k++)
    for (PetscInt j = g->xs[1]; j < g->xs[1] + g->xm[1]; j++)
      for (PetscInt i = g->xs[0]; i < g->xs[0] + g->xm[0]; i++) {
        const PetscInt idx[3] = {i, j, k};
        for (PetscInt s = 0; s < 2 * g->dim; s++) {
          const PetscInt d = s / 2;
          if (idx[d] != (s % 2 ? g->M[d] - 1 : 0)) continue;
          PetscReal F, dF;
          PetscCall(AzBoundaryFlux(p, s, i, j, k, c[AzGridLocal(g, i, j, k)], &F, &dF, NULL));
          switch (p->patch[p->bc[s][AzProblemBoundaryIndex(p, s, i, j, k)]].type) {
          case AZ_BC_DIRICHLET:
            sum[0] -= F;  // F is the outward flux
            break;
          case AZ_BC_OUTFLOW:
            sum[1] += F;
            break;
          case AZ_BC_ELECTRODE:
            sum[2] += F;
            break;
          case AZ_BC_WALL:
            break;
          }
        }
      }
  PetscCall(VecRestoreArrayRead(Xl, &c));
  PetscCall(DMRestoreLocalVector(g->da, &Xl));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, sum, 3, MPIU_REAL, MPIU_SUM, p->comm));
  b->in = sum[0], b->out = sum[1], b->consumed = sum[2];
  PetscFunctionReturn(PETSC_SUCCESS);
}
