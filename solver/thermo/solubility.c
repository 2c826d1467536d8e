// Saturation concentration of N2 and O2 in the liquid under a gas saturated with the liquid's vapour at T and total
// pressure P.
//
// Krichevsky-Kasarnovsky equation (Krichevsky & Kasarnovsky, J. Am. Chem. Soc. 57, 2168 (1935)) for a dilute gas:
// ln(f_i / x_i) = ln k_H,i(T) + v_inf,i (P - p1)/(R T), so
//   x_i = phi_i p_i exp(-v_inf,i (P - p1)/(R T)) / k_H,i,   f_i = phi_i p_i,   p_i = y_i (P - p1),
// with p1 the vapour pressure of the liquid (water: a_w p_w*, activity.c; a solvent mixture: Raoult's law, solvent.c),
// y_i the dry-gas mole fraction, phi_i the virial-EOS fugacity coefficient in the vapour-saturated gas (fugacity.c)
// and k_H from IAPWS G7-04 (henry.c) in water, from the Abraham model in the organic solvents, log-linear in the mole
// fractions for mixtures (solvent.c). The pressure term is DESIGN §2's "Poynting = exp(-v(P - p_w)/RT)" in
// x = phi p Poynting / k_H: it is <= 1, so compression of the liquid LOWERS the solubility below the linear Henry's
// law (by 12 % for N2 in water at 100 bar, 25 °C). Then
//   c_i = x_i rho_m x 10^-(log10 c0/c),
// the dilute-solution concentration (rho_m = rho_w/M_w in water, x_i <= 2e-3 up to 100 bar, so x/(1-x) ~ x within
// 0.2 %) times the Weisenberger-Schumpe salting-out factor in water (salting.c).
// Validity: 273.15-363.15 K in water (salting-out model), 273.15-323.15 K in the organic solvents; p1(T) < P <= 100 bar
// (tested range of KK + virial EOS).
#include <azote/private/thermoimpl.h>

#define AZ_NSPEC (AZ_NGAS + 1)

