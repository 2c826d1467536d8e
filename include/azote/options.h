// azote — reading and validating case keys.
//
// A case is a YAML file of PETSc options (-case FILE, nested keys joined with '_'); the command line overrides it.
// Every key is read through the helpers below, inside the module's PetscOptionsBegin block. They give the one-line
// error of the contract (key, value, what is allowed), record the key with its unit, default and range for the
// reference table (`azote -help_keys`), and record the resolved value for summary.json and fields.h5.
#pragma once

#include <azote/sys.h>

typedef struct {
  PetscReal lo, hi;            // bounds, in the key's unit
  PetscBool lo_open, hi_open;  // whether the bound itself is excluded
} AzRange;

#define AZ_RANGE(lo, hi)         ((AzRange){(lo), (hi), PETSC_FALSE, PETSC_FALSE})
#define AZ_RANGE_OPEN_LO(lo, hi) ((AzRange){(lo), (hi), PETSC_TRUE, PETSC_FALSE})
#define AZ_POSITIVE              ((AzRange){0.0, PETSC_MAX_REAL, PETSC_TRUE, PETSC_FALSE})
#define AZ_NONNEGATIVE           ((AzRange){0.0, PETSC_MAX_REAL, PETSC_FALSE, PETSC_FALSE})
#define AZ_ANY_REAL              ((AzRange){PETSC_MIN_REAL, PETSC_MAX_REAL, PETSC_FALSE, PETSC_FALSE})

typedef struct {
  char key[64];      // without the leading '-'
  char type[8];      // real, int, bool, enum, string
  char unit[32];     // "m", "m^3/s", "-" for dimensionless, "" for non-numeric
  char def[64];      // default, as text
  char range[160];   // allowed values, as text
  char help[200];    // one line
  char section[32];  // module that reads it
  char value[256];   // resolved value of this run
} AzOptionEntry;

// Helpers for use inside PetscOptionsBegin/End: `PetscOptionsObject` is the block's variable.
PETSC_EXTERN PetscErrorCode AzOptionsReal(PetscOptionItems *PetscOptionsObject, const char key[], const char help[], const char unit[],
                                          PetscReal def, AzRange range, PetscReal *value, PetscBool *set);
PETSC_EXTERN PetscErrorCode AzOptionsInt(PetscOptionItems *PetscOptionsObject, const char key[], const char help[], PetscInt def,
                                         PetscInt lo, PetscInt hi, PetscInt *value, PetscBool *set);
PETSC_EXTERN PetscErrorCode AzOptionsBool(PetscOptionItems *PetscOptionsObject, const char key[], const char help[], PetscBool def,
                                          PetscBool *value, PetscBool *set);
// names: NULL-terminated list of the allowed words; *value is the index of the chosen word.
PETSC_EXTERN PetscErrorCode AzOptionsEnum(PetscOptionItems *PetscOptionsObject, const char key[], const char help[],
                                          const char *const names[], PetscInt def, PetscInt *value, PetscBool *set);
// allowed: human-readable description of the allowed values, for the reference table.
PETSC_EXTERN PetscErrorCode AzOptionsString(PetscOptionItems *PetscOptionsObject, const char key[], const char help[], const char allowed[],
                                            const char def[], char value[], size_t len, PetscBool *set);

// A user-given string as an error message may echo it: itself, or where it has len characters or more its start and
// end around "..." in buf. PETSc cuts an error message at 2 kB: an echoed value must not push the reason out.
PETSC_EXTERN const char *AzShort(const char s[], char buf[], size_t len);
// The registry of keys read so far (this process).
PETSC_EXTERN PetscErrorCode AzOptionsRegistryReset(void);
PETSC_EXTERN PetscErrorCode AzOptionsRegistryGet(PetscInt *n, const AzOptionEntry **entries);
// Records a derived or validated value for a key already registered (e.g. a default that depends on other keys).
PETSC_EXTERN PetscErrorCode AzOptionsRegistrySetValue(const char key[], const char value[]);

// Fails with one line for the first option that no module read and that is not a PETSc option
// (unknown, misspelled, or not used by this case's cell template).
PETSC_EXTERN PetscErrorCode AzOptionsCheckUnused(MPI_Comm comm, const char context[]);

// Prints the registry as a Markdown table (key, type, unit, default, allowed, description), on rank 0.
PETSC_EXTERN PetscErrorCode AzOptionsPrintReference(MPI_Comm comm, FILE *fp);
