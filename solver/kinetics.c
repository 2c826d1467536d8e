// Butler–Volmer kinetics and the local balances of an electrode face.
//
// At a face of the electrode the dissolved N2 reaching the surface by diffusion from the adjacent cell centre
// equals what the reaction consumes,  g (c_P - c_s) = i_main(c_s, E - phi_s) / (n F),  g = D / d,  and, where the
// electrolyte potential is solved, the ionic current conducted to the surface equals the electrode's current,
// g_phi (phi_P - phi_s) = i_main + i_side,  g_phi = kappa / d. The surface state is eliminated locally (closed form in
// c_s for first order; phi_s by a bracketed Newton iteration on the second balance, which decreases strictly in
// phi_s), so the unknowns stay cell-centred; the face's flux and current and their derivatives with respect to c_P
// and phi_P follow from the implicit function theorem.
#include <azote/kinetics.h>

const char *const AzElectrodeModes[]     = {"potentiostatic", "galvanostatic", "limiting", "off", NULL};
const char *const AzElectrodeReactions[] = {"n2rr", "n2or", "orr", NULL};

void AzReactionCurrentE(const AzReaction *r, PetscReal c, PetscReal e_minus_phi, PetscReal T, PetscReal *i, PetscReal *di_dc,
                        PetscReal *di_de)
{
  const PetscReal f     = AZ_FARADAY / (AZ_GAS_CONSTANT * T);
  const PetscReal eta   = e_minus_phi - r->e_eq;
  const PetscReal kc    = r->i0 * PetscExpReal(-r->alpha_c * f * eta);
  const PetscReal ka    = r->reversible ? r->i0 * PetscExpReal(r->alpha_a * f * eta) : 0.0;
  PetscReal       theta = 1, dtheta = 0;

  if (r->order != 0) {
    const PetscReal x = PetscMax(c, 0.0) / r->c_ref;
    if (r->order == 1)
      theta = x, dtheta = c > 0 ? 1 / r->c_ref : 0;
    else if (x > 0)
      theta = PetscPowReal(x, r->order), dtheta = r->order * theta / PetscMax(c, PETSC_SMALL * r->c_ref);
    else
      theta = 0, dtheta = 0;
  }
  if (r->anodic) {  // an irreversible oxidation of the reactant
    const PetscReal k = r->i0 * PetscExpReal(r->alpha_a * f * eta);
    *i                = -k * theta;
    if (di_dc) *di_dc = -k * dtheta;
    if (di_de) *di_de = -r->alpha_a * f * k * theta;
    return;
  }
  *i = kc * theta - ka;
  if (di_dc) *di_dc = kc * dtheta;
  if (di_de) *di_de = -r->alpha_c * f * kc * theta - r->alpha_a * f * ka;
}

void AzReactionCurrent(const AzReaction *r, PetscReal c, PetscReal e_minus_phi, PetscReal T, PetscReal *i, PetscReal *di_dc)
{
  AzReactionCurrentE(r, c, e_minus_phi, T, i, di_dc, NULL);
}

PetscReal AzElectrodeKinetic(const AzElectrode *e, PetscReal c, PetscReal T)
{
  PetscReal i;
  AzReactionCurrent(AzElectrodeMain(e), c, e->potential, T, &i, NULL);
  return AzElectrodeSign(e) * i;
}

// The surface concentration at a given E - phi_s = u: g (c_P - c_s) = nu i_main(c_s, u) / (n F), the left side
// decreasing and the right side (the consumption) non-decreasing in c_s.
static PetscReal AzSurfaceConcentration(const AzReaction *r, PetscReal nu, PetscReal c_P, PetscReal g, PetscReal u, PetscReal T)
{
  const PetscReal nF = nu * r->n_electrons * AZ_FARADAY;
  PetscReal       i, di, c_s;

  if (c_P <= 0 && r->order > 0) return c_P;  // nothing to consume (a Newton trial state below zero)
  if (r->order == 1 || r->order == 0) {      // k(c) = k1 c (+ k0): closed form
    AzReactionCurrent(r, 1.0 * r->c_ref, u, T, &i, &di);
    const PetscReal k1 = r->order == 1 ? di / nF : 0, k0 = r->order == 0 ? i / nF : 0;
    return (g * c_P - k0) / (g + k1);
  }
  // safeguarded Newton on [0, c_P]
  PetscReal lo = 0, hi = c_P;
  c_s = c_P;
  for (PetscInt it = 0; it < 100; it++) {
    AzReactionCurrent(r, c_s, u, T, &i, &di);
    const PetscReal h = g * (c_P - c_s) - i / nF, dh = -g - di / nF;
    if (h > 0)
      lo = c_s;
    else
      hi = c_s;
    PetscReal next = c_s - h / dh;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (PetscAbsReal(next - c_s) <= 1e-15 * c_P) return next;
    c_s = next;
  }
  return c_s;
}

// Currents at the surface state (c_s, u = E - phi_s) with their partial derivatives in c_s and u.
typedef struct {
  PetscReal i1, i1_c, i1_u;  // main reaction
  PetscReal i2, i2_u;        // side reaction
} AzSurfaceCurrents;

static void AzSurfaceCurrentsEval(const AzElectrode *e, PetscReal c_s, PetscReal u, PetscReal T, AzSurfaceCurrents *k)
{
  AzReactionCurrentE(AzElectrodeMain(e), c_s, u, T, &k->i1, &k->i1_c, &k->i1_u);
  AzReactionCurrentE(AzElectrodeSide(e), 0, u, T, &k->i2, NULL, &k->i2_u);
  if (c_s <= 0 && AzElectrodeMain(e)->order > 0) k->i1 = k->i1_c = k->i1_u = 0;
}

