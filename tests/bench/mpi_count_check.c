// Known traffic for tests/bench/mpi_count.py: on every rank, to the next rank (ring) one MPI_Send of 10 doubles,
// one MPI_Isend of 3 ints, a persistent send of 5 doubles started three times, one MPI_Sendrecv of 7 chars; not
// counted: a message to itself and one to MPI_PROC_NULL; collectives: 2 MPI_Allreduce and 1 MPI_Barrier. Expected
// per rank: 6 messages, 80 + 12 + 120 + 7 = 219 bytes, 3 collective calls.
#include <mpi.h>

int main(int argc, char **argv)
{
  int         rank, size, next, prev, ints[3] = {1, 2, 3}, rints[3], one = 1, sum;
  double      d[10] = {0}, rd[10], p[5] = {0}, rp[5];
  char        s[7] = "azote!", rs[7];
  MPI_Request req[4];
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  next = (rank + 1) % size, prev = (rank + size - 1) % size;
  MPI_Irecv(rd, 10, MPI_DOUBLE, prev, 1, MPI_COMM_WORLD, &req[0]);
  MPI_Send(d, 10, MPI_DOUBLE, next, 1, MPI_COMM_WORLD);
  MPI_Wait(&req[0], MPI_STATUS_IGNORE);
  MPI_Irecv(rints, 3, MPI_INT, prev, 2, MPI_COMM_WORLD, &req[0]);
  MPI_Isend(ints, 3, MPI_INT, next, 2, MPI_COMM_WORLD, &req[1]);
  MPI_Waitall(2, req, MPI_STATUSES_IGNORE);
  MPI_Send_init(p, 5, MPI_DOUBLE, next, 3, MPI_COMM_WORLD, &req[0]);
  MPI_Recv_init(rp, 5, MPI_DOUBLE, prev, 3, MPI_COMM_WORLD, &req[1]);
  for (int k = 0; k < 3; k++) {
    MPI_Startall(2, req);
    MPI_Waitall(2, req, MPI_STATUSES_IGNORE);
  }
  MPI_Request_free(&req[0]);
  MPI_Request_free(&req[1]);
  MPI_Sendrecv(s, 7, MPI_CHAR, next, 4, rs, 7, MPI_CHAR, prev, 4, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  MPI_Irecv(rints, 3, MPI_INT, rank, 5, MPI_COMM_WORLD, &req[0]);  // to itself: a copy, not traffic
  MPI_Isend(ints, 3, MPI_INT, rank, 5, MPI_COMM_WORLD, &req[1]);
  MPI_Waitall(2, req, MPI_STATUSES_IGNORE);
  MPI_Send(ints, 3, MPI_INT, MPI_PROC_NULL, 6, MPI_COMM_WORLD);
  MPI_Allreduce(&one, &sum, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
  MPI_Allreduce(MPI_IN_PLACE, &sum, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  MPI_Barrier(MPI_COMM_WORLD);
  MPI_Finalize();
  return sum == size ? 0 : 1;
}
