// azote: one case, any MPI size (DESIGN §4).
//   azote -case cases/flowcell.yaml [-output_dir DIR] [-KEY VALUE ...]
#include <azote/azote.h>

static const char help[] =
    "azote: dissolved-N2 transport to the electrodes of N2-fixation cells.\n"
    "  azote -case FILE.yaml [-output_dir DIR] [-KEY VALUE ...]   (-help_keys: the reference table of keys)\n"
    "  azote -case FILE.yaml -sweep_KEY START:STOP:N[:log] | a,b,c ...   (a sweep; -sweep_ranks_per_case, -sweep_fields,\n"
    "        -sweep_shared: docs/options.md)\n"
    "  azote -case FILE.yaml -restart DIR/checkpoint.h5 -time_end T    (continue a time-dependent run)\n"
    "\n"
    "PETSc solver options azote sets (each overridable: give the PETSc option on the command line or in the case):\n"
    "  steady, Newton:  -snes_type newtonls -snes_linesearch_type basic -snes_max_it 50 (converged when every species'\n"
    "                   residual reaches the round-off floor of its balance)\n"
    "  linear solve:    -ksp_type bcgs (one unknown per cell; gmres for coupled species/potential) -ksp_pc_side right\n"
    "                   -ksp_rtol 1e-11 -ksp_max_it 500\n"
    "  preconditioner:  -pc_type hypre -pc_hypre_type boomeramg -pc_hypre_boomeramg_coarsen_type HMIS\n"
    "                   -pc_hypre_boomeramg_interp_type ext+i -pc_hypre_boomeramg_P_max 4 (3-D: 2)\n"
    "                   -pc_hypre_boomeramg_agg_nl 0 (3-D: 1) -pc_hypre_boomeramg_no_CF true\n"
    "                   -pc_hypre_boomeramg_grid_sweeps_down 0   (without hypre: -pc_type gamg)\n"
    "  in time:         -ts_type theta -ts_theta_theta 1 -ts_theta_endpoint (backward Euler), -ts_adapt_type basic,\n"
    "                   relative tolerance time_rtol\n"
    "  ions (electrolyte_model tertiary): -ksp_type gmres -ksp_gmres_restart 15 -ksp_max_it 100, -ksp_rtol from\n"
    "                   Eisenstat-Walker's forcing term (1e-2 ... 1e-11 per Newton step), on azote's line\n"
    "                   preconditioner (its AMG on the potential: -ionic_phi_*); -pc_type lu: MUMPS (docs/ionic.md)\n"
    "  e.g. -pc_type bjacobi -sub_pc_type ilu; -ksp_type gmres; -snes_monitor -ksp_monitor -ksp_view -log_view\n\n";

// The case, then its keys' reference (-help_keys), an uncertainty study (-uq_samples), a sweep (-sweep_<key>) or one
// run.
static PetscErrorCode AzMain(MPI_Comm comm)
{
  AzCase    c;
  PetscBool help_keys, sweep = PETSC_FALSE;

  PetscFunctionBeginUser;
  PetscCall(AzCaseCreate(comm, &c));
  if (c->help) {
    PetscCall(PetscOptionsHasName(NULL, NULL, "-help_keys", &help_keys));
    if (help_keys) PetscCall(AzCasePrintKeyReference(comm, stdout));
  } else {
    PetscBool uq;
    PetscCall(AzRunUQ(c, &uq));  // an uncertainty study runs its samples as a sweep
    if (!uq) PetscCall(AzRunSweep(c, &sweep));
    if (!uq && !sweep) PetscCall(AzRunCase(c));
  }
  PetscCall(AzCaseDestroy(&c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscErrorCode ierr = AzInitialize(&argc, &argv, "azote", help);
  if (ierr) return AZ_EXIT_BUG;
  ierr = AzMain(PETSC_COMM_WORLD);
  return AzFinalize(ierr);
}
