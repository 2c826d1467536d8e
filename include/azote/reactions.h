// azote — the species and reaction tables (DESIGN §2): every species and every electrode reaction is a row of data,
// registered in one place (solver/reactions.c); the kinetics, metrics and outputs loop over the rows. A bulk
// (homogeneous) reaction table is part of the design; its rows come with the ionic electrolyte model.
//
// An electrode reaction is written as a reduction on the RHE scale, Ox + n e- -> Red, its species' stoichiometric
// numbers nu > 0 for what the reduction forms and nu < 0 for what it takes (the n H+ that accompany the electrons are
// absorbed by the RHE scale; a reaction taking more protons than electrons keeps the extra ones as H+). Its rate data
// describe one branch, the one the published Tafel fit measured (the reduction for N2RR, HER, ORR; the oxidation for
// N2OR, OER):
//   fitted branch  F = i0 (c_r / c_ref)^gamma exp(-s alpha f (E - phi - E_ref)),  s = +1 (a reduction) or -1,
// with f = F/RT, c_r the concentration of its reactant (gamma = 0: none) and E_ref the potential i0 refers to
// (kinetics_<name>_e_eq, E° at 298.15 K). The other branch follows from microscopic reversibility:
//   reverse branch R = F exp(s n f (E - phi - E_eq)),   E_eq = E°(T) - (RT/nF) ln prod a_k^nu_k,
// so that the net current density (cathodic positive) i = s (F - R) vanishes at the Nernst potential of the actual
// composition, changes sign beyond it, and the ratio of the anodic to the cathodic branch is exp(n f eta),
// eta = E - phi - E_eq (Bard & Faulkner, Electrochemical Methods, 2nd ed. (2001), §3.4-3.5; for a multi-electron
// reaction with a rate-determining first electron transfer alpha_a + alpha_c = n: Bockris, Reddy & Gamboa-Aldeco,
// Modern Electrochemistry 2A, 2nd ed. (2000), §7.5). E°(T) = E°(298.15 K) + dS° (T - 298.15 K)/(nF), dS° of the
// reduction from the thermodynamic tables (constant dH° and dS° over 0-90 °C).
// A species the problem does not solve is held at its bulk value beyond a diffusion film of the template's thickness
// (the flow cell's boundary layer, the H-cell's Nernst layer, the GDE's liquid film): its surface value is
// c_bulk -+ nu rate delta / D, which gives the net rate (F - R) / (1 + F/F_lim + R/R_lim) with each branch's supply
// limit X_lim = n F D c_bulk / (|nu| delta) (Koutecky-Levich; exact for first-order species): oxidising trace H2 at a
// positive potential draws microamperes, not the kinetic rate of a surface bathed in H2, and the net current still
// vanishes at the Nernst potential of the bulk composition and changes sign beyond it.
// Activities: a dissolved gas, its fugacity / 1 bar; a solute on the gas standard state of its reaction data (NH3),
// c / (K_H 1 bar); another solute, c / (1 mol/L); water, 1.
#pragma once

#include <azote/sys.h>

#define AZ_FARADAY      96485.33212  // C mol^-1 (CODATA 2018, exact by SI 2019 definition of e and N_A)
#define AZ_GAS_CONSTANT 8.314462618  // J mol^-1 K^-1 (CODATA 2018)
#define AZ_T_REF        298.15       // K: the temperature of the thermodynamic data
#define AZ_P_STD        1e5          // Pa: the standard pressure of the thermodynamic data (1 bar)
#define AZ_C_STD        1e3          // mol m^-3: the standard concentration of a solute (1 mol/L)
#define AZ_MAX_STOICH   6
#define AZ_MAX_UNKNOWNS 16  // unknowns per cell of a problem a reaction can refer to

typedef enum { AZ_PHASE_GAS, AZ_PHASE_SOLUTE, AZ_PHASE_SOLVENT } AzPhase;

