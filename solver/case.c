// Case input: the YAML file, the common keys, the template's keys, and the checks made before any work.
#include <azote/case.h>
#include <azote/outdir.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

// Runs `call` without PETSc's handler; a user-input error comes back relabelled with `what` so the line names the key.
// With any_error, every failure of the call counts as bad input (e.g. the YAML parser's errors).
#define AzCallInput(comm, call, ...)         AzCallInput_Private(comm, PETSC_FALSE, call, __VA_ARGS__)
#define AzCallInputAnyError(comm, call, ...) AzCallInput_Private(comm, PETSC_TRUE, call, __VA_ARGS__)
#define AzCallInput_Private(comm, any_error, call, ...)                                                                                    \
  do {                                                                                                                                     \
    PetscErrorCode az_e_;                                                                                                                  \
    PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));                                                                       \
    az_e_ = (call);                                                                                                                        \
    PetscCall(PetscPopErrorHandler());                                                                                                     \
    if (az_e_) {                                                                                                                           \
      char az_what_[512], *az_msg_ = NULL;                                                                                                 \
      PetscCall(PetscSNPrintf(az_what_, sizeof(az_what_), __VA_ARGS__));                                                                   \
      PetscCall(PetscErrorMessage(az_e_, NULL, &az_msg_));                                                                                 \
      SETERRQ(comm, (any_error) || az_e_ == PETSC_ERR_USER_INPUT ? PETSC_ERR_USER_INPUT : az_e_, "%s: %s", az_what_,                       \
              az_msg_ ? az_msg_ : "error");                                                                                                \
    }                                                                                                                                      \
  } while (0)

