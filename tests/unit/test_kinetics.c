// Butler–Volmer currents and the electrode-face balance: the fitted branch against the closed forms, every reaction
// of the table at the Nernst potential of a given composition (net current zero to round-off) and on both sides of it
// (the sign change and the anodic/cathodic ratio exp(nF eta/RT)), E°'s temperature dependence against the published
// coefficient, the reverse branch's supply limit, derivatives against finite differences, and the local balance
// g (c_P - c_s) = consumption(c_s) satisfied by the solved surface state.
#include <azote/kinetics.h>
#include "aztest.h"

// Unknowns of the test problem: the reactant N2 or O2 (0), NH3 (1), the potential (2).
static const char *const names[3] = {"c_n2", "c_nh3", "phi_l"};

static PetscErrorCode MakeReaction(const char name[], PetscReal i0, PetscReal alpha, PetscReal order, PetscReal T, const AzActivities *act,
                                   PetscReal film, PetscInt n, const char *const unknowns[], AzReaction *r)
{
  PetscFunctionBeginUser;
  *r       = (AzReaction){.info = AzReactionFind(name), .i0 = i0, .alpha = alpha, .order = order, .c_ref = 1, .reversible = PETSC_TRUE};
  r->e_ref = r->info->e0;
  PetscCall(AzReactionSetUp(r, T, act, film, n, unknowns));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The fitted branch alone (F, positive) at the same state: the reaction made irreversible.
static PetscReal Fitted(const AzReaction *r, PetscReal c, PetscReal u, PetscReal T, PetscReal lnq)
{
  AzReaction q = *r;
  PetscReal  i;
  q.reversible = PETSC_FALSE;
  AzReactionCurrent(&q, c, u, T, lnq, &i, NULL, NULL, NULL);
  return r->s * i;
}

static PetscErrorCode CheckNernst(PetscReal T)
{
  PetscInt                     nrow, nsp;
  const AzReactionInfo *const *rows;
  const AzSpeciesInfo *const  *sp;
  AzActivities                 act;
  PetscReal                    bulk[AZ_MAX_SPECIES_ROWS];
  const PetscReal              f = AZ_FARADAY / (AZ_GAS_CONSTANT * T);

  PetscFunctionBeginUser;
  PetscCall(AzReactionTable(&nrow, &rows));
  PetscCall(AzSpeciesTable(&nsp, &sp));
  // a composition away from every standard state: gases at 0.3 bar, solutes at 5 mmol/L (pH 2.3 for the H+ of N2OR)
  for (PetscInt k = 0; k < nsp; k++) bulk[k] = sp[k]->phase == AZ_PHASE_GAS ? 3e4 : 5.0;
  PetscCall(AzActivitiesCompute(T, NULL, bulk, &act));
  for (PetscInt k = 0; k < nrow; k++) {
    for (PetscInt solved = 0; solved < 2; solved++) {  // the products at their bulk values, or NH3 solved (its cell value)
      const PetscReal c = 0.4, cell[3] = {0.4, 3.0, 0};
      AzReaction      r;
      PetscReal       i, e_eq, lnq;
      char            what[128];
      PetscCall(MakeReaction(rows[k]->name, 0.02, 0.5, 1.0, T, &act, 0, solved ? 2 : 1, names, &r));
      lnq  = AzReactionLnQ(&r, cell);
      e_eq = AzReactionEquilibrium(&r, c, T, lnq);
      PetscCall(PetscSNPrintf(what, sizeof(what), "%s at %g K (%s): net current at its Nernst potential %.6f V", rows[k]->name, (double)T,
                              solved ? "NH3 solved" : "products at bulk", (double)e_eq));
      AzReactionCurrent(&r, c, e_eq, T, lnq, &i, NULL, NULL, NULL);
      AZ_CHECK_ABS(i / Fitted(&r, c, e_eq, T, lnq), 0, 1e-12, what);
      for (PetscInt side = -1; side <= 1; side += 2)
        for (PetscReal eta = 0.01; eta < 0.2; eta *= 3) {
          const PetscReal u = e_eq + side * eta, F = Fitted(&r, c, u, T, lnq);
          AzReactionCurrent(&r, c, u, T, lnq, &i, NULL, NULL, NULL);
          const PetscReal R = F - r.s * i, anodic = r.s > 0 ? R : F, cathodic = r.s > 0 ? F : R,
                          ratio = PetscExpReal(rows[k]->n * f * side * eta);
          // the ratio from the two branches where neither is below 1e-4 of the other (their difference keeps 12 digits);
          // the net current against s F (1 - exp(s n f eta)) everywhere
          PetscCall(PetscSNPrintf(what, sizeof(what), "%s: anodic/cathodic at eta = %+g V", rows[k]->name, (double)(side * eta)));
          if (ratio > 1e-4 && ratio < 1e4) AZ_CHECK_REL(anodic / cathodic, ratio, 1e-9, what);
          PetscCall(PetscSNPrintf(what, sizeof(what), "%s: net current at eta = %+g V", rows[k]->name, (double)(side * eta)));
          AZ_CHECK_REL(i, r.s * F * (1 - PetscExpReal(r.s * rows[k]->n * f * side * eta)), 1e-11, what);
          AZ_CHECK(side * i < 0, "%s: the net current at eta = %+g V is %g, of the wrong sign", rows[k]->name, (double)(side * eta),
                   (double)i);
        }
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  const PetscReal T = 298.15, f = AZ_FARADAY / (AZ_GAS_CONSTANT * T);
  AzReaction      r;
  AzActivities    act;
  PetscReal       i, di, ip, im;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(AzReactionsRegisterAll());
  PetscCall(AzActivitiesCompute(T, NULL, NULL, &act));

  // Tafel (the fitted branch): i = i0 (c/c_ref) exp(-alpha f eta); a decade per 2.303 RT/(alpha F) = 118.3 mV
  PetscCall(MakeReaction("n2rr", 0.5, 0.5, 1, T, &act, 0, 1, names, &r));
  r.reversible = PETSC_FALSE, r.e_ref = 0.057;
  AzReactionCurrent(&r, 0.6, -0.2, T, 0, &i, &di, NULL, NULL);
  AZ_CHECK_REL(i, 0.5 * 0.6 * PetscExpReal(0.5 * f * 0.257), 1e-14, "Tafel current");
  AZ_CHECK_REL(di, 0.5 * PetscExpReal(0.5 * f * 0.257), 1e-14, "Tafel di/dc");
  AzReactionCurrent(&r, 0.6, -0.2 - PetscLogReal(10.0) / (0.5 * f), T, 0, &ip, NULL, NULL, NULL);
  AZ_CHECK_REL(ip / i, 10.0, 1e-12, "one decade per Tafel slope");
  // fractional order: derivative against a central difference; below zero reacts as zero
  r.order = 0.7;
  AzReactionCurrent(&r, 0.4, -0.3, T, 0, &i, &di, NULL, NULL);
  AzReactionCurrent(&r, 0.4 * (1 + 1e-6), -0.3, T, 0, &ip, NULL, NULL, NULL);
  AzReactionCurrent(&r, 0.4 * (1 - 1e-6), -0.3, T, 0, &im, NULL, NULL, NULL);
  AZ_CHECK_REL(di, (ip - im) / (0.8e-6), 1e-8, "order 0.7: di/dc vs finite difference");
  AzReactionCurrent(&r, -0.1, -0.3, T, 0, &i, &di, NULL, NULL);
  AZ_CHECK(i == 0 && di == 0, "negative concentration reacts as zero");

  // Every row at the Nernst potential of a composition, and around it, at 25 and 80 °C
  PetscCall(CheckNernst(T));
  PetscCall(CheckNernst(353.15));

  // E°(T): the O2/H2O couple's isothermal coefficient -0.846 mV/K (Bratsch, J. Phys. Chem. Ref. Data 18, 1 (1989),
  // Table 3); the RHE scale's own couple does not move
  {
    AzReaction a, b;
    PetscCall(MakeReaction("orr", 1, 0.5, 1, 298.15, &act, 0, 1, names, &a));
    PetscCall(MakeReaction("orr", 1, 0.5, 1, 348.15, &act, 0, 1, names, &b));
    AZ_CHECK_REL((b.e_eq0 - a.e_eq0) / 50, -0.846e-3, 0.005, "dE°/dT of O2/H2O");
    PetscCall(MakeReaction("her", 1, 0.5, 0, 348.15, &act, 0, 1, names, &b));
    AZ_CHECK(b.e_eq0 == 0, "HER stays at 0 V vs RHE");
  }

  // The reverse branch's supply: HOR of the trace H2 across a 50 um film tends to 2 F D c_H2 / delta far anodic
  {
    PetscReal                   bulk[AZ_MAX_SPECIES_ROWS], lim;
    PetscInt                    nsp;
    const AzSpeciesInfo *const *sp;
    PetscCall(AzSpeciesTable(&nsp, &sp));
    for (PetscInt k = 0; k < nsp; k++) bulk[k] = sp[k]->trace;
    bulk[0] = 1e5;  // N2
    PetscCall(AzActivitiesCompute(T, NULL, bulk, &act));
    PetscCall(MakeReaction("her", 1.0, 0.5, 0, T, &act, 50e-6, 1, names, &r));
    {
      const AzSpeciesInfo *h2 = AzSpeciesFind("H2");
      PetscReal            kH;
      PetscCall(AzHenryConstant(AZ_GAS_H2, T, &kH));
      (void)h2;
      lim = 2 * AZ_FARADAY * 5.11e-9 * (h2->trace / kH * 997.05 / 18.015268e-3) / 50e-6;  // n F D c / delta, c from Henry
    }
    AZ_CHECK_REL(r.rev_lim, lim, 2e-3, "supply limit of the HOR of trace H2");
    AzReactionCurrent(&r, 0, 1.2, T, 0, &i, NULL, NULL, NULL);  // HER's cathodic branch there: 1e-10 A/m^2
    AZ_CHECK_REL(-i, lim, 2e-3, "HOR far anodic: the film's supply");
    // against the film balance itself: H2 at the surface c_s = c_b + (i/2F) delta/D, the reverse branch R_b c_s/c_b,
    // i = F - R (solved here by bisection on c_s), around the Nernst potential and on both sides
    {
      AzReaction q = r;
      q.rev_lim    = 0;  // the kinetic branches alone, at the bulk H2
      for (PetscReal u = -0.05; u < 0.4; u += 0.05) {
        PetscReal F, Rb, lo = 0, hi = 1e12, cs = 0, cb = r.rev_lim * 50e-6 / (2 * AZ_FARADAY * 5.11e-9);
        q.reversible = PETSC_FALSE;
        AzReactionCurrent(&q, 0, u, T, 0, &F, NULL, NULL, NULL);
        q.reversible = PETSC_TRUE;
        AzReactionCurrent(&q, 0, u, T, 0, &Rb, NULL, NULL, NULL);
        Rb = F - Rb;                             // the reverse branch at c_b
        for (PetscInt it = 0; it < 200; it++) {  // g(c_s) = c_s - c_b - (F - Rb c_s/c_b) delta / (2 F D): increasing
          cs = 0.5 * (lo + hi) * cb;
          if (cs - cb - (F - Rb * cs / cb) * 50e-6 / (2 * AZ_FARADAY * 5.11e-9) > 0)
            hi = cs / cb;
          else
            lo = cs / cb;
        }
        AzReactionCurrent(&r, 0, u, T, 0, &i, NULL, NULL, NULL);
        AZ_CHECK_REL(i, F - Rb * cs / cb, 1e-9, "limited HER/HOR against the film balance");
      }
    }
    AzReactionCurrent(&r, 0, 0.8, T, 0, &i, NULL, &di, NULL);
    AzReactionCurrent(&r, 0, 0.8 + 1e-7, T, 0, &ip, NULL, NULL, NULL);
    AzReactionCurrent(&r, 0, 0.8 - 1e-7, T, 0, &im, NULL, NULL, NULL);
    AZ_CHECK_REL(di, (ip - im) / 2e-7, 1e-5, "limited HOR: di/du vs finite difference");
  }

  // Electrode faces: the balance, and the derivatives of flux and currents in the cell's unknowns (the NH3 of the
  // reverse branch included, near N2RR's equilibrium where it matters)
  PetscCall(AzActivitiesCompute(T, NULL, NULL, &act));
  for (PetscInt order = 0; order < 3; order++)
    for (PetscInt near = 0; near < 2; near++) {
      const PetscReal orders[3] = {1.0, 0.7, 1.5};
      AzElectrode     e         = {.mode = AZ_ELECTRODE_POTENTIOSTATIC, .potential = near ? 0.16 : -0.25, .nreaction = 2};
      AzElectrodeFace s, sp, sm;
      const PetscReal g = 2e-5, cell[3] = {0.5, 2.0, 0}, h = 1e-6;  // g = D/d in m/s; c_N2, c_NH3 in mol/m^3
      PetscCall(MakeReaction("n2rr", 0.5, 0.5, orders[order], T, &act, 0, 2, names, &e.reaction[0]));
      PetscCall(MakeReaction("her", 0.1, 0.5, 0, T, &act, 0, 2, names, &e.reaction[1]));
      e.species = 0;
      PetscCall(AzElectrodeFaceSolve(&e, cell, -1, g, 0, T, &s));
      AzReactionCurrent(&e.reaction[0], s.c_s, e.potential, T, AzReactionLnQ(&e.reaction[0], cell), &i, NULL, NULL, NULL);
      AZ_CHECK(s.c_s > 0 && (near || s.c_s < cell[0]), "order %g: surface concentration %g out of range", (double)orders[order],
               (double)s.c_s);
      AZ_CHECK_REL(g * (cell[0] - s.c_s), i / (6 * AZ_FARADAY), 1e-10, "face balance: supply = consumption");
      AZ_CHECK_REL(s.flux, i / (6 * AZ_FARADAY), 1e-10, "face flux is the consumption");
      if (!near) AZ_CHECK_REL(s.i[1], 0.1 * PetscExpReal(0.5 * f * 0.25), 1e-12, "HER current at the face");
      for (PetscInt x = 0; x < 2; x++) {  // c_N2, c_NH3
        PetscReal cp[3] = {cell[0], cell[1], 0}, cm[3] = {cell[0], cell[1], 0};
        cp[x] += h * cell[x], cm[x] -= h * cell[x];
        PetscCall(AzElectrodeFaceSolve(&e, cp, -1, g, 0, T, &sp));
        PetscCall(AzElectrodeFaceSolve(&e, cm, -1, g, 0, T, &sm));
        const PetscReal dflux = x == 0 ? s.dflux_dc : s.dflux_dvar[0], di0 = x == 0 ? s.di_dc[0] : s.di_dvar[0][0];
        AZ_CHECK(x == 0 || (s.nvar == 1 && s.var[0] == 1), "NH3 enters the face as its one other unknown");
        AZ_CHECK_REL(dflux, (sp.flux - sm.flux) / (2 * h * cell[x]), 1e-6,
                     x ? "d flux / d c_NH3 vs finite difference" : "d flux / d c_P vs finite difference");
        AZ_CHECK_REL(di0, (sp.i[0] - sm.i[0]) / (2 * h * cell[x]), 1e-6,
                     x ? "d i_n2rr / d c_NH3 vs finite difference" : "d i_n2rr / d c_P vs finite difference");
      }
      // with the electrolyte potential: the current balance and d current / d phi_P
      {
        const PetscReal cellp[3] = {cell[0], cell[1], 1e-3}, g_phi = 50;
        PetscReal       cpp[3] = {cell[0], cell[1], 1e-3 + 1e-7}, cmm[3] = {cell[0], cell[1], 1e-3 - 1e-7};
        PetscCall(AzElectrodeFaceSolve(&e, cellp, 2, g, g_phi, T, &s));
        AZ_CHECK_REL(g_phi * (cellp[2] - s.phi_s), s.i[0] + s.i[1], 1e-10, "current balance at the face");
        PetscCall(AzElectrodeFaceSolve(&e, cpp, 2, g, g_phi, T, &sp));
        PetscCall(AzElectrodeFaceSolve(&e, cmm, 2, g, g_phi, T, &sm));
        AZ_CHECK_REL(s.dcur_dphi, (sp.current - sm.current) / 2e-7, 1e-5, "d current / d phi_P vs finite difference");
        AZ_CHECK_REL(s.dflux_dphi, (sp.flux - sm.flux) / 2e-7, 1e-5, "d flux / d phi_P vs finite difference");
      }
    }
  {
    AzElectrode     e = {.mode = AZ_ELECTRODE_LIMITING, .nreaction = 1, .species = 0};
    AzElectrodeFace s;
    const PetscReal cell[3] = {0.6, 0, 0};
    PetscCall(MakeReaction("n2rr", 0.5, 0.5, 1, T, &act, 0, 1, names, &e.reaction[0]));
    PetscCall(AzElectrodeFaceSolve(&e, cell, -1, 3e-5, 0, T, &s));
    AZ_CHECK(s.c_s == 0 && s.flux == 3e-5 * 0.6 && s.dflux_dc == 3e-5, "limiting face: c_s = 0, flux = g c_P");
    AZ_CHECK_REL(s.i[0], 6 * AZ_FARADAY * 3e-5 * 0.6, 1e-14, "limiting current = nF g c_P");
    e.mode = AZ_ELECTRODE_OFF;
    PetscCall(AzElectrodeFaceSolve(&e, cell, -1, 3e-5, 0, T, &s));
    AZ_CHECK(s.flux == 0 && s.dflux_dc == 0 && s.i[0] == 0 && s.c_s == 0.6, "open circuit: no flux");
  }
  return AzTestFinish();
}
