// Electrode kinetics and the local balances of an electrode face.
//
// At a face of the electrode the main reaction's reactant reaching the surface by diffusion from the adjacent cell
// centre equals what the reactions consume, g (c_P - c_s) = sum_k i_k(c_s, E - phi_s) / (nF)_k over the reactions
// taking it, g = D / d, and, where the electrolyte potential is solved, the ionic current conducted to the surface
// equals the electrode's current, g_phi (phi_P - phi_s) = sum_k i_k, g_phi = kappa / d. The surface state is
// eliminated locally (closed form in c_s where the consumption is affine in it; phi_s by a bracketed Newton iteration
// on the second balance, which decreases strictly in phi_s), so the unknowns stay cell-centred; the face's flux and
// currents and their derivatives with respect to the cell's unknowns follow from the implicit function theorem.
#include <azote/private/kineticsimpl.h>

const char *const AzElectrodeModes[] = {"potentiostatic", "galvanostatic", "limiting", "off", NULL};

PetscReal AzChargePerReactant(const AzReaction *r)
{
  return r->s * r->info->n * AZ_FARADAY / (r->nu_r != 0 ? -r->nu_r : 1);
}

PetscReal AzElectrodeChargePerReactant(const AzElectrode *e)
{
  const AzReactionInfo *info = AzElectrodeMain(e)->info;  // from the row: also before AzReactionSetUp
  const PetscReal       nu   = info->reactant ? PetscAbsReal(AzReactionNu(info, info->reactant)) : 1;
  return (info->oxidation ? -1 : 1) * info->n * AZ_FARADAY / nu;
}

PetscReal AzElectrodeKinetic(const AzElectrode *e, PetscReal c, PetscReal T)
{
  const AzReaction *r                     = AzElectrodeMain(e);
  const PetscReal   none[AZ_MAX_UNKNOWNS] = {0};  // the solved products absent
  PetscReal         i;
  AzReactionCurrent(r, c, e->potential, T, AzReactionLnQ(r, none), &i, NULL, NULL, NULL);
  return AzElectrodeSign(e) * i;
}

// Whether reaction r consumes the electrode's reactant (its concentration is the surface one).
static inline PetscBool AzConsumes(const AzElectrode *e, const AzReaction *r)
{
  return (PetscBool)(e->species >= 0 && r->reactant == e->species);
}

void AzSurfaceEvaluate(const AzElectrode *e, PetscReal c_s, PetscReal u, PetscReal T, const PetscReal lnq[], const PetscReal cell[],
                       AzSurfaceEval *k)
{
  k->cons = k->cons_c = k->cons_u = k->tot = k->tot_c = k->tot_u = 0;
  for (PetscInt n = 0; n < e->nreaction; n++) {
    const AzReaction *r    = &e->reaction[n];
    const PetscBool   cons = AzConsumes(e, r);
    const PetscReal   c    = cons ? c_s : r->reactant >= 0 ? cell[r->reactant] : r->c_r_bulk;
    AzReactionCurrent(r, c, u, T, lnq[n], &k->i[n], &k->i_c[n], &k->i_u[n], &k->i_q[n]);
    if (!cons) k->i_c[n] = 0;
    if (cons) {
      const PetscReal nF = AzChargePerReactant(r);
      k->cons += k->i[n] / nF, k->cons_c += k->i_c[n] / nF, k->cons_u += k->i_u[n] / nF;
    }
    k->tot += k->i[n], k->tot_c += k->i_c[n], k->tot_u += k->i_u[n];
  }
}

