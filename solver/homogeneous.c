// The bulk (homogeneous) reactions of the ionic electrolyte model: water's dissociation and the acid-base equilibria of
// the buffers, each a row with a published forward rate constant (law of mass action, concentrations in mol m^-3):
//   rate = kf prod_reactants c^|nu| - kb prod_products c^nu,   kb = kf / K_c(T),
// K_c from the NBS Gibbs energies of formation of the row's species (Wagman et al., J. Phys. Chem. Ref. Data 11,
// suppl. 2 (1982); the species table's dgf, dhf columns), ln K(T) = -dG°/(R T0) - (dH°/R)(1/T - 1/T0) (van 't Hoff
// with a constant reaction enthalpy), on the 1 mol/L standard state; water, the solvent, at activity 1. The forward
// constants are those of 25 °C at every temperature (docs/ionic.md: the equilibria carry the temperature, the rates
// of reactions this fast do not change the results).
//
// Forward rate constants (SI: m^3 mol^-1 s^-1 for two reactants, s^-1 for one; 1 L mol^-1 s^-1 = 1e-3 m^3 mol^-1 s^-1):
//  - H+ + OH- -> H2O: 1.4e11 L/mol/s, Eigen & De Maeyer, Z. Elektrochem. 59, 986 (1955) (the recombination measured by
//    the dissociation field effect); its backward constant is then kb = kf Kw = 1.4e-3 mol/L/s at 25 °C.
//  - The carbonate system: Schulz, Riebesell, Rost, Thoms & Zeebe, Mar. Chem. 100, 53 (2006), Table 1 (25 °C; the
//    rates echemfem's carbonate.py transcribes): CO2 + OH- -> HCO3- k+4 = 2.23e3 L/mol/s, CO2 + H2O -> HCO3- + H+ k+1 =
//    3.71e-2 s^-1, HCO3- + OH- -> CO3^2- + H2O k+5(OH-) = 6.0e9 L/mol/s, CO3^2- + H+ -> HCO3- k-5(H+) = 5.0e10 L/mol/s.
//    Schulz's backward constants are those of seawater (S = 35); here they follow from the equilibrium constants at
//    infinite dilution, so that the bulk speciation and the rates agree (Gupta et al., J. Appl. Electrochem. 36, 161
//    (2006) use 5.93e3 L/mol/s for CO2 + OH- in 0.5 M KHCO3, from Johnson, Limnol. Oceanogr. 27, 849 (1982)).
//  - NH3 + H+ -> NH4+ 4.3e10 L/mol/s and NH4+ + OH- -> NH3 + H2O 3.4e10 L/mol/s: Eigen, Angew. Chem. Int. Ed. Engl. 3,
//    1 (1964), the table of protolytic rate constants (as cited; not read here).
//  - SO4^2- + H+ -> HSO4- and the phosphate protonations and deprotonations: diffusion-controlled proton transfer,
//    1e10-1e11 L/mol/s for H+ and 1e9-1e10 for OH- with an anion (Eigen 1964's classification); the values below are
//    of that order, not measured values (docs/ionic.md says so, and that the results do not depend on them: the
//    reactions equilibrate within nanometres of where their species are made).
#include <azote/ionic.h>

// clang-format off
static const AzHomogeneousInfo az_homogeneous_rows[] = {
  {"water",   2, {{"H+", -1}, {"OH-", -1}},                         1.4e8,   "Eigen & De Maeyer 1955: 1.4e11 L/mol/s"},
  {"co2_oh",  3, {{"CO2", -1}, {"OH-", -1}, {"HCO3-", 1}},          2.23,    "Schulz et al. 2006, k+4 = 2.23e3 L/mol/s"},
  {"co2_h2o", 3, {{"CO2", -1}, {"HCO3-", 1}, {"H+", 1}},            3.71e-2, "Schulz et al. 2006, k+1 = 3.71e-2 1/s"},
  {"hco3_oh", 3, {{"HCO3-", -1}, {"OH-", -1}, {"CO3^2-", 1}},       6.0e6,   "Schulz et al. 2006, k+5(OH-) = 6.0e9 L/mol/s"},
  {"co3_h",   3, {{"CO3^2-", -1}, {"H+", -1}, {"HCO3-", 1}},        5.0e7,   "Schulz et al. 2006, k-5(H+) = 5.0e10 L/mol/s"},
  {"nh3_h",   3, {{"NH3", -1}, {"H+", -1}, {"NH4+", 1}},            4.3e7,   "Eigen 1964: 4.3e10 L/mol/s"},
  {"nh4_oh",  3, {{"NH4+", -1}, {"OH-", -1}, {"NH3", 1}},           3.4e7,   "Eigen 1964: 3.4e10 L/mol/s"},
  {"so4_h",   3, {{"SO4^2-", -1}, {"H+", -1}, {"HSO4-", 1}},        1.0e8,   "diffusion-controlled, 1e11 L/mol/s (estimate)"},
  {"h2po4_h", 3, {{"H2PO4-", -1}, {"H+", -1}, {"H3PO4", 1}},        1.0e7,   "diffusion-controlled, 1e10 L/mol/s (estimate)"},
  {"hpo4_h",  3, {{"HPO4^2-", -1}, {"H+", -1}, {"H2PO4-", 1}},      5.0e7,   "diffusion-controlled, 5e10 L/mol/s (estimate)"},
  {"h2po4_oh",3, {{"H2PO4-", -1}, {"OH-", -1}, {"HPO4^2-", 1}},     2.0e6,   "diffusion-controlled, 2e9 L/mol/s (estimate)"},
  {"po4_h",   3, {{"PO4^3-", -1}, {"H+", -1}, {"HPO4^2-", 1}},      1.0e8,   "diffusion-controlled, 1e11 L/mol/s (estimate)"},
  {"hpo4_oh", 3, {{"HPO4^2-", -1}, {"OH-", -1}, {"PO4^3-", 1}},     1.0e6,   "diffusion-controlled, 1e9 L/mol/s (estimate)"},
};
// clang-format on

