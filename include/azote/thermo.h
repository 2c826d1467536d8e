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

// Property warnings: a law used outside the range it was validated on (extrapolated, with the range named), a datum
// that is an estimate rather than a measurement, or a neglected effect. Every function that takes an AzPropWarnings *
// appends one line per condition (a repeated line is kept once); given NULL instead, the same condition is refused as
// bad input with that line, so no caller gets an extrapolation it did not ask to hear about. azote prints each line
// once ("azote: warning: ...") and writes them to summary.json (properties.property_warnings); azote-props writes
// them to its JSON ("property_warnings").
#define AZ_MAX_PROP_WARNINGS 16
#define AZ_PROP_WARNING_LEN  320
typedef struct {
  PetscInt n;
  char     text[AZ_MAX_PROP_WARNINGS][AZ_PROP_WARNING_LEN];
} AzPropWarnings;
PETSC_EXTERN PetscErrorCode AzPropWarningsAdd(AzPropWarnings *w, const char fmt[], ...) PETSC_ATTRIBUTE_FORMAT(2, 3);

// Solvent (docs/thermo.md §7): "water" (default), "methanol", "ethanol", "acetonitrile", "thf", or a mixture
// "A:f,B:g" of them with f, g the VOLUME fractions of the pure liquids at 25 °C before mixing (summing to 1, e.g.
// "thf:0.99,ethanol:0.01" for THF with 1 vol% ethanol); mole fractions follow from the pure densities at 25 °C.
// Perfluorohexane and ionic liquids are refused by name (no evaluated N2/O2 solubility at hand; docs/thermo.md).
#define AZ_MAX_SOLVENTS 4
typedef enum {
  AZ_SOLVENT_WATER = 0,
  AZ_SOLVENT_METHANOL,
  AZ_SOLVENT_ETHANOL,
  AZ_SOLVENT_ACETONITRILE,
  AZ_SOLVENT_THF,
  AZ_NSOLVENT
} AzSolventId;
PETSC_EXTERN const char *const AzSolventNames[];  // "water", "methanol", "ethanol", "acetonitrile", "thf", NULL
typedef struct {
  PetscInt    n;                     // components
  AzSolventId id[AZ_MAX_SOLVENTS];   // which
  PetscReal   vol[AZ_MAX_SOLVENTS];  // volume fractions as given (-)
  PetscReal   x[AZ_MAX_SOLVENTS];    // mole fractions (-)
  char        spec[256];             // normalised text
} AzSolvent;
PETSC_EXTERN PetscErrorCode AzSolventParse(const char spec[], AzSolvent *solvent);
// Pure water (the default): true for "water" alone.
PETSC_EXTERN PetscBool AzSolventIsWater(const AzSolvent *solvent);
// The liquid at T: vapour pressure (over the solution: Raoult's law over the mixture, water's scaled by its activity
// in the electrolyte), density, viscosity and molar density of the solvent. el may be NULL.
typedef struct {
  PetscReal p_vap;            // vapour pressure of the liquid, Pa (all volatile components)
  PetscReal density;          // solution density (solvent and salts), kg m^-3
  PetscReal viscosity;        // solution viscosity, Pa s
  PetscReal molar_density;    // solvent molecules per volume of liquid (c = x rho_m for a dilute gas), mol m^-3
  PetscReal water_activity;   // a_w of the aqueous electrolyte (1 without salt or without water)
  PetscReal mean_molar_mass;  // of the solvent, kg mol^-1
} AzLiquidProps;

// Electrolyte, e.g. "none", "KOH:1.0", "Na2SO4:0.5", "PBS:0.1", "KCl:0.1,KOH:0.01" (salt:mol L^-1), "seawater:35"
// (the reference composition of Millero et al. 2008 at practical salinity 35, as salts in mol L^-1 at 25 °C).
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
// Ionic conductivity of the electrolyte at T, S m^-1 (solver/thermo/conductivity.c says how): fitted correlations per
// salt (McKee 2009 for KCl, Gilliam et al. 2007 for KOH, McCleskey 2011 for the others), mixed at the solution's
// ionic strength. solvent NULL is water. AzElectrolyteConductivity is the strict form (warnings refused).
PETSC_EXTERN PetscErrorCode AzConductivityCompute(const AzElectrolyte *el, const AzSolvent *solvent, PetscReal T, PetscReal *kappa,
                                                  AzPropWarnings *w);
PETSC_EXTERN PetscErrorCode AzElectrolyteConductivity(const AzElectrolyte *el, PetscReal T, PetscReal *kappa);
// Density of the aqueous electrolyte at T (Laliberté & Cooper 2004, 2009 parameters), kg m^-3, and the mass of water
// per litre of solution (kg L^-1, to turn mol/L into mol/kg). A salt without density parameters is counted at the
// density of water (one warning).
PETSC_EXTERN PetscErrorCode AzElectrolyteDensity(PetscReal T, const AzElectrolyte *el, PetscReal *rho, PetscReal *water_kg_per_L,
                                                 AzPropWarnings *w);
