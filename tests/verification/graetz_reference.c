// The Graetz–Leveque marching reference (graetz.h) as a program, for scripts/bench's accuracy columns:
//   graetz_reference H U D L C0   prints the average limiting flux over [0, L] (mol m^-2 s^-1) and its relative
// error estimate. SI units: channel height, mean velocity, diffusivity, electrode length, inlet concentration.
#include <stdio.h>
#include "graetz.h"

int main(int argc, char **argv)
{
  double v[5], err, flux;
  if (argc != 6) {
    fprintf(stderr, "usage: graetz_reference H U D L C0\n");
    return 1;
  }
  for (int i = 0; i < 5; i++) {
    char *end;
    v[i] = strtod(argv[i + 1], &end);
    if (*end || !(v[i] > 0)) {
      fprintf(stderr, "graetz_reference: argument %d = '%s' must be a positive number\n", i + 1, argv[i + 1]);
      return 1;
    }
  }
  flux = AzGraetzReference(v[0], v[1], v[2], v[3], v[4], &err);
  printf("%.12e %.3e\n", flux, err);
  return 0;
}
