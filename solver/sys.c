// Start-up, shut-down and error reporting shared by azote's programs.
//
// PETSc's default handler prints a traceback for every error. For the errors a user causes or must act on
// (bad input, a solve that failed, a file that cannot be written) azote prints one line instead, from rank 0:
// these errors are raised collectively (every rank checks the same replicated data), so one line suffices and
// PetscFinalize can run. Any other error is a bug and keeps PETSc's full traceback.
#define _XOPEN_SOURCE 700  // nftw()
#include <azote/sys.h>
#include <azote/outdir.h>
#include <petsctime.h>
#include <hdf5.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <ctype.h>
#include <errno.h>
#include <math.h>

static char      az_program[64] = "azote";
static PetscBool az_quiet       = PETSC_FALSE;
static int       az_argc        = 0;
static char    **az_argv        = NULL;

void AzGetArgs(int *argc, char ***argv)
{
  *argc = az_argc;
  *argv = az_argv;
}

const char *AzProgramName(void)
{
  return az_program;
}

static PetscBool AzErrorIsUserFacing(PetscErrorCode n)
{
  // PETSC_ERR_ARG_UNKNOWN_TYPE: a solver type the options name that PETSc does not have (-snes_type nonsense)
  return (PetscBool)(n == PETSC_ERR_USER_INPUT || n == PETSC_ERR_NOT_CONVERGED || n == PETSC_ERR_FILE_OPEN || n == PETSC_ERR_FILE_WRITE ||
                     n == PETSC_ERR_FILE_READ || n == PETSC_ERR_FILE_UNEXPECTED || n == PETSC_ERR_ARG_UNKNOWN_TYPE);
}

static PetscErrorCode AzErrorHandler(MPI_Comm comm, int line, const char *fun, const char *file, PetscErrorCode n, PetscErrorType p,
                                     const char *mess, void *ctx)
{
  if (!AzErrorIsUserFacing(n)) return PetscTraceBackErrorHandler(comm, line, fun, file, n, p, mess, ctx);
  if (p == PETSC_ERROR_INITIAL) {
    PetscMPIInt rank = 0, size = 1;
    if (comm != MPI_COMM_NULL) {
      MPI_Comm_rank(comm, &rank);
      MPI_Comm_size(comm, &size);
    }
    // Collective errors print once; an error raised on a single-rank communicator prints where it happened.
    if (rank == 0) {
      fprintf(stderr, "%s: error: %s\n", az_program, mess ? mess : "(no message)");
      fflush(stderr);
    }
  }
  return n;
}

// The session-directory base of an isolated Open MPI singleton, made for this process ("" if none).
static char az_session_base[4096];

static int AzRemoveEntry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
  (void)sb, (void)flag, (void)ftw;
  return remove(path);
}

