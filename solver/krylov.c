// The Krylov method a user picks (-ksp_type) and azote's default preconditioning side: right (the Krylov tolerance then
// bounds the true residual) suits GMRES and BiCGStab, but CG, MINRES, Chebyshev and Richardson, among others, take
// their preconditioner on the left only, and PETSc stops with a traceback when asked otherwise. Unless the user chose
// the side (-ksp_pc_side), the method's own table of what it supports decides: right where it can, else left, else
// symmetric.
#include <azote/transport.h>
#include <petsc/private/kspimpl.h>

// Whether ksp's method supports preconditioning on `side` with some norm.
static PetscBool AzKSPSupportsSide(KSP ksp, PCSide side)
{
  for (PetscInt n = 0; n < KSP_NORM_MAX; n++)
    if (ksp->normsupporttable[n][side] > 0) return PETSC_TRUE;
  return PETSC_FALSE;
}

PetscErrorCode AzSNESFitKrylov(SNES snes)
{
  KSP         ksp;
  PCSide      side;
  PetscBool   set;
  const char *prefix;

  PetscFunctionBeginUser;
  PetscCall(SNESGetKSP(snes, &ksp));
  PetscCall(KSPGetOptionsPrefix(ksp, &prefix));
  PetscCall(PetscOptionsHasName(NULL, prefix, "-ksp_pc_side", &set));
  side = ksp->pc_side;  // (KSPGetPCSide would check the side first, and stop)
  if (set || AzKSPSupportsSide(ksp, side)) PetscFunctionReturn(PETSC_SUCCESS);
  for (PCSide s = PC_LEFT; s <= PC_SYMMETRIC; s++)
    if (AzKSPSupportsSide(ksp, s)) {
      PetscCall(KSPSetPCSide(ksp, s));
      break;
    }
  PetscFunctionReturn(PETSC_SUCCESS);
}
