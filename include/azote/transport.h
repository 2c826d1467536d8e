// azote — steady advection–diffusion–reaction of dissolved gases on the structured grid (DESIGN §2–§3).
//
//   div(u c_s) - div(D_s grad c_s) = S_s   for every species s in every region where it is present,
// cell-centred finite volumes; diffusion across a face uses the distance-weighted harmonic mean of the two cells'
// D; advection uses exponential fitting (Scharfetter & Gummel 1969; Il'in 1969): the exact flux of the 1-D
// advection–diffusion equation between the two centres, monotone at any cell Peclet number and second order when
// the cell Peclet number is small. Boundary faces are walls (no flux), Dirichlet (inlets), outflow (advective flux
// only) or electrode faces (Butler–Volmer consumption, include/azote/kinetics.h).
//
// Species: dissolved N2 (always, index AZ_N2), and where a template needs them, N2 in the gas phase of porous layers
// (GDE), the NH3 product and the electrolyte potential phi_l (V; secondary current distribution), which takes the
// same cell-centred treatment with the conductivity kappa (S m^-1) for D, no advection and no storage:
//   div(kappa grad phi_l) = 0,  the electrode's current leaving through its faces (or cells), phi_l = 0 at the counter. A species absent
//   from a region (gas N2 in the electrolyte, dissolved N2 in a dry gas
// diffusion layer) has its unknown pinned to zero there. Volumetric terms per region, per unit volume:
//   dissolved N2:  S = -k c - a_v i_n2rr(c)/(nF) + kla (c* - c),   c* = c_eq + dceq_dcg (c_gas - c_gas_ref)
//   gas N2:        S = -kla (c* - c)        (what dissolves leaves the gas)
// with a_v > 0 marking a volumetric electrode (a catalyst layer) and kla > 0 gas-liquid transfer (bubbles with a
// fixed c* = c_eq, or the gas in the pores of a catalyst layer when the gas species is solved).
//
// The residual of a cell is its net outflow minus its source, in mol s^-1; the Jacobian is assembled analytically.
#pragma once

#include <petscsnes.h>
#include <azote/grid.h>
#include <azote/kinetics.h>

#define AZ_MAX_REGIONS 8
#define AZ_MAX_PATCHES 16
#define AZ_MAX_SPECIES 16  // unknowns per cell: the ionic model carries an electrolyte's ions (include/azote/ionic.h)
#if AZ_MAX_SPECIES > AZ_MAX_UNKNOWNS
#error "the reactions can refer to AZ_MAX_UNKNOWNS unknowns per cell"
#endif

#define AZ_N2 0  // dissolved N2 is always species 0

// Boundary patches. AZ_BC_INFLOW is Danckwerts' inlet (Chem. Eng. Sci. 2, 1 (1953)): the total flux entering is
// the feed u c_in, whatever the concentration inside, so that axial diffusion cannot draw extra N2 from the inlet
// (it matters where the axial Peclet number is small, as in a gas channel).
// AZ_BC_COUNTER is the counter electrode where the electrolyte potential is solved: phi_l = value[s_phi] on the face
// (a non-polarisable electrode; the reference of the potentials), a wall for every species. AZ_BC_ANODE is the anode
// of a full cell: Butler-Volmer like the working electrode's faces, with the anode's reactions and metal potential.
// AZ_BC_BULK is the bulk electrolyte beyond a diffusion layer: Dirichlet for every species (value[s]) and, where the
// potential is solved, its reference too (phi_l = value[s_phi], the current through the face counted as the counter's).
typedef enum { AZ_BC_WALL, AZ_BC_DIRICHLET, AZ_BC_OUTFLOW, AZ_BC_ELECTRODE, AZ_BC_INFLOW, AZ_BC_COUNTER, AZ_BC_ANODE, AZ_BC_BULK } AzBCType;

