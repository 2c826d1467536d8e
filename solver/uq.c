// Uncertainty studies (DESIGN §7, §8; docs/uq.md): `uq_samples N` over the inputs of the `uncertainty:` block and the
// property laws' default uncertainties.
//
//   1. the uncertain inputs are resolved (the user's, then the defaults below for the laws this case uses) and written
//      to output_dir/uq_inputs.json;
//   2. postproc/azuq.py (OpenTURNS) draws the N samples, quasi-random: a Sobol sequence with a random shift
//      (Cranley-Patterson, seeded by uq_seed) or a Latin hypercube, and writes them as output_dir/uq_design.csv;
//   3. the samples run on the sweep engine as a list of points (-sweep_points): one MPI job in groups of ranks, or a
//      SLURM job array; resumable, and a sample that fails is recorded with its error (solver/sweep.c);
//   4. once every sample is there, postproc/azuq.py writes uncertainty.json (per metric: mean, sigma, p05, p50, p95
//      over the samples that ran, Sobol first-order and total indices from a polynomial-chaos surrogate), prints the
//      table and draws tornado.png and uq_convergence.png. Failed samples are listed, never averaged in.
#include <azote/azote.h>
#include <errno.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#ifndef AZOTE_POSTPROC_DIR
#define AZOTE_POSTPROC_DIR "postproc"
#endif

// Default uncertainties of the property laws, from the deviations docs/thermo.md reports against measured data. Each is
// uniform over +-bound (its relative sigma bound/sqrt(3)): the deviations are bounds, not standard errors.
typedef struct {
  const char *key;
  PetscReal   bound;  // half-width of the uniform distribution, relative
  const char *source;
} AzUQDefault;

static const AzUQDefault az_uq_defaults[] = {
    {"props_henry_factor_n2", 0.03, "IAPWS G7-04 N2 solubility vs Weiss (1970) and NBS (1973), 0-50 C: -2.3 to +2.8 % (docs/thermo.md 2)"},
    {"props_henry_factor_o2", 0.0125, "IAPWS G7-04 O2 solubility vs Benson & Krause (Garcia & Gordon 1992), 0-50 C: -1.23 to +1.02 %"},
    {"props_salting_factor", 0.10,
     "assumed +-10 % of the Weisenberger-Schumpe (1996) exponent; our check (O2 in 1 M KOH vs Davis et al. 1967) is within 0.9 %"},
    {"props_diffusivity_factor", 0.10,
     "reference D at 25 C: gas-liquid diffusivities from different methods differ by ~10 % (CRC Handbook)"},
    {"props_viscosity_factor", 0.02, "Laliberte (2007/2009) electrolyte viscosity vs the CRC Handbook, 13 salts at 20 C: within 1.7 %"},
    {"props_conductivity_factor", 0.06,
     "conductivity from the composition vs measured KCl, NaCl (1 %) and KOH+NaOH (Snyder et al. 2003, 6 %)"},
};

