// The discrete problem of a cell template: its species, regions, grid, boundary patches and initial state; the mass
// vector of time stepping; the smallest concentration of a solution.
#include <azote/private/npimpl.h>
#include <azote/memory.h>

PetscErrorCode AzProblemAddSpecies(AzProblem *p, const char name[], PetscInt *s)
{
  PetscFunctionBeginUser;
  PetscCheck(p->nspecies < AZ_MAX_SPECIES, p->comm, PETSC_ERR_PLIB, "too many species");
  PetscCheck(!p->grid.da, p->comm, PETSC_ERR_ORDER, "species must be declared before the grid is created");
  if (p->nspecies == 0) p->s_gas = p->s_prod = p->s_phi = -1;
  PetscCall(PetscStrncpy(p->species[p->nspecies].name, name, sizeof(p->species[0].name)));
  p->species[p->nspecies].scale = 1e-12;
  {  // the gas phase of the dissolved reactant: "c_n2_gas" (or "c_o2_gas", ...)
    const size_t len = strlen(name);
    if (len > 6 && !strncmp(name, "c_", 2) && !strcmp(name + len - 4, "_gas")) p->s_gas = p->nspecies;
  }
  if (!strcmp(name, "phi_l")) p->s_phi = p->nspecies;
  p->species[p->nspecies].info = NULL;
  {
    PetscInt                    n;
    const AzSpeciesInfo *const *rows;
    char                        field[32];
    PetscCall(AzReactionsRegisterAll());
    PetscCall(AzSpeciesTable(&n, &rows));
    for (PetscInt k = 0; k < n; k++) {
      PetscCall(PetscSNPrintf(field, sizeof(field), "c_%s", rows[k]->key));
      if (!strcmp(name, field)) p->species[p->nspecies].info = rows[k];
    }
  }
  if (s) *s = p->nspecies;
  p->nspecies++;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemSetUpElectrodes(AzProblem *p, const AzActivities *act)
{
  AzActivities    own;
  const char     *names[AZ_MAX_SPECIES];
  AzElectrode    *e[2]   = {&p->electrode, &p->anode};
  const PetscBool has[2] = {PETSC_TRUE, (PetscBool)(p->anode_area > 0)};

  PetscFunctionBeginUser;
  PetscCall(AzReactionsRegisterAll());
  if (!act) {
    PetscCall(AzActivitiesCompute(p->T, NULL, NULL, &own));
    act = &own;
  }
  for (PetscInt s = 0; s < p->nspecies; s++) names[s] = p->species[s].name;
  p->s_prod = -1;
  for (PetscInt k = 0; k < 2; k++) {
    if (!has[k]) continue;
    for (PetscInt n = 0; n < e[k]->nreaction; n++) PetscCall(AzReactionSetUp(&e[k]->reaction[n], p->T, act, p->film, p->nspecies, names));
    e[k]->species = e[k]->nreaction ? e[k]->reaction[0].reactant : -1;
  }
  {
    // the working electrode's main product, where the problem carries it (the H-cell's NH3)
    const AzReactionInfo *main = p->electrode.nreaction ? p->electrode.reaction[0].info : NULL;
    for (PetscInt s = 0; s < p->nspecies && main && main->product; s++)
      if (p->species[s].info && !strcmp(p->species[s].info->name, main->product)) p->s_prod = s;
  }
  if (p->np) PetscCall(AzNPSetUpElectrodes(p));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemAddRegion(AzProblem *p, const char name[], PetscInt *r)
{
  AzRegion *reg;

  PetscFunctionBeginUser;
  PetscCheck(p->nregion < AZ_MAX_REGIONS, p->comm, PETSC_ERR_PLIB, "too many regions");
  reg = &p->region[p->nregion];
  PetscCall(PetscMemzero(reg, sizeof(*reg)));
  PetscCall(PetscStrncpy(reg->name, name, sizeof(reg->name)));
  reg->aniso[0] = reg->aniso[1] = reg->aniso[2] = 1;
  *r                                            = p->nregion++;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemCreateGrid(AzProblem *p, PetscInt dim, const PetscInt M[3], PetscReal *const xf[3])
{
  const PetscInt dof = p->nspecies;
  PetscInt       dfill[AZ_MAX_SPECIES * AZ_MAX_SPECIES], ofill[AZ_MAX_SPECIES * AZ_MAX_SPECIES];

  PetscFunctionBeginUser;
  PetscCheck(dof >= 1, p->comm, PETSC_ERR_ORDER, "declare the species before creating the grid");
  // the case's mesh bound counts 5 unknowns per cell (the ionic model's 16); a template with more checks its own grid
  PetscCheck((double)M[0] * (double)(dim > 1 ? M[1] : 1) * (double)(dim > 2 ? M[2] : 1) * dof <= (double)PETSC_MAX_INT, p->comm,
             PETSC_ERR_USER_INPUT,
             "the mesh (-mesh_nx, -mesh_ny, -mesh_nz) gives a grid of %.3g cells with %" PetscInt_FMT
             " unknowns per cell, more than one run can index (32-bit PETSc indices, up to %d unknowns): use fewer cells",
             (double)M[0] * (double)(dim > 1 ? M[1] : 1) * (double)(dim > 2 ? M[2] : 1), dof, (int)PETSC_MAX_INT);
  PetscCall(AzMemoryCheck(p->comm, dim, M, dof,
                          p->np ? AzNPMemorySolver() : AZ_MEMORY_AMG));  // refused before anything of that size is allocated
  PetscCall(AzGridCreate(p->comm, dim, M, xf, dof, (PetscBool)(p->np != NULL), &p->grid));  // (the ionic model: whole lines)
  // Species couple with each other inside a cell (gas-liquid transfer, products of the electrode) but each only
  // with itself across a face (but at a gas-liquid interface): the matrix keeps one entry per neighbour and species.
  for (PetscInt a = 0; a < dof; a++)
    for (PetscInt b = 0; b < dof; b++) dfill[a * dof + b] = 1, ofill[a * dof + b] = a == b;
  for (PetscInt r = 0; r < p->nregion && p->s_gas >= 0; r++)  // gas-liquid interface faces couple the two N2 species
    if (p->region[r].liquid_contact) ofill[AZ_N2 * dof + p->s_gas] = ofill[p->s_gas * dof + AZ_N2] = 1;
  p->migration = PETSC_FALSE;  // migration couples every species to the neighbours' potentials
  for (PetscInt r = 0; r < p->nregion && p->s_phi >= 0; r++)
    for (PetscInt s = 0; s < dof; s++) p->migration = (PetscBool)(p->migration || (s != p->s_phi && p->region[r].migration[s] != 0));
  for (PetscInt s = 0; s < dof && p->migration; s++) ofill[s * dof + p->s_phi] = 1;
  // the ionic model's couplings include its electrodes', known once they are set up: AzNPSetUpFill (AzProblemSetUpSolver)
  if (dof > 1 && !p->np) PetscCall(DMDASetBlockFills(p->grid.da, dfill, ofill));
  for (PetscInt s = 0; s < dof; s++) PetscCall(DMDASetFieldName(p->grid.da, s, p->species[s].name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemSetUpBoundaries(AzProblem *p)
{
  const PetscInt *M = p->grid.M;

  PetscFunctionBeginUser;
  p->npatch        = 1;  // patch 0: wall
  p->patch[0].type = AZ_BC_WALL;
  for (PetscInt s = 0; s < 2 * p->grid.dim; s++) {
    const PetscInt n = s < 2 ? M[1] * M[2] : s < 4 ? M[0] * M[2] : M[0] * M[1];
    PetscCall(PetscCalloc1(n, &p->bc[s]));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemAddPatch(AzProblem *p, AzBCType type, const PetscReal value[], PetscInt *patch)
{
  AzPatch *pa;

  PetscFunctionBeginUser;
  PetscCheck(p->npatch < AZ_MAX_PATCHES, p->comm, PETSC_ERR_PLIB, "too many boundary patches");
  pa = &p->patch[p->npatch];
  PetscCall(PetscMemzero(pa, sizeof(*pa)));
  pa->type = type;
  for (PetscInt s = 0; s < p->nspecies && value; s++) pa->value[s] = value[s];
  *patch = p->npatch++;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemSetInitial(AzProblem *p, const PetscReal c0[])
{
  const AzGrid *g = &p->grid;
  PetscReal    *c;

  PetscFunctionBeginUser;
  if (!p->c) PetscCall(DMCreateGlobalVector(g->da, &p->c));
  PetscCall(PetscObjectSetName((PetscObject)p->c, "c"));
  PetscCall(VecGetArray(p->c, &c));
  for (PetscInt k = g->xs[2]; k < g->xs[2] + g->xm[2]; k++)
    for (PetscInt j = g->xs[1]; j < g->xs[1] + g->xm[1]; j++)
      for (PetscInt i = g->xs[0]; i < g->xs[0] + g->xm[0]; i++) {
        const AzRegion *reg = &p->region[g->tag[AzGridLocal(g, i, j, k)]];
        for (PetscInt s = 0; s < p->nspecies; s++) c[AzGridOwned(g, i, j, k) * p->nspecies + s] = reg->present[s] ? c0[s] : 0;
      }
  PetscCall(VecRestoreArray(p->c, &c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemDestroy(AzProblem *p)
{
  PetscFunctionBeginUser;
  for (PetscInt s = 0; s < 6; s++) PetscCall(PetscFree(p->bc[s]));
  PetscCall(PetscFree(p->ux));
  PetscCall(VecDestroy(&p->c));
  PetscCall(SNESDestroy(&p->snes));
  PetscCall(AzGridDestroy(&p->grid));
  if (p->np) PetscCall(VecDestroy(&p->np->fused));
  PetscCall(PetscFree(p->np));
  PetscCall(PetscFree(p->fill));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemMassVector(AzProblem *p, Vec mass)
{
  const AzGrid *g = &p->grid;
  PetscReal    *m;

  PetscFunctionBeginUser;
  PetscCall(VecGetArray(mass, &m));
  AzForOwnedCells(g, i, j, k)
  {
    const AzRegion *reg   = &p->region[g->tag[AzGridLocal(g, i, j, k)]];
    const PetscInt  r     = g->tag[AzGridLocal(g, i, j, k)];
    const PetscBool limit = (PetscBool)(p->electrode.mode == AZ_ELECTRODE_LIMITING && reg->a_v > 0);
    for (PetscInt s = 0; s < p->nspecies; s++)
      m[AzGridOwned(g, i, j, k) * p->nspecies + s] =
          reg->present[s] && s != p->s_phi && !(s == AZ_N2 && limit) && !(p->np && p->np->held[r] && p->np->ion[s])
              ? AzGridVolume(g, i, j, k)
              : 0;
  }
  PetscCall(VecRestoreArray(mass, &m));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemMinConcentration(AzProblem *p, PetscReal *cmin)
{
  PetscReal norm;

  PetscFunctionBeginUser;
  *cmin = PETSC_MAX_REAL;
  for (PetscInt s = 0; s < p->nspecies; s++) {
    PetscReal m;
    if (s == p->s_phi) continue;
    PetscCall(VecStrideMin(p->c, s, NULL, &m));
    *cmin = PetscMin(*cmin, m);
  }
  PetscCall(VecNorm(p->c, NORM_INFINITY, &norm));  // a NaN or Inf anywhere, the potential included
  if (PetscIsInfOrNanReal(norm)) *cmin = norm;
  PetscFunctionReturn(PETSC_SUCCESS);
}