// The surface concentration at a given E - phi_s = u: g (c_P - c_s) = consumption(c_s, u), the left side decreasing
// and the consumption increasing in c_s.
PetscReal AzSurfaceConcentration(const AzElectrode *e, PetscReal c_P, PetscReal g, PetscReal u, PetscReal T, const PetscReal lnq[],
                                 const PetscReal cell[])
{
  PetscBool affine = PETSC_TRUE, positive_order = PETSC_TRUE, any = PETSC_FALSE;
  PetscReal k0 = 0, k1 = 0, c_s, lo = 0, hi = c_P;

  for (PetscInt n = 0; n < e->nreaction; n++) {
    const AzReaction *r = &e->reaction[n];
    if (!AzConsumes(e, r)) continue;
    const PetscReal p = r->reversible ? r->order + r->nu_r : 0;  // the reverse branch goes as c^p
    any               = PETSC_TRUE;
    positive_order    = (PetscBool)(positive_order && r->order > 0);
    affine            = (PetscBool)(affine && (r->order == 0 || r->order == 1) && (p == 0 || p == 1));
  }
  if (!any) return c_P;
  if (c_P <= 0 && positive_order) return c_P;  // nothing to consume (a Newton trial state below zero)
  if (affine) {                                // consumption k1 c + k0: closed form
    for (PetscInt n = 0; n < e->nreaction; n++) {
      const AzReaction *r = &e->reaction[n];
      PetscReal         i, di, i0, di0;
      if (!AzConsumes(e, r)) continue;
      const PetscReal nF = AzChargePerReactant(r);
      AzReactionCurrent(r, 1.0 * r->c_ref, u, T, lnq[n], &i, &di, NULL, NULL);
      if (r->order == 1 && (!r->reversible || r->order + r->nu_r == 0)) {
        AzReactionCurrent(r, 0.0, u, T, lnq[n], &i0, &di0, NULL, NULL);  // the reverse branch alone
        k1 += di / nF, k0 += i0 / nF;
      } else if (r->order == 0 && !r->reversible)
        k0 += i / nF;
      else {  // order 0 with a reverse branch in c (p = -1 is not affine: excluded above); order 1 with p = 1
        k1 += di / nF;
        k0 += (i - di * r->c_ref) / nF;
      }
    }
    return (g * c_P - k0) / (g + k1);
  }
  // safeguarded Newton on [lo, hi], hi raised until the balance changes sign (a reverse branch can form reactant)
  for (PetscInt it = 0; it < 200; it++) {
    AzSurfaceEval k;
    AzSurfaceEvaluate(e, hi, u, T, lnq, cell, &k);
    if (g * (c_P - hi) - k.cons <= 0) break;
    lo = hi, hi = 2 * hi + (hi == 0 ? 1e-12 : 0);
  }
  c_s = hi;
  for (PetscInt it = 0; it < 100; it++) {
    AzSurfaceEval k;
    AzSurfaceEvaluate(e, c_s, u, T, lnq, cell, &k);
    const PetscReal h = g * (c_P - c_s) - k.cons, dh = -g - k.cons_c;
    if (h > 0)
      lo = c_s;
    else
      hi = c_s;
    PetscReal next = c_s - h / dh;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (PetscAbsReal(next - c_s) <= 1e-15 * PetscMax(c_P, hi)) return next;
    c_s = next;
  }
  return c_s;
}

// G(phi_s) = g_phi (phi_P - phi_s) - i_total(c_s(phi_s), E - phi_s), strictly decreasing; returns G and dG/dphi_s.
static void AzCurrentBalance(const AzElectrode *e, PetscReal c_P, PetscReal g, PetscReal phi_P, PetscReal g_phi, PetscReal T,
                             const PetscReal lnq[], const PetscReal cell[], PetscReal phi_s, PetscReal *G, PetscReal *dG)
{
  const PetscReal u   = e->potential - phi_s;
  const PetscReal c_s = AzSurfaceConcentration(e, c_P, g, u, T, lnq, cell);
  AzSurfaceEval   k;

  AzSurfaceEvaluate(e, c_s, u, T, lnq, cell, &k);
  const PetscReal dcs_du = e->species >= 0 ? -k.cons_u / (g + k.cons_c) : 0;  // no reactant: no c_s
  *G                     = g_phi * (phi_P - phi_s) - k.tot;
  *dG                    = -g_phi + (k.tot_u + k.tot_c * dcs_du);  // d/dphi_s = -d/du
}

