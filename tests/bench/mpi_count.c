// Counts every rank's MPI traffic through the MPI profiling interface (PMPI), for scripts/bench and
// scripts/weak-scaling. PETSc's -log_view counts only PETSc's own messages (the ghost exchanges of the DMDA); hypre's
// BoomerAMG and its matrix-vector products call MPI themselves. Loaded with LD_PRELOAD=libazote_mpicount.so, this
// library counts, per rank, the point-to-point messages sent to another rank and their bytes (blocking,
// non-blocking and persistent sends, the send half of MPI_Sendrecv) and the calls of collective operations; at
// MPI_Finalize rank 0 writes them, one list entry per rank, to the JSON file named by AZ_MPICOUNT_FILE (written as
// FILE.partial and renamed). Without AZ_MPICOUNT_FILE it counts and writes nothing.
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

enum { P2P_MESSAGES, P2P_BYTES, COLLECTIVES, UNTRACKED, NCOUNT };
static long long counts[NCOUNT];
// persistent send requests (MPI_Send_init & co.): bytes per MPI_Start, -2 for a freed slot; requests beyond the
// table's room are counted as untracked (their sends would go uncounted) and reported
static struct {
  MPI_Request req;
  long long   bytes;
} persistent[4096];
static int npersistent;

static long long Bytes(int count, MPI_Datatype type, int dest, MPI_Comm comm)
{
  int size, rank;
  if (dest == MPI_PROC_NULL || count <= 0) return -1;
  PMPI_Comm_rank(comm, &rank);
  if (dest == rank) return -1;  // a message to itself is a copy, not traffic
  PMPI_Type_size(type, &size);
  return (long long)count * size;
}

static void Count(long long bytes)
{
  if (bytes < 0) return;
  counts[P2P_MESSAGES]++;
  counts[P2P_BYTES] += bytes;
}

static void Persistent(MPI_Request req, long long bytes)
{
  for (int i = 0; i < npersistent; i++)
    if (persistent[i].bytes == -2) {
      persistent[i].req = req, persistent[i].bytes = bytes;
      return;
    }
  if (npersistent < (int)(sizeof(persistent) / sizeof(persistent[0])))
    persistent[npersistent].req = req, persistent[npersistent++].bytes = bytes;
  else
    counts[UNTRACKED]++;
}

static void Started(MPI_Request req)
{
  for (int i = 0; i < npersistent; i++)
    if (persistent[i].bytes != -2 && persistent[i].req == req) {
      Count(persistent[i].bytes);
      return;
    }
}

#define SEND_FAMILY(NAME)                                                                                                                  \
  int NAME(const void *buf, int count, MPI_Datatype type, int dest, int tag, MPI_Comm comm)                                                \
  {                                                                                                                                        \
    Count(Bytes(count, type, dest, comm));                                                                                                 \
    return P##NAME(buf, count, type, dest, tag, comm);                                                                                     \
  }
#define ISEND_FAMILY(NAME)                                                                                                                 \
  int NAME(const void *buf, int count, MPI_Datatype type, int dest, int tag, MPI_Comm comm, MPI_Request *req)                              \
  {                                                                                                                                        \
    Count(Bytes(count, type, dest, comm));                                                                                                 \
    return P##NAME(buf, count, type, dest, tag, comm, req);                                                                                \
  }
#define INIT_FAMILY(NAME)                                                                                                                  \
  int NAME(const void *buf, int count, MPI_Datatype type, int dest, int tag, MPI_Comm comm, MPI_Request *req)                              \
  {                                                                                                                                        \
    int       err   = P##NAME(buf, count, type, dest, tag, comm, req);                                                                     \
    long long bytes = Bytes(count, type, dest, comm);                                                                                      \
    if (err == MPI_SUCCESS && bytes >= 0) Persistent(*req, bytes);                                                                         \
    return err;                                                                                                                            \
  }
