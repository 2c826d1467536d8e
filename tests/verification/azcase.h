// Running cases in-process for verification tests: set keys as a user would, then solve through the full case path.
#pragma once

#include <azote/azote.h>

static inline PetscErrorCode AzTestSetReal(const char key[], PetscReal v)
{
  char buf[64];
  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(buf, sizeof(buf), "%.17g", (double)v));
  PetscCall(PetscOptionsSetValue(NULL, key, buf));
  PetscFunctionReturn(PETSC_SUCCESS);
}