typedef struct {
  char      name[32];
  PetscBool present[AZ_MAX_SPECIES];    // species exists here (absent: its unknown is pinned to 0)
  PetscReal D[AZ_MAX_SPECIES];          // effective diffusivity, m^2 s^-1 (0: no transport, e.g. a dry layer's films)
  PetscReal aniso[3];                   // factor on D per direction (-), 1 unless transport is anisotropic
  PetscReal k;                          // first-order volumetric consumption of dissolved N2, s^-1
  PetscReal kla;                        // volumetric gas-liquid transfer coefficient of N2, s^-1
  PetscReal c_eq;                       // c* at the reference gas state (or of the bubbles), mol m^-3
  PetscReal dceq_dcg;                   // dc*/dc_gas where the gas species is solved (-)
  PetscReal c_gas_ref;                  // gas-phase N2 at the reference state, mol m^-3
  PetscReal a_v;                        // electrochemically active area per volume, m^-1 (0: not an electrode)
  PetscBool working_side;               // part of the electrolyte holding the working electrode (the catholyte)
  PetscBool liquid_contact;             // its liquid meets the gas of a neighbouring region that holds gas-phase N2 but no
                                        // dissolved N2: N2 dissolves across their faces (AzInterfaceSpecies)
  PetscReal kla_of[AZ_MAX_SPECIES];     // bubbling of another dissolved gas s != AZ_N2 (s^-1): kla_of[s] (c_eq_of[s] - c_s)
  PetscReal c_eq_of[AZ_MAX_SPECIES];    //   toward its saturation with the bubbles, mol m^-3
  PetscReal migration[AZ_MAX_SPECIES];  // m^3 C^-1: velocity of species s per unit ionic current density, along the
                                        // current (a membrane's mobile ions, AzMigration; 0: none). Set before the grid.
} AzRegion;

// A pointwise function of position (m): Dirichlet values (mol m^-3) or volumetric sources (mol m^-3 s^-1).
typedef PetscErrorCode (*AzPointFunction)(void *ctx, PetscInt species, const PetscReal x[3], PetscReal *value);

typedef struct {
  AzBCType        type;
  PetscReal       value[AZ_MAX_SPECIES];  // Dirichlet or inflow concentrations, mol m^-3
  AzPointFunction value_fn;               // if set, the Dirichlet value at the face centre (overrides value)
  PetscBool       potential;              // the ionic model: a Dirichlet face also fixes phi_l = value[s_phi] (a bulk reservoir)
} AzPatch;

typedef struct {
  const AzSpeciesInfo *info;      // its row of the species table ("c_<key>"); NULL for the gas phase and the potential
  char                 name[32];  // field name in fields.h5 ("c_n2", "c_n2_gas", "c_nh3", "phi_l")
  PetscReal            scale;     // m^3 s^-1: coefficient of the pinned rows (c = 0 where absent), of the order of the
                                  // diffusive coefficients so that the Jacobian stays well scaled
} AzSpecies;

// The ionic (tertiary) model's data of a problem (include/azote/private/npimpl.h); NULL in the dilute model.
typedef struct _n_AzNP AzNP;

