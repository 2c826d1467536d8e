// Structured grids: graded 1-D meshes and the DMDA box that carries the unknowns.
#include <azote/grid.h>

// Antiderivative of exp(-dist(x, [a, b]) / w), continuous, zero at -infinity.
static PetscReal AzDecayIntegral(PetscReal x, PetscReal a, PetscReal b, PetscReal w)
{
  if (x < a) return w * PetscExpReal((x - a) / w);
  if (x <= b) return w + (x - a);
  return w + (b - a) - w * expm1(-(x - b) / w);
}

// Cumulative mesh density F(x) = integral_a^x rho, and rho(x).
static PetscReal AzMeshDensityIntegral(PetscReal a, PetscReal x, PetscInt nref, const AzRefinePoint ref[], PetscReal *rho)
{
  PetscReal F = x - a, r = 1;
  for (PetscInt k = 0; k < nref; k++) {
    const PetscReal A = ref[k].ratio - 1, w = ref[k].width, lo = ref[k].pos, hi = PetscMax(ref[k].pos, ref[k].pos_end);
    const PetscReal dist = x < lo ? lo - x : x > hi ? x - hi : 0;
    F += A * (AzDecayIntegral(x, lo, hi, w) - AzDecayIntegral(a, lo, hi, w));
    r += A * PetscExpReal(-dist / w);
  }
  if (rho) *rho = r;
  return F;
}

// Solves F(x) = target on [lo, hi] (F increasing): Newton safeguarded by bisection.
static PetscReal AzMeshInvert(PetscReal a, PetscReal target, PetscReal lo, PetscReal hi, PetscInt nref, const AzRefinePoint ref[])
{
  PetscReal x = 0.5 * (lo + hi), rho;
  for (PetscInt it = 0; it < 200; it++) {
    const PetscReal F = AzMeshDensityIntegral(a, x, nref, ref, &rho) - target;
    if (F > 0)
      hi = x;
    else
      lo = x;
    PetscReal next = x - F / rho;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (PetscAbsReal(next - x) <= 4 * PETSC_MACHINE_EPSILON * PetscMax(PetscAbsReal(x), hi - lo)) return next;
    x = next;
  }
  return x;
}

