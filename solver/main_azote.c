// azote: one case, any MPI size (DESIGN §4).
#include <azote/sys.h>

int main(int argc, char **argv)
{
  PetscErrorCode ierr = AzInitialize(&argc, &argv, "azote", NULL);
  if (ierr) return AZ_EXIT_BUG;
  return AzFinalize(PETSC_SUCCESS);
}
