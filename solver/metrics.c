// Metrics of DESIGN §5 from the solved fields: electrode-area averages, the N2 balance, and the numbers that say
// how far transport caps the reaction.
#include <azote/metrics.h>

// The N2OR metrics from an anode's main and side current densities (cathodic positive, so negative).
static void AzMetricsAnode(AzMetrics *m, PetscReal i_main, PetscReal i_side)
{
  m->i_n2or_A_m2 = 0.0 - i_main;  // anodic positive (0 - x: no "-0")
  m->i_oer_A_m2  = 0.0 - i_side;
  m->fe_no3      = i_main + i_side != 0 ? 0.0 + i_main / (i_main + i_side) : 0;
  // 2 NO3- per N2 and 10 e- per N2: mol NO3- m^-2 s^-1 = i / (5 F)
  m->no3_rate_ug_h_cm2 = m->i_n2or_A_m2 / (5 * AZ_FARADAY) * AZ_M_NO3 * 1e9 * 3600 * 1e-4;
}

// A full cell's anode: N2OR metrics per anode area, its current and mean surface potential.
static PetscErrorCode AzMetricsComputeAnode(AzProblem *p, AzMetrics *m)
{
  AzElectrodePiece *f;
  PetscInt          n;
  PetscReal         sum[4] = {0, 0, 0, 0};  // A, A*i_main, A*i_side, A*phi_s

  PetscFunctionBeginUser;
  PetscCall(AzProblemElectrodePieces(p, AZ_BC_ANODE, &n, &f));
  for (PetscInt e = 0; e < n; e++) {
    sum[0] += f[e].area;
    sum[1] += f[e].area * f[e].state.i_main;
    sum[2] += f[e].area * f[e].state.i_side;
    sum[3] += f[e].area * f[e].state.phi_s;
  }
  PetscCall(PetscFree(f));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, sum, 4, MPIU_REAL, MPIU_SUM, p->comm));
  PetscCheck(sum[0] > 0, p->comm, PETSC_ERR_USER_INPUT, "the anode covers no face of the grid: refine the mesh");
  m->has_anode          = PETSC_TRUE;
  m->anode_current_A    = -(sum[1] + sum[2]);
  m->phi_s_anode_mean_V = sum[3] / sum[0];
  AzMetricsAnode(m, sum[1] / p->anode_area, sum[2] / p->anode_area);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzMetricsCompute(AzProblem *p, PetscReal c_bulk, PetscReal D, AzMetrics *m)
{
  AzElectrodePiece *f;
  PetscInt          n;
  PetscReal         sum[7] = {0, 0, 0, 0, 0, 0, 0}, cmin = PETSC_MAX_REAL;  // weight, weight*c_s, A*i_main, A*i_side, depleted, A, A*phi_s

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(m, sizeof(*m)));
  PetscCall(AzProblemElectrodePieces(p, AZ_BC_ELECTRODE, &n, &f));
  for (PetscInt e = 0; e < n; e++) {
    sum[0] += f[e].weight;
    sum[1] += f[e].weight * f[e].state.c_s;
    sum[2] += f[e].area * f[e].state.i_main;
    sum[3] += f[e].area * f[e].state.i_side;
    if (f[e].state.c_s < 0.1 * c_bulk) sum[4] += f[e].weight;
    sum[5] += f[e].area;
    sum[6] += f[e].area * f[e].state.phi_s;
    cmin = PetscMin(cmin, f[e].state.c_s);
  }
  PetscCall(PetscFree(f));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, sum, 7, MPIU_REAL, MPIU_SUM, p->comm));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &cmin, 1, MPIU_REAL, MPIU_MIN, p->comm));
  PetscCheck(sum[0] > 0 && p->electrode_area > 0, p->comm, PETSC_ERR_USER_INPUT,
             "the electrode covers no face or cell of the grid: refine the mesh");
  PetscCall(AzProblemBalance(p, &m->balance));

  m->electrode_area_m2      = p->electrode_area;
  m->roughness              = sum[5] / p->electrode_area;
  m->phi_s_mean_V           = sum[5] > 0 ? sum[6] / sum[5] : 0;
  m->c_bulk_mol_m3          = c_bulk;
  m->c_surf_mean_mol_m3     = sum[1] / sum[0];
  m->c_surf_min_mol_m3      = cmin;
  m->depletion              = c_bulk > 0 ? 1 - m->c_surf_mean_mol_m3 / c_bulk : 0;
  m->area_fraction_depleted = sum[4] / sum[0];
  m->kind                   = p->electrode.kind;
  m->i_main_A_m2            = sum[2] / p->electrode_area;
  m->i_side_A_m2            = sum[3] / p->electrode_area;
  m->i_total_A_m2           = m->i_main_A_m2 + m->i_side_A_m2;
  switch (m->kind) {
  case AZ_REACTION_N2RR:
    m->i_n2rr_A_m2 = m->i_main_A_m2;
    m->i_her_A_m2  = m->i_side_A_m2;
    m->fe_nh3      = m->i_total_A_m2 != 0 ? m->i_n2rr_A_m2 / m->i_total_A_m2 : 0;
    // 2 NH3 per N2 and 6 e- per N2: mol NH3 m^-2 s^-1 = i / (3 F); to ug h^-1 cm^-2.
    m->nh3_rate_ug_h_cm2 = m->i_n2rr_A_m2 / (3 * AZ_FARADAY) * AZ_M_NH3 * 1e9 * 3600 * 1e-4;
    break;
  case AZ_REACTION_N2OR:
    AzMetricsAnode(m, m->i_main_A_m2, m->i_side_A_m2);
    break;
  case AZ_REACTION_ORR:
    m->i_orr_A_m2 = m->i_main_A_m2;
    m->i_her_A_m2 = m->i_side_A_m2;
    break;
  }
  m->n2_conversion    = m->balance.in > 0 ? m->balance.consumed / m->balance.in : 0;
  m->mass_balance_rel = m->balance.in > 0 ? PetscAbsReal(m->balance.in - m->balance.out - m->balance.consumed) / m->balance.in : 0;
  if (p->anode_area > 0) PetscCall(AzMetricsComputeAnode(p, m));
  m->D_reactant_m2_s = D;
  m->D_n2_m2_s       = m->kind == AZ_REACTION_ORR ? 0 : D;  // N2 is not solved with the ORR
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzMetricsFinish(AzProblem *p, PetscReal i_lim, PetscReal L, AzMetrics *m)
{
  const PetscReal nF = AzElectrodeMain(&p->electrode)->n_electrons * AZ_FARADAY;

  PetscFunctionBeginUser;
  m->i_lim_A_m2 = i_lim;
  if (m->kind == AZ_REACTION_N2RR) m->i_lim_n2rr_A_m2 = i_lim;
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
  if (m->kind == AZ_REACTION_N2OR || m->has_anode) {  // a working anode, or a full cell's
    PetscCall(fn("i_n2or_A_m2", m->i_n2or_A_m2, ctx));
    PetscCall(fn("i_oer_A_m2", m->i_oer_A_m2, ctx));
    PetscCall(fn("fe_no3", m->fe_no3, ctx));
    PetscCall(fn("no3_rate_ug_h_cm2", m->no3_rate_ug_h_cm2, ctx));
  }
  if (m->kind == AZ_REACTION_N2OR) PetscCall(fn("i_lim_n2or_A_m2", m->i_lim_A_m2, ctx));
  if (m->kind == AZ_REACTION_ORR) {
    PetscCall(fn("i_orr_A_m2", m->i_orr_A_m2, ctx));
    PetscCall(fn("i_lim_orr_A_m2", m->i_lim_A_m2, ctx));
    PetscCall(fn("D_o2_m2_s", m->D_reactant_m2_s, ctx));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