// Sides of the box: 0 x-, 1 x+, 2 y-, 3 y+, 4 z-, 5 z+.
typedef struct {
  MPI_Comm        comm;
  AzGrid          grid;
  PetscReal       T;  // K
  PetscInt        nspecies;
  AzSpecies       species[AZ_MAX_SPECIES];
  PetscInt        s_bal;                 // the species AzProblemBalance counts (0: the working electrode's reactant)
  PetscInt        s_gas, s_prod, s_phi;  // gas-phase N2, the main reaction's product (NH3 for N2RR), the electrolyte potential (-1: none)
  PetscInt        nregion;
  AzRegion        region[AZ_MAX_REGIONS];
  PetscReal      *ux;  // x-velocity on x-faces, function of (j,k) only (fully developed flow), m s^-1; NULL: no flow
  PetscInt        npatch;
  AzPatch         patch[AZ_MAX_PATCHES];
  PetscInt       *bc[6];   // patch of each boundary face of a side, indexed by its tangential cells (AzProblemBoundaryIndex)
  AzPointFunction source;  // optional extra volumetric source (manufactured solutions), mol m^-3 s^-1
  void           *user;    // context of source and value_fn
  AzElectrode     electrode;
  PetscReal       electrode_area;  // geometric (projected) electrode area, m^2: the basis of current densities
  AzElectrode     anode;           // the anode of a full cell (anode_area > 0): its reactant is species anode.species
  PetscReal       anode_area;      // m^2; 0: no anode (a counter electrode, or none)
  PetscReal       bulk;            // the bulk (inlet, saturated) dissolved N2 concentration, mol m^-3
  PetscReal       film;            // m: the diffusion film between an electrode and the bulk values of the species the
                                   // problem does not solve (the reverse branches' supply; 0: unlimited)
  PetscBool migration;             // some region carries a species with the ionic current (set by AzProblemCreateGrid)
  PetscBool amg_by_species;        // BoomerAMG coarsens each species apart (hypre's unknown approach: the matrix's block size), for
                                   // templates of several strongly coupled species (3-5 times fewer Krylov steps)
  PetscBool newton_stagnation;     // at the round-off floor, Newton stops only once a step no longer halves the residual (as it
                                   // does with the potential): a first step's coherent linear-solve error stays out of the
                                   // balances (the templates that set it hold them to 1e-10)
  Vec       c;                     // the solution, nspecies unknowns per cell, mol m^-3
  AzNP     *np;                    // the ionic model: Nernst-Planck with electroneutrality (NULL: dilute transport)
  PetscInt *fill;                  // the ionic model: couplings within a cell and with a neighbour (2 dof^2; NULL: dilute)

  // solver
  SNES      snes;
  PetscInt  newton_its, krylov_its;  // totals over the solves of this problem
  PetscReal fnorm0, fnorm_prev;      // the residual norm at the start of the current Newton solve, and the last one
  PetscInt  continuation_steps;      // solves of the kinetic continuation AzProblemSolve needed (0: plain Newton)
  PetscReal solve_time;              // s, total
} AzProblem;

// A gas-liquid interface between cells of regions rP and rN (a catalyst layer's liquid at its face to a dry gas
// diffusion layer): the liquid at the face is in equilibrium with the gas there (Henry), c* = c_eq + dceq_dcg (c_gas -
// c_gas_ref) of the liquid side's region, and N2 diffuses to it through the gas cell's half-width and on through the
// liquid cell's (D of dissolved N2 there, 0 where the layer holds no liquid):
//   flux = area (c*(c_gas) - c) / (h_liq/D_liq + dceq_dcg h_gas/D_gas),
// the finite-volume flux across a face where the concentration jumps by Henry's law.
// Returns the species of P's row that the face couples to N's other N2 species: AZ_N2 (P liquid), s_gas (P gas), or
// -1 (no interface).
static inline PetscInt AzInterfaceSpecies(PetscInt s_gas, const AzRegion *rP, const AzRegion *rN)
{
  if (s_gas < 0) return -1;
  if (rP->liquid_contact && rP->present[AZ_N2] && rN->present[s_gas] && !rN->present[AZ_N2]) return AZ_N2;
  if (rN->liquid_contact && rN->present[AZ_N2] && rP->present[s_gas] && !rP->present[AZ_N2]) return s_gas;
  return -1;
}

// Index of a boundary face of `side` in bc[side], from the cell (i,j,k) it belongs to.
static inline PetscInt AzProblemBoundaryIndex(const AzProblem *p, PetscInt side, PetscInt i, PetscInt j, PetscInt k)
{
  const PetscInt *M = p->grid.M;
  return side < 2 ? j + M[1] * k : side < 4 ? i + M[0] * k : i + M[0] * j;
}

