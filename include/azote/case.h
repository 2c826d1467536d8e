// azote — a case: every input of one run, read from the options database and validated before any work.
//
// Common keys (operating conditions, electrolyte, electrode and kinetics, mesh, output) are read here; each cell
// template reads and validates its own prefix (flowcell_, gde_, hcell_) through its AzCellOps.
#pragma once

#include <azote/options.h>
#include <azote/thermo.h>
#include <azote/kinetics.h>
#include <azote/transport.h>
#include <azote/info.h>
#include <azote/uq.h>
#include <azote/ionic.h>

typedef struct _n_AzCase *AzCase;

// Two well-mixed compartments of a template whose bulk beyond a Nernst layer evolves in time with the ionic model
// (solver/npbulk.c): the working electrode's (0) and the counter electrode's (1), joined by a cation-exchange membrane.
typedef struct {
  PetscReal volume[2];             // m^3
  PetscInt  side[AZ_MAX_REGIONS];  // per region: the compartment whose bulk composition it holds (-1: solved)
  PetscReal membrane_area;         // m^2
  PetscReal membrane_thickness;    // m
  PetscReal product_permeability;  // m^2/s: the main product's (NH3 + NH4+) through the membrane
} AzCompartments;

// A cell template (DESIGN §3): reads its keys, then builds the discrete problem for its geometry.
// Templates never write files; the writer never knows which template it writes.
typedef struct {
  const char *name;
  const char *description;
  PetscBool   transient;  // the template runs in time (time_end and the time_ keys apply)
  PetscBool   three_d;    // the template can resolve z in 3-D (mesh_nz and mesh_refine_z apply)
  PetscBool   anode_gas;  // the template gives the anode its own gas (gas_composition need not carry the anode's reactant)
  PetscBool   ionic;      // the template carries the ions of electrolyte_model tertiary (at its steady state)
  // Reads and validates the template's keys in its own options block; allocates c->cell_ctx.
  PetscErrorCode (*setfromoptions)(AzCase c);
  // Checks that need the fluid properties (e.g. the Reynolds number), after they are known.
  PetscErrorCode (*validate)(AzCase c);
  // Builds the grid, regions, flow and boundary patches of the problem.
  PetscErrorCode (*setup)(AzCase c, AzProblem *p);
  // Template facts for summary.json ("cell_info" object) from the solved problem, e.g. mean velocity, Reynolds
  // number, per-layer averages, as rows of name, value and unit. Collective.
  PetscErrorCode (*view)(AzCase c, AzProblem *p, AzInfo *info);
  // Characteristic length of the Sherwood number (m): hydraulic diameter of the channel.
  PetscErrorCode (*sherwood_length)(AzCase c, PetscReal *L);
  // Frees cell_ctx; NULL: cell_ctx is one PetscNew'd block, freed with PetscFree.
  PetscErrorCode (*destroy)(AzCase c);
  // The ionic model in time (solver/npbulk.c): the template's two well-mixed compartments (NULL: steady only).
  PetscErrorCode (*compartments)(AzCase c, const AzProblem *p, AzCompartments *cmp);
} AzCellOps;

// Registry of cell templates by name (PetscFunctionList of constructors filling an AzCellOps).
PETSC_EXTERN PetscErrorCode AzCellRegisterAll(void);
PETSC_EXTERN PetscErrorCode AzCellRegister(const char name[], PetscErrorCode (*create)(AzCellOps *));
PETSC_EXTERN PetscErrorCode AzCellGetNames(PetscInt *n, const char *const **names);
// Fills ops for the template at position `which` of AzCellGetNames.
PETSC_EXTERN PetscErrorCode AzCellCreate(PetscInt which, AzCellOps *ops);

typedef struct {
  PetscInt  n[3];          // cells per direction (0: the template's default)
  PetscReal refine[3];     // ratio of far-field to finest cell size per direction (-)
  PetscInt  coarse_start;  // tertiary: a mesh of at least this many cells starts from a coarser mesh's solution (0: never)
} AzMeshOptions;

