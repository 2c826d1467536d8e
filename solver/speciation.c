// Chemical equilibrium of an electrolyte's bulk: the law of mass action for a basis of its reactions and the
// conservation of what they conserve (Smith & Missen, Chemical Reaction Equilibrium Analysis (1982), ch. 2: the
// stoichiometric formulation), solved by Newton's method in the logarithms of the concentrations:
//   sum_s B_ks ln c_s = L_k                  (k over a basis of the reactions' row space; L from their ln K_c)
//   sum_s W_js c_s = sum_s W_js (c0_s + x v_s)  (j over a basis of the null space of the stoichiometric matrix: the
//                                                element totals and the charge, which every reaction conserves)
//   ln c_fix = lnc_fix                        (a pH set with a titrant, CO2 held at its saturation)
// Logarithmic unknowns keep every concentration positive; steps are limited to a factor e^2 per iteration.
// Davies' activity coefficients are in the K_c the caller gives (an outer iteration on the ionic strength).
#include <azote/ionic.h>

// Gauss-Jordan elimination of the m x n matrix a (row-major, leading dimension ld) with extra column b: returns the
// rank and the pivot column of each leading row.
static PetscInt AzRowReduce(PetscInt m, PetscInt n, PetscReal *a, PetscInt ld, PetscReal *b, PetscInt piv[])
{
  PetscInt rank = 0;
  for (PetscInt col = 0; col < n && rank < m; col++) {
    PetscInt  best = -1;
    PetscReal big  = 1e-12;
    for (PetscInt r = rank; r < m; r++)
      if (PetscAbsReal(a[r * ld + col]) > big) big = PetscAbsReal(a[r * ld + col]), best = r;
    if (best < 0) continue;
    for (PetscInt k = 0; k < n; k++) {
      const PetscReal t = a[rank * ld + k];
      a[rank * ld + k] = a[best * ld + k], a[best * ld + k] = t;
    }
    if (b) {
      const PetscReal t = b[rank];
      b[rank] = b[best], b[best] = t;
    }
    {
      const PetscReal p = a[rank * ld + col];
      for (PetscInt k = 0; k < n; k++) a[rank * ld + k] /= p;
      if (b) b[rank] /= p;
    }
    for (PetscInt r = 0; r < m; r++) {
      const PetscReal f = a[r * ld + col];
      if (r == rank || f == 0) continue;
      for (PetscInt k = 0; k < n; k++) a[r * ld + k] -= f * a[rank * ld + k];
      if (b) b[r] -= f * b[rank];
    }
    piv[rank++] = col;
  }
  return rank;
}

