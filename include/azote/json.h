// azote — a small JSON builder (summary.json, azote-props) and atomic text files.
#pragma once

#include <azote/sys.h>

typedef struct _n_AzJSON *AzJSON;

PETSC_EXTERN PetscErrorCode AzJSONCreate(AzJSON *j);
PETSC_EXTERN PetscErrorCode AzJSONDestroy(AzJSON *j);
// key is NULL for the root object. Objects nest; members print one per line, indented.
PETSC_EXTERN PetscErrorCode AzJSONBeginObject(AzJSON j, const char key[]);
PETSC_EXTERN PetscErrorCode AzJSONEndObject(AzJSON j);
// A non-finite real is written as null (JSON has no inf or nan).
PETSC_EXTERN PetscErrorCode AzJSONReal(AzJSON j, const char key[], PetscReal v);
PETSC_EXTERN PetscErrorCode AzJSONInt(AzJSON j, const char key[], PetscInt v);
PETSC_EXTERN PetscErrorCode AzJSONBool(AzJSON j, const char key[], PetscBool v);
PETSC_EXTERN PetscErrorCode AzJSONString(AzJSON j, const char key[], const char v[]);
// Arrays: members written with key NULL between AzJSONBeginArray and AzJSONEndArray.
PETSC_EXTERN PetscErrorCode AzJSONBeginArray(AzJSON j, const char key[]);
PETSC_EXTERN PetscErrorCode AzJSONEndArray(AzJSON j);
// The text so far (complete once every object is ended), owned by j.
PETSC_EXTERN PetscErrorCode AzJSONGetText(AzJSON j, const char **text);

// Writes text to path from rank 0 of comm: under a temporary name in the same directory, flushed to disk, then
// renamed, so that a killed run never leaves a partial file under the final name. Collective.
PETSC_EXTERN PetscErrorCode AzFileWriteAtomic(MPI_Comm comm, const char path[], const char text[]);
