// Metrics of the ionic model (DESIGN §8): the pH of the bulk and over the working electrode, and the area-mean surface
// concentration of every species (summary.json's `surface` section), NH3 and NH4+ apart.
//   pH = (pK_w + log10(a_OH / a_H)) / 2            (include/azote/ionic.h, AzIonicPH)
// which is -log10 a_H where water is at equilibrium, and stays defined through either ion where the other is at
// round-off. The surface values are those of the cells on the electrode's faces: the electrode's kinetics take the
// ions there (solver/npelectrode.c), and the templates refine the grid toward the electrode.
#include <azote/metrics.h>
#include <azote/private/npimpl.h>

PetscErrorCode AzNPMetrics(AzProblem *p, AzMetrics *m)
{
  const AzNP      *np  = p->np;
  const AzGrid    *g   = &p->grid;
  const PetscInt   dof = p->nspecies, ns = dof + 1;  // the problem's unknowns and the eliminated ion (last)
  const PetscReal *c;
  PetscReal        sum[AZ_MAX_SPECIES + 3] = {0}, mm[2] = {PETSC_MAX_REAL, PETSC_MAX_REAL};  // A c_s..., A c_e, A pH, A
  Vec              Xl;

  PetscFunctionBeginUser;
  PetscCall(AzLocalStateGet(g, p->c, &Xl, &c));
  AzForOwnedCells(g, i, j, k)
  {
    const PetscInt idx[3] = {i, j, k}, l = AzGridLocal(g, i, j, k), r = g->tag[l];
    if (!AzGridOnBoundary(g, i, j, k)) continue;
    for (PetscInt side = 0; side < 2 * g->dim; side++) {
      const PetscInt   d  = side / 2;
      const PetscReal *cP = c + l * dof;
      PetscReal        A, ph, ce;
      if (idx[d] != (side % 2 ? g->M[d] - 1 : 0)) continue;
      if (p->patch[p->bc[side][AzProblemBoundaryIndex(p, side, i, j, k)]].type != AZ_BC_ELECTRODE) continue;
      A  = AzGridFaceArea(g, d, i, j, k);
      ce = AzNPEliminated(np, dof, r, cP, NULL);
      ph = AzIonicPH(np->ionic, np->T, cP[np->s_h], cP[np->s_oh]);
      for (PetscInt s = 0; s < dof; s++) sum[s] += A * cP[s];
      sum[dof] += A * ce;
      sum[dof + 1] += A * ph;
      sum[dof + 2] += A;
      mm[0] = PetscMin(mm[0], ph), mm[1] = PetscMin(mm[1], -ph);
    }
  }
  PetscCall(AzLocalStateRestore(&Xl, &c));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, sum, ns + 2, MPIU_REAL, MPIU_SUM, p->comm));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, mm, 2, MPIU_REAL, MPIU_MIN, p->comm));
  PetscCheck(sum[ns + 1] > 0, p->comm, PETSC_ERR_USER_INPUT, "the electrode covers no face of the grid: refine the mesh");
  m->has_ph       = PETSC_TRUE;
  m->ph_bulk      = np->ionic->ph;
  m->ph_surf_mean = sum[ns] / sum[ns + 1];
  m->ph_surf_min  = mm[0];
  m->ph_surf_max  = -mm[1];
  m->nsurf        = 0;
  for (PetscInt s = 0; s < ns; s++) {  // every species of the table that the problem carries (the potential is none)
    const AzSpeciesInfo *info = s < dof ? p->species[s].info : np->ionic->sp[np->ionic->elim].info;
    if (!info) continue;
    m->surf_info[m->nsurf] = info;
    m->surf[m->nsurf++]    = sum[s] / sum[ns + 1];
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscReal AzMetricsSurface(const AzMetrics *m, const char name[])
{
  for (PetscInt s = 0; s < m->nsurf; s++)
    if (!strcmp(m->surf_info[s]->name, name)) return m->surf[s];
  return 0;
}

PetscErrorCode AzNPFields(AzProblem *p, Vec ph, Vec ce, char name[], size_t len)
{
  const AzNP      *np  = p->np;
  const AzGrid    *g   = &p->grid;
  const PetscInt   dof = p->nspecies;
  const PetscReal *c;
  PetscReal       *a, *b;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(name, len, "c_%s", np->ionic->sp[np->ionic->elim].info->key));
  PetscCall(VecGetArrayRead(p->c, &c));
  PetscCall(VecGetArray(ph, &a));
  PetscCall(VecGetArray(ce, &b));
  AzForOwnedCells(g, i, j, k)
  {
    const PetscInt   o = AzGridOwned(g, i, j, k), r = g->tag[AzGridLocal(g, i, j, k)];
    const PetscReal *cP  = c + o * dof;
    const PetscBool  has = p->region[r].present[np->s_h];  // a region without the ions (a gas layer): no pH
    a[o]                 = has ? AzIonicPH(np->ionic, np->T, cP[np->s_h], cP[np->s_oh]) : 0;
    b[o]                 = has ? AzNPEliminated(np, dof, r, cP, NULL) : 0;
  }
  PetscCall(VecRestoreArray(ce, &b));
  PetscCall(VecRestoreArray(ph, &a));
  PetscCall(VecRestoreArrayRead(p->c, &c));
  PetscFunctionReturn(PETSC_SUCCESS);
}
