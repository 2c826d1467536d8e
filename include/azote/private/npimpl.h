// azote — internals of the ionic (tertiary) transport: the problem's Nernst-Planck data (solver/nernstplanck.c, its
// electrodes solver/npelectrode.c, its metrics solver/npmetrics.c).
//
// Unknowns: every concentration species of the problem (the dissolved gases of the template, the ions and neutral
// solutes of the electrolyte) and the electrolyte potential phi_l; the ion that electroneutrality gives is no unknown:
//   c_e = -(sum_i z_i c_i + rho_fix) / z_e.
// Rows: each species' balance (net outflow minus bulk reactions minus electrode formation, mol s^-1); phi_l's row is
// the charge balance sum_i z_i (net outflow of i) over every ion, the eliminated one included (mol s^-1 of elementary
// charges): the bulk reactions conserve charge and drop out of it exactly, so together with the other balances it is
// the eliminated ion's own balance times z_e, and every species, that one included, is conserved by the discrete
// equations. Face fluxes: exponential fitting of drift-diffusion (Scharfetter & Gummel 1969) with the drift velocity
// of migration, w = u - z D_m f (phi_N - phi_P)/h, f = F/RT:
//   F = A (D/h) [B(-Pe) c_P - B(Pe) c_N],  Pe = w h / D,
// D the diffusive diffusivity (a stirred bulk's mixing included), D_m the molecular one of migration.
#pragma once

#include <azote/private/residualimpl.h>
#include <azote/ionic.h>
#include <azote/memory.h>

// A coarse start's Newton (solver/npsolve.c) stops at this multiple of the round-off floor of the balances: its
// solution is only the fine mesh's start, whose interpolation error is far larger.
#define AZ_NP_COARSE_FLOOR 1e6

typedef struct {
  PetscInt  n;
  PetscInt  s[AZ_MAX_STOICH];  // problem species (-1: the eliminated ion)
  PetscReal nu[AZ_MAX_STOICH];
  PetscReal kf, kb;  // mol, m^3, s
} AzNPReaction;

struct _n_AzNP {
  const AzIonic *ionic;                                    // the case's ionic system (bulk pH, activity coefficients)
  PetscReal      T;                                        // K
  PetscReal      z[AZ_MAX_SPECIES];                        // charge of each problem species (0: neutral, the potential)
  PetscBool      ion[AZ_MAX_SPECIES];                      // a species of the ionic system (held where its region is held)
  PetscReal      bulk[AZ_MAX_SPECIES];                     // bulk concentration, mol m^-3
  PetscInt       pos[AZ_MAX_SPECIES];                      // its position in the ionic list (-1: a species of the template)
  PetscReal      Dm[AZ_MAX_REGIONS][AZ_MAX_SPECIES];       // molecular diffusivity of migration per region, m^2 s^-1
  PetscReal      z_e, bulk_e;                              // the eliminated ion: charge, bulk concentration
  PetscReal      De[AZ_MAX_REGIONS], Dme[AZ_MAX_REGIONS];  // its diffusive and migration diffusivities (0 both: absent)
  PetscReal      rho_fix[AZ_MAX_REGIONS];                  // fixed charge of a region (an ion-exchange membrane), mol m^-3
  PetscBool      held[AZ_MAX_REGIONS];                     // ions held at their bulk values there (the bulk beyond a Nernst layer)
  PetscInt       hold_side[AZ_MAX_REGIONS];                // a held region's values: bulk[] (0, the default) or hold[side - 1]
  PetscReal      hold[2][AZ_MAX_SPECIES];                  // two compartments' bulk values (solver/npbulk.c), mol m^-3
  PetscInt       nr;
  AzNPReaction   r[AZ_MAX_IONIC_REACTIONS];
  PetscInt       s_h, s_oh;  // H+ and OH- among the problem's species
  // the electrodes (0: working, 1: a full cell's anode): each reaction's full stoichiometry over the problem's
  // species with the n H+ of the RHE scale made explicit, as H+ taken (a proton donor's branch, an oxidation: H+ given)
  // or as water taken and OH- given (a reduction by water); the ion that carries them and its coefficient in the
  // reaction's quotient relative to the bulk (-n for H+, +n for OH-)
  PetscReal      nu[2][AZ_MAX_ELECTRODE_REACTIONS][AZ_MAX_SPECIES];
  PetscInt       sx[2][AZ_MAX_ELECTRODE_REACTIONS];
  PetscReal      nx[2][AZ_MAX_ELECTRODE_REACTIONS];
  PetscReal      ln_h_bulk, ln_oh_bulk;  // ln of the bulk H+ and OH- concentrations (mol m^-3): the bulk RHE scale's reference
  PetscBool      logvars;                // inside a steady Newton solve: the ions' unknowns are ln c (AzNPLogBegin/End)
  PetscReal      fnorm_last;             // Newton's residual norm one iteration back (AzNPNewtonCheck)
  PetscBool      reuse;                  // Newton keeps the preconditioner of an earlier step (AzNPNewtonCheck)
  PetscBool      keep_pc;                // it may (not with the line preconditioner's coarse correction: solver/nplines.c)
  PetscBool      rtol_given;             // -ksp_rtol on the command line: no forcing term (AzNPNewtonCheck)
  PetscLogDouble t_newton;               // wall time at the start of the present Newton solve (AzNPNewtonCheck's progress lines)
  PetscBool      amg_refresh;            // the line preconditioner's next set-up makes a new AMG of the potential (AzNPNewtonCheck)
  PetscBool      unsolvable;             // the line preconditioner failed and a direct factorisation would not fit (AzNPNewtonCheck)
  PetscBool      coarse;                 // a coarse start's solve (AzIonicCoarseStart): Newton stops at AZ_NP_COARSE_FLOOR times
                                         // the round-off floor, without waiting for the residual to stop halving
  PetscBool        fuse;                 // Newton's residual evaluations assemble the Jacobian too (AzNPSNESDefaults)
  Vec              fused;                // the state of the last such evaluation (a reference), NULL when none is pending
  PetscObjectState fused_state;          // its state then
  Mat              fused_mat;            // the matrix it assembled
  PetscObjectState fused_mat_state;      // and that matrix's state then
};

