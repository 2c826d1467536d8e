// The species and reaction tables: the one place that names a species or a reaction. A new electrode reaction is a
// row here (its stoichiometry, electrons, E° and dS°, default kinetics, metrics) plus its test; its keys
// (kinetics_<name>_*), metrics (i_<name>_A_m2 and its product's), fields and the bulk values of its species
// (bulk_<key>) follow from the row. docs/kinetics.md lists the rows with their sources.
//
// Thermodynamic data (the temperature dependence of every E°: dS° of the reduction with H2 as the reductant, the RHE
// scale): standard entropies of NIST-JANAF (Chase, J. Phys. Chem. Ref. Data Monograph 9 (1998)) for N2 191.61,
// H2 130.68, O2 205.15, NH3(g) 192.77 J mol^-1 K^-1; CODATA (Cox, Wagman & Medvedev, CODATA Key Values for
// Thermodynamics (1989)) for H2O(l) 69.95; the NBS tables (Wagman et al., J. Phys. Chem. Ref. Data 11, suppl. 2
// (1982)) for NO3-(aq) 146.4 (and S°(H+, aq) = 0 by convention), and for the Gibbs energies of NH3(aq) -26.50 and
// NH3(g) -16.45, NO3-(aq) -111.25 kJ/mol.
#include <azote/ionic.h>

#define AZ_M_WATER_KG 18.015268e-3  // kg mol^-1 (IAPWS-95)
// Exponents of the branches are held below this: a trial state of Newton or of the surface potential's bracketing
// (volts from any physical state) must give large, finite currents (1e130 A/m^2), never Inf
#define AZ_LN_MAX_CURRENT 300.0

