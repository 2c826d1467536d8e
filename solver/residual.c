// The transport residual and its analytic Jacobian: one loop over the owned cells of the DMDA box for every cell
// template (templates differ only by species, region coefficients and boundary patches).
#include <azote/private/npimpl.h>

PetscReal AzBernoulli(PetscReal z)
{
  // z / (e^z - 1), with its series near 0 where the quotient loses digits
  if (PetscAbsReal(z) < 1e-4) return 1 - z / 2 + z * z / 12;
  return z / expm1(z);
}

static inline PetscReal AzBernoulliMemo(AzFluxMemo *memo, PetscReal z)
{
  if (!memo) return AzBernoulli(z);
  if (z != memo->z) memo->z = z, memo->b = AzBernoulli(z);
  return memo->b;
}

// The body of AzFaceFlux, inlined in the cell loop, where it runs for every face (as a call, the loop executes 12 %
// more instructions: callgrind)
static inline void AzFaceFluxInline(AzFluxMemo *memo, PetscReal area, PetscReal D, PetscReal h, PetscReal u, PetscReal *aP, PetscReal *aN)
{
  if (D <= 0) {  // impermeable to diffusion: pure upwind advection
    *aP = area * PetscMax(u, 0);
    *aN = area * PetscMin(u, 0);
    return;
  }
  // B(-z) = B(z) + z: B is taken of |Pe| and |Pe| added, so that nothing cancels (faces across the flow, Pe = 0,
  // leave the memo alone).
  const PetscReal g = area * D / h, pe = u * h / D, z = PetscAbsReal(pe);
  const PetscReal b = z == 0 ? 1 : AzBernoulliMemo(memo, z);
  *aP               = g * (pe >= 0 ? b + pe : b);
  *aN               = -g * (pe >= 0 ? b : b - pe);
}

void AzFaceFlux(PetscReal area, PetscReal D, PetscReal h, PetscReal u, PetscReal *aP, PetscReal *aN)
{
  AzFaceFluxInline(NULL, area, D, h, u, aP, aN);
}

PetscReal AzBernoulliDerivative(PetscReal z)
{
  // B'(z) = B (1 - B - z) / z; its series near 0, where that quotient loses digits
  if (PetscAbsReal(z) < 1e-3) return -0.5 + z / 6 - z * z * z / 180;
  const PetscReal b = AzBernoulli(z);
  return b * (1 - b - z) / z;
}

void AzMigrationFlux(PetscReal area, PetscReal DP, PetscReal hP, PetscReal uP, PetscReal mP, PetscReal DN, PetscReal hN, PetscReal uN,
                     PetscReal mN, PetscReal i, PetscReal cP, PetscReal cN, PetscReal *F, PetscReal *dF_dcP, PetscReal *dF_dcN,
                     PetscReal *dF_di)
{
  const PetscReal gP = area * DP / hP, gN = area * DN / hN, vP = uP + mP * i, vN = uN + mN * i;
  const PetscReal zP = vP * hP / DP, zN = vN * hN / DN;
  const PetscReal aP = gP * AzBernoulli(-zP), bP = gP * AzBernoulli(zP), aN = gN * AzBernoulli(-zN), bN = gN * AzBernoulli(zN);
  const PetscReal den = bP + aN, flux = (aP * aN * cP - bP * bN * cN) / den;
  // d/dz of each half's coefficients
  const PetscReal daP = -gP * AzBernoulliDerivative(-zP), dbP = gP * AzBernoulliDerivative(zP);
  const PetscReal daN = -gN * AzBernoulliDerivative(-zN), dbN = gN * AzBernoulliDerivative(zN);
  const PetscReal dF_dzP = (daP * aN * cP - dbP * bN * cN - flux * dbP) / den;
  const PetscReal dF_dzN = (aP * daN * cP - bP * dbN * cN - flux * daN) / den;

  *F      = flux;
  *dF_dcP = aP * aN / den;
  *dF_dcN = -bP * bN / den;
  *dF_di  = dF_dzP * mP * hP / DP + dF_dzN * mN * hN / DN;
}