PetscErrorCode AzMesh1D(PetscReal a, PetscReal b, PetscInt n, PetscInt nref, const AzRefinePoint ref[], PetscInt nbreak,
                        const PetscReal breaks[], PetscReal x[])
{
  PetscReal ends[AZ_MAX_REFINE + 2], W[AZ_MAX_REFINE + 1], total;
  PetscInt  npiece = 0, cells[AZ_MAX_REFINE + 1], assigned = 0, at = 0;

  PetscFunctionBeginUser;
  PetscCheck(b > a, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "mesh interval [%g, %g] is empty", (double)a, (double)b);
  PetscCheck(nbreak <= AZ_MAX_REFINE, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "too many mesh break points");
  for (PetscInt k = 0; k < nref; k++)
    PetscCheck(ref[k].ratio >= 1 && ref[k].width > 0, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "refinement %g (width %g) invalid",
               (double)ref[k].ratio, (double)ref[k].width);
  ends[npiece] = a;
  for (PetscInt k = 0; k < nbreak; k++) {
    // breaks must increase strictly inside (a, b); a break on an end adds nothing
    if (breaks[k] <= ends[npiece] || breaks[k] >= b) continue;
    ends[++npiece] = breaks[k];
  }
  ends[++npiece] = b;
  PetscCheck(n >= npiece, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "a mesh of %" PetscInt_FMT " cells cannot hold %" PetscInt_FMT " pieces",
             n, npiece);
  total = AzMeshDensityIntegral(a, b, nref, ref, NULL);
  // Apportion cells by the largest remainder, with at least one per piece.
  for (PetscInt p = 0; p < npiece; p++) {
    W[p]     = AzMeshDensityIntegral(a, ends[p + 1], nref, ref, NULL) - AzMeshDensityIntegral(a, ends[p], nref, ref, NULL);
    cells[p] = PetscMax(1, (PetscInt)PetscFloorReal(n * W[p] / total));
    assigned += cells[p];
  }
  while (assigned != n) {
    PetscInt  best  = -1;
    PetscReal score = 0;
    for (PetscInt p = 0; p < npiece; p++) {
      const PetscReal s = assigned < n ? n * W[p] / total - cells[p] : cells[p] - n * W[p] / total;
      if ((assigned < n || cells[p] > 1) && (best < 0 || s > score)) best = p, score = s;
    }
    cells[best] += assigned < n ? 1 : -1;
    assigned += assigned < n ? 1 : -1;
  }
  for (PetscInt p = 0; p < npiece; p++) {
    const PetscReal F0 = AzMeshDensityIntegral(a, ends[p], nref, ref, NULL), Wp = W[p];
    x[at] = ends[p];
    for (PetscInt q = 1; q < cells[p]; q++) x[at + q] = AzMeshInvert(a, F0 + Wp * q / cells[p], x[at + q - 1], ends[p + 1], nref, ref);
    at += cells[p];
  }
  x[n] = b;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscInt AzGridStrongestDirection(const AzGrid *g)
{
  PetscInt  dir  = 0;
  PetscReal best = -1;
  for (PetscInt d = 0; d < g->dim; d++) {
    PetscReal s = 0;
    if (g->M[d] < 2) continue;
    for (PetscInt m = 0; m < g->M[d]; m++) s += 1 / (g->dx[d][m] * g->dx[d][m]);
    s *= (PetscReal)g->M[0] * g->M[1] * g->M[2] / g->M[d];
    if (s > best) best = s, dir = d;
  }
  return dir;
}

PetscErrorCode AzGridCreate(MPI_Comm comm, PetscInt dim, const PetscInt M[3], PetscReal *const xf[3], PetscInt dof, PetscBool whole_lines,
                            AzGrid *g)
{
  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(g, sizeof(*g)));
  PetscCheck(dim == 2 || dim == 3, comm, PETSC_ERR_ARG_OUTOFRANGE, "grids are 2-D or 3-D, not %" PetscInt_FMT "-D", dim);
  g->dim = dim;
  for (PetscInt d = 0; d < 3; d++) {
    g->M[d] = M[d];
    PetscCheck(M[d] >= 1 && (d < dim || M[d] == 1), comm, PETSC_ERR_ARG_OUTOFRANGE, "bad grid size %" PetscInt_FMT " in direction %d", M[d],
               (int)d);
    PetscCall(PetscMalloc3(M[d] + 1, &g->xf[d], M[d], &g->xc[d], M[d], &g->dx[d]));
    for (PetscInt i = 0; i <= M[d]; i++) g->xf[d][i] = xf[d][i];
    for (PetscInt i = 0; i < M[d]; i++) {
      g->xc[d][i] = 0.5 * (xf[d][i] + xf[d][i + 1]);
      g->dx[d][i] = xf[d][i + 1] - xf[d][i];
      PetscCheck(g->dx[d][i] > 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "grid faces must increase (direction %d, cell %" PetscInt_FMT ")", (int)d,
                 i);
    }
  }
  if (dim == 2) {
    PetscInt    procs[2] = {PETSC_DECIDE, PETSC_DECIDE};
    PetscMPIInt size;
    PetscCallMPI(MPI_Comm_size(comm, &size));
    if (whole_lines && size > 1) {
      const PetscInt dir = AzGridStrongestDirection(g);
      if (M[1 - dir] >= size) procs[dir] = 1, procs[1 - dir] = size;
    }
    PetscCall(DMDACreate2d(comm, DM_BOUNDARY_NONE, DM_BOUNDARY_NONE, DMDA_STENCIL_STAR, M[0], M[1], procs[0], procs[1], dof, 1, NULL, NULL,
                           &g->da));
  } else
    PetscCall(DMDACreate3d(comm, DM_BOUNDARY_NONE, DM_BOUNDARY_NONE, DM_BOUNDARY_NONE, DMDA_STENCIL_STAR, M[0], M[1], M[2], PETSC_DECIDE,
                           PETSC_DECIDE, PETSC_DECIDE, dof, 1, NULL, NULL, NULL, &g->da));
  PetscCall(DMSetUp(g->da));
  PetscCall(DMDAGetCorners(g->da, &g->xs[0], &g->xs[1], &g->xs[2], &g->xm[0], &g->xm[1], &g->xm[2]));
  PetscCall(DMDAGetGhostCorners(g->da, &g->gxs[0], &g->gxs[1], &g->gxs[2], &g->gxm[0], &g->gxm[1], &g->gxm[2]));
  if (dim == 2) g->xs[2] = g->gxs[2] = 0, g->xm[2] = g->gxm[2] = 1;
  PetscCall(PetscCalloc1(g->gxm[0] * g->gxm[1] * g->gxm[2], &g->tag));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzGridDestroy(AzGrid *g)
{
  PetscFunctionBeginUser;
  for (PetscInt d = 0; d < 3; d++) PetscCall(PetscFree3(g->xf[d], g->xc[d], g->dx[d]));
  PetscCall(PetscFree(g->tag));
  PetscCall(DMDestroy(&g->da));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzGridSetAxisymmetric(AzGrid *g)
{
  PetscFunctionBeginUser;
  PetscCheck(g->dim == 2, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "an axisymmetric grid is 2-D (z, r)");
  PetscCheck(g->xf[1][0] >= 0, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "an axisymmetric grid's radii start at r >= 0, not %g",
             (double)g->xf[1][0]);
  g->axisymmetric = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}
