// The analytic Jacobian against finite differences, entry by entry and scaled row by row, so that a wrong small term
// (a coupling between dissolved and gas-phase N2, an electrode derivative) cannot hide behind the large diffusive
// conductances of a gas-filled layer as it can in a whole-matrix norm such as -snes_test_jacobian's.
// Each configuration is solved on a small grid, its state perturbed (so that every nonlinear term is away from a
// special value), and the assembled Jacobian compared with PETSc's column-by-column finite-difference Jacobian:
// max_ij |J_ij - Jfd_ij| / max_j |J_ij| must stay below 1e-5 (Jfd: two step sizes, Richardson-extrapolated; what is
// left of the differences' truncation and round-off is below 1e-6 here).
// Configurations whose residual is affine in the unknowns (first-order kinetics, limiting mode) get a sharper check,
// one species at a time: F(x + d) - F(x) = J d exactly for a perturbation d of species t only (10 % of its largest
// value, everywhere), row by row
// relative to sum_j |J_ij d_j|, the size of species t's own contributions to the row; a 1 % error in a coupling
// between dissolved and gas-phase N2 fails it by 1e4. Run on 1 and on 3 ranks: the columns owned by another rank are
// built into the pattern, and written into hypre's matrix, apart from the others.
#include "azcase.h"
#include "../unit/aztest.h"

