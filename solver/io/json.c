// A minimal JSON writer: enough for flat and nested objects (and arrays) of numbers, strings and booleans.
#include <azote/json.h>
#include <errno.h>
#include <unistd.h>

struct _n_AzJSON {
  char     *buf;
  size_t    len, cap;
  PetscInt  depth;
  PetscBool first[32];  // whether the object at each depth has no member yet
};

PetscErrorCode AzJSONCreate(AzJSON *j)
{
  PetscFunctionBeginUser;
  PetscCall(PetscNew(j));
  (*j)->cap = 4096;
  PetscCall(PetscMalloc1((*j)->cap, &(*j)->buf));
  (*j)->buf[0] = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzJSONDestroy(AzJSON *j)
{
  PetscFunctionBeginUser;
  if (!*j) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscFree((*j)->buf));
  PetscCall(PetscFree(*j));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzJSONAppend(AzJSON j, const char *fmt, ...) PETSC_ATTRIBUTE_FORMAT(2, 3);
static PetscErrorCode AzJSONAppend(AzJSON j, const char *fmt, ...)
{
  va_list ap;
  int     n;

  PetscFunctionBeginUser;
  for (;;) {
    va_start(ap, fmt);
    n = vsnprintf(j->buf + j->len, j->cap - j->len, fmt, ap);
    va_end(ap);
    PetscCheck(n >= 0, PETSC_COMM_SELF, PETSC_ERR_PLIB, "vsnprintf failed");
    if ((size_t)n < j->cap - j->len) break;
    char *nb;
    PetscCall(PetscMalloc1(2 * j->cap + (size_t)n, &nb));
    PetscCall(PetscMemcpy(nb, j->buf, j->len + 1));
    PetscCall(PetscFree(j->buf));
    j->buf = nb;
    j->cap = 2 * j->cap + (size_t)n;
  }
  j->len += (size_t)n;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzJSONString_Private(AzJSON j, const char *s)
{
  PetscFunctionBeginUser;
  PetscCall(AzJSONAppend(j, "\""));
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\')
      PetscCall(AzJSONAppend(j, "\\%c", *p));
    else if (*p == '\n')
      PetscCall(AzJSONAppend(j, "\\n"));
    else if (*p < 0x20)
      PetscCall(AzJSONAppend(j, "\\u%04x", *p));
    else
      PetscCall(AzJSONAppend(j, "%c", *p));
  }
  PetscCall(AzJSONAppend(j, "\""));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Separator, indentation and key of the next member.
static PetscErrorCode AzJSONKey(AzJSON j, const char key[])
{
  PetscFunctionBeginUser;
  if (j->depth > 0) {
    PetscCall(AzJSONAppend(j, "%s\n%*s", j->first[j->depth] ? "" : ",", (int)(2 * j->depth), ""));
    j->first[j->depth] = PETSC_FALSE;
  }
  if (key) {
    PetscCall(AzJSONString_Private(j, key));
    PetscCall(AzJSONAppend(j, ": "));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzJSONBeginObject(AzJSON j, const char key[])
{
  PetscFunctionBeginUser;
  PetscCheck(j->depth < 31, PETSC_COMM_SELF, PETSC_ERR_PLIB, "JSON nesting too deep");
  PetscCall(AzJSONKey(j, key));
  PetscCall(AzJSONAppend(j, "{"));
  j->first[++j->depth] = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzJSONEndObject(AzJSON j)
{
  PetscFunctionBeginUser;
  PetscCheck(j->depth > 0, PETSC_COMM_SELF, PETSC_ERR_PLIB, "JSON object ended twice");
  j->depth--;
  PetscCall(AzJSONAppend(j, "\n%*s}%s", (int)(2 * j->depth), "", j->depth ? "" : "\n"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzJSONBeginArray(AzJSON j, const char key[])
{
  PetscFunctionBeginUser;
  PetscCheck(j->depth < 31, PETSC_COMM_SELF, PETSC_ERR_PLIB, "JSON nesting too deep");
  PetscCall(AzJSONKey(j, key));
  PetscCall(AzJSONAppend(j, "["));
  j->first[++j->depth] = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzJSONEndArray(AzJSON j)
{
  PetscFunctionBeginUser;
  PetscCheck(j->depth > 0, PETSC_COMM_SELF, PETSC_ERR_PLIB, "JSON array ended twice");
  j->depth--;
  PetscCall(AzJSONAppend(j, "\n%*s]", (int)(2 * j->depth), ""));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzJSONReal(AzJSON j, const char key[], PetscReal v)
{
  PetscFunctionBeginUser;
  PetscCall(AzJSONKey(j, key));
  if (PetscIsInfOrNanReal(v))
    PetscCall(AzJSONAppend(j, "null"));
  else
    PetscCall(AzJSONAppend(j, "%.17g", (double)v));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzJSONInt(AzJSON j, const char key[], PetscInt v)
{
  PetscFunctionBeginUser;
  PetscCall(AzJSONKey(j, key));
  PetscCall(AzJSONAppend(j, "%" PetscInt_FMT, v));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzJSONBool(AzJSON j, const char key[], PetscBool v)
{
  PetscFunctionBeginUser;
  PetscCall(AzJSONKey(j, key));
  PetscCall(AzJSONAppend(j, v ? "true" : "false"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzJSONString(AzJSON j, const char key[], const char v[])
{
  PetscFunctionBeginUser;
  PetscCall(AzJSONKey(j, key));
  PetscCall(AzJSONString_Private(j, v ? v : ""));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzJSONGetText(AzJSON j, const char **text)
{
  PetscFunctionBeginUser;
  *text = j->buf;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzFileWriteAtomic(MPI_Comm comm, const char path[], const char text[])
{
  PetscMPIInt rank;
  int         err = 0;
  char        tmp[PETSC_MAX_PATH_LEN], msg[256] = "";

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (rank == 0) {
    FILE *fp;
    PetscCall(PetscSNPrintf(tmp, sizeof(tmp), "%s.%d.partial", path, (int)getpid()));  // unique: jobs may share a directory
    fp = fopen(tmp, "w");
    if (!fp)
      err = errno;
    else {
      size_t n = strlen(text);
      if (fwrite(text, 1, n, fp) != n || fflush(fp) || fsync(fileno(fp))) err = errno ? errno : EIO;
      if (fclose(fp) && !err) err = errno;
      if (!err && rename(tmp, path)) err = errno;
      if (err) (void)remove(tmp);
    }
    if (err)
      PetscCall(PetscSNPrintf(msg, sizeof(msg), "%s",
                              err == ENOSPC   ? "no space left on device"
                              : err == EDQUOT ? "disk quota exceeded"
                                              : strerror(err)));
  }
  PetscCallMPI(MPI_Bcast(&err, 1, MPI_INT, 0, comm));
  PetscCallMPI(MPI_Bcast(msg, sizeof(msg), MPI_CHAR, 0, comm));
  PetscCheck(!err, comm, PETSC_ERR_FILE_WRITE, "cannot write %s: %s", path, msg);
  PetscFunctionReturn(PETSC_SUCCESS);
}
