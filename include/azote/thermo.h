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

PETSC_EXTERN const char *const AzGasNames[];  // "N2", "O2", "Ar", "He", "CO2", "H2"

// Dry-basis feed composition, e.g. "N2:1" or "N2:0.78084,O2:0.209476,Ar:0.00934". Fractions in [0,1] summing to 1
// within 1e-6; a composition summing to less than 1 is rejected (name the balance gas).
typedef struct {
  PetscReal y[AZ_NGAS];  // dry-basis mole fractions (-)
} AzGasMix;
PETSC_EXTERN PetscErrorCode AzGasMixParse(const char spec[], AzGasMix *mix);

// Electrolyte, e.g. "none", "KOH:1.0", "Na2SO4:0.5", "PBS:0.1", "KCl:0.1,KOH:0.01" (salt:mol L^-1).
// Parsed into ion concentrations for the Sechenov (Weisenberger–Schumpe) salting-out sum.
#define AZ_MAX_IONS 16
typedef struct {
  PetscInt  nion;
  PetscInt  ion[AZ_MAX_IONS];  // index into the ion table of solver/thermo (see AzIonName)
  PetscReal c[AZ_MAX_IONS];    // ion concentration, mol L^-1
  char      spec[256];         // the string it was parsed from, normalised
} AzElectrolyte;
PETSC_EXTERN PetscErrorCode AzElectrolyteParse(const char spec[], AzElectrolyte *el);
PETSC_EXTERN const char    *AzIonName(PetscInt ion);

// Liquid water at temperature T and pressure P.
typedef struct {
  PetscReal p_vap;      // saturation vapour pressure, Pa
  PetscReal density;    // kg m^-3
  PetscReal viscosity;  // Pa s
} AzWaterProps;
PETSC_EXTERN PetscErrorCode AzWaterVaporPressure(PetscReal T, PetscReal *p_vap);
PETSC_EXTERN PetscErrorCode AzWaterDensity(PetscReal T, PetscReal *rho);
PETSC_EXTERN PetscErrorCode AzWaterViscosity(PetscReal T, PetscReal rho, PetscReal *mu);
PETSC_EXTERN PetscErrorCode AzWaterProperties(PetscReal T, PetscReal P, AzWaterProps *w);

// Henry's constant k_H (Pa, mole-fraction basis: x = f / k_H) of a gas in pure water at T on the saturation line.
PETSC_EXTERN PetscErrorCode AzHenryConstant(AzGas gas, PetscReal T, PetscReal *kH);

// Everything about one dissolved gas at (T, P) in an electrolyte: the record azote-props prints.
typedef struct {
  PetscReal y_dry;           // dry-basis mole fraction (-)
  PetscReal p_partial;       // y_dry (P - p_vap), Pa
  PetscReal fugacity;        // phi * p_partial, Pa
  PetscReal kH;              // Henry's constant, Pa
  PetscReal salting_factor;  // c / c(pure water) at the same T and p_partial (-)
  PetscReal c_sat;           // saturation concentration, mol m^-3
  PetscReal dc_sat_dp;       // d c_sat / d p_partial at fixed T and P, mol m^-3 Pa^-1 (for Jacobians)
  PetscReal D;               // diffusivity in the liquid, m^2 s^-1
} AzGasSolubility;

typedef struct {
  PetscReal       T, P;  // K, Pa (total)
  AzWaterProps    water;
  AzGasSolubility gas[AZ_NGAS_SOLVED];  // N2, O2
} AzSolubility;

// c* = x rho_w/M_w, x = phi p_i Poynting / k_H(T) times the salting factor (DESIGN §2).
PETSC_EXTERN PetscErrorCode AzSolubilityCompute(PetscReal T, PetscReal P, const AzGasMix *mix, const AzElectrolyte *el,
                                                AzSolubility *s);

// Diffusivity of a dissolved gas in the electrolyte at T (Stokes–Einstein from the 25 °C reference), m^2 s^-1.
PETSC_EXTERN PetscErrorCode AzLiquidDiffusivity(AzGas gas, PetscReal T, const AzElectrolyte *el, PetscReal *D);
