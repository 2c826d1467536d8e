// The ionic model's preconditioner (electrolyte_model tertiary): a two-stage, constrained-pressure-residual (CPR)
// preconditioner as reservoir simulators use it for their pressure, with the electrolyte potential in the pressure's
// place, then block Gauss-Seidel by lines.
//   1. the potential: BoomerAMG on phi_l's own block of the Jacobian (its rows are the charge balance, its columns the
//      potential: the conductivity's operator, elliptic and long-ranged, which no local smoother carries across a
//      channel's length), one V-cycle; the correction's residual over all rows follows;
//   2. the ions: one Gauss-Seidel sweep over the lines of cells along the direction of the strongest couplings (across
//      the channel to its electrode wall, where the graded mesh's cells are hundreds of times wider than high), each
//      line's block-tridiagonal system (every unknown of its cells: the bulk reactions couple a cell's ions a million
//      times more strongly than transport couples cells) solved exactly by block elimination. The lines are swept in
//      the mesh's order (x fastest: downstream along the flow, whose upwinded advection makes that order nearly
//      exact); lines are local to a rank, and the couplings between ranks are left to the Krylov method.
// On large 2-D meshes a coarse correction comes first (AzNPCoarse below): each line cut into a few segments, one
// unknown per segment and species, the Galerkin operator of those aggregates solved exactly along the mesh's lines.
// It carries the modes the sweep damps only by a factor that tends to one as the lines get more numerous.
// GMRES on this preconditioner needs 1-2 iterations per Newton step on the flow cell (240 x 64, 8 unknowns per cell)
// at the forcing term's tolerances (solver/npsolve.c), 5-12 on the last, tight steps, where point smoothers and
// multigrid stalled (docs/ionic.md).
#include <azote/private/npimpl.h>

typedef struct {
  PetscInt     dof, nline, len;  // unknowns per cell, lines on this rank, cells per line
  PetscInt     stride;           // local cell index step along a line
  PetscInt    *cell;             // local cell of each line's m-th cell: cell[l len + m]
  PetscScalar *Dinv, *G;         // per local cell (in line order): block elimination's factors, dof x dof each
  PetscBool    singular;         // a cell's block was singular at the last set-up: the identity instead
  IS           is_phi;           // the potential's rows
  Mat          Aphi;             // its block of the Jacobian
  KSP          amg;
  Vec          rphi, yphi;
  PetscInt     sp;       // the potential's place among a cell's unknowns
  PetscBool   *refresh;  // the next set-up makes a new AMG of the potential's block (the problem's flag)
  PetscBool   *keep;     // Newton may keep the preconditioner (the problem's flag: not with the coarse correction)
  Vec          w, off;   // several ranks: the right-hand side less the couplings to other ranks, and those
  Vec          ghost;    // the other ranks' values that the Jacobian's off-rank block couples
  VecScatter   scatter;  // into ghost
  // the coarse correction (2-D; K = 0: none): the aggregates of a line's cells in K segments, one unknown per segment
  // and species (n = K dof per mesh line), for each of the mesh's nl lines; this rank's lines are l0, l0 + 1, ...
  PetscInt     K, n, nl, l0;
  PetscInt     lstep;         // local cell index step from a line to the next
  PetscInt    *seg;           // segment of a line's m-th cell
  PetscScalar *Al, *rl, *xl;  // this rank's lines: their rows of P^T A P (blocks L, D, U of n x n), rhs, solution
  PetscScalar *Ac, *rc, *xc;  // rank 0: every line's, the blocks factored in place
  PetscMPIInt *cnt, *dsp;     // rank 0: each rank's lines, and the first
  PetscBool    coarse_ok;     // its last set-up's blocks were regular
  Vec          gid;           // the coarse unknown of each column of the Jacobian's off-rank block
} AzNPLines;

