// A sweep's specification (solver/sweep.c says what a sweep is): the swept keys, -sweep_<key> START:STOP:N[:log] or
// a,b,c (or the case file's `sweep:` block), or a list of points from -sweep_points FILE, and its identity.
#include <azote/private/sweepimpl.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>

// One -sweep_<key> specification: START:STOP:N[:log] or a comma-separated list.
static PetscErrorCode AzSweepAxisParse(MPI_Comm comm, AzSweepAxis *a)
{
  PetscFunctionBeginUser;
  if (strchr(a->spec, ':')) {
    char      buf[256], *tok[5] = {NULL}, *save = NULL, *end;
    PetscInt  ntok = 0;
    PetscReal lo, hi;
    long      n;
    PetscBool logscale = PETSC_FALSE;
    PetscCall(PetscStrncpy(buf, a->spec, sizeof(buf)));
    for (char *t = strtok_r(buf, ":", &save); t && ntok < 5; t = strtok_r(NULL, ":", &save)) tok[ntok++] = t;
    PetscCheck(ntok == 3 || (ntok == 4 && !strcmp(tok[3], "log")), comm, PETSC_ERR_USER_INPUT,
               "-sweep_%s = '%s' is not a sweep: allowed START:STOP:N, START:STOP:N:log or a list a,b,c", a->key, a->spec);
    PetscBool ok;
    PetscCall(AzParseReal(tok[0], &lo, &ok));
    PetscCheck(ok, comm, PETSC_ERR_USER_INPUT, "-sweep_%s = '%s': START '%s' is not a number", a->key, a->spec, tok[0]);
    PetscCall(AzParseReal(tok[1], &hi, &ok));
    PetscCheck(ok, comm, PETSC_ERR_USER_INPUT, "-sweep_%s = '%s': STOP '%s' is not a number", a->key, a->spec, tok[1]);
    n = strtol(tok[2], &end, 10);
    PetscCheck(*end == 0 && n >= 1 && n <= 100000, comm, PETSC_ERR_USER_INPUT,
               "-sweep_%s = '%s': N '%s' is not a number of points: allowed 1 to 100000", a->key, a->spec, tok[2]);
    logscale = (PetscBool)(ntok == 4);
    PetscCheck(!logscale || (lo > 0 && hi > 0), comm, PETSC_ERR_USER_INPUT, "-sweep_%s = '%s': a log sweep needs START, STOP > 0", a->key,
               a->spec);
    a->n = (PetscInt)n;
    PetscCall(PetscMalloc1(a->n, &a->values));
    for (PetscInt k = 0; k < a->n; k++) {
      const PetscReal f = a->n > 1 ? (PetscReal)k / (a->n - 1) : 0;
      const PetscReal v = logscale ? lo * PetscPowReal(hi / lo, f) : lo + f * (hi - lo);
      snprintf(a->values[k], sizeof(a->values[k]), "%.10g", (double)(k == a->n - 1 && a->n > 1 ? hi : v));
    }
  } else {
    char     buf[256], *save = NULL;
    PetscInt n = 1;
    for (const char *q = a->spec; *q; q++) n += *q == ',';
    PetscCall(PetscMalloc1(n, &a->values));
    PetscCall(PetscStrncpy(buf, a->spec, sizeof(buf)));
    a->n = 0;
    for (char *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
      while (*t == ' ') t++;
      PetscCheck(*t && strlen(t) < sizeof(a->values[0]), comm, PETSC_ERR_USER_INPUT,
                 "-sweep_%s = '%s' is not a sweep: allowed START:STOP:N[:log] or a list a,b,c of values up to 31 characters", a->key,
                 a->spec);
      PetscCall(PetscStrncpy(a->values[a->n++], t, sizeof(a->values[0])));
    }
    PetscCheck(a->n > 0, comm, PETSC_ERR_USER_INPUT, "-sweep_%s = '%s' is an empty list", a->key, a->spec);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// -sweep_points FILE: a header of keys, then one row of values per point (CSV, no quoting). Every rank reads it.
static PetscErrorCode AzSweepReadPoints(MPI_Comm comm, AzSweep *sw, const char path[])
{
  FILE    *fp = fopen(path, "r");
  char    *text, *line, *lsave = NULL, *save = NULL;
  long     size = -1;
  PetscInt nrow = 0, nline = 0;

  PetscFunctionBeginUser;
  PetscCheck(fp, comm, PETSC_ERR_USER_INPUT, "-sweep_points = '%s': cannot read the file", path);
  if (!fseek(fp, 0, SEEK_END)) size = ftell(fp);
  if (size >= 0) rewind(fp);
  PetscCall(PetscMalloc1(size > 0 ? size + 1 : 1, &text));
  text[size > 0 ? fread(text, 1, (size_t)size, fp) : 0] = 0;
  fclose(fp);
  sw->points_hash = 2166136261u;
  for (const char *q = text; *q; q++) sw->points_hash = (sw->points_hash ^ (unsigned char)*q) * 16777619u;
  for (const char *q = text; *q; q++) nline += *q == '\n';
  line = strtok_r(text, "\r\n", &lsave);
  PetscCheck(line, comm, PETSC_ERR_USER_INPUT, "-sweep_points = '%s' is empty: allowed a CSV file, a header of keys and one row per point",
             path);
  for (char *t = strtok_r(line, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
    AzSweepAxis *a;
    PetscCheck(sw->naxis < AZ_SWEEP_MAX_AXES, comm, PETSC_ERR_USER_INPUT, "-sweep_points = '%s' has too many keys: allowed %d", path,
               AZ_SWEEP_MAX_AXES);
    a = &sw->axis[sw->naxis++];
    while (*t == ' ') t++;
    PetscCheck(*t && strlen(t) < sizeof(a->key), comm, PETSC_ERR_USER_INPUT, "-sweep_points = '%s': '%s' in the header is not a key", path,
               t);
    PetscCall(PetscStrncpy(a->key, t, sizeof(a->key)));
    PetscCall(PetscSNPrintf(a->spec, sizeof(a->spec), "points"));
    PetscCall(PetscMalloc1(nline + 1, &a->values));
  }
  while ((line = strtok_r(NULL, "\r\n", &lsave))) {
    PetscInt i = 0;
    save       = NULL;
    for (char *t = strtok_r(line, ",", &save); t; t = strtok_r(NULL, ",", &save), i++) {
      while (*t == ' ') t++;
      PetscCheck(i < sw->naxis && *t && strlen(t) < sizeof(sw->axis[0].values[0]), comm, PETSC_ERR_USER_INPUT,
                 "-sweep_points = '%s': row %" PetscInt_FMT " is not %" PetscInt_FMT " values of up to 31 characters", path, nrow + 1,
                 sw->naxis);
      PetscCall(PetscStrncpy(sw->axis[i].values[nrow], t, sizeof(sw->axis[i].values[0])));
    }
    PetscCheck(i == sw->naxis, comm, PETSC_ERR_USER_INPUT,
               "-sweep_points = '%s': row %" PetscInt_FMT " has %" PetscInt_FMT " values, the header %" PetscInt_FMT " keys", path,
               nrow + 1, i, sw->naxis);
    nrow++;
  }
  PetscCall(PetscFree(text));
  PetscCheck(nrow > 0, comm, PETSC_ERR_USER_INPUT, "-sweep_points = '%s' has no points", path);
  for (PetscInt k = 0; k < sw->naxis; k++) sw->axis[k].n = nrow;
  sw->zipped = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Collects the -sweep_<key> options (command line and case file) and checks the keys against the base case's.
PetscErrorCode AzSweepCreate(MPI_Comm comm, AzSweep *sw, PetscBool *requested)
{
  char     *all, *save = NULL, *tok, points[PETSC_MAX_PATH_LEN];
  PetscBool has_points;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(sw, sizeof(*sw)));
  sw->ranks_per_case = 1;
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-sweep_ranks_per_case", &sw->ranks_per_case, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-sweep_fields", &sw->fields, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-sweep_shared", &sw->keep_claims, NULL));
  PetscCall(PetscOptionsGetAll(NULL, &all));
  for (tok = strtok_r(all, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
    AzSweepAxis *a;
    PetscBool    set;
    if (strncmp(tok, "-sweep_", 7) || !strcmp(tok, "-sweep_ranks_per_case") || !strcmp(tok, "-sweep_fields") ||
        !strcmp(tok, "-sweep_shared") || !strcmp(tok, "-sweep_points"))
      continue;
    PetscCheck(sw->naxis < AZ_SWEEP_MAX_AXES, comm, PETSC_ERR_USER_INPUT, "too many -sweep_ keys: allowed %d", AZ_SWEEP_MAX_AXES);
    a = &sw->axis[sw->naxis++];
    PetscCall(PetscStrncpy(a->key, tok + 7, sizeof(a->key)));
    // the value as the options database holds it: "-0.1,0" is a value there (PETSc takes "-" and a digit for a
    // number), not the next option; the listing's next token is left to the loop, which skips it
    PetscCall(PetscOptionsGetString(NULL, NULL, tok, a->spec, sizeof(a->spec), &set));
    PetscCheck(set && a->spec[0], comm, PETSC_ERR_USER_INPUT,
               "-sweep_%s is given without a value: allowed START:STOP:N[:log] or a list a,b,c", a->key);
    PetscCall(AzSweepAxisParse(comm, a));
  }
  PetscCall(PetscFree(all));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-sweep_points", points, sizeof(points), &has_points));
  if (has_points) {
    PetscCheck(sw->naxis == 0, comm, PETSC_ERR_USER_INPUT, "-sweep_points = '%s' and -sweep_%s: give either a list of points or swept keys",
               points, sw->axis[0].key);
    PetscCall(AzSweepReadPoints(comm, sw, points));
  }
  // one order whatever the order of the options: by key (the first varies slowest); a list keeps its columns' order
  for (PetscInt i = 1; i < sw->naxis && !sw->zipped; i++)
    for (PetscInt j = i; j > 0 && strcmp(sw->axis[j - 1].key, sw->axis[j].key) > 0; j--) {
      AzSweepAxis t = sw->axis[j];
      sw->axis[j] = sw->axis[j - 1], sw->axis[j - 1] = t;
    }
  *requested = (PetscBool)(sw->naxis > 0);
  if (!*requested) PetscFunctionReturn(PETSC_SUCCESS);
  sw->npoint = 1;
  for (PetscInt i = 0; i < sw->naxis; i++) {
    PetscInt             n;
    const AzOptionEntry *e;
    PetscBool            known = PETSC_FALSE;
    PetscCall(AzOptionsRegistryGet(&n, &e));
    for (PetscInt k = 0; k < n; k++) known = (PetscBool)(known || !strcmp(e[k].key, sw->axis[i].key));
    PetscCheck(known, comm, PETSC_ERR_USER_INPUT, "-sweep_%s: %s is not a key of this case (`%s -help_keys` lists them)", sw->axis[i].key,
               sw->axis[i].key, AzProgramName());
    PetscCheck(strncmp(sw->axis[i].key, "output_", 7), comm, PETSC_ERR_USER_INPUT, "-sweep_%s: output keys cannot be swept",
               sw->axis[i].key);
    PetscCheck(strcmp(sw->axis[i].key, "electrode_reaction") && strcmp(sw->axis[i].key, "anode_reaction"), comm, PETSC_ERR_USER_INPUT,
               "-sweep_%s: the reactions set the table's columns and cannot be swept: run one sweep per reaction", sw->axis[i].key);
    for (PetscInt j = 0; j < i; j++)
      PetscCheck(strcmp(sw->axis[i].key, sw->axis[j].key), comm, PETSC_ERR_USER_INPUT, "-sweep_points: key %s appears twice",
                 sw->axis[i].key);
    sw->npoint = sw->zipped ? sw->axis[i].n : sw->npoint * sw->axis[i].n;
  }
  {
    PetscMPIInt size;
    PetscCallMPI(MPI_Comm_size(comm, &size));
    PetscCheck(sw->ranks_per_case >= 1 && size % sw->ranks_per_case == 0, comm, PETSC_ERR_USER_INPUT,
               "-sweep_ranks_per_case = %" PetscInt_FMT " does not divide the %d ranks: allowed a divisor of the number of ranks",
               sw->ranks_per_case, size);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzSweepDestroy(AzSweep *sw)
{
  PetscFunctionBeginUser;
  for (PetscInt i = 0; i < sw->naxis; i++) PetscCall(PetscFree(sw->axis[i].values));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The value index of every axis at point k (the first axis slowest).
void AzSweepPoint(const AzSweep *sw, PetscInt k, PetscInt idx[])
{
  if (sw->zipped) {
    for (PetscInt i = 0; i < sw->naxis; i++) idx[i] = k;
    return;
  }
  for (PetscInt i = sw->naxis - 1; i >= 0; i--) idx[i] = k % sw->axis[i].n, k /= sw->axis[i].n;
}

// The sweep's identity: the case file, the command line and the sweep (a resumed sweep must be the same).
PetscErrorCode AzSweepSignature(AzCase base, const AzSweep *sw, char sig[], size_t len)
{
  PetscInt             n;
  const AzOptionEntry *e;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(sig, len, "case %s\n", base->file));
  PetscCall(AzOptionsRegistryGet(&n, &e));
  for (PetscInt k = 0; k < n; k++) {
    PetscBool swept = PETSC_FALSE;
    for (PetscInt i = 0; i < sw->naxis; i++) swept = (PetscBool)(swept || !strcmp(sw->axis[i].key, e[k].key));
    if (swept || !strncmp(e[k].key, "output_", 7) || !strncmp(e[k].key, "mesh_n", 6)) continue;
    PetscCall(PetscStrlcat(sig, e[k].key, len));
    PetscCall(PetscStrlcat(sig, "=", len));
    PetscCall(PetscStrlcat(sig, e[k].value, len));
    PetscCall(PetscStrlcat(sig, "\n", len));
  }
  if (sw->zipped) {
    char h[64];
    PetscCall(PetscSNPrintf(h, sizeof(h), "sweep_points checksum %08x\n", sw->points_hash));
    PetscCall(PetscStrlcat(sig, h, len));
  }
  for (PetscInt i = 0; i < sw->naxis; i++) {
    PetscCall(PetscStrlcat(sig, "sweep_", len));
    PetscCall(PetscStrlcat(sig, sw->axis[i].key, len));
    PetscCall(PetscStrlcat(sig, "=", len));
    PetscCall(PetscStrlcat(sig, sw->axis[i].spec, len));
    PetscCall(PetscStrlcat(sig, "\n", len));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
