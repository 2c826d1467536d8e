// The Jacobian's matrix: hypre's own, with the exact nonzero pattern of the residual's stencil, written in place.
#include <azote/private/residualimpl.h>

#if defined(AZ_HYPRE_HEADERS)
#include <petscmathypre.h>

// hypre's matrix written in place: the row's CSR arrays as hypre keeps them on this rank, owned columns in local
// numbering, the others through the map of off-rank columns. Through MatSetValuesLocal an entry went through PETSc's
// index translation and hypre's search for it behind two layers of calls: more time than computing the rows
// (0.25-0.45 s of a serial 1e6-cell 3-D run; the Jacobian now takes 0.21-0.26 s there). The assembly that follows
// still tells PETSc and hypre that the matrix changed.
typedef struct {
  HYPRE_Int             *di, *dj, *oi, *oj;  // diagonal and off-diagonal blocks: row starts, columns (NULL: no access)
  HYPRE_Complex         *da, *oa;            // their entries
  HYPRE_BigInt          *cmap, first, last;  // global column of each off-diagonal column; owned columns [first, last)
  ISLocalToGlobalMapping ltog;               // the grid's: a ghosted local cell's global cell
  const PetscInt        *glob;
  PetscInt               dof;
} AzHypreRows;

// Access to P's arrays when P is hypre's matrix held in host memory; h->di stays NULL otherwise.
static PetscErrorCode AzHypreRowsGet(Mat P, const AzGrid *g, PetscInt dof, AzHypreRows *h)
{
  hypre_ParCSRMatrix *par;
  hypre_CSRMatrix    *d, *o;
  PetscBool           is;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(h, sizeof(*h)));
  PetscCall(PetscObjectTypeCompare((PetscObject)P, MATHYPRE, &is));
  if (!is) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(MatHYPREGetParCSR(P, &par));
  d = hypre_ParCSRMatrixDiag(par), o = hypre_ParCSRMatrixOffd(par);
  if (hypre_CSRMatrixMemoryLocation(d) != HYPRE_MEMORY_HOST || hypre_CSRMatrixMemoryLocation(o) != HYPRE_MEMORY_HOST)
    PetscFunctionReturn(PETSC_SUCCESS);
  h->di = hypre_CSRMatrixI(d), h->dj = hypre_CSRMatrixJ(d), h->da = hypre_CSRMatrixData(d);
  h->oi = hypre_CSRMatrixI(o), h->oj = hypre_CSRMatrixJ(o), h->oa = hypre_CSRMatrixData(o);
  h->cmap = hypre_ParCSRMatrixColMapOffd(par), h->first = hypre_ParCSRMatrixFirstColDiag(par);
  h->last = h->first + hypre_CSRMatrixNumCols(d);
  h->dof  = dof;
  PetscCall(DMGetLocalToGlobalMapping(g->da, &h->ltog));
  PetscCall(ISLocalToGlobalMappingGetBlockIndices(h->ltog, &h->glob));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzHypreRowsRestore(AzHypreRows *h)
{
  PetscFunctionBeginUser;
  if (h->glob) PetscCall(ISLocalToGlobalMappingRestoreBlockIndices(h->ltog, &h->glob));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Sets the n entries of owned local row r at ghosted local columns cols[]; each must be in the pattern.
static PetscErrorCode AzHypreRowSet(const AzHypreRows *h, PetscInt r, PetscInt n, const PetscInt cols[], const PetscReal vals[])
{
  PetscFunctionBeginUser;
  for (PetscInt m = 0; m < n; m++) {
    const PetscInt gc    = h->glob[cols[m] / h->dof] * h->dof + cols[m] % h->dof;
    PetscBool      found = PETSC_FALSE;
    if (gc >= h->first && gc < h->last) {
      const HYPRE_Int lc = (HYPRE_Int)(gc - h->first);
      for (HYPRE_Int q = h->di[r]; q < h->di[r + 1] && !found; q++)
        if (h->dj[q] == lc) h->da[q] = vals[m], found = PETSC_TRUE;
    } else
      for (HYPRE_Int q = h->oi[r]; q < h->oi[r + 1] && !found; q++)
        if (h->cmap[h->oj[q]] == gc) h->oa[q] = vals[m], found = PETSC_TRUE;
    PetscCheck(found, PETSC_COMM_SELF, PETSC_ERR_PLIB, "Jacobian entry (%" PetscInt_FMT ", %" PetscInt_FMT ") outside hypre's pattern", r,
               gc);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
#endif

// An AIJ matrix's rows on this rank, written in place: its diagonal block's CSR arrays (the rank's own columns, in
// local numbering), and the grid's map of ghosted local cells to global ones (the DM's, as hypre's rows use it: a
// global cell less this rank's first is the owned local index, outside [0, owned) another rank's). Through
// MatSetValuesLocal each entry went through PETSc's index translation and its search of the row behind two layers of
// calls: 6 % of the ionic flow cell's serial run.
typedef struct {
  Mat                    A;  // the diagonal block (P itself on one rank)
  const PetscInt        *ia, *ja;
  PetscScalar           *aa;
  ISLocalToGlobalMapping ltog;
  const PetscInt        *glob;          // per ghosted local cell, its global cell
  PetscInt               first, owned;  // this rank's first global cell, and how many it owns
  // the positions in its row of the last row written of each species: the next row of that species, in a cell with
  // the same neighbours, has its columns at the same places (checked column by column before they are used)
  PetscInt hint[AZ_MAX_SPECIES][AZ_MAX_SPECIES * 8], nhint[AZ_MAX_SPECIES];
} AzAIJRows;

static PetscErrorCode AzAIJRowsGet(Mat P, const AzGrid *g, PetscInt dof, AzAIJRows **out)
{
  PetscBool  seq, mpi, done;
  AzAIJRows *h;
  PetscInt   n, rstart, rend;

  PetscFunctionBeginUser;
  *out = NULL;
  PetscCall(PetscObjectTypeCompare((PetscObject)P, MATSEQAIJ, &seq));
  PetscCall(PetscObjectTypeCompare((PetscObject)P, MATMPIAIJ, &mpi));
  if (!seq && !mpi) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscNew(&h));
  if (mpi)
    PetscCall(MatMPIAIJGetSeqAIJ(P, &h->A, NULL, NULL));
  else
    h->A = P;
  PetscCall(MatGetRowIJ(h->A, 0, PETSC_FALSE, PETSC_FALSE, &n, &h->ia, &h->ja, &done));
  if (!done) {
    PetscCall(PetscFree(h));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(MatSeqAIJGetArray(h->A, &h->aa));
  PetscCall(MatGetOwnershipRange(P, &rstart, &rend));
  h->first = rstart / dof, h->owned = (rend - rstart) / dof;
  PetscCall(DMGetLocalToGlobalMapping(g->da, &h->ltog));
  PetscCall(ISLocalToGlobalMappingGetBlockIndices(h->ltog, &h->glob));
  *out = h;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Row r's entries at ghosted local columns cols[]: false (nothing written) where a column is another rank's or outside
// the row's pattern.
static PetscBool AzAIJRowSet(AzAIJRows *h, PetscInt dof, PetscInt r, PetscInt n, const PetscInt cols[], const PetscReal vals[])
{
  const PetscInt *ja = h->ja + h->ia[r], len = h->ia[r + 1] - h->ia[r], sp = r % dof;
  PetscInt       *pos = h->hint[sp], c[AZ_MAX_SPECIES * 8], lbase = -dof, cbase = 0;  // a cell's first ghosted and owned columns
  PetscBool       hit;

  if (n > AZ_MAX_SPECIES * 8) return PETSC_FALSE;
  for (PetscInt m = 0; m < n; m++) {  // the owned columns (the caller gives each cell's columns together)
    if (cols[m] < lbase || cols[m] >= lbase + dof) {
      const PetscInt cell = h->glob[cols[m] / dof] - h->first;
      if (cell < 0 || cell >= h->owned) return PETSC_FALSE;
      lbase = cols[m] - cols[m] % dof, cbase = cell * dof;
    }
    c[m] = cbase + cols[m] - lbase;
  }
  hit = (PetscBool)(h->nhint[sp] == n);
  for (PetscInt m = 0; m < n && hit; m++) hit = (PetscBool)(pos[m] < len && ja[pos[m]] == c[m]);
  if (!hit) {
    h->nhint[sp] = 0;
    for (PetscInt m = 0; m < n; m++) {
      PetscInt lo = 0, hi = len;
      if (m > 0 && pos[m - 1] + 1 < len && ja[pos[m - 1] + 1] == c[m]) {  // the next column of the same cell
        pos[m] = pos[m - 1] + 1;
        continue;
      }
      while (hi - lo > 1) {  // the row's columns are sorted
        const PetscInt mid = (lo + hi) / 2;
        if (ja[mid] <= c[m])
          lo = mid;
        else
          hi = mid;
      }
      if (lo >= len || ja[lo] != c[m]) return PETSC_FALSE;
      pos[m] = lo;
    }
    h->nhint[sp] = n;
  }
  for (PetscInt m = 0; m < n; m++) h->aa[h->ia[r] + pos[m]] = vals[m];
  return PETSC_TRUE;
}

static PetscErrorCode AzAIJRowsRestore(AzAIJRows *h)
{
  PetscInt  n;
  PetscBool done;

  PetscFunctionBeginUser;
  PetscCall(MatSeqAIJRestoreArray(h->A, &h->aa));
  PetscCall(MatRestoreRowIJ(h->A, 0, PETSC_FALSE, PETSC_FALSE, &n, &h->ia, &h->ja, &done));
  PetscCall(ISLocalToGlobalMappingRestoreBlockIndices(h->ltog, &h->glob));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzMatRowsBegin(Mat P, const AzGrid *g, PetscInt dof, AzMatRows *w)
{
  PetscFunctionBeginUser;
  w->P = P, w->dof = dof, w->hypre = NULL;
  PetscCall(AzAIJRowsGet(P, g, dof, (AzAIJRows **)&w->aij));
#if defined(AZ_HYPRE_HEADERS)
  {
    AzHypreRows *h;
    PetscCall(PetscNew(&h));
    PetscCall(AzHypreRowsGet(P, g, dof, h));
    if (h->di)
      w->hypre = h;
    else
      PetscCall(PetscFree(h));
  }
#endif
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzMatRowsSet(const AzMatRows *w, PetscInt owned, PetscInt local, PetscInt s, PetscInt n, const PetscInt cols[],
                            const PetscReal vals[])
{
  PetscFunctionBeginUser;
#if defined(AZ_HYPRE_HEADERS)
  if (w->hypre) {
    PetscCall(AzHypreRowSet((const AzHypreRows *)w->hypre, owned * w->dof + s, n, cols, vals));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
#endif
  if (w->aij && AzAIJRowSet((AzAIJRows *)w->aij, w->dof, owned * w->dof + s, n, cols, vals)) PetscFunctionReturn(PETSC_SUCCESS);
  {
    const PetscInt row = local * w->dof + s;
    PetscCall(MatSetValuesLocal(w->P, 1, &row, n, cols, vals, INSERT_VALUES));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzMatRowsEnd(AzMatRows *w)
{
  PetscFunctionBeginUser;
  if (w->aij) {
    PetscCall(AzAIJRowsRestore((AzAIJRows *)w->aij));
    PetscCall(PetscFree(w->aij));
  }
#if defined(AZ_HYPRE_HEADERS)
  if (w->hypre) {
    PetscCall(AzHypreRowsRestore((AzHypreRows *)w->hypre));
    PetscCall(PetscFree(w->hypre));
  }
#endif
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The arrays of an AIJ matrix made from them (MatCreateMPIAIJWithSplitArrays does not copy them), freed with it
typedef struct {
  PetscInt  *ia, *ja, *oi, *oj;
  PetscReal *a, *oa;
} AzSplitArrays;

static PetscErrorCode AzSplitArraysDestroy(void *ctx)
{
  AzSplitArrays *s = (AzSplitArrays *)ctx;

  PetscFunctionBeginUser;
  PetscCall(PetscFree2(s->a, s->oa));
  PetscCall(PetscFree4(s->ia, s->ja, s->oi, s->oj));
  PetscCall(PetscFree(s));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The Jacobian's matrix with its exact nonzero pattern: per row of cell P and species s, the species of P (the DM's
// block fill couples them all within a cell; the ionic model: its couplings) and species s of each neighbour across a
// face. The rows are written in CSR form, split as PETSc keeps them (columns owned by this rank in local numbering,
// the others in global), into an AIJ matrix of zeros that uses the arrays in place: hypre's matrix is converted from
// it, which then is freed; without hypre (the ionic model) it is the matrix, its arrays kept with it. The DM's own
// matrix has the same pattern but took 0.4-0.6 s to fill on a 1e6-cell 3-D grid (a local-to-global translation per
// entry), and an AIJ matrix made from global CSR rows 0.45 s (an insertion per entry).
static PetscErrorCode AzCreateJacobianPattern(const AzProblem *p, PetscBool hypre, Mat *H)
{
  const AzGrid *g = &p->grid;
  // per neighbour: species s, the other N2 species at gas-liquid interfaces, the potential where species migrate
  const PetscInt  dof = p->nspecies, n = g->xm[0] * g->xm[1] * g->xm[2] * dof, per = p->migration ? 3 : 2, width = dof + 2 * per * g->dim;
  const PetscInt *dfill = p->fill, *ofill = p->fill ? p->fill + dof * dof : NULL;  // the ionic model's couplings
  const PetscInt *glob;
  PetscInt       *ia, *ja, *oi, *oj, nz = 0, onz = 0, rstart;
  PetscReal      *a, *oa;
  ISLocalToGlobalMapping ltog;
  Mat                    A;
  PetscBool              cross = PETSC_FALSE;  // gas-liquid interfaces: the two N2 species couple across faces

  PetscFunctionBeginUser;
  for (PetscInt r = 0; r < p->nregion; r++) cross = (PetscBool)(cross || (p->region[r].liquid_contact && p->s_gas >= 0));
  PetscCall(DMGetLocalToGlobalMapping(g->da, &ltog));
  PetscCall(ISLocalToGlobalMappingGetBlockIndices(ltog, &glob));  // global cell of each ghosted local cell
  PetscInt nja = n * width, noj = n * 2 * per * g->dim;
  if (dfill) {  // the ionic model: the rows' lengths from its couplings, the off-rank neighbours counted
    PetscInt nd = 0, no = 0, off = 0;
    for (PetscInt q = 0; q < dof * dof; q++) nd += dfill[q], no += ofill[q];
    AzForOwnedCells(g, i, j, k)
    {
      const PetscInt idx[3] = {i, j, k};
      for (PetscInt d = 0; d < g->dim; d++)
        for (PetscInt m = idx[d] - 1; m <= idx[d] + 1; m += 2)
          if (m >= 0 && m < g->M[d] && (m < g->xs[d] || m >= g->xs[d] + g->xm[d])) off++;
    }
    nja = (n / dof) * (nd + 2 * g->dim * no), noj = PetscMax(off * no, 1);
  }
  PetscCall(PetscMalloc4(n + 1, &ia, nja, &ja, n + 1, &oi, noj, &oj));
  PetscCallMPI(MPI_Scan(&n, &rstart, 1, MPIU_INT, MPI_SUM, p->comm));
  rstart -= n;
  ia[0] = oi[0] = 0;
  AzForOwnedCells(g, i, j, k)
  {
    const PetscInt idx[3] = {i, j, k}, self = glob[AzGridLocal(g, i, j, k)] * dof - rstart;
    PetscInt       nb[6], nnb               = 0;
    for (PetscInt d = 0; d < g->dim; d++)
      for (PetscInt m = idx[d] - 1; m <= idx[d] + 1; m += 2) {
        PetscInt q[3] = {i, j, k};
        if (m < 0 || m >= g->M[d]) continue;
        q[d]      = m;
        nb[nnb++] = glob[AzGridLocal(g, q[0], q[1], q[2])] * dof - rstart;  // local if in [0, n)
      }
    for (PetscInt s = 0; s < dof; s++) {
      const PetscInt row = AzGridOwned(g, i, j, k) * dof + s, start = nz, ostart = onz;
      if (dfill) {  // the ionic model: the couplings its residual has
        for (PetscInt t = 0; t < dof; t++)
          if (dfill[s * dof + t]) ja[nz++] = self + t;
        for (PetscInt m = 0; m < nnb; m++)
          for (PetscInt t = 0; t < dof; t++) {
            if (!ofill[s * dof + t]) continue;
            if (nb[m] >= 0 && nb[m] < n)
              ja[nz++] = nb[m] + t;
            else
              oj[onz++] = nb[m] + t + rstart;
          }
        PetscCall(PetscSortInt(nz - start, ja + start));
        PetscCall(PetscSortInt(onz - ostart, oj + ostart));
        ia[row + 1] = nz, oi[row + 1] = onz;
        continue;
      }
      for (PetscInt t = 0; t < dof; t++) ja[nz++] = self + t;
      for (PetscInt m = 0; m < nnb; m++) {
        // species s of the neighbour, and where gas-liquid interfaces exist its other N2 species (the DM's block fill)
        PetscInt cs[3] = {s, -1, -1}, ncs = 1;
        if (cross && (s == AZ_N2 || s == p->s_gas)) cs[ncs++] = s == AZ_N2 ? p->s_gas : AZ_N2;
        if (p->migration && s != p->s_phi) cs[ncs++] = p->s_phi;
        for (PetscInt x = 0; x < ncs; x++) {
          if (nb[m] >= 0 && nb[m] < n)
            ja[nz++] = nb[m] + cs[x];
          else
            oj[onz++] = nb[m] + cs[x] + rstart;
        }
      }
      PetscCall(PetscSortInt(nz - start, ja + start));
      PetscCall(PetscSortInt(onz - ostart, oj + ostart));
      ia[row + 1] = nz, oi[row + 1] = onz;
    }
  }
  PetscCall(ISLocalToGlobalMappingRestoreBlockIndices(ltog, &glob));
  PetscCall(PetscCalloc2(nz, &a, PetscMax(onz, 1), &oa));
  PetscCall(MatCreateMPIAIJWithSplitArrays(p->comm, n, n, PETSC_DETERMINE, PETSC_DETERMINE, ia, ja, a, oi, oj, oa, &A));
  if (!hypre) {  // the AIJ matrix itself, its arrays freed with it
    AzSplitArrays *arrays;
    PetscContainer c;
    PetscCall(PetscNew(&arrays));
    arrays->ia = ia, arrays->ja = ja, arrays->oi = oi, arrays->oj = oj, arrays->a = a, arrays->oa = oa;
    PetscCall(PetscContainerCreate(PETSC_COMM_SELF, &c));
    PetscCall(PetscContainerSetPointer(c, arrays));
    PetscCall(PetscContainerSetUserDestroy(c, AzSplitArraysDestroy));
    PetscCall(PetscObjectCompose((PetscObject)A, "azote_split_arrays", (PetscObject)c));
    PetscCall(PetscContainerDestroy(&c));
    *H = A;
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(MatConvert(A, MATHYPRE, MAT_INITIAL_MATRIX, H));
  if (p->amg_by_species && dof > 1) PetscCall(MatSetBlockSize(*H, dof));  // BoomerAMG's unknown approach (PCSetUp_HYPRE)
  PetscCall(MatDestroy(&A));
  PetscCall(PetscFree2(a, oa));
  PetscCall(PetscFree4(ia, ja, oi, oj));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// With BoomerAMG the steady Jacobian is assembled straight into hypre's own matrix, which BoomerAMG then uses in
// place: an AIJ Jacobian would be copied into hypre's format at every set-up, and both copies (80 B per cell each
// with one species in 2-D) would be held while the AMG hierarchy is built. The hypre matrix takes its exact nonzero
// pattern from an AIJ matrix of zeros, freed once converted. (Preallocating hypre's matrix from counts, or converting
// after a first assembly into a preallocated but empty AIJ matrix, makes hypre gather assemblies in per-row buffers:
// 60-80 % more memory.) `-dm_mat_type aij` keeps the DM's AIJ Jacobian, as do the options that need an AIJ matrix
// (finite-difference or matrix-free Jacobians, the Jacobian test); the SNES then creates it. The ionic model's AIJ
// Jacobian (own) is the AIJ matrix of that exact pattern, its arrays freed with it: the DM's creation, which inserts
// its fill pattern entry by entry, took 0.58 s of a 12.6 s run on 1000 x 250 cells (2 ranks), 4.4 s on 2000 x 500.
static PetscErrorCode AzUseHypreJacobian(AzProblem *p, PetscBool *use, PetscBool *own)
{
  static const char *const needs_aij[] = {"-snes_fd", "-snes_fd_color", "-snes_mf", "-snes_mf_operator", "-snes_test_jacobian", NULL};
  KSP                      ksp;
  PC                       pc;
  PetscBool                set, dm = PETSC_FALSE;  // dm: the DM's own AIJ matrix is asked for
  char                     type[64];

  PetscFunctionBeginUser;
  PetscCall(SNESGetKSP(p->snes, &ksp));
  PetscCall(KSPGetPC(ksp, &pc));
  PetscCall(PetscObjectTypeCompare((PetscObject)pc, PCHYPRE, use));
  for (PetscInt i = 0; needs_aij[i]; i++) {
    PetscCall(PetscOptionsHasName(NULL, NULL, needs_aij[i], &set));
    if (set) dm = PETSC_TRUE;
  }
  PetscCall(PetscOptionsGetString(NULL, NULL, "-dm_mat_type", type, sizeof(type), &set));
  if (set && strcmp(type, MATHYPRE)) dm = PETSC_TRUE;
  *use = (PetscBool)(*use && !dm);
  *own = (PetscBool)(!*use && !dm && !set && p->np);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemCreateJacobianMatrix(AzProblem *p, Mat *H)
{
  PetscBool              hypre = PETSC_FALSE, own = PETSC_FALSE;
  ISLocalToGlobalMapping ltog;

  PetscFunctionBeginUser;
  *H = NULL;
  PetscCall(AzUseHypreJacobian(p, &hypre, &own));
  if (!hypre && !own) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(AzCreateJacobianPattern(p, hypre, H));
  PetscCall(DMGetLocalToGlobalMapping(p->grid.da, &ltog));
  PetscCall(MatSetLocalToGlobalMapping(*H, ltog, ltog));
  PetscFunctionReturn(PETSC_SUCCESS);
}