// The eliminated ion's concentration in a cell (c: its unknowns) and its derivatives d c_e / d c_s (dce[s]).
static inline PetscReal AzNPEliminated(const AzNP *np, PetscInt dof, PetscInt region, const PetscReal c[], PetscReal dce[])
{
  PetscReal sum = np->rho_fix[region];
  for (PetscInt s = 0; s < dof; s++) {
    sum += np->z[s] * c[s];
    if (dce) dce[s] = -np->z[s] / np->z_e;
  }
  return -sum / np->z_e;
}

// Electrode state of a face or cell of a tertiary problem: per unknown t the formation rate (mol m^-2 s^-1 into the
// electrolyte) and its derivatives in the cell's unknowns; each reaction's current density; the main reactant's
// surface concentration.
typedef struct {
  PetscReal P[AZ_MAX_SPECIES];                   // formation of each unknown (the potential's entry unused)
  PetscReal dP[AZ_MAX_SPECIES][AZ_MAX_SPECIES];  // d P_t / d x_u over the cell's unknowns (phi_l included)
  PetscReal current;                             // total current density, A m^-2, cathodic positive
  PetscReal dcur[AZ_MAX_SPECIES];                // its derivatives
  PetscInt  nreaction;
  PetscReal i[AZ_MAX_ELECTRODE_REACTIONS];  // each reaction's current density, cathodic positive
  PetscReal c_s;                            // the main reactant's surface concentration, mol m^-3
} AzNPFace;

// Sets the electrodes' tertiary data once their reactions are set up (AzProblemSetUpElectrodes).
PETSC_INTERN PetscErrorCode AzNPSetUpElectrodes(AzProblem *p);
// The state of electrode e (which = 0 working, 1 anode) at a face whose adjacent cell holds c[] (all unknowns), its
// centre d from the face, the main reactant's diffusivity there D_r; d = 0: a catalyst layer's cell (per unit of its
// active area a_v V), the kinetics at the cell's own reactant concentration, every species formed by the rates.
PETSC_INTERN PetscErrorCode AzNPElectrodeFace(const AzProblem *p, PetscInt which, const PetscReal c[], PetscReal d, PetscReal D_r,
                                              AzNPFace *f);
// The residual and Jacobian rows of a tertiary problem's cell (the counterpart of AzCellResidual); the neighbours'
// derivatives go to nb when it is given.
typedef struct {
  PetscInt   nnb;
  PetscInt   nb[6];                  // ghosted local cell of each neighbour
  PetscReal  os[6][AZ_MAX_SPECIES];  // d r_s / d c_s(N)
  PetscReal  op[6][AZ_MAX_SPECIES];  // d r_s / d phi(N) (the potential's own row: d r_phi / d phi(N))
  PetscReal  oq[6][AZ_MAX_SPECIES];  // d r_phi / d c_t(N)
  PetscReal *bnd;   // if set: what leaves through the cell's boundary faces, per unknown (the eliminated ion last), mol s^-1
  PetscReal *held;  // if set: what leaves a cell outside a held region into one (the bulk beyond a Nernst layer), the same
} AzNPNeighbours;
PETSC_INTERN PetscErrorCode AzNPCellResidual(const AzProblem *p, const PetscReal *c, PetscInt i, PetscInt j, PetscInt k, AzRowMode mode,
                                             AzCellRow *row, AzNPNeighbours *nb);