SEND_FAMILY(MPI_Send)
SEND_FAMILY(MPI_Ssend)
SEND_FAMILY(MPI_Rsend)
SEND_FAMILY(MPI_Bsend)
ISEND_FAMILY(MPI_Isend)
ISEND_FAMILY(MPI_Issend)
ISEND_FAMILY(MPI_Irsend)
ISEND_FAMILY(MPI_Ibsend)
INIT_FAMILY(MPI_Send_init)
INIT_FAMILY(MPI_Ssend_init)
INIT_FAMILY(MPI_Rsend_init)
INIT_FAMILY(MPI_Bsend_init)

int MPI_Start(MPI_Request *req)
{
  Started(*req);
  return PMPI_Start(req);
}

int MPI_Startall(int n, MPI_Request reqs[])
{
  for (int i = 0; i < n; i++) Started(reqs[i]);
  return PMPI_Startall(n, reqs);
}

int MPI_Request_free(MPI_Request *req)
{
  for (int i = 0; i < npersistent; i++)
    if (persistent[i].bytes != -2 && persistent[i].req == *req) persistent[i].bytes = -2;
  return PMPI_Request_free(req);
}

int MPI_Sendrecv(const void *sbuf, int scount, MPI_Datatype stype, int dest, int stag, void *rbuf, int rcount, MPI_Datatype rtype,
                 int source, int rtag, MPI_Comm comm, MPI_Status *status)
{
  Count(Bytes(scount, stype, dest, comm));
  return PMPI_Sendrecv(sbuf, scount, stype, dest, stag, rbuf, rcount, rtype, source, rtag, comm, status);
}

int MPI_Sendrecv_replace(void *buf, int count, MPI_Datatype type, int dest, int stag, int source, int rtag, MPI_Comm comm,
                         MPI_Status *status)
{
  Count(Bytes(count, type, dest, comm));
  return PMPI_Sendrecv_replace(buf, count, type, dest, stag, source, rtag, comm, status);
}

