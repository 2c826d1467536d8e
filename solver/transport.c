// The transport residual and its analytic Jacobian: one loop over the owned cells of the DMDA box for every cell
// template (templates differ only by species, region coefficients and boundary patches).
#include <azote/transport.h>
#include <azote/memory.h>
#if defined(AZ_HYPRE_HEADERS)
#include <petscmathypre.h>
#endif

PetscReal AzBernoulli(PetscReal z)
{
  // z / (e^z - 1), with its series near 0 where the quotient loses digits
  if (PetscAbsReal(z) < 1e-4) return 1 - z / 2 + z * z / 12;
  return z / expm1(z);
}

// The body of AzFaceFlux, inlined in the cell loop, where it runs for every face (as a call, the loop executes 12 %
// more instructions: callgrind)
static inline void AzFaceFluxInline(PetscReal area, PetscReal D, PetscReal h, PetscReal u, PetscReal *aP, PetscReal *aN)
{
  if (D <= 0) {  // impermeable to diffusion: pure upwind advection
    *aP = area * PetscMax(u, 0);
    *aN = area * PetscMin(u, 0);
    return;
  }
  // B(-z) = B(z) + z: B is taken of |Pe| and |Pe| added, so that nothing cancels. A face is met from both its cells
  // and, along the flow on a uniform mesh, every face has the same |Pe|: the last exponential is reused (faces
  // across the flow, Pe = 0, leave it alone).
  static PetscReal last_z = -1, last_b;
  const PetscReal  g = area * D / h, pe = u * h / D, z = PetscAbsReal(pe);
  PetscReal        b;
  if (z == 0)
    b = 1;
  else {
    if (z != last_z) last_z = z, last_b = AzBernoulli(z);
    b = last_b;
  }
  *aP = g * (pe >= 0 ? b + pe : b);
  *aN = -g * (pe >= 0 ? b : b - pe);
}

void AzFaceFlux(PetscReal area, PetscReal D, PetscReal h, PetscReal u, PetscReal *aP, PetscReal *aN)
{
  AzFaceFluxInline(area, D, h, u, aP, aN);
}

