// Property warnings: the record of every law used beyond the range it was checked on, of every estimate standing in
// for a measurement and of every neglected effect (include/azote/thermo.h, AzPropWarnings). A function that is not
// given a list refuses instead: nothing is extrapolated without the caller being told.
#include <azote/private/thermoimpl.h>
#include <stdarg.h>

PetscErrorCode AzPropWarningsAdd(AzPropWarnings *w, const char fmt[], ...)
{
  char    line[AZ_PROP_WARNING_LEN];
  va_list ap;

  PetscFunctionBeginUser;
  va_start(ap, fmt);
  (void)vsnprintf(line, sizeof(line), fmt, ap);
  va_end(ap);
  PetscCheck(w, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s (refused: the caller takes no property warnings)", line);
  for (PetscInt k = 0; k < w->n; k++)
    if (!strcmp(w->text[k], line)) PetscFunctionReturn(PETSC_SUCCESS);
  if (w->n < AZ_MAX_PROP_WARNINGS) {
    PetscCall(PetscStrncpy(w->text[w->n], line, sizeof(w->text[0])));
    w->n++;
  } else  // the list is full: the last line says so (the count of lines is what matters to a reader)
    PetscCall(PetscStrncpy(w->text[AZ_MAX_PROP_WARNINGS - 1], "more property warnings than azote records", sizeof(w->text[0])));
  PetscFunctionReturn(PETSC_SUCCESS);
}
