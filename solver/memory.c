// The memory a problem needs and the memory there is (include/azote/memory.h).
#include <azote/memory.h>
#include <azote/private/npimpl.h>  // AzNPCoarseBytes
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

// Peak resident memory per cell (B), above the ranks' start-up, measured with summary.json's memory_peak_bytes on
// 1.5-2.5e5-cell runs of the shipped cases (1 rank, Debian's PETSc 3.18 and hypre, this project's CI machine kind):
// one unknown per cell (flow cell 2-D 405, 3-D 359, steady H-cell 403: BiCGStab), two (flow cell with the potential
// 2-D 1406, 3-D 1275, GDE 1009, H-cell in time 1350: GMRES(30)), three (GDE with the potential 1572, H-cell in time
// with the potential 2632). The figures below are the largest of each row, rounded up by about 5 %; each further
// unknown adds the last step.
static const double az_bytes_per_cell[3] = {425, 1480, 2760};
#define AZ_STARTUP_BYTES 45e6  // MPI and PETSc's shared libraries, per rank

// The ionic model's Krylov solve on its line preconditioner (solver/nplines.c: the Jacobian, two dense blocks per
// cell, GMRES's vectors, at most 15 of them: its restart): peak per cell on the flow cell in 0.1 M Na2SO4 (8 unknowns
// per cell), 2000 x 500 cells on 2 ranks, where the solve's tight steps fill GMRES's basis: 5.37 kB (5.28 above
// start-up; 5.40 with the coarse correction, whose operator rank 0 holds: 49 MB on 2000 lines); on 240 x 128
// cells (1 rank), whose Krylov solves stop earlier: 4.74 kB above start-up. Per unknown, the larger of them (660 B)
// rounded up by 6 %. (Before Eisenstat-Walker's tolerances and the sweep's in-place update: 830 B, fitted to
// 240 x 128 cells with 7, 8 and 10 unknowns.)
#define AZ_LINES_PER_UNKNOWN 700.0
// The sparse direct factorisation (-pc_type lu: MUMPS), whose fill grows faster than the cells: nested dissection's
// N log N in 2-D, N^(4/3) in 3-D, each dof^2 times a cell's. Peak per cell above start-up measured on the flow cell
// in 0.1 M Na2SO4 (8 unknowns per cell, 1 rank, Debian's MUMPS 5.5 with PORD): 2-D 120 x 64, 240 x 64, 128 x 120,
// 240 x 128, 480 x 128 cells: 23.0, 23.3, 26.0, 27.2, 27.7 kB; AZ_FACTOR_2D dof^2 log2(N) is within -2..+12 % of each
// (and of 60 x 32: 19.5 kB). 3-D (flowcell-3d.yaml in Na2SO4) 40 x 16 x 12 and 60 x 20 x 16 cells: 81.6 and
// 115.4 kB; AZ_FACTOR_3D dof^2 N^(1/3) is +8 and +4 % of them.
#define AZ_FACTOR_2D 30.0
#define AZ_FACTOR_3D 70.0

double AzMemoryPerCell(PetscInt dof, PetscInt dim, double cells, AzMemorySolver solver)
{
  if (solver == AZ_MEMORY_DIRECT)
    return (double)dof * dof * (dim == 3 ? AZ_FACTOR_3D * PetscCbrtReal(cells) : AZ_FACTOR_2D * PetscLog2Real(PetscMax(cells, 2.0)));
  if (solver == AZ_MEMORY_LINES) return AZ_LINES_PER_UNKNOWN * dof;
  // 3-D grids measured a little below 2-D ones
  if (dof <= 3) return az_bytes_per_cell[PetscMax(dof, 1) - 1];
  return az_bytes_per_cell[2] + (double)(dof - 3) * (az_bytes_per_cell[2] - az_bytes_per_cell[1]);
}

// A number from the first line of a file; -1 if none ("max" of cgroup v2 is none).
static double AzReadNumber(const char path[])
{
  FILE  *fp = fopen(path, "r");
  char   buf[64];
  double v = -1;
  if (!fp) return -1;
  if (fgets(buf, sizeof(buf), fp)) {
    char *end;
    v = strtod(buf, &end);
    if (end == buf) v = -1;
  }
  fclose(fp);
  return v;
}

// The room a memory cgroup leaves (limit less usage, the smallest over this process's cgroup and its ancestors);
// -1 where there is no limit.
static double AzCgroupRoom(void)
{
  FILE  *fp = fopen("/proc/self/cgroup", "r");
  char   line[4096], path[4096 + 64], rel[4096] = "";
  double room = -1;
  int    v2   = 0;
  if (!fp) return -1;
  while (fgets(line, sizeof(line), fp)) {
    char *a = strchr(line, ':'), *b = a ? strchr(a + 1, ':') : NULL, *nl;
    if (!b) continue;
    if ((nl = strchr(b, '\n'))) *nl = 0;
    if (!strncmp(a + 1, "memory:", 7) || strstr(a + 1, ",memory:")) {  // cgroup v1
      snprintf(rel, sizeof(rel), "%s", b + 1), v2 = 0;
      break;
    }
    if (!strncmp(line, "0::", 3)) snprintf(rel, sizeof(rel), "%s", b + 1), v2 = 1;  // v2, unless v1 has memory
  }
  fclose(fp);
  if (!rel[0]) return -1;
  for (;;) {  // up to the root
    double      limit, usage;
    const char *base = v2 ? "/sys/fs/cgroup" : "/sys/fs/cgroup/memory";
    snprintf(path, sizeof(path), "%s%s/%s", base, rel, v2 ? "memory.max" : "memory.limit_in_bytes");
    limit = AzReadNumber(path);
    snprintf(path, sizeof(path), "%s%s/%s", base, rel, v2 ? "memory.current" : "memory.usage_in_bytes");
    usage = AzReadNumber(path);
    if (limit > 0 && limit < 1e18 && usage >= 0) room = room < 0 ? limit - usage : PetscMin(room, limit - usage);
    char *slash = strrchr(rel, '/');
    if (!slash || !rel[1]) break;
    if (slash == rel)
      rel[1] = 0;
    else
      *slash = 0;
  }
  return room;
}