// Inserts the case file under the command line: the file's keys first, then the command line again on top.
static PetscErrorCode AzCaseLoadFile(AzCase c)
{
  int    argc;
  char **argv, sbuf[128];

  PetscFunctionBeginUser;
  PetscCall(AzCaseFileCheck(c->comm, c->file));
  AzCallInputAnyError(c->comm, PetscOptionsInsertFileYAML(c->comm, NULL, c->file, PETSC_TRUE), "-case = '%s': not a valid YAML case file",
                      AzShort(c->file, sbuf, sizeof(sbuf)));
  AzGetArgs(&argc, &argv);
  if (argc > 1) PetscCall(PetscOptionsInsertArgs(NULL, argc - 1, argv + 1));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The case name is the file's base name without extension.
static PetscErrorCode AzCaseSetName(AzCase c)
{
  const char *base = strrchr(c->file, '/');
  char       *dot;

  PetscFunctionBeginUser;
  PetscCall(PetscStrncpy(c->name, base ? base + 1 : (c->file[0] ? c->file : "case"), sizeof(c->name)));
  dot = strrchr(c->name, '.');
  if (dot && dot != c->name) *dot = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzCaseReadCommon(AzCase c)
{
  PetscInt           ncell, cell = 0;
  const char *const *cells;
  char               def_out[PETSC_MAX_PATH_LEN];
  PetscBool          set, set_segments;
  PetscInt           segments;

  PetscFunctionBeginUser;
  PetscCall(AzCellGetNames(&ncell, &cells));
  PetscOptionsBegin(c->comm, NULL, "case", NULL);
  PetscCall(AzOptionsEnum(PetscOptionsObject, "cell", "cell template", cells, 0, &cell, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "operating_temperature", "electrolyte and gas temperature", "K", 298.15,
                          AZ_RANGE(273.15, 363.15), &c->T, NULL));
  PetscCall(
      AzOptionsReal(PetscOptionsObject, "operating_pressure", "total gas pressure", "Pa", 101325.0, AZ_RANGE_OPEN_LO(0, 1e8), &c->P, NULL));
  PetscCall(AzOptionsString(PetscOptionsObject, "gas_composition", "dry-basis feed gas mole fractions", "GAS:FRACTION,... summing to 1",
                            "N2:1", c->gas_spec, sizeof(c->gas_spec), NULL));
  PetscCall(AzOptionsString(PetscOptionsObject, "electrolyte", "electrolyte salts and concentrations (mol/L)",
                            "none or SALT:CONC,... or seawater:SALINITY (docs/thermo.md)", "none", c->electrolyte_spec,
                            sizeof(c->electrolyte_spec), NULL));
  PetscCall(AzOptionsString(PetscOptionsObject, "solvent", "the liquid: one solvent, or a mixture by volume fractions of the pure liquids",
                            "water, methanol, ethanol, acetonitrile, thf, or NAME:VOLUME_FRACTION,... summing to 1 (docs/thermo.md)",
                            "water", c->solvent_spec, sizeof(c->solvent_spec), NULL));
  PetscOptionsEnd();

  PetscOptionsBegin(c->comm, NULL, "electrolyte", NULL);
  PetscCall(AzOptionsBool(PetscOptionsObject, "electrolyte_potential",
                          "solve the electrolyte potential (ohmic drop, secondary current distribution); false: primary kinetics",
                          PETSC_FALSE, &c->potential, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "electrolyte_conductivity", "electrolyte conductivity (0: from the composition)", "S/m", 0,
                          AZ_RANGE(0, 1e3), &c->conductivity, NULL));
  PetscOptionsEnd();
  PetscCall(AzIonicReadKeys(c));

  PetscCall(AzCaseReadElectrodes(c));

  PetscOptionsBegin(c->comm, NULL, "mesh", NULL);
  PetscCall(AzOptionsInt(PetscOptionsObject, "mesh_nx", "cells along x (0: the template's default)", 0, 0, 100000000, &c->mesh.n[0], NULL));
  PetscCall(AzOptionsInt(PetscOptionsObject, "mesh_ny", "cells along y (0: the template's default)", 0, 0, 100000000, &c->mesh.n[1], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "mesh_refine_x", "along x: far-field cell size / finest cell size (0: default)", "-", 0,
                          AZ_RANGE(0, 1e4), &c->mesh.refine[0], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "mesh_refine_y", "along y: far-field cell size / finest cell size (0: default)", "-", 0,
                          AZ_RANGE(0, 1e4), &c->mesh.refine[1], NULL));
  PetscCall(AzOptionsInt(PetscOptionsObject, "mesh_nz",
                         "cells along z, across the flow cell's width (0: a 2-D cross-section; >= 4 resolves the width in 3-D)", 0, 0,
                         100000000, &c->mesh.n[2], NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "mesh_refine_z",
                          "along z (3-D): far-field cell size / finest cell size at the side walls (0: default)", "-", 0, AZ_RANGE(0, 1e4),
                          &c->mesh.refine[2], NULL));
  PetscCall(
      AzOptionsInt(PetscOptionsObject, "mesh_coarse_start",
                   "electrolyte_model tertiary: a mesh of at least this many cells starts from the same case solved with half the cells "
                   "per direction (0: never; docs/ionic.md)",
                   1000, 0, 100000000, &c->mesh.coarse_start, &set));
  PetscCall(AzOptionsInt(PetscOptionsObject, "ionic_coarse_segments",
                         "electrolyte_model tertiary, 2-D: the line preconditioner's coarse correction, segments per line (-1: 4 on "
                         "meshes of at least 512 lines of 64 cells, else none; 0: none; docs/ionic.md)",
                         -1, -1, 8, &segments, &set_segments));
  PetscOptionsEnd();
  PetscCheck(!set || c->ionic.model == AZ_MODEL_TERTIARY, c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_coarse_start = %" PetscInt_FMT
             " is a key of the ionic model's solve: set electrolyte_model tertiary (the dilute model starts "
             "from the bulk)",
             c->mesh.coarse_start);
  PetscCheck(!set_segments || segments <= 0 || (c->ionic.model == AZ_MODEL_TERTIARY && c->mesh.n[2] == 0), c->comm, PETSC_ERR_USER_INPUT,
             "-ionic_coarse_segments = %" PetscInt_FMT " is a key of the ionic model's solve on a 2-D mesh: %s", segments,
             c->ionic.model != AZ_MODEL_TERTIARY ? "set electrolyte_model tertiary" : "a 3-D mesh (mesh_nz > 0) has none (give 0 or -1)");
  for (PetscInt d = 0; d < 3; d++)
    PetscCheck(c->mesh.refine[d] == 0 || c->mesh.refine[d] >= 1, c->comm, PETSC_ERR_USER_INPUT,
               "-mesh_refine_%c = %g is out of range: allowed 0 (default) or a ratio >= 1", "xyz"[d], (double)c -> mesh.refine[d]);

  PetscOptionsBegin(c->comm, NULL, "output", NULL);
  PetscCall(PetscSNPrintf(def_out, sizeof(def_out), "out/%s", c->name));
  PetscCall(AzOptionsString(PetscOptionsObject, "output_dir", "directory of the results (created if missing)", "a writable path", def_out,
                            c->output_dir, sizeof(c->output_dir), NULL));
  PetscCall(AzOptionsBool(PetscOptionsObject, "output_fields", "write fields.h5 and fields.xmf", PETSC_TRUE, &c->write_fields, NULL));
  PetscOptionsEnd();

  PetscCall(PetscStrncpy(c->cell_name, cells[cell], sizeof(c->cell_name)));
  PetscCall(AzCellCreate(cell, &c->ops));
  PetscCheck(c->ops.three_d || (c->mesh.n[2] == 0 && c->mesh.refine[2] == 0), c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_nz = %" PetscInt_FMT
             ", -mesh_refine_z = %g: the %s template is a 2-D cross-section; allowed 0 (only flowcell resolves "
             "the width)",
             c->mesh.n[2], (double)c->mesh.refine[2], c->cell_name);
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Time stepping of transient templates.
static PetscErrorCode AzCaseReadTime(AzCase c)
{
  PetscBool set;

  PetscFunctionBeginUser;
  PetscOptionsBegin(c->comm, NULL, "time", NULL);
  PetscCall(AzOptionsReal(PetscOptionsObject, "time_end", "simulated time; 0: solve for the steady state", "s", 3600, AZ_RANGE(0, 1e9),
                          &c->time_end, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "time_output_interval",
                          "fields, checkpoint and progress every interval (0: time_end/10; at most 100000 output times)", "s", 0,
                          AZ_NONNEGATIVE, &c->time_output_interval, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "time_step_initial", "first time step", "s", 1e-3, AZ_POSITIVE, &c->time_step_initial, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "time_rtol", "relative tolerance of the adaptive time steps", "-", 1e-3,
                          AZ_RANGE_OPEN_LO(0, 0.1), &c->time_rtol, NULL));
  PetscOptionsEnd();
  if (c->time_output_interval == 0) c->time_output_interval = c->time_end / 10;
  // Every output time writes a snapshot and a checkpoint: their number is bounded (the fields' XDMF and the list of
  // snapshot times grow with it).
  PetscCheck(
      c->time_end == 0 || c->time_end / c->time_output_interval <= AZ_MAX_SNAPSHOTS, c->comm, PETSC_ERR_USER_INPUT,
      "-time_output_interval = %.6g s gives %.3g output times over time_end = %.6g s: allowed at most %d (time_output_interval >= %.6g s)",
      (double)c->time_output_interval, (double)(c->time_end / c->time_output_interval), (double)c->time_end, AZ_MAX_SNAPSHOTS,
      (double)(c->time_end / AZ_MAX_SNAPSHOTS));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-restart", c->restart, sizeof(c->restart), &set));
  PetscCheck(!set || c->restart[0], c->comm, PETSC_ERR_USER_INPUT, "-restart needs a checkpoint file name");
  PetscCheck(!set || c->time_end > 0, c->comm, PETSC_ERR_USER_INPUT, "-restart = '%s' continues a transient run: set time_end > 0",
             c->restart);
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Property evaluation at the operating point; errors name the keys involved.
static PetscErrorCode AzCaseEvaluateProperties(AzCase c)
{
  PetscFunctionBeginUser;
  AzCallInput(c->comm, AzGasMixParse(c->gas_spec, &c->gas), "-gas_composition = '%s'", c->gas_spec);
  AzCallInput(c->comm, AzElectrolyteParse(c->electrolyte_spec, &c->electrolyte), "-electrolyte = '%s'", c->electrolyte_spec);
  AzCallInput(c->comm, AzSolventParse(c->solvent_spec, &c->solvent), "-solvent = '%s'", c->solvent_spec);
  AzCallInput(c->comm, AzSolubilityComputeSolvent(c->T, c->P, &c->gas, &c->solvent, &c->electrolyte, &c->sol),
              "-operating_temperature = %g K, -operating_pressure = %g Pa, -solvent = '%s', -electrolyte = '%s'", (double)c->T,
              (double)c->P, c->solvent.spec, c->electrolyte.spec);
  PetscCall(AzPropertyFactorsApply(&c->props, &c->sol));
  PetscCheck(
      c->sol.gas[c->reactant].c_sat > 0 || c->electrode.mode == AZ_ELECTRODE_OFF, c->comm, PETSC_ERR_USER_INPUT,
      "-gas_composition = '%s' has no %s: there is nothing for -electrode_reaction = %s to consume (add %s, or set -electrode_mode off)",
      c->gas_spec, AzGasNames[c->reactant], AzElectrodeMain(&c->electrode)->info->name, AzGasNames[c->reactant]);
  PetscCheck(c->anode_reactant < 0 || c->ops.anode_gas || c->sol.gas[c->anode_reactant].c_sat > 0, c->comm, PETSC_ERR_USER_INPUT,
             "-gas_composition = '%s' has no %s for the anode (-anode_reaction = %s): add %s", c->gas_spec,
             c->anode_reactant >= 0 ? AzGasNames[c->anode_reactant] : "", c->anode_choices[c->anode_reaction],
             c->anode_reactant >= 0 ? AzGasNames[c->anode_reactant] : "");
  PetscCall(AzActivitiesCompute(c->T, &c->sol, c->bulk, &c->activity));
  PetscCall(AzIonicEvaluate(c));
  if (c->potential && c->conductivity == 0) {
    PetscCheck(c->electrolyte.nsalt > 0, c->comm, PETSC_ERR_USER_INPUT,
               "-electrolyte_potential needs a conductivity: -electrolyte = '%s' has no ions; set electrolyte_conductivity (S/m) or an "
               "electrolyte",
               c->electrolyte_spec);
    AzCallInput(c->comm, AzConductivityCompute(&c->electrolyte, &c->solvent, c->T, &c->conductivity, &c->sol.warnings),
                "-electrolyte = '%s' at %g K", c->electrolyte_spec, (double)c->T);
    c->conductivity *= c->props.conductivity;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The output directory must exist and be writable, or be creatable: checked on rank 0 before any work. Only a missing
// path walks up to its parent; a symbolic link that loops or leads nowhere, a path too long, a component that is a file
// or unreadable are refused here, not when the results are due.
static PetscErrorCode AzCaseCheckOutputDir(AzCase c)
{
  PetscMPIInt rank;
  int         err = 0;
  char        probe[PETSC_MAX_PATH_LEN], why[256] = "", sbuf[128];

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(c->comm, &rank));
  if (rank == 0) {
    struct stat st;
    PetscCall(PetscStrncpy(probe, c->output_dir, sizeof(probe)));
    // Walk up to the nearest existing ancestor: it must be a writable directory.
    while (stat(probe, &st) != 0) {
      char *slash;
      if (errno != ENOENT && errno != ENOTDIR) {  // (a file on the way: said below)
        err = errno;
        PetscCall(PetscSNPrintf(why, sizeof(why), "%s: %s", AzShort(probe, sbuf, sizeof(sbuf)), strerror(err)));
        break;
      }
      if (!lstat(probe, &st) && S_ISLNK(st.st_mode)) {  // a link to nowhere: mkdir cannot make its target
        err = ENOENT;
        PetscCall(PetscSNPrintf(why, sizeof(why), "%s is a symbolic link to a missing directory", AzShort(probe, sbuf, sizeof(sbuf))));
        break;
      }
      slash = strrchr(probe, '/');
      if (!slash) {
        PetscCall(PetscStrncpy(probe, ".", sizeof(probe)));
        break;
      }
      if (slash == probe)
        slash[1] = 0;
      else
        *slash = 0;
    }
    if (err) {
    } else if (stat(probe, &st) != 0 || !S_ISDIR(st.st_mode)) {
      err = ENOTDIR;
      PetscCall(PetscSNPrintf(why, sizeof(why), "%s is not a directory", AzShort(probe, sbuf, sizeof(sbuf))));
    } else if (access(probe, W_OK | X_OK) != 0) {
      err = errno;
      PetscCall(PetscSNPrintf(why, sizeof(why), "%s is not writable (%s)", AzShort(probe, sbuf, sizeof(sbuf)), strerror(err)));
    }
  }
  PetscCallMPI(MPI_Bcast(&err, 1, MPI_INT, 0, c->comm));
  PetscCallMPI(MPI_Bcast(why, sizeof(why), MPI_CHAR, 0, c->comm));
  PetscCheck(!err, c->comm, PETSC_ERR_USER_INPUT, "-output_dir = '%s': %s", AzShort(c->output_dir, sbuf, sizeof(sbuf)), why);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCaseCreate(MPI_Comm comm, AzCase *case_out)
{
  AzCase    c;
  PetscBool has_case, help, help_keys;

  PetscFunctionBeginUser;
  PetscCall(PetscNew(&c));
  *case_out     = c;
  c->comm       = comm;
  c->start_time = AzWallTime();
  PetscCall(AzCellRegisterAll());
  PetscCall(AzOptionsRegistryReset());
  PetscCall(AzSysSetFromOptions());
  PetscCall(PetscOptionsHasHelp(NULL, &help));
  PetscCall(PetscOptionsHasName(NULL, NULL, "-help_keys", &help_keys));
  c->help = (PetscBool)(help || help_keys);
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", c->file, sizeof(c->file), &has_case));
  if (help_keys) PetscFunctionReturn(PETSC_SUCCESS);
  {
    PetscBool has_cell;
    PetscCall(PetscOptionsHasName(NULL, NULL, "-cell", &has_cell));
    PetscCheck(has_case || has_cell || help, comm, PETSC_ERR_USER_INPUT,
               "no case given: run %s -case FILE.yaml [-KEY VALUE ...] (-help lists the keys)", AzProgramName());
  }
  PetscCheck(!has_case || c->file[0], comm, PETSC_ERR_USER_INPUT, "-case needs a file name");
  if (has_case) PetscCall(AzCaseLoadFile(c));
  PetscCall(AzSysInsertOverrides());
  PetscCall(AzCaseSetName(c));
  PetscCall(AzCaseReadCommon(c));
  PetscCall(c->ops.setfromoptions(c));
  if (c->ops.transient) PetscCall(AzCaseReadTime(c));
  PetscCall(AzUQReadKeys(c->comm, &c->props, &c->uq));
  if (help) PetscFunctionReturn(PETSC_SUCCESS);
  {
    char context[64];
    PetscCall(PetscSNPrintf(context, sizeof(context), "cell %s", c->cell_name));
    PetscCall(AzOptionsCheckUnused(comm, context));
  }
  PetscCall(AzCaseEvaluateProperties(c));
  if (c->ops.validate) PetscCall(c->ops.validate(c));
  PetscCall(AzCaseCheckOutputDir(c));
  // Once the input is accepted: each law used beyond its checked range, each estimate, one line (summary.json lists
  // them too, as properties.property_warnings).
  if (!AzQuiet())
    for (PetscInt k = 0; k < c->sol.warnings.n; k++)
      PetscCall(PetscFPrintf(comm, PETSC_STDERR, "%s: warning: %s\n", AzProgramName(), c->sol.warnings.text[k]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The template's context: its destroy, or by default one PetscFree.
static PetscErrorCode AzCaseDestroyCell(AzCase c)
{
  PetscFunctionBeginUser;
  if (c->ops.destroy)
    PetscCall(c->ops.destroy(c));
  else
    PetscCall(PetscFree(c->cell_ctx));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCaseResolveMesh(AzCase c, const PetscInt M[3], const PetscReal refine[])
{
  // unknowns per cell: the dilute model's problems carry at most 5 (gases, a product, the potential), the ionic
  // model's up to AZ_MAX_SPECIES
  const PetscInt per   = c->ionic.model == AZ_MODEL_TERTIARY ? AZ_MAX_SPECIES : 5;
  const double   cells = (double)M[0] * (double)M[1] * (double)M[2], most = (double)PETSC_MAX_INT / per;
  char           buf[32], key[32];

  PetscFunctionBeginUser;
  for (PetscInt d = 0; d < (M[2] > 1 ? 3 : 2); d++) {
    PetscCall(PetscSNPrintf(key, sizeof(key), "mesh_n%c", "xyz"[d]));
    PetscCall(PetscSNPrintf(buf, sizeof(buf), "%" PetscInt_FMT, M[d]));
    PetscCall(AzOptionsRegistrySetValue(key, buf));
    if (!refine) continue;
    PetscCall(PetscSNPrintf(key, sizeof(key), "mesh_refine_%c", "xyz"[d]));
    PetscCall(PetscSNPrintf(buf, sizeof(buf), "%g", (double)refine[d]));
    PetscCall(AzOptionsRegistrySetValue(key, buf));
  }
  PetscCheck(cells <= most, c->comm, PETSC_ERR_USER_INPUT,
             "-mesh_nx x -mesh_ny x -mesh_nz = %" PetscInt_FMT " x %" PetscInt_FMT " x %" PetscInt_FMT
             " = %.3g cells is more than one run can index: allowed up to %.3g cells (32-bit PETSc indices, up to %d unknowns per cell)",
             M[0], M[1], M[2], cells, most, (int)per);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCaseAddAnodeSpecies(AzCase c, AzProblem *p, PetscInt *s)
{
  PetscFunctionBeginUser;
  *s = AZ_N2;
  if (c->anode_reactant >= 0 && c->anode_reactant != (PetscInt)c->reactant) {
    char name[32];
    PetscCall(PetscSNPrintf(name, sizeof(name), "c_%s", AzSpeciesFind(AzGasNames[c->anode_reactant])->key));
    PetscCall(AzProblemAddSpecies(p, name, s));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCaseDestroy(AzCase *c)
{
  PetscFunctionBeginUser;
  if (!*c) PetscFunctionReturn(PETSC_SUCCESS);
  if ((*c)->outdir) PetscCall(AzOutdirClose(&(*c)->outdir, PETSC_FALSE));  // a run that failed: nothing published stays
  PetscCall(AzCaseDestroyCell(*c));
  PetscCall(PetscFree(*c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCasePrintKeyReference(MPI_Comm comm, FILE *fp)
{
  PetscInt           ncell;
  const char *const *cells;
  AzCase             c;

  PetscFunctionBeginUser;
  PetscCall(AzCellRegisterAll());
  PetscCall(AzCellGetNames(&ncell, &cells));
  PetscCall(AzOptionsRegistryReset());
  PetscCall(PetscNew(&c));
  c->comm = comm;
  PetscCall(PetscStrncpy(c->name, "CASE", sizeof(c->name)));
  PetscCall(AzCaseReadCommon(c));  // with the defaults: -help_keys ignores any case file
  for (PetscInt k = 0; k < ncell; k++) {
    PetscCall(AzCaseDestroyCell(c));
    PetscCall(AzCellCreate(k, &c->ops));
    PetscCall(c->ops.setfromoptions(c));
    if (c->ops.transient) PetscCall(AzCaseReadTime(c));
  }
  PetscCall(AzUQRegisterKeys(comm));
  PetscCall(AzOptionsPrintReference(comm, fp));
  PetscCall(AzCaseDestroy(&c));
  PetscFunctionReturn(PETSC_SUCCESS);
}