// clang-format off
// Species. Trace defaults (where a species is neither fed nor solved): a purged cell's background, for the reverse
// branches' Nernst potentials only; set bulk_<key> for what a cell actually holds (e.g. bulk_h2 1e5 where H2
// bubbles cover a cathode). Diffusivities in water at 25 °C: N2 and O2 as the property library's references (DESIGN
// §2), H2 5.11e-9 (Jähne et al., J. Geophys. Res. 92, 10767 (1987), in the CRC Handbook), NH4+ 1.957e-9 and NO3-
// 1.902e-9 from their limiting ionic conductivities (Vanýsek, CRC Handbook, "Ionic conductivity and diffusion at
// infinite dilution"); H+ beyond the RHE scale is not limited (water and buffers supply it).
// The ionic model's columns (d_ion, dgf, dhf): diffusivities at infinite dilution at 25 °C of the ions from the same
// CRC table (Vanýsek, D = RT lambda / (z^2 F^2)), of CO2(aq) 1.91e-9 (Jähne et al. 1987, CRC), NH3(aq) 1.64e-9 (CRC
// Handbook, "Diffusion coefficients in liquids at infinite dilution") and H3PO4(aq) 0.88e-9 (an estimate of the same
// order as H2PO4-'s, not from a measurement: docs/ionic.md); Gibbs energies and enthalpies of formation of the aqueous
// species from the NBS tables (Wagman et al., J. Phys. Chem. Ref. Data 11, suppl. 2 (1982)), given only for the
// species of the bulk reactions (they reproduce the pK of water 13.995, of the carbonic acid 6.37 and 10.33, of the
// phosphoric acid 2.15, 7.21 and 12.34, of NH4+ 9.25 and of HSO4- 1.99; the second phosphate pK is held to the NIST
// phosphate buffer by verification/ionic_activity, pK_w to the closed form of 0.1 M KOH by verification/ionic_report;
// the others are not compared with measured constants yet: docs/ionic.md).
static const AzSpeciesInfo az_species_rows[] = {
  {"N2",   "n2",   0, AZ_PHASE_GAS,    AZ_GAS_N2, 28.0134e-3, 0, 0, 1.0, "N2 partial pressure where the feed has none", "D_n2_m2_s", "n2_conversion", 1.96e-9, 0, 0, 0, NULL},
  {"O2",   "o2",   0, AZ_PHASE_GAS,    AZ_GAS_O2, 31.9988e-3, 0, 0, 1.0, "O2 partial pressure where the feed has none (10 ppm of 1 bar)", "D_o2_m2_s", "o2_conversion", 2.0e-9, 0, 0, 0, NULL},
  {"H2",   "h2",   0, AZ_PHASE_GAS,    AZ_GAS_H2, 2.01588e-3, 0, 0, 0.05, "H2 partial pressure the electrolyte holds (0.5 ppm of 1 bar, the atmosphere's)", NULL, NULL, 5.11e-9, 0, 0, 0, NULL},
  // NH3 on the gas standard state of Table 3's data: K_H = exp(-(dGf(aq) - dGf(g))/RT) = 57.6 mol kg^-1 bar^-1 at
  // 25 °C from the NBS Gibbs energies (Sander, Atmos. Chem. Phys. 23, 10901 (2023) compiles 59), d ln K_H/d(1/T) =
  // -(dHf(aq) - dHf(g))/R = 4111 K (NBS: -80.29 and -46.11 kJ/mol)
  {"NH3",  "nh3",  0, AZ_PHASE_SOLUTE, -1, 17.03052e-3, 0.5748, 4111.0, 1e-3, "NH3 + NH4+ already in the electrolyte (1 uM)", NULL, NULL, 1.957e-9, 1.64e-9, -26.50e3, -80.29e3, NULL},
  {"NO3-", "no3", -1, AZ_PHASE_SOLUTE, -1, 62.0049e-3, 0, 0, 1e-3, "nitrate already in the electrolyte (1 uM)", NULL, NULL, 1.902e-9, 1.902e-9, 0, 0, "NO3-"},
  {"H+",   "h",    1, AZ_PHASE_SOLUTE, -1, 1.00794e-3, 0, 0, 1e-4, "H+ beyond the RHE scale (the residual protons of N2OR and NO3RR; pH 7)", NULL, NULL, 0, 9.311e-9, 0, 0, "H+"},
  {"H2O",  "h2o",  0, AZ_PHASE_SOLVENT, -1, 18.015268e-3, 0, 0, 0, NULL, NULL, NULL, 0, 0, -237.129e3, -285.830e3, NULL},
  // the ionic model's species (no bulk_<key>: the electrolyte's composition gives their bulk values)
  {"OH-",     "oh",    -1, AZ_PHASE_SOLUTE, -1, 17.00734e-3, 0, 0, 1e-4, NULL, NULL, NULL, 0, 5.273e-9, -157.244e3, -229.994e3, "OH-"},
  {"Li+",     "li",     1, AZ_PHASE_SOLUTE, -1, 6.941e-3,    0, 0, 0, NULL, NULL, NULL, 0, 1.029e-9, 0, 0, "Li+"},
  {"Na+",     "na",     1, AZ_PHASE_SOLUTE, -1, 22.98977e-3, 0, 0, 0, NULL, NULL, NULL, 0, 1.334e-9, 0, 0, "Na+"},
  {"K+",      "k",      1, AZ_PHASE_SOLUTE, -1, 39.0983e-3,  0, 0, 0, NULL, NULL, NULL, 0, 1.957e-9, 0, 0, "K+"},
  {"Cs+",     "cs",     1, AZ_PHASE_SOLUTE, -1, 132.9055e-3, 0, 0, 0, NULL, NULL, NULL, 0, 2.056e-9, 0, 0, "Cs+"},
  {"Mg^2+",   "mg",     2, AZ_PHASE_SOLUTE, -1, 24.305e-3,   0, 0, 0, NULL, NULL, NULL, 0, 0.706e-9, 0, 0, "Mg^2+"},
  {"Ca^2+",   "ca",     2, AZ_PHASE_SOLUTE, -1, 40.078e-3,   0, 0, 0, NULL, NULL, NULL, 0, 0.792e-9, 0, 0, "Ca^2+"},
  {"Cl-",     "cl",    -1, AZ_PHASE_SOLUTE, -1, 35.453e-3,   0, 0, 0, NULL, NULL, NULL, 0, 2.032e-9, 0, 0, "Cl-"},
  {"ClO4-",   "clo4",  -1, AZ_PHASE_SOLUTE, -1, 99.451e-3,   0, 0, 0, NULL, NULL, NULL, 0, 1.792e-9, 0, 0, "ClO4-"},
  {"SO4^2-",  "so4",   -2, AZ_PHASE_SOLUTE, -1, 96.0626e-3,  0, 0, 0, NULL, NULL, NULL, 0, 1.065e-9, -744.53e3, -909.27e3, "SO4^2-"},
  {"HSO4-",   "hso4",  -1, AZ_PHASE_SOLUTE, -1, 97.0705e-3,  0, 0, 0, NULL, NULL, NULL, 0, 1.385e-9, -755.91e3, -887.34e3, NULL},
  // CO2 a dissolved gas (Henry's law of the property library, G7-04) and a solute of the carbonate equilibria
  {"CO2",     "co2",    0, AZ_PHASE_GAS,    AZ_GAS_CO2, 44.0095e-3, 0, 0, 40.0, NULL, NULL, NULL, 1.91e-9, 1.91e-9, -385.98e3, -413.80e3, NULL},
  {"HCO3-",   "hco3",  -1, AZ_PHASE_SOLUTE, -1, 61.0168e-3,  0, 0, 0, NULL, NULL, NULL, 0, 1.185e-9, -586.77e3, -691.99e3, "HCO3-"},
  {"CO3^2-",  "co3",   -2, AZ_PHASE_SOLUTE, -1, 60.0089e-3,  0, 0, 0, NULL, NULL, NULL, 0, 0.923e-9, -527.81e3, -677.14e3, "CO3^2-"},
  {"H3PO4",   "h3po4",  0, AZ_PHASE_SOLUTE, -1, 97.9952e-3,  0, 0, 0, NULL, NULL, NULL, 0, 0.88e-9, -1142.54e3, -1288.34e3, NULL},
  {"H2PO4-",  "h2po4", -1, AZ_PHASE_SOLUTE, -1, 96.9872e-3,  0, 0, 0, NULL, NULL, NULL, 0, 0.959e-9, -1130.28e3, -1296.29e3, "H2PO4-"},
  {"HPO4^2-", "hpo4",  -2, AZ_PHASE_SOLUTE, -1, 95.9793e-3,  0, 0, 0, NULL, NULL, NULL, 0, 0.759e-9, -1089.15e3, -1292.14e3, "HPO4^2-"},
  {"PO4^3-",  "po4",   -3, AZ_PHASE_SOLUTE, -1, 94.9714e-3,  0, 0, 0, NULL, NULL, NULL, 0, 0.612e-9, -1018.7e3, -1277.4e3, "PO4^3-"},
  {"NH4+",    "nh4",    1, AZ_PHASE_SOLUTE, -1, 18.03846e-3, 0, 0, 0, NULL, NULL, NULL, 0, 1.957e-9, -79.31e3, -132.51e3, "NH4+"},
};

