// Case keys: parsing, validation with one-line errors, and the registry behind the reference table.
#include <azote/options.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

#define AZ_MAX_OPTIONS 256

static AzOptionEntry az_registry[AZ_MAX_OPTIONS];
static PetscInt      az_nregistry = 0;

PetscErrorCode AzOptionsRegistryReset(void)
{
  PetscFunctionBeginUser;
  az_nregistry = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOptionsRegistryGet(PetscInt *n, const AzOptionEntry **entries)
{
  PetscFunctionBeginUser;
  *n       = az_nregistry;
  *entries = az_registry;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static AzOptionEntry *AzRegistryFind(const char key[])
{
  for (PetscInt i = 0; i < az_nregistry; i++)
    if (!strcmp(az_registry[i].key, key)) return &az_registry[i];
  return NULL;
}

// Registers (or refreshes, when a block runs twice) a key with its documentation.
static PetscErrorCode AzRegistryAdd(PetscOptionItems *PetscOptionsObject, const char key[], const char type[], const char unit[],
                                    const char def[], const char range[], const char help[], AzOptionEntry **entry)
{
  AzOptionEntry *e = AzRegistryFind(key);

  PetscFunctionBeginUser;
  if (!e) {
    PetscCheck(az_nregistry < AZ_MAX_OPTIONS, PETSC_COMM_SELF, PETSC_ERR_PLIB, "too many case keys (%d)", AZ_MAX_OPTIONS);
    e = &az_registry[az_nregistry++];
    PetscCall(PetscMemzero(e, sizeof(*e)));
  }
  PetscCall(PetscStrncpy(e->key, key, sizeof(e->key)));
  PetscCall(PetscStrncpy(e->type, type, sizeof(e->type)));
  PetscCall(PetscStrncpy(e->unit, unit, sizeof(e->unit)));
  PetscCall(PetscStrncpy(e->def, def, sizeof(e->def)));
  PetscCall(PetscStrncpy(e->range, range, sizeof(e->range)));
  PetscCall(PetscStrncpy(e->help, help, sizeof(e->help)));
  PetscCall(PetscStrncpy(e->section, PetscOptionsObject->title ? PetscOptionsObject->title : "", sizeof(e->section)));
  if (PetscOptionsObject->printhelp && PetscOptionsObject->count == 1 && !PetscOptionsObject->alreadyprinted)
    PetscCall((*PetscHelpPrintf)(PetscOptionsObject->comm, "  -%s <%s> %s: %s; allowed %s\n", key, def, unit[0] ? unit : "", help, range));
  *entry = e;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOptionsRegistrySetValue(const char key[], const char value[])
{
  AzOptionEntry *e = AzRegistryFind(key);

  PetscFunctionBeginUser;
  PetscCheck(e, PETSC_COMM_SELF, PETSC_ERR_PLIB, "key %s is not registered", key);
  PetscCall(PetscStrncpy(e->value, value, sizeof(e->value)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

const char *AzShort(const char s[], char buf[], size_t len)
{
  const size_t n = s ? strlen(s) : 0;
  if (!s) return "";
  if (n < len || len < 16) return s;
  snprintf(buf, len, "%.*s...%s", (int)(len / 2 - 4), s, s + n - (len / 2 - 4));
  return buf;
}

static void AzFormatBound(char *buf, size_t len, PetscReal v)
{
  if (v >= PETSC_MAX_REAL)
    snprintf(buf, len, "inf");
  else if (v <= PETSC_MIN_REAL)
    snprintf(buf, len, "-inf");
  else
    snprintf(buf, len, "%g", (double)v);
}

static void AzFormatRange(char *buf, size_t len, AzRange r)
{
  char lo[32], hi[32];
  AzFormatBound(lo, sizeof(lo), r.lo);
  AzFormatBound(hi, sizeof(hi), r.hi);
  snprintf(buf, len, "%s%s, %s%s", r.lo_open || r.lo <= PETSC_MIN_REAL ? "(" : "[", lo, hi,
           r.hi_open || r.hi >= PETSC_MAX_REAL ? ")" : "]");
}

// Reads the raw text of -key. A key given without a value (a YAML null, or "-key" at the end of the command line)
// is an error for every key that is not a flag.
static PetscErrorCode AzOptionsGetRaw(const char key[], char raw[], size_t len, PetscBool *set)
{
  char        opt[80], sbuf[96];
  const char *full = NULL;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(opt, sizeof(opt), "-%s", key));
  raw[0] = 0;
  // a value longer than the buffer would be cut (3000 digits and a letter read as 255 digits): refused whole
  PetscCall(PetscOptionsFindPair(NULL, NULL, opt, &full, set));
  PetscCheck(!*set || !full || strlen(full) < len, PETSC_COMM_WORLD, PETSC_ERR_USER_INPUT,
             "-%s = '%s' is too long (%d characters): allowed at most %d", key, AzShort(full, sbuf, sizeof(sbuf)), (int)strlen(full),
             (int)len - 1);
  PetscCall(PetscOptionsGetString(NULL, NULL, opt, raw, len, set));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOptionsReal(PetscOptionItems *PetscOptionsObject, const char key[], const char help[], const char unit[], PetscReal def,
                             AzRange range, PetscReal *value, PetscBool *set)
{
  char           raw[256], rng[160], dstr[64];
  PetscBool      given, ok;
  PetscReal      v = def;
  AzOptionEntry *e;

  PetscFunctionBeginUser;
  AzFormatRange(rng, sizeof(rng), range);
  snprintf(dstr, sizeof(dstr), "%g", (double)def);
  PetscCall(AzRegistryAdd(PetscOptionsObject, key, "real", unit, dstr, rng, help, &e));
  PetscCall(AzOptionsGetRaw(key, raw, sizeof(raw), &given));
  if (given) {
    char sbuf[96];
    PetscCall(AzParseReal(raw, &v, &ok));
    PetscCheck(ok, PETSC_COMM_WORLD, PETSC_ERR_USER_INPUT, "-%s = '%s' is not a finite number (expected %s in %s, %s)", key,
               AzShort(raw, sbuf, sizeof(sbuf)), unit[0] ? unit : "a value", rng, help);
  }
  ok = (PetscBool)((range.lo_open ? v > range.lo : v >= range.lo) && (range.hi_open ? v < range.hi : v <= range.hi));
  PetscCheck(ok, PETSC_COMM_WORLD, PETSC_ERR_USER_INPUT, "-%s = %g %s is out of range: allowed %s %s (%s)", key, (double)v, unit, rng, unit,
             help);
  snprintf(e->value, sizeof(e->value), "%.17g", (double)v);
  *value = v;
  if (set) *set = given;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOptionsInt(PetscOptionItems *PetscOptionsObject, const char key[], const char help[], PetscInt def, PetscInt lo,
                            PetscInt hi, PetscInt *value, PetscBool *set)
{
  char           raw[256], rng[96], dstr[32];
  PetscBool      given, ok = PETSC_TRUE;
  PetscReal      r;
  PetscInt       v = def;
  AzOptionEntry *e;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(rng, sizeof(rng), "[%" PetscInt_FMT ", %" PetscInt_FMT "]", lo, hi));
  PetscCall(PetscSNPrintf(dstr, sizeof(dstr), "%" PetscInt_FMT, def));
  PetscCall(AzRegistryAdd(PetscOptionsObject, key, "int", "-", dstr, rng, help, &e));
  PetscCall(AzOptionsGetRaw(key, raw, sizeof(raw), &given));
  if (given) {
    // Accept "200" and "2e2" (YAML users write both) but not "2.5" or "abc".
    PetscCall(AzParseReal(raw, &r, &ok));
    ok = (PetscBool)(ok && r == PetscFloorReal(r) && PetscAbsReal(r) < 1e15);
    char sbuf[96];
    PetscCheck(ok, PETSC_COMM_WORLD, PETSC_ERR_USER_INPUT, "-%s = '%s' is not an integer (allowed %s: %s)", key,
               AzShort(raw, sbuf, sizeof(sbuf)), rng, help);
    v = (PetscInt)r;
  }
  PetscCheck(v >= lo && v <= hi, PETSC_COMM_WORLD, PETSC_ERR_USER_INPUT, "-%s = %" PetscInt_FMT " is out of range: allowed %s (%s)", key, v,
             rng, help);
  PetscCall(PetscSNPrintf(e->value, sizeof(e->value), "%" PetscInt_FMT, v));
  *value = v;
  if (set) *set = given;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOptionsBool(PetscOptionItems *PetscOptionsObject, const char key[], const char help[], PetscBool def, PetscBool *value,
                             PetscBool *set)
{
  static const char *const yes[] = {"true", "yes", "on", "1", NULL}, *const no[] = {"false", "no", "off", "0", NULL};
  char           raw[256];
  PetscBool      given, match = PETSC_FALSE, v = def;
  AzOptionEntry *e;

  PetscFunctionBeginUser;
  PetscCall(AzRegistryAdd(PetscOptionsObject, key, "bool", "", def ? "true" : "false", "true, false", help, &e));
  PetscCall(AzOptionsGetRaw(key, raw, sizeof(raw), &given));
  if (given) {
    if (!raw[0]) v = PETSC_TRUE, match = PETSC_TRUE;  // a bare flag on the command line
    for (int i = 0; yes[i] && !match; i++) {
      PetscCall(PetscStrcasecmp(raw, yes[i], &match));
      if (match) v = PETSC_TRUE;
    }
    for (int i = 0; no[i] && !match; i++) {
      PetscCall(PetscStrcasecmp(raw, no[i], &match));
      if (match) v = PETSC_FALSE;
    }
    char sbuf[96];
    PetscCheck(match, PETSC_COMM_WORLD, PETSC_ERR_USER_INPUT, "-%s = '%s' is not a boolean (allowed true or false: %s)", key,
               AzShort(raw, sbuf, sizeof(sbuf)), help);
  }
  PetscCall(PetscStrncpy(e->value, v ? "true" : "false", sizeof(e->value)));
  *value = v;
  if (set) *set = given;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOptionsEnum(PetscOptionItems *PetscOptionsObject, const char key[], const char help[], const char *const names[],
                             PetscInt def, PetscInt *value, PetscBool *set)
{
  char           raw[256], list[160] = "";
  PetscBool      given, match        = PETSC_FALSE;
  PetscInt       v = def, n = 0;
  AzOptionEntry *e;

  PetscFunctionBeginUser;
  for (n = 0; names[n]; n++) {
    if (n) PetscCall(PetscStrlcat(list, ", ", sizeof(list)));
    PetscCall(PetscStrlcat(list, names[n], sizeof(list)));
  }
  PetscCheck(def >= 0 && def < n, PETSC_COMM_SELF, PETSC_ERR_PLIB, "bad default for -%s", key);
  PetscCall(AzRegistryAdd(PetscOptionsObject, key, "enum", "", names[def], list, help, &e));
  PetscCall(AzOptionsGetRaw(key, raw, sizeof(raw), &given));
  if (given) {
    for (PetscInt i = 0; i < n && !match; i++) {
      PetscCall(PetscStrcmp(raw, names[i], &match));
      if (match) v = i;
    }
    char sbuf[96];
    PetscCheck(match, PETSC_COMM_WORLD, PETSC_ERR_USER_INPUT, "-%s = '%s' is not allowed: choose one of %s", key,
               AzShort(raw, sbuf, sizeof(sbuf)), list);
  }
  PetscCall(PetscStrncpy(e->value, names[v], sizeof(e->value)));
  *value = v;
  if (set) *set = given;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOptionsString(PetscOptionItems *PetscOptionsObject, const char key[], const char help[], const char allowed[],
                               const char def[], char value[], size_t len, PetscBool *set)
{
  char           raw[PETSC_MAX_PATH_LEN];
  PetscBool      given;
  AzOptionEntry *e;

  PetscFunctionBeginUser;
  PetscCall(AzRegistryAdd(PetscOptionsObject, key, "string", "", def, allowed, help, &e));
  PetscCall(AzOptionsGetRaw(key, raw, sizeof(raw), &given));
  if (given) {
    PetscCheck(raw[0], PETSC_COMM_WORLD, PETSC_ERR_USER_INPUT, "-%s is given without a value (allowed: %s)", key, allowed);
    char sbuf[96];
    PetscCheck(strlen(raw) < len, PETSC_COMM_WORLD, PETSC_ERR_USER_INPUT, "-%s = '%s' is too long (%d characters): allowed at most %d", key,
               AzShort(raw, sbuf, sizeof(sbuf)), (int)strlen(raw), (int)len - 1);
    PetscCall(PetscStrncpy(value, raw, len));
  } else
    PetscCall(PetscStrncpy(value, def, len));
  PetscCall(PetscStrncpy(e->value, value, sizeof(e->value)));
  if (set) *set = given;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Options that belong to PETSc (solvers, logging, viewers, debugging) are PETSc's to check: some are only read
// when the solve starts. Everything else must have been read by an azote module.
static PetscBool AzIsPetscOption(const char name[])
{
  static const char *const prefixes[] = {"snes_",
                                         "ksp_",
                                         "pc_",
                                         "mat_",
                                         "vec_",
                                         "dm_",
                                         "da_",
                                         "ts_",
                                         "tao_",
                                         "log",
                                         "malloc",
                                         "info",
                                         "options_",
                                         "help",
                                         "version",
                                         "viewer",
                                         "draw",
                                         "on_error",
                                         "fp_trap",
                                         "check_",
                                         "memory_",
                                         "objects_",
                                         "citations",
                                         "use_gpu_aware_mpi",
                                         "device_",
                                         "mpi",
                                         "nox",
                                         "error_output",
                                         "history",
                                         "stack",
                                         "skip_petscrc",
                                         "saws",
                                         "python",
                                         "petsc",
                                         "sf_",
                                         "is_",
                                         "mg_",          // multigrid levels and coarse solver (-pc_type gamg or mg)
                                         "sub_",         // block Jacobi / ASM blocks
                                         "fieldsplit_",  // field-split blocks
                                         "ionic_phi_",   // the ionic model's AMG on the potential (solver/nplines.c)
                                         "vecscatter_",
                                         "start_in_debugger",
                                         "debugger",
                                         "display",
                                         "matmatmult",
                                         "sweep_",
                                         "slurm_",  // a case's slurm: block, read by scripts/azote-slurm
                                         NULL};     // sweep_: read and checked by the sweep
  for (int i = 0; prefixes[i]; i++)
    if (!strncmp(name, prefixes[i], strlen(prefixes[i]))) return PETSC_TRUE;
  return PETSC_FALSE;
}

// Levenshtein distance, for "did you mean" suggestions; keys are short.
static PetscInt AzEditDistance(const char *a, const char *b)
{
  PetscInt la = (PetscInt)strlen(a), lb = (PetscInt)strlen(b), prev[80], cur[80];
  if (la > 78 || lb > 78) return 1000;
  for (PetscInt j = 0; j <= lb; j++) prev[j] = j;
  for (PetscInt i = 1; i <= la; i++) {
    cur[0] = i;
    for (PetscInt j = 1; j <= lb; j++) {
      PetscInt sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
      cur[j]       = PetscMin(PetscMin(prev[j] + 1, cur[j - 1] + 1), sub);
    }
    for (PetscInt j = 0; j <= lb; j++) prev[j] = cur[j];
  }
  return prev[lb];
}

PetscErrorCode AzOptionsCheckUnused(MPI_Comm comm, const char context[])
{
  PetscInt n;
  char   **names, **values;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsLeftGet(NULL, &n, &names, &values));
  for (PetscInt i = 0; i < n; i++) {
    const char *best  = NULL;
    PetscInt    dbest = 4;  // suggest only near misses
    char        name[80], hint[128] = "";

    if (AzIsPetscOption(names[i])) continue;
    PetscCall(PetscStrncpy(name, names[i], sizeof(name)));
    if (!strcmp(name, "restart") || !strncmp(name, "time_", 5)) {  // read only by transient templates
      char value[PETSC_MAX_PATH_LEN];
      PetscCall(PetscStrncpy(value, values[i] ? values[i] : "", sizeof(value)));
      PetscCall(PetscOptionsLeftRestore(NULL, &n, &names, &values));
      SETERRQ(comm, PETSC_ERR_USER_INPUT, "-%s = '%s': %s is for time-dependent runs (cell hcell); %s solves a steady state", name, value,
              strcmp(name, "restart") ? "time stepping" : "restart", context);
    }
    for (PetscInt k = 0; k < az_nregistry; k++) {
      PetscInt d = AzEditDistance(name, az_registry[k].key);
      if (d < dbest) dbest = d, best = az_registry[k].key;
    }
    if (best) PetscCall(PetscSNPrintf(hint, sizeof(hint), "; did you mean -%s?", best));
    PetscCall(PetscOptionsLeftRestore(NULL, &n, &names, &values));
    SETERRQ(comm, PETSC_ERR_USER_INPUT, "unknown key -%s: not a key of %s%s (`%s -help_keys` lists them)", name, context, hint,
            AzProgramName());
  }
  PetscCall(PetscOptionsLeftRestore(NULL, &n, &names, &values));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzOptionsPrintReference(MPI_Comm comm, FILE *fp)
{
  PetscMPIInt rank;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (rank) PetscFunctionReturn(PETSC_SUCCESS);
  fprintf(fp, "| key | type | unit | default | allowed | description |\n|---|---|---|---|---|---|\n");
  for (PetscInt i = 0; i < az_nregistry; i++) {
    const AzOptionEntry *e = &az_registry[i];
    fprintf(fp, "| `%s` | %s | %s | `%s` | %s | %s |\n", e->key, e->type, e->unit[0] ? e->unit : "", e->def, e->range, e->help);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