// Rank 0 gathers each rank's lines' values (per line: `per` of them) into all, or scatters all to them
static PetscErrorCode AzNPCoarseMove(const AzNPLines *s, MPI_Comm comm, PetscInt per, PetscScalar *mine, PetscScalar *all, PetscBool gather)
{
  PetscMPIInt rank, size, *c = NULL, *d = NULL, nmine;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCall(PetscMPIIntCast(s->nline * per, &nmine));
  if (!rank) {
    PetscCall(PetscMalloc2(size, &c, size, &d));
    for (PetscMPIInt r = 0; r < size; r++) PetscCall(PetscMPIIntCast((PetscInt)s->cnt[r] * per, &c[r]));
    for (PetscMPIInt r = 0; r < size; r++) PetscCall(PetscMPIIntCast((PetscInt)s->dsp[r] * per, &d[r]));
  }
  if (gather)
    PetscCallMPI(MPI_Gatherv(mine, nmine, MPIU_SCALAR, all, c, d, MPIU_SCALAR, 0, comm));
  else
    PetscCallMPI(MPI_Scatterv(all, c, d, MPIU_SCALAR, mine, nmine, MPIU_SCALAR, 0, comm));
  PetscCall(PetscFree2(c, d));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The coarse correction: segments per line by default (its mesh lines: at least AZ_NP_COARSE_LINES lines of at least
// AZ_NP_COARSE_LEN cells; -ionic_coarse_segments sets K, 0 turns it off) and at most
#define AZ_NP_COARSE_K     4
#define AZ_NP_COARSE_MAX_K 8
#define AZ_NP_COARSE_LINES 512
#define AZ_NP_COARSE_LEN   64

// Segments per line of a 2-D mesh of `lines` lines of `len` cells: ionic_coarse_segments (checked with the case's
// keys: -1 for the default, 0 for none), or by default AZ_NP_COARSE_K from AZ_NP_COARSE_LINES lines of AZ_NP_COARSE_LEN
// cells, none below
static PetscErrorCode AzNPCoarseSegments(PetscInt lines, PetscInt len, PetscInt *K)
{
  PetscFunctionBeginUser;
  *K = -1;
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-ionic_coarse_segments", K, NULL));
  if (*K < 0) *K = lines >= AZ_NP_COARSE_LINES && len >= AZ_NP_COARSE_LEN ? AZ_NP_COARSE_K : 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzNPCoarseBytes(PetscInt dim, const PetscInt M[3], PetscInt dof, double *bytes)
{
  PetscInt K = 0;

  PetscFunctionBeginUser;
  // the lines' direction is not known before the grid: the more numerous direction's cells taken as the lines
  if (dim == 2) PetscCall(AzNPCoarseSegments(PetscMax(M[0], M[1]), PetscMin(M[0], M[1]), &K));
  *bytes = K ? 3.0 * sizeof(PetscScalar) * (double)(K * dof) * (double)(K * dof) * (double)PetscMax(M[0], M[1]) : 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// A <- A^-1 for a dense n x n block (row-major): Gauss-Jordan elimination with partial pivoting (rows swapped in the
// work copy, columns of the inverse swapped back at the end). False where the block is singular (or not finite).
static PetscBool AzDenseInvert(PetscInt n, PetscScalar *A)
{
  PetscInt perm[AZ_NP_COARSE_MAX_K * AZ_MAX_SPECIES];

  for (PetscInt k = 0; k < n; k++) {
    PetscInt  piv = k;
    PetscReal big = PetscAbsScalar(A[k * n + k]);
    for (PetscInt i = k + 1; i < n; i++)
      if (PetscAbsScalar(A[i * n + k]) > big) big = PetscAbsScalar(A[i * n + k]), piv = i;
    if (!(big > 0) || PetscIsInfOrNanReal(big)) return PETSC_FALSE;
    perm[k] = piv;
    if (piv != k)
      for (PetscInt j = 0; j < n; j++) {
        PetscScalar t = A[k * n + j];
        A[k * n + j] = A[piv * n + j], A[piv * n + j] = t;
      }
    const PetscScalar d = 1 / A[k * n + k];
    A[k * n + k]        = 1;
    for (PetscInt j = 0; j < n; j++) A[k * n + j] *= d;
    for (PetscInt i = 0; i < n; i++) {
      if (i == k) continue;
      const PetscScalar f = A[i * n + k];
      A[i * n + k]        = 0;
      for (PetscInt j = 0; j < n; j++) A[i * n + j] -= f * A[k * n + j];
    }
  }
  for (PetscInt k = n - 1; k >= 0; k--)
    if (perm[k] != k)
      for (PetscInt i = 0; i < n; i++) {
        PetscScalar t = A[i * n + k];
        A[i * n + k] = A[i * n + perm[k]], A[i * n + perm[k]] = t;
      }
  return PETSC_TRUE;
}

// C = A B (n x n, row-major); C -= A B with sub. One of the two is a coupling between neighbouring cells (each species
// with itself and with the potential, the potential with every ion: about 3n of the n^2 entries), so the product runs
// over the nonzero entries of that one only.
static void AzDenseMult(PetscInt n, const PetscScalar *A, const PetscScalar *B, PetscScalar *C, PetscBool sub)
{
  PetscInt nza = 0, nzb = 0;

  for (PetscInt q = 0; q < n * n; q++) nza += A[q] != 0, nzb += B[q] != 0;
  if (!sub)
    for (PetscInt q = 0; q < n * n; q++) C[q] = 0;
  if (nza <= nzb) {
    for (PetscInt a = 0; a < n; a++)
      for (PetscInt k = 0; k < n; k++) {
        const PetscScalar v = sub ? -A[a * n + k] : A[a * n + k];
        if (v != 0)
          for (PetscInt b = 0; b < n; b++) C[a * n + b] += v * B[k * n + b];
      }
  } else
    for (PetscInt k = 0; k < n; k++)
      for (PetscInt b = 0; b < n; b++) {
        const PetscScalar v = sub ? -B[k * n + b] : B[k * n + b];
        if (v != 0)
          for (PetscInt a = 0; a < n; a++) C[a * n + b] += A[a * n + k] * v;
      }
}

// One step of block elimination along a line: D <- (D - L Gprev)^-1 (Gprev NULL at the line's first block) and
// G = D U (G not U). False where the block is singular.
static PetscBool AzBlockEliminate(PetscInt n, const PetscScalar *L, const PetscScalar *Gprev, PetscScalar *D, const PetscScalar *U,
                                  PetscScalar *G)
{
  PetscBool regular;

  if (Gprev) AzDenseMult(n, L, Gprev, D, PETSC_TRUE);
  regular = AzDenseInvert(n, D);
  AzDenseMult(n, D, U, G, PETSC_FALSE);
  return regular;
}

static PetscErrorCode AzNPLinesGetLocal(Mat P, Mat *A)
{
  PetscBool mpi, seq;
  MatType   type;

  PetscFunctionBeginUser;
  PetscCall(MatGetType(P, &type));
  PetscCall(PetscObjectTypeCompare((PetscObject)P, MATMPIAIJ, &mpi));
  PetscCall(PetscObjectTypeCompare((PetscObject)P, MATSEQAIJ, &seq));
  PetscCheck(mpi || seq, PetscObjectComm((PetscObject)P), PETSC_ERR_SUP,
             "the ionic model's line preconditioner needs an AIJ Jacobian (-dm_mat_type aij, the default), not %s", type);
  if (mpi)
    PetscCall(MatMPIAIJGetSeqAIJ(P, A, NULL, NULL));
  else
    *A = P;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The coarse correction's operator P^T A P, P the aggregation of each line's segments (per species): the rows of the
// rank's lines (whole on it: AzGridCreate), their own columns summed by the line set-up's pass, here the off-rank
// block's; then rank 0 gathers every line's (3 nl n^2 values: only it holds the whole operator) and factors it along
// the mesh's lines: D'_i = D_i - L_i D'_{i-1}^-1 U_{i-1}, kept as D'_i^-1 in D's place and G_i = D'_i^-1 U_i in U's.
static PetscErrorCode AzNPCoarseSetUp(AzNPLines *s, Mat P)
{
  const PetscInt dof = s->dof, n = s->n, nn = n * n;
  MPI_Comm       comm = PetscObjectComm((PetscObject)P);
  PetscScalar   *Ac   = s->Ac, *T;
  PetscBool      done;

  PetscFunctionBeginUser;
  if (s->ghost) {  // the off-rank block: the coarse unknown of each of its columns, found once (the DM's pattern)
    Mat                Ao;
    const PetscInt    *oi, *oj;
    const PetscScalar *oa, *gv;
    PetscInt           nrow;
    if (!s->gid) {
      Vec          id;
      PetscScalar *v;
      PetscCall(VecDuplicate(s->w, &id));
      PetscCall(VecDuplicate(s->ghost, &s->gid));
      PetscCall(VecGetArray(id, &v));
      for (PetscInt l = 0; l < s->nline; l++)
        for (PetscInt m = 0; m < s->len; m++)
          for (PetscInt a = 0; a < dof; a++) v[s->cell[l * s->len + m] * dof + a] = (PetscReal)((s->l0 + l) * n + s->seg[m] * dof + a);
      PetscCall(VecRestoreArray(id, &v));
      PetscCall(VecScatterBegin(s->scatter, id, s->gid, INSERT_VALUES, SCATTER_FORWARD));
      PetscCall(VecScatterEnd(s->scatter, id, s->gid, INSERT_VALUES, SCATTER_FORWARD));
      PetscCall(VecDestroy(&id));
    }
    PetscCall(MatMPIAIJGetSeqAIJ(P, NULL, &Ao, NULL));
    PetscCall(MatGetRowIJ(Ao, 0, PETSC_FALSE, PETSC_FALSE, &nrow, &oi, &oj, &done));
    PetscCall(MatSeqAIJGetArrayRead(Ao, &oa));
    PetscCall(VecGetArrayRead(s->gid, &gv));
    for (PetscInt l = 0; l < s->nline; l++)
      for (PetscInt m = 0; m < s->len; m++)
        for (PetscInt a = 0, q = s->cell[l * s->len + m]; a < dof; a++)
          for (PetscInt e = oi[q * dof + a]; e < oi[q * dof + a + 1]; e++) {
            const PetscInt c = (PetscInt)PetscRealPart(gv[oj[e]]), lc = c / n, i = s->l0 + l;
            const PetscInt cblk = lc == i ? 1 : lc == i - 1 ? 0 : 2;
            s->Al[(3 * l + cblk) * nn + (s->seg[m] * dof + a) * n + c % n] += oa[e];
          }
    PetscCall(VecRestoreArrayRead(s->gid, &gv));
    PetscCall(MatSeqAIJRestoreArrayRead(Ao, &oa));
    PetscCall(MatRestoreRowIJ(Ao, 0, PETSC_FALSE, PETSC_FALSE, &nrow, &oi, &oj, &done));
  }
  PetscCall(AzNPCoarseMove(s, comm, 3 * nn, s->Al, Ac, PETSC_TRUE));
  s->coarse_ok = PETSC_TRUE;
  if (Ac) {
    PetscCall(PetscMalloc1(nn, &T));
    for (PetscInt i = 0; i < s->nl; i++) {
      PetscScalar *L = Ac + 3 * i * nn, *D = L + nn, *U = D + nn;
      if (!AzBlockEliminate(n, L, i > 0 ? U - 3 * nn : NULL, D, U, T)) s->coarse_ok = PETSC_FALSE;
      PetscCall(PetscArraycpy(U, T, nn));
    }
    PetscCall(PetscFree(T));
  }
  PetscCallMPI(MPI_Bcast(&s->coarse_ok, 1, MPIU_BOOL, 0, comm));  // (a singular block: no correction, on every rank)
  PetscFunctionReturn(PETSC_SUCCESS);
}

// y = P A_c^-1 P^T r: the sums of r over the aggregates, the block-tridiagonal solve along the mesh's lines (rank 0),
// each aggregate's values into its cells
static PetscErrorCode AzNPCoarseApply(AzNPLines *s, MPI_Comm comm, Vec r, Vec y)
{
  const PetscInt     dof = s->dof, n = s->n, nn = n * n;
  const PetscScalar *ra;
  PetscScalar       *z, *rc = s->rc, *xc = s->xc;

  PetscFunctionBeginUser;
  PetscCall(PetscArrayzero(s->rl, s->nline * n));
  PetscCall(VecGetArrayRead(r, &ra));
  for (PetscInt l = 0; l < s->nline; l++)
    for (PetscInt m = 0; m < s->len; m++) {
      const PetscInt q = s->cell[l * s->len + m], c = l * n + s->seg[m] * dof;
      for (PetscInt a = 0; a < dof; a++) s->rl[c + a] += ra[q * dof + a];
    }
  PetscCall(VecRestoreArrayRead(r, &ra));
  PetscCall(AzNPCoarseMove(s, comm, n, s->rl, rc, PETSC_TRUE));
  for (PetscInt i = 0; rc && i < s->nl; i++) {  // x_i = D'_i^-1 (r_i - L_i x_{i-1})
    const PetscScalar *L = s->Ac + 3 * i * nn, *Di = L + nn;
    PetscScalar        v[AZ_NP_COARSE_MAX_K * AZ_MAX_SPECIES];
    for (PetscInt a = 0; a < n; a++) {
      v[a] = rc[i * n + a];
      if (i > 0)
        for (PetscInt b = 0; b < n; b++) v[a] -= L[a * n + b] * xc[(i - 1) * n + b];
    }
    for (PetscInt a = 0; a < n; a++) {
      PetscScalar u = 0;
      for (PetscInt b = 0; b < n; b++) u += Di[a * n + b] * v[b];
      xc[i * n + a] = u;
    }
  }
  for (PetscInt i = s->nl - 2; rc && i >= 0; i--) {  // x_i -= G_i x_{i+1}
    const PetscScalar *G = s->Ac + (3 * i + 2) * nn;
    for (PetscInt a = 0; a < n; a++)
      for (PetscInt b = 0; b < n; b++) xc[i * n + a] -= G[a * n + b] * xc[(i + 1) * n + b];
  }
  PetscCall(AzNPCoarseMove(s, comm, n, s->xl, xc, PETSC_FALSE));
  PetscCall(VecGetArray(y, &z));
  for (PetscInt l = 0; l < s->nline; l++)
    for (PetscInt m = 0; m < s->len; m++) {
      const PetscInt q = s->cell[l * s->len + m], c = l * n + s->seg[m] * dof;
      for (PetscInt a = 0; a < dof; a++) z[q * dof + a] = s->xl[c + a];
    }
  PetscCall(VecRestoreArray(y, &z));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The potential's rows of r - A y (rphi holds r's): each row's product over the rank's columns and, several ranks,
// the off-rank block's with y's values there (scattered into ghost)
static PetscErrorCode AzNPPhiResidual(AzNPLines *s, Mat P, Vec y, Vec rphi)
{
  Mat                A, Ao = NULL;
  const PetscInt    *ia, *ja, *oi = NULL, *oj = NULL;
  const PetscScalar *aa, *oa = NULL, *gv = NULL, *ya;
  PetscScalar       *rp;
  PetscInt           nrow;
  PetscBool          done;

  PetscFunctionBeginUser;
  PetscCall(AzNPLinesGetLocal(P, &A));
  if (s->ghost) {
    PetscCall(MatMPIAIJGetSeqAIJ(P, NULL, &Ao, NULL));
    PetscCall(VecScatterBegin(s->scatter, y, s->ghost, INSERT_VALUES, SCATTER_FORWARD));
    PetscCall(VecScatterEnd(s->scatter, y, s->ghost, INSERT_VALUES, SCATTER_FORWARD));
    PetscCall(MatGetRowIJ(Ao, 0, PETSC_FALSE, PETSC_FALSE, &nrow, &oi, &oj, &done));
    PetscCall(MatSeqAIJGetArrayRead(Ao, &oa));
    PetscCall(VecGetArrayRead(s->ghost, &gv));
  }
  PetscCall(MatGetRowIJ(A, 0, PETSC_FALSE, PETSC_FALSE, &nrow, &ia, &ja, &done));
  PetscCall(MatSeqAIJGetArrayRead(A, &aa));
  PetscCall(VecGetArrayRead(y, &ya));
  PetscCall(VecGetArray(rphi, &rp));
  for (PetscInt q = 0; q < s->nline * s->len; q++) {
    const PetscInt row = q * s->dof + s->sp;
    PetscScalar    v   = 0;
    for (PetscInt e = ia[row]; e < ia[row + 1]; e++) v += aa[e] * ya[ja[e]];
    if (Ao)
      for (PetscInt e = oi[row]; e < oi[row + 1]; e++) v += oa[e] * gv[oj[e]];
    rp[q] -= v;
  }
  PetscCall(VecRestoreArray(rphi, &rp));
  PetscCall(VecRestoreArrayRead(y, &ya));
  PetscCall(MatSeqAIJRestoreArrayRead(A, &aa));
  PetscCall(MatRestoreRowIJ(A, 0, PETSC_FALSE, PETSC_FALSE, &nrow, &ia, &ja, &done));
  if (Ao) {
    PetscCall(VecRestoreArrayRead(s->ghost, &gv));
    PetscCall(MatSeqAIJRestoreArrayRead(Ao, &oa));
    PetscCall(MatRestoreRowIJ(Ao, 0, PETSC_FALSE, PETSC_FALSE, &nrow, &oi, &oj, &done));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzNPLinesSetUp(PC pc)
{
  AzNPLines         *s;
  Mat                P, A;
  const PetscInt    *ia, *ja;
  const PetscScalar *aa;
  PetscInt           nrow, dof, bb;
  PetscBool          done;
  PetscScalar       *L, *T;
  int                fine = 1;

  PetscFunctionBeginUser;
  PetscCall(PCShellGetContext(pc, &s));
  dof = s->dof, bb = dof * dof;
  PetscCall(PCGetOperators(pc, NULL, &P));
  PetscCall(AzNPLinesGetLocal(P, &A));
  PetscCall(MatGetRowIJ(A, 0, PETSC_FALSE, PETSC_FALSE, &nrow, &ia, &ja, &done));
  PetscCheck(done, PETSC_COMM_SELF, PETSC_ERR_SUP, "the line preconditioner: no row access to the Jacobian");
  PetscCall(MatSeqAIJGetArrayRead(A, &aa));
  PetscCall(PetscMalloc2(bb, &L, bb, &T));
  if (s->K) PetscCall(PetscArrayzero(s->Al, 3 * s->nline * s->n * s->n));
  // block elimination along each line, from its cells' rows: the cell's own block D_m, the previous cell's L_m and the
  // next one's U_m (a line's ends: their neighbours are another line's cells);
  //   D'_m = D_m - L_m D'_{m-1}^-1 U_{m-1}, kept as Dinv_m = D'_m^-1 and G_m = Dinv_m U_m
  // and, in the same pass, the coarse operator's sums of the rank's entries (segment sr of this cell, sc of a column's)
  for (PetscInt l = 0; l < s->nline; l++)
    for (PetscInt m = 0; m < s->len; m++) {
      const PetscInt q = s->cell[l * s->len + m], sr = s->K ? s->seg[m] : 0, nn = s->n * s->n;
      PetscScalar   *D = s->Dinv + (l * s->len + m) * bb, *G = s->G + (l * s->len + m) * bb;
      PetscScalar   *Cl = s->K ? s->Al + 3 * l * nn : NULL;  // the coarse line's L, then D, U blocks
      PetscCall(PetscArrayzero(D, bb));
      PetscCall(PetscArrayzero(L, bb));
      PetscCall(PetscArrayzero(T, bb));
      for (PetscInt a = 0; a < dof; a++)  // (the row's columns are sorted: its cells' blocks in turn)
        for (PetscInt e = ia[q * dof + a], qc = -1, c0 = 0; e < ia[q * dof + a + 1]; e++) {
          if (ja[e] >= c0 + dof || qc < 0) qc = ja[e] / dof, c0 = qc * dof;
          const PetscInt b    = ja[e] - c0;
          PetscInt       cblk = -1, sc = sr;  // the coarse block (0 L, 1 D, 2 U) and the column's segment
          if (qc == q)
            D[a * dof + b] = aa[e], cblk = 1;
          else if (m > 0 && qc == q - s->stride)
            L[a * dof + b] = aa[e], cblk = 1, sc = s->K ? s->seg[m - 1] : 0;
          else if (m < s->len - 1 && qc == q + s->stride)
            T[a * dof + b] = aa[e], cblk = 1, sc = s->K ? s->seg[m + 1] : 0;
          else if (qc == q - s->lstep)
            cblk = 0;
          else if (qc == q + s->lstep)
            cblk = 2;
          if (Cl && cblk >= 0) Cl[cblk * nn + (sr * dof + a) * s->n + sc * dof + b] += aa[e];
        }
      if (!AzBlockEliminate(dof, L, m > 0 ? G - bb : NULL, D, T, G)) fine = 0;
    }
  PetscCall(PetscFree2(L, T));
  PetscCall(MatSeqAIJRestoreArrayRead(A, &aa));
  PetscCall(MatRestoreRowIJ(A, 0, PETSC_FALSE, PETSC_FALSE, &nrow, &ia, &ja, &done));
  // a singular block on any rank: the preconditioner is the identity on all of them, GMRES does not converge, and
  // Newton turns to the direct factorisation (AzNPNewtonCheck; a failed PC would end Newton with a NaN step instead)
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &fine, 1, MPI_INT, MPI_MIN, PetscObjectComm((PetscObject)pc)));
  s->singular = (PetscBool)!fine;
  if (s->singular) {
    PetscCall(AzPrintf(PetscObjectComm((PetscObject)pc), "  the line preconditioner met a singular block of a cell's unknowns\n"));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  // several ranks: the other ranks' values of the off-rank block's columns (its pattern is the DM's, fixed)
  if (!s->ghost && A != P) {
    Mat             Ao;
    const PetscInt *colmap;
    PetscInt        nco, nloc;
    IS              is;
    PetscCall(MatMPIAIJGetSeqAIJ(P, NULL, &Ao, &colmap));
    PetscCall(MatGetSize(Ao, &nloc, &nco));
    PetscCall(ISCreateGeneral(PETSC_COMM_SELF, nco, colmap, PETSC_COPY_VALUES, &is));
    PetscCall(MatCreateVecs(P, &s->w, NULL));
    PetscCall(VecCreateSeq(PETSC_COMM_SELF, nco, &s->ghost));
    PetscCall(VecCreateSeq(PETSC_COMM_SELF, nloc, &s->off));
    PetscCall(VecScatterCreate(s->w, is, s->ghost, NULL, &s->scatter));
    PetscCall(ISDestroy(&is));
  }
  if (s->K) {
    PetscCall(AzNPCoarseSetUp(s, P));
    *s->keep = PETSC_FALSE;  // a kept one took 43 Krylov iterations where a new one took 17 (2000 x 500 cells)
  }
  // the potential's block and its AMG: kept from an earlier set-up of the same Newton solve while GMRES converges
  // fast with it (AzNPNewtonCheck asks for a new one): the conductivity's operator changes far less than the ions'
  // blocks, and its hierarchy's set-up is a third of the preconditioner's
  if (s->Aphi && !*s->refresh) PetscFunctionReturn(PETSC_SUCCESS);
  *s->refresh = PETSC_FALSE;
  PetscCall(MatCreateSubMatrix(P, s->is_phi, s->is_phi, s->Aphi ? MAT_REUSE_MATRIX : MAT_INITIAL_MATRIX, &s->Aphi));
  PetscCall(KSPSetOperators(s->amg, s->Aphi, s->Aphi));
  PetscCall(KSPSetUp(s->amg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// One Gauss-Seidel update of line l of A z = w. The line's cells hold only the first stages' corrections yet (the
// coarse one's, xc at their aggregates', and phi[] at their potential, the AMG's; the other lines' cells hold theirs
// or their update). Forward elimination y_m = Dinv_m (w_m - A_m z), y_m added to z at the line's m-th cell, so that
// the next cell's row product takes L_m y_m with everything else; back substitution d_m = y_m - G_m d_{m+1}, in place
// (d_{m+1}: z less those corrections). Each row is then one sparse dot product over the matrix's row.
static void AzNPLineUpdate(const AzNPLines *s, PetscInt l, const PetscInt *ia, const PetscInt *ja, const PetscScalar *aa,
                           const PetscScalar *restrict w, const PetscScalar *restrict phi, PetscScalar *restrict z)
{
  const PetscInt     dof = s->dof, bb = dof * dof, sp = s->sp;
  const PetscInt    *cell = s->cell + l * s->len;
  const PetscScalar *xl   = s->K && s->coarse_ok ? s->xl + l * s->n : NULL;  // the line's coarse values

  for (PetscInt m = 0; m < s->len; m++) {
    const PetscInt     q  = cell[m];
    const PetscScalar *Di = s->Dinv + (l * s->len + m) * bb;
    PetscScalar        r[AZ_MAX_SPECIES];
    for (PetscInt a = 0; a < dof; a++) {
      PetscScalar v = w[q * dof + a];
      for (PetscInt e = ia[q * dof + a]; e < ia[q * dof + a + 1]; e++) v -= aa[e] * z[ja[e]];
      r[a] = v;
    }
    for (PetscInt a = 0; a < dof; a++) {
      PetscScalar v = 0;
      for (PetscInt b = 0; b < dof; b++) v += Di[a * dof + b] * r[b];
      z[q * dof + a] += v;
    }
  }
  for (PetscInt m = s->len - 2; m >= 0; m--) {
    const PetscScalar *G  = s->G + (l * s->len + m) * bb;
    PetscScalar       *zm = z + cell[m] * dof, dn[AZ_MAX_SPECIES];
    for (PetscInt b = 0; b < dof; b++) dn[b] = z[cell[m + 1] * dof + b] - (xl ? xl[s->seg[m + 1] * dof + b] : 0);
    dn[sp] -= phi[cell[m + 1]];
    for (PetscInt a = 0; a < dof; a++)
      for (PetscInt b = 0; b < dof; b++) zm[a] -= G[a * dof + b] * dn[b];
  }
}

// One Gauss-Seidel sweep by lines on A z = w from z = 0, over the lines in the mesh's order (a backward sweep after
// it saved 4-8 % of the iterations and cost more than that).
static PetscErrorCode AzNPLinesSweep(const AzNPLines *s, Mat P, const PetscScalar *restrict w, const PetscScalar *restrict phi,
                                     PetscScalar *restrict z)
{
  Mat                A;
  const PetscInt    *ia, *ja;
  const PetscScalar *aa;
  PetscInt           nrow;
  PetscBool          done;

  PetscFunctionBeginUser;
  PetscCall(AzNPLinesGetLocal(P, &A));
  PetscCall(MatGetRowIJ(A, 0, PETSC_FALSE, PETSC_FALSE, &nrow, &ia, &ja, &done));
  PetscCall(MatSeqAIJGetArrayRead(A, &aa));
  for (PetscInt l = 0; l < s->nline; l++) AzNPLineUpdate(s, l, ia, ja, aa, w, phi, z);
  PetscCall(MatSeqAIJRestoreArrayRead(A, &aa));
  PetscCall(MatRestoreRowIJ(A, 0, PETSC_FALSE, PETSC_FALSE, &nrow, &ia, &ja, &done));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzNPLinesApply(PC pc, Vec r, Vec y)
{
  AzNPLines         *s;
  Mat                P;
  Vec                sub, w = r;
  const PetscScalar *wa, *phi;
  PetscScalar       *z;

  PetscFunctionBeginUser;
  PetscCall(PCShellGetContext(pc, &s));
  if (s->singular) {
    PetscCall(VecCopy(r, y));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(PCGetOperators(pc, NULL, &P));
  // 0. the coarse correction (large 2-D meshes), whose residual's potential rows the AMG takes
  PetscCall(VecGetSubVector(r, s->is_phi, &sub));
  PetscCall(VecCopy(sub, s->rphi));
  PetscCall(VecRestoreSubVector(r, s->is_phi, &sub));
  if (s->K && s->coarse_ok) {
    PetscCall(AzNPCoarseApply(s, PetscObjectComm((PetscObject)pc), r, y));
    PetscCall(AzNPPhiResidual(s, P, y, s->rphi));
  } else
    PetscCall(VecSet(y, 0));
  // 1. the potential
  PetscCall(KSPSolve(s->amg, s->rphi, s->yphi));
  PetscCall(VecGetSubVector(y, s->is_phi, &sub));
  PetscCall(VecAXPY(sub, 1, s->yphi));
  PetscCall(VecRestoreSubVector(y, s->is_phi, &sub));
  // 2. the lines, from the potential's correction: the sweep's row products take its residual within the rank, and
  // (several ranks) the right-hand side loses what it leaves through the couplings to other ranks' cells
  if (s->ghost) {
    Mat Ao;
    PetscCall(MatMPIAIJGetSeqAIJ(P, NULL, &Ao, NULL));
    PetscCall(VecScatterBegin(s->scatter, y, s->ghost, INSERT_VALUES, SCATTER_FORWARD));
    PetscCall(VecScatterEnd(s->scatter, y, s->ghost, INSERT_VALUES, SCATTER_FORWARD));
    PetscCall(MatMult(Ao, s->ghost, s->off));
    PetscCall(VecCopy(r, s->w));
    PetscCall(VecGetArrayRead(s->off, &phi));
    PetscCall(VecGetArray(s->w, &z));
    for (PetscInt q = 0; q < s->nline * s->len * s->dof; q++) z[q] -= phi[q];
    PetscCall(VecRestoreArray(s->w, &z));
    PetscCall(VecRestoreArrayRead(s->off, &phi));
    w = s->w;
  }
  PetscCall(VecGetArrayRead(w, &wa));
  PetscCall(VecGetArrayRead(s->yphi, &phi));
  PetscCall(VecGetArray(y, &z));
  PetscCall(AzNPLinesSweep(s, P, wa, phi, z));
  PetscCall(VecRestoreArray(y, &z));
  PetscCall(VecRestoreArrayRead(s->yphi, &phi));
  PetscCall(VecRestoreArrayRead(w, &wa));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzNPLinesDestroy(PC pc)
{
  AzNPLines *s;

  PetscFunctionBeginUser;
  PetscCall(PCShellGetContext(pc, &s));
  PetscCall(PetscFree3(s->cell, s->Dinv, s->G));
  PetscCall(ISDestroy(&s->is_phi));
  PetscCall(MatDestroy(&s->Aphi));
  PetscCall(KSPDestroy(&s->amg));
  PetscCall(VecDestroy(&s->rphi));
  PetscCall(VecDestroy(&s->yphi));
  PetscCall(VecDestroy(&s->w));
  PetscCall(VecDestroy(&s->off));
  PetscCall(VecDestroy(&s->ghost));
  PetscCall(VecScatterDestroy(&s->scatter));
  PetscCall(VecDestroy(&s->gid));
  PetscCall(PetscFree4(s->seg, s->Al, s->rl, s->xl));
  PetscCall(PetscFree5(s->Ac, s->rc, s->xc, s->cnt, s->dsp));
  PetscCall(PetscFree(s));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzNPLinesCreate(AzProblem *p, PC pc)
{
  const AzGrid *g = &p->grid;
  AzNPLines    *s;
  PetscInt      rstart, ncell = g->xm[0] * g->xm[1] * g->xm[2], dir, t0, t1, *idx, l = 0;
  PC            amg;

  PetscFunctionBeginUser;
  PetscCheck(p->s_phi >= 0, p->comm, PETSC_ERR_PLIB, "the line preconditioner needs the electrolyte potential");
  PetscCall(PetscNew(&s));
  s->dof = p->nspecies;
  dir    = AzGridStrongestDirection(g);  // the lines run along it (whole on a rank: AzGridCreate)
  t0 = (dir + 1) % 3, t1 = (dir + 2) % 3;
  if (t0 > t1) {
    PetscInt t = t0;
    t0 = t1, t1 = t;
  }
  s->len    = g->xm[dir];
  s->nline  = ncell / s->len;
  s->stride = dir == 0 ? 1 : dir == 1 ? g->xm[0] : g->xm[0] * g->xm[1];
  PetscCall(PetscMalloc3(ncell, &s->cell, ncell * s->dof * s->dof, &s->Dinv, ncell * s->dof * s->dof, &s->G));

  // lines in the mesh's order of the other two directions (x fastest)
  for (PetscInt k1 = 0; k1 < g->xm[t1]; k1++)
    for (PetscInt k0 = 0; k0 < g->xm[t0]; k0++, l++)
      for (PetscInt m = 0; m < s->len; m++) {
        PetscInt ijk[3];
        ijk[dir] = m, ijk[t0] = k0, ijk[t1] = k1;
        s->cell[l * s->len + m] = (ijk[2] * g->xm[1] + ijk[1]) * g->xm[0] + ijk[0];
      }
  s->sp      = p->s_phi;
  s->refresh = &p->np->amg_refresh;
  s->keep    = &p->np->keep_pc;
  // the coarse correction: 2-D, by default on meshes of at least AZ_NP_COARSE_LINES lines of AZ_NP_COARSE_LEN cells
  {
    PetscInt K;
    PetscCall(AzNPCoarseSegments(g->M[t0], g->M[dir], &K));
    if (g->dim != 2) K = 0;  // (a 1-D mesh is one line; a 3-D one has no block-tridiagonal coarse operator)
    {  // (more ranks than lines: AzGridCreate left the partition to PETSc, which cut them, and an aggregate would span ranks)
      PetscInt cut = g->xm[dir] < g->M[dir];
      PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &cut, 1, MPIU_INT, MPI_MAX, p->comm));
      if (cut) K = 0;
    }
    K = PetscMin(K, g->M[dir]);  // (segments of one cell at least)
    if (K) {
      PetscMPIInt rank, size, mine[2];
      PetscCallMPI(MPI_Comm_rank(p->comm, &rank));
      PetscCallMPI(MPI_Comm_size(p->comm, &size));
      s->K = K, s->n = K * s->dof, s->nl = g->M[t0], s->l0 = g->xs[t0], s->lstep = t0 == 0 ? 1 : g->xm[0];
      PetscCall(PetscMalloc4(s->len, &s->seg, 3 * s->nline * s->n * s->n, &s->Al, s->nline * s->n, &s->rl, s->nline * s->n, &s->xl));
      if (!rank)
        PetscCall(PetscMalloc5(3 * s->nl * s->n * s->n, &s->Ac, s->nl * s->n, &s->rc, s->nl * s->n, &s->xc, size, &s->cnt, size, &s->dsp));
      PetscCall(PetscMPIIntCast(s->nline, &mine[0]));
      PetscCall(PetscMPIIntCast(s->l0, &mine[1]));
      PetscCallMPI(MPI_Gather(&mine[0], 1, MPI_INT, s->cnt, 1, MPI_INT, 0, p->comm));
      PetscCallMPI(MPI_Gather(&mine[1], 1, MPI_INT, s->dsp, 1, MPI_INT, 0, p->comm));
      for (PetscInt m = 0; m < s->len; m++) s->seg[m] = (g->xs[dir] + m) * K / g->M[dir];  // equal counts of the mesh's cells
    }
  }
  // the potential's rows: the potential's vectors hold one entry per cell, in the ranks' order as the DM's rows, so
  // this rank's first cell is their first entry
  PetscCall(VecCreateMPI(p->comm, ncell, PETSC_DECIDE, &s->rphi));
  PetscCall(VecDuplicate(s->rphi, &s->yphi));
  PetscCall(VecGetOwnershipRange(s->rphi, &rstart, NULL));
  PetscCall(PetscMalloc1(ncell, &idx));
  for (PetscInt q = 0; q < ncell; q++) idx[q] = (rstart + q) * s->dof + p->s_phi;
  PetscCall(ISCreateGeneral(p->comm, ncell, idx, PETSC_OWN_POINTER, &s->is_phi));
  PetscCall(KSPCreate(p->comm, &s->amg));
  PetscCall(KSPSetOptionsPrefix(s->amg, "ionic_phi_"));
  PetscCall(KSPSetType(s->amg, KSPPREONLY));
  PetscCall(KSPGetPC(s->amg, &amg));
#if defined(PETSC_HAVE_HYPRE)
  PetscCall(PCSetType(amg, PCHYPRE));
#else
  PetscCall(PCSetType(amg, PCGAMG));
#endif
  PetscCall(KSPSetFromOptions(s->amg));
  PetscCall(PCSetType(pc, PCSHELL));
  PetscCall(PCShellSetContext(pc, s));
  PetscCall(
      PCShellSetName(pc, s->K ? "azote ionic: coarse correction by line segments, AMG on the potential, then block Gauss-Seidel by lines"
                              : "azote ionic: AMG on the potential, then block Gauss-Seidel by lines"));
  PetscCall(PCShellSetSetUp(pc, AzNPLinesSetUp));
  PetscCall(PCShellSetApply(pc, AzNPLinesApply));
  PetscCall(PCShellSetDestroy(pc, AzNPLinesDestroy));
  PetscFunctionReturn(PETSC_SUCCESS);
}