double AzMemoryAvailable(void)
{
  FILE  *fp = fopen("/proc/meminfo", "r");
  char   line[256];
  double avail = 0, room;
  if (fp) {
    while (fgets(line, sizeof(line), fp))
      if (sscanf(line, "MemAvailable: %lf kB", &avail) == 1) {
        avail *= 1024;
        break;
      }
    fclose(fp);
  }
  room = AzCgroupRoom();
  if (room >= 0) avail = avail > 0 ? PetscMin(avail, room) : room;
  return PetscMax(avail, 0);
}

// This process's resident memory now (bytes), already counted in its start-up.
static double AzMemoryResident(void)
{
  FILE  *fp    = fopen("/proc/self/statm", "r");
  double pages = 0, rss = 0;
  if (fp) {
    if (fscanf(fp, "%lf %lf", &pages, &rss) != 2) rss = 0;
    fclose(fp);
  }
  return rss * (double)sysconf(_SC_PAGESIZE);
}

PetscErrorCode AzMemoryCheck(MPI_Comm comm, PetscInt dim, const PetscInt M[3], PetscInt dof, AzMemorySolver solver)
{
  MPI_Comm    node;
  PetscMPIInt size, nsize, nrank;
  double      cells = (double)M[0] * M[1] * (dim == 3 ? M[2] : 1), need, avail = 0, rss = AzMemoryResident(), in, out;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCallMPI(MPI_Comm_split_type(comm, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node));
  PetscCallMPI(MPI_Comm_size(node, &nsize));
  PetscCallMPI(MPI_Comm_rank(node, &nrank));
  PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, &rss, 1, MPI_DOUBLE, MPI_SUM, node));
  if (nrank == 0) avail = AzMemoryAvailable();
  PetscCallMPI(MPI_Comm_free(&node));
  // this node's share: its ranks' cells and start-up, less what they hold already
  need = cells * nsize / size * AzMemoryPerCell(dof, dim, cells, solver) + nsize * AZ_STARTUP_BYTES;
  if (solver == AZ_MEMORY_LINES) {  // the line preconditioner's coarse correction, held by rank 0: counted on every node
    double coarse;
    PetscCall(AzNPCoarseBytes(dim, M, dof, &coarse));
    need += coarse;
  }
  // the node worst off (only node leaders have a say)
  in = nrank == 0 && avail > 0 ? (need - rss) / avail : 0;
  PetscCallMPI(MPI_Allreduce(&in, &out, 1, MPI_DOUBLE, MPI_MAX, comm));
  if (out <= 1) PetscFunctionReturn(PETSC_SUCCESS);
  {
    // the figures of that node, for the message
    struct {
      double ratio;
      int    rank;
    } me          = {in, 0}, worst;
    double fig[2] = {need, avail};
    PetscCallMPI(MPI_Comm_rank(comm, &me.rank));
    PetscCallMPI(MPI_Allreduce(&me, &worst, 1, MPI_DOUBLE_INT, MPI_MAXLOC, comm));
    PetscCallMPI(MPI_Bcast(fig, 2, MPI_DOUBLE, worst.rank, comm));
    if (dim == 3)
      SETERRQ(comm, PETSC_ERR_USER_INPUT,
              "-mesh_nx x -mesh_ny x -mesh_nz = %" PetscInt_FMT " x %" PetscInt_FMT " x %" PetscInt_FMT " = %.3g cells with %" PetscInt_FMT
              " unknown%s per cell need about %.3g GB (%.0f B per cell, %.0f MB per rank), more than the "
              "%.3g GB available%s: use fewer cells, or more nodes",
              M[0], M[1], M[2], cells, dof, dof > 1 ? "s" : "", fig[0] / 1e9, AzMemoryPerCell(dof, dim, cells, solver),
              AZ_STARTUP_BYTES / 1e6, fig[1] / 1e9, size > 1 ? " on a node" : "");
    SETERRQ(comm, PETSC_ERR_USER_INPUT,
            "-mesh_nx x -mesh_ny = %" PetscInt_FMT " x %" PetscInt_FMT " = %.3g cells with %" PetscInt_FMT
            " unknown%s per cell need about %.3g GB (%.0f B per cell, %.0f MB per rank), more than the %.3g GB available%s: use fewer "
            "cells, or more nodes",
            M[0], M[1], cells, dof, dof > 1 ? "s" : "", fig[0] / 1e9, AzMemoryPerCell(dof, dim, cells, solver), AZ_STARTUP_BYTES / 1e6,
            fig[1] / 1e9, size > 1 ? " on a node" : "");
  }
}