PetscErrorCode AzProblemAddSpecies(AzProblem *p, const char name[], PetscInt *s)
{
  PetscFunctionBeginUser;
  PetscCheck(p->nspecies < AZ_MAX_SPECIES, p->comm, PETSC_ERR_PLIB, "too many species");
  PetscCheck(!p->grid.da, p->comm, PETSC_ERR_ORDER, "species must be declared before the grid is created");
  if (p->nspecies == 0) p->s_gas = p->s_prod = p->s_phi = -1;
  PetscCall(PetscStrncpy(p->species[p->nspecies].name, name, sizeof(p->species[0].name)));
  p->species[p->nspecies].scale = 1e-12;
  if (!strcmp(name, "c_n2_gas")) p->s_gas = p->nspecies;
  if (!strcmp(name, "c_nh3") || !strcmp(name, "c_no3")) p->s_prod = p->nspecies;
  if (!strcmp(name, "phi_l")) p->s_phi = p->nspecies;
  if (s) *s = p->nspecies;
  p->nspecies++;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemAddRegion(AzProblem *p, const char name[], PetscInt *r)
{
  AzRegion *reg;

  PetscFunctionBeginUser;
  PetscCheck(p->nregion < AZ_MAX_REGIONS, p->comm, PETSC_ERR_PLIB, "too many regions");
  reg = &p->region[p->nregion];
  PetscCall(PetscMemzero(reg, sizeof(*reg)));
  PetscCall(PetscStrncpy(reg->name, name, sizeof(reg->name)));
  reg->aniso[0] = reg->aniso[1] = reg->aniso[2] = 1;
  *r                                            = p->nregion++;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemCreateGrid(AzProblem *p, PetscInt dim, const PetscInt M[3], PetscReal *const xf[3])
{
  const PetscInt dof = p->nspecies;
  PetscInt       dfill[AZ_MAX_SPECIES * AZ_MAX_SPECIES], ofill[AZ_MAX_SPECIES * AZ_MAX_SPECIES];

  PetscFunctionBeginUser;
  PetscCheck(dof >= 1, p->comm, PETSC_ERR_ORDER, "declare the species before creating the grid");
  PetscCall(AzMemoryCheck(p->comm, dim, M, dof));  // refused before anything of that size is allocated
  PetscCall(AzGridCreate(p->comm, dim, M, xf, dof, &p->grid));
  // Species couple with each other inside a cell (gas-liquid transfer, products of the electrode) but each only
  // with itself across a face (but at a gas-liquid interface): the matrix keeps one entry per neighbour and species.
  for (PetscInt a = 0; a < dof; a++)
    for (PetscInt b = 0; b < dof; b++) dfill[a * dof + b] = 1, ofill[a * dof + b] = a == b;
  for (PetscInt r = 0; r < p->nregion && p->s_gas >= 0; r++)  // gas-liquid interface faces couple the two N2 species
    if (p->region[r].liquid_contact) ofill[AZ_N2 * dof + p->s_gas] = ofill[p->s_gas * dof + AZ_N2] = 1;
  if (dof > 1) PetscCall(DMDASetBlockFills(p->grid.da, dfill, ofill));
  for (PetscInt s = 0; s < dof; s++) PetscCall(DMDASetFieldName(p->grid.da, s, p->species[s].name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemSetUpBoundaries(AzProblem *p)
{
  const PetscInt *M = p->grid.M;

  PetscFunctionBeginUser;
  p->npatch        = 1;  // patch 0: wall
  p->patch[0].type = AZ_BC_WALL;
  for (PetscInt s = 0; s < 2 * p->grid.dim; s++) {
    const PetscInt n = s < 2 ? M[1] * M[2] : s < 4 ? M[0] * M[2] : M[0] * M[1];
    PetscCall(PetscCalloc1(n, &p->bc[s]));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemAddPatch(AzProblem *p, AzBCType type, const PetscReal value[], PetscInt *patch)
{
  AzPatch *pa;

  PetscFunctionBeginUser;
  PetscCheck(p->npatch < AZ_MAX_PATCHES, p->comm, PETSC_ERR_PLIB, "too many boundary patches");
  pa = &p->patch[p->npatch];
  PetscCall(PetscMemzero(pa, sizeof(*pa)));
  pa->type = type;
  for (PetscInt s = 0; s < p->nspecies && value; s++) pa->value[s] = value[s];
  *patch = p->npatch++;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemSetInitial(AzProblem *p, const PetscReal c0[])
{
  const AzGrid *g = &p->grid;
  PetscReal    *c;

  PetscFunctionBeginUser;
  if (!p->c) PetscCall(DMCreateGlobalVector(g->da, &p->c));
  PetscCall(PetscObjectSetName((PetscObject)p->c, "c"));
  PetscCall(VecGetArray(p->c, &c));
  for (PetscInt k = g->xs[2]; k < g->xs[2] + g->xm[2]; k++)
    for (PetscInt j = g->xs[1]; j < g->xs[1] + g->xm[1]; j++)
      for (PetscInt i = g->xs[0]; i < g->xs[0] + g->xm[0]; i++) {
        const AzRegion *reg = &p->region[g->tag[AzGridLocal(g, i, j, k)]];
        for (PetscInt s = 0; s < p->nspecies; s++) c[AzGridOwned(g, i, j, k) * p->nspecies + s] = reg->present[s] ? c0[s] : 0;
      }
  PetscCall(VecRestoreArray(p->c, &c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemDestroy(AzProblem *p)
{
  PetscFunctionBeginUser;
  for (PetscInt s = 0; s < 6; s++) PetscCall(PetscFree(p->bc[s]));
  PetscCall(PetscFree(p->ux));
  PetscCall(VecDestroy(&p->c));
  PetscCall(SNESDestroy(&p->snes));
  PetscCall(AzGridDestroy(&p->grid));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Jacobian entries of one cell: the intra-cell block (species x species) and one entry per neighbour and species.
typedef struct {
  PetscReal r[AZ_MAX_SPECIES];                  // residual, mol s^-1
  PetscReal d[AZ_MAX_SPECIES][AZ_MAX_SPECIES];  // d r_s / d c_t of the cell itself
  PetscInt  nnb;                                // neighbours
  PetscInt  nb[6];                              // their ghosted local cell indices
  PetscReal o[6][AZ_MAX_SPECIES];               // d r_s / d c_s of neighbour n
  PetscInt  xs[6];                              // at a gas-liquid interface with neighbour n, the species of this row
  PetscReal xo[6];                              //   coupled to n's other N2 species (-1: none), and that derivative
  PetscReal consumed;                           // N2 consumed in the cell or at its electrode faces, mol s^-1
  PetscReal in, out;                            // N2 entering through Dirichlet faces, leaving through outflow faces
  PetscReal cur_electrode, cur_counter;         // current into the working electrode, out of the counter electrode (A)
  PetscReal consumed_anode;                     // N2 consumed at a full cell's anode (part of consumed), mol s^-1
} AzCellRow;

typedef enum { AZ_ROW_FULL, AZ_ROW_TRANSPORT_ONLY } AzRowMode;

// A counter electrode's face: phi_l = phi_c on the face; the current it takes leaves the cell (A), a wall otherwise.
static PetscErrorCode AzCounterFace(const AzProblem *p, const AzRegion *reg, PetscReal area, PetscReal h, PetscInt d, PetscInt l,
                                    const PetscReal *c, PetscReal phi_c, AzCellRow *row)
{
  PetscFunctionBeginUser;
  if (p->s_phi >= 0 && reg->present[p->s_phi]) {
    const PetscInt  sp = p->s_phi;
    const PetscReal gA = area * reg->D[sp] * reg->aniso[d] / h;
    row->r[sp] += gA * (c[l * p->nspecies + sp] - phi_c);
    row->d[sp][sp] += gA;
    row->cur_counter -= gA * (c[l * p->nspecies + sp] - phi_c);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Boundary face of cell (i,j,k) on `side` for species s present in the cell: outward flux F = aP c_P + b.
static PetscErrorCode AzBoundaryFace(const AzProblem *p, PetscInt side, PetscInt i, PetscInt j, PetscInt k, PetscInt l, const PetscReal *c,
                                     AzCellRow *row)
{
  const AzGrid   *g = &p->grid;
  const PetscInt  d = side / 2, hi = side % 2, idx[3] = {i, j, k}, dof = p->nspecies;
  const AzPatch  *patch = &p->patch[p->bc[side][AzProblemBoundaryIndex(p, side, i, j, k)]];
  const AzRegion *reg   = &p->region[g->tag[l]];
  const PetscReal area  = AzGridFaceArea(g, d, i, j, k);
  const PetscReal h     = hi ? g->xf[d][idx[d] + 1] - g->xc[d][idx[d]] : g->xc[d][idx[d]] - g->xf[d][idx[d]];
  const PetscReal u_out = (d == 0 && p->ux) ? (hi ? 1 : -1) * p->ux[j + g->M[1] * k] : 0;

  PetscFunctionBeginUser;
  switch (patch->type) {
  case AZ_BC_WALL:
    break;
  case AZ_BC_DIRICHLET:
    for (PetscInt s = 0; s < dof; s++) {
      PetscReal cB = patch->value[s], aP, aB;
      if (!reg->present[s] || s == p->s_phi) continue;  // an inlet is insulating
      if (patch->value_fn) {
        PetscReal x[3] = {g->xc[0][i], g->xc[1][j], g->xc[2][k]};
        x[d]           = g->xf[d][hi ? idx[d] + 1 : idx[d]];
        PetscCall(patch->value_fn(p->user, s, x, &cB));
      }
      AzFaceFlux(area, reg->D[s] * reg->aniso[d], h, u_out, &aP, &aB);
      row->r[s] += aP * c[l * dof + s] + aB * cB;
      row->d[s][s] += aP;
      if (s == AZ_N2 || s == p->s_gas) row->in -= aP * c[l * dof + s] + aB * cB;
    }
    break;
  case AZ_BC_INFLOW:  // the feed u c_in enters, fixed
    PetscCheck(u_out <= 0, PETSC_COMM_SELF, PETSC_ERR_PLIB, "an inflow face with outward flow");
    for (PetscInt s = 0; s < dof; s++) {
      if (!reg->present[s] || s == p->s_phi) continue;
      row->r[s] += area * u_out * patch->value[s];
      if (s == AZ_N2 || s == p->s_gas) row->in -= area * u_out * patch->value[s];
    }
    break;
  case AZ_BC_OUTFLOW:  // zero diffusive gradient: the flow carries the cell's concentration out
    for (PetscInt s = 0; s < dof; s++) {
      if (!reg->present[s] || s == p->s_phi) continue;
      row->r[s] += area * u_out * c[l * dof + s];
      row->d[s][s] += area * u_out;
      if (s == AZ_N2 || s == p->s_gas) row->out += area * u_out * c[l * dof + s];
    }
    break;
  case AZ_BC_ANODE:
    // The limiting-current companion of a full cell asks only for the cathode's transport cap: the anode then stands
    // as a non-polarisable counter electrode, so that the potential problem keeps a Dirichlet condition.
    if (p->electrode.mode == AZ_ELECTRODE_LIMITING) {
      PetscCall(AzCounterFace(p, reg, area, h, d, l, c, 0, row));
      break;
    }
    /* fall through */
  case AZ_BC_ELECTRODE: {
    const PetscBool    anode = (PetscBool)(patch->type == AZ_BC_ANODE);
    const AzElectrode *e     = anode ? &p->anode : &p->electrode;
    const PetscInt     sr = e->species, sp = p->s_phi >= 0 && reg->present[p->s_phi] ? p->s_phi : -1;
    const PetscReal    phi_P = sp >= 0 ? c[l * dof + sp] : 0, g_phi = sp >= 0 ? reg->D[sp] * reg->aniso[d] / h : 0;
    AzElectrodeFace    f;
    PetscCheck(u_out == 0, PETSC_COMM_SELF, PETSC_ERR_PLIB, "an electrode face cannot carry flow");
    PetscCall(AzElectrodeFaceSolve(e, c[l * dof + sr], reg->D[sr] * reg->aniso[d] / h, phi_P, g_phi, p->T, &f));
    row->r[sr] += area * f.flux;
    row->d[sr][sr] += area * f.dflux_dc;
    if (sr == AZ_N2) row->consumed += area * f.flux;
    if (sr == AZ_N2 && anode) row->consumed_anode += area * f.flux;
    if (!anode && p->s_prod >= 0 && reg->present[p->s_prod]) {  // 2 NH3 (N2RR) or 2 NO3- (N2OR) leave the surface per N2
      row->r[p->s_prod] -= 2 * area * f.flux;
      row->d[p->s_prod][sr] -= 2 * area * f.dflux_dc;
      if (sp >= 0) row->d[p->s_prod][sp] -= 2 * area * f.dflux_dphi;
    }
    if (sp >= 0) {  // the electrode's current leaves the electrolyte
      row->d[sr][sp] += area * f.dflux_dphi;
      row->r[sp] += area * f.current;
      row->d[sp][sp] += area * f.dcur_dphi;
      row->d[sp][sr] += area * f.dcur_dc;
      if (anode)
        row->cur_counter -= area * f.current;
      else
        row->cur_electrode += area * f.current;
    }
  } break;
  case AZ_BC_COUNTER:  // phi_l fixed: the current the counter electrode takes leaves
    PetscCall(AzCounterFace(p, reg, area, h, d, l, c, p->s_phi >= 0 ? patch->value[p->s_phi] : 0, row));
    break;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Residual of owned cell (i,j,k) for all species with its Jacobian entries. In AZ_ROW_TRANSPORT_ONLY mode the
// dissolved-N2 row omits the electrode reaction and is never pinned: minus that row is what a catalyst-layer cell
// held at c = 0 (limiting mode) consumes.
static PetscErrorCode AzCellResidual(const AzProblem *p, const PetscReal *c, PetscInt i, PetscInt j, PetscInt k, AzRowMode mode,
                                     AzCellRow *row)
{
  const AzGrid   *g      = &p->grid;
  const PetscInt  idx[3] = {i, j, k}, lP = AzGridLocal(g, i, j, k), dof = p->nspecies;
  const AzRegion *reg   = &p->region[g->tag[lP]];
  const PetscReal V     = AzGridVolume(g, i, j, k);
  const PetscBool limit = (PetscBool)(p->electrode.mode == AZ_ELECTRODE_LIMITING && reg->a_v > 0 && mode == AZ_ROW_FULL);
  PetscBool       pinned[AZ_MAX_SPECIES];

  PetscFunctionBeginUser;
  // zero what this row uses (the whole struct is 0.6 kB: zeroing it cost a sixth of the evaluation)
  row->nnb = 0, row->consumed = row->in = row->out = row->cur_electrode = row->cur_counter = row->consumed_anode = 0;
  for (PetscInt s = 0; s < dof; s++) {
    row->r[s] = 0;
    for (PetscInt t = 0; t < dof; t++) row->d[s][t] = 0;
  }
  for (PetscInt s = 0; s < dof; s++) pinned[s] = (PetscBool)(!reg->present[s] || (s == AZ_N2 && limit));
  // faces
  for (PetscInt d = 0; d < g->dim; d++) {
    for (PetscInt hi = 0; hi < 2; hi++) {
      const PetscInt nb = idx[d] + (hi ? 1 : -1);
      if (nb < 0 || nb >= g->M[d]) {
        PetscCall(AzBoundaryFace(p, 2 * d + hi, i, j, k, lP, c, row));
        continue;
      }
      const PetscInt  nidx[3] = {d == 0 ? nb : i, d == 1 ? nb : j, d == 2 ? nb : k};
      const PetscInt  lN      = AzGridLocal(g, nidx[0], nidx[1], nidx[2]);
      const AzRegion *regN    = &p->region[g->tag[lN]];
      const PetscReal xface   = g->xf[d][hi ? idx[d] + 1 : idx[d]];
      const PetscReal hP = PetscAbsReal(xface - g->xc[d][idx[d]]), hN = PetscAbsReal(g->xc[d][nb] - xface);
      const PetscReal u    = (d == 0 && p->ux) ? (hi ? 1 : -1) * p->ux[j + g->M[1] * k] : 0;
      const PetscReal area = AzGridFaceArea(g, d, i, j, k);
      row->nb[row->nnb]    = lN;
      for (PetscInt s = 0; s < dof; s++) {
        PetscReal aP, aN;
        row->o[row->nnb][s] = 0;
        if (!reg->present[s] || !regN->present[s]) continue;  // a species never crosses into a region without it
        const PetscReal DP = reg->D[s] * reg->aniso[d], DN = regN->D[s] * regN->aniso[d];
        const PetscReal Df = DP == DN ? DP : (DP > 0 && DN > 0) ? (hP + hN) / (hP / DP + hN / DN) : 0;
        AzFaceFluxInline(area, Df, hP + hN, s == p->s_phi ? 0 : u, &aP, &aN);
        row->r[s] += aP * c[lP * dof + s] + aN * c[lN * dof + s];
        row->d[s][s] += aP;
        row->o[row->nnb][s] = aN;
      }
      row->xs[row->nnb] = AzInterfaceSpecies(p->s_gas, reg, regN);
      if (row->xs[row->nnb] >= 0) {
        const PetscBool liquid = (PetscBool)(row->xs[row->nnb] == AZ_N2);
        const AzRegion *L = liquid ? reg : regN, *Gs = liquid ? regN : reg;
        const PetscInt  sg = p->s_gas, lL = liquid ? lP : lN, lG = liquid ? lN : lP;
        const PetscReal DL = L->D[AZ_N2] * L->aniso[d], DG = Gs->D[sg] * Gs->aniso[d], k = L->dceq_dcg;
        const PetscReal G     = DL > 0 && DG > 0 ? area / ((liquid ? hP : hN) / DL + k * (liquid ? hN : hP) / DG) : 0;  // m^3/s
        const PetscReal cstar = L->c_eq + k * (c[lG * dof + sg] - L->c_gas_ref), J = G * (cstar - c[lL * dof + AZ_N2]);
        if (liquid) {  // dissolves into this cell
          row->r[AZ_N2] -= J;
          row->d[AZ_N2][AZ_N2] += G;
          row->xo[row->nnb] = -G * k;
        } else {  // leaves this cell's gas
          row->r[sg] += J;
          row->d[sg][sg] += G * k;
          row->xo[row->nnb] = -G;
        }
      }
      row->nnb++;
    }
  }
  // volumetric terms
  {
    const PetscReal cl = c[lP * dof + AZ_N2];
    if (reg->k > 0) {
      row->r[AZ_N2] += V * reg->k * cl;
      row->d[AZ_N2][AZ_N2] += V * reg->k;
      row->consumed += V * reg->k * cl;
    }
    if (reg->kla > 0) {
      const PetscInt  sg    = (p->s_gas >= 0 && reg->present[p->s_gas]) ? p->s_gas : -1;
      const PetscReal cstar = sg >= 0 ? reg->c_eq + reg->dceq_dcg * (c[lP * dof + sg] - reg->c_gas_ref) : reg->c_eq;
      row->r[AZ_N2] += V * reg->kla * (cl - cstar);
      row->d[AZ_N2][AZ_N2] += V * reg->kla;
      if (sg >= 0) {
        row->d[AZ_N2][sg] -= V * reg->kla * reg->dceq_dcg;
        row->r[sg] += V * reg->kla * (cstar - cl);
        row->d[sg][sg] += V * reg->kla * reg->dceq_dcg;
        row->d[sg][AZ_N2] -= V * reg->kla;
      } else
        row->in += V * reg->kla * (cstar - cl);  // bubbles feed N2 into the cell
    }
    if (reg->a_v > 0 && mode == AZ_ROW_FULL && !limit && p->electrode.mode == AZ_ELECTRODE_POTENTIOSTATIC) {
      // volumetric Butler-Volmer at the cell's electrolyte potential
      const PetscReal nF = AzElectrodeSign(&p->electrode) * AzElectrodeMain(&p->electrode)->n_electrons * AZ_FARADAY, A = V * reg->a_v;
      const PetscInt  sp = p->s_phi >= 0 && reg->present[p->s_phi] ? p->s_phi : -1;
      const PetscReal u  = p->electrode.potential - (sp >= 0 ? c[lP * dof + sp] : 0);
      PetscReal       i, di, di_u, i2, di2_u;
      AzReactionCurrentE(AzElectrodeMain(&p->electrode), cl, u, p->T, &i, &di, &di_u);
      row->r[AZ_N2] += A * i / nF;
      row->d[AZ_N2][AZ_N2] += A * di / nF;
      row->consumed += A * i / nF;
      if (p->s_prod >= 0 && reg->present[p->s_prod]) {
        row->r[p->s_prod] -= 2 * A * i / nF;
        row->d[p->s_prod][AZ_N2] -= 2 * A * di / nF;
        if (sp >= 0) row->d[p->s_prod][sp] += 2 * A * di_u / nF;
      }
      if (sp >= 0) {
        AzReactionCurrentE(AzElectrodeSide(&p->electrode), 0, u, p->T, &i2, NULL, &di2_u);
        row->d[AZ_N2][sp] -= A * di_u / nF;
        row->r[sp] += A * (i + i2);
        row->d[sp][sp] -= A * (di_u + di2_u);
        row->d[sp][AZ_N2] += A * di;
        row->cur_electrode += A * (i + i2);
      }
    }
    if (p->source) {
      const PetscReal x[3] = {g->xc[0][i], g->xc[1][j], g->xc[2][k]};
      for (PetscInt s = 0; s < dof; s++) {
        PetscReal src;
        if (!reg->present[s]) continue;
        PetscCall(p->source(p->user, s, x, &src));
        row->r[s] -= V * src;
      }
    }
  }
  // The charge balance counted in mol of electrons per second (A / F), the size of the species' rows: one residual
  // norm and one round-off floor serve both.
  if (p->s_phi >= 0) {
    const PetscInt sp = p->s_phi;
    row->r[sp] /= AZ_FARADAY;
    for (PetscInt t = 0; t < dof; t++) row->d[sp][t] /= AZ_FARADAY;
    for (PetscInt n = 0; n < row->nnb; n++) row->o[n][sp] /= AZ_FARADAY;
  }
  // Species absent here, and dissolved N2 in a catalyst layer at the transport limit: c = 0.
  for (PetscInt s = 0; s < dof; s++) {
    if (!pinned[s]) continue;
    if (s == AZ_N2 && limit) row->consumed = -row->r[AZ_N2];  // what reaches the cell reacts
    row->r[s] = p->species[s].scale * c[lP * dof + s];
    for (PetscInt t = 0; t < dof; t++) row->d[s][t] = t == s ? p->species[s].scale : 0;
    for (PetscInt n = 0; n < row->nnb; n++) {
      row->o[n][s] = 0;
      if (row->xs[n] == s) row->xo[n] = 0;
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The ghosted local copy of a state, created for one loop over the cells and destroyed after it: the DM's pool of
// local vectors would keep one (8 B per cell and species) alive through the linear solve, where the memory peaks.
static PetscErrorCode AzLocalStateGet(const AzGrid *g, Vec X, Vec *Xl, const PetscReal **c)
{
  PetscFunctionBeginUser;
  PetscCall(DMCreateLocalVector(g->da, Xl));
  PetscCall(DMGlobalToLocal(g->da, X, INSERT_VALUES, *Xl));
  PetscCall(VecGetArrayRead(*Xl, c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AzLocalStateRestore(Vec *Xl, const PetscReal **c)
{
  PetscFunctionBeginUser;
  PetscCall(VecRestoreArrayRead(*Xl, c));
  PetscCall(VecDestroy(Xl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzFormFunction(SNES snes, Vec X, Vec F, void *ctx)
{
  AzProblem       *p   = (AzProblem *)ctx;
  const AzGrid    *g   = &p->grid;
  const PetscInt   dof = p->nspecies;
  Vec              Xl;
  const PetscReal *c;
  PetscReal       *f;
  AzCellRow        row;

  PetscFunctionBeginUser;
  PetscCall(AzLocalStateGet(g, X, &Xl, &c));
  PetscCall(VecGetArray(F, &f));
  AzForOwnedCells(g, i, j, k)
  {
    PetscCall(AzCellResidual(p, c, i, j, k, AZ_ROW_FULL, &row));
    for (PetscInt s = 0; s < dof; s++) f[AzGridOwned(g, i, j, k) * dof + s] = row.r[s];
  }
  PetscCall(VecRestoreArray(F, &f));
  PetscCall(AzLocalStateRestore(&Xl, &c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

#if defined(AZ_HYPRE_HEADERS)
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

PetscErrorCode AzFormJacobian(SNES snes, Vec X, Mat J, Mat P, void *ctx)
{
  AzProblem       *p   = (AzProblem *)ctx;
  const AzGrid    *g   = &p->grid;
  const PetscInt   dof = p->nspecies;
  Vec              Xl;
  const PetscReal *c;
  AzCellRow        row;
#if defined(AZ_HYPRE_HEADERS)
  AzHypreRows h;
#endif

  PetscFunctionBeginUser;
  PetscCall(AzLocalStateGet(g, X, &Xl, &c));
#if defined(AZ_HYPRE_HEADERS)
  PetscCall(AzHypreRowsGet(P, g, dof, &h));
#endif
  AzForOwnedCells(g, i, j, k)
  {
    const PetscInt lP = AzGridLocal(g, i, j, k);
    PetscCall(AzCellResidual(p, c, i, j, k, AZ_ROW_FULL, &row));
    for (PetscInt s = 0; s < dof; s++) {
      PetscInt  rowi = lP * dof + s, cols[AZ_MAX_SPECIES + 12], n = 0;
      PetscReal vals[AZ_MAX_SPECIES + 12];
      for (PetscInt t = 0; t < dof; t++) cols[n] = lP * dof + t, vals[n++] = row.d[s][t];
      for (PetscInt m = 0; m < row.nnb; m++) cols[n] = row.nb[m] * dof + s, vals[n++] = row.o[m][s];
      for (PetscInt m = 0; m < row.nnb; m++)  // a gas-liquid interface: the neighbour's other N2 species
        if (row.xs[m] == s) cols[n] = row.nb[m] * dof + (s == AZ_N2 ? p->s_gas : AZ_N2), vals[n++] = row.xo[m];
#if defined(AZ_HYPRE_HEADERS)
      if (h.di) {
        PetscCall(AzHypreRowSet(&h, AzGridOwned(g, i, j, k) * dof + s, n, cols, vals));
        continue;
      }
#endif
      PetscCall(MatSetValuesLocal(P, 1, &rowi, n, cols, vals, INSERT_VALUES));
    }
  }
#if defined(AZ_HYPRE_HEADERS)
  PetscCall(AzHypreRowsRestore(&h));
#endif
  PetscCall(AzLocalStateRestore(&Xl, &c));
  PetscCall(MatAssemblyBegin(P, MAT_FINAL_ASSEMBLY));
  PetscCall(MatAssemblyEnd(P, MAT_FINAL_ASSEMBLY));
  if (J != P) {
    PetscCall(MatAssemblyBegin(J, MAT_FINAL_ASSEMBLY));
    PetscCall(MatAssemblyEnd(J, MAT_FINAL_ASSEMBLY));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// A PETSc option's default where the user gave none (hypre's options exist only in the options database). A default
// may differ between the problems of one process (a 2-D and a 3-D problem): the names set here are remembered, and
// only an option the user gave is left alone.
static PetscErrorCode AzOptionsDefault(const char name[], const char value[])
{
  static const char *ours[16];
  static int         nours = 0;
  PetscBool          set, mine = PETSC_FALSE;

  PetscFunctionBeginUser;
  for (int i = 0; i < nours; i++) mine = (PetscBool)(mine || !strcmp(ours[i], name));
  PetscCall(PetscOptionsHasName(NULL, NULL, name, &set));
  if (set && !mine) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscOptionsSetValue(NULL, name, value));
  if (!mine) {
    PetscCheck(nours < 16, PETSC_COMM_SELF, PETSC_ERR_PLIB, "too many option defaults");
    ours[nours++] = name;  // a string literal
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Newton stops at rtol of the initial residual, or at the round-off floor of the discrete balances, species by
// species: when the residual of every species is below 1e-12 of ||diag(J) x|| over that species, the size of the
// largest terms it sums (diffusive exchange in a gas-filled layer can exceed the reaction by 1e8, and no iteration
// can reduce the residual below its round-off), plus 1e-16 of that measure over all unknowns (a species whose values
// are all near zero). The charge rows (whose sum is the charge balance, its terms cancelling) are held to 1e-14 of
// diag(J) times the electrodes' potentials, and Newton then goes on while the residual still halves per step.
static PetscErrorCode AzConvergedFloor(SNES snes, PetscInt it, PetscReal xnorm, PetscReal gnorm, PetscReal fnorm,
                                       SNESConvergedReason *reason, void *ctx)
{
  PetscFunctionBeginUser;
  AzProblem *p = (AzProblem *)ctx;

  PetscCall(SNESConvergedDefault(snes, it, xnorm, gnorm, fnorm, reason, ctx));
  if (it == 0) p->fnorm0 = fnorm, p->fnorm_prev = PETSC_MAX_REAL;
  // the floor only ends an iteration whose residual has not grown since its start
  // (or where the start was at the floor already: a thin layer's slow kinetics, whose residual is round-off from the
  // first evaluation, and whose steps only move it within that round-off)
  if (*reason == SNES_CONVERGED_ITERATING && it > 0 && fnorm <= 16 * p->fnorm0) {
    Mat            J;
    Vec            X, F, d, w = NULL;
    SNESLineSearch ls;
    PetscInt       bs;
    PetscReal      fn[AZ_MAX_SPECIES], fl[AZ_MAX_SPECIES], total, dphi = 0;
    PetscBool      below = PETSC_TRUE;
    PetscCall(SNESGetJacobian(snes, &J, NULL, NULL, NULL));
    PetscCall(SNESGetSolution(snes, &X));
    PetscCall(SNESGetFunction(snes, &F, NULL, NULL));
    // the scratch vector: the line search's trial state, free once the step is taken (a vector of its own here would
    // add 8 B per cell and species to the peak memory, the linear solver's vectors being still allocated)
    PetscCall(SNESGetLineSearch(snes, &ls));
    PetscCall(SNESLineSearchGetVecs(ls, NULL, NULL, NULL, &w, NULL));
    if (w)
      d = w;
    else
      PetscCall(VecDuplicate(X, &d));
    PetscCall(MatGetDiagonal(J, d));
    if (p->s_phi >= 0) {  // the potential's terms have the size of diag(J) times the electrodes' potentials, not phi_l's
      PetscCall(VecStrideNorm(d, p->s_phi, NORM_2, &dphi));
      dphi *= PetscMax(1.0, PetscMax(PetscAbsReal(p->electrode.potential), PetscAbsReal(p->anode.potential)));
    }
    PetscCall(VecPointwiseMult(d, d, X));
    PetscCall(VecNorm(d, NORM_2, &total));
    PetscCall(VecGetBlockSize(X, &bs));
    PetscCheck(bs <= AZ_MAX_SPECIES, PETSC_COMM_SELF, PETSC_ERR_PLIB, "block size %" PetscInt_FMT, bs);
    PetscCall(VecStrideNormAll(F, NORM_2, fn));
    PetscCall(VecStrideNormAll(d, NORM_2, fl));
    if (d != w) PetscCall(VecDestroy(&d));
    if (p->s_phi >= 0) fl[p->s_phi] = PetscMax(fl[p->s_phi], dphi);
    for (PetscInt s = 0; s < bs; s++) below = (PetscBool)(below && fn[s] <= (s == p->s_phi ? 1e-14 : 1e-12) * fl[s] + 1e-16 * total);
    // With the electrolyte potential, below the floor Newton stops only once the residual no longer falls by half a
    // step: the last quadratic steps still gain digits in the charge balance (the sum of the charge rows), whose
    // terms cancel.
    if (below && (p->s_phi < 0 || fnorm > 0.5 * p->fnorm_prev)) *reason = SNES_CONVERGED_FNORM_ABS;
  }
  p->fnorm_prev = fnorm;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// BiCGStab's 6 work vectors exist only during a linear solve: allocated before it (ctx: 6), freed after it (ctx: 0).
// Kept, they would add 48 B per cell to the peak memory, which falls in the residual evaluation of the line search
// that follows the solve (the AMG hierarchy still held).
static const PetscInt az_bcgs_work[2] = {6, 0};

static PetscErrorCode AzKrylovWork(KSP ksp, Vec b, Vec x, void *ctx)
{
  PetscBool bcgs;

  PetscFunctionBeginUser;
  PetscCall(PetscObjectTypeCompare((PetscObject)ksp, KSPBCGS, &bcgs));
  if (bcgs) PetscCall(KSPSetWorkVecs(ksp, *(const PetscInt *)ctx));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzSNESSetDefaults(SNES snes, AzProblem *p)
{
  KSP            ksp;
  PC             pc;
  SNESLineSearch ls;

  PetscFunctionBeginUser;
  // Defaults (the command line overrides): Newton with full steps, the linear solve tight enough that the
  // discrete conservation error stays below 1e-8 of the inflow.
  PetscCall(SNESSetType(snes, SNESNEWTONLS));
  PetscCall(SNESGetLineSearch(snes, &ls));
  PetscCall(SNESLineSearchSetType(ls, SNESLINESEARCHBASIC));
  PetscCall(SNESSetTolerances(snes, 0.0, 1e-18, 0.0, 50, 1000));
  PetscCall(SNESSetConvergenceTest(snes, AzConvergedFloor, p, NULL));
  PetscCall(SNESGetKSP(snes, &ksp));
  // One unknown per cell (advection-diffusion-reaction of dissolved N2): BiCGStab, whose 6 work vectors do not grow
  // with the iterations (GMRES keeps one per iteration, 15 on a 1e6-cell flow cell: 120 B per cell). Coupled systems
  // (several species, the electrolyte potential): GMRES, whose residual never grows.
  PetscCall(KSPSetType(ksp, p->nspecies == 1 ? KSPBCGS : KSPGMRES));
  PetscCall(KSPSetPCSide(ksp, PC_RIGHT));  // the Krylov tolerance then bounds the true residual
  PetscCall(KSPSetPreSolve(ksp, AzKrylovWork, (void *)&az_bcgs_work[0]));
  PetscCall(KSPSetPostSolve(ksp, AzKrylovWork, (void *)&az_bcgs_work[1]));
  PetscCall(KSPSetTolerances(ksp, 1e-11, 0.0, PETSC_DEFAULT, 500));
  PetscCall(KSPGetPC(ksp, &pc));
#if defined(PETSC_HAVE_HYPRE)
  PetscCall(PCSetType(pc, PCHYPRE));
  PetscCall(PCHYPRESetType(pc, "boomeramg"));
  // HMIS coarsening with extended+i interpolation (at most 4 weights per row) keeps the hierarchy lean on these
  // advection-diffusion matrices: on the 1e6-cell flow cell it needs 35 % less time than the default Falgout
  // coarsening. The smoother sweeps all points in one pass rather than C points then F points: half the passes over
  // the rows (and half the halo exchanges) per sweep, and 8 V-cycles instead of 11 on the 2-D case. In 3-D, where
  // the coarse operators grow denser, aggressive coarsening of the first level and at most 2 weights per row: on the
  // 1e6-cell 3-D flow cell the hierarchy needs 100 B per cell less (12 BiCGStab iterations instead of 5, about the
  // same time). No smoothing on the way down, one symmetric sweep on the way up: each V-cycle costs about two thirds,
  // and the 1e6-cell flow cells need 6 BiCGStab iterations instead of 4 (2-D) and 16 instead of 13 (3-D), the linear
  // solve about 15 % less time in interleaved runs (the 3-D default case and the H-cell likewise).
  PetscCall(AzOptionsDefault("-pc_hypre_boomeramg_coarsen_type", "HMIS"));
  PetscCall(AzOptionsDefault("-pc_hypre_boomeramg_interp_type", "ext+i"));
  PetscCall(AzOptionsDefault("-pc_hypre_boomeramg_P_max", p->grid.dim == 3 ? "2" : "4"));
  PetscCall(AzOptionsDefault("-pc_hypre_boomeramg_agg_nl", p->grid.dim == 3 ? "1" : "0"));
  PetscCall(AzOptionsDefault("-pc_hypre_boomeramg_no_CF", "true"));
  PetscCall(AzOptionsDefault("-pc_hypre_boomeramg_grid_sweeps_down", "0"));
#else
  PetscCall(PCSetType(pc, PCGAMG));
#endif
  PetscFunctionReturn(PETSC_SUCCESS);
}

// hypre's matrix for the Jacobian, with its exact nonzero pattern: per row of cell P and species s, the species of P
// (the DM's block fill couples them all within a cell) and species s of each neighbour across a face. The rows are
// written in CSR form, split as PETSc keeps them (columns owned by this rank in local numbering, the others in
// global), into an AIJ matrix of zeros that uses the arrays in place and is freed once converted. The DM's own matrix
// has the same pattern but took 0.4-0.6 s to fill on a 1e6-cell 3-D grid (a local-to-global translation per entry),
// and an AIJ matrix made from global CSR rows 0.45 s (an insertion per entry).
static PetscErrorCode AzCreateHypreJacobian(const AzProblem *p, Mat *H)
{
  const AzGrid          *g   = &p->grid;
  const PetscInt         dof = p->nspecies, n = g->xm[0] * g->xm[1] * g->xm[2] * dof, width = dof + 4 * g->dim;
  const PetscInt        *glob;
  PetscInt              *ia, *ja, *oi, *oj, nz = 0, onz = 0, rstart;
  PetscReal             *a, *oa;
  ISLocalToGlobalMapping ltog;
  Mat                    A;
  PetscBool              cross = PETSC_FALSE;  // gas-liquid interfaces: the two N2 species couple across faces

  PetscFunctionBeginUser;
  for (PetscInt r = 0; r < p->nregion; r++) cross = (PetscBool)(cross || (p->region[r].liquid_contact && p->s_gas >= 0));
  PetscCall(DMGetLocalToGlobalMapping(g->da, &ltog));
  PetscCall(ISLocalToGlobalMappingGetBlockIndices(ltog, &glob));  // global cell of each ghosted local cell
  PetscCall(PetscMalloc4(n + 1, &ia, n * width, &ja, n + 1, &oi, n * 4 * g->dim, &oj));
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
      for (PetscInt t = 0; t < dof; t++) ja[nz++] = self + t;
      for (PetscInt m = 0; m < nnb; m++) {
        // species s of the neighbour, and where gas-liquid interfaces exist its other N2 species (the DM's block fill)
        const PetscInt cs[2] = {s, s == AZ_N2 ? p->s_gas : AZ_N2};
        for (PetscInt x = 0; x < (cross && (s == AZ_N2 || s == p->s_gas) ? 2 : 1); x++) {
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
  PetscCall(MatConvert(A, MATHYPRE, MAT_INITIAL_MATRIX, H));
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
// (finite-difference or matrix-free Jacobians, the Jacobian test); the SNES then creates it.
static PetscErrorCode AzUseHypreJacobian(AzProblem *p, PetscBool *use)
{
  static const char *const needs_aij[] = {"-snes_fd", "-snes_fd_color", "-snes_mf", "-snes_mf_operator", "-snes_test_jacobian", NULL};
  KSP                      ksp;
  PC                       pc;
  PetscBool                set;
  char                     type[64];

  PetscFunctionBeginUser;
  PetscCall(SNESGetKSP(p->snes, &ksp));
  PetscCall(KSPGetPC(ksp, &pc));
  PetscCall(PetscObjectTypeCompare((PetscObject)pc, PCHYPRE, use));
  for (PetscInt i = 0; needs_aij[i] && *use; i++) {
    PetscCall(PetscOptionsHasName(NULL, NULL, needs_aij[i], &set));
    if (set) *use = PETSC_FALSE;
  }
  PetscCall(PetscOptionsGetString(NULL, NULL, "-dm_mat_type", type, sizeof(type), &set));
  if (set && strcmp(type, MATHYPRE)) *use = PETSC_FALSE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemSetUpSolver(AzProblem *p)
{
  PetscBool hypre;

  PetscFunctionBeginUser;
  PetscCall(SNESCreate(p->comm, &p->snes));
  PetscCall(SNESSetDM(p->snes, p->grid.da));
  PetscCall(SNESSetFunction(p->snes, NULL, AzFormFunction, p));
  PetscCall(SNESSetJacobian(p->snes, NULL, NULL, AzFormJacobian, p));  // the matrix: below, or the DM's at set-up
  PetscCall(AzSNESSetDefaults(p->snes, p));
  PetscCall(SNESSetFromOptions(p->snes));
  PetscCall(AzSNESFitKrylov(p->snes));
  PetscCall(AzUseHypreJacobian(p, &hypre));
  if (hypre) {
    Mat                    H;
    ISLocalToGlobalMapping ltog;
    PetscCall(AzCreateHypreJacobian(p, &H));
    PetscCall(DMGetLocalToGlobalMapping(p->grid.da, &ltog));
    PetscCall(MatSetLocalToGlobalMapping(H, ltog, ltog));
    PetscCall(SNESSetJacobian(p->snes, H, H, NULL, NULL));
    PetscCall(MatDestroy(&H));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemMinConcentration(AzProblem *p, PetscReal *cmin)
{
  PetscReal norm;

  PetscFunctionBeginUser;
  *cmin = PETSC_MAX_REAL;
  for (PetscInt s = 0; s < p->nspecies; s++) {
    PetscReal m;
    if (s == p->s_phi) continue;
    PetscCall(VecStrideMin(p->c, s, NULL, &m));
    *cmin = PetscMin(*cmin, m);
  }
  PetscCall(VecNorm(p->c, NORM_INFINITY, &norm));  // a NaN or Inf anywhere, the potential included
  if (PetscIsInfOrNanReal(norm)) *cmin = norm;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Total current (A, cathodic positive) of both electrodes of a full cell at a uniform electrolyte potential phi, the
// reactants at the bulk concentration: increasing in phi.
static PetscReal AzFullCellCurrent(const AzProblem *p, PetscReal phi)
{
  PetscReal i1, i2, a1, a2;
  AzReactionCurrent(AzElectrodeMain(&p->electrode), p->bulk, p->electrode.potential - phi, p->T, &i1, NULL);
  AzReactionCurrent(AzElectrodeSide(&p->electrode), 0, p->electrode.potential - phi, p->T, &i2, NULL);
  AzReactionCurrent(AzElectrodeMain(&p->anode), p->bulk, p->anode.potential - phi, p->T, &a1, NULL);
  AzReactionCurrent(AzElectrodeSide(&p->anode), 0, p->anode.potential - phi, p->T, &a2, NULL);
  return p->electrode_area * (i1 + i2) + p->anode_area * (a1 + a2);
}

PetscErrorCode AzProblemGaugeFullCell(AzProblem *p)
{
  PetscReal lo = -1, hi = 1, phi0;

  PetscFunctionBeginUser;
  if (p->anode_area <= 0 || p->electrode.mode != AZ_ELECTRODE_POTENTIOSTATIC || p->anode.mode != AZ_ELECTRODE_POTENTIOSTATIC)
    PetscFunctionReturn(PETSC_SUCCESS);
  // the uniform potential at which the electrodes' kinetic currents balance, by bisection
  for (PetscInt it = 0; it < 60 && AzFullCellCurrent(p, lo) > 0; it++) lo = 2 * lo - 1;
  for (PetscInt it = 0; it < 60 && AzFullCellCurrent(p, hi) < 0; it++) hi = 2 * hi + 1;
  for (PetscInt it = 0; it < 200 && hi - lo > 1e-12; it++) {
    const PetscReal mid = 0.5 * (lo + hi);
    if (AzFullCellCurrent(p, mid) < 0)
      lo = mid;
    else
      hi = mid;
  }
  phi0 = 0.5 * (lo + hi);
  if (!(PetscAbsReal(phi0) < 1e3)) PetscFunctionReturn(PETSC_SUCCESS);  // no balance found: leave the gauge
  p->electrode.potential -= phi0;
  p->anode.potential -= phi0;
  if (p->c && p->newton_its == 0)
    PetscCall(VecStrideSet(p->c, p->s_phi, 0));  // a first solve starts at the balance
  else if (p->c) {                               // a later one from the last solution, in the new gauge
    PetscInt   n, bs = p->nspecies;
    PetscReal *x;
    PetscCall(VecGetLocalSize(p->c, &n));
    PetscCall(VecGetArray(p->c, &x));
    for (PetscInt i = p->s_phi; i < n; i += bs) x[i] -= phi0;
    PetscCall(VecRestoreArray(p->c, &x));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// One Newton solve from the current p->c; *reason says how it ended.
static PetscErrorCode AzProblemNewton(AzProblem *p, SNESConvergedReason *reason)
{
  PetscInt       its, lits;
  PetscLogDouble t0 = AzWallTime();

  PetscFunctionBeginUser;
  PetscCall(SNESSolve(p->snes, NULL, p->c));
  PetscCall(SNESGetConvergedReason(p->snes, reason));
  PetscCall(SNESGetIterationNumber(p->snes, &its));
  PetscCall(SNESGetLinearSolveIterations(p->snes, &lits));
  p->newton_its += its;
  p->krylov_its += lits;
  p->solve_time += AzWallTime() - t0;
  if (*reason > 0) {  // a converged iterate must also be physical
    PetscReal cmin;
    PetscCall(AzProblemMinConcentration(p, &cmin));
    if (PetscIsInfOrNanReal(cmin) || cmin < -1e-8 * p->bulk) *reason = SNES_DIVERGED_FUNCTION_DOMAIN;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Every exchange current density of both electrodes times s.
static void AzProblemScaleKinetics(AzProblem *p, PetscReal s)
{
  AzElectrode *e[2] = {&p->electrode, &p->anode};
  for (PetscInt k = 0; k < 2; k++) {
    e[k]->n2rr.i0 *= s, e[k]->her.i0 *= s, e[k]->n2or.i0 *= s, e[k]->oer.i0 *= s, e[k]->orr.i0 *= s;
  }
}

// Newton; where it fails on a kinetic electrode, continuation: from the start state, the exchange currents are
// scaled by lambda = 1e-8 (nearly no reaction: a nearly linear problem) and raised toward 1 by decades, each solve
// starting from the last, the step halved (in log lambda) whenever one fails, down to 1/64 of a decade.
PetscErrorCode AzProblemSolve(AzProblem *p)
{
  SNESConvergedReason reason;
  Vec                 start  = NULL, last;
  PetscReal           lambda = 1e-8, step = 1;  // step in log10(lambda)
  const PetscBool     kinetic = (PetscBool)(p->electrode.mode == AZ_ELECTRODE_POTENTIOSTATIC);

  PetscFunctionBeginUser;
  PetscCall(AzProblemGaugeFullCell(p));
  if (kinetic) {  // the start state, kept only where a continuation could use it
    PetscCall(VecDuplicate(p->c, &start));
    PetscCall(VecCopy(p->c, start));
  }
  PetscCall(AzProblemNewton(p, &reason));
  if (reason > 0 || !kinetic) {
    PetscCall(VecDestroy(&start));
    PetscCheck(reason > 0, p->comm, PETSC_ERR_NOT_CONVERGED, "the Newton solve did not converge (%s)", SNESConvergedReasons[reason]);
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(
      AzPrintf(p->comm, "  Newton did not converge (%s): continuation in the exchange current densities\n", SNESConvergedReasons[reason]));
  PetscCall(VecDuplicate(p->c, &last));
  PetscCall(VecCopy(start, p->c));
  AzProblemScaleKinetics(p, lambda);
  PetscCall(AzProblemNewton(p, &reason));
  while (reason > 0 && lambda < 1) {
    const PetscReal next = PetscMin(1.0, lambda * PetscPowReal(10.0, step));
    PetscCall(VecCopy(p->c, last));
    AzProblemScaleKinetics(p, next / lambda);
    PetscCall(AzProblemNewton(p, &reason));
    p->continuation_steps++;
    if (reason > 0) {
      lambda = next;
      continue;
    }
    AzProblemScaleKinetics(p, lambda / next);  // back to the last converged state, a shorter step
    PetscCall(VecCopy(last, p->c));
    step /= 2;
    reason = step >= 1.0 / 64 ? SNES_CONVERGED_FNORM_ABS : SNES_DIVERGED_MAX_IT;  // try again, or give up
  }
  if (lambda < 1) AzProblemScaleKinetics(p, 1 / lambda);  // the case's kinetics, whatever happened
  PetscCall(VecDestroy(&start));
  PetscCall(VecDestroy(&last));
  PetscCheck(reason > 0 && lambda >= 1, p->comm, PETSC_ERR_NOT_CONVERGED,
             "the Newton solve did not converge, not even by continuation in the exchange current densities (stopped at %g of them after "
             "%" PetscInt_FMT " steps)",
             (double)lambda, p->continuation_steps);
  PetscCall(AzPrintf(p->comm, "  continuation: converged in %" PetscInt_FMT " steps\n", p->continuation_steps));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemBalance(AzProblem *p, AzBalance *b)
{
  const AzGrid    *g = &p->grid;
  Vec              Xl;
  const PetscReal *c;
  PetscReal        sum[6] = {0, 0, 0, 0, 0, 0};
  AzCellRow        row;

  PetscFunctionBeginUser;
  PetscCall(AzLocalStateGet(g, p->c, &Xl, &c));
  AzForOwnedCells(g, i, j, k)
  {
    // the sums gather boundary faces and volumetric terms: an interior cell without volumetric terms adds nothing
    const AzRegion *reg = &p->region[g->tag[AzGridLocal(g, i, j, k)]];
    if (reg->k == 0 && reg->kla == 0 && reg->a_v == 0 && !AzGridOnBoundary(g, i, j, k)) continue;
    PetscCall(AzCellResidual(p, c, i, j, k, AZ_ROW_FULL, &row));
    sum[0] += row.in, sum[1] += row.out, sum[2] += row.consumed, sum[3] += row.cur_electrode, sum[4] += row.cur_counter;
    sum[5] += row.consumed_anode;
  }
  PetscCall(AzLocalStateRestore(&Xl, &c));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, sum, 6, MPIU_REAL, MPIU_SUM, p->comm));
  b->in = sum[0], b->out = sum[1], b->consumed = sum[2], b->current_electrode = sum[3], b->current_counter = sum[4];
  b->consumed_anode = sum[5];
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemElectrodePieces(AzProblem *p, AzBCType which, PetscInt *n, AzElectrodePiece **pieces)
{
  const AzGrid     *g   = &p->grid;
  const PetscInt    dof = p->nspecies;
  const PetscReal   nF  = AzElectrodeSign(&p->electrode) * AzElectrodeMain(&p->electrode)->n_electrons * AZ_FARADAY;
  Vec               Xl;
  const PetscReal  *c;
  PetscInt          count = 0, cap = 0;
  AzElectrodePiece *rec = NULL;

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
          r->weight = r->area = AzGridFaceArea(g, d, i, j, k);
          PetscCall(AzElectrodeFaceSolve(e, c[l * dof + sr], reg->D[sr] * reg->aniso[d] / h, sp >= 0 ? c[l * dof + sp] : 0,
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
          PetscCall(PetscMemzero(f, sizeof(*f)));
          f->c_s = c[l * dof + AZ_N2];
          if (p->electrode.mode == AZ_ELECTRODE_LIMITING) {
            AzCellRow row;
            PetscCall(AzCellResidual(p, c, i, j, k, AZ_ROW_TRANSPORT_ONLY, &row));
            f->flux = -row.r[AZ_N2] / r->area;  // everything that reaches the cell reacts
          } else if (p->electrode.mode == AZ_ELECTRODE_POTENTIOSTATIC) {
            const PetscInt sp = p->s_phi >= 0 && reg->present[p->s_phi] ? p->s_phi : -1;
            f->phi_s          = sp >= 0 ? c[l * dof + sp] : 0;
            AzReactionCurrent(AzElectrodeMain(&p->electrode), f->c_s, p->electrode.potential - f->phi_s, p->T, &f->i_main, &f->dflux_dc);
            AzReactionCurrent(AzElectrodeSide(&p->electrode), 0, p->electrode.potential - f->phi_s, p->T, &f->i_side, NULL);
            f->flux = f->i_main / nF;
            f->dflux_dc /= nF;
          }
          f->i_main  = nF * f->flux;
          f->current = f->i_main + f->i_side;
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
  const AzGrid    *g = &p->grid;
  const PetscReal *c;
  PetscReal        sum[2] = {0, 0};

  PetscFunctionBeginUser;
  PetscCall(VecGetArrayRead(p->c, &c));
  AzForOwnedCells(g, i, j, k)
  {
    const AzRegion *reg = &p->region[g->tag[AzGridLocal(g, i, j, k)]];
    const PetscReal V   = AzGridVolume(g, i, j, k);
    if (!reg->present[s] || (working && !reg->working_side)) continue;
    sum[0] += V * c[AzGridOwned(g, i, j, k) * p->nspecies + s];
    sum[1] += V;
  }
  PetscCall(VecRestoreArrayRead(p->c, &c));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, sum, 2, MPIU_REAL, MPIU_SUM, p->comm));
  *amount = sum[0];
  if (volume) *volume = sum[1];
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzProblemMassVector(AzProblem *p, Vec mass)
{
  const AzGrid *g = &p->grid;
  PetscReal    *m;

  PetscFunctionBeginUser;
  PetscCall(VecGetArray(mass, &m));
  AzForOwnedCells(g, i, j, k)
  {
    const AzRegion *reg   = &p->region[g->tag[AzGridLocal(g, i, j, k)]];
    const PetscBool limit = (PetscBool)(p->electrode.mode == AZ_ELECTRODE_LIMITING && reg->a_v > 0);
    for (PetscInt s = 0; s < p->nspecies; s++)
      m[AzGridOwned(g, i, j, k) * p->nspecies + s] =
          reg->present[s] && s != p->s_phi && !(s == AZ_N2 && limit) ? AzGridVolume(g, i, j, k) : 0;
  }
  PetscCall(VecRestoreArray(mass, &m));
  PetscFunctionReturn(PETSC_SUCCESS);
}
