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
#define AZ_T_MIN     273.15  // K
#define AZ_T_MAX     363.15  // K, solubility chain
#define AZ_P_MAX     1.0e7   // Pa: the highest pressure the KK + virial-EOS result is tested against (100 bar)
#define AZ_I_MAX     5.0     // mol L^-1, largest ionic strength accepted for the Sechenov (W-S) law in general
#define AZ_I_MAX_KOH 12.0    // mol L^-1, KOH (and NaOH) alone: Davis et al. (1967) checked O2 in KOH to 12 N

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
  PetscBool   has_h;   // whether Weisenberger & Schumpe give h_i (BF4-, NTf2-: no)
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

// Laliberté density and viscosity parameters of one salt (electrolyte.c).
typedef struct {
  const char *formula;
  PetscReal   c[5], rho_tmin, rho_tmax, rho_wmax;  // density: -, -, -, °C^-1, °C; °C, °C, -
  PetscBool   mu_ok;                               // viscosity parameters checked and used
  PetscReal   v[6], mu_tmin, mu_tmax, mu_wmax;     // viscosity: -, -, -, °C^-1, -, -; °C, °C, -
} AzLaliberteData;
PETSC_INTERN const AzLaliberteData *AzLaliberteFind(const char formula[]);

// Pure solvents (solvent.c): the data of one row of the solvent table.
typedef struct {
  const char *name;
  PetscReal   M;                      // molar mass, kg mol^-1
  PetscReal   Tc, Pc, omega, Vc, Zc;  // critical constants (K, Pa, -, m^3 mol^-1, -) for the vapour's virial coefficients
  PetscReal   rho[4];                 // DIPPR eq. 105: rho_m = C1 / C2^(1 + (1 - T/C3)^C4), mol m^-3
  PetscReal   mu[3];                  // DIPPR eq. 101: mu = exp(C1 + C2/T + C3 ln T), Pa s
  PetscReal   pv[5];                  // DIPPR eq. 101: p = exp(C1 + C2/T + C3 ln T + C4 T^C5), Pa
  PetscReal   Tmin, Tmax;             // K: azote's range for this solvent
  PetscReal   abraham_c, abraham_l;   // Abraham gas-solvent partition: log10 K = c + l L (+ terms zero for N2, O2)
  PetscReal   mintz_c, mintz_l;       // Mintz solvation enthalpy: dH = c + l L, kJ mol^-1
  PetscReal   assoc;                  // Wilke-Chang association factor (-)
  PetscReal   v_inf[AZ_NGAS_SOLVED];  // partial molar volume of N2, O2 at infinite dilution, m^3 mol^-1
} AzSolventData;
PETSC_INTERN const AzSolventData *AzSolventGet(AzSolventId id);
// Vapour pressure (Pa), molar density (mol m^-3) and viscosity (Pa s) of one pure solvent at T (water: IAPWS).
PETSC_INTERN PetscErrorCode AzSolventPure(AzSolventId id, PetscReal T, PetscReal *p_vap, PetscReal *rho_m, PetscReal *mu);
// The vapour of the liquid as one pseudo-component for the virial EOS (Kay's rule over the vapour composition).
// Wilke & Chang (1955): D of N2 or O2 (m^2 s^-1) in a solvent of association factor x molar mass phiM (g/mol) and
// viscosity mu (Pa s) at T.
PETSC_INTERN PetscReal      AzWilkeChang(AzGas gas, PetscReal phiM, PetscReal T, PetscReal mu);
PETSC_INTERN PetscErrorCode AzSolventVapor(PetscReal T, const AzSolvent *solvent, PetscReal a_w, AzSpeciesData *vapor);

// Fugacity coefficients of every component of a gas mixture from the virial equation of state (fugacity.c); y has
// AZ_NGAS + 1 entries (water vapour last) and sums to 1. When dy is given, dlnphi[i] = sum_j d ln(phi_i)/d y_j dy_j
// (composition derivative along dy at fixed T and P, y not renormalised).
// Second (m^3 mol^-1) and third (m^6 mol^-2) virial coefficients of one species at T (Tsonopoulos, Orbey-Vera).
// vapor: the condensable last component (NULL: water, AzSpecies[AZ_NGAS]).
PETSC_INTERN PetscErrorCode AzVirialPure(PetscInt species, PetscReal T, PetscReal *B, PetscReal *C);
PETSC_INTERN PetscErrorCode AzVirialFugacity(PetscReal T, PetscReal P, const PetscReal y[], const PetscReal dy[],
                                             const AzSpeciesData *vapor, PetscReal phi[], PetscReal dlnphi[]);
