// azote-props: gas solubility and transport properties as JSON (DESIGN §4). Provisional until the property library.
#include <azote/thermo.h>

int main(int argc, char **argv)
{
  PetscErrorCode ierr = AzInitialize(&argc, &argv, "azote-props", NULL);
  if (ierr) return AZ_EXIT_BUG;
  return AzFinalize(PETSC_SUCCESS);
}
