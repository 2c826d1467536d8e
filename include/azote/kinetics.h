// azote — electrode kinetics (DESIGN §2, "Electrode kinetics").
//
// Butler–Volmer per reaction k, current density positive cathodic:
//   i_k = i0_k [ (c_s/c_ref)^gamma_k exp(-alpha_c,k F eta_k / RT) - r_k exp(alpha_a,k F eta_k / RT) ],
//   eta_k = E - phi_l - E_eq,k,
// with r_k = 1 for a reversible reaction (anodic branch, alpha_a = 1 - alpha_c) and 0 for an irreversible one.
// Bard & Faulkner, Electrochemical Methods, 2nd ed. (2001), eq. 3.4.10.
// Pointwise functions of numbers: no Vec, no options; each returns its derivative for the Jacobian.
#pragma once

#include <azote/sys.h>

#define AZ_FARADAY      96485.33212  // C mol^-1 (CODATA 2018, exact by SI 2019 definition of e and N_A)
#define AZ_GAS_CONSTANT 8.314462618  // J mol^-1 K^-1 (CODATA 2018)
#define AZ_M_NH3        17.03052e-3  // kg mol^-1
#define AZ_M_NO3        62.0049e-3   // kg mol^-1

typedef enum { AZ_ELECTRODE_POTENTIOSTATIC, AZ_ELECTRODE_GALVANOSTATIC, AZ_ELECTRODE_LIMITING, AZ_ELECTRODE_OFF } AzElectrodeMode;
PETSC_EXTERN const char *const AzElectrodeModes[];  // "potentiostatic", "galvanostatic", "limiting", "off", NULL

typedef struct {
  PetscReal i0;           // exchange current density at c_ref, A m^-2
  PetscReal alpha_c;      // cathodic transfer coefficient (-)
  PetscReal alpha_a;      // anodic transfer coefficient (-), used when reversible
  PetscReal order;        // reaction order in the dissolved reactant (-); 0: no concentration dependence
  PetscReal c_ref;        // reference concentration of i0, mol m^-3
  PetscReal e_eq;         // equilibrium potential, V vs RHE
  PetscReal n_electrons;  // electrons per reactant molecule (N2RR: 6)
  PetscBool reversible;   // include the anodic branch
  PetscBool anodic;       // an oxidation: i = -i0 (c/c_ref)^order exp(alpha_a F eta / RT), irreversible
} AzReaction;

// Current density (A m^-2, cathodic positive) of reaction r at surface concentration c (mol m^-3) and
// electrode-minus-solution potential E - phi_l (V vs RHE) at temperature T (K), and di/dc.
// Concentrations below zero (Newton trial states) count as zero.
PETSC_EXTERN void AzReactionCurrent(const AzReaction *r, PetscReal c, PetscReal e_minus_phi, PetscReal T, PetscReal *i, PetscReal *di_dc);
// The same with di/d(E - phi_l) (A m^-2 V^-1; negative: a more negative potential drives more cathodic current).
PETSC_EXTERN void AzReactionCurrentE(const AzReaction *r, PetscReal c, PetscReal e_minus_phi, PetscReal T, PetscReal *i, PetscReal *di_dc,
                                     PetscReal *di_de);

// The working electrode: a main reaction that consumes the dissolved reactant, competing with a side reaction that
// does not (DESIGN §2, seed review Table 4):
//   n2rr  cathode: N2 + 6H+ + 6e- -> 2NH3 with HER      (reactant N2, product NH3)
//   n2or  anode:   N2 + 6H2O -> 2NO3- + 12H+ + 10e- with OER   (reactant N2, product NO3-)
//   orr   cathode: O2 + 4H+ + 4e- -> 2H2O with HER      (reactant O2)
typedef enum { AZ_REACTION_N2RR, AZ_REACTION_N2OR, AZ_REACTION_ORR } AzElectrodeReaction;
PETSC_EXTERN const char *const AzElectrodeReactions[];  // "n2rr", "n2or", "orr", NULL

typedef struct {
  AzElectrodeMode     mode;
  AzElectrodeReaction kind;
  PetscReal           potential;  // E, V vs RHE (potentiostatic)
  PetscReal           current;    // total current density, A m^-2 (galvanostatic; cathodic positive, anodic negative)
  AzReaction          n2rr, her, n2or, oer, orr;
  PetscInt            species;  // index of its reactant among the problem's species (the working electrode's: 0)
} AzElectrode;

// The main and side reactions of the electrode's kind, and the sign nu of the main current per reactant consumed
// (consumption = nu i_main / (n F) >= 0: +1 for a reduction, -1 for an oxidation).
static inline const AzReaction *AzElectrodeMain(const AzElectrode *e)
{
  return e->kind == AZ_REACTION_N2OR ? &e->n2or : e->kind == AZ_REACTION_ORR ? &e->orr : &e->n2rr;
}
static inline const AzReaction *AzElectrodeSide(const AzElectrode *e)
{
  return e->kind == AZ_REACTION_N2OR ? &e->oer : &e->her;
}
static inline PetscReal AzElectrodeSign(const AzElectrode *e)
{
  return AzElectrodeMain(e)->anodic ? -1.0 : 1.0;
}

// State of one electrode face. Between the adjacent cell centre and the surface, at distance d, the face carries the
// dissolved reactant by diffusion (transmissibility g = D/d, m s^-1) and, where the electrolyte potential is solved,
// the ionic current by conduction (g_phi = kappa/d, S m^-2):
//   g (c_P - c_s) = nu i_main(c_s, E - phi_s) / (n F),    g_phi (phi_P - phi_s) = i_main + i_side,
// solved locally for the surface concentration c_s and the surface electrolyte potential phi_s (with g_phi = 0 the
// electrolyte potential is not solved: phi_s = phi_P = 0 and only the first balance holds). The derivatives of the
// face's N2 flux and current with respect to c_P and phi_P follow from the implicit function theorem.
typedef struct {
  PetscReal c_s;         // surface concentration, mol m^-3
  PetscReal phi_s;       // electrolyte potential at the surface, V (0 when not solved)
  PetscReal flux;        // reactant consumed, mol m^-2 s^-1
  PetscReal current;     // total current density into the electrode, A m^-2 (cathodic positive)
  PetscReal dflux_dc;    // d flux / d c_P, m s^-1
  PetscReal dflux_dphi;  // d flux / d phi_P, mol m^-2 s^-1 V^-1
  PetscReal dcur_dc;     // d current / d c_P, A m mol^-1
  PetscReal dcur_dphi;   // d current / d phi_P, S m^-2
  PetscReal i_main;      // the main reaction's current density (N2RR, N2OR or ORR), A m^-2, cathodic positive
  PetscReal i_side;      // the competing reaction's (HER or OER), A m^-2, cathodic positive
} AzElectrodeFace;

PETSC_EXTERN PetscErrorCode AzElectrodeFaceSolve(const AzElectrode *e, PetscReal c_P, PetscReal g, PetscReal phi_P, PetscReal g_phi,
                                                 PetscReal T, AzElectrodeFace *f);

// The main reaction's kinetic current (A m^-2, positive) at reactant concentration c without transport limitation:
// the numerator of the Damkohler number.
PETSC_EXTERN PetscReal AzElectrodeKinetic(const AzElectrode *e, PetscReal c, PetscReal T);
