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
  Vec          w, off;   // several ranks: the right-hand side less the couplings to other ranks, and those
  Vec          ghost;    // the other ranks' values that the Jacobian's off-rank block couples
  VecScatter   scatter;  // into ghost
} AzNPLines;

// The direction of the strongest couplings between cells: the largest sum over cells of 1/h^2 (a face's diffusive
// coefficient per volume), among the directions with more than one cell.
static PetscInt AzNPLineDirection(const AzGrid *g)
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

// A <- A^-1 for a dense n x n block (row-major): Gauss-Jordan elimination with partial pivoting (rows swapped in the
// work copy, columns of the inverse swapped back at the end). False where the block is singular (or not finite).
static PetscBool AzDenseInvert(PetscInt n, PetscScalar *A)
{
  PetscInt perm[AZ_MAX_SPECIES];

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
  // block elimination along each line, from its cells' rows: the cell's own block D_m, the previous cell's L_m and the
  // next one's U_m (a line's ends: their neighbours are another line's cells);
  //   D'_m = D_m - L_m D'_{m-1}^-1 U_{m-1}, kept as Dinv_m = D'_m^-1 and G_m = Dinv_m U_m
  for (PetscInt l = 0; l < s->nline; l++)
    for (PetscInt m = 0; m < s->len; m++) {
      const PetscInt q = s->cell[l * s->len + m];
      PetscScalar   *D = s->Dinv + (l * s->len + m) * bb, *G = s->G + (l * s->len + m) * bb;
      PetscCall(PetscArrayzero(D, bb));
      PetscCall(PetscArrayzero(L, bb));
      PetscCall(PetscArrayzero(T, bb));
      for (PetscInt a = 0; a < dof; a++)  // (the row's columns are sorted: its cells' blocks in turn)
        for (PetscInt e = ia[q * dof + a], qc = -1, c0 = 0; e < ia[q * dof + a + 1]; e++) {
          if (ja[e] >= c0 + dof || qc < 0) qc = ja[e] / dof, c0 = qc * dof;
          const PetscInt b = ja[e] - c0;
          if (qc == q)
            D[a * dof + b] = aa[e];
          else if (m > 0 && qc == q - s->stride)
            L[a * dof + b] = aa[e];
          else if (m < s->len - 1 && qc == q + s->stride)
            T[a * dof + b] = aa[e];
        }
      if (m > 0) AzDenseMult(dof, L, G - bb, D, PETSC_TRUE);
      if (!AzDenseInvert(dof, D)) fine = 0;
      AzDenseMult(dof, D, T, G, PETSC_FALSE);
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

// One Gauss-Seidel update of line l of A z = w. The line's cells hold only the potential's correction yet (phi[] at
// their potential, the first stage's; the other lines' cells hold theirs or their update). Forward elimination
// y_m = Dinv_m (w_m - A_m z), y_m added to z at the line's m-th cell, so that the next cell's row product takes
// L_m y_m with everything else; back substitution d_m = y_m - G_m d_{m+1}, in place (d_{m+1}: z less the potential's
// correction). Each row is then one sparse dot product over the matrix's row.
static void AzNPLineUpdate(const AzNPLines *s, PetscInt l, const PetscInt *ia, const PetscInt *ja, const PetscScalar *aa,
                           const PetscScalar *restrict w, const PetscScalar *restrict phi, PetscScalar *restrict z)
{
  const PetscInt  dof = s->dof, bb = dof * dof, sp = s->sp;
  const PetscInt *cell = s->cell + l * s->len;

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
    for (PetscInt b = 0; b < dof; b++) dn[b] = z[cell[m + 1] * dof + b];
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
  // 1. the potential
  PetscCall(VecGetSubVector(r, s->is_phi, &sub));
  PetscCall(VecCopy(sub, s->rphi));
  PetscCall(VecRestoreSubVector(r, s->is_phi, &sub));
  PetscCall(KSPSolve(s->amg, s->rphi, s->yphi));
  PetscCall(VecSet(y, 0));
  PetscCall(VecGetSubVector(y, s->is_phi, &sub));
  PetscCall(VecCopy(s->yphi, sub));
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
  dir    = AzNPLineDirection(g);  // the lines run along it
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
  PetscCall(PCShellSetName(pc, "azote ionic: AMG on the potential, then block Gauss-Seidel by lines"));
  PetscCall(PCShellSetSetUp(pc, AzNPLinesSetUp));
  PetscCall(PCShellSetApply(pc, AzNPLinesApply));
  PetscCall(PCShellSetDestroy(pc, AzNPLinesDestroy));
  PetscFunctionReturn(PETSC_SUCCESS);
}
