// Butler–Volmer kinetics and the surface-concentration balance of an electrode face.
//
// At a face of the electrode the dissolved N2 reaching the surface by diffusion from the adjacent cell centre
// equals what the reaction consumes:  g (c_P - c_s) = i_n2rr(c_s) / (n F),  g = D / d.
// The surface concentration is eliminated locally (a scalar Newton solve, closed form for first order), so the
// transport unknowns stay cell-centred; the face flux and its derivative with respect to c_P follow from the
// implicit function theorem:  dN/dc_P = g k' / (g + k'),  k' = d(i/nF)/dc_s.
#include <azote/kinetics.h>

const char *const AzElectrodeModes[] = {"potentiostatic", "galvanostatic", "limiting", "off", NULL};

void AzReactionCurrent(const AzReaction *r, PetscReal c, PetscReal e_minus_phi, PetscReal T, PetscReal *i, PetscReal *di_dc)
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
  *i = kc * theta - ka;
  if (di_dc) *di_dc = kc * dtheta;
}

PetscReal AzElectrodeKineticN2RR(const AzElectrode *e, PetscReal c, PetscReal T)
{
  PetscReal i;
  AzReactionCurrent(&e->n2rr, c, e->potential, T, &i, NULL);
  return i;
}

PetscErrorCode AzElectrodeFaceSolve(const AzElectrode *e, PetscReal c_P, PetscReal g, PetscReal T, AzElectrodeFace *f)
{
  const PetscReal nF = e->n2rr.n_electrons * AZ_FARADAY;

  PetscFunctionBeginUser;
  f->i_her = 0;
  switch (e->mode) {
  case AZ_ELECTRODE_OFF:
    f->c_s = c_P, f->flux = 0, f->dflux_dc = 0, f->i_n2rr = 0;
    break;
  case AZ_ELECTRODE_LIMITING:
    // The mass-transport limit: every N2 molecule reaching the surface reacts (c_s = 0). No HER is counted.
    f->c_s = 0, f->flux = g * c_P, f->dflux_dc = g, f->i_n2rr = nF * f->flux;
    break;
  case AZ_ELECTRODE_POTENTIOSTATIC: {
    const AzReaction *r = &e->n2rr;
    PetscReal         i, di, c_s;

    AzReactionCurrent(&e->her, 0, e->potential, T, &f->i_her, NULL);
    if (c_P <= 0 && r->order > 0) {  // nothing to consume (a Newton trial state below zero)
      f->c_s = c_P, f->flux = 0, f->dflux_dc = 0, f->i_n2rr = 0;
      break;
    }
    if (r->order == 1 || r->order == 0) {
      // k(c) = k1 c (+ k0): closed form
      AzReactionCurrent(r, 1.0 * r->c_ref, e->potential, T, &i, &di);
      const PetscReal k1 = r->order == 1 ? di / nF : 0, k0 = r->order == 0 ? i / nF : 0;
      c_s = (g * c_P - k0) / (g + k1);
    } else {
      // g (c_P - c) - i(c)/nF is strictly decreasing in c: safeguarded Newton on [0, c_P].
      PetscReal lo = 0, hi = c_P;
      c_s = c_P;
      for (PetscInt it = 0; it < 100; it++) {
        AzReactionCurrent(r, c_s, e->potential, T, &i, &di);
        const PetscReal h = g * (c_P - c_s) - i / nF, dh = -g - di / nF;
        if (h > 0)
          lo = c_s;
        else
          hi = c_s;
        PetscReal next = c_s - h / dh;
        if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
        if (PetscAbsReal(next - c_s) <= 1e-15 * c_P) {
          c_s = next;
          break;
        }
        c_s = next;
      }
    }
    AzReactionCurrent(r, c_s, e->potential, T, &i, &di);
    f->c_s      = c_s;
    f->i_n2rr   = i;
    f->flux     = g * (c_P - c_s);
    f->dflux_dc = g * (di / nF) / (g + di / nF);
  } break;
  case AZ_ELECTRODE_GALVANOSTATIC:
    SETERRQ(PETSC_COMM_SELF, PETSC_ERR_SUP, "galvanostatic electrodes are solved with the electrolyte potential (not built yet)");
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
