// Case-key parsing: numbers as users write them, and the one-line errors for everything else.
#include <azote/options.h>
#include "aztest.h"

static PetscErrorCode ReadHeight(PetscReal *h)
{
  PetscFunctionBeginUser;
  PetscOptionsBegin(PETSC_COMM_WORLD, NULL, "test", NULL);
  PetscCall(AzOptionsReal(PetscOptionsObject, "flowcell_height", "channel height", "m", 5e-4, AZ_POSITIVE, h, NULL));
  PetscOptionsEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode ReadMode(PetscInt *m)
{
  static const char *const modes[] = {"potentiostatic", "limiting", NULL};
  PetscFunctionBeginUser;
  PetscOptionsBegin(PETSC_COMM_WORLD, NULL, "test", NULL);
  PetscCall(AzOptionsEnum(PetscOptionsObject, "electrode_mode", "mode", modes, 0, m, NULL));
  PetscOptionsEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscReal v = 0, h;
  PetscBool ok;
  PetscInt  m;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(AzParseReal(" 1.5e-3 ", &v, &ok));
  AZ_CHECK(ok && v == 1.5e-3, "'1.5e-3' parses");
  const char *bad[] = {"", "abc", "1e-3m", "nan", "inf", "-inf", "1e999", "1,5", NULL};
  for (int i = 0; bad[i]; i++) {
    PetscCall(AzParseReal(bad[i], &v, &ok));
    AZ_CHECK(!ok, "'%s' must not parse as a number", bad[i]);
  }
  PetscCall(ReadHeight(&h));
  AZ_CHECK(h == 5e-4, "default used when the key is absent");
  PetscCall(PetscOptionsSetValue(NULL, "-flowcell_height", "2e-3"));
  PetscCall(ReadHeight(&h));
  AZ_CHECK(h == 2e-3, "value read");
  PetscCall(PetscOptionsSetValue(NULL, "-flowcell_height", "-1"));
  AZ_CHECK_INPUT_ERROR(ReadHeight(&h), "out of range: allowed (0, inf) m");
  PetscCall(PetscOptionsSetValue(NULL, "-flowcell_height", "1mm"));
  AZ_CHECK_INPUT_ERROR(ReadHeight(&h), "-flowcell_height = '1mm' is not a finite number");
  PetscCall(PetscOptionsSetValue(NULL, "-electrode_mode", "limit"));
  AZ_CHECK_INPUT_ERROR(ReadMode(&m), "choose one of potentiostatic, limiting");
  PetscCall(PetscOptionsSetValue(NULL, "-electrode_mode", "limiting"));
  PetscCall(ReadMode(&m));
  AZ_CHECK(m == 1, "enum value");
  PetscCall(PetscOptionsSetValue(NULL, "-flowcell_height", "1e-3"));
  PetscCall(ReadHeight(&h));
  PetscCall(PetscOptionsSetValue(NULL, "-flowcell_heigth", "1e-3"));
  AZ_CHECK_INPUT_ERROR(AzOptionsCheckUnused(PETSC_COMM_WORLD, "the test"), "did you mean -flowcell_height?");
  PetscCall(PetscOptionsClearValue(NULL, "-flowcell_heigth"));
  PetscCall(PetscOptionsSetValue(NULL, "-ksp_rtol", "1e-8"));  // PETSc's own options are PETSc's to check
  PetscCall(AzOptionsCheckUnused(PETSC_COMM_WORLD, "the test"));
  return AzTestFinish();
}
