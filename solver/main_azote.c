// azote: one case, any MPI size (DESIGN §4).
//   azote -case cases/flowcell.yaml [-output_dir DIR] [-KEY VALUE ...]
#include <azote/azote.h>

static const char help[] =
    "azote: dissolved-N2 transport to the electrodes of N2-fixation cells.\n"
    "  azote -case FILE.yaml [-output_dir DIR] [-KEY VALUE ...]   (-help_keys: the reference table of keys)\n\n";

// The case, then its keys' reference (-help_keys), a sweep (-sweep_<key>) or one run.
static PetscErrorCode AzMain(MPI_Comm comm)
{
  AzCase    c;
  PetscBool help_keys, sweep;

  PetscFunctionBeginUser;
  PetscCall(AzCaseCreate(comm, &c));
  if (c->help) {
    PetscCall(PetscOptionsHasName(NULL, NULL, "-help_keys", &help_keys));
    if (help_keys) PetscCall(AzCasePrintKeyReference(comm, stdout));
  } else {
    PetscCall(AzRunSweep(c, &sweep));
    if (!sweep) PetscCall(AzRunCase(c));
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
