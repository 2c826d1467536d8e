// The case file as input (include/azote/case.h, AzCaseFileCheck): before PETSc reads it, which merges what a YAML file
// says twice and ignores what it cannot use, azote reads it itself with libyaml's event parser and refuses what a user
// cannot have meant: a file that is not a regular file (/dev/zero would never end, /dev/null is empty), one too large
// to be a case, one without a single key (an empty file would silently run the defaults), a second YAML document, and
// a key given twice -- in one block, as a block given twice, or as `flowcell: {height}` and `flowcell_height`, which
// PETSc joins into the same option -- each named with its line.
#include <azote/case.h>
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <yaml.h>

#define AZ_CASEFILE_MAX_BYTES (1 << 20)  // a case is a page of keys; 1 MB is no case
#define AZ_CASEFILE_MAX_KEYS  4096
#define AZ_CASEFILE_MAX_DEPTH 16

typedef struct {
  char key[128];
  int  line;
} AzSeenKey;

// Walks the events of one YAML stream; why[] says what is wrong (empty: nothing).
static void AzCaseFileScan(FILE *fp, char why[], size_t len)
{
  yaml_parser_t parser;
  yaml_event_t  ev;
  AzSeenKey    *seen = calloc(AZ_CASEFILE_MAX_KEYS, sizeof(AzSeenKey));
  char          path[AZ_CASEFILE_MAX_DEPTH][128];   // the joined key of each open mapping ("" at the top)
  int           expect_key[AZ_CASEFILE_MAX_DEPTH];  // the next scalar of that mapping is a key (else a value)
  int           depth = -1, nseen = 0, ndoc = 0, seq = 0, done = 0;
  char          pending[128] = "";  // a key whose value is a mapping or a sequence
  int           pending_line = 0;

  why[0] = 0;
  if (!seen || !yaml_parser_initialize(&parser)) {
    snprintf(why, len, ": cannot parse it (out of memory)");
    free(seen);
    return;
  }
  yaml_parser_set_input_file(&parser, fp);
  while (!done && !why[0]) {
    if (!yaml_parser_parse(&parser, &ev)) {
      snprintf(why, len, ": line %d: not a valid YAML case file (%s)", (int)parser.problem_mark.line + 1,
               parser.problem ? parser.problem : "parse error");
      break;
    }
    const int line = (int)ev.start_mark.line + 1;
    switch (ev.type) {
    case YAML_STREAM_END_EVENT:
      done = 1;
      break;
    case YAML_DOCUMENT_START_EVENT:
      if (++ndoc > 1) snprintf(why, len, ": line %d: a second YAML document ('---'): one case per file", line);
      break;
    case YAML_SEQUENCE_START_EVENT:  // a list is one value (a,b,c)
      if (seq++ == 0 && depth >= 0) expect_key[depth] = 1;
      break;
    case YAML_SEQUENCE_END_EVENT:
      seq--;
      break;
    case YAML_MAPPING_START_EVENT:
      if (seq) {
        snprintf(why, len, ": line %d: a block inside a list: a case's values are numbers or words", line);
        break;
      }
      if (depth + 1 >= AZ_CASEFILE_MAX_DEPTH) {
        snprintf(why, len, ": line %d: blocks nested deeper than %d", line, AZ_CASEFILE_MAX_DEPTH);
        break;
      }
      depth++;
      if (depth == 0)
        path[0][0] = 0;
      else {
        snprintf(path[depth], sizeof(path[depth]), "%s", pending);
        expect_key[depth - 1] = 1;
      }
      expect_key[depth] = 1;
      break;
    case YAML_MAPPING_END_EVENT:
      depth--;
      break;
    case YAML_SCALAR_EVENT:
      if (seq || depth < 0) break;  // an item of a list, or a document that is a bare value
      if (expect_key[depth]) {
        // the key as PETSc will see it: the blocks' names and this one joined with '_'
        char full[128];
        snprintf(full, sizeof(full), "%s%s%s", path[depth], path[depth][0] ? "_" : "", (const char *)ev.data.scalar.value);
        snprintf(pending, sizeof(pending), "%s", full);
        pending_line      = line;
        expect_key[depth] = 0;
        for (int k = 0; k < nseen && !why[0]; k++)
          if (!strcmp(seen[k].key, full)) snprintf(why, len, ": line %d: key %s given twice (first on line %d)", line, full, seen[k].line);
        if (!why[0] && nseen < AZ_CASEFILE_MAX_KEYS) {
          snprintf(seen[nseen].key, sizeof(seen[nseen].key), "%s", full);
          seen[nseen++].line = pending_line;
        }
      } else
        expect_key[depth] = 1;  // a value: the next scalar is a key
      break;
    case YAML_ALIAS_EVENT:
      if (depth >= 0) expect_key[depth] = 1;
      break;
    default:
      break;
    }
    yaml_event_delete(&ev);
  }
  if (!why[0] && nseen == 0) snprintf(why, len, " holds no keys (an empty case would run the defaults of the flow cell)");
  yaml_parser_delete(&parser);
  free(seen);
}

PetscErrorCode AzCaseFileCheck(MPI_Comm comm, const char path[])
{
  PetscMPIInt rank;
  char        why[512] = "", sbuf[128];

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (rank == 0) {
    struct stat st;
    FILE       *fp;
    if (stat(path, &st))
      snprintf(why, sizeof(why), ": cannot read the case file (%s)", strerror(errno));
    else if (!S_ISREG(st.st_mode))
      snprintf(why, sizeof(why), " is not a regular file: a case is a YAML file");
    else if (st.st_size > AZ_CASEFILE_MAX_BYTES)
      snprintf(why, sizeof(why), " has %lld bytes: a case file has at most %d", (long long)st.st_size, AZ_CASEFILE_MAX_BYTES);
    else if (!(fp = fopen(path, "rb")))
      snprintf(why, sizeof(why), ": cannot read the case file (%s)", strerror(errno));
    else {
      AzCaseFileScan(fp, why, sizeof(why));
      fclose(fp);
    }
  }
  PetscCallMPI(MPI_Bcast(why, sizeof(why), MPI_CHAR, 0, comm));
  PetscCheck(!why[0], comm, PETSC_ERR_USER_INPUT, "-case = '%s'%s", AzShort(path, sbuf, sizeof(sbuf)), why);
  PetscFunctionReturn(PETSC_SUCCESS);
}
