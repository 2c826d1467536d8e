// How the ionic model's steady Newton solve runs (electrolyte_model tertiary): its steps (clipped in the ions'
// logarithms), its stopping rule, its linear solver (GMRES on the line preconditioner of solver/nplines.c, or a
// sparse direct factorisation; either reused while Newton converges fast) and its start (the same case on a coarser
// mesh first, interpolated).
#include <azote/private/npimpl.h>
#include <petsc/private/petscimpl.h>  // PetscObjectStateGet (a private header in PETSc 3.18)
#include <azote/case.h>

// Newton's steps change each ion by at most a factor e^2 (logarithmic unknowns: the linearised exponential overshoots
// where an ion is decades away from its value, H+ at an electrode), or (concentrations: a time step's Newton) scale
// the whole step so that no ion falls below a hundredth of its value: a step through zero would leave its logarithm in
// the reactions' quotients without meaning. The potential and the template's species step freely.
static PetscErrorCode AzNPPreCheck(SNESLineSearch ls, Vec X, Vec Y, PetscBool *changed, void *ctx)
{
  const AzProblem *p   = (const AzProblem *)ctx;
  const PetscInt   dof = p->nspecies;
  const PetscReal *x;
  PetscReal       *y, lambda = 1;
  PetscInt         n;

  PetscFunctionBeginUser;
  *changed = PETSC_FALSE;
  PetscCall(VecGetLocalSize(X, &n));
  PetscCall(VecGetArrayRead(X, &x));
  PetscCall(VecGetArray(Y, &y));
  for (PetscInt q = 0; q < n; q++) {
    if (!p->np->ion[q % dof]) continue;
    if (p->np->logvars) {  // ln c: at most a factor e^2 per step, component by component
      if (PetscAbsReal(y[q]) > 2) y[q] = y[q] > 0 ? 2 : -2, *changed = PETSC_TRUE;
    } else if (x[q] > 0 && x[q] - y[q] < 1e-2 * x[q])  // the step is x - y
      lambda = PetscMin(lambda, (1 - 1e-2) * x[q] / y[q]);
  }
  PetscCall(VecRestoreArrayRead(X, &x));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &lambda, 1, MPIU_REAL, MPIU_MIN, p->comm));
  if (lambda < 1) {
    for (PetscInt q = 0; q < n; q++) y[q] *= lambda;
    *changed = PETSC_TRUE;
  }
  PetscCall(VecRestoreArray(Y, &y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The preconditioner (the line preconditioner's blocks and AMG, or a factorisation) is kept from one Newton step to the
// next once Newton converges fast (the residual fell 100-fold in the last step: the Jacobian changes little from here
// on), and GMRES preconditioned by it solves each new Jacobian to the step's tolerance (the forcing term below). A new
// one is made when GMRES needed more than AZ_NP_REUSE_KRYLOV iterations with it, or did not converge.
#define AZ_NP_REUSE_KRYLOV 8
// GMRES's iteration limit: the line preconditioner needs 1-2 iterations per Newton step on the default flow cell (the
// forcing term's 1e-2), 5-12 on the last, tight ones; on a 1e6-cell one 17 at most (40 before the coarse correction)
#define AZ_NP_KRYLOV_MAX 100
// seconds of a mesh's Newton solve after which each step prints a progress line
#define AZ_NP_PROGRESS_S 10.0

// The sparse direct factorisation: MUMPS where PETSc has it, PETSc's own LU otherwise.
static PetscErrorCode AzNPDirect(PC pc)
{
  PetscFunctionBeginUser;
  PetscCall(PCSetType(pc, PCLU));
#if defined(PETSC_HAVE_MUMPS)
  PetscCall(PCFactorSetMatSolverType(pc, MATSOLVERMUMPS));
#endif
  PetscFunctionReturn(PETSC_SUCCESS);
}

AzMemorySolver AzNPMemorySolver(void)
{
  char      type[64] = "";
  PetscBool set      = PETSC_FALSE;
  if (PetscOptionsGetString(NULL, NULL, "-pc_type", type, sizeof(type), &set) || !set) return AZ_MEMORY_LINES;
  return !strcmp(type, PCLU) || !strcmp(type, PCCHOLESKY) ? AZ_MEMORY_DIRECT : AZ_MEMORY_LINES;
}

PetscErrorCode AzNPNewtonCheck(SNES snes, AzProblem *p, PetscInt it, PetscReal fnorm, PetscBool *stalled, SNESConvergedReason *reason)
{
  const PetscReal    last = it == 0 ? PETSC_MAX_REAL : p->np->fnorm_last;  // the residual one iteration back
  KSP                ksp;
  PetscInt           lits = 0;
  KSPConvergedReason kr   = KSP_CONVERGED_ITERATING;
  PetscBool          poor;  // the last linear solve needed many iterations or failed

  PetscFunctionBeginUser;
  PetscCall(SNESGetKSP(snes, &ksp));
  if (it > 0) {
    PetscCall(KSPGetIterationNumber(ksp, &lits));
    PetscCall(KSPGetConvergedReason(ksp, &kr));
  }
  poor = (PetscBool)(lits > AZ_NP_REUSE_KRYLOV || kr < 0);
  // stalled: the step did not halve the residual although its linear solve converged (a step from a failed one says
  // nothing about the round-off floor: on the GDE with a Krylov limit of 20, two such steps in a row left the residual
  // just under the floor's estimate and the N2 balance at 2e-6)
  *stalled = (PetscBool)(it > 0 && fnorm > 0.5 * last && kr > 0);
  if (it > 0) {
    if (!p->np->reuse && kr < 0) {
      PC        pc;
      PetscBool lines;
      PetscCall(KSPGetPC(ksp, &pc));
      PetscCall(PetscObjectTypeCompare((PetscObject)pc, PCSHELL, &lines));
      if (lines) {  // a new line preconditioner that GMRES could not converge with: the direct solver from here on, if it fits
        PetscErrorCode ierr;
        PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
        ierr = AzMemoryCheck(p->comm, p->grid.dim, p->grid.M, p->nspecies, AZ_MEMORY_DIRECT);
        PetscCall(PetscPopErrorHandler());
        if (ierr == PETSC_ERR_USER_INPUT) {
          PetscCall(AzPrintf(p->comm,
                             "  the line preconditioner did not converge in %" PetscInt_FMT
                             " Krylov iterations, and a direct factorisation would not fit in memory\n",
                             lits));
          *reason           = SNES_DIVERGED_LINEAR_SOLVE;
          p->np->unsolvable = PETSC_TRUE;
        } else {
          PetscCall(ierr);
          PetscCall(AzPrintf(p->comm,
                             "  the line preconditioner did not converge in %" PetscInt_FMT
                             " Krylov iterations: a direct factorisation from here on\n",
                             lits));
          PetscCall(AzNPDirect(pc));
          p->np->keep_pc = PETSC_TRUE;
        }
      } else
        *reason = SNES_DIVERGED_LINEAR_SOLVE;  // a new factorisation that failed (a zero pivot): Newton ends (the continuation follows)
    }
  }
  // the potential's AMG: new at a Newton solve's start and after a solve that needed many iterations or failed
  if (it == 0 || poor) p->np->amg_refresh = PETSC_TRUE;
  if (it == 0 || (p->np->reuse && poor)) {
    p->np->reuse = PETSC_FALSE;
    PetscCall(SNESSetLagPreconditioner(snes, 1));
  } else if (!p->np->reuse && p->np->keep_pc && fnorm < 1e-2 * last) {
    p->np->reuse = PETSC_TRUE;
    PetscCall(SNESSetLagPreconditioner(snes, -1));
  }
  // The next linear solve's tolerance: Eisenstat and Walker's forcing term (SIAM J. Sci. Comput. 17, 16 (1996), their
  // choice 2: 0.9 (|F_k| / |F_k-1|)^((1 + sqrt 5) / 2)), at most 1e-2 (the first step's) and at least 1e-11. Far from
  // the solution a step's error is its nonlinearity's, and two digits of the linear solve are enough: one or two
  // Krylov iterations instead of six to ten. As Newton turns quadratic the tolerance tightens with it, so the last
  // steps are Newton's and the round-off floor ends them as before. A -ksp_rtol of the command line is kept instead.
  if (!p->np->rtol_given) {
    PetscReal eta = 1e-2;
    if (it > 0) eta = PetscMax(1e-11, PetscMin(1e-2, 0.9 * PetscPowReal(fnorm / last, 1.618)));
    PetscCall(KSPSetTolerances(ksp, eta, PETSC_DEFAULT, PETSC_DEFAULT, PETSC_DEFAULT));
  }
  // progress on a long solve: a line per Newton step once a mesh's solve has run AZ_NP_PROGRESS_S seconds (a 1e6-cell
  // flow cell: 11 steps on the fine mesh in about 95 s, silent before)
  if (it == 0)
    p->np->t_newton = AzWallTime();
  else if (AzWallTime() - p->np->t_newton >= AZ_NP_PROGRESS_S)
    PetscCall(AzPrintf(p->comm,
                       "  Newton step %" PetscInt_FMT " on %" PetscInt_FMT " cells: residual %.3e, %" PetscInt_FMT
                       " Krylov iterations, %.0f s on this mesh\n",
                       it, p->grid.M[0] * p->grid.M[1] * p->grid.M[2], (double)fnorm, lits, AzWallTime() - p->np->t_newton));
  p->np->fnorm_last = fnorm;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Newton evaluates the residual at each new state and then, at the same state, the Jacobian, whose pass over the
// cells computes the residual again: with the ionic model's eight unknowns that second residual was about a tenth of a
// run (1000 x 250 flow cell). Newton's residual evaluations assemble the Jacobian in the same pass, and the Jacobian
// evaluation that follows at the same state (the same values, checked) takes it. Not where a finite-difference
// Jacobian evaluates the residual at perturbed states (-snes_test_jacobian, -snes_fd, -snes_fd_color, -snes_mf*).
PetscErrorCode AzNPFusedFunction(SNES snes, AzProblem *p, Vec X, Vec F, PetscBool *done)
{
  Mat P = NULL;

  PetscFunctionBeginUser;
  *done = PETSC_FALSE;
  if (!snes || !p->np->fuse) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(SNESGetJacobian(snes, NULL, &P, NULL, NULL));
  if (!P) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(VecDestroy(&p->np->fused));
  PetscCall(AzNPFormJacobian(p, X, P, F));
  PetscCall(PetscObjectReference((PetscObject)X));
  p->np->fused     = X;
  p->np->fused_mat = P;
  PetscCall(PetscObjectStateGet((PetscObject)X, &p->np->fused_state));
  PetscCall(PetscObjectStateGet((PetscObject)P, &p->np->fused_mat_state));
  *done = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Whether the pending evaluation still holds: its vector's (and, with P, its matrix's) state unchanged since, and X's
// values its vector's. The pending evaluation is released either way.
static PetscErrorCode AzNPFusedHolds(AzProblem *p, Vec X, Mat P, PetscBool *same)
{
  PetscObjectState state, mstate = p->np->fused_mat_state;

  PetscFunctionBeginUser;
  PetscCall(PetscObjectStateGet((PetscObject)p->np->fused, &state));
  if (P) PetscCall(PetscObjectStateGet((PetscObject)P, &mstate));
  *same = (PetscBool)(state == p->np->fused_state && (!P || (P == p->np->fused_mat && mstate == p->np->fused_mat_state)));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, same, 1, MPIU_BOOL, MPI_LAND, p->comm));
  if (*same) PetscCall(VecEqual(X, p->np->fused, same));
  PetscCall(VecDestroy(&p->np->fused));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzNPFusedJacobian(AzProblem *p, Vec X, Mat P, PetscBool *done)
{
  PetscFunctionBeginUser;
  *done = PETSC_FALSE;
  if (p->np->fused) PetscCall(AzNPFusedHolds(p, X, P, done));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The line search evaluated the residual at its trial vector and copied that into the solution; the trial vector is
// about to serve as scratch (AzConvergedFloor): the evaluation's state moves to the solution, which holds its values.
PetscErrorCode AzNPFusedHandOver(AzProblem *p, Vec from, Vec to)
{
  PetscBool same;

  PetscFunctionBeginUser;
  if (!p->np || !p->np->fused || p->np->fused != from || from == to) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(AzNPFusedHolds(p, to, NULL, &same));
  if (!same) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscObjectReference((PetscObject)to));
  p->np->fused = to;
  PetscCall(PetscObjectStateGet((PetscObject)to, &p->np->fused_state));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzNPSNESDefaults(SNES snes, AzProblem *p)
{
  SNESLineSearch ls;
  KSP            ksp;
  PC             pc;

  PetscFunctionBeginUser;
  PetscCall(SNESGetLineSearch(snes, &ls));
  PetscCall(SNESLineSearchSetPreCheck(ls, AzNPPreCheck, p));
  // Newton from the bulk state: the residual grows on the way (the surface's pH swings by several units), which is no
  // divergence; clipped steps need more iterations than the dilute model's
  // (no relative tolerance: the round-off floor of AzConvergedFloor ends it, charge conserved to 1e-14 of the current)
  PetscCall(SNESSetDivergenceTolerance(snes, -1));
  PetscCall(SNESSetTolerances(snes, 0.0, 0.0, 0.0, 100, 10000));
  // a GMRES solve that stops at its iteration limit with a kept preconditioner still gives a step; the next one is
  // made with a new preconditioner (AzNPNewtonCheck, which turns to the direct solver where a new line
  // preconditioner fails, and ends Newton where a new factorisation fails)
  PetscCall(SNESSetMaxLinearSolveFailures(snes, 100));
  // The linear solve: GMRES on the line preconditioner (solver/nplines.c: AMG on the potential's block, then block
  // Gauss-Seidel by lines of cells across the channel), 1-2 iterations per Newton step on the flow cell. Point
  // smoothers do not work here: fast bulk reactions couple the ions of a cell a million times more strongly than
  // transport couples cells, the unknowns span eleven decades, and the graded mesh's cells at an electrode are
  // hundreds of times wider than high (BoomerAMG, block ILU, additive Schwarz, a field split by species and a two-level
  // multigrid all stagnated: docs/ionic.md). -pc_type lu chooses the sparse direct factorisation (MUMPS where PETSc
  // has it), which the solve also turns to where the line preconditioner fails.
  PetscCall(SNESGetKSP(snes, &ksp));
  PetscCall(KSPGetPC(ksp, &pc));
  PetscCall(KSPSetType(ksp, KSPGMRES));
  p->np->keep_pc = PETSC_TRUE;  // (the line preconditioner's coarse correction turns it off)
  // a restart after 15 iterations: the basis is the largest array of a 1e6-cell run (64 B per cell and iteration with
  // 8 unknowns); there, 15 instead of PETSc's 30 took the peak from 6.3 to 5.4 kB per cell, at the same iteration counts
  PetscCall(KSPGMRESSetRestart(ksp, 15));
  PetscCall(KSPSetTolerances(ksp, 1e-11, 0.0, PETSC_DEFAULT, AZ_NP_KRYLOV_MAX));
  PetscCall(PetscOptionsHasName(NULL, NULL, "-ksp_rtol", &p->np->rtol_given));
  {
    const char *fd[] = {"-snes_test_jacobian", "-snes_fd", "-snes_fd_color", "-snes_mf", "-snes_mf_operator"};
    p->np->fuse      = PETSC_TRUE;
    for (size_t n = 0; n < sizeof(fd) / sizeof(fd[0]); n++) {
      PetscBool set;
      PetscCall(PetscOptionsHasName(NULL, NULL, fd[n], &set));
      if (set) p->np->fuse = PETSC_FALSE;
    }
  }
  PetscCall(AzNPLinesCreate(p, pc));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// q's solution (the same cell on a coarser mesh) interpolated into p->c: in each direction linearly between q's cell
// centres (constant beyond the outermost ones), the ions in their logarithms, the other unknowns themselves.
static PetscErrorCode AzNPInterpolate(const AzProblem *q, AzProblem *p)
{
  const AzGrid    *gq = &q->grid, *gp = &p->grid;
  const PetscInt   dof = p->nspecies;
  Vec              nat, all;
  VecScatter       sc;
  const PetscReal *a;
  PetscReal       *x, *w[3];
  PetscInt        *lo[3];

  PetscFunctionBeginUser;
  PetscCheck(q->nspecies == dof, PETSC_COMM_SELF, PETSC_ERR_PLIB,
             "coarse problem of %" PetscInt_FMT " unknowns per cell, not %" PetscInt_FMT, q->nspecies, dof);
  PetscCall(DMDACreateNaturalVector(gq->da, &nat));
  PetscCall(DMDAGlobalToNaturalBegin(gq->da, q->c, INSERT_VALUES, nat));
  PetscCall(DMDAGlobalToNaturalEnd(gq->da, q->c, INSERT_VALUES, nat));
  PetscCall(VecScatterCreateToAll(nat, &sc, &all));
  PetscCall(VecScatterBegin(sc, nat, all, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecScatterEnd(sc, nat, all, INSERT_VALUES, SCATTER_FORWARD));
  for (PetscInt d = 0; d < 3; d++) {  // per owned index of p: q's centre at or below it, and the weight of the next
    PetscCall(PetscMalloc2(gp->xm[d], &lo[d], gp->xm[d], &w[d]));
    for (PetscInt i = 0; i < gp->xm[d]; i++) {
      const PetscReal xc = gp->xc[d][gp->xs[d] + i];
      PetscInt        l  = 0;
      while (l + 2 < gq->M[d] && gq->xc[d][l + 1] <= xc) l++;
      lo[d][i] = l;
      w[d][i]  = gq->M[d] < 2 ? 0 : PetscMin(1.0, PetscMax(0.0, (xc - gq->xc[d][l]) / (gq->xc[d][l + 1] - gq->xc[d][l])));
    }
  }
  PetscCall(VecGetArrayRead(all, &a));
  PetscCall(VecGetArray(p->c, &x));
  AzForOwnedCells(gp, i, j, k)
  {
    const PetscInt  ii = i - gp->xs[0], jj = j - gp->xs[1], kk = k - gp->xs[2];
    const PetscInt  o    = ((kk * gp->xm[1] + jj) * gp->xm[0] + ii) * dof;
    const PetscInt *l[3] = {&lo[0][ii], &lo[1][jj], &lo[2][kk]};
    const PetscReal t[3] = {w[0][ii], w[1][jj], w[2][kk]};
    for (PetscInt s = 0; s < dof; s++) {
      PetscReal v = 0;
      for (PetscInt corner = 0; corner < 8; corner++) {
        PetscReal wt = 1;
        PetscInt  ix[3];
        for (PetscInt d = 0; d < 3; d++) {
          const PetscInt up = (corner >> d) & 1;
          wt *= up ? t[d] : 1 - t[d];
          ix[d] = PetscMin(*l[d] + up, gq->M[d] - 1);
        }
        if (wt == 0) continue;
        const PetscReal cq = a[((ix[2] * gq->M[1] + ix[1]) * gq->M[0] + ix[0]) * dof + s];
        v += wt * (p->np->ion[s] ? PetscLogReal(PetscMax(cq, 1e-40)) : cq);
      }
      x[o + s] = p->np->ion[s] ? PetscExpReal(v) : v;
    }
  }
  PetscCall(VecRestoreArray(p->c, &x));
  PetscCall(VecRestoreArrayRead(all, &a));
  for (PetscInt d = 0; d < 3; d++) PetscCall(PetscFree2(lo[d], w[d]));
  PetscCall(VecScatterDestroy(&sc));
  PetscCall(VecDestroy(&all));
  PetscCall(VecDestroy(&nat));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The coarse start: Newton's way from the bulk state to the electrode's pH (a dozen steps, the ions' steps clipped to
// e^2 and their residual growing on the way) is walked on the same cell with half the cells per direction, each step
// a fraction of a fine factorisation's cost; the fine solve then starts from that solution interpolated. Directions of
// fewer than 2 AZ_NP_COARSE_N cells are kept, and meshes under mesh_coarse_start cells start from the bulk. The
// converged fine solution does not depend on the start (Newton ends at the same round-off floor).
#define AZ_NP_COARSE_N 16

PetscErrorCode AzIonicCoarseStart(AzCase c, AzProblem *p)
{
  const AzGrid  *g = &p->grid;
  AzProblem      q;
  PetscInt       Mc[3], saved[3], its;
  char           mesh[64];
  double         cells = (double)g->M[0] * g->M[1] * g->M[2], coarse = 1;
  PetscLogDouble t0 = AzWallTime();
  PetscErrorCode ierr;

  PetscFunctionBeginUser;
  if (!p->np || p->electrode.mode != AZ_ELECTRODE_POTENTIOSTATIC || p->anode_area > 0 || !c->mesh.coarse_start ||
      cells < c->mesh.coarse_start)
    PetscFunctionReturn(PETSC_SUCCESS);  // (a full cell's gauge moves its potentials between the two solves)
  for (PetscInt d = 0; d < 3; d++) {
    Mc[d] = d < g->dim && g->M[d] >= 2 * AZ_NP_COARSE_N ? (g->M[d] + 1) / 2 : g->M[d];
    coarse *= Mc[d];
  }
  if (2 * coarse > cells) PetscFunctionReturn(PETSC_SUCCESS);
  if (g->dim == 3)
    PetscCall(PetscSNPrintf(mesh, sizeof(mesh), "%" PetscInt_FMT " x %" PetscInt_FMT " x %" PetscInt_FMT, Mc[0], Mc[1], Mc[2]));
  else
    PetscCall(PetscSNPrintf(mesh, sizeof(mesh), "%" PetscInt_FMT " x %" PetscInt_FMT, Mc[0], Mc[1]));
  PetscCall(PetscMemzero(&q, sizeof(q)));
  q.comm = c->comm;
  for (PetscInt d = 0; d < 3; d++) {
    saved[d] = c->mesh.n[d];
    if (d < g->dim) c->mesh.n[d] = Mc[d];
  }
  ierr = c->ops.setup(c, &q);
  for (PetscInt d = 0; d < 3; d++) c->mesh.n[d] = saved[d];
  if (ierr) PetscCall(AzProblemDestroy(&q));
  PetscCall(ierr);
  PetscCall(AzCaseResolveMesh(c, g->M, NULL));  // the inputs written with the results keep the fine mesh
  PetscCall(AzProblemSetUpSolver(&q));
  PetscCall(AzIonicCoarseStart(c, &q));
  its          = q.newton_its;
  q.np->coarse = PETSC_TRUE;
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));  // a coarse mesh that fails leaves the bulk start
  ierr = AzProblemSolve(&q);
  PetscCall(PetscPopErrorHandler());
  if (ierr == PETSC_ERR_NOT_CONVERGED) {
    PetscCall(AzPrintf(c->comm, "  coarse start: no convergence on %s cells; the solve starts from the bulk\n", mesh));
    PetscCall(AzProblemDestroy(&q));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  if (ierr) {
    PetscCall(AzProblemDestroy(&q));
    SETERRQ(c->comm, ierr,
            "the coarse start (-mesh_coarse_start = %" PetscInt_FMT
            ") failed on %s cells (PETSc error %d); set mesh_coarse_start 0 to "
            "start from the bulk",
            c->mesh.coarse_start, mesh, (int)ierr);
  }
  PetscCall(AzNPInterpolate(&q, p));
  p->newton_its += q.newton_its;
  p->krylov_its += q.krylov_its;
  PetscCall(AzPrintf(c->comm, "  coarse start: %s cells, %" PetscInt_FMT " Newton iterations\n", mesh, q.newton_its - its));
  PetscCall(AzProblemDestroy(&q));
  p->solve_time += AzWallTime() - t0;
  PetscFunctionReturn(PETSC_SUCCESS);
}
