// Gas-phase fugacity coefficients from the virial equation of state truncated after the third coefficient:
//   Z = PV/RT = 1 + B/V + C/V^2,  B = sum_ij y_i y_j B_ij,  C = sum_ijk y_i y_j y_k C_ijk,
//   ln phi_i = (2/V) sum_j y_j B_ij + (3/(2V^2)) sum_jk y_j y_k C_ijk - ln Z   (Prausnitz, Lichtenthaler & de Azevedo,
//   Molecular Thermodynamics of Fluid-Phase Equilibria, 3rd ed. 1999, ch. 5),
// with second virial coefficients from Tsonopoulos, AIChE J. 20, 263 (1974),
//   B Pc/(R Tc) = f0 + w f1 + a/Tr^6,  f0 = 0.1445 - 0.330/Tr - 0.1385/Tr^2 - 0.0121/Tr^3 - 0.000607/Tr^8,
//   f1 = 0.0637 + 0.331/Tr^2 - 0.423/Tr^3 - 0.008/Tr^8   (a: polar term, water only),
// and third virial coefficients from Orbey & Vera, AIChE J. 29, 107 (1983),
//   C Pc^2/(R Tc)^2 = g0 + w g1,  g0 = 0.01407 + 0.02432/Tr^2.8 - 0.00313/Tr^10.5,
//   g1 = -0.02676 + 0.01770/Tr^2.8 + 0.040/Tr^3 - 0.003/Tr^6 - 0.00228/Tr^10.5.
// Unlike pairs use Tc_ij = sqrt(Tc_i Tc_j), w_ij = (w_i + w_j)/2, Zc_ij = (Zc_i + Zc_j)/2,
// Vc_ij = ((Vc_i^1/3 + Vc_j^1/3)/2)^3, Pc_ij = Zc_ij R Tc_ij / Vc_ij (Prausnitz et al. 1999), and
// C_ijk = (C_ij C_jk C_ik)^(1/3) (Orbey & Vera 1983).
//
// Why not Peng-Robinson: its alpha function, fitted to vapour pressures, makes B of N2 at 298 K -11 cm^3/mol against
// the measured -4.5, which puts phi of N2 at 100 bar 2-3 % low; with the virial coefficients above the pressure
// dependence of the N2 solubility matches the NBS tabulation (tests/unit/test_solubility.c) within 1 %.
// Choices, each small for the feeds azote models:
//  - water vapour's third-virial terms are set to 0: Orbey-Vera is not meant for T/Tc < 0.6, and water is at most
//    0.5 mol% at the pressures (> 10 bar) where third virial terms matter. The same holds for the vapour of an organic
//    solvent (AzSolventVapor: one pseudo-component by Kay's rule, without Tsonopoulos' polar terms of alcohols and
//    nitriles, which change phi of N2 or O2 by less than 0.1 % at the vapour fractions of a gas above 1 bar).
//  - He and H2 are treated like the other gases; Tsonopoulos overestimates the B of these quantum gases (+22 and
//    +19 cm^3/mol at 298 K, against about +12 and +15 measured), a ~2 % uncertainty in phi for He- or H2-rich feeds
//    at 100 bar.
// Validity: the truncated series holds to about half the critical density; azote refuses a denser mixture, and any
// component below its critical temperature at a partial pressure above half its critical pressure (e.g. CO2 close to
// condensation at 25 °C).
#include <azote/private/thermoimpl.h>

#define AZ_NSPEC (AZ_NGAS + 1)

// Reduced second and third virial coefficients of a (possibly cross) pair with constants Tc, w, polar term a.
static void AzVirialReduced(PetscReal Tr, PetscReal w, PetscReal a, PetscReal *b, PetscReal *c)
{
  PetscReal i1 = 1 / Tr, i2 = i1 * i1, i3 = i2 * i1, i6 = i3 * i3, i8 = i6 * i2, t28 = PetscPowReal(Tr, -2.8),
            t105 = PetscPowReal(Tr, -10.5);
  PetscReal f0   = 0.1445 - 0.330 * i1 - 0.1385 * i2 - 0.0121 * i3 - 0.000607 * i8;
  PetscReal f1   = 0.0637 + 0.331 * i2 - 0.423 * i3 - 0.008 * i8;
  PetscReal g0   = 0.01407 + 0.02432 * t28 - 0.00313 * t105;
  PetscReal g1   = -0.02676 + 0.01770 * t28 + 0.040 * i3 - 0.003 * i6 - 0.00228 * t105;

  *b = f0 + w * f1 + a * i6;
  *c = g0 + w * g1;
}