// exp(-v_inf (P - p1*)/RT), the pressure term of the Krichevsky-Kasarnovsky equation; 273.15-363.15 K, P <= 100 bar.
PetscErrorCode AzPoyntingFactor(AzGas gas, PetscReal T, PetscReal P, PetscReal *poynting)
{
  PetscReal p_vap;  // Pa

  PetscFunctionBeginUser;
  PetscCheck((PetscInt)gas >= 0 && gas < AZ_NGAS && AzSpecies[gas].v_inf > 0, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
             "Krichevsky-Kasarnovsky factor: no partial molar volume for gas index %d (only N2 and O2)", (int)gas);
  PetscCall(AzCheckRange("temperature", T, "K", AZ_T_MIN, AZ_T_MAX, "Krichevsky-Kasarnovsky factor"));
  PetscCall(AzWaterVaporPressure(T, &p_vap));
  PetscCall(AzCheckRange("pressure", P, "Pa", p_vap, AZ_P_MAX, "Krichevsky-Kasarnovsky factor: from the water vapour pressure to 100 bar"));
  *poynting = PetscExpReal(-AzSpecies[gas].v_inf * (P - p_vap) / (AZ_R * T));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// c_i = [phi_i y_i (P - p1) exp(-v_i (P - p1)/RT) / k_H,i] rho_m 10^-(log10 c0/c) for N2 and O2 (see top), in water
// or in another solvent (docs/thermo.md §1 and §7).
PetscErrorCode AzSolubilityComputeSolvent(PetscReal T, PetscReal P, const AzGasMix *mix, const AzSolvent *solvent, const AzElectrolyte *el,
                                          AzSolubility *s)
{
  PetscReal     y[AZ_NSPEC], phi[AZ_NSPEC], dy[AZ_NSPEC], dlnphi[AZ_NSPEC], balance = 1, p_dry, p_vap;  // -, -, Pa^-1, Pa^-1, -, Pa, Pa
  PetscReal     Tmin = AZ_T_MIN, Tmax = AZ_T_MAX;                                                       // K
  AzElectrolyte none;
  AzSolvent     water;
  AzSpeciesData vapor;
  PetscBool     aqueous;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(s, sizeof(*s)));
  if (!el) {
    PetscCall(AzElectrolyteParse("none", &none));
    el = &none;
  }
  if (!solvent) {
    PetscCall(AzSolventParse("water", &water));
    solvent = &water;
  }
  aqueous = AzSolventIsWater(solvent);
  PetscCall(PetscStrncpy(s->solvent, solvent->spec, sizeof(s->solvent)));
  s->T = T;
  s->P = P;
  for (PetscInt k = 0; k < solvent->n; k++) {
    Tmin = PetscMax(Tmin, AzSolventGet(solvent->id[k])->Tmin);
    Tmax = PetscMin(Tmax, AzSolventGet(solvent->id[k])->Tmax);
  }
  PetscCall(
      AzCheckRange("temperature", T, "K", Tmin, Tmax,
                   aqueous ? "gas solubility: limited by the Weisenberger-Schumpe salting-out model" : "gas solubility in this solvent"));
  PetscCall(AzLiquidProperties(T, solvent, el, &s->liquid, &s->viscosity_corrected, &s->warnings));
  p_vap = s->liquid.p_vap;
  PetscCheck(P > p_vap, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
             "pressure = %.6g Pa is not above the %s vapour pressure %.6g Pa at %.6g K: the electrolyte would boil (valid: p_vap < P <= "
             "%.6g Pa)",
             (double)P, aqueous ? "water" : solvent->spec, (double)p_vap, (double)T, (double)AZ_P_MAX);
  PetscCall(AzCheckRange("pressure", P, "Pa", p_vap, AZ_P_MAX, "gas solubility: Krichevsky-Kasarnovsky + virial EOS, tested to 100 bar"));
  {
    PetscReal p_w;
    PetscCall(AzWaterVaporPressure(T, &p_w));
    PetscCall(AzWaterProperties(T, PetscMax(P, p_w), &s->water));  // pure water, for reference (and for c in water)
  }
  PetscCall(AzElectrolyteIonicStrength(el, &s->ionic_strength));
  s->viscosity = s->liquid.viscosity;
  PetscCall(AzSolventVapor(T, solvent, s->liquid.water_activity, &vapor));

  // The gas saturated with the liquid's vapour: the unspecified dry balance (fractions summing to less than 1) is
  // counted as Ar.
  p_dry = P - p_vap;
  for (PetscInt i = 0; i < AZ_NGAS; i++) balance -= mix->y[i];
  for (PetscInt i = 0; i < AZ_NGAS; i++) y[i] = mix->y[i] * p_dry / P;
  y[AZ_GAS_AR] += PetscMax(balance, 0) * p_dry / P;
  y[AZ_NGAS] = p_vap / P;

  for (PetscInt g = 0; g < AZ_NGAS_SOLVED; g++) {
    AzGasSolubility *r           = &s->gas[g];
    PetscReal        log10_ratio = 0, ydry_g = mix->y[g], v_inf = 0;  // -, -, m^3 mol^-1
    PetscReal        dlnphi_dp = 0;                                   // Pa^-1

    // Composition derivative for dc/dp_g at fixed T and P: p_g = y_g (P - p_vap) rises by dp, the other dry gases
    // keep their proportions, the vapour is unchanged; per unit dp, dy_g = 1/P and dy_j = -y_j/(1 - y_g)/P.
    // A single-component dry gas cannot change its partial pressure at fixed P: phi is then held fixed.
    for (PetscInt j = 0; j < AZ_NSPEC; j++) dy[j] = 0;
    if (1 - ydry_g > 1e-12) {
      for (PetscInt j = 0; j < AZ_NGAS; j++) dy[j] = -y[j] / (1 - ydry_g) / p_dry;
      dy[g] = 1 / P;
    }
    PetscCall(AzVirialFugacity(T, P, y, dy, &vapor, phi, dlnphi));
    if (1 - ydry_g > 1e-12) dlnphi_dp = dlnphi[g];

    r->y_dry     = ydry_g;
    r->p_partial = ydry_g * p_dry;
    r->phi       = phi[g];
    r->fugacity  = phi[g] * r->p_partial;
    if (aqueous) {
      PetscCall(AzHenryConstant((AzGas)g, T, &r->kH));
      PetscCall(AzSaltingOutW((AzGas)g, T, el, &log10_ratio, &s->warnings));
    } else {  // ln k_H = sum_j x_j ln k_H,j (Krichevsky's ideal mixed solvent); salts: no model in these solvents
      PetscReal ln_kH = 0, kHj;
      for (PetscInt k = 0; k < solvent->n; k++) {
        PetscCall(AzSolventHenryConstant((AzGas)g, solvent->id[k], T, &kHj, &s->warnings));
        ln_kH += solvent->x[k] * PetscLogReal(kHj);
      }
      r->kH = PetscExpReal(ln_kH);
    }
    for (PetscInt k = 0; k < solvent->n; k++) v_inf += solvent->x[k] * AzSolventGet(solvent->id[k])->v_inf[g];
    r->poynting       = PetscExpReal(-v_inf * (P - p_vap) / (AZ_R * T));
    r->salting_factor = PetscPowReal(10.0, -log10_ratio);
    {
      // c = x rho_m: in water the molar density of the (compressed) water, as for the pure solvent; otherwise the
      // solvent's molar density at T (its compression, < 0.6 % at 50 bar, is neglected)
      PetscReal rho_m = aqueous ? s->water.density / AZ_M_WATER : s->liquid.molar_density;  // mol m^-3
      PetscReal K     = rho_m * r->poynting * r->salting_factor / r->kH;                    // mol m^-3 Pa^-1
      r->c_sat        = K * r->fugacity;
      r->dc_sat_dp    = K * phi[g] * (1 + r->p_partial * dlnphi_dp);
    }
    PetscCall(AzLiquidDiffusivitySolvent((AzGas)g, T, solvent, el, &s->liquid, &r->D, &s->warnings));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzSolubilityCompute(PetscReal T, PetscReal P, const AzGasMix *mix, const AzElectrolyte *el, AzSolubility *s)
{
  PetscFunctionBeginUser;
  PetscCall(AzSolubilityComputeSolvent(T, P, mix, NULL, el, s));
  PetscFunctionReturn(PETSC_SUCCESS);
}
