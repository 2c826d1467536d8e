// Butler–Volmer currents and the electrode-face balance: values against the closed forms, derivatives against
// finite differences, and the local balance g (c_P - c_s) = i(c_s)/(nF) satisfied by the solved surface state.
#include <azote/kinetics.h>
#include "aztest.h"

int main(int argc, char **argv)
{
  const PetscReal T = 298.15, f = AZ_FARADAY / (AZ_GAS_CONSTANT * T);
  AzReaction      r = {.i0 = 0.5, .alpha_c = 0.5, .alpha_a = 0.5, .order = 1, .c_ref = 1, .e_eq = 0.057, .n_electrons = 6};
  PetscReal       i, di, ip, im;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  // Tafel: i = i0 (c/c_ref) exp(-alpha f eta); one decade per 2.303 RT/(alpha F) = 118.3 mV at alpha = 0.5
  AzReactionCurrent(&r, 0.6, -0.2, T, &i, &di);
  AZ_CHECK_REL(i, 0.5 * 0.6 * PetscExpReal(0.5 * f * 0.257), 1e-14, "Tafel current");
  AZ_CHECK_REL(di, 0.5 * PetscExpReal(0.5 * f * 0.257), 1e-14, "Tafel di/dc");
  AzReactionCurrent(&r, 0.6, -0.2 - PetscLogReal(10.0) / (0.5 * f), T, &ip, NULL);
  AZ_CHECK_REL(ip / i, 10.0, 1e-12, "one decade per Tafel slope");
  // reversible: zero net current at equilibrium with c = c_ref
  r.reversible = PETSC_TRUE;
  AzReactionCurrent(&r, 1.0, r.e_eq, T, &i, NULL);
  AZ_CHECK_ABS(i, 0.0, 1e-15, "reversible reaction at equilibrium");
  AzReactionCurrent(&r, 1.0, r.e_eq + 0.3, T, &i, NULL);
  AZ_CHECK(i < 0, "reversible reaction anodic above equilibrium (i = %g)", (double)i);
  r.reversible = PETSC_FALSE;
  // fractional order: derivative against a central difference
  r.order = 0.7;
  AzReactionCurrent(&r, 0.4, -0.3, T, &i, &di);
  AzReactionCurrent(&r, 0.4 * (1 + 1e-6), -0.3, T, &ip, NULL);
  AzReactionCurrent(&r, 0.4 * (1 - 1e-6), -0.3, T, &im, NULL);
  AZ_CHECK_REL(di, (ip - im) / (0.8e-6), 1e-8, "order 0.7: di/dc vs finite difference");
  AzReactionCurrent(&r, -0.1, -0.3, T, &i, &di);
  AZ_CHECK(i == 0 && di == 0, "negative concentration reacts as zero");

  // Electrode faces: the balance and the derivative of the flux with respect to the cell value.
  for (PetscInt order = 0; order < 3; order++) {
    const PetscReal orders[3] = {1.0, 0.7, 1.5};
    AzElectrode     e         = {.mode = AZ_ELECTRODE_POTENTIOSTATIC, .potential = -0.25};
    AzElectrodeFace s, sp, sm;
    const PetscReal g = 2e-5, cP = 0.5, h = 1e-6 * cP;  // g = D/d in m/s

    e.n2rr       = r;
    e.n2rr.order = orders[order];
    e.her        = (AzReaction){.i0 = 0.1, .alpha_c = 0.5, .order = 0, .c_ref = 1, .e_eq = 0, .n_electrons = 2};
    PetscCall(AzElectrodeFaceSolve(&e, cP, g, 0, 0, T, &s));
    AzReactionCurrent(&e.n2rr, s.c_s, e.potential, T, &i, NULL);
    AZ_CHECK(s.c_s > 0 && s.c_s < cP, "order %g: surface concentration %g outside (0, c_P)", (double)orders[order], (double)s.c_s);
    AZ_CHECK_REL(g * (cP - s.c_s), i / (6 * AZ_FARADAY), 1e-10, "face balance: supply = consumption");
    AZ_CHECK_REL(s.flux, i / (6 * AZ_FARADAY), 1e-10, "face flux is the consumption");
    AZ_CHECK_REL(s.i_side, 0.1 * PetscExpReal(0.5 * f * 0.25), 1e-12, "HER current at the face");
    PetscCall(AzElectrodeFaceSolve(&e, cP + h, g, 0, 0, T, &sp));
    PetscCall(AzElectrodeFaceSolve(&e, cP - h, g, 0, 0, T, &sm));
    AZ_CHECK_REL(s.dflux_dc, (sp.flux - sm.flux) / (2 * h), 1e-6, "d flux / d c_P vs finite difference");
  }
  {
    AzElectrode     e = {.mode = AZ_ELECTRODE_LIMITING, .n2rr = r};
    AzElectrodeFace s;
    PetscCall(AzElectrodeFaceSolve(&e, 0.6, 3e-5, 0, 0, T, &s));
    AZ_CHECK(s.c_s == 0 && s.flux == 3e-5 * 0.6 && s.dflux_dc == 3e-5 && s.i_side == 0, "limiting face: c_s = 0, flux = g c_P");
    AZ_CHECK_REL(s.i_main, 6 * AZ_FARADAY * 3e-5 * 0.6, 1e-14, "limiting current = nF g c_P");
    e.mode = AZ_ELECTRODE_OFF;
    PetscCall(AzElectrodeFaceSolve(&e, 0.6, 3e-5, 0, 0, T, &s));
    AZ_CHECK(s.flux == 0 && s.dflux_dc == 0 && s.i_main == 0 && s.c_s == 0.6, "open circuit: no flux");
  }
  return AzTestFinish();
}