// collectives: the number of calls (each costs latency that grows with the rank count, whatever it carries)
int MPI_Barrier(MPI_Comm comm)
{
  counts[COLLECTIVES]++;
  return PMPI_Barrier(comm);
}
int MPI_Ibarrier(MPI_Comm comm, MPI_Request *req)
{
  counts[COLLECTIVES]++;
  return PMPI_Ibarrier(comm, req);
}
int MPI_Bcast(void *buf, int count, MPI_Datatype type, int root, MPI_Comm comm)
{
  counts[COLLECTIVES]++;
  return PMPI_Bcast(buf, count, type, root, comm);
}
int MPI_Reduce(const void *s, void *r, int count, MPI_Datatype type, MPI_Op op, int root, MPI_Comm comm)
{
  counts[COLLECTIVES]++;
  return PMPI_Reduce(s, r, count, type, op, root, comm);
}
int MPI_Allreduce(const void *s, void *r, int count, MPI_Datatype type, MPI_Op op, MPI_Comm comm)
{
  counts[COLLECTIVES]++;
  return PMPI_Allreduce(s, r, count, type, op, comm);
}
int MPI_Iallreduce(const void *s, void *r, int count, MPI_Datatype type, MPI_Op op, MPI_Comm comm, MPI_Request *req)
{
  counts[COLLECTIVES]++;
  return PMPI_Iallreduce(s, r, count, type, op, comm, req);
}
int MPI_Scan(const void *s, void *r, int count, MPI_Datatype type, MPI_Op op, MPI_Comm comm)
{
  counts[COLLECTIVES]++;
  return PMPI_Scan(s, r, count, type, op, comm);
}
int MPI_Exscan(const void *s, void *r, int count, MPI_Datatype type, MPI_Op op, MPI_Comm comm)
{
  counts[COLLECTIVES]++;
  return PMPI_Exscan(s, r, count, type, op, comm);
}
int MPI_Gather(const void *s, int sc, MPI_Datatype st, void *r, int rc, MPI_Datatype rt, int root, MPI_Comm comm)
{
  counts[COLLECTIVES]++;
  return PMPI_Gather(s, sc, st, r, rc, rt, root, comm);
}
int MPI_Gatherv(const void *s, int sc, MPI_Datatype st, void *r, const int rc[], const int d[], MPI_Datatype rt, int root, MPI_Comm comm)
{
  counts[COLLECTIVES]++;
  return PMPI_Gatherv(s, sc, st, r, rc, d, rt, root, comm);
}
int MPI_Allgather(const void *s, int sc, MPI_Datatype st, void *r, int rc, MPI_Datatype rt, MPI_Comm comm)
{
  counts[COLLECTIVES]++;
  return PMPI_Allgather(s, sc, st, r, rc, rt, comm);
}
int MPI_Allgatherv(const void *s, int sc, MPI_Datatype st, void *r, const int rc[], const int d[], MPI_Datatype rt, MPI_Comm comm)
{
  counts[COLLECTIVES]++;
  return PMPI_Allgatherv(s, sc, st, r, rc, d, rt, comm);
}
int MPI_Scatter(const void *s, int sc, MPI_Datatype st, void *r, int rc, MPI_Datatype rt, int root, MPI_Comm comm)
{
  counts[COLLECTIVES]++;
  return PMPI_Scatter(s, sc, st, r, rc, rt, root, comm);
}
int MPI_Scatterv(const void *s, const int sc[], const int d[], MPI_Datatype st, void *r, int rc, MPI_Datatype rt, int root, MPI_Comm comm)
{
  counts[COLLECTIVES]++;
  return PMPI_Scatterv(s, sc, d, st, r, rc, rt, root, comm);
}
int MPI_Alltoall(const void *s, int sc, MPI_Datatype st, void *r, int rc, MPI_Datatype rt, MPI_Comm comm)
{
  counts[COLLECTIVES]++;
  return PMPI_Alltoall(s, sc, st, r, rc, rt, comm);
}
int MPI_Alltoallv(const void *s, const int sc[], const int sd[], MPI_Datatype st, void *r, const int rc[], const int rd[], MPI_Datatype rt,
                  MPI_Comm comm)
{
  counts[COLLECTIVES]++;
  return PMPI_Alltoallv(s, sc, sd, st, r, rc, rd, rt, comm);
}
int MPI_Reduce_scatter(const void *s, void *r, const int rc[], MPI_Datatype type, MPI_Op op, MPI_Comm comm)
{
  counts[COLLECTIVES]++;
  return PMPI_Reduce_scatter(s, r, rc, type, op, comm);
}
int MPI_Reduce_scatter_block(const void *s, void *r, int rc, MPI_Datatype type, MPI_Op op, MPI_Comm comm)
{
  counts[COLLECTIVES]++;
  return PMPI_Reduce_scatter_block(s, r, rc, type, op, comm);
}

int MPI_Finalize(void)
{
  const char *file = getenv("AZ_MPICOUNT_FILE");
  int         rank, size;
  PMPI_Comm_rank(MPI_COMM_WORLD, &rank);
  PMPI_Comm_size(MPI_COMM_WORLD, &size);
  if (counts[UNTRACKED])
    fprintf(stderr, "mpi_count: rank %d: %lld persistent send requests untracked; the counts are too low\n", rank, counts[UNTRACKED]);
  if (file && *file) {
    long long *all  = rank ? NULL : malloc(sizeof(long long) * NCOUNT * size);
    int        room = rank || all;
    PMPI_Allreduce(MPI_IN_PLACE, &room, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);  // through PMPI: not counted
    if (room) PMPI_Gather(counts, NCOUNT, MPI_LONG_LONG, all, NCOUNT, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
    if (!rank && room) {
      static const char *names[NCOUNT] = {"p2p_messages", "p2p_bytes", "collectives", "untracked_persistent_requests"};
      char               partial[4096];
      FILE              *f;
      snprintf(partial, sizeof(partial), "%s.partial", file);
      if ((f = fopen(partial, "w"))) {
        fprintf(f, "{\"ranks\": %d", size);
        for (int k = 0; k < NCOUNT; k++) {
          fprintf(f, ", \"%s\": [", names[k]);
          for (int r = 0; r < size; r++) fprintf(f, "%s%lld", r ? ", " : "", all[r * NCOUNT + k]);
          fprintf(f, "]");
        }
        fprintf(f, "}\n");
        if (fclose(f) == 0) rename(partial, file);
      }
    }
    free(all);
  }
  return PMPI_Finalize();
}
