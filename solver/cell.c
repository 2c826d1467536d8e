// Registry of cell templates (DESIGN §3): a name maps to a constructor that fills the template's operations.
#include <azote/case.h>

PETSC_EXTERN PetscErrorCode AzCellCreate_FlowCell(AzCellOps *);
PETSC_EXTERN PetscErrorCode AzCellCreate_GDE(AzCellOps *);
PETSC_EXTERN PetscErrorCode AzCellCreate_HCell(AzCellOps *);
PETSC_EXTERN PetscErrorCode AzCellCreate_MembraneFlow(AzCellOps *);
PETSC_EXTERN PetscErrorCode AzCellCreate_Tubular(AzCellOps *);

#define AZ_MAX_CELLS 8
static const char *az_cell_names[AZ_MAX_CELLS + 1];
static PetscErrorCode (*az_cell_create[AZ_MAX_CELLS])(AzCellOps *);
static PetscInt az_ncell = 0;

PetscErrorCode AzCellRegister(const char name[], PetscErrorCode (*create)(AzCellOps *))
{
  PetscFunctionBeginUser;
  for (PetscInt i = 0; i < az_ncell; i++)
    if (!strcmp(az_cell_names[i], name)) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCheck(az_ncell < AZ_MAX_CELLS, PETSC_COMM_SELF, PETSC_ERR_PLIB, "too many cell templates");
  az_cell_names[az_ncell]    = name;
  az_cell_create[az_ncell++] = create;
  az_cell_names[az_ncell]    = NULL;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCellRegisterAll(void)
{
  PetscFunctionBeginUser;
  PetscCall(AzCellRegister("flowcell", AzCellCreate_FlowCell));
  PetscCall(AzCellRegister("gde", AzCellCreate_GDE));
  PetscCall(AzCellRegister("hcell", AzCellCreate_HCell));
  PetscCall(AzCellRegister("membraneflow", AzCellCreate_MembraneFlow));
  PetscCall(AzCellRegister("tubular", AzCellCreate_Tubular));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCellGetNames(PetscInt *n, const char *const **names)
{
  PetscFunctionBeginUser;
  *n     = az_ncell;
  *names = az_cell_names;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCellCreate(PetscInt which, AzCellOps *ops)
{
  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(ops, sizeof(*ops)));
  PetscCall(az_cell_create[which](ops));
  PetscFunctionReturn(PETSC_SUCCESS);
}