// G(phi_s) = g_phi (phi_P - phi_s) - i_total(c_s(phi_s), E - phi_s), strictly decreasing; returns G and dG/dphi_s.
static void AzCurrentBalance(const AzElectrode *e, PetscReal c_P, PetscReal g, PetscReal phi_P, PetscReal g_phi, PetscReal T,
                             PetscReal phi_s, PetscReal *G, PetscReal *dG)
{
  const PetscReal   nF = AzElectrodeSign(e) * AzElectrodeMain(e)->n_electrons * AZ_FARADAY, u = e->potential - phi_s;
  const PetscReal   c_s = AzSurfaceConcentration(AzElectrodeMain(e), AzElectrodeSign(e), c_P, g, u, T);
  AzSurfaceCurrents k;

  AzSurfaceCurrentsEval(e, c_s, u, T, &k);
  const PetscReal dcs_du = -(k.i1_u / nF) / (g + k.i1_c / nF);
  *G                     = g_phi * (phi_P - phi_s) - (k.i1 + k.i2);
  *dG                    = -g_phi + (k.i1_u + k.i1_c * dcs_du + k.i2_u);  // d/dphi_s = -d/du
}

// The surface potential phi_s, the root of the decreasing G (AzCurrentBalance): bracketed by steps doubling away from
// phi_P in the direction G points, then Newton from phi_P safeguarded by bisection inside the bracket.
static PetscReal AzSurfacePotential(const AzElectrode *e, PetscReal c_P, PetscReal g, PetscReal phi_P, PetscReal g_phi, PetscReal T)
{
  PetscReal G, dG, lo = phi_P, hi = phi_P, phi_s = phi_P, step;

  AzCurrentBalance(e, c_P, g, phi_P, g_phi, T, phi_P, &G, &dG);
  if (G == 0) return phi_P;
  const PetscReal dir = G < 0 ? -1 : 1;  // G < 0: too much current, the root lies below phi_P
  step                = PetscMax(1e-3, PetscAbsReal(G) / g_phi);
  for (PetscInt it = 0; it < 200; it++, step *= 2) {  // [lo, hi]: the last point with G of phi_P's sign, and the trial
    PetscReal Gt, dGt;
    AzCurrentBalance(e, c_P, g, phi_P, g_phi, T, phi_P + dir * step, &Gt, &dGt);
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
    AzCurrentBalance(e, c_P, g, phi_P, g_phi, T, phi_s, &G, &dG);
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

PetscErrorCode AzElectrodeFaceSolve(const AzElectrode *e, PetscReal c_P, PetscReal g, PetscReal phi_P, PetscReal g_phi, PetscReal T,
                                    AzElectrodeFace *f)
{
  const PetscReal nF = AzElectrodeSign(e) * AzElectrodeMain(e)->n_electrons * AZ_FARADAY;  // signed: current per reactant

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(f, sizeof(*f)));
  f->c_s   = c_P;
  f->phi_s = g_phi > 0 ? phi_P : 0;
  switch (e->mode) {
  case AZ_ELECTRODE_OFF:
    break;
  case AZ_ELECTRODE_LIMITING:
    // The mass-transport limit: every reactant molecule reaching the surface reacts (c_s = 0); no side reaction.
    f->c_s = 0, f->flux = g * c_P, f->dflux_dc = g, f->i_main = nF * f->flux;
    f->current = f->i_main, f->dcur_dc = nF * g;
    if (g_phi > 0) f->phi_s = phi_P - f->current / g_phi;
    break;
  case AZ_ELECTRODE_POTENTIOSTATIC: {
    const PetscReal   phi_s = g_phi > 0 ? AzSurfacePotential(e, c_P, g, phi_P, g_phi, T) : 0, u = e->potential - phi_s;
    AzSurfaceCurrents k;
    f->c_s = AzSurfaceConcentration(AzElectrodeMain(e), AzElectrodeSign(e), c_P, g, u, T);
    AzSurfaceCurrentsEval(e, f->c_s, u, T, &k);
    f->phi_s   = phi_s;
    f->i_main  = k.i1;
    f->i_side  = k.i2;
    f->current = k.i1 + k.i2;
    f->flux    = g * (c_P - f->c_s);
    {
      // Implicit function theorem on F1 = g (c_P - c_s) - i1/nF, F2 = g_phi (phi_P - phi_s) - i1 - i2 in (c_s, phi_s):
      // d(c_s, phi_s)/d(c_P, phi_P) = -A^-1 diag(g, g_phi). Without the potential only F1 and c_s.
      const PetscReal a11 = -g - k.i1_c / nF, a12 = k.i1_u / nF, a21 = -k.i1_c, a22 = -g_phi + k.i1_u + k.i2_u;
      if (g_phi > 0) {
        const PetscReal det    = a11 * a22 - a12 * a21;
        const PetscReal dcs_dc = -a22 * g / det, dcs_dphi = a12 * g_phi / det, dps_dc = a21 * g / det, dps_dphi = -a11 * g_phi / det;
        f->dflux_dc   = g * (1 - dcs_dc);
        f->dflux_dphi = -g * dcs_dphi;
        f->dcur_dc    = -g_phi * dps_dc;
        f->dcur_dphi  = g_phi * (1 - dps_dphi);
      } else {
        const PetscReal dcs_dc = -g / a11;
        f->dflux_dc            = g * (1 - dcs_dc);
        f->dcur_dc             = nF * f->dflux_dc;
      }
    }
  } break;
  case AZ_ELECTRODE_GALVANOSTATIC:
    SETERRQ(PETSC_COMM_SELF, PETSC_ERR_PLIB, "a galvanostatic electrode is solved as a sequence of potentiostatic ones");
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
