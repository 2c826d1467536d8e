// azote — uncertainty studies (DESIGN §7, §8): the uncertain inputs of a case, the property-law factors they can act
// on, and the keys of the experiment planner.
//
// A case's `uncertainty:` block gives inputs a relative standard deviation and a distribution,
//   uncertainty: { flowcell_flow_rate: { sigma: 0.02, distribution: normal } }   (-uncertainty_flowcell_flow_rate_sigma 0.02)
// and `uq_samples N` runs N quasi-random samples of them on the sweep engine (solver/uq.c); the statistics (mean, sigma,
// percentiles, Sobol indices) come from postproc/azuq.py with OpenTURNS. The property laws carry default
// uncertainties (docs/uq.md) through multiplicative factors on their values, the props_* keys read here and applied
// where the properties are evaluated.
#pragma once

#include <azote/options.h>
#include <azote/thermo.h>

// Multipliers on the property laws' values (all 1 by default). They exist so that an uncertainty study can vary a
// law as a whole; a single run can use them too (e.g. to ask what 10 % less diffusivity does).
typedef struct {
  PetscReal henry[AZ_NGAS_SOLVED];  // on the saturation concentration c_sat of N2, O2 (and dc_sat/dp) (-)
  PetscReal salting;                // on the Sechenov exponent sum (h_i + h_G) c_i (-)
  PetscReal diffusivity;            // on the diffusivity of the dissolved gases (-)
  PetscReal viscosity;              // on the electrolyte viscosity, which also divides D (Stokes-Einstein) (-)
  PetscReal conductivity;           // on the conductivity computed from the composition (-)
} AzPropertyFactors;

typedef enum { AZ_UQ_NORMAL, AZ_UQ_LOGNORMAL, AZ_UQ_UNIFORM } AzUQDistribution;
PETSC_EXTERN const char *const AzUQDistributions[];  // "normal", "lognormal", "uniform", NULL

#define AZ_UQ_MAX_INPUTS 16

// One uncertain input: a real-valued case key, its value in the case (the distribution's mean), its relative standard
// deviation and its distribution. Uniform: mean +- sqrt(3) sigma |mean|; lognormal: that mean and standard deviation.
typedef struct {
  char             key[64];
  PetscReal        nominal;  // the key's value in the case, in its unit
  PetscReal        sigma;    // relative standard deviation (-); 0 removes a default
  AzUQDistribution dist;
  char             source[200];  // "user", or where a default comes from
} AzUQInput;

typedef struct {
  PetscInt  samples;   // 0: no uncertainty study
  PetscInt  seed;      // of the design's randomisation
  PetscInt  design;    // 0 sobol (randomly shifted Sobol sequence), 1 lhs (Latin hypercube)
  PetscBool defaults;  // the property laws' default uncertainties
  PetscInt  ninput;    // the user's inputs (the uncertainty: block); the defaults are added by AzUQResolveInputs
  AzUQInput input[AZ_UQ_MAX_INPUTS];
} AzUQ;

PETSC_EXTERN const char *const AzUQDesigns[];  // "sobol", "lhs", NULL

// Reads the props_*, uq_*, uncertainty_* and plan_* keys (inside AzCaseCreate, after the template's keys: an
// uncertainty may name any real-valued key of the case). One-line errors name the key.
PETSC_EXTERN PetscErrorCode AzUQReadKeys(MPI_Comm comm, AzPropertyFactors *props, AzUQ *uq);
// The keys of AzUQReadKeys with their defaults, for the reference table.
PETSC_EXTERN PetscErrorCode AzUQRegisterKeys(MPI_Comm comm);
// Applies the factors to the properties at the operating point: c_sat and dc_sat/dp of each gas, the salting factor,
// D, the viscosity. Pure function of numbers.
PETSC_EXTERN PetscErrorCode AzPropertyFactorsApply(const AzPropertyFactors *f, AzSolubility *s);
