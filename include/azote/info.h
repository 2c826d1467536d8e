// azote — facts a cell template reports about its solved problem (summary.json's "cell_info"): rows of a name, a
// value and its unit, handed to the writer. A template never sees the file format.
#pragma once

#include <azote/sys.h>

#define AZ_INFO_MAX 48

typedef struct {
  char        name[48];  // the key in summary.json (with its unit suffix, e.g. "mean_velocity_m_s")
  const char *unit;      // "m/s", "-" for a number without unit; NULL for a text row
  PetscReal   value;
  PetscBool   integer;   // an integer count (written without a decimal point)
  char        text[32];  // a text row's value
} AzInfoRow;

typedef struct {
  PetscInt  n;
  AzInfoRow row[AZ_INFO_MAX];
} AzInfo;

PETSC_EXTERN PetscErrorCode AzInfoReal(AzInfo *info, const char name[], PetscReal value, const char unit[]);
PETSC_EXTERN PetscErrorCode AzInfoInt(AzInfo *info, const char name[], PetscInt value);
PETSC_EXTERN PetscErrorCode AzInfoText(AzInfo *info, const char name[], const char text[]);
