// Case input: the YAML file, the common keys, the template's keys, and the checks made before any work.
#include <azote/case.h>
#include <azote/outdir.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

// Equilibrium potentials vs RHE, E_eq = -dG/(nF) per mol of reactant, from the seed review's Table 3 (NIST):
// N2RR: N2 + 3 H2 -> 2 NH3(g), dG = -32.73 kJ/mol N2, 6 e-.
// Water: 2 H2O -> O2 + 2 H2 (the OER and the ORR): dG = 2 x 237.129 kJ (NBS tables, Wagman et al., J. Phys. Chem. Ref.
// Data 11, suppl. 2 (1982)), 4 e-: 1.229 V.
// N2OR: N2 + 6 H2O -> 2 NO3- + 12 H+ + 10 e-, from Table 3 row 6 (N2 + H2O + 5/2 O2 -> 2 HNO3(g), 89.26 kJ/mol N2)
// plus 5 H2O -> 5/2 O2 + 10 (H+ + e-) (5 x 237.129 kJ) and the dissolution of 2 HNO3(g) into H+ + NO3-(aq)
// (2 x (-111.25 + 73.5) kJ, NBS tables): dG = 1199.4 kJ/mol N2, 10 e-: 1.243 V (1.321 V for gaseous HNO3).
#define AZ_E_EQ_N2RR  (32.73e3 / (6 * AZ_FARADAY))
#define AZ_DG_WATER   237.129e3
#define AZ_E_EQ_WATER (2 * AZ_DG_WATER / (4 * AZ_FARADAY))
#define AZ_E_EQ_N2OR  ((89.26e3 + 5 * AZ_DG_WATER + 2 * (-111.25e3 + 73.5e3)) / (10 * AZ_FARADAY))

const char *const AzAnodeReactions[] = {"none", "oer", "n2or", NULL};

