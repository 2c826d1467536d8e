// azote — common definitions: error handling, start-up and shut-down of the programs.
#pragma once

#include <petscsys.h>
#include <azote/version.h>

#ifndef PETSC_SUCCESS  // PETSc < 3.19
#define PETSC_SUCCESS 0
#endif

// Exit codes of the programs. A rejected input never reaches the solver; a failed solve never writes a result.
typedef enum {
  AZ_EXIT_OK     = 0,
  AZ_EXIT_INPUT  = 1,  // bad input: unknown key, value out of range, unreadable case file
  AZ_EXIT_SOLVER = 2,  // the solve failed (no convergence, non-physical state)
  AZ_EXIT_IO     = 3,  // an output file could not be written
  AZ_EXIT_BUG    = 4,  // anything else: an internal error, reported with PETSc's traceback
} AzExitCode;

// Initializes PETSc and installs azote's error handler: user-facing errors (bad input, failed solve, I/O)
// print one line "<program>: error: <message>" on rank 0, other errors keep PETSc's traceback.
PETSC_EXTERN PetscErrorCode AzInitialize(int *argc, char ***argv, const char program[], const char help[]);
// Finalizes PETSc after a run that returned `ierr` and gives the process exit status (AzExitCode).
PETSC_EXTERN int AzFinalize(PetscErrorCode ierr);
// The program name given to AzInitialize ("azote", "azote-props"), used as the prefix of messages.
PETSC_EXTERN const char *AzProgramName(void);

// The command line given to AzInitialize (to re-apply it over a case file: the command line wins).
PETSC_EXTERN void AzGetArgs(int *argc, char ***argv);

// Reads the program-wide options again (-quiet), e.g. after the options database changed.
PETSC_EXTERN PetscErrorCode AzSysSetFromOptions(void);
// Options laid over the command line for the cases created next (a sweep's point): "-key value" pairs, inserted
// by AzCaseCreate after the case file and the command line. The caller keeps args alive; n = 0 clears them.
PETSC_EXTERN void           AzSysSetOverrides(int n, char **args);
PETSC_EXTERN PetscBool      AzQuiet(void);  // -quiet: no progress output
PETSC_EXTERN PetscErrorCode AzSysInsertOverrides(void);

// Prints on rank 0 of comm unless the run is quiet (-quiet).
PETSC_EXTERN PetscErrorCode AzPrintf(MPI_Comm comm, const char fmt[], ...) PETSC_ATTRIBUTE_FORMAT(2, 3);

// Peak resident memory of this process (bytes), from getrusage.
PETSC_EXTERN PetscLogDouble AzMemoryPeak(void);

// Wall-clock time in seconds since an arbitrary origin.
PETSC_EXTERN PetscLogDouble AzWallTime(void);

// Parses a whole string as a finite real number; *ok is false for anything else ("1e-3" ok, "1e-3m", "nan" not).
PETSC_EXTERN PetscErrorCode AzParseReal(const char str[], PetscReal *value, PetscBool *ok);
