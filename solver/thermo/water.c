// Liquid water: vapour pressure, density and viscosity.
//
// Vapour pressure and saturated-liquid density are the auxiliary equations of Wagner & Pruss, J. Phys. Chem. Ref.
// Data 22, 783 (1993) (IAPWS SR1-86, revised 1992), which reproduce the IAPWS-95 saturation line. The effect of
// pressure on the liquid density uses the isothermal compressibility of Kell, J. Chem. Eng. Data 20, 97 (1975).
// Viscosity is the IAPWS 2008 formulation (Huber et al., J. Phys. Chem. Ref. Data 38, 101 (2009)) without the
// critical enhancement, which is 1 to better than 1e-6 away from the critical point.
#include <azote/private/thermoimpl.h>

// Saturation-line equations: from the melting point to the critical point. 273.15 K lies 0.01 K below the triple
// point (metastable liquid), where the equations are smooth and agree with IAPWS-95 within their uncertainty.
#define AZ_TSAT_MIN 273.15
#define AZ_TSAT_MAX AZ_TC_WATER
// Kell's compressibility correlation covers 0-100 °C at atmospheric pressure.
#define AZ_TKELL_MAX 373.15

// ln(p_sat/p_c) = (T_c/T) (a1 t + a2 t^1.5 + a3 t^3 + a4 t^3.5 + a5 t^4 + a6 t^7.5), t = 1 - T/T_c
// (Wagner & Pruss 1993, eq. 2.5). Valid 273.16 K - 647.096 K.
PetscErrorCode AzWaterVaporPressure(PetscReal T, PetscReal *p_vap)
{
  const PetscReal a[6] = {-7.85951783, 1.84408259, -11.7866497, 22.6807411, -15.9618719, 1.80122502};
  const PetscReal e[6] = {1.0, 1.5, 3.0, 3.5, 4.0, 7.5};
  PetscReal       t, sum = 0;

  PetscFunctionBeginUser;
  PetscCall(AzCheckRange("temperature", T, "K", AZ_TSAT_MIN, AZ_TSAT_MAX, "water vapour pressure, Wagner & Pruss 1993"));
  t = 1 - T / AZ_TC_WATER;
  for (int i = 0; i < 6; i++) sum += a[i] * PetscPowReal(t, e[i]);
  *p_vap = AZ_PC_WATER * PetscExpReal(AZ_TC_WATER / T * sum);
  PetscFunctionReturn(PETSC_SUCCESS);
}

