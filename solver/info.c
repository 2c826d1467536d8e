// Rows of a template's facts (include/azote/info.h).
#include <azote/info.h>

static PetscErrorCode AzInfoAdd(AzInfo *info, const char name[], AzInfoRow **r)
{
  PetscFunctionBeginUser;
  PetscCheck(info->n < AZ_INFO_MAX, PETSC_COMM_SELF, PETSC_ERR_PLIB, "more than %d cell_info rows", AZ_INFO_MAX);
  *r = &info->row[info->n++];
  PetscCall(PetscMemzero(*r, sizeof(**r)));
  PetscCall(PetscStrncpy((*r)->name, name, sizeof((*r)->name)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzInfoReal(AzInfo *info, const char name[], PetscReal value, const char unit[])
{
  AzInfoRow *r;

  PetscFunctionBeginUser;
  PetscCall(AzInfoAdd(info, name, &r));
  r->value = value, r->unit = unit ? unit : "-";
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzInfoInt(AzInfo *info, const char name[], PetscInt value)
{
  AzInfoRow *r;

  PetscFunctionBeginUser;
  PetscCall(AzInfoAdd(info, name, &r));
  r->value = (PetscReal)value, r->unit = "-", r->integer = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzInfoText(AzInfo *info, const char name[], const char text[])
{
  AzInfoRow *r;

  PetscFunctionBeginUser;
  PetscCall(AzInfoAdd(info, name, &r));
  PetscCall(PetscStrncpy(r->text, text, sizeof(r->text)));
  PetscFunctionReturn(PETSC_SUCCESS);
}