// Electrode reactions, written as reductions on the RHE scale. E° of N2RR, ORR/OER and N2OR as before this table
// (seed review Table 3, NIST; the N2OR path via HNO3(g) and its dissolution, NBS), dS° from the tables above.
static const AzReactionInfo az_reaction_rows[] = {
  // N2 + 3 H2 -> 2 NH3(g): dG = -32.73 kJ/mol (Table 3, row 8); dS = 2(192.77) - 191.61 - 3(130.68) = -198.11 J/K
  {"n2rr", "N2RR", "N2 + 6 H+ + 6 e- -> 2 NH3", 6, 2, {{"N2", -1}, {"NH3", 2}}, PETSC_FALSE, "N2", 1e-3, 0.5,
   32.73e3 / (6 * AZ_FARADAY), -198.11, "her", "NH3", "fe_nh3", "nh3_rate_ug_h_cm2", AZ_REPORT_CATHODE, "Table 3 row 8; NIST-JANAF", "i_n2rr_A_m2", "i_lim_n2rr_A_m2", 0, NULL},
  // 2 H+ + 2 e- -> H2: 0 V vs RHE at every T by the scale's definition. With the ionic model it is the proton branch,
  // first order in the local H+ (Volmer step with H3O+ as the proton donor: Bard & Faulkner §3.5, Bockris et al. 2A
  // §7.5); its water branch is the next row.
  {"her", "HER", "2 H+ + 2 e- -> H2", 2, 1, {{"H2", 1}}, PETSC_FALSE, NULL, 1e-2, 0.5, 0, 0, "", NULL, NULL, NULL, AZ_REPORT_CATHODE,
   "the RHE scale", "i_her_A_m2", NULL, 1.0, NULL},
  // HER's water branch, 2 H2O + 2 e- -> H2 + 2 OH- (the ionic model only): on the RHE scale the same row as HER's, 0 V;
  // the ionic model takes a reduction's protons from water, giving OH-, unless the row is a proton donor's branch
  // (h_order > 0: HER above). Its fitted branch takes no H+; its reverse branch goes as a_OH^2.
  {"her_h2o", "HER (water)", "2 H2O + 2 e- -> H2 + 2 OH-", 2, 1, {{"H2", 1}}, PETSC_FALSE, NULL, 1e-2, 0.5, 0, 0, "", NULL, NULL, NULL,
   AZ_REPORT_WHERE_IT_RUNS, "the RHE scale", "i_her_h2o_A_m2", NULL, 0, "her"},
  // 2 NO3- + 12 H+ + 10 e- -> N2 + 6 H2O: dG of the oxidation 89.26 (Table 3 row 6) + 5 x 237.129 (water) + 2 (-111.25 + 73.5)
  // (HNO3(g) -> H+ + NO3-, NBS) = 1199.4 kJ/mol; 12 H+ for 10 e-: 2 H+ beyond the RHE scale. dS of 2 NO3- + 2 H+ + 5 H2 -> N2
  // + 6 H2O(l): 191.61 + 6(69.95) - 2(146.4) - 5(130.68) = -334.9 J/K
  {"n2or", "N2OR", "N2 + 6 H2O -> 2 NO3- + 12 H+ + 10 e-", 10, 4, {{"NO3-", -2}, {"H+", -2}, {"N2", 1}, {"H2O", 6}}, PETSC_TRUE, "N2", 1e-3,
   0.5, (89.26e3 + 5 * 237.129e3 + 2 * (-111.25e3 + 73.5e3)) / (10 * AZ_FARADAY), -334.9, "oer", "NO3-", "fe_no3", "no3_rate_ug_h_cm2",
   AZ_REPORT_ANODE, "Table 3 row 6; NBS", "i_n2or_A_m2", "i_lim_n2or_A_m2", 0, NULL},
  // O2 + 4 H+ + 4 e- -> 2 H2O: dG = -2 x 237.129 kJ/mol (NBS); dS = 2(69.95) - 205.15 - 2(130.68) = -326.61 J/K
  {"oer", "OER", "2 H2O -> O2 + 4 H+ + 4 e-", 4, 2, {{"O2", -1}, {"H2O", 2}}, PETSC_TRUE, NULL, 1e-5, 0.5, 2 * 237.129e3 / (4 * AZ_FARADAY),
   -326.61, "", NULL, NULL, NULL, AZ_REPORT_ANODE, "NBS; CODATA", "i_oer_A_m2", NULL, 0, NULL},
  {"orr", "ORR", "O2 + 4 H+ + 4 e- -> 2 H2O", 4, 2, {{"O2", -1}, {"H2O", 2}}, PETSC_FALSE, "O2", 1e-3, 0.5, 2 * 237.129e3 / (4 * AZ_FARADAY),
   -326.61, "her", NULL, NULL, NULL, AZ_REPORT_WHERE_IT_RUNS, "NBS; CODATA", "i_orr_A_m2", "i_lim_orr_A_m2", 0, NULL},
  // Nitrate reduction to ammonia, added as data only (README, "Adding a reaction"): NO3- + H+ + 4 H2 -> NH3(g) + 3 H2O(l),
  // dG = -16.45 + 3(-237.129) + 111.25 = -616.59 kJ/mol (NBS) for 8 e-; 9 H+ for 8 e-: 1 H+ beyond the RHE scale.
  // dS = 192.77 + 3(69.95) - 146.4 - 4(130.68) = -266.5 J/K
  {"no3rr", "NO3RR", "NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O", 8, 4, {{"NO3-", -1}, {"H+", -1}, {"NH3", 1}, {"H2O", 3}}, PETSC_FALSE, "NO3-", 0, 0.5,
   616.59e3 / (8 * AZ_FARADAY), -266.5, "", "NH3", "fe_no3rr", "no3rr_nh3_rate_ug_h_cm2", AZ_REPORT_WHERE_IT_RUNS, "NBS", "i_no3rr_A_m2", NULL, 0, NULL},
};
// clang-format on

