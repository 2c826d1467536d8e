// azote: one case, any MPI size (DESIGN §4).
//   azote -case cases/flowcell.yaml [-output_dir DIR] [-KEY VALUE ...]
#include <azote/azote.h>

static const char help[] =
    "azote: dissolved-N2 transport to the electrodes of N2-fixation cells.\n"
    "  azote -case FILE.yaml [-output_dir DIR] [-KEY VALUE ...]   (-help_keys: the reference table of keys)\n\n";

int main(int argc, char **argv)
{
  PetscErrorCode ierr = AzInitialize(&argc, &argv, "azote", help);
  if (ierr) return AZ_EXIT_BUG;
  ierr = AzRun(PETSC_COMM_WORLD);
  return AzFinalize(ierr);
}