PetscErrorCode AzInitialize(int *argc, char ***argv, const char program[], const char help[])
{
  PetscErrorCode ierr;

  PetscFunctionBeginUser;
  // A serial run should start in milliseconds, but Open MPI's singleton start-up (a helper daemon, the UCX transport
  // probe) takes ~0.3 s; an isolated singleton on the ob1 transport layer starts in ~20 ms. The UCX probe costs
  // 0.2 s of MPI_Init under mpiexec too: when every rank is on this node (mpiexec's local size is its size, or a
  // one-node srun step), ob1 with its shared-memory transport is what UCX would use anyway. Ignored by other MPIs,
  // and only defaults: a value the user set wins, and ranks spread over several nodes keep Open MPI's choice (UCX
  // on InfiniBand). Isolated singletons share one session directory, so concurrent serial runs (a script's loop in
  // the background) remove each other's shared-file-pointer files and MPI-IO prints errors about them; HDF5 never
  // uses shared file pointers, so that component is left out. Worse, one singleton finishing removes the shared
  // directory while another is creating its own inside it, and that one dies in MPI_Init ("A call to mkdir was
  // unable to create the desired directory", open-mpi/ompi#8510): each serial run gets a session-directory base of
  // its own, removed at the end.
  const char *size = getenv("OMPI_COMM_WORLD_SIZE"), *local = getenv("OMPI_COMM_WORLD_LOCAL_SIZE"), *nodes = getenv("SLURM_STEP_NUM_NODES");
  const int   pmi = getenv("PMIX_RANK") || getenv("PMI_RANK"), singleton = !size && !pmi;
  if (singleton || (size && local && !strcmp(size, local)) || (pmi && nodes && !strcmp(nodes, "1"))) setenv("OMPI_MCA_pml", "ob1", 0);
  if (!size) {
    setenv("OMPI_MCA_ess_singleton_isolated", "1", 0);
    setenv("OMPI_MCA_sharedfp", "^sm", 0);
    // (not for ranks a PMI launcher such as srun started: those share their job's session directory)
    if (!getenv("OMPI_MCA_orte_tmpdir_base") && singleton) {
      const char *tmp = getenv("TMPDIR");
      snprintf(az_session_base, sizeof(az_session_base), "%s/azote-mpi-XXXXXX", tmp && *tmp ? tmp : "/tmp");
      if (mkdtemp(az_session_base))
        setenv("OMPI_MCA_orte_tmpdir_base", az_session_base, 1);
      else
        az_session_base[0] = 0;  // Open MPI's default then
    }
  }
  ierr = PetscInitialize(argc, argv, NULL, help);
  if (ierr) return ierr;
  az_argc = *argc;
  az_argv = *argv;
  PetscCall(PetscStrncpy(az_program, program, sizeof(az_program)));
  PetscCall(PetscPushErrorHandler(AzErrorHandler, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-quiet", &az_quiet, NULL));
  // A terminating signal releases the output directory first; a closed standard output is no error.
  AzOutdirInstallSignalHandlers();
  // HDF5 prints its error stack (tens of lines) at every failed call: azote says what failed in one line instead
  // (a file it cannot write, a checkpoint it cannot read).
  (void)H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
  PetscFunctionReturn(PETSC_SUCCESS);
}

int AzFinalize(PetscErrorCode ierr)
{
  int code = AZ_EXIT_OK;

  if (ierr == PETSC_ERR_USER_INPUT || ierr == PETSC_ERR_ARG_UNKNOWN_TYPE)
    code = AZ_EXIT_INPUT;
  else if (ierr == PETSC_ERR_NOT_CONVERGED)
    code = AZ_EXIT_SOLVER;
  else if (ierr == PETSC_ERR_FILE_OPEN || ierr == PETSC_ERR_FILE_WRITE || ierr == PETSC_ERR_FILE_READ || ierr == PETSC_ERR_FILE_UNEXPECTED)
    code = AZ_EXIT_IO;
  else if (ierr)
    code = AZ_EXIT_BUG;
  // whatever output directory the run still holds: its lock and staging directory go (a failed run writes nothing)
  AzOutdirCloseAll();
  if (code == AZ_EXIT_BUG) {
    // The error may have left other ranks inside a collective call: finalizing could hang.
    PetscMPIInt size = 1;
    MPI_Comm_size(PETSC_COMM_WORLD, &size);
    if (size > 1) MPI_Abort(PETSC_COMM_WORLD, code);
  }
  // Options given but never used are PETSc options (azote's own are checked before any work).
  if (PetscFinalize()) code = code ? code : AZ_EXIT_BUG;
  if (az_session_base[0]) nftw(az_session_base, AzRemoveEntry, 16, FTW_DEPTH | FTW_PHYS);
  return code;
}

PetscBool AzQuiet(void)
{
  return az_quiet;
}

// Options a caller lays over the command line for the next cases (a sweep's point), inserted after the case file and
// the command line so that they win.
static int    az_noverride = 0;
static char **az_override  = NULL;

void AzSysSetOverrides(int n, char **args)
{
  az_noverride = n;
  az_override  = args;
}

PetscErrorCode AzSysInsertOverrides(void)
{
  PetscFunctionBeginUser;
  if (az_noverride > 0) PetscCall(PetscOptionsInsertArgs(NULL, az_noverride, az_override));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzSysSetFromOptions(void)
{
  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-quiet", &az_quiet, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzPrintf(MPI_Comm comm, const char fmt[], ...)
{
  PetscMPIInt rank;
  va_list     ap;

  PetscFunctionBeginUser;
  if (az_quiet) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (rank == 0) {
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    va_end(ap);
    fflush(stdout);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscLogDouble AzWallTime(void)
{
  PetscLogDouble t = 0;
  (void)PetscTime(&t);
  return t;
}

PetscLogDouble AzMemoryPeak(void)
{
  struct rusage ru;
  if (getrusage(RUSAGE_SELF, &ru)) return 0;
  return 1024.0 * (PetscLogDouble)ru.ru_maxrss;  // Linux reports kB
}

PetscErrorCode AzParseReal(const char str[], PetscReal *value, PetscBool *ok)
{
  char  *end;
  double v;

  PetscFunctionBeginUser;
  *ok = PETSC_FALSE;
  if (!str) PetscFunctionReturn(PETSC_SUCCESS);
  while (isspace((unsigned char)*str)) str++;
  if (!*str) PetscFunctionReturn(PETSC_SUCCESS);
  // decimal only: strtod also reads hexadecimal (0x12a, 0x1p3), which no unit of a case is written in
  for (const char *q = str; *q; q++)
    if (*q == 'x' || *q == 'X' || *q == 'p' || *q == 'P') PetscFunctionReturn(PETSC_SUCCESS);
  errno = 0;
  v     = strtod(str, &end);
  while (isspace((unsigned char)*end)) end++;
  if (*end || end == str || errno == ERANGE || !isfinite(v)) PetscFunctionReturn(PETSC_SUCCESS);
  *value = (PetscReal)v;
  *ok    = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}
