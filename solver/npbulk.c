// The ionic model in time (electrolyte_model tertiary, time_end > 0) in a template of two well-mixed compartments
// joined by a cation-exchange membrane (the H-cell, AzCompartments): the Nernst layer at its quasi-steady state, the
// bulk of each compartment advanced by what enters it.
//
// Time scales: the Nernst layer relaxes in delta^2/D (1e-4 m: 5-10 s for the ions, 5 s for N2), the bubbling in
// 1/kla (minutes), the bulk composition in hours (an hour of 0.4 mA moves 0.5 mM of OH- into 30 mL). So each instant
// the layer is the steady one of the present bulk (AzProblemSolve with the bulk regions held at it), and per
// compartment k of volume V_k the moles n_i of every species change by
//   dn_i/dt = R_i(electrode) + R_i(membrane) + R_i(product crossing),
// then the compartment is brought to chemical equilibrium at its new element and charge totals (solver/speciation.c,
// with the bulk's activity coefficients of t = 0). The electrodes: the working one makes the full stoichiometry of
// its reactions (npimpl.h: H+ taken or OH- given) at the steady layer's currents, which at steady state is what
// leaves the layer into the bulk, element by element; the counter electrode makes H+ (an anode: water oxidation) or
// OH- (a cathode) in the other compartment for the same charge. The membrane, an ideal cation exchanger, carries the
// whole current as cations from the compartment the current leaves, each cation in proportion to its share z^2 D c
// of that compartment's cation conductance (its transport number there; Na+ in Na2SO4, H+ as the anolyte acidifies).
// The main product (NH3 + NH4+) crosses by diffusion, P A_m (c_1 - c_2)/L_m with the membrane's permeability, as
// neutral NH3 (no charge). Dissolved N2 sits at its steady state with the bubbling each instant.
// Integration: Heun's method (explicit trapezoid: a predictor step, the layer solved at the predicted bulk, the
// average of the two rates), steps of time_output_interval; every total is integrated with the same weights, so the
// balances (electrode-made = accumulated in both compartments) hold to the equilibrium solver's round-off.
// The working electrode's potential stays on the RHE scale of the t = 0 bulk (a potentiostat holds it against a
// reference electrode, a fixed potential on the SHE scale).
#include <azote/npbulk.h>
#include <azote/private/npimpl.h>

#define AZ_NPB_MAX_ELEMENTS 8
const char *const AzNPBulkColumnNames[AZ_NPB_COLUMNS] = {"ph_anolyte", "h_membrane_mol", "element_balance_rel", "charge_balance_rel"};

typedef struct {
  AzCase         c;
  AzProblem     *p;
  AzCompartments cmp;
  AzIonic        ion[2];                                // each compartment's bulk (the case's ionic system, its composition)
  PetscReal      n[2][AZ_MAX_IONIC];                    // moles of each ionic species per compartment
  PetscInt       ne;                                    // elements other than H and O
  PetscReal      a[AZ_NPB_MAX_ELEMENTS][AZ_MAX_IONIC];  // atoms of each in each species
  PetscReal      total0[AZ_NPB_MAX_ELEMENTS];           // in both compartments at t = 0, mol
  PetscReal      made[AZ_NPB_MAX_ELEMENTS];             // made by the electrodes since t = 0, mol
  PetscInt       k_nh3, k_nh4;                          // the product's positions in the ionic list (-1: none)
  PetscReal      nh3_0[2];                              // NH3 + NH4+ per compartment at t = 0, mol
  PetscReal      charge, h_mem, n2_consumed, nh3_made;  // C, mol, mol, mol since t = 0
} AzNPBulk;

// The rates of one instant: the layer solved at the present bulk.
typedef struct {
  PetscReal e[2][AZ_MAX_IONIC];  // made by the electrodes in each compartment, mol/s
  PetscReal x[2][AZ_MAX_IONIC];  // exchanged through the membrane, mol/s
  PetscReal current;             // A, cathodic positive
  PetscReal h_mem;               // H+ into the working compartment through the membrane, mol/s
  PetscReal n2;                  // N2 consumed, mol/s
  PetscReal nh3;                 // NH3 + NH4+ made, mol/s
  AzMetrics m;
} AzNPBulkRates;

