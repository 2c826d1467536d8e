// azote — the ionic (tertiary) electrolyte model (DESIGN §8: electrolyte_model, electrolyte_ph, activity_model).
//
// electrolyte_model tertiary transports every ion of the electrolyte and the ions the electrode reactions make by
// Nernst-Planck (diffusion, migration, advection) with electroneutrality, coupled to the electrolyte potential, and
// runs the bulk reactions of solver/homogeneous.c (water's dissociation, the buffers) at finite rates. This header
// holds the case's side: which species an electrolyte brings (the salts' ions, H+ and OH-, the electrode reactions'
// ions and the partners of the bulk reactions, to closure), their bulk composition (chemical equilibrium at the
// electrolyte's totals, charge balanced, the pH optionally set by a named acid or base, CO2 held at its saturation
// where the feed has CO2), and the activity model. The transport side (the problem's unknowns, the residual) is
// include/azote/private/npimpl.h; docs/ionic.md lists the laws and their sources.
#pragma once

#include <azote/kinetics.h>

typedef enum { AZ_MODEL_DILUTE, AZ_MODEL_TERTIARY } AzElectrolyteModel;
PETSC_EXTERN const char *const AzElectrolyteModels[];  // "dilute", "tertiary", NULL
typedef enum { AZ_ACTIVITY_IDEAL, AZ_ACTIVITY_DAVIES } AzActivityModel;
PETSC_EXTERN const char *const AzActivityModels[];  // "ideal", "davies", NULL

#define AZ_MAX_IONIC           20  // species of one electrolyte's ionic system
#define AZ_MAX_IONIC_REACTIONS 16  // its bulk reactions

typedef struct {
  const AzSpeciesInfo *info;
  PetscReal            z;      // charge (-)
  PetscReal            D;      // diffusivity at T in the solution, m^2 s^-1 (Stokes-Einstein from the 25 °C value)
  PetscReal            c;      // bulk concentration, mol m^-3
  PetscReal            gamma;  // activity coefficient at the bulk ionic strength (-)
} AzIonicSpecies;

typedef struct {
  const AzHomogeneousInfo *info;
  PetscInt                 n;
  PetscInt                 sp[AZ_MAX_STOICH];  // positions in the ionic species list
  PetscReal                nu[AZ_MAX_STOICH];
  PetscReal                log10K;  // thermodynamic equilibrium constant at T (1 mol/L standard state)
  PetscReal                kf, kb;  // rate constants at T in mol, m^3, s; kb = kf / K_c (activity coefficients of the bulk)
} AzIonicReaction;

typedef struct {
  PetscInt        model;     // AzElectrolyteModel
  PetscInt        activity;  // AzActivityModel
  PetscBool       ph_given;
  PetscReal       ph_set;       // electrolyte_ph
  char            titrant[32];  // electrolyte_ph_titrant: the salt (acid or base) that sets it
  char            ions[256];    // electrolyte_ions: ions added to the salts, ION:MOL_PER_L,...
  PetscInt        n;            // species
  AzIonicSpecies  sp[AZ_MAX_IONIC];
  PetscInt        nr;  // bulk reactions among them
  AzIonicReaction r[AZ_MAX_IONIC_REACTIONS];
  PetscInt        h, oh;           // positions of H+ and OH-
  PetscInt        elim;            // the species electroneutrality gives (not an unknown of the transport)
  PetscReal       ionic_strength;  // of the bulk, mol L^-1
  PetscReal       ph;              // of the bulk, -log10(gamma_H c_H / 1 mol/L)
  PetscReal       titrant_mol_L;   // the titrant added to reach electrolyte_ph, mol L^-1 (0: none)
  PetscReal       co2_mol_m3;      // dissolved CO2 at the feed's saturation (0: no CO2 in the feed)
} AzIonic;

// The species position of a species-table name in the ionic list (-1: not there).
PETSC_EXTERN PetscInt AzIonicFind(const AzIonic *ion, const char name[]);
// pH from H+ and OH- concentrations (mol m^-3) with the bulk's activity coefficients, through the more abundant of the
// two: -log10 a_H, or pKw + log10 a_OH. The same where water is at equilibrium; where a grid cell does not resolve
// water's reaction layer (tens of nanometres at an electrode that takes H+ from an alkaline solution), the minority ion
// is off its equilibrium value and the majority ion's is the one the charge balance fixes.
PETSC_EXTERN PetscReal AzIonicPH(const AzIonic *ion, PetscReal T, PetscReal c_h, PetscReal c_oh);

// The bulk reactions (solver/homogeneous.c): registered with the species and reaction tables.
PETSC_EXTERN PetscErrorCode AzHomogeneousRegisterAll(void);
// log10 of a row's thermodynamic equilibrium constant at T (1 mol/L standard state, water at activity 1).
PETSC_EXTERN PetscReal AzHomogeneousLog10K(const AzHomogeneousInfo *row, PetscReal T);
// Water's stoichiometric number in a row (the rows leave it implicit).
PETSC_EXTERN PetscReal AzHomogeneousWater(const AzHomogeneousInfo *row);
// Atoms of H and O in a formula as the species table writes it ("HPO4^2-": 1 and 4).
PETSC_EXTERN void AzFormulaCount(const char name[], PetscInt *nh, PetscInt *no);

// Chemical equilibrium (solver/speciation.c): the composition c (mol m^-3) of n species with charges z that the nr
// reactions nu (with ln K_c in mol m^-3 units) bring to equilibrium from the totals of the as-dissolved composition c0,
// conserving every combination the reactions conserve (elements and charge); nfix constraints hold species fix[k] at
// ln c = lnc_fix[k] by adding an amount x[k] (mol m^-3) of the composition vector v[k] (a titrant; CO2 from the gas).
typedef struct {
  PetscInt  n, nr, nfix;
  PetscReal nu[AZ_MAX_IONIC_REACTIONS][AZ_MAX_IONIC];
  PetscReal lnK[AZ_MAX_IONIC_REACTIONS];
  PetscReal c0[AZ_MAX_IONIC];
  PetscInt  fix[2];
  PetscReal lnc_fix[2];
  PetscReal v[2][AZ_MAX_IONIC];
} AzSpeciation;
PETSC_EXTERN PetscErrorCode AzSpeciationSolve(const AzSpeciation *s, PetscReal c[], PetscReal x[]);
// Davies' activity coefficient of charge z at ionic strength I (mol/L) and T: log10 gamma = -A z^2 (sqrt(I)/(1 +
// sqrt(I)) - 0.3 I) (Davies, Ion Association (1962)), A(T) from water's permittivity.
PETSC_EXTERN PetscReal AzDaviesGamma(PetscReal z, PetscReal ionic, PetscReal T);