// Species by species: F(x + d_t) - F(x) against J d_t in every row, relative to |J| d_t.
static PetscErrorCode CheckAffine(AzProblem *p, Mat J, Vec X, PetscReal *worst)
{
  Vec        d, Xd, F0, F1, Jd, Ad;
  Mat        A;
  PetscInt   n;
  PetscReal *a;

  PetscFunctionBeginUser;
  PetscCall(MatConvert(J, MATAIJ, MAT_INITIAL_MATRIX, &A));  // |J| (J is hypre's matrix under BoomerAMG)
  {
    Mat       part[2] = {A, NULL};  // serial: the matrix; parallel: its diagonal and off-diagonal blocks
    PetscBool mpi;
    PetscCall(PetscObjectTypeCompare((PetscObject)A, MATMPIAIJ, &mpi));
    if (mpi) PetscCall(MatMPIAIJGetSeqAIJ(A, &part[0], &part[1], NULL));
    for (PetscInt b = 0; b < 2 && part[b]; b++) {
      MatInfo info;
      PetscCall(MatGetInfo(part[b], MAT_LOCAL, &info));
      PetscCall(MatSeqAIJGetArray(part[b], &a));
      for (PetscInt k = 0; k < (PetscInt)info.nz_used; k++) a[k] = PetscAbsReal(a[k]);
      PetscCall(MatSeqAIJRestoreArray(part[b], &a));
    }
  }
  PetscCall(VecDuplicate(X, &d));
  PetscCall(VecDuplicate(X, &Xd));
  PetscCall(VecDuplicate(X, &F0));
  PetscCall(VecDuplicate(X, &F1));
  PetscCall(VecDuplicate(X, &Jd));
  PetscCall(VecDuplicate(X, &Ad));
  PetscCall(VecGetLocalSize(X, &n));
  PetscCall(AzFormFunction(p->snes, X, F0, p));
  for (PetscInt t = 0; t < p->nspecies; t++) {
    const PetscScalar *x, *f0, *f1, *jd, *ad;
    PetscScalar       *dd;
    PetscReal          xmax = 0;
    PetscCall(VecGetArrayRead(X, &x));
    for (PetscInt i = t; i < n; i += p->nspecies) xmax = PetscMax(xmax, PetscAbsScalar(x[i]));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &xmax, 1, MPIU_REAL, MPIU_MAX, PETSC_COMM_WORLD));  // the same d on any ranks
    PetscCall(VecGetArray(d, &dd));
    for (PetscInt i = 0; i < n; i++) dd[i] = i % p->nspecies == t ? 0.1 * xmax : 0;
    PetscCall(VecRestoreArray(d, &dd));
    PetscCall(VecRestoreArrayRead(X, &x));
    PetscCall(VecWAXPY(Xd, 1.0, X, d));
    PetscCall(AzFormFunction(p->snes, Xd, F1, p));
    PetscCall(MatMult(J, d, Jd));
    PetscCall(MatMult(A, d, Ad));
    PetscCall(VecGetArrayRead(F0, &f0));
    PetscCall(VecGetArrayRead(F1, &f1));
    PetscCall(VecGetArrayRead(Jd, &jd));
    PetscCall(VecGetArrayRead(Ad, &ad));
    for (PetscInt i = 0; i < n; i++)
      if (ad[i] > 0) *worst = PetscMax(*worst, PetscAbsReal(f1[i] - f0[i] - jd[i]) / ad[i]);
    PetscCall(VecRestoreArrayRead(F0, &f0));
    PetscCall(VecRestoreArrayRead(F1, &f1));
    PetscCall(VecRestoreArrayRead(Jd, &jd));
    PetscCall(VecRestoreArrayRead(Ad, &ad));
  }
  PetscCall(VecDestroy(&d));
  PetscCall(VecDestroy(&Xd));
  PetscCall(VecDestroy(&F0));
  PetscCall(VecDestroy(&F1));
  PetscCall(VecDestroy(&Jd));
  PetscCall(VecDestroy(&Ad));
  PetscCall(MatDestroy(&A));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, worst, 1, MPIU_REAL, MPIU_MAX, PETSC_COMM_WORLD));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The Jacobian that the solver assembles (hypre's matrix under BoomerAMG, its pattern built by azote) has, row by
// row, the nonzero pattern of the DM's own AIJ matrix.
static PetscErrorCode CheckPattern(const char name[], Mat J, DM da)
{
  Mat       A, D;
  PetscInt  rs, re, bad = 0;
  PetscBool hypre;
  MatType   type;

  PetscFunctionBeginUser;
  PetscCall(PetscObjectTypeCompare((PetscObject)J, MATHYPRE, &hypre));
  PetscCall(MatGetType(J, &type));
  AZ_CHECK(hypre, "%s: the Jacobian is a %s matrix, not hypre's", name, type);
  PetscCall(MatConvert(J, MATAIJ, MAT_INITIAL_MATRIX, &A));
  PetscCall(DMCreateMatrix(da, &D));
  PetscCall(MatGetOwnershipRange(A, &rs, &re));
  for (PetscInt r = rs; r < re; r++) {
    const PetscInt *ca, *cd;
    PetscInt        na, nd, sa[32], sd[32];
    PetscCall(MatGetRow(A, r, &na, &ca, NULL));
    PetscCall(MatGetRow(D, r, &nd, &cd, NULL));
    PetscCheck(na <= 32 && nd <= 32, PETSC_COMM_SELF, PETSC_ERR_PLIB, "row %" PetscInt_FMT " too long", r);
    PetscCall(PetscArraycpy(sa, ca, na));
    PetscCall(PetscArraycpy(sd, cd, nd));
    PetscCall(PetscSortInt(na, sa));
    PetscCall(PetscSortInt(nd, sd));
    PetscBool same = (PetscBool)(na == nd);
    for (PetscInt m = 0; same && m < na; m++) same = (PetscBool)(sa[m] == sd[m]);
    bad += !same;
    PetscCall(MatRestoreRow(A, r, &na, &ca, NULL));
    PetscCall(MatRestoreRow(D, r, &nd, &cd, NULL));
  }
  AZ_CHECK(bad == 0, "%s: %" PetscInt_FMT " rows of the Jacobian's pattern differ from the DM's matrix", name, bad);
  PetscCall(MatDestroy(&A));
  PetscCall(MatDestroy(&D));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode CheckConfig(const char name[], const char options[], PetscBool affine)
{
  AzCase       c;
  AzProblem    p;
  Mat          J, Jd, Jfdd;
  Vec          X;
  PetscRandom  rnd;
  PetscInt     n;
  PetscReal    worst = 0;
  PetscScalar *x;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsClear(NULL));
  PetscCall(PetscOptionsInsertString(NULL, options));
  PetscCall(PetscOptionsSetValue(NULL, "-quiet", NULL));
  PetscCall(AzCaseCreate(PETSC_COMM_WORLD, &c));
  PetscCall(PetscMemzero(&p, sizeof(p)));
  p.comm = c->comm;
  PetscCall(c->ops.setup(c, &p));
  PetscCall(AzProblemSetUpSolver(&p));
  PetscCall(AzProblemSolve(&p));
  // perturb the converged state by up to 20 % (never below zero)
  PetscCall(VecDuplicate(p.c, &X));
  PetscCall(VecCopy(p.c, X));
  PetscCall(PetscRandomCreate(PETSC_COMM_WORLD, &rnd));
  PetscCall(PetscRandomSetInterval(rnd, 0.8, 1.2));
  PetscCall(VecGetLocalSize(X, &n));
  PetscCall(VecGetArray(X, &x));
  for (PetscInt i = 0; i < n; i++) {
    PetscScalar r;
    PetscCall(PetscRandomGetValue(rnd, &r));
    x[i] = x[i] * r + 1e-3 * p.bulk * (r - 0.8);
  }
  PetscCall(VecRestoreArray(X, &x));
  PetscCall(SNESGetJacobian(p.snes, &J, NULL, NULL, NULL));
  PetscCall(AzFormJacobian(p.snes, X, J, J, &p));
  PetscCall(CheckPattern(name, J, p.grid.da));
  // Richardson's extrapolation of the one-sided differences at steps h and h/2 (h = sqrt(eps) x, PETSc's default):
  // 2 Jfd(h/2) - Jfd(h) cancels their first-order truncation, h x (the residual's second derivative)/2, which reaches
  // 4e-6 of a row where a potential near 2 V enters an anodic branch exp((n - alpha) F eta/RT) with n = 10 (the membrane
  // flow cell's N2OR anode)
  for (PetscInt k = 0; k < 2; k++) {
    Mat M;
    PetscCall(DMCreateMatrix(p.grid.da, &M));  // AIJ: takes entries outside the analytic Jacobian's pattern too
    PetscCall(MatSetOption(M, MAT_NEW_NONZERO_ALLOCATION_ERR, PETSC_FALSE));
    PetscCall(PetscOptionsSetValue(NULL, "-snes_test_err", k ? "7.450580596923828e-09" : "1.4901161193847656e-08"));
    PetscCall(SNESComputeJacobianDefault(p.snes, X, M, M, NULL));
    PetscCall(MatConvert(M, MATDENSE, MAT_INITIAL_MATRIX, k ? &Jd : &Jfdd));
    PetscCall(MatDestroy(&M));
  }
  PetscCall(MatAYPX(Jfdd, -1.0, Jd, SAME_NONZERO_PATTERN));  // Jfdd = 2 Jfd(h/2) - Jfd(h)
  PetscCall(MatAXPY(Jfdd, 1.0, Jd, SAME_NONZERO_PATTERN));
  PetscCall(MatDestroy(&Jd));
  PetscCall(MatConvert(J, MATDENSE, MAT_INITIAL_MATRIX, &Jd));
  {
    PetscInt           rs, re, N;
    const PetscScalar *a, *b;
    PetscCall(MatGetOwnershipRange(Jd, &rs, &re));
    PetscCall(MatGetSize(Jd, NULL, &N));
    PetscCall(MatDenseGetArrayRead(Jd, &a));
    PetscCall(MatDenseGetArrayRead(Jfdd, &b));
    for (PetscInt i = 0; i < re - rs; i++) {  // column-major local block: a[i + j * lda]
      PetscReal scale = 0, err = 0;
      for (PetscInt j = 0; j < N; j++) scale = PetscMax(scale, PetscAbsScalar(a[i + j * (re - rs)]));
      for (PetscInt j = 0; j < N; j++) err = PetscMax(err, PetscAbsScalar(a[i + j * (re - rs)] - b[i + j * (re - rs)]));
      if (scale > 0) worst = PetscMax(worst, err / scale);
    }
    PetscCall(MatDenseRestoreArrayRead(Jd, &a));
    PetscCall(MatDenseRestoreArrayRead(Jfdd, &b));
  }
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &worst, 1, MPIU_REAL, MPIU_MAX, PETSC_COMM_WORLD));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-44s worst row-scaled |J - Jfd| = %.2e", name, (double)worst));
  AZ_CHECK(worst < 1e-5, "%s: analytic and finite-difference Jacobians differ by %.3g (row-scaled)", name, (double)worst);
  if (affine) {
    PetscReal aff = 0;
    PetscCall(CheckAffine(&p, J, X, &aff));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, ", affine check %.2e", (double)aff));
    AZ_CHECK(aff < 1e-6, "%s: F(x + d) - F(x) differs from J d by %.3g (species-wise, row-scaled)", name, (double)aff);
  }
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "\n"));
  PetscCall(MatDestroy(&Jd));
  PetscCall(MatDestroy(&Jfdd));
  PetscCall(VecDestroy(&X));
  PetscCall(PetscRandomDestroy(&rnd));
  PetscCall(AzProblemDestroy(&p));
  PetscCall(AzCaseDestroy(&c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  const char *gde =
      "-cell gde -mesh_nx 3 -mesh_ny 40 -gde_catholyte_thickness 5e-4 -gde_saturation 0.4 -gde_mpl_thickness 3e-5 "
      "-electrolyte KOH:0.5 -kinetics_n2rr_i0 1e-3 -kinetics_her_i0 1e-4";
  char buf[2048];

  PetscCall(AzInitialize(&argc, &argv, "test_jacobian", NULL));
  PetscCall(CheckConfig("flow cell, first order", "-cell flowcell -mesh_nx 16 -mesh_ny 8 -kinetics_n2rr_i0 0.1", PETSC_TRUE));
  PetscCall(CheckConfig("flow cell, order 0.7", "-cell flowcell -mesh_nx 16 -mesh_ny 8 -kinetics_n2rr_i0 0.1 -kinetics_n2rr_order 0.7",
                        PETSC_FALSE));
  PetscCall(CheckConfig("flow cell, limiting", "-cell flowcell -mesh_nx 16 -mesh_ny 8 -electrode_mode limiting", PETSC_TRUE));
  PetscCall(CheckConfig("3-D flow cell, first order", "-cell flowcell -mesh_nx 8 -mesh_ny 4 -mesh_nz 4 -kinetics_n2rr_i0 0.1", PETSC_TRUE));
  PetscCall(CheckConfig("GDE with catholyte and MPL, first order", gde, PETSC_TRUE));
  PetscCall(PetscSNPrintf(buf, sizeof(buf), "%s -kinetics_n2rr_order 0.7", gde));
  PetscCall(CheckConfig("GDE with catholyte and MPL, order 0.7", buf, PETSC_FALSE));
  PetscCall(PetscSNPrintf(buf, sizeof(buf), "%s -electrode_mode limiting", gde));
  PetscCall(CheckConfig("GDE with catholyte and MPL, limiting", buf, PETSC_TRUE));
  PetscCall(PetscSNPrintf(buf, sizeof(buf), "%s -gde_gas_depletion false -operating_pressure 5e6 -kinetics_n2rr_order 1.5", gde));
  PetscCall(CheckConfig("GDE fed on the GDL at 50 bar, order 1.5", buf, PETSC_FALSE));
  // issue 21: the GDE's ORR and full cells, the membrane flow cell (migration), the tube (r-z metric)
  PetscCall(PetscSNPrintf(buf, sizeof(buf), "%s -electrode_reaction orr -gas_composition O2:1 -electrode_potential 0.7", gde));
  PetscCall(CheckConfig("GDE, ORR with O2 in the pores", buf, PETSC_TRUE));
  PetscCall(PetscSNPrintf(buf, sizeof(buf),
                          "%s -electrolyte_potential true -anode_reaction n2or -cell_voltage 2.2 -gde_anolyte_thickness 5e-4 "
                          "-kinetics_oer_i0 8.53e-4 -kinetics_n2or_i0 2.6e-4",
                          gde));
  PetscCall(CheckConfig("GDE full cell, N2OR anode on an anolyte", buf, PETSC_FALSE));
  {
    const char *mf =
        "-cell membraneflow -electrolyte KCl:0.1 -electrolyte_potential true -anode_reaction n2or -cell_voltage 1.95 "
        "-kinetics_n2rr_i0 0.128 -kinetics_her_i0 0.194 -kinetics_oer_i0 8.53e-4 -kinetics_oer_alpha 0.558 "
        "-kinetics_n2or_i0 2.6e-4 -membraneflow_anolyte_electrolyte KOH:1 -membraneflow_membrane_charge_nh3 1 "
        "-membraneflow_membrane_cation_transport_number 0.8 -membraneflow_membrane_permeability_no3 1e-10 "
        "-membraneflow_membrane_permeability_n2 1e-10 -mesh_nx 6 -mesh_ny 24";
    PetscCall(CheckConfig("membrane flow cell, migration across the membrane", mf, PETSC_FALSE));
    PetscCall(PetscSNPrintf(buf, sizeof(buf),
                            "%s -membraneflow_cathode gde -membraneflow_saturation 0.3 -membraneflow_spacer_thickness 1e-4", mf));
    PetscCall(CheckConfig("membrane flow cell, GDE cathode and spacer", buf, PETSC_FALSE));
  }
  PetscCall(CheckConfig("tube, stagnant electrolyte, first order",
                        "-cell tubular -mesh_nx 4 -mesh_ny 24 -tubular_saturation 0.3 -electrolyte KCl:0.1 -kinetics_n2rr_i0 1e-2",
                        PETSC_TRUE));
  PetscCall(CheckConfig("tube, annulus, ORR, electrolyte potential",
                        "-cell tubular -mesh_nx 4 -mesh_ny 24 -tubular_saturation 0.3 -electrolyte KCl:0.1 -tubular_electrolyte annulus "
                        "-electrode_reaction orr -gas_composition O2:1 -electrode_potential 0.6 -electrolyte_potential true",
                        PETSC_FALSE));
  return AzTestFinish();
}