// Compartment k at equilibrium at the totals of its moles n[k] (H+ taken is OH- given: water's reaction).
static PetscErrorCode AzNPBulkEquilibrate(AzNPBulk *b, PetscInt k)
{
  AzIonic        *ion = &b->ion[k];
  const PetscReal V   = b->cmp.volume[k];
  AzSpeciation    s;
  PetscReal       conc[AZ_MAX_IONIC], x[2];

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(&s, sizeof(s)));
  s.n = ion->n, s.nr = ion->nr;
  for (PetscInt q = 0; q < ion->n; q++) s.c0[q] = b->n[k][q] / V;
  if (s.c0[ion->h] < 0) s.c0[ion->oh] -= s.c0[ion->h], s.c0[ion->h] = 0;
  if (s.c0[ion->oh] < 0) s.c0[ion->h] -= s.c0[ion->oh], s.c0[ion->oh] = 0;
  // the product crosses as NH3 (AzNPBulkRatesCompute): from an NH4+-rich compartment more NH3 than it holds may leave; the
  // NH4+ gave it (NH4+ -> NH3 + H+), which conserves N, H and the charge
  if (b->k_nh3 >= 0 && b->k_nh4 >= 0 && s.c0[b->k_nh3] < 0)
    s.c0[b->k_nh4] += s.c0[b->k_nh3], s.c0[ion->h] -= s.c0[b->k_nh3], s.c0[b->k_nh3] = 0;
  for (PetscInt r = 0; r < ion->nr; r++) {
    const AzIonicReaction *rx = &ion->r[r];
    s.lnK[r]                  = rx->log10K * PetscLogReal(10.0);
    for (PetscInt a = 0; a < rx->n; a++) {
      s.nu[r][rx->sp[a]] = rx->nu[a];
      s.lnK[r] += rx->nu[a] * (PetscLogReal(1e3) - PetscLogReal(ion->sp[rx->sp[a]].gamma));
    }
  }
  for (PetscInt q = 0; q < ion->n; q++)
    PetscCheck(s.c0[q] >= 0, b->c->comm, PETSC_ERR_NOT_CONVERGED,
               "the %s compartment ran out of %s (%g mol/m^3): shorten time_output_interval or time_end", k ? "counter" : "working",
               ion->sp[q].info->name, (double)s.c0[q]);
  PetscCall(AzSpeciationSolve(&s, conc, x));
  for (PetscInt q = 0; q < ion->n; q++) ion->sp[q].c = conc[q], b->n[k][q] = conc[q] * V;
  ion->ph = AzIonicPH(ion, b->c->T, conc[ion->h], conc[ion->oh]);
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The layer at the present bulk of both compartments, and the rates into them.
static PetscErrorCode AzNPBulkRatesCompute(AzNPBulk *b, PetscReal i_lim, PetscReal L, AzNPBulkRates *R)
{
  AzCase          c  = b->c;
  AzProblem      *p  = b->p;
  AzNP           *np = p->np;
  const AzIonic  *ion;
  PetscReal       qz = 0, w[AZ_MAX_IONIC], wsum = 0;
  PetscInt        src, dst;
  const PetscReal A = p->electrode_area;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(R, sizeof(*R)));
  for (PetscInt k = 0; k < 2; k++)
    for (PetscInt s = 0; s < p->nspecies; s++) np->hold[k][s] = np->ion[s] ? b->ion[k].sp[np->pos[s]].c : 0;
  for (PetscInt r = 0; r < p->nregion; r++) np->hold_side[r] = b->cmp.side[r] + 1;
  np->ionic = &b->ion[0];  // the bulk pH reported: the working compartment's
  PetscCall(AzProblemSolve(p));
  PetscCall(AzMetricsCompute(p, p->bulk, c->sol.gas[c->reactant].D, &R->m));
  PetscCall(AzMetricsFinish(p, i_lim, L, &R->m));
  // the working electrode: each reaction's full stoichiometry at its current (what the layer passes to the bulk)
  for (PetscInt q = 0; q < p->electrode.nreaction; q++) {
    const PetscReal rate = R->m.working.i[q] * A / (p->electrode.reaction[q].info->n * AZ_FARADAY);  // mol/s of reaction
    for (PetscInt s = 0; s < p->nspecies; s++)
      if (np->ion[s]) R->e[0][np->pos[s]] += np->nu[0][q][s] * rate;
    R->n2 -= p->electrode.reaction[q].nu_of[AZ_N2] * rate;
  }
  ion = &b->ion[0];
  for (PetscInt k = 0; k < ion->n; k++) qz += ion->sp[k].z * R->e[0][k];
  R->current = -qz * AZ_FARADAY;  // the charge the reactions take from the electrolyte
  if (b->k_nh3 >= 0) R->nh3 = R->e[0][b->k_nh3] + (b->k_nh4 >= 0 ? R->e[0][b->k_nh4] : 0);
  // the counter electrode: the same charge, as H+ made (an anode) or OH- made (a cathode)
  if (qz <= 0)
    R->e[1][ion->h] += -qz;
  else
    R->e[1][ion->oh] += qz;
  // the membrane: the current as cations of the compartment it leaves, in proportion to z^2 D c there
  src = qz <= 0 ? 1 : 0, dst = 1 - src;
  for (PetscInt k = 0; k < ion->n; k++) {
    const AzIonicSpecies *sp = &b->ion[src].sp[k];
    w[k]                     = sp->z > 0 ? sp->z * sp->z * sp->D * sp->c : 0;
    wsum += w[k];
  }
  PetscCheck(wsum > 0, c->comm, PETSC_ERR_PLIB, "no cations to carry the current through the membrane");
  for (PetscInt k = 0; k < ion->n; k++) {
    const PetscReal j = PetscAbsReal(qz) * w[k] / wsum / (w[k] > 0 ? b->ion[src].sp[k].z : 1);  // mol/s
    R->x[src][k] -= j, R->x[dst][k] += j;
    if (k == ion->h) R->h_mem = dst == 0 ? j : -j;
  }
  // the product through the membrane by diffusion, as neutral NH3
  if (b->k_nh3 >= 0 && b->cmp.product_permeability > 0) {
    PetscReal cN[2];
    for (PetscInt k = 0; k < 2; k++) cN[k] = b->ion[k].sp[b->k_nh3].c + (b->k_nh4 >= 0 ? b->ion[k].sp[b->k_nh4].c : 0);
    {
      const PetscReal j = b->cmp.product_permeability * b->cmp.membrane_area / b->cmp.membrane_thickness * (cN[0] - cN[1]);
      R->x[0][b->k_nh3] -= j, R->x[1][b->k_nh3] += j;
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// NH3 + NH4+ in compartment k, mol.
static PetscReal AzNPBulkAmmonia(const AzNPBulk *b, PetscInt k)
{
  return b->k_nh3 < 0 ? 0 : b->n[k][b->k_nh3] + (b->k_nh4 >= 0 ? b->n[k][b->k_nh4] : 0);
}

// One row of timeseries.csv: time_s, the metrics, the transient columns, the ionic model's columns.
static PetscErrorCode AzNPBulkRecord(AzNPBulk *b, PetscReal t, const AzNPBulkRates *R, AzTimeseries *tab)
{
  AzProblem *p = b->p;
  PetscReal  row[64], *at, inv, vol, el = 0, ch = 0;
  PetscInt   nm;

  PetscFunctionBeginUser;
  row[0] = t;
  PetscCall(AzMetricsList(&R->m, 64 - 1 - AZ_TS_EXTRA_COLUMNS - AZ_NPB_COLUMNS, &nm, NULL, row + 1));
  at = row + 1 + nm;
  PetscCall(AzProblemInventory(p, AZ_N2, PETSC_TRUE, &inv, &vol));
  at[AZ_TS_C_MEAN]        = inv / vol;
  at[AZ_TS_NH3_CATHOLYTE] = 1e3 * AzNPBulkAmmonia(b, 0) / b->cmp.volume[0];  // mol/m^3 -> umol/L
  at[AZ_TS_NH3_CROSSED]   = 1e6 * (AzNPBulkAmmonia(b, 1) - b->nh3_0[1]);
  at[AZ_TS_N2_FED]        = b->n2_consumed;  // the steady bubbling brings what the electrode takes
  at[AZ_TS_N2_CONSUMED]   = b->n2_consumed;
  at[AZ_TS_NH3_PRODUCED]  = 1e6 * b->nh3_made;
  at[AZ_TS_CHARGE]        = b->charge;
  at[AZ_TS_POTENTIAL]     = p->electrode.potential;
  at[AZ_TS_CELL_VOLTAGE]  = 0;
  at[AZ_TS_NH3_BALANCE_REL] =
      b->nh3_made > 0
          ? PetscAbsReal(b->nh3_made - (AzNPBulkAmmonia(b, 0) + AzNPBulkAmmonia(b, 1) - b->nh3_0[0] - b->nh3_0[1])) / b->nh3_made
          : 0;
  at += AZ_TS_EXTRA_COLUMNS;
  // each element: in both compartments now against t = 0 and what the electrodes made (relative to the larger of its
  // inventory and what was made); each compartment's charge against its ions' charges
  for (PetscInt e = 0; e < b->ne; e++) {
    PetscReal now = 0;
    for (PetscInt k = 0; k < 2; k++)
      for (PetscInt q = 0; q < b->ion[k].n; q++) now += b->a[e][q] * b->n[k][q];
    el = PetscMax(el, PetscAbsReal(now - b->total0[e] - b->made[e]) / PetscMax(b->total0[e], PetscAbsReal(b->made[e])));
  }
  for (PetscInt k = 0; k < 2; k++) {
    PetscReal net = 0, all = 0;
    for (PetscInt q = 0; q < b->ion[k].n; q++) net += b->ion[k].sp[q].z * b->n[k][q], all += PetscAbsReal(b->ion[k].sp[q].z) * b->n[k][q];
    ch = PetscMax(ch, PetscAbsReal(net) / all);
  }
  at[0] = b->ion[1].ph;
  at[1] = b->h_mem;
  at[2] = el;
  at[3] = ch;
  PetscCheck(1 + nm + AZ_TS_EXTRA_COLUMNS + AZ_NPB_COLUMNS == tab->ncol, p->comm, PETSC_ERR_PLIB, "timeseries row of the wrong width");
  if (tab->nrow == tab->cap) {
    PetscReal *rows;
    tab->cap = PetscMax(16, 2 * tab->cap);
    PetscCall(PetscMalloc1(tab->cap * tab->ncol, &rows));
    if (tab->nrow) PetscCall(PetscArraycpy(rows, tab->rows, tab->nrow * tab->ncol));
    PetscCall(PetscFree(tab->rows));
    tab->rows = rows;
  }
  PetscCall(PetscArraycpy(tab->rows + tab->nrow++ * tab->ncol, row, tab->ncol));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzSolveIonicInTime(AzCase c, AzProblem *p, AzRunStats *st)
{
  AzNPBulk       *b;
  AzNPBulkRates  *R0, *R1;
  PetscReal       i_lim, L, t = 0, pred[2][AZ_MAX_IONIC];
  const PetscReal t_end = c->time_end, dt_out = c->time_output_interval, eps = 1e-12 * c->time_end;
  PetscLogDouble  w0 = AzWallTime();

  PetscFunctionBeginUser;
  PetscCall(PetscNew(&b));
  PetscCall(PetscNew(&R0));
  PetscCall(PetscNew(&R1));
  b->c = c, b->p = p;
  PetscCall(c->ops.compartments(c, p, &b->cmp));
  c->steady_only = PETSC_TRUE;  // the transport cap of dissolved N2, which the ions do not move
  {
    PetscErrorCode ierr = AzIonicLimitingCurrent(c, &i_lim);
    c->steady_only      = PETSC_FALSE;
    PetscCall(ierr);
  }
  PetscCall(c->ops.sherwood_length(c, &L));
  b->ion[0] = b->ion[1] = c->ionic;
  b->k_nh3 = AzIonicFind(&c->ionic, "NH3"), b->k_nh4 = AzIonicFind(&c->ionic, "NH4+");
  for (PetscInt k = 0; k < 2; k++) {
    for (PetscInt q = 0; q < c->ionic.n; q++) b->n[k][q] = c->ionic.sp[q].c * b->cmp.volume[k];
    b->nh3_0[k] = AzNPBulkAmmonia(b, k);
  }
  {
    // the elements other than H and O (water's), and their atoms in each species
    char name[AZ_NPB_MAX_ELEMENTS][3];
    for (PetscInt q = 0; q < c->ionic.n; q++) {
      char      sym[AZ_NPB_MAX_ELEMENTS][3];
      PetscReal cnt[AZ_NPB_MAX_ELEMENTS];
      PetscInt  m = AzFormulaElements(c->ionic.sp[q].info->name, sym, cnt, AZ_NPB_MAX_ELEMENTS), f;
      for (PetscInt e = 0; e < m; e++) {
        if (!strcmp(sym[e], "H") || !strcmp(sym[e], "O")) continue;
        for (f = 0; f < b->ne && strcmp(name[f], sym[e]); f++) {
        }
        if (f == b->ne) {
          PetscCheck(b->ne < AZ_NPB_MAX_ELEMENTS, c->comm, PETSC_ERR_PLIB, "too many elements");
          PetscCall(PetscStrncpy(name[b->ne++], sym[e], 3));
        }
        b->a[f][q] = cnt[e];
      }
    }
    for (PetscInt e = 0; e < b->ne; e++)
      for (PetscInt k = 0; k < 2; k++)
        for (PetscInt q = 0; q < c->ionic.n; q++) b->total0[e] += b->a[e][q] * b->n[k][q];
  }
  PetscCall(AzNPBulkRatesCompute(b, i_lim, L, R0));
  {
    // the table: time_s, the metrics, the transient columns, this model's
    PetscInt nm;
    PetscCall(AzMetricsList(&R0->m, 64 - 1 - AZ_TS_EXTRA_COLUMNS - AZ_NPB_COLUMNS, &nm, NULL, NULL));
    st->series.ncol             = 1 + nm + AZ_TS_EXTRA_COLUMNS + AZ_NPB_COLUMNS;
    st->series.nproduct_columns = 0;
    st->series.nion_columns     = AZ_NPB_COLUMNS;
    for (PetscInt k = 0; k < AZ_NPB_COLUMNS; k++) PetscCall(PetscStrncpy(st->series.ion_names[k], AzNPBulkColumnNames[k], 48));
  }
  PetscCall(AzNPBulkRecord(b, 0, R0, &st->series));
  st->solves = 1;
  while (t < t_end - eps) {
    // Heun: the rates at the start (R0), at the predicted end (R1); the step with their mean
    const PetscReal dt = PetscMin(dt_out, t_end - t);
    PetscCall(PetscArraycpy(pred[0], b->n[0], AZ_MAX_IONIC));
    PetscCall(PetscArraycpy(pred[1], b->n[1], AZ_MAX_IONIC));
    for (PetscInt k = 0; k < 2; k++)
      for (PetscInt q = 0; q < c->ionic.n; q++) b->n[k][q] = pred[k][q] + dt * (R0->e[k][q] + R0->x[k][q]);
    PetscCall(AzNPBulkEquilibrate(b, 0));
    PetscCall(AzNPBulkEquilibrate(b, 1));
    PetscCall(AzNPBulkRatesCompute(b, i_lim, L, R1));
    for (PetscInt k = 0; k < 2; k++)
      for (PetscInt q = 0; q < c->ionic.n; q++)
        b->n[k][q] = pred[k][q] + 0.5 * dt * (R0->e[k][q] + R0->x[k][q] + R1->e[k][q] + R1->x[k][q]);
    for (PetscInt e = 0; e < b->ne; e++)
      for (PetscInt k = 0; k < 2; k++)
        for (PetscInt q = 0; q < c->ionic.n; q++) b->made[e] += 0.5 * dt * b->a[e][q] * (R0->e[k][q] + R1->e[k][q]);
    b->charge += 0.5 * dt * (R0->current + R1->current);
    b->h_mem += 0.5 * dt * (R0->h_mem + R1->h_mem);
    b->n2_consumed += 0.5 * dt * (R0->n2 + R1->n2);
    b->nh3_made += 0.5 * dt * (R0->nh3 + R1->nh3);
    PetscCall(AzNPBulkEquilibrate(b, 0));
    PetscCall(AzNPBulkEquilibrate(b, 1));
    t = t_end - (t + dt) < eps ? t_end : t + dt;
    PetscCall(AzNPBulkRatesCompute(b, i_lim, L, R0));
    PetscCall(AzNPBulkRecord(b, t, R0, &st->series));
    st->solves += 2;
    PetscCall(AzPrintf(
        c->comm, "  t = %8.4g s (%3.0f %%): pH %.4f bulk, %.4f at the electrode, %.4f in the other compartment; i %.4g A/m^2\n", (double)t,
        (double)(100 * t / t_end), (double)b->ion[0].ph, (double)R0->m.ph_surf_mean, (double)b->ion[1].ph, (double)R0->m.i_total_A_m2));
  }
  st->metrics    = R0->m;
  st->solve_time = AzWallTime() - w0;
  st->newton_its = p->newton_its;
  st->krylov_its = p->krylov_its;
  p->np->ionic   = &c->ionic;  // the problem outlives this context: back to the case's (the fields' pH uses its activities)
  PetscCall(PetscFree(R1));
  PetscCall(PetscFree(R0));
  PetscCall(PetscFree(b));
  PetscFunctionReturn(PETSC_SUCCESS);
}
