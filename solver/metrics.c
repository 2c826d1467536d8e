// Metrics of DESIGN §5 from the solved fields: electrode-area averages, the N2 balance, and the numbers that say
// how far transport caps the reaction.
#include <azote/metrics.h>

PetscErrorCode AzProblemElectrodeFaces(AzProblem *p, PetscInt *n, AzElectrodeFaceRecord **faces)
{
  const AzGrid          *g = &p->grid;
  Vec                    Xl;
  const PetscReal       *c;
  PetscInt               count = 0, cap = 0;
  AzElectrodeFaceRecord *rec = NULL;

  PetscFunctionBeginUser;
  PetscCall(DMGetLocalVector(g->da, &Xl));
  PetscCall(DMGlobalToLocal(g->da, p->c, INSERT_VALUES, Xl));
  PetscCall(VecGetArrayRead(Xl, &c));
  for (PetscInt pass = 0; pass < 2; pass++) {  // count, then fill
    if (pass == 1) {
      PetscCall(PetscMalloc1(PetscMax(count, 1), &rec));
      cap   = count;
      count = 0;
    }
    for (PetscInt s = 0; s < 2 * g->dim; s++) {
      const PetscInt d = s / 2;
      for (PetscInt k = g->xs[2]; k < g->xs[2] + g->xm[2]; k++)
        for (PetscInt j = g->xs[1]; j < g->xs[1] + g->xm[1]; j++)
          for (PetscInt i = g->xs[0]; i < g->xs[0] + g->xm[0]; i++) {
            const PetscInt idx[3] = {i, j, k};
            if (idx[d] != (s % 2 ? g->M[d] - 1 : 0)) continue;
            if (p->patch[p->bc[s][AzProblemBoundaryIndex(p, s, i, j, k)]].type != AZ_BC_ELECTRODE) continue;
            if (pass == 1) {
              AzElectrodeFaceRecord *r = &rec[count];
              const PetscReal        h = s % 2 ? g->xf[d][idx[d] + 1] - g->xc[d][idx[d]] : g->xc[d][idx[d]] - g->xf[d][idx[d]];
              const PetscInt         l = AzGridLocal(g, i, j, k);
              for (PetscInt e = 0; e < 3; e++) r->x[e] = e == d ? g->xf[d][s % 2 ? idx[d] + 1 : idx[d]] : g->xc[e][idx[e]];
              r->area = AzGridFaceArea(g, d, i, j, k);
              PetscCall(AzElectrodeFaceSolve(&p->electrode, c[l], p->region[g->tag[l]].D / h, p->T, &r->state));
            }
            count++;
          }
    }
  }
  PetscCheck(count == cap, PETSC_COMM_SELF, PETSC_ERR_PLIB, "electrode face count changed");
  PetscCall(VecRestoreArrayRead(Xl, &c));
  PetscCall(DMRestoreLocalVector(g->da, &Xl));
  *n     = count;
  *faces = rec;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzMetricsCompute(AzProblem *p, PetscReal c_bulk, PetscReal D, AzMetrics *m)
{
  AzElectrodeFaceRecord *f;
  PetscInt               n;
  PetscReal              sum[6] = {0, 0, 0, 0, 0, 0}, cmin = PETSC_MAX_REAL;  // area, area*c_s, i_n2rr, i_her, depleted area

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(m, sizeof(*m)));
  PetscCall(AzProblemElectrodeFaces(p, &n, &f));
  for (PetscInt e = 0; e < n; e++) {
    const PetscReal A = f[e].area;
    sum[0] += A;
    sum[1] += A * f[e].state.c_s;
    sum[2] += A * f[e].state.i_n2rr;
    sum[3] += A * f[e].state.i_her;
    if (f[e].state.c_s < 0.1 * c_bulk) sum[4] += A;
    cmin = PetscMin(cmin, f[e].state.c_s);
  }
  PetscCall(PetscFree(f));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, sum, 6, MPIU_REAL, MPIU_SUM, p->comm));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &cmin, 1, MPIU_REAL, MPIU_MIN, p->comm));
  PetscCheck(sum[0] > 0, p->comm, PETSC_ERR_USER_INPUT, "the electrode covers no boundary face of the grid: refine the mesh or widen it");
  PetscCall(AzProblemBalance(p, &m->balance));

  m->electrode_area_m2      = sum[0];
  m->c_bulk_mol_m3          = c_bulk;
  m->c_surf_mean_mol_m3     = sum[1] / sum[0];
  m->c_surf_min_mol_m3      = cmin;
  m->depletion              = c_bulk > 0 ? 1 - m->c_surf_mean_mol_m3 / c_bulk : 0;
  m->area_fraction_depleted = sum[4] / sum[0];
  m->i_n2rr_A_m2            = sum[2] / sum[0];
  m->i_her_A_m2             = sum[3] / sum[0];
  m->i_total_A_m2           = m->i_n2rr_A_m2 + m->i_her_A_m2;
  m->fe_nh3                 = m->i_total_A_m2 != 0 ? m->i_n2rr_A_m2 / m->i_total_A_m2 : 0;
  // 2 NH3 per N2 and 6 e- per N2: mol NH3 m^-2 s^-1 = i / (3 F); to ug h^-1 cm^-2.
  m->nh3_rate_ug_h_cm2 = m->i_n2rr_A_m2 / (3 * AZ_FARADAY) * AZ_M_NH3 * 1e9 * 3600 * 1e-4;
  m->n2_conversion     = m->balance.in > 0 ? m->balance.consumed / m->balance.in : 0;
  m->mass_balance_rel  = m->balance.in > 0 ? PetscAbsReal(m->balance.in - m->balance.out - m->balance.consumed) / m->balance.in : 0;
  m->D_n2_m2_s         = D;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzMetricsFinish(AzProblem *p, PetscReal i_lim, PetscReal L, AzMetrics *m)
{
  const PetscReal nF = p->electrode.n2rr.n_electrons * AZ_FARADAY;

  PetscFunctionBeginUser;
  m->i_lim_n2rr_A_m2 = i_lim;
  m->damkohler       = i_lim > 0 ? AzElectrodeKineticN2RR(&p->electrode, m->c_bulk_mol_m3, p->T) / i_lim : 0;
  m->sherwood        = m->c_bulk_mol_m3 > 0 ? i_lim / (nF * m->c_bulk_mol_m3) * L / m->D_n2_m2_s : 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzMetricsForEach(const AzMetrics *m, PetscErrorCode (*fn)(const char *, PetscReal, void *), void *ctx)
{
  const struct {
    const char *name;
    PetscReal   value;
  } list[] = {
      {"c_bulk_mol_m3", m->c_bulk_mol_m3},
      {"c_surf_mean_mol_m3", m->c_surf_mean_mol_m3},
      {"c_surf_min_mol_m3", m->c_surf_min_mol_m3},
      {"depletion", m->depletion},
      {"area_fraction_depleted", m->area_fraction_depleted},
      {"i_n2rr_A_m2", m->i_n2rr_A_m2},
      {"i_her_A_m2", m->i_her_A_m2},
      {"i_total_A_m2", m->i_total_A_m2},
      {"fe_nh3", m->fe_nh3},
      {"nh3_rate_ug_h_cm2", m->nh3_rate_ug_h_cm2},
      {"i_lim_n2rr_A_m2", m->i_lim_n2rr_A_m2},
      {"damkohler", m->damkohler},
      {"sherwood", m->sherwood},
      {"n2_conversion", m->n2_conversion},
      {"mass_balance_rel", m->mass_balance_rel},
      {"D_n2_m2_s", m->D_n2_m2_s},
  };

  PetscFunctionBeginUser;
  for (size_t i = 0; i < sizeof(list) / sizeof(list[0]); i++) PetscCall(fn(list[i].name, list[i].value, ctx));
  PetscFunctionReturn(PETSC_SUCCESS);
}