typedef struct {
  const char *name;         // as written in equations: "N2", "NH3", "NO3-", "H+"
  const char *key;          // in keys, fields and metrics: "n2", "nh3", "no3", "h" (bulk_<key>, c_<key>)
  PetscInt    charge;       // elementary charges
  AzPhase     phase;        // a dissolved gas, a solute, or the solvent
  PetscInt    gas;          // a dissolved gas: its AzGas in the property library (Henry's law, fugacity, diffusivity)
  PetscReal   molar_mass;   // kg mol^-1
  PetscReal   kh298;        // a solute whose reaction data take the gas as standard state: Henry's K_H at 298.15 K,
                            // mol m^-3 Pa^-1 (0: the solute's standard state is 1 mol/L)
  PetscReal   kh_temp;      // d ln K_H / d (1/T), K
  PetscReal   trace;        // its bulk value where it is neither fed nor solved: Pa (a gas) or mol m^-3 (a solute)
  const char *trace_help;   // what the trace default stands for
  const char *d_metric;     // a reactant's diffusivity metric, "D_<key>_m2_s" (NULL: none)
  const char *conv_metric;  // a reactant's conversion metric, "<key>_conversion" (NULL: none)
  PetscReal   diffusivity;  // m^2 s^-1 in water at 25 °C, for the supply of a species held at its bulk value (0: not
                            // transport-limited)
  // the ionic (tertiary) electrolyte model (include/azote/ionic.h); rows of the species the dilute model alone knows
  // leave these zero
  PetscReal d_ion;     // m^2 s^-1: diffusivity at infinite dilution in water at 25 °C (0: not transported as a solute)
  PetscReal dgf, dhf;  // J mol^-1: standard Gibbs energy and enthalpy of formation of the aqueous species (molal standard
                       // state), for the equilibrium constants of the bulk reactions
  const char *ion;     // its name in the property library's ion table ("SO4^2-"), where the electrolyte's salts bring it
} AzSpeciesInfo;

typedef struct {
  const char *species;  // a species' name
  PetscReal   nu;       // stoichiometric number in the reduction direction (> 0 formed, < 0 taken)
} AzStoich;

// Which electrodes report a reaction's metrics even where it does not run (the names of DESIGN §5): none, every
// cathode (N2RR, HER), every anode (N2OR, OER).
typedef enum { AZ_REPORT_WHERE_IT_RUNS, AZ_REPORT_CATHODE, AZ_REPORT_ANODE } AzReport;

typedef struct {
  const char *name;      // "n2rr": keys kinetics_<name>_*, metric i_<name>_A_m2, field electrode/i_<name>
  const char *label;     // "N2RR"
  const char *equation;  // as the literature writes it, e.g. "N2 + 6 H+ + 6 e- -> 2 NH3"
  PetscReal   n;         // electrons per reaction as written
  PetscInt    nstoich;
  AzStoich    stoich[AZ_MAX_STOICH];
  PetscBool   oxidation;    // the rate data describe the oxidation (its fitted branch is anodic)
  const char *reactant;     // species whose concentration the fitted branch follows with kinetics_<name>_order; NULL: none
  PetscReal   i0, alpha;    // defaults of kinetics_<name>_i0 (A m^-2) and _alpha (fitted branch)
  PetscReal   e0;           // E° at 298.15 K, V vs RHE (default of kinetics_<name>_e_eq)
  PetscReal   ds;           // reaction entropy of the reduction, J mol^-1 K^-1
  const char *competing;    // reactions running beside it on the same electrode by default ("her"; "" none)
  const char *product;      // the species whose production it reports (NULL: none)
  const char *fe_metric;    // its faradaic efficiency's metric name ("fe_nh3"; NULL: none)
  const char *rate_metric;  // its production rate's metric name, ug h^-1 cm^-2 of the product (NULL: none)
  AzReport    report;       // where its metrics are always reported
  const char *source;       // where E° and dS° come from
  const char *i_metric;     // "i_<name>_A_m2"
  const char *lim_metric;   // "i_lim_<name>_A_m2" where it can be a main reaction (NULL: none)
  PetscReal   h_order;      // the ionic model: default order of the fitted branch in the local H+ (relative to the bulk's)
  const char *branch_of;    // the ionic model: the reaction this row is another branch of (HER's water branch: "her"); it
                            // runs wherever that one runs, and only with the ionic model (NULL: a reaction of its own)
} AzReactionInfo;

// A bulk (homogeneous) reaction of the ionic electrolyte model (solver/homogeneous.c: water dissociation, the buffer
// equilibria), written reactants -> products (nu < 0 taken, > 0 formed; water, the solvent, at activity 1), with its
// forward rate constant (law of mass action: rate = kf prod c_reactant^|nu|); the backward one follows from the
// equilibrium constant that the species' Gibbs energies of formation give, kb = kf / K_c(T) (van 't Hoff with their
// enthalpies; K_c in concentrations, with the activity model's coefficients at the bulk ionic strength).
typedef struct {
  const char *name;
  PetscInt    nstoich;
  AzStoich    stoich[AZ_MAX_STOICH];
  PetscReal   kf;      // forward rate constant at 25 °C, in mol, m^3 and s for the orders of its reactants
  const char *source;  // where kf comes from
} AzHomogeneousInfo;