// The keys of one reaction, kinetics_<name>_{i0,alpha,order,e_eq,c_ref} (order and c_ref only where it consumes the
// reactant); alpha is the cathodic transfer coefficient of a reduction and the anodic one of an oxidation.
static PetscErrorCode AzReadReaction(PetscOptionItems *PetscOptionsObject, const char name[], const char label[], const char reactant[],
                                     PetscReal i0, PetscReal e_eq, PetscBool consumes, AzReaction *r)
{
  char key[64], help[128];

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(key, sizeof(key), "kinetics_%s_i0", name));
  PetscCall(PetscSNPrintf(help, sizeof(help), "%s exchange current density%s", label, consumes ? " at c_ref" : ""));
  PetscCall(AzOptionsReal(PetscOptionsObject, key, help, "A/m^2", i0, AZ_NONNEGATIVE, &r->i0, NULL));
  PetscCall(PetscSNPrintf(key, sizeof(key), "kinetics_%s_alpha", name));
  PetscCall(PetscSNPrintf(help, sizeof(help), "%s %s transfer coefficient", label, r->anodic ? "anodic" : "cathodic"));
  PetscCall(AzOptionsReal(PetscOptionsObject, key, help, "-", 0.5, AZ_RANGE_OPEN_LO(0, 4), r->anodic ? &r->alpha_a : &r->alpha_c, NULL));
  if (consumes) {
    PetscCall(PetscSNPrintf(key, sizeof(key), "kinetics_%s_order", name));
    PetscCall(PetscSNPrintf(help, sizeof(help), "%s reaction order in dissolved %s", label, reactant));
    PetscCall(AzOptionsReal(PetscOptionsObject, key, help, "-", 1.0, AZ_RANGE(0, 3), &r->order, NULL));
  }
  PetscCall(PetscSNPrintf(key, sizeof(key), "kinetics_%s_e_eq", name));
  PetscCall(PetscSNPrintf(help, sizeof(help), "%s equilibrium potential", label));
  PetscCall(AzOptionsReal(PetscOptionsObject, key, help, "V vs RHE", e_eq, AZ_RANGE(-3, 3), &r->e_eq, NULL));
  if (consumes) {
    PetscCall(PetscSNPrintf(key, sizeof(key), "kinetics_%s_c_ref", name));
    PetscCall(PetscSNPrintf(help, sizeof(help), "reference %s concentration of kinetics_%s_i0", reactant, name));
    PetscCall(AzOptionsReal(PetscOptionsObject, key, help, "mol/m^3", 1.0, AZ_POSITIVE, &r->c_ref, NULL));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

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
  PetscInt           ncell, cell = 0, mode = AZ_ELECTRODE_POTENTIOSTATIC;
  const char *const *cells;
  char               def_out[PETSC_MAX_PATH_LEN];
  AzElectrode       *e = &c->electrode;

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
                            "none or SALT:CONC,... (docs/thermo.md)", "none", c->electrolyte_spec, sizeof(c->electrolyte_spec), NULL));
  PetscOptionsEnd();

  PetscOptionsBegin(c->comm, NULL, "electrode", NULL);
  PetscCall(AzOptionsEnum(PetscOptionsObject, "electrode_mode", "how the working electrode is driven", AzElectrodeModes,
                          AZ_ELECTRODE_POTENTIOSTATIC, &mode, NULL));
  e->mode = (AzElectrodeMode)mode;
  PetscCall(AzOptionsEnum(PetscOptionsObject, "electrode_reaction",
                          "the working electrode's main reaction: n2rr (with HER), n2or (anode, with OER), orr (with HER)",
                          AzElectrodeReactions, AZ_REACTION_N2RR, &mode, NULL));
  e->kind     = (AzElectrodeReaction)mode;
  c->reactant = e->kind == AZ_REACTION_ORR ? AZ_GAS_O2 : AZ_GAS_N2;
  PetscCall(AzOptionsEnum(PetscOptionsObject, "anode_reaction",
                          "a full cell's anode, facing the working electrode: none (a non-polarisable counter electrode), oer, n2or (with "
                          "OER); needs electrolyte_potential",
                          AzAnodeReactions, AZ_ANODE_NONE, &c->anode_reaction, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "cell_voltage",
                          "full cell: anode minus cathode potential (potentiostatic; galvanostatic: first guess)", "V", 2.0,
                          AZ_RANGE(0, 10), &c->cell_voltage, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "electrode_potential", "electrode potential (potentiostatic; galvanostatic: first guess)",
                          "V vs RHE", -0.2, AZ_RANGE(-3, 3), &e->potential, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "electrode_current",
                          "total current density per geometric electrode area, magnitude (galvanostatic; anodic for n2or)", "A/m^2", 10,
                          AZ_RANGE_OPEN_LO(0, 1e6), &e->current, NULL));
  PetscOptionsEnd();

  PetscOptionsBegin(c->comm, NULL, "electrolyte", NULL);
  PetscCall(AzOptionsBool(PetscOptionsObject, "electrolyte_potential",
                          "solve the electrolyte potential (ohmic drop, secondary current distribution); false: primary kinetics",
                          PETSC_FALSE, &c->potential, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, "electrolyte_conductivity", "electrolyte conductivity (0: from the composition)", "S/m", 0,
                          AZ_RANGE(0, 1e3), &c->conductivity, NULL));
  PetscOptionsEnd();

  PetscOptionsBegin(c->comm, NULL, "kinetics", NULL);
  // The N2RR and HER defaults are placeholders of the right order; N2OR, OER and ORR have no default catalyst:
  // set them from the catalyst's Tafel data.
  e->n2rr = (AzReaction){.n_electrons = 6, .alpha_a = 0.5, .c_ref = 1};
  e->her  = (AzReaction){.n_electrons = 2, .alpha_a = 0.5, .c_ref = 1};
  e->n2or = (AzReaction){.n_electrons = 10, .alpha_c = 0.5, .c_ref = 1, .anodic = PETSC_TRUE};
  e->oer  = (AzReaction){.n_electrons = 4, .alpha_c = 0.5, .c_ref = 1, .anodic = PETSC_TRUE};
  e->orr  = (AzReaction){.n_electrons = 4, .alpha_a = 0.5, .c_ref = 1};
  PetscCall(AzReadReaction(PetscOptionsObject, "n2rr", "N2RR", "N2", 1e-3, AZ_E_EQ_N2RR, PETSC_TRUE, &e->n2rr));
  PetscCall(AzReadReaction(PetscOptionsObject, "her", "HER", NULL, 1e-2, 0.0, PETSC_FALSE, &e->her));
  PetscCall(AzReadReaction(PetscOptionsObject, "n2or", "N2OR", "N2", 1e-3, AZ_E_EQ_N2OR, PETSC_TRUE, &e->n2or));
  PetscCall(AzReadReaction(PetscOptionsObject, "oer", "OER", NULL, 1e-5, AZ_E_EQ_WATER, PETSC_FALSE, &e->oer));
  PetscCall(AzReadReaction(PetscOptionsObject, "orr", "ORR", "O2", 1e-3, AZ_E_EQ_WATER, PETSC_TRUE, &e->orr));
  PetscOptionsEnd();

  // A full cell: the anode's metal potential is the reference (0) and the cathode's is -cell_voltage.
  if (c->anode_reaction != AZ_ANODE_NONE) {
    PetscCheck(c->potential, c->comm, PETSC_ERR_USER_INPUT,
               "-anode_reaction = %s makes a full cell, whose current crosses the electrolyte: set electrolyte_potential true",
               AzAnodeReactions[c->anode_reaction]);
    PetscCheck(e->kind != AZ_REACTION_N2OR, c->comm, PETSC_ERR_USER_INPUT,
               "-anode_reaction = %s needs a cathode as the working electrode: -electrode_reaction = n2or is an anode (use n2rr or orr)",
               AzAnodeReactions[c->anode_reaction]);
    c->anode           = *e;
    c->anode.kind      = AZ_REACTION_N2OR;
    c->anode.mode      = e->mode == AZ_ELECTRODE_OFF ? AZ_ELECTRODE_OFF : AZ_ELECTRODE_POTENTIOSTATIC;
    c->anode.potential = 0;
    if (c->anode_reaction == AZ_ANODE_OER) c->anode.n2or.i0 = 0;
    e->potential = -c->cell_voltage;
  }

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
  PetscOptionsEnd();
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
  AzCallInput(c->comm, AzSolubilityCompute(c->T, c->P, &c->gas, &c->electrolyte, &c->sol),
              "-operating_temperature = %g K, -operating_pressure = %g Pa", (double)c->T, (double)c->P);
  PetscCheck(
      c->sol.gas[c->reactant].c_sat > 0 || c->electrode.mode == AZ_ELECTRODE_OFF, c->comm, PETSC_ERR_USER_INPUT,
      "-gas_composition = '%s' has no %s: there is nothing for -electrode_reaction = %s to consume (add %s, or set -electrode_mode off)",
      c->gas_spec, c->reactant == AZ_GAS_O2 ? "O2" : "N2", AzElectrodeReactions[c->electrode.kind], c->reactant == AZ_GAS_O2 ? "O2" : "N2");
  PetscCheck(c->anode_reaction != AZ_ANODE_N2OR || c->sol.gas[AZ_GAS_N2].c_sat > 0, c->comm, PETSC_ERR_USER_INPUT,
             "-gas_composition = '%s' has no N2 for the anode (-anode_reaction = n2or): add N2", c->gas_spec);
  if (c->potential && c->conductivity == 0) {
    PetscCheck(c->electrolyte.nsalt > 0, c->comm, PETSC_ERR_USER_INPUT,
               "-electrolyte_potential needs a conductivity: -electrolyte = '%s' has no ions; set electrolyte_conductivity (S/m) or an "
               "electrolyte",
               c->electrolyte_spec);
    AzCallInput(c->comm, AzElectrolyteConductivity(&c->electrolyte, c->T, &c->conductivity), "-electrolyte = '%s' at %g K",
                c->electrolyte_spec, (double)c->T);
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
  *case_out = c;
  c->comm   = comm;
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
  if (help) PetscFunctionReturn(PETSC_SUCCESS);
  {
    char context[64];
    PetscCall(PetscSNPrintf(context, sizeof(context), "cell %s", c->cell_name));
    PetscCall(AzOptionsCheckUnused(comm, context));
  }
  PetscCall(AzCaseEvaluateProperties(c));
  if (c->ops.validate) PetscCall(c->ops.validate(c));
  PetscCall(AzCaseCheckOutputDir(c));
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
  const double cells = (double)M[0] * (double)M[1] * (double)M[2], most = (double)PETSC_MAX_INT / AZ_MAX_SPECIES;
  char         buf[32], key[32];

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
             M[0], M[1], M[2], cells, most, AZ_MAX_SPECIES);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzCaseAddAnodeSpecies(AzCase c, AzProblem *p, PetscInt *s)
{
  PetscFunctionBeginUser;
  *s = AZ_N2;
  if (c->anode_reaction == AZ_ANODE_N2OR && c->reactant != AZ_GAS_N2) PetscCall(AzProblemAddSpecies(p, "c_n2", s));
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
  PetscCall(AzOptionsPrintReference(comm, fp));
  PetscCall(AzCaseDestroy(&c));
  PetscFunctionReturn(PETSC_SUCCESS);
}
