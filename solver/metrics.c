// Metrics of DESIGN §5 from the solved fields: electrode-area averages, the N2 balance, and the numbers that say
// how far transport caps the reaction.
#include <azote/metrics.h>

// The currents of electrode e's pieces: sum over the pieces of area x each reaction's current density, and of the
// weights the caller asks for. Collective.
static void AzCurrentsOfPieces(const AzElectrode *e, const AzElectrodePiece *f, PetscInt n, PetscReal sum[])
{
  for (PetscInt k = 0; k < n; k++)
    for (PetscInt r = 0; r < e->nreaction; r++) sum[r] += f[k].area * f[k].state.i[r];
}

// A full cell's anode: its reactions' currents per anode area, its current and mean surface potential.
static PetscErrorCode AzMetricsComputeAnode(AzProblem *p, AzMetrics *m)
{
  AzElectrodePiece *f;
  PetscInt          n, nr = p->anode.nreaction;
  PetscReal         sum[2 + AZ_MAX_ELECTRODE_REACTIONS] = {0};  // A, A*phi_s, A*i_r

  PetscFunctionBeginUser;
  PetscCall(AzProblemElectrodePieces(p, AZ_BC_ANODE, &n, &f));
  for (PetscInt e = 0; e < n; e++) {
    sum[0] += f[e].area;
    sum[1] += f[e].area * f[e].state.phi_s;
  }
  AzCurrentsOfPieces(&p->anode, f, n, sum + 2);
  PetscCall(PetscFree(f));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, sum, 2 + nr, MPIU_REAL, MPIU_SUM, p->comm));
  PetscCheck(sum[0] > 0, p->comm, PETSC_ERR_USER_INPUT, "the anode covers no face of the grid: refine the mesh");
  m->has_anode          = PETSC_TRUE;
  m->phi_s_anode_mean_V = sum[1] / sum[0];
  m->anode_current_A    = 0;
  for (PetscInt r = 0; r < nr; r++) {
    m->anode.i[r] = sum[2 + r] / p->anode_area;
    m->anode_current_A -= sum[2 + r];
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzMetricsSetShape(const AzElectrode *working, const AzElectrode *anode, AzMetrics *m)
{
  PetscFunctionBeginUser;
  m->main              = working->reaction[0].info;
  m->working.nreaction = working->nreaction;
  for (PetscInt r = 0; r < working->nreaction; r++) m->working.info[r] = working->reaction[r].info;
  m->has_anode       = (PetscBool)(anode && anode->nreaction > 0);
  m->anode.nreaction = m->has_anode ? anode->nreaction : 0;
  for (PetscInt r = 0; r < m->anode.nreaction; r++) m->anode.info[r] = anode->reaction[r].info;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscReal AzMetricsCurrent(const AzMetrics *m, const char name[])
{
  for (PetscInt r = 0; r < m->working.nreaction; r++)
    if (!strcmp(m->working.info[r]->name, name)) return m->working.i[r];
  return 0;
}

PetscErrorCode AzMetricsCompute(AzProblem *p, PetscReal c_bulk, PetscReal D, AzMetrics *m)
{
  AzElectrodePiece *f;
  PetscInt          n, nr = p->electrode.nreaction;
  PetscReal         sum[5 + AZ_MAX_ELECTRODE_REACTIONS] = {0}, cmin = PETSC_MAX_REAL;  // weight, weight*c_s, depleted, A, A*phi_s, A*i_r

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(m, sizeof(*m)));
  PetscCall(AzMetricsSetShape(&p->electrode, p->anode_area > 0 ? &p->anode : NULL, m));
  m->has_anode = PETSC_FALSE;  // set with its values below
  PetscCall(AzProblemElectrodePieces(p, AZ_BC_ELECTRODE, &n, &f));
  for (PetscInt e = 0; e < n; e++) {
    sum[0] += f[e].weight;
    sum[1] += f[e].weight * f[e].state.c_s;
    if (f[e].state.c_s < 0.1 * c_bulk) sum[2] += f[e].weight;
    sum[3] += f[e].area;
    sum[4] += f[e].area * f[e].state.phi_s;
    cmin = PetscMin(cmin, f[e].state.c_s);
  }
  AzCurrentsOfPieces(&p->electrode, f, n, sum + 5);
  PetscCall(PetscFree(f));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, sum, 5 + nr, MPIU_REAL, MPIU_SUM, p->comm));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &cmin, 1, MPIU_REAL, MPIU_MIN, p->comm));
  PetscCheck(sum[0] > 0 && p->electrode_area > 0, p->comm, PETSC_ERR_USER_INPUT,
             "the electrode covers no face or cell of the grid: refine the mesh");
  PetscCall(AzProblemBalance(p, &m->balance));

  m->electrode_area_m2      = p->electrode_area;
  m->roughness              = sum[3] / p->electrode_area;
  m->phi_s_mean_V           = sum[3] > 0 ? sum[4] / sum[3] : 0;
  m->c_bulk_mol_m3          = c_bulk;
  m->c_surf_mean_mol_m3     = sum[1] / sum[0];
  m->c_surf_min_mol_m3      = cmin;
  m->depletion              = c_bulk > 0 ? 1 - m->c_surf_mean_mol_m3 / c_bulk : 0;
  m->area_fraction_depleted = sum[2] / sum[0];
  m->i_total_A_m2           = 0;
  for (PetscInt r = 0; r < nr; r++) {
    m->working.i[r] = sum[5 + r] / p->electrode_area;
    m->i_total_A_m2 += m->working.i[r];
  }
  m->i_main_A_m2         = m->working.i[0];
  m->reactant_conversion = m->balance.in > 0 ? m->balance.consumed / m->balance.in : 0;
  m->n2_conversion       = 0;
  for (PetscInt t = 0; t < p->nspecies; t++) {  // dissolved N2: the reactant, or a full cell's anode's (an ORR cathode's)
    if (!p->species[t].info || strcmp(p->species[t].info->name, "N2")) continue;
    if (t == AZ_N2)
      m->n2_conversion = m->reactant_conversion;
    else {
      AzBalance b;
      PetscCall(AzProblemBalanceOf(p, t, &b));
      m->n2_conversion = b.in > 0 ? b.consumed / b.in : 0;
    }
  }
  m->mass_balance_rel = m->balance.in > 0 ? PetscAbsReal(m->balance.in - m->balance.out - m->balance.consumed) / m->balance.in : 0;
  if (p->anode_area > 0) PetscCall(AzMetricsComputeAnode(p, m));
  if (p->np) PetscCall(AzNPMetrics(p, m));  // the ionic model: pH and the surface section
  m->D_reactant_m2_s = D;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzMetricsFinish(AzProblem *p, PetscReal i_lim, PetscReal L, AzMetrics *m)
{
  const PetscReal nF = PetscAbsReal(AzElectrodeChargePerReactant(&p->electrode));

  PetscFunctionBeginUser;
  m->i_lim_A_m2 = i_lim;
  {
    // kinetic current of the main reaction at c_bulk per geometric area over the transport cap; no cap (a cell with
    // no supply at steady state) makes the ratio infinite: written as null in summary.json
    AzElectrode e = p->electrode;  // at the electrode's potential against the electrolyte at its surface
    e.potential -= m->phi_s_mean_V;
    const PetscReal i_kin = m->roughness * AzElectrodeKinetic(&e, m->c_bulk_mol_m3, p->T);
    m->damkohler          = i_lim > 0 ? i_kin / i_lim : (i_kin > 0 ? PETSC_INFINITY : 0);
  }
  m->sherwood = m->c_bulk_mol_m3 > 0 ? i_lim / (nF * m->c_bulk_mol_m3) * L / m->D_reactant_m2_s : 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef struct {
  PetscInt     max, n;
  const char **names;
  PetscReal   *values;
} AzMetricsArrays;

static PetscErrorCode AzMetricsAppend(const char *name, PetscReal v, void *ctx)
{
  AzMetricsArrays *a = (AzMetricsArrays *)ctx;

  PetscFunctionBeginUser;
  PetscCheck(a->n < a->max, PETSC_COMM_SELF, PETSC_ERR_PLIB, "more than %" PetscInt_FMT " metrics", a->max);
  if (a->names) a->names[a->n] = name;
  if (a->values) a->values[a->n] = v;
  a->n++;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzMetricsList(const AzMetrics *m, PetscInt max, PetscInt *n, const char *names[], PetscReal values[])
{
  AzMetricsArrays a = {max, 0, names, values};

  PetscFunctionBeginUser;
  PetscCall(AzMetricsForEach(m, AzMetricsAppend, &a));
  *n = a.n;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Faradaic efficiency of reaction r of an electrode running in direction dir (+1 a cathode, -1 an anode): its share
// of the charge passed in that direction.
static PetscReal AzFaradaicEfficiency(const AzElectrodeCurrents *e, PetscInt r, PetscReal dir)
{
  PetscReal total = 0;
  for (PetscInt k = 0; k < e->nreaction; k++) total += PetscMax(dir * e->i[k], 0);
  return total > 0 ? PetscMax(dir * e->i[r], 0) / total : 0;
}

// Production rate of reaction r's product, ug h^-1 cm^-2 (signed: negative where the reverse branch consumes it).
static PetscReal AzProductionRate(const AzReactionInfo *info, PetscReal i)
{
  const AzSpeciesInfo *prod = AzSpeciesFind(info->product);
  // nu / n mol of product per mol of electrons, written as n / nu (3 for N2RR, -5 for N2OR: exact)
  return i / (info->n / AzReactionNu(info, info->product) * AZ_FARADAY) * prod->molar_mass * 1e9 * 3600 * 1e-4;
}

// Position of reaction `name` on electrode e, -1 if it does not run there.
static PetscInt AzCurrentsFind(const AzElectrodeCurrents *e, const AzReactionInfo *info)
{
  for (PetscInt k = 0; k < e->nreaction; k++)
    if (e->info[k] == info) return k;
  return -1;
}

// A reaction's product metrics on an electrode (FE and production rate), or zeros where it does not run there.
static PetscErrorCode AzProductMetrics(const AzReactionInfo *info, const AzElectrodeCurrents *e, PetscReal dir,
                                       PetscErrorCode (*fn)(const char *, PetscReal, void *), void *ctx)
{
  const PetscInt k = e ? AzCurrentsFind(e, info) : -1;

  PetscFunctionBeginUser;
  if (!info->fe_metric) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(fn(info->fe_metric, k >= 0 ? 0.0 + AzFaradaicEfficiency(e, k, dir) : 0, ctx));
  PetscCall(fn(info->rate_metric, k >= 0 ? 0.0 + AzProductionRate(info, e->i[k]) : 0, ctx));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzMetricsForEach(const AzMetrics *m, PetscErrorCode (*fn)(const char *, PetscReal, void *), void *ctx)
{
  PetscInt                     n;
  const AzReactionInfo *const *rows;
  const PetscBool              anode_main = (PetscBool)(m->main && m->main->oxidation);
  const AzElectrodeCurrents *cathode = anode_main ? NULL : &m->working, *anode = anode_main ? &m->working : m->has_anode ? &m->anode : NULL;
  PetscBool                  reported[AZ_MAX_ELECTRODE_REACTIONS][2] = {{PETSC_FALSE}};
  const struct {
    const char *name;
    PetscReal   value;
  } head[] = {
      {"c_bulk_mol_m3", m->c_bulk_mol_m3},
      {"c_surf_mean_mol_m3", m->c_surf_mean_mol_m3},
      {"c_surf_min_mol_m3", m->c_surf_min_mol_m3},
      {"depletion", m->depletion},
      {"area_fraction_depleted", m->area_fraction_depleted},
  };
  const struct {
    const char *name;
    PetscReal   value;
  } transport[] = {
      {"damkohler", m->damkohler},
      {"sherwood", m->sherwood},
      {"n2_conversion", m->n2_conversion},
      {"mass_balance_rel", m->mass_balance_rel},
  };

  PetscFunctionBeginUser;
  PetscCall(AzReactionTable(&n, &rows));
  for (size_t i = 0; i < sizeof(head) / sizeof(head[0]); i++) PetscCall(fn(head[i].name, head[i].value, ctx));
  // the rows every cathode reports (DESIGN §5: N2RR, HER), cathodic positive
  for (PetscInt k = 0; k < n; k++) {
    PetscInt at = -1;
    if (rows[k]->report != AZ_REPORT_CATHODE) continue;
    if (cathode && (at = AzCurrentsFind(cathode, rows[k])) >= 0) reported[at][0] = PETSC_TRUE;
    PetscCall(fn(rows[k]->i_metric, at >= 0 ? cathode->i[at] : 0, ctx));
  }
  PetscCall(fn("i_total_A_m2", m->i_total_A_m2, ctx));
  for (PetscInt k = 0; k < n; k++)
    if (rows[k]->report == AZ_REPORT_CATHODE) PetscCall(AzProductMetrics(rows[k], cathode, 1, fn, ctx));
  for (PetscInt k = 0; k < n; k++)
    if (rows[k]->report == AZ_REPORT_CATHODE && rows[k]->lim_metric)
      PetscCall(fn(rows[k]->lim_metric, m->main == rows[k] ? m->i_lim_A_m2 : 0, ctx));
  for (size_t i = 0; i < sizeof(transport) / sizeof(transport[0]); i++) PetscCall(fn(transport[i].name, transport[i].value, ctx));
  // the reactant of the reported cathode rows (N2): its diffusivity, 0 where it is not solved
  for (PetscInt k = 0; k < n; k++) {
    const AzSpeciesInfo *r = rows[k]->report == AZ_REPORT_CATHODE && rows[k]->reactant ? AzSpeciesFind(rows[k]->reactant) : NULL;
    if (r && r->d_metric)
      PetscCall(fn(r->d_metric, m->main && m->main->reactant && !strcmp(m->main->reactant, r->name) ? m->D_reactant_m2_s : 0, ctx));
  }
  // the rows every anode reports (N2OR, OER), anodic positive: a working anode's or a full cell's
  if (anode) {
    for (PetscInt k = 0; k < n; k++) {
      PetscInt at;
      if (rows[k]->report != AZ_REPORT_ANODE) continue;
      if ((at = AzCurrentsFind(anode, rows[k])) >= 0) reported[at][anode == &m->anode] = PETSC_TRUE;
      PetscCall(fn(rows[k]->i_metric, at >= 0 ? 0.0 - anode->i[at] : 0, ctx));  // 0 - x: no "-0"
    }
    for (PetscInt k = 0; k < n; k++)
      if (rows[k]->report == AZ_REPORT_ANODE) PetscCall(AzProductMetrics(rows[k], anode, -1, fn, ctx));
  }
  if (anode_main && m->main->lim_metric) PetscCall(fn(m->main->lim_metric, m->i_lim_A_m2, ctx));
  // a main reaction reported only where it runs (ORR)
  if (m->main && m->main->report == AZ_REPORT_WHERE_IT_RUNS) {
    const AzSpeciesInfo *r = AzSpeciesFind(m->main->reactant);
    reported[0][0]         = PETSC_TRUE;
    PetscCall(fn(m->main->i_metric, m->working.i[0], ctx));
    PetscCall(AzProductMetrics(m->main, &m->working, 1, fn, ctx));
    if (m->main->lim_metric) PetscCall(fn(m->main->lim_metric, m->i_lim_A_m2, ctx));
    if (r->d_metric) PetscCall(fn(r->d_metric, m->D_reactant_m2_s, ctx));
    if (r->conv_metric) PetscCall(fn(r->conv_metric, m->reactant_conversion, ctx));
  }
  // any other reaction that runs: its current (cathodic positive) and its product's metrics
  for (PetscInt side = 0; side < 2; side++) {
    const AzElectrodeCurrents *e = side ? (m->has_anode ? &m->anode : NULL) : &m->working;
    if (!e) continue;
    for (PetscInt k = 0; k < e->nreaction; k++) {
      if (reported[k][side]) continue;
      PetscCall(fn(e->info[k]->i_metric, e->i[k], ctx));
      PetscCall(AzProductMetrics(e->info[k], e, side || anode_main ? -1 : 1, fn, ctx));
    }
  }
  if (m->has_ph) {  // the ionic model (DESIGN §8)
    PetscCall(fn("ph_bulk", m->ph_bulk, ctx));
    PetscCall(fn("ph_surf_mean", m->ph_surf_mean, ctx));
    PetscCall(fn("ph_surf_min", m->ph_surf_min, ctx));
    PetscCall(fn("ph_surf_max", m->ph_surf_max, ctx));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