// Solves the dense n x n system A x = b in place (partial pivoting); fails on a singular matrix.
static PetscErrorCode AzDenseSolve(PetscInt n, PetscReal *A, PetscReal *b)
{
  PetscFunctionBeginUser;
  for (PetscInt col = 0; col < n; col++) {
    PetscInt  best = col;
    PetscReal big  = PetscAbsReal(A[col * n + col]);
    for (PetscInt r = col + 1; r < n; r++)
      if (PetscAbsReal(A[r * n + col]) > big) big = PetscAbsReal(A[r * n + col]), best = r;
    PetscCheck(big > 1e-300, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "singular equilibrium problem");
    for (PetscInt k = 0; k < n; k++) {
      const PetscReal t = A[col * n + k];
      A[col * n + k] = A[best * n + k], A[best * n + k] = t;
    }
    {
      const PetscReal t = b[col];
      b[col] = b[best], b[best] = t;
    }
    for (PetscInt r = col + 1; r < n; r++) {
      const PetscReal f = A[r * n + col] / A[col * n + col];
      if (f == 0) continue;
      for (PetscInt k = col; k < n; k++) A[r * n + k] -= f * A[col * n + k];
      b[r] -= f * b[col];
    }
  }
  for (PetscInt r = n - 1; r >= 0; r--) {
    for (PetscInt k = r + 1; k < n; k++) b[r] -= A[r * n + k] * b[k];
    b[r] /= A[r * n + r];
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzSpeciationSolve(const AzSpeciation *s, PetscReal c[], PetscReal x[])
{
  const PetscInt n = s->n, nu_n = n + s->nfix;
  PetscReal      R[AZ_MAX_IONIC_REACTIONS * AZ_MAX_IONIC], L[AZ_MAX_IONIC_REACTIONS], W[AZ_MAX_IONIC][AZ_MAX_IONIC];
  PetscReal      T[AZ_MAX_IONIC], scale[AZ_MAX_IONIC], y[AZ_MAX_IONIC + 2], cmax = 0;
  PetscInt       piv[AZ_MAX_IONIC], rank, nw = 0;
  PetscBool      polished = PETSC_FALSE;

  PetscFunctionBeginUser;
  PetscCheck(n <= AZ_MAX_IONIC && s->nr <= AZ_MAX_IONIC_REACTIONS && s->nfix <= 2, PETSC_COMM_SELF, PETSC_ERR_PLIB, "too many species");
  for (PetscInt r = 0; r < s->nr; r++) {
    for (PetscInt k = 0; k < n; k++) R[r * n + k] = s->nu[r][k];
    L[r] = s->lnK[r];
  }
  rank = AzRowReduce(s->nr, n, R, n, L, piv);
  // the null space of the reduced rows: one vector per free column
  for (PetscInt f = 0; f < n; f++) {
    PetscBool pivot = PETSC_FALSE;
    for (PetscInt r = 0; r < rank; r++) pivot = (PetscBool)(pivot || piv[r] == f);
    if (pivot) continue;
    for (PetscInt k = 0; k < n; k++) W[nw][k] = 0;
    W[nw][f] = 1;
    for (PetscInt r = 0; r < rank; r++) W[nw][piv[r]] = -R[r * n + f];
    nw++;
  }
  PetscCheck(rank + nw == n, PETSC_COMM_SELF, PETSC_ERR_PLIB, "equilibrium: rank %" PetscInt_FMT " + %" PetscInt_FMT " != %" PetscInt_FMT,
             rank, nw, n);
  for (PetscInt k = 0; k < n; k++) cmax = PetscMax(cmax, s->c0[k]);
  for (PetscInt j = 0; j < nw; j++) {
    T[j] = scale[j] = 0;
    for (PetscInt k = 0; k < n; k++) T[j] += W[j][k] * s->c0[k], scale[j] += PetscAbsReal(W[j][k]) * s->c0[k];
    if (scale[j] == 0) scale[j] = 1e-12 * PetscMax(cmax, 1);
  }
  // start: the as-dissolved composition, what it lacks at 1e-3 mol/m^3 (pH 7 for H+ and OH-: 1e-4)
  for (PetscInt k = 0; k < n; k++) y[k] = PetscLogReal(s->c0[k] > 0 ? s->c0[k] : 1e-3);
  for (PetscInt k = 0; k < s->nfix; k++) y[s->fix[k]] = s->lnc_fix[k], y[n + k] = 0;
  for (PetscInt it = 0; it < 400; it++) {
    PetscReal J[(AZ_MAX_IONIC + 2) * (AZ_MAX_IONIC + 2)], F[AZ_MAX_IONIC + 2], worst = 0, big = 0;
    PetscInt  row = 0;
    for (PetscInt k = 0; k < nu_n * nu_n; k++) J[k] = 0;
    for (PetscInt r = 0; r < rank; r++, row++) {  // mass action
      F[row] = -L[r];
      for (PetscInt k = 0; k < n; k++) F[row] += R[r * n + k] * y[k], J[row * nu_n + k] = R[r * n + k];
    }
    for (PetscInt j = 0; j < nw; j++, row++) {  // totals, each row scaled by the size of its terms (as dissolved or now:
      // a total that is zero as dissolved, the proton excess of a neutral salt, sums terms of 1e-4 mol/m^3)
      PetscReal sc = scale[j];
      for (PetscInt k = 0; k < n; k++) sc = PetscMax(sc, PetscAbsReal(W[j][k]) * PetscExpReal(y[k]));
      F[row] = -T[j];
      for (PetscInt k = 0; k < n; k++) {
        const PetscReal ck = PetscExpReal(y[k]);
        F[row] += W[j][k] * ck, J[row * nu_n + k] = W[j][k] * ck / sc;
      }
      for (PetscInt q = 0; q < s->nfix; q++) {
        PetscReal wv = 0;
        for (PetscInt k = 0; k < n; k++) wv += W[j][k] * s->v[q][k];
        F[row] -= y[n + q] * wv, J[row * nu_n + n + q] = -wv / sc;
      }
      F[row] /= sc;
    }
    for (PetscInt q = 0; q < s->nfix; q++, row++) F[row] = y[s->fix[q]] - s->lnc_fix[q], J[row * nu_n + s->fix[q]] = 1;
    for (PetscInt k = 0; k < nu_n; k++) worst = PetscMax(worst, PetscAbsReal(F[k]));
    // one Newton step past 1e-13 (quadratic: to round-off), so that a small total beside large ones (the ammonia an
    // H-cell makes beside its salt, solver/npbulk.c) is conserved to round-off of its own size
    if (!(worst > 0)) break;  // exact (or not a number: the caller's checks name the cause)
    polished = (PetscBool)(worst < 1e-13);
    PetscCall(AzDenseSolve(nu_n, J, F));
    for (PetscInt k = 0; k < n; k++) big = PetscMax(big, PetscAbsReal(F[k]));
    {
      const PetscReal lambda = big > 2 ? 2 / big : 1;  // at most a factor e^2 per step in any concentration
      for (PetscInt k = 0; k < nu_n; k++) y[k] -= lambda * F[k];
    }
    if (polished) break;
    PetscCheck(it < 399, PETSC_COMM_SELF, PETSC_ERR_NOT_CONVERGED, "the bulk equilibrium did not converge (residual %g)", (double)worst);
  }
  for (PetscInt k = 0; k < n; k++) c[k] = PetscExpReal(y[k]);
  for (PetscInt q = 0; q < s->nfix; q++) x[q] = y[n + q];
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscReal AzDaviesGamma(PetscReal z, PetscReal ionic, PetscReal T)
{
  // A = 0.5091 (mol/L)^-1/2 at 25 °C (Robinson & Stokes, Electrolyte Solutions, 2nd ed. (1959), App. 7.1), scaled as
  // (eps_r T)^-3/2 with water's permittivity eps_r(t) = 87.740 - 0.40008 t + 9.398e-4 t^2 - 1.410e-6 t^3 (Malmberg &
  // Maryott, J. Res. NBS 56, 1 (1956))
  const PetscReal t = T - 273.15, t0 = 25.0;
  const PetscReal eps  = 87.740 - 0.40008 * t + 9.398e-4 * t * t - 1.410e-6 * t * t * t;
  const PetscReal eps0 = 87.740 - 0.40008 * t0 + 9.398e-4 * t0 * t0 - 1.410e-6 * t0 * t0 * t0;
  const PetscReal A = 0.5091 * PetscPowReal(eps0 * AZ_T_REF / (eps * T), 1.5), sq = PetscSqrtReal(PetscMax(ionic, 0));
  return PetscPowReal(10.0, -A * z * z * (sq / (1 + sq) - 0.3 * ionic));
}
