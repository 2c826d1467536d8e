// azote — gas solubility, water and transport properties (DESIGN §2, "Dissolution").
//
// The single place where a cell template gets c*, D and water properties. Pure functions of numbers: no PETSc
// objects, no options database. Every function states its validity range and returns PETSC_ERR_USER_INPUT with a
// message naming the quantity, the value and the range when asked outside it (never a silent extrapolation).
// SI units throughout: K, Pa, mol m^-3, m^2 s^-1, kg m^-3, Pa s. Electrolyte concentrations are in mol L^-1.
#pragma once

#include <azote/sys.h>

// Dissolved gases azote can solve for, and the inert balance gases a feed may contain.
typedef enum { AZ_GAS_N2 = 0, AZ_GAS_O2, AZ_GAS_AR, AZ_GAS_HE, AZ_GAS_CO2, AZ_GAS_H2, AZ_NGAS } AzGas;
#define AZ_NGAS_SOLVED 2  // N2 and O2 are the species the transport solver knows (AzGas values 0, 1)
// Water vapour, for the gas-phase functions only (AzGasDiffusivity, AzFugacityCoefficients): not a feed gas.
#define AZ_GAS_WATER_VAPOR ((AzGas)AZ_NGAS)

PETSC_EXTERN const char *const AzGasNames[];  // "N2", "O2", "Ar", "He", "CO2", "H2"

// Dry-basis feed composition, e.g. "N2:1" or "N2:0.78084,O2:0.209476,Ar:0.00934". Fractions in [0,1] summing to at
// most 1 (+1e-6). A sum below 1 leaves an unspecified inert balance gas, as in DESIGN §4's example
// "N2:0.78084,O2:0.209476" (air without its Ar and CO2): the partial pressures are y_i (P - p_vap) all the same, and
// the balance counts as Ar in the equation of state. A sum above 1, a negative fraction or no gas at all is an error.
typedef struct {
  PetscReal y[AZ_NGAS];  // dry-basis mole fractions (-)
} AzGasMix;
PETSC_EXTERN PetscErrorCode AzGasMixParse(const char spec[], AzGasMix *mix);

// Electrolyte, e.g. "none", "KOH:1.0", "Na2SO4:0.5", "PBS:0.1", "KCl:0.1,KOH:0.01" (salt:mol L^-1).
// Parsed into ion concentrations for the Sechenov (Weisenberger–Schumpe) salting-out sum, and into salts for the
// solution viscosity (Laliberté). Salts are fully dissociated; docs/thermo.md lists the salts and ions.
#define AZ_MAX_IONS  16
#define AZ_MAX_SALTS 8
typedef struct {
  PetscInt  nion;
  PetscInt  ion[AZ_MAX_IONS];  // index into the ion table of solver/thermo (see AzIonName)
  PetscReal c[AZ_MAX_IONS];    // ion concentration, mol L^-1
  char      spec[256];         // the string it was parsed from, normalised
  PetscInt  nsalt;
  PetscInt  salt[AZ_MAX_SALTS];    // index into the salt table (see AzSaltName)
  PetscReal c_salt[AZ_MAX_SALTS];  // salt concentration, mol L^-1
} AzElectrolyte;
PETSC_EXTERN PetscErrorCode AzElectrolyteParse(const char spec[], AzElectrolyte *el);
PETSC_EXTERN const char    *AzIonName(PetscInt ion);
PETSC_EXTERN const char    *AzSaltName(PetscInt salt);
// Ionic conductivity of the electrolyte at T, S m^-1 (solver/thermo/conductivity.c says how).
PETSC_EXTERN PetscErrorCode AzElectrolyteConductivity(const AzElectrolyte *el, PetscReal T, PetscReal *kappa);
// Ionic strength I = 1/2 sum c_i z_i^2, mol L^-1.
PETSC_EXTERN PetscErrorCode AzElectrolyteIonicStrength(const AzElectrolyte *el, PetscReal *ionic_strength);
// Dynamic viscosity of the electrolyte at T (Laliberté 2007 mixing rule, Laliberté 2009 parameters), Pa s.
// *corrected is PETSC_FALSE, and *mu the pure-water viscosity mu_w, when a salt has no viscosity parameters or T or
// its mass fraction lies outside the range those parameters were fitted to (never extrapolated); reason[] says why.
PETSC_EXTERN PetscErrorCode AzElectrolyteViscosity(PetscReal T, const AzElectrolyte *el, PetscReal *mu, PetscBool *corrected, char reason[],
                                                   size_t len);