// Declares the species (the dissolved reactant first; "c_<key>" for a species of the table, "c_<key>_gas" for the
// dissolved reactant's gas phase ("c_n2_gas", "c_o2_gas") and "phi_l" are recognised by name) before the grid.
PETSC_EXTERN PetscErrorCode AzProblemAddSpecies(AzProblem *p, const char name[], PetscInt *s);
// Once p->electrode (and a full cell's p->anode) hold their reactions and the species are declared: resolves every
// reaction against the problem's unknowns and the activities act (NULL: pure water and the trace defaults at p->T),
// sets each electrode's reactant index and s_prod.
PETSC_EXTERN PetscErrorCode AzProblemSetUpElectrodes(AzProblem *p, const AzActivities *act);
// Adds an empty region (no species, isotropic); the template fills region[r] afterwards.
PETSC_EXTERN PetscErrorCode AzProblemAddRegion(AzProblem *p, const char name[], PetscInt *r);
// Creates the grid (dof = nspecies, intra-cell coupling only between the species) over the given faces.
PETSC_EXTERN PetscErrorCode AzProblemCreateGrid(AzProblem *p, PetscInt dim, const PetscInt M[3], PetscReal *const xf[3]);
// Allocates the boundary tables (all faces walls) once the grid exists.
PETSC_EXTERN PetscErrorCode AzProblemSetUpBoundaries(AzProblem *p);
PETSC_EXTERN PetscErrorCode AzProblemAddPatch(AzProblem *p, AzBCType type, const PetscReal value[], PetscInt *patch);
// Creates the solution vector and sets every present species to its value in c0 (absent ones to 0).
PETSC_EXTERN PetscErrorCode AzProblemSetInitial(AzProblem *p, const PetscReal c0[]);
PETSC_EXTERN PetscErrorCode AzProblemDestroy(AzProblem *p);

// Migration with the ionic current (a membrane's mobile ions): across a face where either cell's region has
// migration[s] != 0 and the potential is solved, species s moves with u = u_flow + migration[s] i on each side, i the
// face's ionic current density (A m^-2, from P to N: kappa_f (phi_P - phi_N)/h), and the flux is the exact one of the
// steady 1-D advection-diffusion equation over the two half-cells in series, each with its own D and u (the
// exponentially fitted flux of each half, the concentration at the face eliminated):
//   F = (a_P a_N c_P - b_P b_N c_N) / (b_P + a_N),  a = g B(-Pe), b = g B(Pe), g = A D / h_half, Pe = u h_half / D,
// which is the harmonic mean for u = 0 and AzFaceFlux's for equal halves. Returns F and its derivatives in c_P, c_N and
// in i (the caller chains i to the two potentials).
PETSC_EXTERN void AzMigrationFlux(PetscReal area, PetscReal DP, PetscReal hP, PetscReal uP, PetscReal mP, PetscReal DN, PetscReal hN,
                                  PetscReal uN, PetscReal mN, PetscReal i, PetscReal cP, PetscReal cN, PetscReal *F, PetscReal *dF_dcP,
                                  PetscReal *dF_dcN, PetscReal *dF_di);
// dB/dz of the Bernoulli function B(z) = z / (e^z - 1).
PETSC_EXTERN PetscReal AzBernoulliDerivative(PetscReal z);

// Face flux of the exponentially fitted scheme from cell P to its neighbour N (mol s^-1):
//   F = A (D/h) [ B(-Pe) c_P - B(Pe) c_N ],  Pe = u h / D,  B(z) = z / (e^z - 1),
// with u the velocity from P toward N and h the distance between the centres. Returns dF/dc_P and dF/dc_N.
PETSC_EXTERN void      AzFaceFlux(PetscReal area, PetscReal D, PetscReal h, PetscReal u, PetscReal *aP, PetscReal *aN);
PETSC_EXTERN PetscReal AzBernoulli(PetscReal z);

// Residual and Jacobian (SNES callbacks; ctx is the AzProblem).
PETSC_EXTERN PetscErrorCode AzFormFunction(SNES snes, Vec X, Vec F, void *ctx);
PETSC_EXTERN PetscErrorCode AzFormJacobian(SNES snes, Vec X, Mat J, Mat P, void *ctx);