// The constants of species i: the feed gases, then the condensable vapour (water unless given).
static const AzSpeciesData *AzSpeciesOf(PetscInt i, const AzSpeciesData *vapor)
{
  return (i == AZ_NGAS && vapor) ? vapor : &AzSpecies[i];
}

// B_ij (m^3 mol^-1) and C_ij (m^6 mol^-2) at T for the pairs with at least one member in mask (NULL: all pairs).
static void AzVirialPairs(PetscReal T, const PetscBool mask[], const AzSpeciesData *vapor, PetscReal B[AZ_NSPEC][AZ_NSPEC],
                          PetscReal C2[AZ_NSPEC][AZ_NSPEC])
{
  for (PetscInt i = 0; i < AZ_NSPEC; i++) {
    for (PetscInt j = i; j < AZ_NSPEC; j++) {
      const AzSpeciesData *si = AzSpeciesOf(i, vapor), *sj = AzSpeciesOf(j, vapor);
      PetscReal            Tc, Pc, w, b, c, vc;

      if (mask && !mask[i] && !mask[j]) continue;
      if (i == j) {
        Tc = si->Tc;
        Pc = si->Pc;
        w  = si->omega;
      } else {
        Tc = PetscSqrtReal(si->Tc * sj->Tc);
        w  = 0.5 * (si->omega + sj->omega);
        vc = PetscPowRealInt(0.5 * (PetscCbrtReal(si->Vc) + PetscCbrtReal(sj->Vc)), 3);
        Pc = 0.5 * (si->Zc + sj->Zc) * AZ_R * Tc / vc;
      }
      AzVirialReduced(T / Tc, w, i == j ? si->polar_a : 0, &b, &c);
      B[i][j] = B[j][i] = b * AZ_R * Tc / Pc;
      C2[i][j] = C2[j][i] = (i == AZ_NGAS || j == AZ_NGAS) ? 0 : c * PetscSqr(AZ_R * Tc / Pc);
    }
  }
}

PetscErrorCode AzVirialPure(PetscInt species, PetscReal T, PetscReal *B, PetscReal *C)
{
  PetscReal Bij[AZ_NSPEC][AZ_NSPEC], Cij[AZ_NSPEC][AZ_NSPEC];

  PetscFunctionBeginUser;
  PetscCheck(species >= 0 && species < AZ_NSPEC, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "species %d", (int)species);
  AzVirialPairs(T, NULL, NULL, Bij, Cij);
  *B = Bij[species][species];
  *C = Cij[species][species];
  PetscFunctionReturn(PETSC_SUCCESS);
}