// The surface potential phi_s, the root of the decreasing G (AzCurrentBalance): bracketed by steps doubling away from
// phi_P in the direction G points, then Newton from phi_P safeguarded by bisection inside the bracket.
static PetscReal AzSurfacePotential(const AzElectrode *e, PetscReal c_P, PetscReal g, PetscReal phi_P, PetscReal g_phi, PetscReal T,
                                    const PetscReal lnq[], const PetscReal cell[])
{
  PetscReal G, dG, lo = phi_P, hi = phi_P, phi_s = phi_P, step;

  AzCurrentBalance(e, c_P, g, phi_P, g_phi, T, lnq, cell, phi_P, &G, &dG);
  if (G == 0) return phi_P;
  const PetscReal dir = G < 0 ? -1 : 1;                                          // G < 0: too much current, the root lies below phi_P
  step                = PetscMax(1e-3, PetscMin(PetscAbsReal(G) / g_phi, 0.5));  // the bracket grows from at most 0.5 V
  for (PetscInt it = 0; it < 200; it++, step *= 2) {  // [lo, hi]: the last point with G of phi_P's sign, and the trial
    PetscReal Gt, dGt;
    AzCurrentBalance(e, c_P, g, phi_P, g_phi, T, lnq, cell, phi_P + dir * step, &Gt, &dGt);
    if (dir < 0)
      lo = phi_P - step;
    else
      hi = phi_P + step;
    if (Gt * dir <= 0) break;
    if (dir < 0)
      hi = lo;
    else
      lo = hi;
  }
  for (PetscInt it = 0; it < 200; it++) {
    PetscReal next;
    AzCurrentBalance(e, c_P, g, phi_P, g_phi, T, lnq, cell, phi_s, &G, &dG);
    if (G == 0) break;
    if (G > 0)
      lo = phi_s;
    else
      hi = phi_s;
    next = phi_s - G / dG;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (PetscAbsReal(next - phi_s) <= 1e-15 * (1 + PetscAbsReal(phi_s))) return next;
    phi_s = next;
  }
  return phi_s;
}

