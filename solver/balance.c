// What a solution holds and exchanges: the N2 balance, the state of every piece of an electrode, the inventories.
#include <azote/private/npimpl.h>

PetscErrorCode AzProblemBalance(AzProblem *p, AzBalance *b)
{
  const AzGrid    *g = &p->grid;
  Vec              Xl;
  const PetscReal *c;
  PetscReal        sum[6] = {0, 0, 0, 0, 0, 0};
  AzCellRow        row;
  AzFluxMemo       memo = AZ_FLUX_MEMO_INIT;

  PetscFunctionBeginUser;
  PetscCall(AzLocalStateGet(g, p->c, &Xl, &c));
  AzForOwnedCells(g, i, j, k)
  {
    // the sums gather boundary faces and volumetric terms: an interior cell without volumetric terms adds nothing
    const AzRegion *reg = &p->region[g->tag[AzGridLocal(g, i, j, k)]];
    if (reg->k == 0 && reg->kla == 0 && reg->a_v == 0 && !AzGridOnBoundary(g, i, j, k)) continue;
    PetscCall(AzCellResidual(p, c, i, j, k, AZ_ROW_FULL, &memo, &row));
    sum[0] += row.in, sum[1] += row.out, sum[2] += row.consumed, sum[3] += row.cur_electrode, sum[4] += row.cur_counter;
    sum[5] += row.consumed_anode;
  }
  PetscCall(AzLocalStateRestore(&Xl, &c));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, sum, 6, MPIU_REAL, MPIU_SUM, p->comm));
  b->in = sum[0], b->out = sum[1], b->consumed = sum[2], b->current_electrode = sum[3], b->current_counter = sum[4];
  b->consumed_anode = sum[5];
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemBalanceOf(AzProblem *p, PetscInt s, AzBalance *b)
{
  const PetscInt keep = p->s_bal;
  PetscErrorCode ierr;

  PetscFunctionBeginUser;
  p->s_bal = s;
  ierr     = AzProblemBalance(p, b);
  p->s_bal = keep;
  PetscCall(ierr);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemElectrodePieces(AzProblem *p, AzBCType which, PetscInt *n, AzElectrodePiece **pieces)
{
  const AzGrid     *g   = &p->grid;
  const PetscInt    dof = p->nspecies;
  const PetscReal   nF  = AzElectrodeChargePerReactant(&p->electrode);
  Vec               Xl;
  const PetscReal  *c;
  PetscInt          count = 0, cap = 0;
  AzElectrodePiece *rec  = NULL;
  AzFluxMemo        memo = AZ_FLUX_MEMO_INIT;

  PetscFunctionBeginUser;
  PetscCall(AzLocalStateGet(g, p->c, &Xl, &c));
  for (PetscInt pass = 0; pass < 2; pass++) {  // count, then fill
    if (pass == 1) {
      PetscCall(PetscMalloc1(PetscMax(count, 1), &rec));
      cap   = count;
      count = 0;
    }
    AzForOwnedCells(g, i, j, k)
    {
      const PetscInt  idx[3] = {i, j, k}, l = AzGridLocal(g, i, j, k);
      const AzRegion *reg = &p->region[g->tag[l]];
      if (reg->a_v == 0 && !AzGridOnBoundary(g, i, j, k)) continue;
      // faces of the electrode patches
      for (PetscInt s = 0; s < 2 * g->dim; s++) {
        const PetscInt d = s / 2;
        if (idx[d] != (s % 2 ? g->M[d] - 1 : 0)) continue;
        if (p->patch[p->bc[s][AzProblemBoundaryIndex(p, s, i, j, k)]].type != which) continue;
        if (pass == 1) {
          AzElectrodePiece *r = &rec[count];
          const PetscReal   h = s % 2 ? g->xf[d][idx[d] + 1] - g->xc[d][idx[d]] : g->xc[d][idx[d]] - g->xf[d][idx[d]];
          for (PetscInt e = 0; e < 3; e++) r->x[e] = e == d ? g->xf[d][s % 2 ? idx[d] + 1 : idx[d]] : g->xc[e][idx[e]];
          const AzElectrode *e  = which == AZ_BC_ANODE ? &p->anode : &p->electrode;
          const PetscInt     sp = p->s_phi >= 0 && reg->present[p->s_phi] ? p->s_phi : -1, sr = e->species;
          r->weight = r->area = AzGridFaceAreaSide(g, d, s % 2, i, j, k);
          if (p->np) {  // the ionic model's face (solver/npelectrode.c)
            AzNPFace nf;
            PetscCall(AzNPElectrodeFace(p, which == AZ_BC_ANODE, c + l * dof, h, sr >= 0 ? reg->D[sr] * reg->aniso[d] : 0, &nf));
            PetscCall(PetscMemzero(&r->state, sizeof(r->state)));
            r->state.nreaction = nf.nreaction, r->state.c_s = nf.c_s, r->state.phi_s = c[l * dof + p->s_phi];
            r->state.flux = sr >= 0 ? -nf.P[sr] : 0, r->state.current = nf.current;
            for (PetscInt n = 0; n < nf.nreaction; n++) r->state.i[n] = nf.i[n];
          } else
            PetscCall(AzElectrodeFaceSolve(e, c + l * dof, sp, sr >= 0 ? reg->D[sr] * reg->aniso[d] / h : 0,
                                           sp >= 0 ? reg->D[sp] * reg->aniso[d] / h : 0, p->T, &r->state));
        }
        count++;
      }
      // cells of a catalyst layer
      if (reg->a_v > 0 && which == AZ_BC_ELECTRODE) {
        if (pass == 1) {
          AzElectrodePiece *r = &rec[count];
          AzElectrodeFace  *f = &r->state;
          for (PetscInt e = 0; e < 3; e++) r->x[e] = g->xc[e][idx[e]];
          r->weight = AzGridVolume(g, i, j, k);
          r->area   = reg->a_v * r->weight;
          if (p->electrode.mode == AZ_ELECTRODE_POTENTIOSTATIC && p->np) {  // the ionic model's (solver/npporous.c)
            AzNPFace nf;
            PetscCall(AzNPElectrodeFace(p, 0, c + l * dof, 0, 0, &nf));
            PetscCall(PetscMemzero(f, sizeof(*f)));
            f->nreaction = nf.nreaction, f->c_s = nf.c_s, f->phi_s = c[l * dof + p->s_phi];
            f->flux = p->electrode.species >= 0 ? -nf.P[p->electrode.species] : 0, f->current = nf.current;
            for (PetscInt n = 0; n < nf.nreaction; n++) f->i[n] = nf.i[n];
          } else if (p->electrode.mode == AZ_ELECTRODE_POTENTIOSTATIC) {
            const PetscInt sp = p->s_phi >= 0 && reg->present[p->s_phi] ? p->s_phi : -1;
            PetscCall(AzElectrodeVolumeState(&p->electrode, c + l * dof, sp, p->T, f));
          } else {
            PetscCall(PetscMemzero(f, sizeof(*f)));
            f->nreaction = p->electrode.nreaction;
            f->c_s       = c[l * dof + AZ_N2];
          }
          if (p->electrode.mode == AZ_ELECTRODE_LIMITING) {
            AzCellRow row;
            PetscCall(AzCellResidual(p, c, i, j, k, AZ_ROW_TRANSPORT_ONLY, &memo, &row));
            f->flux    = -row.r[AZ_N2] / r->area;  // everything that reaches the cell reacts
            f->i[0]    = nF * f->flux;
            f->current = f->i[0];
          }
        }
        count++;
      }
    }
  }
  PetscCheck(count == cap, PETSC_COMM_SELF, PETSC_ERR_PLIB, "electrode piece count changed");
  PetscCall(AzLocalStateRestore(&Xl, &c));
  *n      = count;
  *pieces = rec;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemInventory(AzProblem *p, PetscInt s, PetscBool working, PetscReal *amount, PetscReal *volume)
{
  PetscBool regions[AZ_MAX_REGIONS];

  PetscFunctionBeginUser;
  for (PetscInt r = 0; r < p->nregion; r++) regions[r] = (PetscBool)(!working || p->region[r].working_side);
  PetscCall(AzProblemInventoryRegions(p, s, regions, amount, volume));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemInventoryRegions(AzProblem *p, PetscInt s, const PetscBool regions[], PetscReal *amount, PetscReal *volume)
{
  const AzGrid    *g = &p->grid;
  const PetscReal *c;
  PetscReal        sum[2] = {0, 0};

  PetscFunctionBeginUser;
  PetscCall(VecGetArrayRead(p->c, &c));
  AzForOwnedCells(g, i, j, k)
  {
    const AzRegion *reg = &p->region[g->tag[AzGridLocal(g, i, j, k)]];
    const PetscReal V   = AzGridVolume(g, i, j, k);
    if (!reg->present[s] || !regions[g->tag[AzGridLocal(g, i, j, k)]]) continue;
    sum[0] += V * c[AzGridOwned(g, i, j, k) * p->nspecies + s];
    sum[1] += V;
  }
  PetscCall(VecRestoreArrayRead(p->c, &c));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, sum, 2, MPIU_REAL, MPIU_SUM, p->comm));
  *amount = sum[0];
  if (volume) *volume = sum[1];
  PetscFunctionReturn(PETSC_SUCCESS);
}
