// Nernst-Planck transport with electroneutrality (the ionic model, electrolyte_model tertiary): one loop over the owned
// cells of the DMDA box for every template, as the dilute residual's (solver/residual.c), with the fluxes of
// include/azote/private/npimpl.h:
//   N_i = -D_i grad c_i - z_i D_m,i c_i (F/RT) grad phi + u c_i        (Newman & Thomas-Alyea, Electrochemical Systems,
//                                                                       3rd ed. (2004), eq. 11.1)
//   div N_i = R_i (bulk reactions)   for every unknown species,      sum_i z_i c_i + rho_fix = 0 (eliminating c_e),
//   sum_i z_i div N_i = 0           (the row of phi_l: charge; the eliminated ion's balance times z_e).
// Faces: exponential fitting of drift-diffusion (Scharfetter & Gummel, IEEE Trans. Electron Devices 16, 64 (1969)):
// exact for a constant flux between the two centres, monotone at any cell Peclet number of flow and migration alike.
// Electrode faces take the state of solver/npelectrode.c; a counter electrode fixes phi_l and passes the current that
// the local conductivity carries across its half cell, as H+ (an anode) or OH- (a cathode) made there.
#include <azote/private/npimpl.h>

// B(z) = z/(e^z - 1) and B'(z) at |z| (the flux uses B(-z) = B(z) + z).
static inline void AzBernoulliD(PetscReal z, PetscReal *b, PetscReal *db)
{
  if (z < 1e-3) {
    *b  = 1 - z / 2 + z * z / 12;
    *db = -0.5 + z / 6;
  } else if (z > 700) {
    *b  = z * PetscExpReal(-z);
    *db = -*b;
  } else {
    *b  = z / expm1(z);
    *db = *b / z * (1 - *b - z);
  }
}

// The drift-diffusion flux from P toward N (mol s^-1) over the distance h with the diffusive conductance g = A D/h and
// cell Peclet number pe: F = g [B(-pe) cP - B(pe) cN], with dF/dcP, dF/dcN and dF/dpe.
static inline PetscReal AzSGFlux(PetscReal g, PetscReal pe, PetscReal cP, PetscReal cN, PetscReal *aP, PetscReal *aN, PetscReal *dpe)
{
  PetscReal b, db, Bm, Bp, dBm, dBp;  // B(-pe), B(pe) and their derivatives in their arguments
  AzBernoulliD(PetscAbsReal(pe), &b, &db);
  if (pe >= 0)
    Bp = b, dBp = db, Bm = b + pe, dBm = -db - 1;
  else
    Bm = b, dBm = db, Bp = b - pe, dBp = -db - 1;
  *aP  = g * Bm;
  *aN  = -g * Bp;
  *dpe = g * (-dBm * cP - dBp * cN);
  // B(pe) (cP - cN) + pe c_upwind: the same value without the cancellation of B(-pe) cP - B(pe) cN, which loses the
  // migration flux of a well-mixed region (D of the mixing >> D of migration, cP = cN) in round-off
  return g * (b * (cP - cN) + pe * (pe >= 0 ? cP : cN));
}

static inline PetscReal AzHarmonic(PetscReal a, PetscReal b, PetscReal ha, PetscReal hb)
{
  return a == b ? a : (a > 0 && b > 0) ? (ha + hb) / (ha / a + hb / b) : 0;
}