// The registries. Rows are registered once per process (idempotent) in the order that orders keys and metrics.
PETSC_EXTERN PetscErrorCode AzReactionsRegisterAll(void);
PETSC_EXTERN PetscErrorCode AzSpeciesRegister(const AzSpeciesInfo *row);
PETSC_EXTERN PetscErrorCode AzReactionRegister(const AzReactionInfo *row);
PETSC_EXTERN PetscErrorCode AzHomogeneousRegister(const AzHomogeneousInfo *row);
PETSC_EXTERN PetscErrorCode AzSpeciesTable(PetscInt *n, const AzSpeciesInfo *const **rows);
PETSC_EXTERN PetscErrorCode AzReactionTable(PetscInt *n, const AzReactionInfo *const **rows);
PETSC_EXTERN PetscErrorCode AzHomogeneousTable(PetscInt *n, const AzHomogeneousInfo *const **rows);
// The row of a name (NULL if none).
PETSC_EXTERN const AzSpeciesInfo  *AzSpeciesFind(const char name[]);
PETSC_EXTERN const AzReactionInfo *AzReactionFind(const char name[]);
// The stoichiometric number of species `name` in reaction r (0 if it takes no part).
PETSC_EXTERN PetscReal AzReactionNu(const AzReactionInfo *r, const char name[]);

// One reaction of an electrode: its row, the case's parameters, and how its species enter the Nernst potential in the
// problem it runs in (AzReactionSetUp).
typedef struct {
  const AzReactionInfo *info;
  PetscReal             i0;          // exchange current density at c_ref and E_ref, A m^-2
  PetscReal             alpha;       // transfer coefficient of the fitted branch (-)
  PetscReal             order;       // reaction order in the reactant (-); 0: no concentration dependence
  PetscReal             c_ref;       // reference concentration of i0, mol m^-3
  PetscReal             e_ref;       // E° at 298.15 K, V vs RHE: the potential i0 refers to
  PetscBool             reversible;  // the reverse branch (microscopic reversibility); false: the fitted branch alone
  PetscReal             h_order;     // the ionic model: order of the fitted branch in the local H+, relative to the bulk's (-)
  // set up for a problem:
  PetscReal s;                          // +1: the fitted branch is the reduction; -1: the oxidation
  PetscReal e_eq0;                      // E°(T), V vs RHE
  PetscReal nu_r;                       // s times the reactant's stoichiometric number (-1 for a reactant the fitted branch consumes once)
  PetscReal ln_act_r;                   // ln of the reactant's activity per mol m^-3 (its standard state)
  PetscReal lnq_fix;                    // sum of nu ln a over the species held at their bulk values (not solved)
  PetscInt  nvar;                       // solved species other than the reactant, taken at the cell's (or surface cell's) value:
  PetscInt  var[AZ_MAX_STOICH];         //   their indices among the problem's unknowns,
  PetscReal var_nu[AZ_MAX_STOICH];      //   stoichiometric numbers,
  PetscReal var_ln_act[AZ_MAX_STOICH];  // and ln of activity per mol m^-3
  PetscReal nu_of[AZ_MAX_UNKNOWNS];     // the stoichiometric number of each of the problem's unknowns (0: takes no part)
  PetscInt  reactant;                   // the reactant's index among the problem's unknowns (-1: not solved, at its bulk value)
  PetscReal c_r_bulk;                   // the reactant's bulk concentration (used where it is not solved), mol m^-3
  PetscReal rev_lim, fwd_lim;           // A m^-2: the most current the reverse (fitted) branch can draw from the species it takes that
                                        // are held at their bulk values, by diffusion across the problem's film (0: no limit)
} AzReaction;

// The current density of reaction r (A m^-2, cathodic positive) at reactant concentration c (mol m^-3; below zero
// counts as zero), E - phi = u (V vs RHE), temperature T (K, that of AzReactionSetUp) and lnq = sum nu ln a of the
// solved species other than the reactant; with di/dc, di/du and di/dlnq (any may be NULL). The reverse branch uses
// the Nernst potential at these activities.
PETSC_EXTERN void AzReactionCurrent(const AzReaction *r, PetscReal c, PetscReal u, PetscReal T, PetscReal lnq, PetscReal *i,
                                    PetscReal *di_dc, PetscReal *di_du, PetscReal *di_dlnq);
// Its equilibrium potential at these activities (V vs RHE; +-Inf where a species of the quotient is absent).
PETSC_EXTERN PetscReal AzReactionEquilibrium(const AzReaction *r, PetscReal c, PetscReal T, PetscReal lnq);
// The sum nu ln a over r's solved species other than its reactant, from a cell's unknowns c[] (floored at 1e-30
// mol m^-3 so that the branch of an absent product vanishes smoothly).
PETSC_EXTERN PetscReal AzReactionLnQ(const AzReaction *r, const PetscReal c[]);