// Liquid water at temperature T and pressure P.
typedef struct {
  PetscReal p_vap;      // saturation vapour pressure, Pa
  PetscReal density;    // kg m^-3
  PetscReal viscosity;  // Pa s
} AzWaterProps;
PETSC_EXTERN PetscErrorCode AzWaterVaporPressure(PetscReal T, PetscReal *p_vap);
// Saturated-liquid density (on the saturation line), kg m^-3.
PETSC_EXTERN PetscErrorCode AzWaterDensity(PetscReal T, PetscReal *rho);
// Liquid density at T and P >= p_vap(T): saturated density compressed with Kell's isothermal compressibility, kg m^-3.
PETSC_EXTERN PetscErrorCode AzWaterDensityCompressed(PetscReal T, PetscReal P, PetscReal *rho);
PETSC_EXTERN PetscErrorCode AzWaterViscosity(PetscReal T, PetscReal rho, PetscReal *mu);
PETSC_EXTERN PetscErrorCode AzWaterProperties(PetscReal T, PetscReal P, AzWaterProps *w);

// Henry's constant k_H (Pa, mole-fraction basis: x = f / k_H) of a gas in pure water at T on the saturation line.
PETSC_EXTERN PetscErrorCode AzHenryConstant(AzGas gas, PetscReal T, PetscReal *kH);

// Fugacity coefficients phi_i (-) of the feed gases in the water-saturated gas at T and total pressure P: the dry
// composition mix diluted by water vapour at its vapour pressure; virial equation of state (Tsonopoulos B, Orbey-Vera
// C). A dry balance (fractions summing to less than 1) counts as Ar. phi[] has AZ_NGAS entries.
PETSC_EXTERN PetscErrorCode AzFugacityCoefficients(PetscReal T, PetscReal P, const AzGasMix *mix, PetscReal phi[]);
// Krichevsky-Kasarnovsky pressure factor exp(-v_inf (P - p_vap)/(R T)) (-), <= 1: it lowers the solubility.
PETSC_EXTERN PetscErrorCode AzPoyntingFactor(AzGas gas, PetscReal T, PetscReal P, PetscReal *poynting);
// Sechenov salting-out log10(c0/c) (-) of a gas in the electrolyte at T, Weisenberger & Schumpe (1996).
PETSC_EXTERN PetscErrorCode AzSaltingOut(AzGas gas, PetscReal T, const AzElectrolyte *el, PetscReal *log10_ratio);

// Everything about one dissolved gas at (T, P) in an electrolyte: the record azote-props prints.
typedef struct {
  PetscReal y_dry;           // dry-basis mole fraction (-)
  PetscReal p_partial;       // y_dry (P - p_vap), Pa
  PetscReal fugacity;        // phi * p_partial, Pa
  PetscReal kH;              // Henry's constant, Pa
  PetscReal salting_factor;  // c / c(pure water) at the same T and p_partial (-)
  PetscReal c_sat;           // saturation concentration, mol m^-3
  PetscReal dc_sat_dp;       // d c_sat / d p_partial at fixed T and P, mol m^-3 Pa^-1 (for Jacobians); the other dry
                             // gases keep their relative proportions, so phi's composition dependence is included
  PetscReal D;               // diffusivity in the liquid, m^2 s^-1
  PetscReal phi;             // gas-phase fugacity coefficient (-)
  PetscReal poynting;        // Krichevsky-Kasarnovsky factor exp(-v_inf (P - p_vap)/RT) (-)
} AzGasSolubility;

typedef struct {
  PetscReal       T, P;  // K, Pa (total)
  AzWaterProps    water;
  AzGasSolubility gas[AZ_NGAS_SOLVED];  // N2, O2
  PetscReal       ionic_strength;       // mol L^-1
  PetscReal       viscosity;            // electrolyte viscosity used for D, Pa s
  PetscBool       viscosity_corrected;  // whether viscosity includes the salts (see AzElectrolyteViscosity)
} AzSolubility;

// c* = x rho_w/M_w, x = phi p_i Poynting / k_H(T) times the salting factor (DESIGN §2).
PETSC_EXTERN PetscErrorCode AzSolubilityCompute(PetscReal T, PetscReal P, const AzGasMix *mix, const AzElectrolyte *el, AzSolubility *s);

// Diffusivity of a dissolved gas in the electrolyte at T (Stokes–Einstein from the 25 °C reference), m^2 s^-1.
PETSC_EXTERN PetscErrorCode AzLiquidDiffusivity(AzGas gas, PetscReal T, const AzElectrolyte *el, PetscReal *D);
// Binary diffusivity of gases a and b (either may be AZ_GAS_WATER_VAPOR) at T and P, Fuller-Schettler-Giddings
// (1966), m^2 s^-1.
PETSC_EXTERN PetscErrorCode AzGasDiffusivity(AzGas a, AzGas b, PetscReal T, PetscReal P, PetscReal *D);