// The inputs of the study: the user's (the uncertainty: block), then each default that applies to this case and that
// the user did not set. The nominal value is the key's resolved value in the case.
static PetscErrorCode AzUQResolveInputs(AzCase c, AzUQ *uq)
{
  PetscInt             nreg, n = 0;
  const AzOptionEntry *reg;
  AzUQInput            all[AZ_UQ_MAX_INPUTS + 8];

  PetscFunctionBeginUser;
  *uq = c->uq;
  PetscCall(AzOptionsRegistryGet(&nreg, &reg));
  for (PetscInt i = 0; i < c->uq.ninput; i++) all[n++] = c->uq.input[i];
  if (c->uq.defaults) {
    PetscBool applies[6];
    applies[0] = (PetscBool)(c->sol.gas[AZ_GAS_N2].c_sat > 0);
    applies[1] = (PetscBool)(c->sol.gas[AZ_GAS_O2].c_sat > 0);
    applies[2] = (PetscBool)(c->electrolyte.nion > 0);
    applies[3] = PETSC_TRUE;
    applies[4] = c->sol.viscosity_corrected;
    applies[5] = c->potential;
    for (PetscInt i = 0; i < 6; i++) {
      PetscBool user = PETSC_FALSE;
      for (PetscInt k = 0; k < c->uq.ninput; k++) user = (PetscBool)(user || !strcmp(c->uq.input[k].key, az_uq_defaults[i].key));
      if (i == 5) {
        // only a conductivity computed from the composition carries the law's uncertainty
        for (PetscInt k = 0; k < nreg; k++)
          if (!strcmp(reg[k].key, "electrolyte_conductivity") && strcmp(reg[k].value, "0")) applies[5] = PETSC_FALSE;
      }
      if (!applies[i] || user) continue;
      all[n] = (AzUQInput){.sigma = az_uq_defaults[i].bound / PetscSqrtReal(3.0), .dist = AZ_UQ_UNIFORM};
      PetscCall(PetscStrncpy(all[n].key, az_uq_defaults[i].key, sizeof(all[n].key)));
      PetscCall(PetscSNPrintf(all[n].source, sizeof(all[n].source), "default: %s", az_uq_defaults[i].source));
      n++;
    }
  }
  uq->ninput = 0;
  for (PetscInt i = 0; i < n; i++) {
    AzUQInput *in    = &all[i];
    PetscBool  found = PETSC_FALSE, ok;
    if (in->sigma == 0) continue;  // a default switched off
    for (PetscInt k = 0; k < nreg && !found; k++)
      if (!strcmp(reg[k].key, in->key)) {
        PetscCall(AzParseReal(reg[k].value, &in->nominal, &ok));
        found = ok;
      }
    PetscCheck(found, c->comm, PETSC_ERR_USER_INPUT, "-uncertainty_%s_sigma: %s has no numeric value in this case", in->key, in->key);
    PetscCheck(
        in->nominal != 0, c->comm, PETSC_ERR_USER_INPUT,
        "-uncertainty_%s_sigma = %g: %s is 0 in this case, and a relative sigma of 0 is no uncertainty: give the key a non-zero value",
        in->key, (double)in->sigma, in->key);
    PetscCheck(in->dist != AZ_UQ_LOGNORMAL || in->nominal > 0, c->comm, PETSC_ERR_USER_INPUT,
               "-uncertainty_%s_distribution = lognormal: %s = %g is not positive; allowed normal or uniform", in->key, in->key,
               (double)in->nominal);
    PetscCheck(uq->ninput < AZ_UQ_MAX_INPUTS, c->comm, PETSC_ERR_USER_INPUT,
               "the uncertainty: block and the defaults make more than %d uncertain inputs: set uncertainty_defaults false or drop some",
               AZ_UQ_MAX_INPUTS);
    uq->input[uq->ninput++] = *in;
  }
  PetscCheck(uq->ninput > 0, c->comm, PETSC_ERR_USER_INPUT,
             "-uq_samples = %" PetscInt_FMT
             ": no input is uncertain; give an uncertainty: block (KEY: {sigma: S, distribution: D}) or "
             "keep uncertainty_defaults true",
             uq->samples);
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Runs postproc/azuq.py with the arguments given (on the calling rank); *code is its exit status.
static PetscErrorCode AzUQPython(const char *action, const char dir[], PetscBool quiet, int *code)
{
  const char *py = getenv("AZOTE_PYTHON"), *pp = getenv("AZOTE_POSTPROC_DIR");
  char        script[PETSC_MAX_PATH_LEN];
  char       *argv[6];
  pid_t       pid;
  int         st = 0, err;

  PetscFunctionBeginUser;
  if (!py || !*py) py = "/usr/bin/python3";
  PetscCall(PetscSNPrintf(script, sizeof(script), "%s/azuq.py", pp && *pp ? pp : AZOTE_POSTPROC_DIR));
  argv[0] = (char *)py, argv[1] = script, argv[2] = (char *)action, argv[3] = (char *)dir;
  argv[4] = quiet ? (char *)"--quiet" : NULL, argv[5] = NULL;
  fflush(stdout);
  fflush(stderr);
  err = posix_spawn(&pid, py, NULL, NULL, argv, environ);
  PetscCheck(!err, PETSC_COMM_SELF, PETSC_ERR_FILE_UNEXPECTED,
             "uncertainty study: cannot run %s (%s): the statistics need Python 3 with OpenTURNS (apt-get install python3-openturns)", py,
             strerror(err));
  while (waitpid(pid, &st, 0) < 0 && errno == EINTR) continue;
  *code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzUQWriteInputs(AzCase c, const AzUQ *uq, const char path[])
{
  AzJSON               j;
  const char          *text;
  PetscInt             nreg;
  const AzOptionEntry *reg;

  PetscFunctionBeginUser;
  PetscCall(AzOptionsRegistryGet(&nreg, &reg));
  PetscCall(AzJSONCreate(&j));
  PetscCall(AzJSONBeginObject(j, NULL));
  PetscCall(AzJSONString(j, "case_file", c->file));
  PetscCall(AzJSONString(j, "cell", c->cell_name));
  PetscCall(AzJSONInt(j, "samples", uq->samples));
  PetscCall(AzJSONInt(j, "seed", uq->seed));
  PetscCall(AzJSONString(j, "design", AzUQDesigns[uq->design]));
  PetscCall(AzJSONBeginObject(j, "inputs"));
  for (PetscInt i = 0; i < uq->ninput; i++) {
    const AzUQInput *in = &uq->input[i];
    PetscCall(AzJSONBeginObject(j, in->key));
    PetscCall(AzJSONReal(j, "nominal", in->nominal));
    for (PetscInt k = 0; k < nreg; k++)
      if (!strcmp(reg[k].key, in->key)) PetscCall(AzJSONString(j, "unit", reg[k].unit));
    PetscCall(AzJSONString(j, "distribution", AzUQDistributions[in->dist]));
    PetscCall(AzJSONReal(j, "sigma_rel", in->sigma));
    PetscCall(AzJSONString(j, "source", in->source));
    PetscCall(AzJSONEndObject(j));
  }
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONEndObject(j));
  PetscCall(AzJSONGetText(j, &text));
  PetscCall(AzFileWriteAtomic(c->comm, path, text));
  PetscCall(AzJSONDestroy(&j));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Rank 0 runs azuq.py `action`; every rank fails with one line if it did.
static PetscErrorCode AzUQRunStep(AzCase c, const char action[], const char what[])
{
  PetscMPIInt rank;
  int         code = 0;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(c->comm, &rank));
  if (rank == 0) {
    PetscErrorCode ierr;
    PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
    ierr = AzUQPython(action, c->output_dir, AzQuiet(), &code);
    PetscCall(PetscPopErrorHandler());
    if (ierr) code = -1;
  }
  PetscCallMPI(MPI_Bcast(&code, 1, MPI_INT, 0, c->comm));
  PetscCheck(
      code != -1, c->comm, PETSC_ERR_FILE_UNEXPECTED,
      "uncertainty study: cannot run Python for the %s (set AZOTE_PYTHON to a Python 3 with OpenTURNS, apt-get install python3-openturns)",
      what);
  PetscCheck(code == 0, c->comm, PETSC_ERR_FILE_UNEXPECTED,
             "uncertainty study: the %s failed (postproc/azuq.py %s exited with %d; its message is above)", what, action, code);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzRunUQ(AzCase c, PetscBool *was_uq)
{
  AzUQ           uq;
  char           path[PETSC_MAX_PATH_LEN], design[PETSC_MAX_PATH_LEN], *all, *save = NULL;
  PetscBool      swept, complete = PETSC_FALSE;
  PetscMPIInt    rank;
  PetscLogDouble t0 = AzWallTime();

  PetscFunctionBeginUser;
  *was_uq = (PetscBool)(c->uq.samples > 0);
  if (!*was_uq) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCallMPI(MPI_Comm_rank(c->comm, &rank));
  PetscCall(PetscOptionsGetAll(NULL, &all));
  for (char *tok = strtok_r(all, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
    const PetscBool axis = (PetscBool)(!strncmp(tok, "-sweep_", 7) && strcmp(tok, "-sweep_ranks_per_case") &&
                                       strcmp(tok, "-sweep_fields") && strcmp(tok, "-sweep_shared"));
    if (axis) {
      char name[64];
      PetscCall(PetscStrncpy(name, tok, sizeof(name)));
      PetscCall(PetscFree(all));
      SETERRQ(c->comm, PETSC_ERR_USER_INPUT,
              "-uq_samples = %" PetscInt_FMT " and %s: an uncertainty study runs its own samples; run the sweep and the study separately",
              c->uq.samples, name);
    }
  }
  PetscCall(PetscFree(all));
  PetscCall(AzUQResolveInputs(c, &uq));

  PetscCall(AzOutputMakeDir(c->comm, c->output_dir));
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/uq_inputs.json", c->output_dir));
  PetscCall(AzUQWriteInputs(c, &uq, path));
  PetscCall(AzPrintf(c->comm, "%s: uncertainty study of %s: %" PetscInt_FMT " %s samples of %" PetscInt_FMT " inputs\n", AzProgramName(),
                     c->name, uq.samples, AzUQDesigns[uq.design], uq.ninput));
  for (PetscInt i = 0; i < uq.ninput; i++)
    PetscCall(AzPrintf(c->comm, "  %-28s %-9s sigma %5.2f %% of %-12.6g %s\n", uq.input[i].key, AzUQDistributions[uq.input[i].dist],
                       (double)(100 * uq.input[i].sigma), (double)uq.input[i].nominal, uq.input[i].source));
  PetscCall(AzUQRunStep(c, "design", "design of the samples"));

  // the samples, on the sweep engine
  PetscCall(PetscSNPrintf(design, sizeof(design), "%s/uq_design.csv", c->output_dir));
  PetscCall(PetscOptionsSetValue(NULL, "-sweep_points", design));
  PetscCall(AzRunSweep(c, &swept));
  PetscCall(PetscOptionsClearValue(NULL, "-sweep_points"));

  // the statistics, once every sample is there (a job of an array that ends first leaves them to the last one)
  if (rank == 0) {
    struct stat sb;
    PetscCall(PetscSNPrintf(path, sizeof(path), "%s/sweep.csv", c->output_dir));
    complete = (PetscBool)(stat(path, &sb) == 0);
  }
  PetscCallMPI(MPI_Bcast(&complete, 1, MPIU_BOOL, 0, c->comm));
  if (!complete) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(AzUQRunStep(c, "analyse", "statistics"));
  PetscCall(AzPrintf(c->comm,
                     "%s: uncertainty study in %.3g s; results in %s/ (uncertainty.json, tornado.png, uq_convergence.png, sweep.csv)\n",
                     AzProgramName(), (double)(AzWallTime() - t0), c->output_dir));
  PetscFunctionReturn(PETSC_SUCCESS);
}
