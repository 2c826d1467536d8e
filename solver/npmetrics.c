// Metrics of the ionic model (DESIGN §8): the pH of the bulk and over the working electrode, and the area-mean surface
// concentration of every species (summary.json's `surface` section), NH3 and NH4+ apart.
//   pH = (pK_w + log10(a_OH / a_H)) / 2            (include/azote/ionic.h, AzIonicPH)
// which is -log10 a_H where water is at equilibrium, and stays defined through either ion where the other is at
// round-off. The surface values are those of the cells on the electrode's faces: the electrode's kinetics take the
// ions there (solver/npelectrode.c), and the templates refine the grid toward the electrode; a catalyst layer's (the
// GDE's) are its cells' averages weighted by their active area a_v V, its minimum and maximum over them.
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
    if (!AzGridOnBoundary(g, i, j, k) && p->region[r].a_v == 0) continue;
    for (PetscInt side = -1; side < 2 * g->dim; side++) {  // side -1: a catalyst layer's cell, its active area a_v V
      const PetscInt   d  = side / 2;
      const PetscReal *cP = c + l * dof;
      PetscReal        A, ph, ce;
      if (side < 0 && p->region[r].a_v == 0) continue;
      if (side >= 0 && idx[d] != (side % 2 ? g->M[d] - 1 : 0)) continue;
      if (side >= 0 && p->patch[p->bc[side][AzProblemBoundaryIndex(p, side, i, j, k)]].type != AZ_BC_ELECTRODE) continue;
      A  = side < 0 ? p->region[r].a_v * AzGridVolume(g, i, j, k) : AzGridFaceArea(g, d, i, j, k);
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

PetscInt AzFormulaElements(const char name[], char sym[][3], PetscReal n[], PetscInt max)
{
  PetscInt ne = 0;
  for (const char *q = name; *q && *q != '^' && *q != '+' && *q != '-';) {
    char     s[3]  = {*q++, 0, 0};
    PetscInt count = 0, k;
    if (*q >= 'a' && *q <= 'z') s[1] = *q++;
    while (*q >= '0' && *q <= '9') count = 10 * count + (*q++ - '0');
    for (k = 0; k < ne && strcmp(sym[k], s); k++)
      ;
    if (k == ne && ne < max) strcpy(sym[ne], s), n[ne++] = 0;
    if (k < ne) n[k] += count ? count : 1;
  }
  return ne;
}

PetscErrorCode AzNPConservation(AzProblem *p, PetscReal *element_rel, PetscReal *charge_rel)
{
  const AzNP      *np  = p->np;
  const AzGrid    *g   = &p->grid;
  const PetscInt   dof = p->nspecies, sp = p->s_phi;
  const PetscReal *c;
  Vec              Xl;
  AzCellRow        row;
  AzNPNeighbours   nb = {.bnd = NULL};
  // per unknown (the eliminated ion at dof): what leaves through the boundary less what the electrodes make, and the
  // outlet's throughput; then the working electrode's current
  PetscReal bnd[AZ_MAX_SPECIES + 1] = {0}, sum[2 * AZ_MAX_SPECIES + 3] = {0}, a[AZ_MAX_SPECIES + 1][16] = {{0}}, worst = 0;
  PetscBool held = PETSC_FALSE;
  char      sym[16][3];
  PetscInt  nel = 0;

  PetscFunctionBeginUser;
  for (PetscInt r = 0; r < p->nregion; r++) held = (PetscBool)(held || np->held[r]);
  *element_rel = *charge_rel = -1;
  if (held) PetscFunctionReturn(PETSC_SUCCESS);  // a held bulk is a reservoir: no balance over the domain
  nb.bnd = bnd;
  PetscCall(AzLocalStateGet(g, p->c, &Xl, &c));
  AzForOwnedCells(g, i, j, k)
  {
    const PetscInt l = AzGridLocal(g, i, j, k);
    if (!AzGridOnBoundary(g, i, j, k) && p->region[g->tag[l]].a_v == 0) continue;  // (a catalyst layer's cells make ions)
    PetscCall(AzNPCellResidual(p, c, i, j, k, AZ_ROW_FULL, &row, &nb));
    if (i == g->M[0] - 1 && p->ux)
      for (PetscInt s = 0; s <= dof; s++) {
        const PetscReal cs = s < dof ? c[l * dof + s] : AzNPEliminated(np, dof, g->tag[l], c + l * dof, NULL);
        if (s != sp) sum[dof + 1 + s] += PetscAbsReal(cs * p->ux[j + g->M[1] * k]) * AzGridFaceArea(g, 0, i, j, k);
      }
    sum[2 * dof + 2] += row.cur_electrode;
  }
  PetscCall(AzLocalStateRestore(&Xl, &c));
  for (PetscInt s = 0; s <= dof; s++) sum[s] = bnd[s];
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, sum, 2 * dof + 3, MPIU_REAL, MPIU_SUM, p->comm));
  // each element's net outflow (the boundary fluxes of its species computed face by face, independently of the
  // interior's), against its outlet throughput and the electrode's formation scale, i/F
  for (PetscInt s = 0; s <= dof; s++) {
    // (the gas-phase reactant, "c_n2_gas", is its dissolved species' molecule)
    const AzSpeciesInfo *info = s < dof ? p->species[s == p->s_gas ? AZ_N2 : s].info : np->ionic->sp[np->ionic->elim].info;
    char                 ss[8][3];
    PetscReal            ns[8];
    PetscInt             m;
    if (s == sp || !info) continue;
    m = AzFormulaElements(info->name, ss, ns, 8);
    for (PetscInt e = 0; e < m; e++) {
      PetscInt q;
      if (!strcmp(ss[e], "H") || !strcmp(ss[e], "O")) continue;  // water, the solvent, is no unknown
      for (q = 0; q < nel && strcmp(sym[q], ss[e]); q++)
        ;
      if (q == nel && nel < 16) strcpy(sym[nel++], ss[e]);
      if (q < 16) a[s][q] = ns[e];
    }
  }
  for (PetscInt e = 0; e < nel; e++) {
    PetscReal res = 0, scale = PetscAbsReal(sum[2 * dof + 2]) / AZ_FARADAY;
    for (PetscInt s = 0; s <= dof; s++) res += a[s][e] * sum[s], scale += a[s][e] * sum[dof + 1 + s];
    if (scale > 0) worst = PetscMax(worst, PetscAbsReal(res) / scale);
  }
  *element_rel = worst;
  {
    PetscReal q = np->z_e * sum[dof];   // the charge the boundary fluxes carry out, the counter's H+ or OH- and the
    for (PetscInt s = 0; s < dof; s++)  // electrode's formation included: zero where charge is conserved
      if (s != sp) q += np->z[s] * sum[s];
    *charge_rel = sum[2 * dof + 2] != 0 ? PetscAbsReal(AZ_FARADAY * q) / PetscAbsReal(sum[2 * dof + 2]) : 0;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
