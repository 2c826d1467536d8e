// azote — electrodes: the reactions that run on them (rows of the reaction table, include/azote/reactions.h), how
// they are driven, and the local balances of an electrode face (DESIGN §2, "Electrode kinetics").
// Pointwise functions of numbers: no Vec, no options; each returns its derivatives for the Jacobian.
#pragma once

#include <azote/reactions.h>
#include <azote/thermo.h>

#define AZ_M_NH3                   17.03052e-3  // kg mol^-1
#define AZ_M_NO3                   62.0049e-3   // kg mol^-1
#define AZ_MAX_ELECTRODE_REACTIONS 4
#define AZ_MAX_FACE_VARS           4

typedef enum { AZ_ELECTRODE_POTENTIOSTATIC, AZ_ELECTRODE_GALVANOSTATIC, AZ_ELECTRODE_LIMITING, AZ_ELECTRODE_OFF } AzElectrodeMode;
PETSC_EXTERN const char *const AzElectrodeModes[];  // "potentiostatic", "galvanostatic", "limiting", "off", NULL

// An electrode: its main reaction (reaction[0], whose reactant the transport problem carries: dissolved N2 or O2)
// and the reactions competing with it on the same surface (HER beside N2RR, OER beside N2OR, ...).
typedef struct {
  AzElectrodeMode mode;
  PetscReal       potential;  // E, V vs RHE (potentiostatic)
  PetscReal       current;    // total current density, A m^-2 (galvanostatic; cathodic positive, anodic negative)
  PetscInt        nreaction;
  AzReaction      reaction[AZ_MAX_ELECTRODE_REACTIONS];
  PetscInt        species;  // index of the main reaction's reactant among the problem's unknowns (-1: none)
} AzElectrode;

// The main reaction, and the sign of its fitted branch: +1 for a reduction (a cathode), -1 for an oxidation (an anode).
static inline const AzReaction *AzElectrodeMain(const AzElectrode *e)
{
  return &e->reaction[0];
}
static inline PetscReal AzElectrodeSign(const AzElectrode *e)
{
  return e->reaction[0].info && e->reaction[0].info->oxidation ? -1.0 : 1.0;
}
// The current of the main reaction per reactant consumed, A s mol^-1 (signed: s n F / |nu_reactant|).
PETSC_EXTERN PetscReal AzElectrodeChargePerReactant(const AzElectrode *e);

// Activities of every species of the table in a case: ln(a/c) of each (c in mol m^-3, its standard state) and ln a of
// its bulk value (a fed gas: its fugacity / 1 bar; otherwise its bulk_<key> value).
#define AZ_MAX_SPECIES_ROWS 32
typedef struct {
  PetscInt  n;
  PetscReal ln_per_conc[AZ_MAX_SPECIES_ROWS];
  PetscReal ln_bulk[AZ_MAX_SPECIES_ROWS];
} AzActivities;
// From the property library's state at (T, P) (sol; NULL: pure water at T and 1 bar, for tests) and the bulk values
// bulk[] (Pa for a gas, mol m^-3 for a solute, in table order; NULL: the trace defaults). A gas with a partial
// pressure in sol takes its fugacity.
PETSC_EXTERN PetscErrorCode AzActivitiesCompute(PetscReal T, const AzSolubility *sol, const PetscReal bulk[], AzActivities *act);

// Resolves reaction r in a problem whose unknowns are named names[0..n-1] ("c_<key>" for a species of the table):
// which of its species are solved, the activities of the others, E°(T), and the supply limit of its reverse branch
// across a film of thickness `film` (m; 0: none). Collective-free.
PETSC_EXTERN PetscErrorCode AzReactionSetUp(AzReaction *r, PetscReal T, const AzActivities *act, PetscReal film, PetscInt n,
                                            const char *const names[]);

// The main reaction's net current (A m^-2, in the electrode's own direction: positive) at reactant concentration c
// without transport limitation, the products absent: the numerator of the Damkohler number.
PETSC_EXTERN PetscReal AzElectrodeKinetic(const AzElectrode *e, PetscReal c, PetscReal T);

// State of one electrode face. Between the adjacent cell centre and the surface, at distance d, the face carries the
// main reaction's reactant by diffusion (transmissibility g = D/d, m s^-1) and, where the electrolyte potential is
// solved, the ionic current by conduction (g_phi = kappa/d, S m^-2):
//   g (c_P - c_s) = consumption(c_s, E - phi_s),    g_phi (phi_P - phi_s) = sum_k i_k(c_s, E - phi_s),
// solved locally for the surface concentration c_s and the surface electrolyte potential phi_s (with g_phi = 0 the
// electrolyte potential is not solved: phi_s = 0 and only the first balance holds). The other species of the
// reactions' Nernst potentials take the cell's values. The derivatives of the face's flux, current and partial
// currents with respect to the cell's unknowns follow from the implicit function theorem.
typedef struct {
  PetscReal c_s;         // surface concentration of the reactant, mol m^-3
  PetscReal phi_s;       // electrolyte potential at the surface, V (0 when not solved)
  PetscReal flux;        // reactant consumed, mol m^-2 s^-1
  PetscReal current;     // total current density into the electrode, A m^-2 (cathodic positive)
  PetscReal dflux_dc;    // d flux / d c_P (the reactant's cell value), m s^-1
  PetscReal dflux_dphi;  // d flux / d phi_P, mol m^-2 s^-1 V^-1
  PetscReal dcur_dc;     // d current / d c_P, A m mol^-1
  PetscReal dcur_dphi;   // d current / d phi_P, S m^-2
  PetscInt  nreaction;
  PetscReal i[AZ_MAX_ELECTRODE_REACTIONS];        // each reaction's current density, A m^-2, cathodic positive
  PetscReal di_dc[AZ_MAX_ELECTRODE_REACTIONS];    // its derivative in c_P
  PetscReal di_dphi[AZ_MAX_ELECTRODE_REACTIONS];  // and in phi_P
  // the cell's other unknowns that enter the reverse branches (products at the cell's value)
  PetscInt  nvar;
  PetscInt  var[AZ_MAX_FACE_VARS];
  PetscReal dflux_dvar[AZ_MAX_FACE_VARS], dcur_dvar[AZ_MAX_FACE_VARS];
  PetscReal di_dvar[AZ_MAX_ELECTRODE_REACTIONS][AZ_MAX_FACE_VARS];
} AzElectrodeFace;

// cell[]: the unknowns of the cell next to the face; s_phi: the electrolyte potential's index (-1: not solved).
PETSC_EXTERN PetscErrorCode AzElectrodeFaceSolve(const AzElectrode *e, const PetscReal cell[], PetscInt s_phi, PetscReal g, PetscReal g_phi,
                                                 PetscReal T, AzElectrodeFace *f);
// The same for a volume of electrode (a catalyst layer's cell): every reaction at the cell's own values (no surface
// film), per unit electrochemical area; flux is the reactant's consumption.
PETSC_EXTERN PetscErrorCode AzElectrodeVolumeState(const AzElectrode *e, const PetscReal cell[], PetscInt s_phi, PetscReal T,
                                                   AzElectrodeFace *f);