static PetscErrorCode AzNPFill(const AzProblem *p, PetscInt dfill[], PetscInt ofill[])
{
  const AzNP    *np  = p->np;
  const PetscInt dof = p->nspecies, sp = p->s_phi;
  PetscBool      el[AZ_MAX_SPECIES] = {PETSC_FALSE};  // species of the electrodes' reactions

  PetscFunctionBeginUser;
  PetscCheck(sp >= 0, p->comm, PETSC_ERR_PLIB, "the ionic model solves the electrolyte potential");
  for (PetscInt q = 0; q < dof * dof; q++) dfill[q] = ofill[q] = 0;
  for (PetscInt s = 0; s < dof; s++) {
    dfill[s * dof + s] = ofill[s * dof + s] = 1;
    if (s == sp || np->z[s] == 0) continue;
    dfill[s * dof + sp] = dfill[sp * dof + s] = 1;  // migration; the charge balance
    ofill[s * dof + sp] = ofill[sp * dof + s] = 1;
  }
  if (p->s_gas >= 0) dfill[AZ_N2 * dof + p->s_gas] = dfill[p->s_gas * dof + AZ_N2] = 1;  // gas-liquid transfer
  for (PetscInt r = 0; r < np->nr; r++) {  // a bulk reaction couples its species (all ions, where it holds the eliminated one)
    PetscBool elim = PETSC_FALSE;
    for (PetscInt a = 0; a < np->r[r].n; a++) elim = (PetscBool)(elim || np->r[r].s[a] < 0);
    for (PetscInt a = 0; a < np->r[r].n; a++) {
      const PetscInt sa = np->r[r].s[a];
      if (sa < 0) continue;
      for (PetscInt b = 0; b < np->r[r].n; b++)
        if (np->r[r].s[b] >= 0) dfill[sa * dof + np->r[r].s[b]] = 1;
      for (PetscInt t = 0; t < dof && elim; t++)
        if (np->z[t] != 0) dfill[sa * dof + t] = 1;
    }
  }
  // electrode faces: the formation of every species of a reaction depends on every unknown of any reaction's rate
  // (reactant, quotient, H+ of the RHE scale, potential); with an electrode, all species of its reactions
  for (PetscInt w = 0; w < 2; w++) {
    const AzElectrode *e = w ? &p->anode : &p->electrode;
    if (w && p->anode_area <= 0) continue;
    for (PetscInt n = 0; n < e->nreaction; n++)
      for (PetscInt t = 0; t < dof; t++)
        if (np->nu[w][n][t] != 0 || (e->reaction[n].reactant == t) || t == np->s_h || t == sp) el[t] = PETSC_TRUE;
    for (PetscInt n = 0; n < e->nreaction; n++)
      for (PetscInt v = 0; v < e->reaction[n].nvar; v++) el[e->reaction[n].var[v]] = PETSC_TRUE;
  }
  for (PetscInt a = 0; a < dof; a++)
    for (PetscInt b = 0; b < dof && el[a]; b++)
      if (el[b]) dfill[a * dof + b] = 1;
  // a counter electrode: its H+ or OH- at the current the cell's conductivity carries (every ion, the potential)
  for (PetscInt s = 0; s < dof; s++) {
    if (s != np->s_h && s != np->s_oh) continue;
    for (PetscInt t = 0; t < dof; t++)
      if (np->z[t] != 0 || t == sp) dfill[s * dof + t] = 1;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzNPSetUpFill(AzProblem *p)
{
  const PetscInt dof = p->nspecies;

  PetscFunctionBeginUser;
  PetscCheck(p->grid.da && !p->fill, p->comm, PETSC_ERR_ORDER, "the ionic model's couplings are set up once, after the grid");
  PetscCall(PetscMalloc1(2 * dof * dof, &p->fill));
  PetscCall(AzNPFill(p, p->fill, p->fill + dof * dof));
  if (dof > 1) PetscCall(DMDASetBlockFills(p->grid.da, p->fill, p->fill + dof * dof));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The drift-diffusion flux of species s (t < 0: the eliminated ion) between cells P and N (or a boundary value) into
// the rows: its own row (s >= 0) and the charge row, with the derivatives.
typedef struct {
  PetscReal F, aP, aN, dphiP, dphiN;  // flux and its derivatives in cP, cN, phi_P, phi_N
} AzNPFlux;

static inline void AzNPFaceFlux(PetscReal area, PetscReal Dd, PetscReal Dm, PetscReal h, PetscReal u, PetscReal z, PetscReal f,
                                PetscReal cP, PetscReal cN, PetscReal phiP, PetscReal phiN, AzNPFlux *fl)
{
  PetscReal dpe;
  if (Dd <= 0) {  // no diffusion: upwind advection and migration at the drift velocity
    const PetscReal w = u - z * Dm * f * (phiN - phiP) / h, dw = z * Dm * f / h;
    fl->F     = area * (w > 0 ? w * cP : w * cN);
    fl->aP    = area * PetscMax(w, 0);
    fl->aN    = area * PetscMin(w, 0);
    fl->dphiP = area * (w > 0 ? cP : cN) * dw;
    fl->dphiN = -fl->dphiP;
    return;
  }
  {
    const PetscReal g = area * Dd / h, pe = u * h / Dd - z * (Dm / Dd) * f * (phiN - phiP);
    fl->F     = AzSGFlux(g, pe, cP, cN, &fl->aP, &fl->aN, &dpe);
    fl->dphiP = dpe * z * (Dm / Dd) * f;
    fl->dphiN = -fl->dphiP;
  }
}

typedef struct {
  const AzProblem *p;
  const AzNP      *np;
  PetscInt         dof, sp, reg;
  PetscReal        f;  // F/RT
  AzCellRow       *row;
  AzNPNeighbours  *nb;
} AzNPCell;

// Adds flux fl of species s (-1: the eliminated ion) leaving the cell toward neighbour slot m (-1: a boundary face).
static inline void AzNPAddFlux(AzNPCell *k, PetscInt s, PetscInt m, const AzNPFlux *fl)
{
  const AzNP     *np  = k->np;
  const PetscInt  dof = k->dof, sp = k->sp;
  AzCellRow      *row = k->row;
  const PetscReal z   = s >= 0 ? np->z[s] : np->z_e;
  if (m < 0 && k->nb && k->nb->bnd) k->nb->bnd[s >= 0 ? s : dof] += fl->F;  // a boundary face (AzNPConservation)
  if (s >= 0) {
    row->r[s] += fl->F;
    row->d[s][s] += fl->aP;
    row->d[s][sp] += fl->dphiP;
    if (m >= 0 && k->nb) k->nb->os[m][s] += fl->aN, k->nb->op[m][s] += fl->dphiN;
  }
  if (z == 0) return;
  row->r[sp] += z * fl->F;
  row->d[sp][sp] += z * fl->dphiP;
  if (m >= 0 && k->nb) k->nb->op[m][sp] += z * fl->dphiN;
  if (s >= 0) {
    row->d[sp][s] += z * fl->aP;
    if (m >= 0 && k->nb) k->nb->oq[m][s] += z * fl->aN;
  } else  // c_e = -(sum_t z_t c_t + rho)/z_e in both cells
    for (PetscInt t = 0; t < dof; t++) {
      if (np->z[t] == 0) continue;
      row->d[sp][t] -= np->z[t] * fl->aP;  // z_e * aP * (-z_t / z_e)
      if (m >= 0 && k->nb) k->nb->oq[m][t] -= np->z[t] * fl->aN;
    }
}

// A counter electrode's face: phi_l = phi_c there, the current G (phi_P - phi_c) of the half cell's conductivity leaving
// the electrolyte (mol s^-1 of charge), made by H+ (current entering: an anode) or OH- (leaving: a cathode).
static void AzNPCounter(AzNPCell *k, const PetscReal *cP, PetscReal ce, PetscReal area, PetscReal h, PetscReal phi_c)
{
  const AzNP     *np  = k->np;
  const PetscInt  dof = k->dof, sp = k->sp, r = k->reg;
  const AzRegion *reg = &k->p->region[r];
  AzCellRow      *row = k->row;
  PetscReal       G   = np->z_e * np->z_e * np->Dme[r] * ce, dG[AZ_MAX_SPECIES], J, dJ[AZ_MAX_SPECIES];
  const PetscReal a = area * k->f / h, dphi = cP[sp] - phi_c;
  for (PetscInt t = 0; t < dof; t++) {
    dG[t] = 0;
    if (np->z[t] == 0 || !reg->present[t]) continue;
    G += np->z[t] * np->z[t] * np->Dm[r][t] * cP[t];
    dG[t] = np->z[t] * np->z[t] * np->Dm[r][t] - np->z[t] * np->z_e * np->Dme[r];  // the eliminated ion: -z_t/z_e
  }
  J = a * G * dphi;
  for (PetscInt t = 0; t < dof; t++) dJ[t] = a * dG[t] * dphi;
  dJ[sp] = a * G;
  row->r[sp] += J;
  for (PetscInt t = 0; t < dof; t++) row->d[sp][t] += dJ[t];
  row->cur_counter -= AZ_FARADAY * J;
  {
    const PetscInt s = J < 0 ? np->s_h : np->s_oh, sign = J < 0 ? -1 : 1;  // made: -J of H+, or J of OH-
    if (s < 0) return;
    row->r[s] -= sign * J;
    if (k->nb && k->nb->bnd) k->nb->bnd[s] -= sign * J;
    for (PetscInt t = 0; t < dof; t++) row->d[s][t] -= sign * dJ[t];
  }
}

// An electrode face (or anode) of area A at distance h from the cell centre.
static PetscErrorCode AzNPElectrode(AzNPCell *k, PetscInt which, const PetscReal *cP, PetscReal area, PetscReal h, PetscInt d)
{
  const AzProblem   *p   = k->p;
  const AzNP        *np  = k->np;
  const AzElectrode *e   = which ? &p->anode : &p->electrode;
  const AzRegion    *reg = &p->region[k->reg];
  const PetscInt     dof = k->dof, sp = k->sp, sr = e->species;
  AzCellRow         *row = k->row;
  AzNPFace           f;

  PetscFunctionBeginUser;
  PetscCall(AzNPElectrodeFace(p, which, cP, h, sr >= 0 ? reg->D[sr] * reg->aniso[d] : 0, &f));
  for (PetscInt t = 0; t < dof; t++) {
    if (t == sp || !reg->present[t] || (f.P[t] == 0 && t != sr)) continue;
    row->r[t] -= area * f.P[t];
    if (k->nb && k->nb->bnd) k->nb->bnd[t] -= area * f.P[t];
    for (PetscInt u = 0; u < dof; u++) row->d[t][u] -= area * f.dP[t][u];
    row->r[sp] -= area * np->z[t] * f.P[t];  // the charge the reactions take from the electrolyte: the current
    for (PetscInt u = 0; u < dof; u++) row->d[sp][u] -= area * np->z[t] * f.dP[t][u];
    if (t == AZ_N2) {
      row->consumed -= area * f.P[t];
      if (which) row->consumed_anode -= area * f.P[t];
    }
  }
  if (which)
    row->cur_counter -= area * f.current;
  else
    row->cur_electrode += area * f.current;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// A boundary face of cell (i,j,k) on `side`.
static PetscErrorCode AzNPBoundary(AzNPCell *k, PetscInt side, PetscInt i, PetscInt j, PetscInt kk, const PetscReal *cP, PetscReal ce)
{
  const AzProblem *p  = k->p;
  const AzNP      *np = k->np;
  const AzGrid    *g  = &p->grid;
  const PetscInt   d = side / 2, hi = side % 2, idx[3] = {i, j, kk}, dof = k->dof, sp = k->sp, r = k->reg;
  const AzPatch   *patch = &p->patch[p->bc[side][AzProblemBoundaryIndex(p, side, i, j, kk)]];
  const AzRegion  *reg   = &p->region[r];
  const PetscReal  area  = AzGridFaceArea(g, d, i, j, kk);
  const PetscReal  h     = hi ? g->xf[d][idx[d] + 1] - g->xc[d][idx[d]] : g->xc[d][idx[d]] - g->xf[d][idx[d]];
  const PetscReal  u_out = (d == 0 && p->ux) ? (hi ? 1 : -1) * p->ux[j + g->M[1] * kk] : 0;
  AzCellRow       *row   = k->row;

  PetscFunctionBeginUser;
  switch (patch->type) {
  case AZ_BC_WALL:
    break;
  case AZ_BC_DIRICHLET: {
    // the face's values; the eliminated ion's from electroneutrality; phi_l fixed only at a bulk reservoir
    PetscReal cB[AZ_MAX_SPECIES], sum = np->rho_fix[r], phiB;
    AzNPFlux  fl;
    for (PetscInt s = 0; s < dof; s++) {
      cB[s] = patch->value[s];
      if (patch->value_fn && (s != sp || patch->potential)) {
        PetscReal x[3] = {g->xc[0][i], g->xc[1][j], g->xc[2][kk]};
        x[d]           = g->xf[d][hi ? idx[d] + 1 : idx[d]];
        PetscCall(patch->value_fn(p->user, s, x, &cB[s]));
      }
      if (s != sp) sum += np->z[s] * cB[s];
    }
    phiB = patch->potential ? cB[sp] : cP[sp];
    for (PetscInt s = -1; s < dof; s++) {
      if (s == sp || (s >= 0 && !reg->present[s]) || (s < 0 && np->De[r] <= 0 && np->Dme[r] <= 0)) continue;
      const PetscReal Dd = s >= 0 ? reg->D[s] * reg->aniso[d] : np->De[r] * reg->aniso[d];
      const PetscReal Dm = (s >= 0 ? np->Dm[r][s] : np->Dme[r]) * reg->aniso[d], z = s >= 0 ? np->z[s] : np->z_e;
      AzNPFaceFlux(area, Dd, patch->potential ? Dm : 0, h, u_out, z, k->f, s >= 0 ? cP[s] : ce, s >= 0 ? cB[s] : -sum / np->z_e, cP[sp],
                   phiB, &fl);
      AzNPAddFlux(k, s, -1, &fl);
      if (s >= 0 && (s == AZ_N2 || s == p->s_gas)) row->in -= fl.F;     // (s = -1: the eliminated ion; s_gas -1: none)
      if (patch->potential) row->cur_counter -= AZ_FARADAY * z * fl.F;  // a reservoir: the current it passes is the counter's
    }
  } break;
  case AZ_BC_INFLOW: {  // the feed u c_in enters, fixed
    PetscReal sum = np->rho_fix[r];
    for (PetscInt s = 0; s < dof; s++) {
      if (s == sp) continue;
      sum += np->z[s] * patch->value[s];
      if (!reg->present[s]) continue;
      row->r[s] += area * u_out * patch->value[s];
      if (k->nb && k->nb->bnd) k->nb->bnd[s] += area * u_out * patch->value[s];
      row->r[sp] += np->z[s] * area * u_out * patch->value[s];
      if (s == AZ_N2 || (p->s_gas >= 0 && s == p->s_gas)) row->in -= area * u_out * patch->value[s];
    }
    row->r[sp] += np->z_e * area * u_out * (-sum / np->z_e);
    if (k->nb && k->nb->bnd) k->nb->bnd[dof] += area * u_out * (-sum / np->z_e);
  } break;
  case AZ_BC_OUTFLOW: {  // the flow carries the cell's concentrations out
    AzNPFlux fl = {0, area * u_out, 0, 0, 0};
    for (PetscInt s = -1; s < dof; s++) {
      if (s == sp || (s >= 0 && !reg->present[s])) continue;
      fl.F = area * u_out * (s >= 0 ? cP[s] : ce);
      AzNPAddFlux(k, s, -1, &fl);
      if (s >= 0 && (s == AZ_N2 || s == p->s_gas)) row->out += fl.F;
    }
  } break;
  case AZ_BC_ANODE:
    if (p->electrode.mode == AZ_ELECTRODE_LIMITING) {  // the limiting companion: the anode a counter electrode
      AzNPCounter(k, cP, ce, area, h, 0);
      break;
    }
    /* fall through */
  case AZ_BC_ELECTRODE:
    PetscCheck(u_out == 0, PETSC_COMM_SELF, PETSC_ERR_PLIB, "an electrode face cannot carry flow");
    PetscCall(AzNPElectrode(k, patch->type == AZ_BC_ANODE, cP, area, h, d));
    break;
  case AZ_BC_COUNTER:
    AzNPCounter(k, cP, ce, area, h, patch->value[sp]);
    break;
  case AZ_BC_BULK:  // the tube's outer bulk: its template does not carry the ions (refused with the template's name)
    SETERRQ(PETSC_COMM_SELF, PETSC_ERR_SUP, "the ionic model has no bulk-beyond-a-layer boundary");
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The bulk reactions of the cell (volume V) into its rows.
static void AzNPReactions(AzNPCell *k, const PetscReal *cP, PetscReal ce, PetscReal V)
{
  const AzNP    *np  = k->np;
  const PetscInt dof = k->dof;
  AzCellRow     *row = k->row;
  for (PetscInt q = 0; q < np->nr; q++) {
    const AzNPReaction *rx = &np->r[q];
    PetscReal           fw = rx->kf, bw = rx->kb, dr[AZ_MAX_STOICH], rate, delim = 0;
    PetscBool           present = PETSC_TRUE;
    for (PetscInt a = 0; a < rx->n; a++) present = (PetscBool)(present && (rx->s[a] < 0 || k->p->region[k->reg].present[rx->s[a]]));
    if (!present) continue;
    for (PetscInt a = 0; a < rx->n; a++) {  // the rates' products, then each derivative as a product without one factor
      const PetscReal c = rx->s[a] >= 0 ? cP[rx->s[a]] : ce, e = PetscAbsReal(rx->nu[a]);
      if (rx->nu[a] < 0)
        fw *= e == 1 ? c : PetscPowReal(c, e);
      else
        bw *= e == 1 ? c : PetscPowReal(c, e);
    }
    rate = fw - bw;
    for (PetscInt a = 0; a < rx->n; a++) {
      const PetscReal c = rx->s[a] >= 0 ? cP[rx->s[a]] : ce, e = PetscAbsReal(rx->nu[a]);
      PetscReal       part = rx->nu[a] < 0 ? rx->kf : -rx->kb;
      for (PetscInt b = 0; b < rx->n; b++) {
        const PetscReal cb = rx->s[b] >= 0 ? cP[rx->s[b]] : ce, eb = PetscAbsReal(rx->nu[b]);
        if ((rx->nu[b] < 0) != (rx->nu[a] < 0)) continue;
        if (b == a)
          part *= e == 1 ? 1 : e * PetscPowReal(c, e - 1);
        else
          part *= eb == 1 ? cb : PetscPowReal(cb, eb);
      }
      dr[a] = part;
      if (rx->s[a] < 0) delim = part;
    }
    for (PetscInt a = 0; a < rx->n; a++) {
      const PetscInt s = rx->s[a];
      if (s < 0) continue;
      row->r[s] -= V * rx->nu[a] * rate;
      for (PetscInt b = 0; b < rx->n; b++)
        if (rx->s[b] >= 0) row->d[s][rx->s[b]] -= V * rx->nu[a] * dr[b];
      if (delim != 0)
        for (PetscInt t = 0; t < dof; t++)
          if (np->z[t] != 0) row->d[s][t] -= V * rx->nu[a] * delim * (-np->z[t] / np->z_e);
    }
  }
}

PetscErrorCode AzNPCellResidual(const AzProblem *p, const PetscReal *c, PetscInt i, PetscInt j, PetscInt k, AzRowMode mode, AzCellRow *row,
                                AzNPNeighbours *nb)
{
  const AzNP     *np     = p->np;
  const AzGrid   *g      = &p->grid;
  const PetscInt  idx[3] = {i, j, k}, lP = AzGridLocal(g, i, j, k), dof = p->nspecies, sp = p->s_phi, r = g->tag[lP];
  const AzRegion *reg = &p->region[r];
  const PetscReal V = AzGridVolume(g, i, j, k), *cP = c + lP * dof;
  const PetscReal ce   = AzNPEliminated(np, dof, r, cP, NULL);
  AzNPCell        cell = {p, np, dof, sp, r, AZ_FARADAY / (AZ_GAS_CONSTANT * p->T), row, nb};

  PetscFunctionBeginUser;
  (void)mode;
  row->nnb = 0, row->consumed = row->in = row->out = row->cur_electrode = row->cur_counter = row->consumed_anode = 0;
  for (PetscInt s = 0; s < dof; s++) {
    row->r[s] = 0;
    for (PetscInt t = 0; t < dof; t++) row->d[s][t] = 0;
  }
  if (nb) nb->nnb = 0;
  for (PetscInt d = 0; d < g->dim; d++) {
    for (PetscInt hi = 0; hi < 2; hi++) {
      const PetscInt nbi = idx[d] + (hi ? 1 : -1);
      if (nbi < 0 || nbi >= g->M[d]) {
        PetscCall(AzNPBoundary(&cell, 2 * d + hi, i, j, k, cP, ce));
        continue;
      }
      const PetscInt  nidx[3] = {d == 0 ? nbi : i, d == 1 ? nbi : j, d == 2 ? nbi : k};
      const PetscInt  lN = AzGridLocal(g, nidx[0], nidx[1], nidx[2]), rN = g->tag[lN];
      const AzRegion *regN  = &p->region[rN];
      const PetscReal xface = g->xf[d][hi ? idx[d] + 1 : idx[d]];
      const PetscReal hP = PetscAbsReal(xface - g->xc[d][idx[d]]), hN = PetscAbsReal(g->xc[d][nbi] - xface), h = hP + hN;
      const PetscReal u    = (d == 0 && p->ux) ? (hi ? 1 : -1) * p->ux[j + g->M[1] * k] : 0;
      const PetscReal area = AzGridFaceArea(g, d, i, j, k), *cN = c + lN * dof;
      const PetscInt  m = nb ? nb->nnb : 0;
      AzNPFlux        fl;
      row->nb[row->nnb++] = lN;
      if (nb) {
        nb->nb[nb->nnb++] = lN;
        for (PetscInt s = 0; s < dof; s++) nb->os[m][s] = nb->op[m][s] = nb->oq[m][s] = 0;
      }
      for (PetscInt s = -1; s < dof; s++) {
        PetscReal Dd, Dm, z;
        if (s == sp) continue;
        if (s >= 0) {
          if (!reg->present[s] || !regN->present[s]) continue;  // a species never crosses into a region without it
          Dd = AzHarmonic(reg->D[s] * reg->aniso[d], regN->D[s] * regN->aniso[d], hP, hN);
          Dm = AzHarmonic(np->Dm[r][s] * reg->aniso[d], np->Dm[rN][s] * regN->aniso[d], hP, hN);
          z  = np->z[s];
        } else {
          Dd = AzHarmonic(np->De[r] * reg->aniso[d], np->De[rN] * regN->aniso[d], hP, hN);
          Dm = AzHarmonic(np->Dme[r] * reg->aniso[d], np->Dme[rN] * regN->aniso[d], hP, hN);
          z  = np->z_e;
          if (Dd <= 0 && Dm <= 0) continue;
        }
        if (Dd <= 0 && Dm <= 0 && u == 0) continue;
        {
          // the face's flux evaluated in one orientation (low cell to high) from both its cells, negated on the high
          // side: the two cells' rows then cancel bit for bit, and every balance sums exactly over the domain
          const PetscReal cPs = s >= 0 ? cP[s] : ce, cNs = s >= 0 ? cN[s] : AzNPEliminated(np, dof, rN, cN, NULL);
          if (hi)
            AzNPFaceFlux(area, Dd, Dm, h, u, z, cell.f, cPs, cNs, cP[sp], cN[sp], &fl);
          else {
            AzNPFlux gl;
            AzNPFaceFlux(area, Dd, Dm, h, -u, z, cell.f, cNs, cPs, cN[sp], cP[sp], &gl);
            fl = (AzNPFlux){-gl.F, -gl.aN, -gl.aP, -gl.dphiN, -gl.dphiP};
          }
        }
        AzNPAddFlux(&cell, s, nb ? m : -1, &fl);
        if (nb && nb->held && np->held[rN] && !np->held[r]) nb->held[s >= 0 ? s : dof] += fl.F;  // into the bulk (npreport.c)
      }
    }
  }
  // volumetric terms: the bulk reactions, dissolved N2's first-order consumption, its gas-liquid transfer and a catalyst
  // layer's reactions (solver/npporous.c), a manufactured source
  if (!np->held[r]) AzNPReactions(&cell, cP, ce, V);
  if (reg->present[AZ_N2] && !np->ion[AZ_N2] && reg->k > 0) {
    row->r[AZ_N2] += V * reg->k * cP[AZ_N2];
    row->d[AZ_N2][AZ_N2] += V * reg->k;
    row->consumed += V * reg->k * cP[AZ_N2];
  }
  PetscCall(AzNPCellVolume(p, reg, cP, V, row, nb ? nb->bnd : NULL));
  PetscCall(AzCellRowAddSource(p, reg, i, j, k, V, row));
  // absent species (pinned to 0), and the ions of a held region (at their bulk values)
  for (PetscInt s = 0; s < dof; s++) {
    const PetscBool held = (PetscBool)(np->held[r] && np->ion[s] && reg->present[s]);
    if (reg->present[s] && !held) continue;
    row->r[s] = p->species[s].scale * (cP[s] - (held ? (np->hold_side[r] ? np->hold[np->hold_side[r] - 1][s] : np->bulk[s]) : 0));
    for (PetscInt t = 0; t < dof; t++) row->d[s][t] = t == s ? p->species[s].scale : 0;
    if (nb)
      for (PetscInt n = 0; n < nb->nnb; n++) nb->os[n][s] = nb->op[n][s] = 0;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The ghosted local state in concentrations: X's own array (*orig), or (logarithmic ions) a copy with c = exp(u).
static PetscErrorCode AzNPStateGet(const AzProblem *p, Vec X, Vec *Xl, const PetscReal **orig, const PetscReal **c, PetscReal **work)
{
  PetscInt n;

  PetscFunctionBeginUser;
  PetscCall(AzLocalStateGet(&p->grid, X, Xl, orig));
  *c    = *orig;
  *work = NULL;
  if (!p->np->logvars) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(VecGetLocalSize(*Xl, &n));
  PetscCall(PetscMalloc1(n, work));
  for (PetscInt q = 0; q < n; q++) (*work)[q] = p->np->ion[q % p->nspecies] ? PetscExpReal(PetscMin((*orig)[q], 700)) : (*orig)[q];
  *c = *work;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzNPFormFunction(AzProblem *p, Vec X, Vec F)
{
  const AzGrid    *g   = &p->grid;
  const PetscInt   dof = p->nspecies;
  Vec              Xl;
  const PetscReal *c, *orig;
  PetscReal       *f, *work;
  AzCellRow        row;

  PetscFunctionBeginUser;
  PetscCall(AzNPStateGet(p, X, &Xl, &orig, &c, &work));
  PetscCall(VecGetArray(F, &f));
  AzForOwnedCells(g, i, j, k)
  {
    PetscCall(AzNPCellResidual(p, c, i, j, k, AZ_ROW_FULL, &row, NULL));
    for (PetscInt s = 0; s < dof; s++) f[AzGridOwned(g, i, j, k) * dof + s] = row.r[s];
  }
  PetscCall(VecRestoreArray(F, &f));
  PetscCall(PetscFree(work));
  PetscCall(AzLocalStateRestore(&Xl, &orig));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The Jacobian into P and, where F is given, the residual into F in the same pass (AzNPFusedFunction).
PetscErrorCode AzNPFormJacobian(AzProblem *p, Vec X, Mat P, Vec F)
{
  const AzGrid    *g   = &p->grid;
  const PetscInt   dof = p->nspecies, sp = p->s_phi, *dfill = p->fill, *ofill = p->fill + dof * dof;
  Vec              Xl;
  const PetscReal *c, *orig;
  PetscReal       *work;
  AzCellRow        row;
  AzNPNeighbours   nb = {.bnd = NULL};
  AzMatRows        w;
  PetscReal       *f = NULL;

  PetscFunctionBeginUser;
  PetscCall(AzNPStateGet(p, X, &Xl, &orig, &c, &work));
  PetscCall(AzMatRowsBegin(P, g, dof, &w));
  if (F) PetscCall(VecGetArray(F, &f));
  AzForOwnedCells(g, i, j, k)
  {
    const PetscInt lP = AzGridLocal(g, i, j, k);
    PetscCall(AzNPCellResidual(p, c, i, j, k, AZ_ROW_FULL, &row, &nb));
    if (f)
      for (PetscInt s = 0; s < dof; s++) f[AzGridOwned(g, i, j, k) * dof + s] = row.r[s];
    for (PetscInt s = 0; s < dof; s++) {
      PetscInt        cols[AZ_MAX_SPECIES * 7], n = 0;
      PetscReal       vals[AZ_MAX_SPECIES * 7];
      const PetscBool absent = (PetscBool)!p->region[g->tag[lP]].present[s];
      // a derivative outside the pattern would be dropped: refused (AzNPFill must know the coupling), except where it
      // is not a number in an evaluation with the residual (a trial state's: Newton then stops on the residual's
      // norm); logarithmic ions (work): d/du = d/dc c (an absent ion's pinned row keeps its diagonal)
      for (PetscInt t = 0; t < dof; t++) {
        PetscCheck(dfill[s * dof + t] || row.d[s][t] == 0 || (f && PetscIsInfOrNanReal(row.d[s][t])), PETSC_COMM_SELF, PETSC_ERR_PLIB,
                   "d(row %s)/d(%s) = %g in a cell is outside the Jacobian's pattern", p->species[s].name, p->species[t].name,
                   (double)row.d[s][t]);
        if (!dfill[s * dof + t]) continue;
        cols[n] = lP * dof + t, vals[n] = row.d[s][t];
        if (work && p->np->ion[t] && !(absent && t == s)) vals[n] *= c[cols[n]];
        n++;
      }
      for (PetscInt m = 0; m < nb.nnb; m++)
        for (PetscInt t = 0; t < dof; t++) {
          const PetscReal v = s == sp ? (t == sp ? nb.op[m][sp] : nb.oq[m][t]) : (t == s ? nb.os[m][s] : t == sp ? nb.op[m][s] : 0);
          PetscCheck(ofill[s * dof + t] || v == 0 || (f && PetscIsInfOrNanReal(v)), PETSC_COMM_SELF, PETSC_ERR_PLIB,
                     "d(row %s)/d(%s) = %g of a neighbour is outside the Jacobian's pattern", p->species[s].name, p->species[t].name,
                     (double)v);
          if (!ofill[s * dof + t]) continue;
          cols[n] = nb.nb[m] * dof + t, vals[n] = v;
          if (work && p->np->ion[t]) vals[n] *= c[cols[n]];
          n++;
        }
      PetscCall(AzMatRowsSet(&w, AzGridOwned(g, i, j, k), lP, s, n, cols, vals));
    }
  }
  PetscCall(AzMatRowsEnd(&w));
  if (F) PetscCall(VecRestoreArray(F, &f));
  PetscCall(PetscFree(work));
  PetscCall(AzLocalStateRestore(&Xl, &orig));
  PetscCall(MatAssemblyBegin(P, MAT_FINAL_ASSEMBLY));
  PetscCall(MatAssemblyEnd(P, MAT_FINAL_ASSEMBLY));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzNPLogBegin(AzProblem *p)
{
  PetscReal *x;
  PetscInt   n;

  PetscFunctionBeginUser;
  PetscCall(VecGetLocalSize(p->c, &n));
  PetscCall(VecGetArray(p->c, &x));
  for (PetscInt q = 0; q < n; q++)
    if (p->np->ion[q % p->nspecies]) x[q] = PetscLogReal(PetscMax(x[q], 1e-40));
  PetscCall(VecRestoreArray(p->c, &x));
  p->np->logvars = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzNPLogEnd(AzProblem *p)
{
  PetscReal *x;
  PetscInt   n;

  PetscFunctionBeginUser;
  PetscCall(VecGetLocalSize(p->c, &n));
  PetscCall(VecGetArray(p->c, &x));
  for (PetscInt q = 0; q < n; q++)
    if (p->np->ion[q % p->nspecies]) x[q] = x[q] <= PetscLogReal(1e-40) * (1 - 1e-12) ? 0 : PetscExpReal(PetscMin(x[q], 700));
  PetscCall(VecRestoreArray(p->c, &x));
  p->np->logvars = PETSC_FALSE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzNPFloorScale(const AzProblem *p, Vec X, Vec d)
{
  const PetscReal *x;
  PetscReal       *v;
  PetscInt         n;

  PetscFunctionBeginUser;
  PetscCall(VecGetLocalSize(X, &n));
  PetscCall(VecGetArrayRead(X, &x));
  PetscCall(VecGetArray(d, &v));
  for (PetscInt q = 0; q < n; q++)
    if (!(p->np->logvars && p->np->ion[q % p->nspecies])) v[q] *= x[q];  // logarithmic: diag(J) is d/dc times c already
  PetscCall(VecRestoreArray(d, &v));
  PetscCall(VecRestoreArrayRead(X, &x));
  PetscFunctionReturn(PETSC_SUCCESS);
}
