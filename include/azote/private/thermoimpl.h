// azote — internal declarations of the property library (solver/thermo/). Not part of the public API.
#pragma once

#include <azote/thermo.h>

// Physical constants (SI).
#define AZ_R          8.314462618   // molar gas constant, J mol^-1 K^-1 (CODATA 2018, exact)
#define AZ_M_WATER    18.015268e-3  // molar mass of water, kg mol^-1 (IAPWS-95)
#define AZ_TC_WATER   647.096       // critical temperature of water, K (IAPWS-95)
#define AZ_PC_WATER   22.064e6      // critical pressure of water, Pa (IAPWS-95)
#define AZ_RHOC_WATER 322.0         // critical density of water, kg m^-3 (IAPWS-95)

// Validity ranges shared by several files. The whole solubility chain (AzSolubilityCompute) is limited by its
// weakest link: the Weisenberger-Schumpe salting-out model (273-363 K) and the Kell compressibility (0-100 °C).
#define AZ_T_MIN 273.15  // K
#define AZ_T_MAX 363.15  // K, solubility chain
#define AZ_P_MAX 1.0e7   // Pa: the highest pressure the KK + virial-EOS result is tested against (100 bar)
#define AZ_I_MAX 5.0     // mol L^-1, largest ionic strength accepted for the Sechenov (W-S) law

// Per-species constants: the gases of AzGas, then water vapour at index AZ_GAS_WATER_VAPOR.
typedef struct {
  const char *name;
  PetscReal   M;                 // molar mass, kg mol^-1
  PetscReal   Tc, Pc;            // critical temperature (K) and pressure (Pa)
  PetscReal   omega;             // acentric factor (-)
  PetscReal   Vc, Zc;            // critical molar volume (m^3 mol^-1) and compressibility (-), for cross coefficients
  PetscReal   polar_a;           // Tsonopoulos polar term a (-), water only
  PetscReal   v_fsg;             // Fuller diffusion volume, cm^3 mol^-1 (dimensionless in the correlation)
  PetscBool   has_kh;            // IAPWS G7-04 coefficients available
  PetscReal   kh_A, kh_B, kh_C;  // IAPWS G7-04 Table 1 (-)
  PetscReal   kh_Tmin, kh_Tmax;  // K, range of the data G7-04 fitted (Table 2)
  PetscBool   has_ws;            // Weisenberger-Schumpe gas parameters available
  PetscReal   hG0, hT;           // m^3 kmol^-1 and m^3 kmol^-1 K^-1
  PetscReal   v_inf;             // partial molar volume at infinite dilution in water, m^3 mol^-1 (0: unknown)
} AzSpeciesData;

PETSC_INTERN const AzSpeciesData AzSpecies[AZ_NGAS + 1];

// Checks lo <= v <= hi and fails with "<what> = <v> <unit> is outside the valid range [lo, hi] <unit> (<why>)".
PETSC_INTERN PetscErrorCode AzCheckRange(const char what[], PetscReal v, const char unit[], PetscReal lo, PetscReal hi, const char why[]);

// Ions of the Weisenberger-Schumpe table (salting.c).
typedef struct {
  const char *name;    // "K+", "SO4^2-"
  PetscInt    charge;  // e
  PetscReal   h;       // ion-specific parameter h_i, m^3 kmol^-1 (= L mol^-1)
} AzIonData;
PETSC_INTERN PetscInt         AzNIons(void);
PETSC_INTERN const AzIonData *AzIonGet(PetscInt ion);
PETSC_INTERN PetscInt         AzIonFind(const char name[]);  // -1 when unknown

// Salts known to the electrolyte parser (composition.c): formula, molar mass and the ions they release.
typedef struct {
  const char *formula;  // "KOH", "Na2SO4", "PBS"
  PetscReal   M;        // molar mass, kg mol^-1 (0 for mixtures such as PBS)
  PetscInt    nion;
  const char *ion[3];
  PetscReal   nu[3];  // ions released per formula unit
  const char *note;   // how the salt is represented, for the documentation
} AzSaltData;
PETSC_INTERN PetscInt          AzNSalts(void);
PETSC_INTERN const AzSaltData *AzSaltGet(PetscInt salt);

// Fugacity coefficients of every component of a gas mixture from the virial equation of state (fugacity.c); y has
// AZ_NGAS + 1 entries (water vapour last) and sums to 1. When dy is given, dlnphi[i] = sum_j d ln(phi_i)/d y_j dy_j
// (composition derivative along dy at fixed T and P, y not renormalised).
// Second (m^3 mol^-1) and third (m^6 mol^-2) virial coefficients of one species at T (Tsonopoulos, Orbey-Vera).
PETSC_INTERN PetscErrorCode AzVirialPure(PetscInt species, PetscReal T, PetscReal *B, PetscReal *C);
PETSC_INTERN PetscErrorCode AzVirialFugacity(PetscReal T, PetscReal P, const PetscReal y[], const PetscReal dy[], PetscReal phi[],
                                             PetscReal dlnphi[]);