// A cell's gas-liquid transfer and catalyst-layer reactions (solver/npporous.c) into its rows; bnd as AzNPNeighbours'.
PETSC_INTERN PetscErrorCode AzNPCellVolume(const AzProblem *p, const AzRegion *reg, const PetscReal *cP, PetscReal V, AzCellRow *row,
                                           PetscReal *bnd);
PETSC_INTERN PetscErrorCode AzNPFormFunction(AzProblem *p, Vec X, Vec F);
PETSC_INTERN PetscErrorCode AzNPFormJacobian(AzProblem *p, Vec X, Mat P, Vec F);
PETSC_INTERN PetscErrorCode AzNPFusedFunction(SNES snes, AzProblem *p, Vec X, Vec F, PetscBool *done);
PETSC_INTERN PetscErrorCode AzNPFusedJacobian(AzProblem *p, Vec X, Mat P, PetscBool *done);
PETSC_INTERN PetscErrorCode AzNPFusedHandOver(AzProblem *p, Vec from, Vec to);
// A steady Newton solve of a tertiary problem runs in the logarithms of the ions' concentrations: the law of mass
// action is linear in them (a linear step in c through water's equilibrium, H+ falling by decades at an electrode, goes
// below zero), and every ion stays positive. Begin turns p->c's ions into ln c (an absent ion at ln 1e-40), End back.
PETSC_INTERN PetscErrorCode AzNPLogBegin(AzProblem *p);
PETSC_INTERN PetscErrorCode AzNPLogEnd(AzProblem *p);
// The size of the terms of each row for Newton's round-off floor (solver/solver.c): diag(J) times the unknowns' values
// (d = diag(J) on entry), in concentrations where the ions' unknowns are logarithms.
PETSC_INTERN PetscErrorCode AzNPFloorScale(const AzProblem *p, Vec X, Vec d);
// Newton's convergence test, after iteration it (solver/npsolve.c): whether Newton has stopped gaining below the
// round-off floor (the residual not halved in the last iteration; charge is conserved to the residual), whether the
// next step keeps the preconditioner, and the next linear solve's tolerance; a new factorisation that failed ends
// Newton (*reason).
PETSC_INTERN PetscErrorCode AzNPNewtonCheck(SNES snes, AzProblem *p, PetscInt it, PetscReal fnorm, PetscBool *stalled,
                                            SNESConvergedReason *reason);
// The Newton defaults of a tertiary problem (its steps keep the ions positive).
PETSC_INTERN PetscErrorCode AzNPSNESDefaults(SNES snes, AzProblem *p);
// The preconditioner of the steady Newton solve's Krylov method (solver/nplines.c): AMG on the potential, then block
// Gauss-Seidel by lines of cells.
PETSC_INTERN PetscErrorCode AzNPLinesCreate(AzProblem *p, PC pc);
// The memory of the line preconditioner's coarse correction on rank 0 (B; 0 where it is off: 3-D, small meshes)
PETSC_INTERN PetscErrorCode AzNPCoarseBytes(PetscInt dim, const PetscInt M[3], PetscInt dof, double *bytes);
// The ionic model's linear solver for the memory estimate: the direct factorisation where -pc_type asks for one, the
// line preconditioner otherwise (solver/npsolve.c).
PETSC_INTERN AzMemorySolver AzNPMemorySolver(void);
// The atoms of each element in a formula as the species table writes it ("HPO4^2-": H 1, P 1, O 4): symbols into
// sym[] (up to max), counts into n[]; returns how many elements (solver/npmetrics.c).
PETSC_INTERN PetscInt AzFormulaElements(const char name[], char sym[][3], PetscReal n[], PetscInt max);
// The couplings of the problem's unknowns within a cell (dfill) and with a neighbour's (ofill), dof x dof, into p->fill
// and the DM's block fills: once, after the electrodes are set up (their reactions couple the species of a cell) and
// before any matrix is made. The Jacobian refuses a nonzero derivative outside them.
PETSC_INTERN PetscErrorCode AzNPSetUpFill(AzProblem *p);