PetscErrorCode AzHomogeneousRegisterAll(void)
{
  PetscInt                        n;
  const AzHomogeneousInfo *const *rows;

  PetscFunctionBeginUser;
  PetscCall(AzHomogeneousTable(&n, &rows));
  if (n > 0) PetscFunctionReturn(PETSC_SUCCESS);  // once per process
  for (size_t k = 0; k < sizeof(az_homogeneous_rows) / sizeof(az_homogeneous_rows[0]); k++) {
    const AzHomogeneousInfo *row    = &az_homogeneous_rows[k];
    PetscReal                charge = 0;
    for (PetscInt j = 0; j < row->nstoich; j++) {
      const AzSpeciesInfo *sp = AzSpeciesFind(row->stoich[j].species);
      PetscCheck(sp, PETSC_COMM_SELF, PETSC_ERR_PLIB, "bulk reaction %s: unknown species %s", row->name, row->stoich[j].species);
      charge += row->stoich[j].nu * sp->charge;
    }
    PetscCheck(charge == 0, PETSC_COMM_SELF, PETSC_ERR_PLIB, "bulk reaction %s does not conserve charge", row->name);
    {
      PetscReal o = AzHomogeneousWater(row);  // the water that balances H must balance O too
      for (PetscInt j = 0; j < row->nstoich; j++) {
        PetscInt nh, no;
        AzFormulaCount(row->stoich[j].species, &nh, &no);
        o += row->stoich[j].nu * no;
      }
      PetscCheck(o == 0, PETSC_COMM_SELF, PETSC_ERR_PLIB, "bulk reaction %s does not balance with water", row->name);
    }
    PetscCall(AzHomogeneousRegister(row));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscReal AzHomogeneousLog10K(const AzHomogeneousInfo *row, PetscReal T)
{
  PetscReal dG = 0, dH = 0;
  for (PetscInt j = 0; j < row->nstoich; j++) {
    const AzSpeciesInfo *sp = AzSpeciesFind(row->stoich[j].species);
    dG += row->stoich[j].nu * sp->dgf;
    dH += row->stoich[j].nu * sp->dhf;
  }
  // water: the rows write H2O implicitly; it appears where the charge and elements of the others need it (the
  // recombination H+ + OH- -> H2O, CO2 + H2O -> HCO3- + H+, a deprotonation by OH- giving H2O)
  dG += AzHomogeneousWater(row) * AzSpeciesFind("H2O")->dgf;
  dH += AzHomogeneousWater(row) * AzSpeciesFind("H2O")->dhf;
  return (-dG / (AZ_GAS_CONSTANT * AZ_T_REF) - dH / AZ_GAS_CONSTANT * (1 / T - 1 / AZ_T_REF)) / PetscLogReal(10.0);
}

// Water's stoichiometric number in a row, from the balance of H atoms (the rows' species other than water carry the
// hydrogen of their formula: H+ 1, OH- 1, HCO3- 1, NH4+ 4, ...).
PetscReal AzHomogeneousWater(const AzHomogeneousInfo *row)
{
  PetscReal h = 0;
  for (PetscInt j = 0; j < row->nstoich; j++) {
    PetscInt nh, no;
    AzFormulaCount(row->stoich[j].species, &nh, &no);
    h += row->stoich[j].nu * nh;
  }
  return -h / 2;  // the H2O that balances the hydrogen (AzHomogeneousRegisterAll checks the oxygen)
}

void AzFormulaCount(const char name[], PetscInt *nh, PetscInt *no)
{
  // a formula as written in the species table ("HPO4^2-", "NH4+", "H2O"): counts of H and O with their subscripts
  *nh = *no = 0;
  for (const char *p = name; *p && *p != '^' && *p != '+' && *p != '-'; p++) {
    PetscInt count = 1;
    if ((*p != 'H' && *p != 'O') || (p[1] >= 'a' && p[1] <= 'z')) continue;  // an element of two letters ("Cl", "Os")
    if (p[1] >= '0' && p[1] <= '9') count = p[1] - '0';
    if (*p == 'H')
      *nh += count;
    else
      *no += count;
  }
}