// Density of seawater of practical salinity S at t °C and 1 atm (UNESCO EOS-80 one-atmosphere equation), kg m^-3.
PETSC_EXTERN PetscReal AzSeawaterDensity(PetscReal S, PetscReal t);
// Activity of water in the aqueous electrolyte at T (Balej 1985 for KOH and NaOH; ideal, phi = 1, otherwise).
PETSC_EXTERN PetscErrorCode AzWaterActivity(PetscReal T, const AzElectrolyte *el, PetscReal *a_w, AzPropWarnings *w);
// Ionic strength I = 1/2 sum c_i z_i^2, mol L^-1.
PETSC_EXTERN PetscErrorCode AzElectrolyteIonicStrength(const AzElectrolyte *el, PetscReal *ionic_strength);
// The charge the cations and the anions of el carry per volume, mol (of elementary charges) L^-1 each.
PETSC_EXTERN PetscErrorCode AzElectrolyteEquivalents(const AzElectrolyte *el, PetscReal *cations, PetscReal *anions);
// Dynamic viscosity of the electrolyte at T (Laliberté 2007 mixing rule, Laliberté 2009 parameters), Pa s.
// *corrected is PETSC_FALSE, and *mu the pure-water viscosity mu_w, when a salt has no viscosity parameters or its mass
// fraction lies beyond the fitted one; T outside the fitted range of a salt is extrapolated in Laliberté's temperature
// form (*corrected true). reason[] says which; AzElectrolyteViscosityW also files it as a warning.
PETSC_EXTERN PetscErrorCode AzElectrolyteViscosity(PetscReal T, const AzElectrolyte *el, PetscReal *mu, PetscBool *corrected, char reason[],
                                                   size_t len);
PETSC_EXTERN PetscErrorCode AzElectrolyteViscosityW(PetscReal T, const AzElectrolyte *el, PetscReal *mu, PetscBool *corrected,
                                                    AzPropWarnings *w);

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
PETSC_EXTERN PetscErrorCode AzSaltingOutW(AzGas gas, PetscReal T, const AzElectrolyte *el, PetscReal *log10_ratio, AzPropWarnings *w);

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
  PetscReal       T, P;                 // K, Pa (total)
  AzWaterProps    water;                // pure water at T, P (whatever the solvent)
  AzLiquidProps   liquid;               // the electrolyte solution in its solvent at T
  AzGasSolubility gas[AZ_NGAS_SOLVED];  // N2, O2
  PetscReal       ionic_strength;       // mol L^-1
  PetscReal       viscosity;            // solution viscosity used for D, Pa s (= liquid.viscosity)
  PetscBool       viscosity_corrected;  // whether viscosity includes the salts (see AzElectrolyteViscosity)
  char            solvent[256];         // the solvent's normalised text
  AzPropWarnings  warnings;             // extrapolations, estimates and neglected effects (see AzPropWarnings)
} AzSolubility;

// c* = x rho_w/M_w, x = phi p_i Poynting / k_H(T) times the salting factor (DESIGN §2), in water.
PETSC_EXTERN PetscErrorCode AzSolubilityCompute(PetscReal T, PetscReal P, const AzGasMix *mix, const AzElectrolyte *el, AzSolubility *s);
// The same in a solvent (NULL: water): x = phi p_i Poynting / k_H,mix(T), c* = x rho_m (docs/thermo.md §7).
PETSC_EXTERN PetscErrorCode AzSolubilityComputeSolvent(PetscReal T, PetscReal P, const AzGasMix *mix, const AzSolvent *solvent,
                                                       const AzElectrolyte *el, AzSolubility *s);
// Henry's constant (Pa, x = f/k_H) of N2 or O2 in one pure solvent at T: IAPWS G7-04 in water, the Abraham model
// (Chung et al. 2022 coefficients) with the Mintz enthalpy in the organic solvents. Estimates file a warning.
PETSC_EXTERN PetscErrorCode AzSolventHenryConstant(AzGas gas, AzSolventId id, PetscReal T, PetscReal *kH, AzPropWarnings *w);
// The liquid's properties (see AzLiquidProps) at T; el may be NULL.
PETSC_EXTERN PetscErrorCode AzLiquidProperties(PetscReal T, const AzSolvent *solvent, const AzElectrolyte *el, AzLiquidProps *liq,
                                               PetscBool *viscosity_corrected, AzPropWarnings *w);

// Diffusivity of a dissolved gas in the electrolyte at T, m^2 s^-1: the 25 °C reference scaled by the temperature law
// of Han & Bartels (1996) for O2 in water and, at fixed T, by mu_w/mu (Stokes-Einstein) for the salts.
PETSC_EXTERN PetscErrorCode AzLiquidDiffusivity(AzGas gas, PetscReal T, const AzElectrolyte *el, PetscReal *D);
// The same in a solvent (NULL: water); organic solvents by Wilke & Chang (1955), mixtures with water by Perkins &
// Geankoplis (1969).
PETSC_EXTERN PetscErrorCode AzLiquidDiffusivitySolvent(AzGas gas, PetscReal T, const AzSolvent *solvent, const AzElectrolyte *el,
                                                       const AzLiquidProps *liq, PetscReal *D, AzPropWarnings *w);
// Binary diffusivity of gases a and b (either may be AZ_GAS_WATER_VAPOR) at T and P, Fuller-Schettler-Giddings
// (1966), m^2 s^-1.
PETSC_EXTERN PetscErrorCode AzGasDiffusivity(AzGas a, AzGas b, PetscReal T, PetscReal P, PetscReal *D);
// Binary diffusivity of gas a and the vapour of the liquid (water: AzGasDiffusivity with AZ_GAS_WATER_VAPOR), m^2 s^-1.
PETSC_EXTERN PetscErrorCode AzGasDiffusivitySolventVapor(AzGas a, const AzSolvent *solvent, PetscReal T, PetscReal P, PetscReal *D);