// ln phi_i = (2/V) sum_j y_j B_ij + (3/2V^2) sum_jk y_j y_k C_ijk - ln Z at the vapour root of Z = 1 + B/V + C/V^2.
PetscErrorCode AzVirialFugacity(PetscReal T, PetscReal P, const PetscReal y[], const PetscReal dy[], const AzSpeciesData *vapor,
                                PetscReal phi[], PetscReal dlnphi[])
{
  PetscReal B[AZ_NSPEC][AZ_NSPEC], C2[AZ_NSPEC][AZ_NSPEC], C[AZ_NSPEC][AZ_NSPEC][AZ_NSPEC];  // m^3/mol, m^6/mol^2
  PetscReal s[AZ_NSPEC], t[AZ_NSPEC], Bm = 0, Cm = 0, Vc_mix = 0, V, Z, RT = AZ_R * T;
  PetscInt  it, act[AZ_NSPEC], nact = 0;
  PetscBool mask[AZ_NSPEC];

  PetscFunctionBeginUser;
  // Only the components present (or varied along dy) enter the sums: B_ij, C_ijk are needed for every i and active j, k.
  for (PetscInt j = 0; j < AZ_NSPEC; j++) {
    mask[j] = (PetscBool)(y[j] != 0 || (dy && dy[j] != 0));
    if (mask[j]) act[nact++] = j;
  }
  AzVirialPairs(T, mask, vapor, B, C2);
  for (PetscInt i = 0; i < AZ_NSPEC; i++)
    for (PetscInt a = 0; a < nact; a++)
      for (PetscInt b = 0; b < nact; b++) {
        PetscInt j = act[a], k = act[b];
        C[i][j][k] = PetscCbrtReal(C2[i][j] * C2[j][k] * C2[i][k]);
      }
  for (PetscInt i = 0; i < AZ_NSPEC; i++) {
    s[i] = t[i] = 0;
    for (PetscInt a = 0; a < nact; a++) {
      PetscInt j = act[a];
      s[i] += y[j] * B[i][j];
      for (PetscInt b = 0; b < nact; b++) t[i] += y[j] * y[act[b]] * C[i][j][act[b]];
    }
    Bm += y[i] * s[i];
    Cm += y[i] * t[i];
    Vc_mix += y[i] * AzSpeciesOf(i, vapor)->Vc;
    PetscCheck(T >= AzSpeciesOf(i, vapor)->Tc || y[i] * P <= 0.5 * AzSpeciesOf(i, vapor)->Pc, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
               "partial pressure of %s = %.6g Pa at %.6g K is above half its critical pressure (%.6g Pa): too close to condensation for "
               "the virial equation of state",
               AzSpeciesOf(i, vapor)->name, (double)(y[i] * P), (double)T, (double)(0.5 * AzSpeciesOf(i, vapor)->Pc));
  }
  // Vapour root of P V^3/RT - V^2 - B V - C = 0 by Newton from the ideal-gas volume.
  V = RT / P;
  for (it = 0; it < 50; it++) {
    PetscReal f = V * V * V * P / RT - V * V - Bm * V - Cm, df = 3 * V * V * P / RT - 2 * V - Bm, dV = f / df;
    V -= dV;
    if (PetscAbsReal(dV) < 1e-14 * V) break;
  }
  PetscCheck(it < 50 && V > 0 && 3 * V * V * P / RT - 2 * V - Bm > 0, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
             "gas at %.6g K and %.6g Pa: the virial equation of state has no gas-like root (too dense)", (double)T, (double)P);
  PetscCheck(Vc_mix / V <= 0.5, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
             "gas at %.6g K and %.6g Pa has %.2f times the pseudo-critical density: above the 0.5 to which the virial equation of "
             "state holds",
             (double)T, (double)P, (double)(Vc_mix / V));
  Z = P * V / RT;
  for (PetscInt i = 0; i < AZ_NSPEC; i++) phi[i] = PetscExpReal(2 * s[i] / V + 1.5 * t[i] / (V * V) - PetscLogReal(Z));
  if (dy) {  // composition derivative at fixed T and P; V follows from the cubic
    PetscReal dB = 0, dC = 0, dV;
    for (PetscInt i = 0; i < AZ_NSPEC; i++) {
      dB += 2 * s[i] * dy[i];
      dC += 3 * t[i] * dy[i];
    }
    dV = (V * dB + dC) / (3 * V * V * P / RT - 2 * V - Bm);
    for (PetscInt i = 0; i < AZ_NSPEC; i++) {
      PetscReal ds = 0, dt = 0;
      for (PetscInt a = 0; a < nact; a++) {
        PetscInt j = act[a];
        ds += B[i][j] * dy[j];
        for (PetscInt b = 0; b < nact; b++) dt += 2 * C[i][j][act[b]] * y[j] * dy[act[b]];
      }
      dlnphi[i] = 2 * ds / V - 2 * s[i] * dV / (V * V) + 1.5 * dt / (V * V) - 3 * t[i] * dV / (V * V * V) - dV / V;
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The water-saturated feed: dry fractions scaled by (1 - p_vap/P), water vapour at y_w = p_vap/P (the small
// enhancement of the vapour pressure by the compressed gas, < 0.5 % at 100 bar, is neglected); the unspecified dry
// balance of a feed whose fractions sum to less than 1 is counted as Ar.
PetscErrorCode AzFugacityCoefficients(PetscReal T, PetscReal P, const AzGasMix *mix, PetscReal phi[])
{
  PetscReal y[AZ_NSPEC], phi_all[AZ_NSPEC], p_vap, balance = 1;  // -, -, Pa, -

  PetscFunctionBeginUser;
  PetscCall(AzCheckRange("temperature", T, "K", AZ_T_MIN, 373.15, "gas fugacity with water vapour"));
  PetscCall(AzWaterVaporPressure(T, &p_vap));
  PetscCheck(P > p_vap && P <= AZ_P_MAX, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
             "pressure = %.6g Pa is outside the valid range (%.6g, %.6g] Pa (above the water vapour pressure at %.6g K, up to 100 bar)",
             (double)P, (double)p_vap, (double)AZ_P_MAX, (double)T);
  for (PetscInt i = 0; i < AZ_NGAS; i++) balance -= mix->y[i];
  for (PetscInt i = 0; i < AZ_NGAS; i++) y[i] = mix->y[i] * (1 - p_vap / P);
  y[AZ_GAS_AR] += PetscMax(balance, 0) * (1 - p_vap / P);
  y[AZ_NGAS] = p_vap / P;
  PetscCall(AzVirialFugacity(T, P, y, NULL, NULL, phi_all, NULL));
  for (PetscInt i = 0; i < AZ_NGAS; i++) phi[i] = phi_all[i];
  PetscFunctionReturn(PETSC_SUCCESS);
}