#define AZ_MAX_REACTION_ROWS    16
#define AZ_MAX_HOMOGENEOUS_ROWS 32

// The registries: the rows registered in this process, in registration order (process-wide and immutable once
// registered, as PETSc's own registries of types).
static const AzSpeciesInfo     *az_species[AZ_MAX_SPECIES_ROWS];
static const AzReactionInfo    *az_reactions[AZ_MAX_REACTION_ROWS];
static const AzHomogeneousInfo *az_homogeneous[AZ_MAX_HOMOGENEOUS_ROWS];
static PetscInt                 az_nspecies, az_nreactions, az_nhomogeneous;

PetscErrorCode AzSpeciesRegister(const AzSpeciesInfo *row)
{
  PetscFunctionBeginUser;
  if (AzSpeciesFind(row->name)) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCheck(az_nspecies < AZ_MAX_SPECIES_ROWS, PETSC_COMM_SELF, PETSC_ERR_PLIB, "too many species rows");
  az_species[az_nspecies++] = row;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzReactionRegister(const AzReactionInfo *row)
{
  PetscFunctionBeginUser;
  if (AzReactionFind(row->name)) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCheck(az_nreactions < AZ_MAX_REACTION_ROWS, PETSC_COMM_SELF, PETSC_ERR_PLIB, "too many reaction rows");
  for (PetscInt k = 0; k < row->nstoich; k++)
    PetscCheck(AzSpeciesFind(row->stoich[k].species), PETSC_COMM_SELF, PETSC_ERR_PLIB, "reaction %s: unknown species %s", row->name,
               row->stoich[k].species);
  PetscCheck(!row->reactant || AzReactionNu(row, row->reactant) * (row->oxidation ? -1 : 1) < 0, PETSC_COMM_SELF, PETSC_ERR_PLIB,
             "reaction %s: its fitted branch does not take its reactant %s", row->name, row->reactant);
  az_reactions[az_nreactions++] = row;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzHomogeneousRegister(const AzHomogeneousInfo *row)
{
  PetscFunctionBeginUser;
  PetscCheck(az_nhomogeneous < AZ_MAX_HOMOGENEOUS_ROWS, PETSC_COMM_SELF, PETSC_ERR_PLIB, "too many homogeneous reaction rows");
  az_homogeneous[az_nhomogeneous++] = row;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzReactionsRegisterAll(void)
{
  PetscFunctionBeginUser;
  for (size_t k = 0; k < sizeof(az_species_rows) / sizeof(az_species_rows[0]); k++) PetscCall(AzSpeciesRegister(&az_species_rows[k]));
  for (size_t k = 0; k < sizeof(az_reaction_rows) / sizeof(az_reaction_rows[0]); k++) PetscCall(AzReactionRegister(&az_reaction_rows[k]));
  PetscCall(AzHomogeneousRegisterAll());  // the bulk reactions of the ionic model (solver/homogeneous.c)
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzSpeciesTable(PetscInt *n, const AzSpeciesInfo *const **rows)
{
  PetscFunctionBeginUser;
  *n    = az_nspecies;
  *rows = az_species;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzReactionTable(PetscInt *n, const AzReactionInfo *const **rows)
{
  PetscFunctionBeginUser;
  *n    = az_nreactions;
  *rows = az_reactions;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzHomogeneousTable(PetscInt *n, const AzHomogeneousInfo *const **rows)
{
  PetscFunctionBeginUser;
  *n    = az_nhomogeneous;
  *rows = az_homogeneous;
  PetscFunctionReturn(PETSC_SUCCESS);
}

const AzSpeciesInfo *AzSpeciesFind(const char name[])
{
  for (PetscInt k = 0; k < az_nspecies; k++)
    if (!strcmp(az_species[k]->name, name)) return az_species[k];
  return NULL;
}

const AzReactionInfo *AzReactionFind(const char name[])
{
  for (PetscInt k = 0; k < az_nreactions; k++)
    if (!strcmp(az_reactions[k]->name, name)) return az_reactions[k];
  return NULL;
}

PetscReal AzReactionNu(const AzReactionInfo *r, const char name[])
{
  for (PetscInt k = 0; k < r->nstoich; k++)
    if (!strcmp(r->stoich[k].species, name)) return r->stoich[k].nu;
  return 0;
}

static PetscInt AzSpeciesIndex(const char name[])
{
  for (PetscInt k = 0; k < az_nspecies; k++)
    if (!strcmp(az_species[k]->name, name)) return k;
  return -1;
}

PetscErrorCode AzActivitiesCompute(PetscReal T, const AzSolubility *sol, const PetscReal bulk[], AzActivities *act)
{
  PetscReal rho;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(act, sizeof(*act)));
  act->n = az_nspecies;
  if (sol)
    rho = sol->water.density;
  else
    PetscCall(AzWaterDensity(T, &rho));
  for (PetscInt k = 0; k < az_nspecies; k++) {
    const AzSpeciesInfo *s = az_species[k];
    const PetscReal      b = bulk ? bulk[k] : s->trace;
    switch (s->phase) {
    case AZ_PHASE_GAS: {
      // a = f / p0 with c = f / (c_sat / f_feed) where the gas is fed, Henry's law in pure water otherwise
      const AzGasSolubility *g = sol && s->gas < AZ_NGAS_SOLVED ? &sol->gas[s->gas] : NULL;
      if (g && g->c_sat > 0) {
        act->ln_per_conc[k] = PetscLogReal(g->fugacity / (g->c_sat * AZ_P_STD));
        act->ln_bulk[k]     = PetscLogReal(g->fugacity / AZ_P_STD);
      } else {
        PetscReal kH;
        PetscCall(AzHenryConstant((AzGas)s->gas, T, &kH));
        act->ln_per_conc[k] = PetscLogReal(kH * AZ_M_WATER_KG / (rho * AZ_P_STD));  // c = (f / kH) rho / M_w
        act->ln_bulk[k]     = PetscLogReal(b / AZ_P_STD);
      }
    } break;
    case AZ_PHASE_SOLUTE: {
      const PetscReal std = s->kh298 > 0 ? s->kh298 * PetscExpReal(s->kh_temp * (1 / T - 1 / AZ_T_REF)) * AZ_P_STD : AZ_C_STD;
      act->ln_per_conc[k] = -PetscLogReal(std);
      act->ln_bulk[k]     = PetscLogReal(b / std);
    } break;
    case AZ_PHASE_SOLVENT:
      act->ln_per_conc[k] = act->ln_bulk[k] = 0;
      break;
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzReactionSetUp(AzReaction *r, PetscReal T, const AzActivities *act, PetscReal film, PetscInt n, const char *const names[])
{
  const AzReactionInfo *info    = r->info;
  PetscReal             inv_lim = 0, inv_fwd = 0;  // 1 / the branches' supply limits, m^2 A^-1

  PetscFunctionBeginUser;
  r->s        = info->oxidation ? -1 : 1;
  r->e_eq0    = info->e0 + info->ds * (T - AZ_T_REF) / (info->n * AZ_FARADAY);
  r->nu_r     = 0;
  r->ln_act_r = 0;
  r->lnq_fix  = 0;
  r->nvar     = 0;
  r->reactant = -1;
  r->c_r_bulk = 0;
  PetscCheck(n <= AZ_MAX_UNKNOWNS, PETSC_COMM_SELF, PETSC_ERR_PLIB, "too many unknowns");
  for (PetscInt q = 0; q < AZ_MAX_UNKNOWNS; q++) r->nu_of[q] = 0;
  for (PetscInt k = 0; k < info->nstoich; k++) {
    const AzStoich      *st  = &info->stoich[k];
    const PetscInt       row = AzSpeciesIndex(st->species);
    const AzSpeciesInfo *sp  = az_species[row];
    char                 field[32];
    PetscInt             solved = -1;
    PetscCall(PetscSNPrintf(field, sizeof(field), "c_%s", sp->key));
    for (PetscInt q = 0; q < n; q++)
      if (!strcmp(names[q], field)) solved = q;
    if (solved >= 0) r->nu_of[solved] = st->nu;
    if (info->reactant && !strcmp(st->species, info->reactant)) {  // the fitted branch's reactant: its own argument
      r->nu_r     = r->s * st->nu;
      r->ln_act_r = act->ln_per_conc[row];
      r->reactant = solved;
      r->c_r_bulk = PetscExpReal(act->ln_bulk[row] - act->ln_per_conc[row]);
      if (solved < 0 && sp->diffusivity > 0 && film > 0)
        inv_fwd += -r->nu_r * film / (info->n * AZ_FARADAY * sp->diffusivity * r->c_r_bulk);
    } else if (solved >= 0) {
      PetscCheck(r->nvar < AZ_MAX_STOICH, PETSC_COMM_SELF, PETSC_ERR_PLIB, "too many solved species in %s", info->name);
      r->var[r->nvar] = solved, r->var_nu[r->nvar] = st->nu, r->var_ln_act[r->nvar] = act->ln_per_conc[row];
      r->nvar++;
    } else {
      r->lnq_fix += st->nu * act->ln_bulk[row];
      if (sp->diffusivity > 0 && film > 0) {  // the branch that takes it: its supply across the film
        const PetscReal c_b = PetscExpReal(act->ln_bulk[row] - act->ln_per_conc[row]),
                        inv = PetscAbsReal(st->nu) * film / (info->n * AZ_FARADAY * sp->diffusivity * c_b);
        if (r->s * st->nu > 0)
          inv_lim += inv;
        else
          inv_fwd += inv;
      }
    }
  }
  r->rev_lim = inv_lim > 0 ? 1 / inv_lim : 0;
  r->fwd_lim = inv_fwd > 0 ? 1 / inv_fwd : 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscReal AzReactionLnQ(const AzReaction *r, const PetscReal c[])
{
  PetscReal lnq = 0;
  for (PetscInt k = 0; k < r->nvar; k++) lnq += r->var_nu[k] * (PetscLogReal(PetscMax(c[r->var[k]], 1e-30)) + r->var_ln_act[k]);
  return lnq;
}

void AzReactionCurrent(const AzReaction *r, PetscReal c, PetscReal u, PetscReal T, PetscReal lnq, PetscReal *i, PetscReal *di_dc,
                       PetscReal *di_du, PetscReal *di_dlnq)
{
  const PetscReal f = AZ_FARADAY / (AZ_GAS_CONSTANT * T), eta = u - r->e_ref, s = r->s;
  const PetscReal F     = r->i0 * PetscExpReal(-s * r->alpha * f * eta);  // the fitted branch at c_ref
  PetscReal       theta = 1, dtheta = 0, R = 0, dR = 0;

  if (r->order != 0 && r->info->reactant) {
    const PetscReal x = PetscMax(c, 0.0) / r->c_ref;
    if (r->order == 1)
      theta = x, dtheta = c > 0 ? 1 / r->c_ref : 0;
    else if (x > 0)
      theta = PetscPowReal(x, r->order), dtheta = r->order * theta / PetscMax(c, PETSC_SMALL * r->c_ref);
    else
      theta = 0, dtheta = 0;
  }
  if (r->reversible && r->i0 > 0) {
    // R = F theta exp(s n f (u - E_eq)), E_eq = E°(T) - ln Q / (n f): the reactant's concentration enters as
    // c^(order + s nu_r) (c^0 for a first-order reactant taken once)
    const PetscReal p   = r->info->reactant ? r->order + r->nu_r : 0;
    const PetscReal cc  = PetscMax(c, 1e-30);
    PetscReal       lnR = PetscLogReal(r->i0) - s * r->alpha * f * eta + s * r->info->n * f * (u - r->e_eq0) + s * (lnq + r->lnq_fix);
    if (r->info->reactant) lnR += r->nu_r * r->ln_act_r - r->order * PetscLogReal(r->c_ref) + p * PetscLogReal(cc);
    R  = PetscExpReal(PetscMin(lnR, AZ_LN_MAX_CURRENT));
    dR = p != 0 && c > 0 ? p * R / cc : 0;
    if (p > 0 && c <= 0) R = 0;
  }
  {
    // The species held at their bulk values beyond the problem's film: the net rate s i = (F - R) / (1 + F/F_lim +
    // R/R_lim), the rate at which the film's surface values (c_b -+ nu rate delta/D) balance it (exact for first-order
    // species; Koutecky-Levich). It still vanishes at the Nernst potential of the bulk composition.
    const PetscReal Fb = F * theta, dFb_dc = F * dtheta, dFb_du = -s * r->alpha * f * Fb;
    const PetscReal dR_du = s * (r->info->n - r->alpha) * f * R, dR_dq = s * R;
    const PetscReal a = r->fwd_lim > 0 ? 1 / r->fwd_lim : 0, b = r->rev_lim > 0 ? 1 / r->rev_lim : 0;
    if (a == 0 && b == 0) {
      *i = s * (Fb - R);
      if (di_dc) *di_dc = s * (dFb_dc - dR);
      if (di_du) *di_du = -r->alpha * f * F * theta - (r->info->n - r->alpha) * f * R;
      if (di_dlnq) *di_dlnq = -R;
    } else {
      const PetscReal N = Fb - R, D = 1 + a * Fb + b * R;
      *i = s * N / D;
      if (di_dc) *di_dc = s * ((dFb_dc - dR) * D - N * (a * dFb_dc + b * dR)) / (D * D);
      if (di_du) *di_du = s * ((dFb_du - dR_du) * D - N * (a * dFb_du + b * dR_du)) / (D * D);
      if (di_dlnq) *di_dlnq = s * (-dR_dq * D - N * b * dR_dq) / (D * D);
    }
  }
}

PetscReal AzReactionEquilibrium(const AzReaction *r, PetscReal c, PetscReal T, PetscReal lnq)
{
  const PetscReal f   = AZ_FARADAY / (AZ_GAS_CONSTANT * T);
  PetscReal       lnQ = lnq + r->lnq_fix;
  if (r->info->reactant) lnQ += r->s * r->nu_r * (PetscLogReal(c) + r->ln_act_r);
  return r->e_eq0 - lnQ / (r->info->n * f);
}
