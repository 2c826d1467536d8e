// A few checks for azote's C unit tests: each failure prints where and why; the test exits non-zero if any failed.
#pragma once

#include <azote/sys.h>
#include <math.h>
#include <stdio.h>

static int az_test_nfail = 0, az_test_ncheck = 0;

#define AZ_CHECK(cond, ...)                                                                                                                \
  do {                                                                                                                                     \
    az_test_ncheck++;                                                                                                                      \
    if (!(cond)) {                                                                                                                         \
      az_test_nfail++;                                                                                                                     \
      printf("FAIL %s:%d: ", __FILE__, __LINE__);                                                                                          \
      printf(__VA_ARGS__);                                                                                                                 \
      printf("\n");                                                                                                                        \
    }                                                                                                                                      \
  } while (0)

// |a - b| <= rtol |b| (or <= rtol when b == 0)
#define AZ_CHECK_REL(a, b, rtol, what)                                                                                                     \
  do {                                                                                                                                     \
    double az_a_ = (double)(a), az_b_ = (double)(b), az_s_ = az_b_ != 0 ? fabs(az_b_) : 1.0;                                               \
    AZ_CHECK(fabs(az_a_ - az_b_) <= (rtol)*az_s_, "%s: got %.10g, expected %.10g (rel. error %.3g > %.3g)", what, az_a_, az_b_,            \
             fabs(az_a_ - az_b_) / az_s_, (double)(rtol));                                                                                 \
  } while (0)

#define AZ_CHECK_ABS(a, b, atol, what)                                                                                                     \
  do {                                                                                                                                     \
    double az_a_ = (double)(a), az_b_ = (double)(b);                                                                                       \
    AZ_CHECK(fabs(az_a_ - az_b_) <= (atol), "%s: got %.10g, expected %.10g (abs. error %.3g > %.3g)", what, az_a_, az_b_,                  \
             fabs(az_a_ - az_b_), (double)(atol));                                                                                         \
  } while (0)

// The call must fail with PETSC_ERR_USER_INPUT and a message containing `needle`.
#define AZ_CHECK_INPUT_ERROR(call, needle)                                                                                                 \
  do {                                                                                                                                     \
    PetscErrorCode az_e_;                                                                                                                  \
    char          *az_msg_ = NULL;                                                                                                         \
    PetscPushErrorHandler(PetscReturnErrorHandler, NULL);                                                                                  \
    az_e_ = (call);                                                                                                                        \
    PetscPopErrorHandler();                                                                                                                \
    if (az_e_) PetscErrorMessage(az_e_, NULL, &az_msg_);                                                                                   \
    AZ_CHECK(az_e_ == PETSC_ERR_USER_INPUT && az_msg_ && strstr(az_msg_, needle),                                                          \
             "%s: expected an input error mentioning '%s', got %d (%s)", #call, needle, (int)az_e_, az_msg_ ? az_msg_ : "no message");     \
  } while (0)

static inline int AzTestFinish(void)
{
  printf("%d checks, %d failed\n", az_test_ncheck, az_test_nfail);
  if (AzFinalize(PETSC_SUCCESS)) return 1;  // PetscFinalize, and what AzInitialize made (an MPI session directory)
  return az_test_nfail ? 1 : 0;
}