// Creates the SNES (Newton, GMRES + hypre BoomerAMG by default, tolerances for mass_balance_rel < 1e-8) and applies
// the PETSc options (-snes_*, -ksp_*, -pc_*). Called once, before any solve.
PETSC_EXTERN PetscErrorCode AzProblemSetUpSolver(AzProblem *p);
// The defaults of AzProblemSetUpSolver on a given SNES (also the one inside a TS), before its SetFromOptions.
PETSC_EXTERN PetscErrorCode AzSNESSetDefaults(SNES snes, AzProblem *p);
// After its SetFromOptions: the preconditioning side the chosen Krylov method supports, unless -ksp_pc_side is given
// (solver/krylov.c: right by default, left for CG and the like).
PETSC_EXTERN PetscErrorCode AzSNESFitKrylov(SNES snes);
// Solves the steady problem from the current p->c; where Newton fails on a potentiostatic electrode, it continues in
// the exchange current densities (from 1e-8 of them up, see transport.c) and counts the steps in
// p->continuation_steps. Fails with PETSC_ERR_NOT_CONVERGED and the reason on divergence or on a non-physical solution
// (a concentration below -1e-8 of the bulk value).
PETSC_EXTERN PetscErrorCode AzProblemSolve(AzProblem *p);
// A full cell's metal potentials are defined up to a common constant: shifts both (and phi_l) so that the electrolyte
// potential at which the kinetic currents balance is 0, keeping phi_l small and its round-off with it.
PETSC_EXTERN PetscErrorCode AzProblemGaugeFullCell(AzProblem *p);
// The smallest concentration of any species (the electrolyte potential excluded); NaN or Inf if the solution has one.
PETSC_EXTERN PetscErrorCode AzProblemMinConcentration(AzProblem *p, PetscReal *cmin);

// N2 balance of the converged solution (mol s^-1, summed over all ranks and over dissolved and gas-phase N2):
// in through Dirichlet and inflow faces, out through outflow faces, consumed at the electrode (faces or catalyst
// layer).
// With the electrolyte potential solved, also the current into the working electrode and out of the counter (A).
typedef struct {
  PetscReal in, out, consumed;
  PetscReal consumed_anode;  // the part of `consumed` a full cell's anode oxidises
  PetscReal current_electrode, current_counter;
} AzBalance;
PETSC_EXTERN PetscErrorCode AzProblemBalance(AzProblem *p, AzBalance *b);
// The same for dissolved species s (its volumetric sources count only where s is species 0).
PETSC_EXTERN PetscErrorCode AzProblemBalanceOf(AzProblem *p, PetscInt s, AzBalance *b);

// Amount (mol) and volume (m^3) of species s in the regions holding the working electrode (working = TRUE) or in all
// regions where s is present (working = FALSE).
PETSC_EXTERN PetscErrorCode AzProblemInventory(AzProblem *p, PetscInt s, PetscBool working, PetscReal *amount, PetscReal *volume);
// The same over the regions r with regions[r] true.
PETSC_EXTERN PetscErrorCode AzProblemInventoryRegions(AzProblem *p, PetscInt s, const PetscBool regions[], PetscReal *amount,
                                                      PetscReal *volume);

// Mass of each unknown for time stepping: the cell volume where the species is present and free, 0 where pinned.
PETSC_EXTERN PetscErrorCode AzProblemMassVector(AzProblem *p, Vec mass);

// One piece of the electrode owned by this rank with its solved state: a boundary face (flow cell, H-cell) or a
// cell of a catalyst layer (GDE).
typedef struct {
  PetscReal       x[3];    // face or cell centre, m
  PetscReal       weight;  // averaging weight of its N2 concentration: face area (m^2) or cell volume (m^3)
  PetscReal       area;    // electrochemical area: face area, or a_v times the cell volume (m^2)
  AzElectrodeFace state;   // c_s, N2 consumption (mol m^-2 s^-1 of area), currents per area
} AzElectrodePiece;

// The pieces of the working electrode (AZ_BC_ELECTRODE: faces and catalyst-layer cells) or of a full cell's anode
// (AZ_BC_ANODE: faces) owned by this rank, in grid order (x fastest). Free with PetscFree.
PETSC_EXTERN PetscErrorCode AzProblemElectrodePieces(AzProblem *p, AzBCType which, PetscInt *n, AzElectrodePiece **pieces);