// rho'/rho_c = 1 + b1 t^(1/3) + b2 t^(2/3) + b3 t^(5/3) + b4 t^(16/3) + b5 t^(43/3) + b6 t^(110/3)
// (Wagner & Pruss 1993, eq. 2.6). Valid 273.16 K - 647.096 K.
PetscErrorCode AzWaterDensity(PetscReal T, PetscReal *rho)
{
  const PetscReal b[6] = {1.99274064, 1.09965342, -0.510839303, -1.75493479, -45.5170352, -6.74694450e5};
  const PetscReal e[6] = {1.0 / 3, 2.0 / 3, 5.0 / 3, 16.0 / 3, 43.0 / 3, 110.0 / 3};
  PetscReal       t, sum = 1;

  PetscFunctionBeginUser;
  PetscCall(AzCheckRange("temperature", T, "K", AZ_TSAT_MIN, AZ_TSAT_MAX, "saturated water density, Wagner & Pruss 1993"));
  t = 1 - T / AZ_TC_WATER;
  for (int i = 0; i < 6; i++) sum += b[i] * PetscPowReal(t, e[i]);
  *rho = AZ_RHOC_WATER * sum;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// rho(T, P) = rho'(T) exp(kappa_T (P - p_sat)), with Kell's (1975, eq. 20) isothermal compressibility at 1 atm,
// kappa_T = (50.88496 + 0.6163813 t + 1.459187e-3 t^2 + 20.08438e-6 t^3 - 58.47727e-9 t^4 + 410.4110e-12 t^5)
//           / (1 + 19.67348e-3 t) x 1e-6 bar^-1, t in °C; valid 0-100 °C. kappa_T falls by ~4 % per 100 bar, so taking
// it constant errs by < 1e-4 in rho up to 100 bar (checked against IAPWS-IF97 in the tests).
PetscErrorCode AzWaterDensityCompressed(PetscReal T, PetscReal P, PetscReal *rho)
{
  PetscReal t = T - 273.15, p_sat, rho_sat, kappa;  // °C, Pa, kg m^-3, Pa^-1

  PetscFunctionBeginUser;
  PetscCall(AzCheckRange("temperature", T, "K", AZ_TSAT_MIN, AZ_TKELL_MAX, "compressed-water density, Kell 1975"));
  PetscCall(AzWaterVaporPressure(T, &p_sat));
  PetscCall(AzCheckRange("pressure", P, "Pa", p_sat, AZ_P_MAX, "liquid water: from the vapour pressure to 100 bar"));
  PetscCall(AzWaterDensity(T, &rho_sat));
  kappa = (50.88496 + t * (0.6163813 + t * (1.459187e-3 + t * (20.08438e-6 + t * (-58.47727e-9 + t * 410.4110e-12))))) /
          (1 + 19.67348e-3 * t) * 1e-11;
  *rho = rho_sat * PetscExpReal(kappa * (P - p_sat));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// mu = mu* mu0(Tb) mu1(Tb, rb), Tb = T/647.096 K, rb = rho/322 kg m^-3, mu* = 1e-6 Pa s (IAPWS 2008, eqs. 10-12):
//   mu0 = 100 sqrt(Tb) / sum_i H_i / Tb^i,  mu1 = exp(rb sum_i sum_j H_ij (1/Tb - 1)^i (rb - 1)^j).
// Valid for the stable fluid 253.15-1173.15 K; the density must come from the caller (liquid, here).
PetscErrorCode AzWaterViscosity(PetscReal T, PetscReal rho, PetscReal *mu)
{
  const PetscReal H0[4]    = {1.67752, 2.20462, 0.6366564, -0.241605};
  const PetscReal H1[6][7] = {
      {5.20094e-1, 2.22531e-1, -2.81378e-1, 1.61913e-1, -3.25372e-2, 0, 0},
      {8.50895e-2, 9.99115e-1, -9.06851e-1, 2.57399e-1, 0, 0, 0},
      {-1.08374, 1.88797, -7.72479e-1, 0, 0, 0, 0},
      {-2.89555e-1, 1.26613, -4.89837e-1, 0, 6.98452e-2, 0, -4.35673e-3},
      {0, 0, -2.57040e-1, 0, 0, 8.72102e-3, 0},
      {0, 1.20573e-1, 0, 0, 0, 0, -5.93264e-4},
  };
  PetscReal Tb, rb, sum0 = 0, sum1 = 0, ti = 1;

  PetscFunctionBeginUser;
  PetscCall(AzCheckRange("temperature", T, "K", 253.15, 1173.15, "water viscosity, IAPWS 2008"));
  PetscCall(AzCheckRange("water density", rho, "kg/m^3", 1e-3, 1250.0, "water viscosity, IAPWS 2008"));
  Tb = T / AZ_TC_WATER;
  rb = rho / AZ_RHOC_WATER;
  for (int i = 0; i < 4; i++) sum0 += H0[i] / PetscPowRealInt(Tb, i);
  for (int i = 0; i < 6; i++) {
    PetscReal rj = 1, inner = 0;
    for (int j = 0; j < 7; j++) {
      inner += H1[i][j] * rj;
      rj *= rb - 1;
    }
    sum1 += ti * inner;
    ti *= 1 / Tb - 1;
  }
  *mu = 1e-6 * (100 * PetscSqrtReal(Tb) / sum0) * PetscExpReal(rb * sum1);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzWaterProperties(PetscReal T, PetscReal P, AzWaterProps *w)
{
  PetscFunctionBeginUser;
  PetscCall(AzWaterVaporPressure(T, &w->p_vap));
  PetscCall(AzWaterDensityCompressed(T, P, &w->density));
  PetscCall(AzWaterViscosity(T, w->density, &w->viscosity));
  PetscFunctionReturn(PETSC_SUCCESS);
}
