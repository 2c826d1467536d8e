// STREAM triad (McCalpin, "Memory bandwidth and machine balance in current high performance computers", IEEE TCCA
// Newsletter, 1995): a[i] = b[i] + s c[i] over arrays far larger than the caches, counted as 24 bytes per element
// (two loads and one store; the write-allocate read of a[] is not counted, as in STREAM). scripts/bench runs it on
// one process and on two at once (mpiexec -n 2): the ranks stream together between barriers, a repetition lasts as
// long as its slowest rank, and the bandwidth of the best repetition, summed over the ranks, is printed:
//   stream_triad [N [REPS]]   N doubles per array and rank (default 40 M: 960 MB a rank), REPS repetitions (10)
// prints one line: "ranks R n N reps K best_GB_s B median_GB_s M best_s T" (T: the best repetition's time, s).
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

static int compare(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static int parse(const char *s, long lo, long hi, long *v)
{
  char *end;
  *v = strtol(s, &end, 10);
  return !*end && *v >= lo && *v <= hi;
}

int main(int argc, char **argv)
{
  long n = 40000000, reps = 10;
  int  rank, size, bad = 0;
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  if (argc > 3 || (argc > 1 && !parse(argv[1], 1000, 2000000000L, &n)) || (argc > 2 && !parse(argv[2], 2, 1000, &reps))) {
    if (!rank) fprintf(stderr, "usage: stream_triad [N (1000..2e9 doubles per array)] [REPS (2..1000)]\n");
    MPI_Finalize();
    return 1;
  }
  double *a = malloc(n * sizeof(double)), *b = malloc(n * sizeof(double)), *c = malloc(n * sizeof(double));
  double *t = malloc(reps * sizeof(double)), check = 0;
  bad = !a || !b || !c || !t;
  MPI_Allreduce(MPI_IN_PLACE, &bad, 1, MPI_INT, MPI_LOR, MPI_COMM_WORLD);
  if (bad) {
    if (!rank) fprintf(stderr, "stream_triad: cannot allocate 3 x %ld doubles per rank\n", n);
    MPI_Finalize();
    return 1;
  }
  for (long i = 0; i < n; i++) a[i] = 0, b[i] = 1, c[i] = 2;  // first touch: every page is this rank's
  for (long k = 0; k < reps; k++) {
    const double s = 3.0 + k;  // a new factor each time: no pass can be skipped
    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    for (long i = 0; i < n; i++) a[i] = b[i] + s * c[i];
    t[k] = MPI_Wtime() - t0;
    check += a[n / 2];
    MPI_Allreduce(MPI_IN_PLACE, &t[k], 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);  // the slowest rank's time
  }
  // each a[n/2] = 1 + 2 (3 + k), summed exactly: anything else means the loop did not run as written
  bad = check != 7.0 * reps + (double)reps * (reps - 1);
  qsort(t, reps, sizeof(double), compare);
  if (!rank) {
    double bytes = 24.0 * n * size;
    printf("ranks %d n %ld reps %ld best_GB_s %.3f median_GB_s %.3f best_s %.6e%s\n", size, n, reps, bytes / t[0] / 1e9,
           bytes / t[reps / 2] / 1e9, t[0], bad ? " CHECK_FAILED" : "");
  }
  free(a), free(b), free(c), free(t);
  MPI_Finalize();
  return bad;
}