// The cell's unknowns other than the reactant and the potential that enter the reactions (their products), with d lnq_n
// / d c_var for each reaction n.
static PetscErrorCode AzFaceVars(const AzElectrode *e, const PetscReal cell[], AzElectrodeFace *f, PetscReal dq[][AZ_MAX_FACE_VARS])
{
  PetscFunctionBeginUser;
  f->nvar = 0;
  for (PetscInt n = 0; n < e->nreaction; n++) {
    const AzReaction *r = &e->reaction[n];
    PetscCheck(r->reactant < 0 || AzConsumes(e, r), PETSC_COMM_SELF, PETSC_ERR_SUP,
               "reaction %s takes a solved species that is not its electrode's reactant", r->info->name);
    for (PetscInt v = 0; v < r->nvar; v++) {
      PetscInt j = 0;
      while (j < f->nvar && f->var[j] != r->var[v]) j++;
      if (j == f->nvar) {
        PetscCheck(f->nvar < AZ_MAX_FACE_VARS, PETSC_COMM_SELF, PETSC_ERR_PLIB, "too many species at an electrode");
        f->var[f->nvar++] = r->var[v];
      }
    }
  }
  for (PetscInt n = 0; n < e->nreaction; n++) {
    const AzReaction *r = &e->reaction[n];
    for (PetscInt j = 0; j < f->nvar; j++) dq[n][j] = 0;
    for (PetscInt v = 0; v < r->nvar; v++) {
      const PetscReal c = cell[r->var[v]];
      for (PetscInt j = 0; j < f->nvar; j++)
        if (f->var[j] == r->var[v]) dq[n][j] += c > 1e-30 ? r->var_nu[v] / c : 0;
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzElectrodeFaceSolve(const AzElectrode *e, const PetscReal cell[], PetscInt s_phi, PetscReal g, PetscReal g_phi, PetscReal T,
                                    AzElectrodeFace *f)
{
  const PetscReal c_P = e->species >= 0 ? cell[e->species] : 0, phi_P = s_phi >= 0 ? cell[s_phi] : 0;
  PetscReal       lnq[AZ_MAX_ELECTRODE_REACTIONS], dq[AZ_MAX_ELECTRODE_REACTIONS][AZ_MAX_FACE_VARS];

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(f, sizeof(*f)));
  if (s_phi < 0) g_phi = 0;
  f->nreaction = e->nreaction;
  f->c_s       = c_P;
  f->phi_s     = g_phi > 0 ? phi_P : 0;
  for (PetscInt n = 0; n < e->nreaction; n++) lnq[n] = AzReactionLnQ(&e->reaction[n], cell);
  switch (e->mode) {
  case AZ_ELECTRODE_OFF:
    break;
  case AZ_ELECTRODE_LIMITING: {
    // The mass-transport limit: every reactant molecule reaching the surface reacts (c_s = 0); no other reaction.
    const PetscReal nF = AzElectrodeChargePerReactant(e);
    f->c_s = 0, f->flux = g * c_P, f->dflux_dc = g, f->i[0] = nF * f->flux, f->di_dc[0] = nF * g;
    f->current = f->i[0], f->dcur_dc = nF * g;
    if (g_phi > 0) f->phi_s = phi_P - f->current / g_phi;
  } break;
  case AZ_ELECTRODE_POTENTIOSTATIC: {
    const PetscReal phi_s = g_phi > 0 ? AzSurfacePotential(e, c_P, g, phi_P, g_phi, T, lnq, cell) : 0, u = e->potential - phi_s;
    AzSurfaceEval   k;
    PetscCall(AzFaceVars(e, cell, f, dq));
    f->c_s = AzSurfaceConcentration(e, c_P, g, u, T, lnq, cell);
    AzSurfaceEvaluate(e, f->c_s, u, T, lnq, cell, &k);
    f->phi_s   = phi_s;
    f->current = 0;
    for (PetscInt n = 0; n < e->nreaction; n++) f->i[n] = k.i[n], f->current += k.i[n];
    f->flux = g * (c_P - f->c_s);
    {
      // Implicit function theorem on F1 = g (c_P - c_s) - cons, F2 = g_phi (phi_P - phi_s) - i_total in (c_s, phi_s),
      // inputs x = (c_P, phi_P, the products' cell values): d(c_s, phi_s)/dx = -A^-1 dF/dx. Without the potential
      // only F1 and c_s.
      // (an electrode without a reactant, an OER anode: c_s is no unknown, F1 = -c_s stands in for it)
      const PetscBool has = (PetscBool)(e->species >= 0);
      const PetscReal a11 = has ? -g - k.cons_c : -1, a12 = has ? k.cons_u : 0, a21 = has ? -k.tot_c : 0, a22 = -g_phi + k.tot_u;
      PetscReal       dcs[2 + AZ_MAX_FACE_VARS], dps[2 + AZ_MAX_FACE_VARS], b1[2 + AZ_MAX_FACE_VARS], b2[2 + AZ_MAX_FACE_VARS];
      const PetscInt  nx = 2 + f->nvar;
      b1[0] = has ? g : 0, b2[0] = 0, b1[1] = 0, b2[1] = g_phi;
      for (PetscInt j = 0; j < f->nvar; j++) {  // the products enter through each reaction's lnq
        PetscReal dcons = 0, dtot = 0;
        for (PetscInt n = 0; n < e->nreaction; n++) {
          const PetscReal di = k.i_q[n] * dq[n][j];
          dtot += di;
          if (AzConsumes(e, &e->reaction[n])) dcons += di / AzChargePerReactant(&e->reaction[n]);
        }
        b1[2 + j] = has ? -dcons : 0, b2[2 + j] = -dtot;
      }
      if (g_phi > 0) {
        const PetscReal det = a11 * a22 - a12 * a21;
        for (PetscInt x = 0; x < nx; x++) dcs[x] = -(a22 * b1[x] - a12 * b2[x]) / det, dps[x] = -(-a21 * b1[x] + a11 * b2[x]) / det;
      } else
        for (PetscInt x = 0; x < nx; x++) dcs[x] = -b1[x] / a11, dps[x] = 0;
      f->dflux_dc   = g * (1 - dcs[0]);
      f->dflux_dphi = -g * dcs[1];
      for (PetscInt n = 0; n < e->nreaction; n++) {
        f->di_dc[n]   = k.i_c[n] * dcs[0] - k.i_u[n] * dps[0];
        f->di_dphi[n] = k.i_c[n] * dcs[1] - k.i_u[n] * dps[1];
        for (PetscInt j = 0; j < f->nvar; j++) f->di_dvar[n][j] = k.i_c[n] * dcs[2 + j] - k.i_u[n] * dps[2 + j] + k.i_q[n] * dq[n][j];
      }
      for (PetscInt j = 0; j < f->nvar; j++) f->dflux_dvar[j] = -g * dcs[2 + j];
      if (g_phi > 0) {
        f->dcur_dc   = -g_phi * dps[0];
        f->dcur_dphi = g_phi * (1 - dps[1]);
        for (PetscInt j = 0; j < f->nvar; j++) f->dcur_dvar[j] = -g_phi * dps[2 + j];
      } else {
        f->dcur_dc = 0;
        for (PetscInt n = 0; n < e->nreaction; n++) f->dcur_dc += f->di_dc[n];
        for (PetscInt j = 0; j < f->nvar; j++) {
          f->dcur_dvar[j] = 0;
          for (PetscInt n = 0; n < e->nreaction; n++) f->dcur_dvar[j] += f->di_dvar[n][j];
        }
      }
    }
  } break;
  case AZ_ELECTRODE_GALVANOSTATIC:
    SETERRQ(PETSC_COMM_SELF, PETSC_ERR_PLIB, "a galvanostatic electrode is solved as a sequence of potentiostatic ones");
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzElectrodeVolumeState(const AzElectrode *e, const PetscReal cell[], PetscInt s_phi, PetscReal T, AzElectrodeFace *f)
{
  const PetscReal phi = s_phi >= 0 ? cell[s_phi] : 0, u = e->potential - phi;
  PetscReal       lnq[AZ_MAX_ELECTRODE_REACTIONS], dq[AZ_MAX_ELECTRODE_REACTIONS][AZ_MAX_FACE_VARS];
  AzSurfaceEval   k;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(f, sizeof(*f)));
  f->nreaction = e->nreaction;
  f->c_s       = e->species >= 0 ? cell[e->species] : 0;
  f->phi_s     = phi;
  PetscCall(AzFaceVars(e, cell, f, dq));
  for (PetscInt n = 0; n < e->nreaction; n++) lnq[n] = AzReactionLnQ(&e->reaction[n], cell);
  AzSurfaceEvaluate(e, f->c_s, u, T, lnq, cell, &k);
  f->flux = k.cons, f->dflux_dc = k.cons_c, f->dflux_dphi = -k.cons_u;
  f->current = 0, f->dcur_dc = k.tot_c, f->dcur_dphi = -k.tot_u;
  for (PetscInt n = 0; n < e->nreaction; n++) {
    f->i[n]     = k.i[n], f->current += k.i[n];
    f->di_dc[n] = k.i_c[n], f->di_dphi[n] = -k.i_u[n];
    for (PetscInt j = 0; j < f->nvar; j++) f->di_dvar[n][j] = k.i_q[n] * dq[n][j];
  }
  for (PetscInt j = 0; j < f->nvar; j++) {
    f->dflux_dvar[j] = f->dcur_dvar[j] = 0;
    for (PetscInt n = 0; n < e->nreaction; n++) {
      f->dcur_dvar[j] += f->di_dvar[n][j];
      if (AzConsumes(e, &e->reaction[n])) f->dflux_dvar[j] += f->di_dvar[n][j] / AzChargePerReactant(&e->reaction[n]);
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
