// Henry's constants of gases in pure water, IAPWS Guideline G7-04 (2004) = Fernández-Prini, Alvarez & Harvey,
// J. Phys. Chem. Ref. Data 32, 903 (2003):
//   ln(k_H / p1*) = A/T_R + B tau^0.355 / T_R + C T_R^-0.41 exp(tau),  T_R = T/T_c, tau = 1 - T_R,
// with p1* the vapour pressure of water (Wagner & Pruss). k_H is the Henry's constant on the mole-fraction basis,
// k_H = lim f_2/x_2 at the saturation pressure of water, so x = f/k_H for a dilute solution at P = p1*.
//
// Validity: 273.15 K to 600 K (and not above the highest temperature of the gas's data in G7-04). The
// fitted N2 data start at 278.12 K and the O2 data at 274.15 K; the correlation is used down to 273.15 K, which is
// checked against the NBS compilation of N2 solubility at 0 °C in tests/unit/test_solubility.c.
#include <azote/private/thermoimpl.h>

// k_H = p1* exp(A/T_R + B tau^0.355/T_R + C T_R^-0.41 e^tau) (G7-04 eq. above); 273.15-600 K.
PetscErrorCode AzHenryConstant(AzGas gas, PetscReal T, PetscReal *kH)
{
  const AzSpeciesData *g;
  PetscReal            Tr, tau, p_vap, ln_ratio;  // -, -, Pa, -

  PetscFunctionBeginUser;
  PetscCheck((PetscInt)gas >= 0 && gas < AZ_NGAS, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
             "Henry's constant: gas index %d is not a gas of azote (N2, O2, Ar, He, CO2, H2)", (int)gas);
  g = &AzSpecies[gas];
  PetscCheck(g->has_kh, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "no Henry's constant for %s in IAPWS G7-04", g->name);
  PetscCall(AzCheckRange("temperature", T, "K", AZ_T_MIN, PetscMin(600.0, g->kh_Tmax), "Henry's constant, IAPWS G7-04"));
  PetscCall(AzWaterVaporPressure(T, &p_vap));
  Tr       = T / AZ_TC_WATER;
  tau      = 1 - Tr;
  ln_ratio = g->kh_A / Tr + g->kh_B * PetscPowReal(tau, 0.355) / Tr + g->kh_C * PetscPowReal(Tr, -0.41) * PetscExpReal(tau);
  *kH      = p_vap * PetscExpReal(ln_ratio);
  PetscFunctionReturn(PETSC_SUCCESS);
}
