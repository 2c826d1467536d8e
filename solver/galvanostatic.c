// Galvanostatic operation: the electrode potential at which the total current density has the magnitude
// electrode_current (cathodic for a reduction, anodic for an oxidation; for a full cell, the cathode's potential
// against the anode's, i.e. minus the cell voltage). In y = s E (s = +1 for a reduction, -1 for an oxidation; a full
// cell: y = E_cathode - E_anode) the residual g(y) = ln(s i_total / i_target) decreases and is nearly linear in the
// Tafel regime, so the secant method converges in a few solves; the first step takes the steepest Tafel slope
// (alpha F/RT), and once the root is bracketed a step leaving the bracket is replaced by bisection. The caller's
// solve starts from its last solution. Used for the steady state (each solve a Newton solve) and in time (each
// solve the Newton solve of one time step).
#include <azote/azote.h>

PetscErrorCode AzGalvanostaticSearch(AzCase c, AzProblem *p, AzCurrentAtPotential solve, void *ctx, PetscBool verbose, PetscInt *nsolve)
{
  const PetscBool full   = (PetscBool)(c->anode_reaction != AZ_ANODE_NONE);
  const PetscReal target = c->electrode.current, f = AZ_FARADAY / (AZ_GAS_CONSTANT * c->T), tol = 1e-11,
                  sgn = AzElectrodeSign(&c->electrode);
  PetscReal alpha     = 0;  // the steepest Tafel slope of the electrode's reactions
  for (PetscInt n = 0; n < c->electrode.nreaction; n++) alpha = PetscMax(alpha, c->electrode.reaction[n].alpha);
  const PetscReal range = full ? 10 : 3;  // V: a full cell's cathode sits at -cell_voltage
  // from the problem's potential: the last solved one, or the case's first guess (a full cell's -cell_voltage)
  PetscReal y = full ? p->electrode.potential - p->anode.potential : sgn * p->electrode.potential;
  PetscReal g = 0, y_prev = 0, g_prev = 0, lo = -range, hi = range, i_mag = 0;
  PetscInt  it;

  PetscFunctionBeginUser;
  for (it = 0; it < 60; it++) {
    PetscReal next, i_total;
    p->electrode.potential = (full ? p->anode.potential : 0) + sgn * y;
    PetscCall(solve(ctx, &i_total));
    if (nsolve) (*nsolve)++;
    i_mag = sgn * i_total;
    g     = i_mag > 0 ? PetscLogReal(i_mag / target) : -100;
    if (verbose && full)
      PetscCall(AzPrintf(c->comm, "  galvanostatic: cell voltage %.10f V, |i_total| = %.10g A/m^2 (target %g)\n", (double)-y, (double)i_mag,
                         (double)target));
    else if (verbose)
      PetscCall(AzPrintf(c->comm, "  galvanostatic: E = %.10f V vs RHE, |i_total| = %.10g A/m^2 (target %g)\n", (double)(sgn * y),
                         (double)i_mag, (double)target));
    if (PetscAbsReal(g) <= tol) break;
    if (g > 0)
      lo = PetscMax(lo, y);  // too much current: the root lies above y
    else
      hi = PetscMin(hi, y);
    // A stronger driving force that brings no more current: every reaction is at its transport limit.
    PetscCheck(!(it > 0 && g < 0 && y < y_prev && g - g_prev < 1e-9), c->comm, PETSC_ERR_NOT_CONVERGED,
               "-electrode_current = %g A/m^2 is more than this electrode can carry: the current stays at %g A/m^2 from %g to %g V vs "
               "RHE (every reaction at its transport limit)",
               (double)target, (double)i_mag, (double)(sgn * y_prev), (double)(sgn * y));
    next = it == 0 || g == g_prev ? y + g / (alpha * f) : y - g * (y - y_prev) / (g - g_prev);
    next = PetscClipInterval(next, y - 0.5, y + 0.5);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    PetscCheck(hi - lo > 1e-14, c->comm, PETSC_ERR_NOT_CONVERGED,
               "-electrode_current = %g A/m^2 is not reached at any electrode potential in [%g, %g] V (the closest: %g A/m^2 at %g V)",
               (double)target, (double)-range, (double)range, (double)i_mag, (double)(sgn * y));
    y_prev = y, g_prev = g, y = next;
  }
  PetscCheck(PetscAbsReal(g) <= tol, c->comm, PETSC_ERR_NOT_CONVERGED,
             "galvanostatic: the electrode potential did not converge in %" PetscInt_FMT " solves (last %g V, current %g A/m^2 for %g)", it,
             (double)(sgn * y), (double)i_mag, (double)target);
  PetscFunctionReturn(PETSC_SUCCESS);
}
