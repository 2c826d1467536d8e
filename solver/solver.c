// The nonlinear and linear solvers: Newton with the convergence floor of the discrete balances, BiCGStab or GMRES with
// BoomerAMG, the full cell's gauge, and the continuation in the exchange current densities.
#include <azote/private/npimpl.h>

// A PETSc option's default where the user gave none (hypre's options exist only in the options database). A default
// may differ between the problems of one process (a 2-D and a 3-D problem): the names set here are remembered, and
// only an option the user gave is left alone.
static PetscErrorCode AzOptionsDefault(const char name[], const char value[])
{
  static const char *ours[16];
  static int         nours = 0;
  PetscBool          set, mine = PETSC_FALSE;

  PetscFunctionBeginUser;
  for (int i = 0; i < nours; i++) mine = (PetscBool)(mine || !strcmp(ours[i], name));
  PetscCall(PetscOptionsHasName(NULL, NULL, name, &set));
  if (set && !mine) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscOptionsSetValue(NULL, name, value));
  if (!mine) {
    PetscCheck(nours < 16, PETSC_COMM_SELF, PETSC_ERR_PLIB, "too many option defaults");
    ours[nours++] = name;  // a string literal
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Newton stops at rtol of the initial residual, or at the round-off floor of the discrete balances, species by
// species: when the residual of every species is below 1e-12 of ||diag(J) x|| over that species, the size of the
// largest terms it sums (diffusive exchange in a gas-filled layer can exceed the reaction by 1e8, and no iteration
// can reduce the residual below its round-off), plus 1e-16 of that measure over all unknowns (a species whose values
// are all near zero). The charge rows (whose sum is the charge balance, its terms cancelling) are held to 1e-14 of
// diag(J) times the electrodes' potentials, and Newton then goes on while the residual still halves per step.
static PetscErrorCode AzConvergedFloor(SNES snes, PetscInt it, PetscReal xnorm, PetscReal gnorm, PetscReal fnorm,
                                       SNESConvergedReason *reason, void *ctx)
{
  PetscFunctionBeginUser;
  AzProblem *p = (AzProblem *)ctx;

  PetscBool stalled = PETSC_TRUE;
  PetscCall(SNESConvergedDefault(snes, it, xnorm, gnorm, fnorm, reason, ctx));
  if (p->np) PetscCall(AzNPNewtonCheck(snes, p, it, fnorm, &stalled, reason));  // the ionic model's (solver/npsolve.c)
  if (it == 0) p->fnorm0 = fnorm, p->fnorm_prev = PETSC_MAX_REAL;
  // the floor only ends an iteration whose residual has not grown since its start
  // (or where the start was at the floor already: a thin layer's slow kinetics, whose residual is round-off from the
  // first evaluation, and whose steps only move it within that round-off; the ionic model's bulk state with no current,
  // whose first step multiplies the round-off by 50: its floor is checked at every iteration, the start's against it)
  if (*reason == SNES_CONVERGED_ITERATING && it > 0 && (fnorm <= 16 * p->fnorm0 || p->np)) {
    Mat            J;
    Vec            X, F, d, w = NULL;
    SNESLineSearch ls;
    PetscInt       bs;
    PetscReal      fn[AZ_MAX_SPECIES], fl[AZ_MAX_SPECIES], total, dphi = 0;
    PetscBool      below = PETSC_TRUE;
    PetscCall(SNESGetJacobian(snes, &J, NULL, NULL, NULL));
    PetscCall(SNESGetSolution(snes, &X));
    PetscCall(SNESGetFunction(snes, &F, NULL, NULL));
    // the scratch vector: the line search's trial state, free once the step is taken (a vector of its own here would
    // add 8 B per cell and species to the peak memory, the linear solver's vectors being still allocated)
    PetscCall(SNESGetLineSearch(snes, &ls));
    PetscCall(SNESLineSearchGetVecs(ls, NULL, NULL, NULL, &w, NULL));
    if (w) PetscCall(AzNPFusedHandOver(p, w, X));  // (the ionic model's Jacobian assembled with the residual at w)
    if (w)
      d = w;
    else
      PetscCall(VecDuplicate(X, &d));
    PetscCall(MatGetDiagonal(J, d));
    if (p->s_phi >= 0) {  // the potential's terms have the size of diag(J) times the electrodes' potentials, not phi_l's
      PetscCall(VecStrideNorm(d, p->s_phi, NORM_2, &dphi));
      dphi *= PetscMax(1.0, PetscMax(PetscAbsReal(p->electrode.potential), PetscAbsReal(p->anode.potential)));
    }
    if (p->np)
      PetscCall(AzNPFloorScale(p, X, d));
    else
      PetscCall(VecPointwiseMult(d, d, X));
    PetscCall(VecNorm(d, NORM_2, &total));
    PetscCall(VecGetBlockSize(X, &bs));
    PetscCheck(bs <= AZ_MAX_SPECIES, PETSC_COMM_SELF, PETSC_ERR_PLIB, "block size %" PetscInt_FMT, bs);
    PetscCall(VecStrideNormAll(F, NORM_2, fn));
    PetscCall(VecStrideNormAll(d, NORM_2, fl));
    if (d != w) PetscCall(VecDestroy(&d));
    if (p->s_phi >= 0) fl[p->s_phi] = PetscMax(fl[p->s_phi], dphi);
    PetscReal       floor2 = 0;  // the floor over all rows, for the start's residual
    const PetscReal loose  = p->np && p->np->coarse ? AZ_NP_COARSE_FLOOR : 1;
    for (PetscInt s = 0; s < bs; s++) {
      const PetscReal f = loose * ((s == p->s_phi ? 1e-14 : 1e-12) * fl[s] + 1e-16 * total);
      below             = (PetscBool)(below && fn[s] <= f);
      floor2 += f * f;
    }
    below = (PetscBool)(below && (fnorm <= 16 * p->fnorm0 || p->fnorm0 <= PetscSqrtReal(floor2)));
    // With the electrolyte potential, below the floor Newton stops only once the residual no longer falls by half a
    // step: the last quadratic steps still gain digits in the charge balance (the sum of the charge rows), whose
    // terms cancel.
    if (below && (loose > 1 || (((p->s_phi < 0 && !p->newton_stagnation) || fnorm > 0.5 * p->fnorm_prev) && stalled)))
      *reason = SNES_CONVERGED_FNORM_ABS;
  }
  p->fnorm_prev = fnorm;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// BiCGStab's 6 work vectors exist only during a linear solve: allocated before it (ctx: 6), freed after it (ctx: 0).
// Kept, they would add 48 B per cell to the peak memory, which falls in the residual evaluation of the line search
// that follows the solve (the AMG hierarchy still held).
static const PetscInt az_bcgs_work[2] = {6, 0};

static PetscErrorCode AzKrylovWork(KSP ksp, Vec b, Vec x, void *ctx)
{
  PetscBool bcgs;

  PetscFunctionBeginUser;
  PetscCall(PetscObjectTypeCompare((PetscObject)ksp, KSPBCGS, &bcgs));
  if (bcgs) PetscCall(KSPSetWorkVecs(ksp, *(const PetscInt *)ctx));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzSNESSetDefaults(SNES snes, AzProblem *p)
{
  KSP            ksp;
  PC             pc;
  SNESLineSearch ls;

  PetscFunctionBeginUser;
  // Defaults (the command line overrides): Newton with full steps, the linear solve tight enough that the
  // discrete conservation error stays below 1e-8 of the inflow.
  PetscCall(SNESSetType(snes, SNESNEWTONLS));
  PetscCall(SNESGetLineSearch(snes, &ls));
  PetscCall(SNESLineSearchSetType(ls, SNESLINESEARCHBASIC));
  PetscCall(SNESSetTolerances(snes, 0.0, 1e-18, 0.0, 50, 1000));
  PetscCall(SNESSetConvergenceTest(snes, AzConvergedFloor, p, NULL));
  PetscCall(SNESGetKSP(snes, &ksp));
  // One unknown per cell (advection-diffusion-reaction of dissolved N2): BiCGStab, whose 6 work vectors do not grow
  // with the iterations (GMRES keeps one per iteration, 15 on a 1e6-cell flow cell: 120 B per cell). Coupled systems
  // (several species, the electrolyte potential): GMRES, whose residual never grows.
  PetscCall(KSPSetType(ksp, p->nspecies == 1 ? KSPBCGS : KSPGMRES));
  PetscCall(KSPSetPCSide(ksp, PC_RIGHT));  // the Krylov tolerance then bounds the true residual
  PetscCall(KSPSetPreSolve(ksp, AzKrylovWork, (void *)&az_bcgs_work[0]));
  PetscCall(KSPSetPostSolve(ksp, AzKrylovWork, (void *)&az_bcgs_work[1]));
  PetscCall(KSPSetTolerances(ksp, 1e-11, 0.0, PETSC_DEFAULT, 500));
  PetscCall(KSPGetPC(ksp, &pc));
#if defined(PETSC_HAVE_HYPRE)
  PetscCall(PCSetType(pc, PCHYPRE));
  PetscCall(PCHYPRESetType(pc, "boomeramg"));
  // HMIS coarsening with extended+i interpolation (at most 4 weights per row) keeps the hierarchy lean on these
  // advection-diffusion matrices: on the 1e6-cell flow cell it needs 35 % less time than the default Falgout
  // coarsening. The smoother sweeps all points in one pass rather than C points then F points: half the passes over
  // the rows (and half the halo exchanges) per sweep, and 8 V-cycles instead of 11 on the 2-D case. In 3-D, where
  // the coarse operators grow denser, aggressive coarsening of the first level and at most 2 weights per row: on the
  // 1e6-cell 3-D flow cell the hierarchy needs 100 B per cell less (12 BiCGStab iterations instead of 5, about the
  // same time). No smoothing on the way down, one symmetric sweep on the way up: each V-cycle costs about two thirds,
  // and the 1e6-cell flow cells need 6 BiCGStab iterations instead of 4 (2-D) and 16 instead of 13 (3-D), the linear
  // solve about 15 % less time in interleaved runs (the 3-D default case and the H-cell likewise).
  PetscCall(AzOptionsDefault("-pc_hypre_boomeramg_coarsen_type", "HMIS"));
  PetscCall(AzOptionsDefault("-pc_hypre_boomeramg_interp_type", "ext+i"));
  PetscCall(AzOptionsDefault("-pc_hypre_boomeramg_P_max", p->grid.dim == 3 ? "2" : "4"));
  PetscCall(AzOptionsDefault("-pc_hypre_boomeramg_agg_nl", p->grid.dim == 3 ? "1" : "0"));
  PetscCall(AzOptionsDefault("-pc_hypre_boomeramg_no_CF", "true"));
  PetscCall(AzOptionsDefault("-pc_hypre_boomeramg_grid_sweeps_down", "0"));
#else
  PetscCall(PCSetType(pc, PCGAMG));
#endif
  if (p->np) PetscCall(AzNPSNESDefaults(snes, p));  // the ionic model's (solver/npsolve.c)
#if defined(PETSC_HAVE_MUMPS)
  // its -pc_type lu: MUMPS's factorisation, which pivots (PETSc's own LU meets zero pivots on the ionic Jacobian)
  if (p->np) PetscCall(AzOptionsDefault("-pc_factor_mat_solver_type", MATSOLVERMUMPS));
#endif
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemSetUpSolver(AzProblem *p)
{
  Mat H;

  PetscFunctionBeginUser;
  if (p->np) PetscCall(AzNPSetUpFill(p));  // before any matrix: the couplings of the electrodes set up after the grid
  PetscCall(SNESCreate(p->comm, &p->snes));
  PetscCall(SNESSetDM(p->snes, p->grid.da));
  PetscCall(SNESSetFunction(p->snes, NULL, AzFormFunction, p));
  PetscCall(SNESSetJacobian(p->snes, NULL, NULL, AzFormJacobian, p));  // the matrix: below, or the DM's at set-up
  PetscCall(AzSNESSetDefaults(p->snes, p));
  PetscCall(SNESSetFromOptions(p->snes));
  PetscCall(AzSNESFitKrylov(p->snes));
  PetscCall(AzProblemCreateJacobianMatrix(p, &H));
  if (H) {
    PetscCall(SNESSetJacobian(p->snes, H, H, NULL, NULL));
    PetscCall(MatDestroy(&H));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Current density (A m^-2, cathodic positive) of electrode e at E - phi = u, its reactant at c and the solved products
// absent.
static PetscReal AzElectrodeCurrentAt(const AzElectrode *e, PetscReal c, PetscReal u, PetscReal T)
{
  const PetscReal none[AZ_MAX_UNKNOWNS] = {0};
  PetscReal       sum                   = 0;
  for (PetscInt n = 0; n < e->nreaction; n++) {
    const AzReaction *r = &e->reaction[n];
    PetscReal         i;
    AzReactionCurrent(r, r->reactant >= 0 ? c : r->c_r_bulk, u, T, AzReactionLnQ(r, none), &i, NULL, NULL, NULL);
    sum += i;
  }
  return sum;
}

// Total current (A, cathodic positive) of both electrodes of a full cell at a uniform electrolyte potential phi, the
// reactants at the bulk concentration of the working electrode's: increasing in phi.
static PetscReal AzFullCellCurrent(const AzProblem *p, PetscReal phi)
{
  return p->electrode_area * AzElectrodeCurrentAt(&p->electrode, p->bulk, p->electrode.potential - phi, p->T) +
         p->anode_area * AzElectrodeCurrentAt(&p->anode, p->bulk, p->anode.potential - phi, p->T);
}

PetscErrorCode AzProblemGaugeFullCell(AzProblem *p)
{
  PetscReal lo = -1, hi = 1, phi0;

  PetscFunctionBeginUser;
  if (p->anode_area <= 0 || p->electrode.mode != AZ_ELECTRODE_POTENTIOSTATIC || p->anode.mode != AZ_ELECTRODE_POTENTIOSTATIC)
    PetscFunctionReturn(PETSC_SUCCESS);
  // the uniform potential at which the electrodes' kinetic currents balance, by bisection
  for (PetscInt it = 0; it < 60 && AzFullCellCurrent(p, lo) > 0; it++) lo = 2 * lo - 1;
  for (PetscInt it = 0; it < 60 && AzFullCellCurrent(p, hi) < 0; it++) hi = 2 * hi + 1;
  for (PetscInt it = 0; it < 200 && hi - lo > 1e-12; it++) {
    const PetscReal mid = 0.5 * (lo + hi);
    if (AzFullCellCurrent(p, mid) < 0)
      lo = mid;
    else
      hi = mid;
  }
  phi0 = 0.5 * (lo + hi);
  if (!(PetscAbsReal(phi0) < 1e3)) PetscFunctionReturn(PETSC_SUCCESS);  // no balance found: leave the gauge
  p->electrode.potential -= phi0;
  p->anode.potential -= phi0;
  if (p->c && p->newton_its == 0)
    PetscCall(VecStrideSet(p->c, p->s_phi, 0));  // a first solve starts at the balance
  else if (p->c) {                               // a later one from the last solution, in the new gauge
    PetscInt   n, bs = p->nspecies;
    PetscReal *x;
    PetscCall(VecGetLocalSize(p->c, &n));
    PetscCall(VecGetArray(p->c, &x));
    for (PetscInt i = p->s_phi; i < n; i += bs) x[i] -= phi0;
    PetscCall(VecRestoreArray(p->c, &x));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// One Newton solve from the current p->c; *reason says how it ended.
static PetscErrorCode AzProblemNewton(AzProblem *p, SNESConvergedReason *reason)
{
  PetscInt       its, lits;
  PetscLogDouble t0 = AzWallTime();

  PetscFunctionBeginUser;
  if (p->np) PetscCall(AzNPLogBegin(p));
  PetscCall(SNESSolve(p->snes, NULL, p->c));
  if (p->np) PetscCall(AzNPLogEnd(p));
  PetscCall(SNESGetConvergedReason(p->snes, reason));
  PetscCall(SNESGetIterationNumber(p->snes, &its));
  PetscCall(SNESGetLinearSolveIterations(p->snes, &lits));
  p->newton_its += its;
  p->krylov_its += lits;
  p->solve_time += AzWallTime() - t0;
  if (*reason > 0) {  // a converged iterate must also be physical
    PetscReal cmin;
    PetscCall(AzProblemMinConcentration(p, &cmin));
    if (PetscIsInfOrNanReal(cmin) || cmin < -1e-8 * p->bulk) *reason = SNES_DIVERGED_FUNCTION_DOMAIN;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Every exchange current density of both electrodes times s.
static void AzProblemScaleKinetics(AzProblem *p, PetscReal s)
{
  AzElectrode *e[2] = {&p->electrode, &p->anode};
  for (PetscInt k = 0; k < 2; k++)
    for (PetscInt n = 0; n < e[k]->nreaction; n++) e[k]->reaction[n].i0 *= s;
}

// Newton; where it fails on a kinetic electrode, continuation: from the start state, the exchange currents are
// scaled by lambda = 1e-8 (nearly no reaction: a nearly linear problem) and raised toward 1 by decades, each solve
// starting from the last, the step halved (in log lambda) whenever one fails, down to 1/64 of a decade.
PetscErrorCode AzProblemSolve(AzProblem *p)
{
  SNESConvergedReason reason;
  Vec                 start  = NULL, last;
  PetscReal           lambda = 1e-8, step = 1;  // step in log10(lambda)
  const PetscBool     kinetic = (PetscBool)(p->electrode.mode == AZ_ELECTRODE_POTENTIOSTATIC);

  PetscFunctionBeginUser;
  PetscCall(AzProblemGaugeFullCell(p));
  if (kinetic) {  // the start state, kept only where a continuation could use it
    PetscCall(VecDuplicate(p->c, &start));
    PetscCall(VecCopy(p->c, start));
  }
  PetscCall(AzProblemNewton(p, &reason));
  if (p->np && p->np->unsolvable) {  // no linear solver for it: a continuation would meet the same systems
    PetscCall(VecDestroy(&start));
    SETERRQ(p->comm, PETSC_ERR_NOT_CONVERGED,
            "the ionic model's linear systems could not be solved: GMRES on the line preconditioner did not converge, and a "
            "direct factorisation would not fit in memory (docs/ionic.md, \"Linear solver\"); use fewer cells, or more nodes");
  }
  if (reason > 0 || !kinetic) {
    PetscCall(VecDestroy(&start));
    PetscCheck(reason > 0, p->comm, PETSC_ERR_NOT_CONVERGED, "the Newton solve did not converge (%s)", SNESConvergedReasons[reason]);
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(
      AzPrintf(p->comm, "  Newton did not converge (%s): continuation in the exchange current densities\n", SNESConvergedReasons[reason]));
  PetscCall(VecDuplicate(p->c, &last));
  PetscCall(VecCopy(start, p->c));
  AzProblemScaleKinetics(p, lambda);
  PetscCall(AzProblemNewton(p, &reason));
  while (reason > 0 && lambda < 1) {
    const PetscReal next = PetscMin(1.0, lambda * PetscPowReal(10.0, step));
    PetscCall(VecCopy(p->c, last));
    AzProblemScaleKinetics(p, next / lambda);
    PetscCall(AzProblemNewton(p, &reason));
    p->continuation_steps++;
    if (reason > 0) {
      lambda = next;
      continue;
    }
    AzProblemScaleKinetics(p, lambda / next);  // back to the last converged state, a shorter step
    PetscCall(VecCopy(last, p->c));
    step /= 2;
    reason = step >= 1.0 / 64 ? SNES_CONVERGED_FNORM_ABS : SNES_DIVERGED_MAX_IT;  // try again, or give up
  }
  if (lambda < 1) AzProblemScaleKinetics(p, 1 / lambda);  // the case's kinetics, whatever happened
  PetscCall(VecDestroy(&start));
  PetscCall(VecDestroy(&last));
  PetscCheck(
      reason > 0 && lambda >= 1, p->comm, PETSC_ERR_NOT_CONVERGED,
      "the Newton solve at E = %g V vs RHE did not converge, not even by continuation in the exchange current densities (stopped at %g "
      "of them after %" PetscInt_FMT " steps)%s",
      (double)p->electrode.potential, (double)lambda, p->continuation_steps,
      p->np ? ": with the ionic model, most likely a current past an ion's transport limit (H+ in an acid, or a salt without "
              "support); try a less negative potential, a supporting electrolyte or a buffer (docs/ionic.md)"
            : "");
  PetscCall(AzPrintf(p->comm, "  continuation: converged in %" PetscInt_FMT " steps\n", p->continuation_steps));
  PetscFunctionReturn(PETSC_SUCCESS);
}