struct _n_AzCase {
  MPI_Comm       comm;
  char           file[PETSC_MAX_PATH_LEN];        // the YAML case file ("" when none)
  char           name[128];                       // case name: the file's base name
  char           output_dir[PETSC_MAX_PATH_LEN];  // where the results go
  PetscBool      write_fields;                    // write fields.h5 / fields.xmf
  PetscBool      help;                            // -help or -help_keys: print and stop
  PetscLogDouble start_time;                      // s (AzWallTime) when the case began to be read: a run's wall time counts from it

  char      cell_name[32];
  AzCellOps ops;
  void     *cell_ctx;

  PetscReal     T;  // operating temperature, K
  PetscReal     P;  // operating pressure (total), Pa
  char          gas_spec[256], electrolyte_spec[256], solvent_spec[256];
  AzGasMix      gas;
  AzElectrolyte electrolyte;
  AzSolvent     solvent;           // the liquid the gases dissolve in (water unless the case says otherwise)
  AzSolubility  sol;               // at (T, P): c*, D, water properties
  AzElectrode   electrode;         // the working electrode: its main reaction and the competing ones (solver/casekinetics.c)
  AzGas         reactant;          // the gas the working electrode consumes: N2 (n2rr, n2or) or O2 (orr)
  PetscInt      anode_reaction;    // a full cell's anode: its position in anode_choices (AZ_ANODE_NONE: a counter electrode)
  PetscInt      anode_reactant;    // the AzGas the anode consumes (N2 for n2or), -1: none
  PetscReal     cell_voltage;      // V: anode minus cathode metal potential (potentiostatic full cell)
  PetscReal     catalyst_loading;  // mg cm^-2 of catalyst on the working electrode (0: not given)
  AzElectrode   anode;             // the anode's reactions (N2OR with OER, or OER), E_a = 0
  const char   *main_choices[17], *anode_choices[18];  // the reactions a working electrode / an anode can run (table rows)
  PetscReal     bulk[AZ_MAX_SPECIES_ROWS];             // bulk_<key> of every species row: Pa (gas) or mol m^-3
  AzActivities  activity;                              // activities of the species at the operating point
  AzMeshOptions mesh;
  AzIonic       ionic;         // the electrolyte model (dilute or tertiary) and, tertiary, the ions and their bulk
  PetscBool     potential;     // solve the electrolyte potential (secondary current distribution)
  PetscReal     conductivity;  // electrolyte conductivity, S m^-1 (given, or from the composition)

  AzPropertyFactors props;  // factors on the property laws (props_* keys), applied to sol and conductivity
  AzUQ              uq;     // an uncertainty study (uq_samples, the uncertainty: block)

  // time stepping (templates with ops.transient)
  PetscReal time_end;                     // s; 0: the steady state
  PetscReal time_output_interval;         // s: fields, checkpoint and a progress line every interval
  PetscReal time_step_initial;            // s
  PetscReal time_rtol;                    // relative tolerance of the adaptive steps (-)
  PetscBool steady_only;                  // set while a transient case builds its steady companion (dissolved N2 only)
  char      restart[PETSC_MAX_PATH_LEN];  // -restart FILE: continue from this checkpoint

  struct _n_AzOutdir *outdir;  // where the run's files go (include/azote/outdir.h); NULL: it writes none
};

#define AZ_ANODE_NONE    0       // anode_reaction: no anode (a counter electrode)
#define AZ_MAX_SNAPSHOTS 100000  // output times of a run in time (time_end / time_output_interval)