// A counter electrode's face: phi_l = phi_c on the face; the current it takes leaves the cell (A), a wall otherwise.
static PetscErrorCode AzCounterFace(const AzProblem *p, const AzRegion *reg, PetscReal area, PetscReal h, PetscInt d, PetscInt l,
                                    const PetscReal *c, PetscReal phi_c, AzCellRow *row)
{
  PetscFunctionBeginUser;
  if (p->s_phi >= 0 && reg->present[p->s_phi]) {
    const PetscInt  sp = p->s_phi;
    const PetscReal gA = area * reg->D[sp] * reg->aniso[d] / h;
    row->r[sp] += gA * (c[l * p->nspecies + sp] - phi_c);
    row->d[sp][sp] += gA;
    row->cur_counter -= gA * (c[l * p->nspecies + sp] - phi_c);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The net formation rate (mol m^-2 s^-1) of unknown t at an electrode in state f, and its derivatives in the cell's
// reactant, potential and the face's other unknowns: sum over the reactions of nu_t times the reaction rate. A reaction
// taking the reactant counts through the reactant's flux (the transport side of the face's balance), the others
// through their currents.
static PetscReal AzElectrodeFormation(const AzElectrode *e, const AzElectrodeFace *f, PetscInt t, PetscReal *dc, PetscReal *dphi,
                                      PetscReal dvar[])
{
  PetscInt  consumers = 0;
  PetscReal P         = 0;

  *dc = *dphi = 0;
  for (PetscInt j = 0; j < f->nvar; j++) dvar[j] = 0;
  for (PetscInt n = 0; n < e->nreaction; n++) consumers += e->species >= 0 && e->reaction[n].reactant == e->species;
  for (PetscInt n = 0; n < e->nreaction; n++) {
    const AzReaction *r  = &e->reaction[n];
    const PetscReal   nu = r->nu_of[t];
    if (nu == 0) continue;
    if (consumers == 1 && e->species >= 0 && r->reactant == e->species) {  // nu_t per reactant taken: nu_t s / |nu_r|
      const PetscReal coef = nu * r->s / -r->nu_r;
      P += coef * f->flux, *dc += coef * f->dflux_dc, *dphi += coef * f->dflux_dphi;
      for (PetscInt j = 0; j < f->nvar; j++) dvar[j] += coef * f->dflux_dvar[j];
    } else {
      const PetscReal per = nu / (r->info->n * AZ_FARADAY);
      P += per * f->i[n], *dc += per * f->di_dc[n], *dphi += per * f->di_dphi[n];
      for (PetscInt j = 0; j < f->nvar; j++) dvar[j] += per * f->di_dvar[n][j];
    }
  }
  return P;
}

// An electrode's state f over area A (a face, or a catalyst-layer cell's electrochemical area) in the cell's row: the
// reactant it takes, the solved species its reactions form or take, and the current leaving the electrolyte.
static void AzRowAddElectrode(const AzProblem *p, const AzRegion *reg, const AzElectrode *e, const AzElectrodeFace *f, PetscReal A,
                              PetscBool anode, AzCellRow *row)
{
  const PetscInt sr = e->species, sp = p->s_phi >= 0 && reg->present[p->s_phi] ? p->s_phi : -1;

  if (sr >= 0) {
    row->r[sr] += A * f->flux;
    row->d[sr][sr] += A * f->dflux_dc;
    for (PetscInt j = 0; j < f->nvar; j++) row->d[sr][f->var[j]] += A * f->dflux_dvar[j];
    if (sr == p->s_bal) row->consumed += A * f->flux;
    if (sr == p->s_bal && anode) row->consumed_anode += A * f->flux;
  }
  for (PetscInt t = 0; t < p->nspecies; t++) {  // what the reactions form (NH3, NO3-, ...) leaves the surface into the cell
    PetscReal dc, dphi, dvar[AZ_MAX_FACE_VARS], P;
    if (t == sr || t == p->s_phi || !reg->present[t]) continue;
    P = AzElectrodeFormation(e, f, t, &dc, &dphi, dvar);
    if (P == 0 && dc == 0 && dphi == 0) continue;
    row->r[t] -= A * P;
    if (t == p->s_bal) {  // the balanced species formed here (the O2 an OER anode makes) counts against what is consumed
      row->consumed -= A * P;
      if (anode) row->consumed_anode -= A * P;
    }
    if (sr >= 0) row->d[t][sr] -= A * dc;
    if (sp >= 0) row->d[t][sp] -= A * dphi;
    for (PetscInt j = 0; j < f->nvar; j++) row->d[t][f->var[j]] -= A * dvar[j];
  }
  if (sp >= 0) {  // the electrode's current leaves the electrolyte
    if (sr >= 0) row->d[sr][sp] += A * f->dflux_dphi;
    row->r[sp] += A * f->current;
    row->d[sp][sp] += A * f->dcur_dphi;
    if (sr >= 0) row->d[sp][sr] += A * f->dcur_dc;
    for (PetscInt j = 0; j < f->nvar; j++) row->d[sp][f->var[j]] += A * f->dcur_dvar[j];
    if (anode)
      row->cur_counter -= A * f->current;
    else
      row->cur_electrode += A * f->current;
  }
}

// Boundary face of cell (i,j,k) on `side` for species s present in the cell: outward flux F = aP c_P + b.
static PetscErrorCode AzBoundaryFace(const AzProblem *p, PetscInt side, PetscInt i, PetscInt j, PetscInt k, PetscInt l, const PetscReal *c,
                                     AzCellRow *row)
{
  const AzGrid   *g = &p->grid;
  const PetscInt  d = side / 2, hi = side % 2, idx[3] = {i, j, k}, dof = p->nspecies;
  const AzPatch  *patch = &p->patch[p->bc[side][AzProblemBoundaryIndex(p, side, i, j, k)]];
  const AzRegion *reg   = &p->region[g->tag[l]];
  const PetscReal area  = AzGridFaceAreaSide(g, d, hi, i, j, k);
  const PetscReal h     = hi ? g->xf[d][idx[d] + 1] - g->xc[d][idx[d]] : g->xc[d][idx[d]] - g->xf[d][idx[d]];
  const PetscReal u_out = (d == 0 && p->ux) ? (hi ? 1 : -1) * p->ux[j + g->M[1] * k] : 0;

  PetscFunctionBeginUser;
  switch (patch->type) {
  case AZ_BC_WALL:
    break;
  case AZ_BC_BULK:  // the bulk beyond a diffusion layer: the potential's reference, then Dirichlet for the species
    PetscCall(AzCounterFace(p, reg, area, h, d, l, c, p->s_phi >= 0 ? patch->value[p->s_phi] : 0, row));
    /* fall through */
  case AZ_BC_DIRICHLET:
    for (PetscInt s = 0; s < dof; s++) {
      PetscReal cB = patch->value[s], aP, aB;
      if (!reg->present[s] || s == p->s_phi) continue;  // an inlet is insulating
      if (patch->value_fn) {
        PetscReal x[3] = {g->xc[0][i], g->xc[1][j], g->xc[2][k]};
        x[d]           = g->xf[d][hi ? idx[d] + 1 : idx[d]];
        PetscCall(patch->value_fn(p->user, s, x, &cB));
      }
      AzFaceFlux(area, reg->D[s] * reg->aniso[d], h, u_out, &aP, &aB);
      row->r[s] += aP * c[l * dof + s] + aB * cB;
      row->d[s][s] += aP;
      if (s == p->s_bal || (p->s_bal == AZ_N2 && s == p->s_gas)) row->in -= aP * c[l * dof + s] + aB * cB;
    }
    break;
  case AZ_BC_INFLOW:  // the feed u c_in enters, fixed
    PetscCheck(u_out <= 0, PETSC_COMM_SELF, PETSC_ERR_PLIB, "an inflow face with outward flow");
    for (PetscInt s = 0; s < dof; s++) {
      if (!reg->present[s] || s == p->s_phi) continue;
      row->r[s] += area * u_out * patch->value[s];
      if (s == p->s_bal || (p->s_bal == AZ_N2 && s == p->s_gas)) row->in -= area * u_out * patch->value[s];
    }
    break;
  case AZ_BC_OUTFLOW:  // zero diffusive gradient: the flow carries the cell's concentration out
    for (PetscInt s = 0; s < dof; s++) {
      if (!reg->present[s] || s == p->s_phi) continue;
      row->r[s] += area * u_out * c[l * dof + s];
      row->d[s][s] += area * u_out;
      if (s == p->s_bal || (p->s_bal == AZ_N2 && s == p->s_gas)) row->out += area * u_out * c[l * dof + s];
    }
    break;
  case AZ_BC_ANODE:
    // The limiting-current companion of a full cell asks only for the cathode's transport cap: the anode then stands
    // as a non-polarisable counter electrode, so that the potential problem keeps a Dirichlet condition.
    if (p->electrode.mode == AZ_ELECTRODE_LIMITING) {
      PetscCall(AzCounterFace(p, reg, area, h, d, l, c, 0, row));
      break;
    }
    /* fall through */
  case AZ_BC_ELECTRODE: {
    const PetscBool    anode = (PetscBool)(patch->type == AZ_BC_ANODE);
    const AzElectrode *e     = anode ? &p->anode : &p->electrode;
    const PetscInt     sr = e->species, sp = p->s_phi >= 0 && reg->present[p->s_phi] ? p->s_phi : -1;
    const PetscReal    g_phi = sp >= 0 ? reg->D[sp] * reg->aniso[d] / h : 0, g_r = sr >= 0 ? reg->D[sr] * reg->aniso[d] / h : 0;
    AzElectrodeFace    f;
    PetscCheck(u_out == 0, PETSC_COMM_SELF, PETSC_ERR_PLIB, "an electrode face cannot carry flow");
    PetscCall(AzElectrodeFaceSolve(e, c + l * dof, sp, g_r, g_phi, p->T, &f));
    AzRowAddElectrode(p, reg, e, &f, area, anode, row);
  } break;
  case AZ_BC_COUNTER:  // phi_l fixed: the current the counter electrode takes leaves
    PetscCall(AzCounterFace(p, reg, area, h, d, l, c, p->s_phi >= 0 ? patch->value[p->s_phi] : 0, row));
    break;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Species s across the face to neighbour row->nnb (regions reg, regN) with migration: the flux of AzMigrationFlux with
// the face's ionic current density from P to N, i = kappa_f (phi_P - phi_N) / (hP + hN) (0 where either side carries no
// current), and its derivatives in both cells' concentrations and potentials.
static PetscErrorCode AzMigrationFace(const AzProblem *p, const AzRegion *reg, const AzRegion *regN, PetscInt d, PetscInt s, PetscReal area,
                                      PetscReal hP, PetscReal hN, PetscReal u, const PetscReal *cP, const PetscReal *cN, AzCellRow *row)
{
  const PetscInt  sp = p->s_phi;
  const PetscReal kP = reg->present[sp] ? reg->D[sp] * reg->aniso[d] : 0, kN = regN->present[sp] ? regN->D[sp] * regN->aniso[d] : 0;
  const PetscReal G = kP > 0 && kN > 0 ? (kP == kN ? kP : (hP + hN) / (hP / kP + hN / kN)) / (hP + hN) : 0;  // S m^-2
  PetscReal       F, dcP, dcN, di;

  PetscFunctionBeginUser;
  AzMigrationFlux(area, reg->D[s] * reg->aniso[d], hP, u, reg->migration[s], regN->D[s] * regN->aniso[d], hN, u, regN->migration[s],
                  G * (cP[sp] - cN[sp]), cP[s], cN[s], &F, &dcP, &dcN, &di);
  row->r[s] += F;
  row->d[s][s] += dcP;
  row->o[row->nnb][s] = dcN;
  row->d[s][sp] += di * G;
  row->po[row->nnb][s] = -di * G;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// A manufactured solution's volumetric source (p->source) into the row of cell (i,j,k) of volume V: the dilute and
// the ionic residual take it alike.
PetscErrorCode AzCellRowAddSource(const AzProblem *p, const AzRegion *reg, PetscInt i, PetscInt j, PetscInt k, PetscReal V, AzCellRow *row)
{
  const AzGrid *g = &p->grid;

  PetscFunctionBeginUser;
  if (p->source) {
    const PetscReal x[3] = {g->xc[0][i], g->xc[1][j], g->xc[2][k]};
    for (PetscInt s = 0; s < p->nspecies; s++) {
      PetscReal src;
      if (!reg->present[s]) continue;
      PetscCall(p->source(p->user, s, x, &src));
      row->r[s] -= V * src;
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCellResidual(const AzProblem *p, const PetscReal *c, PetscInt i, PetscInt j, PetscInt k, AzRowMode mode, AzFluxMemo *memo,
                              AzCellRow *row)
{
  const AzGrid   *g      = &p->grid;
  const PetscInt  idx[3] = {i, j, k}, lP = AzGridLocal(g, i, j, k), dof = p->nspecies;
  const AzRegion *reg   = &p->region[g->tag[lP]];
  const PetscReal V     = AzGridVolume(g, i, j, k);
  const PetscBool limit = (PetscBool)(p->electrode.mode == AZ_ELECTRODE_LIMITING && reg->a_v > 0 && mode == AZ_ROW_FULL);
  PetscBool       pinned[AZ_MAX_SPECIES];

  PetscFunctionBeginUser;
  if (p->np) {  // the ionic model: Nernst-Planck with electroneutrality (solver/nernstplanck.c)
    PetscCall(AzNPCellResidual(p, c, i, j, k, mode, row, NULL));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  // zero what this row uses (the whole struct is 0.6 kB: zeroing it cost a sixth of the evaluation)
  row->nnb = 0, row->consumed = row->in = row->out = row->cur_electrode = row->cur_counter = row->consumed_anode = 0;
  for (PetscInt s = 0; s < dof; s++) {
    row->r[s] = 0;
    for (PetscInt t = 0; t < dof; t++) row->d[s][t] = 0;
  }
  for (PetscInt s = 0; s < dof; s++) pinned[s] = (PetscBool)(!reg->present[s] || (s == AZ_N2 && limit));
  // faces
  for (PetscInt d = 0; d < g->dim; d++) {
    for (PetscInt hi = 0; hi < 2; hi++) {
      const PetscInt nb = idx[d] + (hi ? 1 : -1);
      if (nb < 0 || nb >= g->M[d]) {
        PetscCall(AzBoundaryFace(p, 2 * d + hi, i, j, k, lP, c, row));
        continue;
      }
      const PetscInt  nidx[3] = {d == 0 ? nb : i, d == 1 ? nb : j, d == 2 ? nb : k};
      const PetscInt  lN      = AzGridLocal(g, nidx[0], nidx[1], nidx[2]);
      const AzRegion *regN    = &p->region[g->tag[lN]];
      const PetscReal xface   = g->xf[d][hi ? idx[d] + 1 : idx[d]];
      const PetscReal hP = PetscAbsReal(xface - g->xc[d][idx[d]]), hN = PetscAbsReal(g->xc[d][nb] - xface);
      const PetscReal u    = (d == 0 && p->ux) ? (hi ? 1 : -1) * p->ux[j + g->M[1] * k] : 0;
      const PetscReal area = AzGridFaceAreaSide(g, d, hi, i, j, k);
      row->nb[row->nnb]    = lN;
      for (PetscInt s = 0; s < dof; s++) {
        PetscReal aP, aN;
        row->o[row->nnb][s] = 0;
        if (p->migration) row->po[row->nnb][s] = 0;
        if (!reg->present[s] || !regN->present[s]) continue;  // a species never crosses into a region without it
        const PetscReal DP = reg->D[s] * reg->aniso[d], DN = regN->D[s] * regN->aniso[d];
        if (p->migration && s != p->s_phi && (reg->migration[s] != 0 || regN->migration[s] != 0) && DP > 0 && DN > 0) {
          PetscCall(AzMigrationFace(p, reg, regN, d, s, area, hP, hN, u, c + lP * dof, c + lN * dof, row));
          continue;
        }
        const PetscReal Df = DP == DN ? DP : (DP > 0 && DN > 0) ? (hP + hN) / (hP / DP + hN / DN) : 0;
        AzFaceFluxInline(memo, area, Df, hP + hN, s == p->s_phi ? 0 : u, &aP, &aN);
        row->r[s] += aP * c[lP * dof + s] + aN * c[lN * dof + s];
        row->d[s][s] += aP;
        row->o[row->nnb][s] = aN;
      }
      row->xs[row->nnb] = AzInterfaceSpecies(p->s_gas, reg, regN);
      if (row->xs[row->nnb] >= 0) {
        const PetscBool liquid = (PetscBool)(row->xs[row->nnb] == AZ_N2);
        const AzRegion *L = liquid ? reg : regN, *Gs = liquid ? regN : reg;
        const PetscInt  sg = p->s_gas, lL = liquid ? lP : lN, lG = liquid ? lN : lP;
        const PetscReal DL = L->D[AZ_N2] * L->aniso[d], DG = Gs->D[sg] * Gs->aniso[d], k = L->dceq_dcg;
        const PetscReal G     = DL > 0 && DG > 0 ? area / ((liquid ? hP : hN) / DL + k * (liquid ? hN : hP) / DG) : 0;  // m^3/s
        const PetscReal cstar = L->c_eq + k * (c[lG * dof + sg] - L->c_gas_ref), J = G * (cstar - c[lL * dof + AZ_N2]);
        if (liquid) {  // dissolves into this cell
          row->r[AZ_N2] -= J;
          row->d[AZ_N2][AZ_N2] += G;
          row->xo[row->nnb] = -G * k;
        } else {  // leaves this cell's gas
          row->r[sg] += J;
          row->d[sg][sg] += G * k;
          row->xo[row->nnb] = -G;
        }
      }
      row->nnb++;
    }
  }
  // volumetric terms
  {
    const PetscReal cl = c[lP * dof + AZ_N2];
    if (reg->k > 0) {
      row->r[AZ_N2] += V * reg->k * cl;
      row->d[AZ_N2][AZ_N2] += V * reg->k;
      if (p->s_bal == AZ_N2) row->consumed += V * reg->k * cl;
    }
    if (reg->kla > 0) {
      const PetscInt  sg    = (p->s_gas >= 0 && reg->present[p->s_gas]) ? p->s_gas : -1;
      const PetscReal cstar = sg >= 0 ? reg->c_eq + reg->dceq_dcg * (c[lP * dof + sg] - reg->c_gas_ref) : reg->c_eq;
      row->r[AZ_N2] += V * reg->kla * (cl - cstar);
      row->d[AZ_N2][AZ_N2] += V * reg->kla;
      if (sg >= 0) {
        row->d[AZ_N2][sg] -= V * reg->kla * reg->dceq_dcg;
        row->r[sg] += V * reg->kla * (cstar - cl);
        row->d[sg][sg] += V * reg->kla * reg->dceq_dcg;
        row->d[sg][AZ_N2] -= V * reg->kla;
      } else if (p->s_bal == AZ_N2)
        row->in += V * reg->kla * (cstar - cl);  // bubbles feed N2 into the cell
    }
    for (PetscInt s = 1; s < dof; s++)  // bubbles of another dissolved gas (the anode's N2 beside a cathode's O2)
      if (reg->kla_of[s] > 0) {
        row->r[s] += V * reg->kla_of[s] * (c[lP * dof + s] - reg->c_eq_of[s]);
        row->d[s][s] += V * reg->kla_of[s];
      }
    if (reg->a_v > 0 && mode == AZ_ROW_FULL && !limit && p->electrode.mode == AZ_ELECTRODE_POTENTIOSTATIC) {
      // volumetric Butler-Volmer at the cell's concentrations and electrolyte potential
      const PetscInt  sp = p->s_phi >= 0 && reg->present[p->s_phi] ? p->s_phi : -1;
      AzElectrodeFace f;
      PetscCall(AzElectrodeVolumeState(&p->electrode, c + lP * dof, sp, p->T, &f));
      AzRowAddElectrode(p, reg, &p->electrode, &f, V * reg->a_v, PETSC_FALSE, row);
    }
    PetscCall(AzCellRowAddSource(p, reg, i, j, k, V, row));
  }
  // The charge balance counted in mol of electrons per second (A / F), the size of the species' rows: one residual
  // norm and one round-off floor serve both.
  if (p->s_phi >= 0) {
    const PetscInt sp = p->s_phi;
    row->r[sp] /= AZ_FARADAY;
    for (PetscInt t = 0; t < dof; t++) row->d[sp][t] /= AZ_FARADAY;
    for (PetscInt n = 0; n < row->nnb; n++) row->o[n][sp] /= AZ_FARADAY;
  }
  // Species absent here, and dissolved N2 in a catalyst layer at the transport limit: c = 0.
  for (PetscInt s = 0; s < dof; s++) {
    if (!pinned[s]) continue;
    if (s == AZ_N2 && limit && p->s_bal == AZ_N2) row->consumed = -row->r[AZ_N2];  // what reaches the cell reacts
    row->r[s] = p->species[s].scale * c[lP * dof + s];
    for (PetscInt t = 0; t < dof; t++) row->d[s][t] = t == s ? p->species[s].scale : 0;
    for (PetscInt n = 0; n < row->nnb; n++) {
      row->o[n][s] = 0;
      if (p->migration) row->po[n][s] = 0;
      if (row->xs[n] == s) row->xo[n] = 0;
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The DM's pool of local vectors would keep one (8 B per cell and species) alive through the linear solve, where the
// memory peaks: the local copy is created per loop.
PetscErrorCode AzLocalStateGet(const AzGrid *g, Vec X, Vec *Xl, const PetscReal **c)
{
  PetscFunctionBeginUser;
  PetscCall(DMCreateLocalVector(g->da, Xl));
  PetscCall(DMGlobalToLocal(g->da, X, INSERT_VALUES, *Xl));
  PetscCall(VecGetArrayRead(*Xl, c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzLocalStateRestore(Vec *Xl, const PetscReal **c)
{
  PetscFunctionBeginUser;
  PetscCall(VecRestoreArrayRead(*Xl, c));
  PetscCall(VecDestroy(Xl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzFormFunction(SNES snes, Vec X, Vec F, void *ctx)
{
  AzProblem       *p   = (AzProblem *)ctx;
  const AzGrid    *g   = &p->grid;
  const PetscInt   dof = p->nspecies;
  Vec              Xl;
  const PetscReal *c;
  PetscReal       *f;
  AzCellRow        row;
  AzFluxMemo       memo = AZ_FLUX_MEMO_INIT;

  PetscFunctionBeginUser;
  if (p->np) {
    PetscBool done;
    PetscCall(AzNPFusedFunction(snes, p, X, F, &done));
    if (!done) PetscCall(AzNPFormFunction(p, X, F));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(AzLocalStateGet(g, X, &Xl, &c));
  PetscCall(VecGetArray(F, &f));
  AzForOwnedCells(g, i, j, k)
  {
    PetscCall(AzCellResidual(p, c, i, j, k, AZ_ROW_FULL, &memo, &row));
    for (PetscInt s = 0; s < dof; s++) f[AzGridOwned(g, i, j, k) * dof + s] = row.r[s];
  }
  PetscCall(VecRestoreArray(F, &f));
  PetscCall(AzLocalStateRestore(&Xl, &c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzFormJacobian(SNES snes, Vec X, Mat J, Mat P, void *ctx)
{
  AzProblem       *p   = (AzProblem *)ctx;
  const AzGrid    *g   = &p->grid;
  const PetscInt   dof = p->nspecies;
  Vec              Xl;
  const PetscReal *c;
  AzCellRow        row;
  AzFluxMemo       memo = AZ_FLUX_MEMO_INIT;
  AzMatRows        w;

  PetscFunctionBeginUser;
  if (p->np) {
    PetscBool done;
    PetscCall(AzNPFusedJacobian(p, X, P, &done));
    if (!done) PetscCall(AzNPFormJacobian(p, X, P, NULL));
    if (J != P) {
      PetscCall(MatAssemblyBegin(J, MAT_FINAL_ASSEMBLY));
      PetscCall(MatAssemblyEnd(J, MAT_FINAL_ASSEMBLY));
    }
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(AzLocalStateGet(g, X, &Xl, &c));
  PetscCall(AzMatRowsBegin(P, g, dof, &w));
  AzForOwnedCells(g, i, j, k)
  {
    const PetscInt lP = AzGridLocal(g, i, j, k);
    PetscCall(AzCellResidual(p, c, i, j, k, AZ_ROW_FULL, &memo, &row));
    for (PetscInt s = 0; s < dof; s++) {
      PetscInt  cols[AZ_MAX_SPECIES + 18], n = 0;
      PetscReal vals[AZ_MAX_SPECIES + 18];
      for (PetscInt t = 0; t < dof; t++) cols[n] = lP * dof + t, vals[n++] = row.d[s][t];
      for (PetscInt m = 0; m < row.nnb; m++) cols[n] = row.nb[m] * dof + s, vals[n++] = row.o[m][s];
      for (PetscInt m = 0; m < row.nnb; m++)  // a gas-liquid interface: the neighbour's other N2 species
        if (row.xs[m] == s) cols[n] = row.nb[m] * dof + (s == AZ_N2 ? p->s_gas : AZ_N2), vals[n++] = row.xo[m];
      if (p->migration && s != p->s_phi)  // migration: the neighbours' potentials (in the pattern of every species row)
        for (PetscInt m = 0; m < row.nnb; m++) cols[n] = row.nb[m] * dof + p->s_phi, vals[n++] = row.po[m][s];
      PetscCall(AzMatRowsSet(&w, AzGridOwned(g, i, j, k), lP, s, n, cols, vals));
    }
  }
  PetscCall(AzMatRowsEnd(&w));
  PetscCall(AzLocalStateRestore(&Xl, &c));
  PetscCall(MatAssemblyBegin(P, MAT_FINAL_ASSEMBLY));
  PetscCall(MatAssemblyEnd(P, MAT_FINAL_ASSEMBLY));
  if (J != P) {
    PetscCall(MatAssemblyBegin(J, MAT_FINAL_ASSEMBLY));
    PetscCall(MatAssemblyEnd(J, MAT_FINAL_ASSEMBLY));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
