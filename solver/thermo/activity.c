// Activity of water in an aqueous electrolyte: it lowers the vapour pressure over the solution, p1 = a_w p1*, and so
// raises the dry-basis partial pressure of the gases, p_i = y_i (P - p1), that the Henry's law sees.
//
// KOH or NaOH alone: Balej, Int. J. Hydrogen Energy 10, 233 (1985), the fit of the water vapour pressure over the
// hydroxide solutions at 0-200 °C, KOH to 18 mol/kg, NaOH to 25 mol/kg:
//   log10 p1 = a(m) + b(m) log10 p1*   (p in bar, m the molality of the hydroxide),
//   KOH:  a = -0.01508 m - 1.6788e-3 m^2 + 2.25887e-5 m^3,  b = 1 - 1.2062e-3 m + 5.6024e-4 m^2 - 7.8228e-6 m^3,
//   NaOH: a = -0.010986 m - 1.461e-3 m^2 + 2.03528e-5 m^3,  b = 1 - 1.34141e-3 m + 7.07241e-4 m^2 - 9.5362e-6 m^3,
// with p1* of pure water from Wagner & Pruss (water.c) instead of Balej's own equation (they differ by < 0.3 %).
// Checked against the osmotic coefficients of Pitzer & Mayorga, J. Phys. Chem. 77, 2300 (1973) at 25 °C (a different
// data set, isopiestic and emf): within 1.2 % in a_w to 6 mol/kg (tests/unit/test_activity.c).
//
// Any other electrolyte (and mixtures of salts): the ideal solution of fully dissociated ions, ln a_w = -M_w sum_i m_i
// (osmotic coefficient 1). That is within 0.3 % of the true a_w for seawater (a_w 0.981) and for 1 mol/kg NaCl; above
// 2 mol/kg of ions it files a warning (the osmotic coefficient of a concentrated salt is far from 1).
#include <azote/private/thermoimpl.h>

PetscErrorCode AzWaterActivity(PetscReal T, const AzElectrolyte *el, PetscReal *a_w, AzPropWarnings *w)
{
  PetscReal rho, water, m_ions = 0;  // kg m^-3, kg L^-1, mol/kg

  PetscFunctionBeginUser;
  *a_w = 1;
  if (!el || el->nsalt == 0) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(AzElectrolyteDensity(T, el, &rho, &water, w));
  if (el->nsalt == 1 && (!strcmp(AzSaltName(el->salt[0]), "KOH") || !strcmp(AzSaltName(el->salt[0]), "NaOH"))) {
    const PetscBool koh = (PetscBool)!strcmp(AzSaltName(el->salt[0]), "KOH");
    const PetscReal m   = el->c_salt[0] / water;  // mol/kg
    PetscReal       p_w, a, b;                    // Pa, -, -
    PetscCall(AzCheckRange("molality", m, "mol/kg", 0, koh ? 18 : 25,
                           koh ? "KOH water activity, Balej 1985" : "NaOH water activity, Balej 1985"));
    if (koh) {
      a = m * (-0.01508 + m * (-1.6788e-3 + m * 2.25887e-5));
      b = 1 + m * (-1.2062e-3 + m * (5.6024e-4 - m * 7.8228e-6));
    } else {
      a = m * (-0.010986 + m * (-1.461e-3 + m * 2.03528e-5));
      b = 1 + m * (-1.34141e-3 + m * (7.07241e-4 - m * 9.5362e-6));
    }
    PetscCall(AzWaterVaporPressure(T, &p_w));
    *a_w = PetscPowReal(10.0, a + b * PetscLog10Real(p_w / 1e5)) / (p_w / 1e5);
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  for (PetscInt k = 0; k < el->nion; k++) m_ions += el->c[k] / water;
  if (m_ions > 2)
    PetscCall(AzPropWarningsAdd(w, "water activity of '%s' (%.3g mol/kg of ions) from the ideal solution: uncertain above 2 mol/kg",
                                el->spec, (double)m_ions));
  *a_w = PetscExpReal(-AZ_M_WATER * m_ions);
  PetscFunctionReturn(PETSC_SUCCESS);
}