// Loads -case FILE (YAML; the command line overrides it), reads and validates every key, evaluates the properties at
// the operating point and checks the output directory. Fails with one line naming the key on any bad input.
PETSC_EXTERN PetscErrorCode AzCaseCreate(MPI_Comm comm, AzCase *c);
PETSC_EXTERN PetscErrorCode AzCaseDestroy(AzCase *c);
// The case file before PETSc reads it (solver/casefile.c): a regular file of at most 1 MB holding one YAML document
// with at least one key and no key twice (in a block, as a block given twice, or as a block key and the joined key);
// else one line naming the line, PETSC_ERR_USER_INPUT. Collective.
PETSC_EXTERN PetscErrorCode AzCaseFileCheck(MPI_Comm comm, const char path[]);
// For templates: the species a full cell's anode consumes. Dissolved N2 is species 0 unless the working electrode
// consumes O2 (ORR cathode, N2OR anode): then "c_n2" is added here, before the grid, and its index returned.
PETSC_EXTERN PetscErrorCode AzCaseAddAnodeSpecies(AzCase c, AzProblem *p, PetscInt *s);
// For templates, once the mesh of M[0] x M[1] x M[2] cells is decided (M[2] = 1 in 2-D) and before it is built:
// records the resolved mesh_n{x,y} (and mesh_nz in 3-D; the mesh_refine_* ratios too where refine is given) among the
// inputs written with the results, and refuses a mesh whose unknowns PETSc's 32-bit indices cannot count (up to
// AZ_MAX_SPECIES per cell), naming the mesh keys, instead of a long mesh build and an overflow deep inside PETSc.
PETSC_EXTERN PetscErrorCode AzCaseResolveMesh(AzCase c, const PetscInt M[3], const PetscReal refine[]);

// Reads the electrode keys (electrode_*, anode_reaction, cell_voltage), the kinetics of every row of the reaction
// table and the species' bulk values, and builds c->electrode and c->anode (solver/casekinetics.c).
PETSC_EXTERN PetscErrorCode AzCaseReadElectrodes(AzCase c);
// The ionic model (solver/ionic.c, include/azote/ionic.h): its keys (read before the electrodes'), the branches it adds
// to an electrode (HER's water branch beside HER; kin[]: every row's kinetics in table order), the electrolyte's
// species and bulk composition (after the properties), and for templates: the ions as unknowns of the problem (after
// the template's own species, before phi_l; every call a no-op in the dilute model), a region's ions (D scaled by
// factor, a stirred bulk's mixing diffusivity added to the diffusive one, ions held at their bulk values or not), their
// bulk values into v[].
PETSC_EXTERN PetscErrorCode AzIonicReadKeys(AzCase c);
PETSC_EXTERN PetscErrorCode AzIonicBranches(AzCase c, AzElectrode *e, const AzReaction kin[]);
PETSC_EXTERN PetscErrorCode AzIonicEvaluate(AzCase c);
PETSC_EXTERN PetscErrorCode AzIonicAddSpecies(AzCase c, AzProblem *p);
PETSC_EXTERN PetscErrorCode AzIonicRegion(AzCase c, AzProblem *p, PetscInt r, PetscReal factor, PetscReal D_mix, PetscBool held);
PETSC_EXTERN PetscErrorCode AzIonicBulkValues(AzCase c, const AzProblem *p, PetscReal v[]);
// The main reaction's limiting current density (A m^-2) of a tertiary case: its reactant is neutral and, at the
// transport limit (c = 0 at the electrode), moved by nothing the ions do; the dilute model's problem of the same
// template gives it.
PETSC_EXTERN PetscErrorCode AzIonicLimitingCurrent(AzCase c, PetscReal *i_lim);
// A tertiary case's steady potentiostatic problem p (set up, before its solve): its start state from the same case
// solved on a coarser mesh, interpolated (solver/npsolve.c); nothing where the mesh is small or the model dilute.
PETSC_EXTERN PetscErrorCode AzIonicCoarseStart(AzCase c, AzProblem *p);
// The species the working electrode's main reaction forms and reports (NH3 for n2rr; NULL: none).
PETSC_EXTERN const AzSpeciesInfo *AzCaseMainProduct(AzCase c);

// Writes the reference table of every key of every template (Markdown) to fp on rank 0.
PETSC_EXTERN PetscErrorCode AzCasePrintKeyReference(MPI_Comm comm, FILE *fp);
