// Provisional property functions for the first flow-cell release: Henry's law with a van 't Hoff temperature
// dependence (Sander 2023, N2: H = 6.4e-6 mol m^-3 Pa^-1 at 298.15 K, d ln H / d(1/T) = 1300 K; O2: 1.3e-5, 1500 K),
// Wagner & Pruss (1993) vapour pressure, Kell (1975) density, Vogel viscosity, no salting-out.
// The property library (issue 4) replaces this file behind the same functions of include/azote/thermo.h.
#include <azote/thermo.h>

const char *const AzGasNames[] = {"N2", "O2", "Ar", "He", "CO2", "H2", NULL};

#define AZ_T_MIN 273.15
#define AZ_T_MAX 373.15

static PetscErrorCode AzCheckT(PetscReal T)
{
  PetscFunctionBeginUser;
  PetscCheck(T >= AZ_T_MIN && T <= AZ_T_MAX, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
             "temperature %g K is outside the valid range [%g, %g] K", (double)T, AZ_T_MIN, AZ_T_MAX);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzGasMixParse(const char spec[], AzGasMix *mix)
{
  char     *buf, *tok, *save = NULL;
  PetscReal sum = 0;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(mix, sizeof(*mix)));
  PetscCall(PetscStrallocpy(spec, &buf));
  for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
    char     *colon = strchr(tok, ':'), *end;
    PetscInt  g;
    PetscReal y;
    PetscCheck(colon, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "gas composition '%s': '%s' is not GAS:FRACTION", spec, tok);
    *colon = 0;
    for (g = 0; g < AZ_NGAS; g++)
      if (!strcmp(tok, AzGasNames[g])) break;
    PetscCheck(g < AZ_NGAS, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "gas composition '%s': unknown gas '%s'", spec, tok);
    y = strtod(colon + 1, &end);
    PetscCheck(*end == 0 && y >= 0 && y <= 1, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
               "gas composition '%s': fraction of %s must be in [0, 1]", spec, tok);
    mix->y[g] += y;
    sum += y;
  }
  PetscCall(PetscFree(buf));
  PetscCheck(PetscAbsReal(sum - 1) < 1e-6, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
             "gas composition '%s': fractions sum to %g, must sum to 1", spec, (double)sum);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzElectrolyteParse(const char spec[], AzElectrolyte *el)
{
  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(el, sizeof(*el)));
  PetscCall(PetscStrncpy(el->spec, spec, sizeof(el->spec)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

const char *AzIonName(PetscInt ion) { return "?"; }

PetscErrorCode AzWaterVaporPressure(PetscReal T, PetscReal *p_vap)
{
  const PetscReal Tc = 647.096, pc = 22.064e6, th = 1 - T / Tc;
  const PetscReal a[6] = {-7.85951783, 1.84408259, -11.7866497, 22.6807411, -15.9618719, 1.80122502};

  PetscFunctionBeginUser;
  PetscCall(AzCheckT(T));
  *p_vap = pc * PetscExpReal(Tc / T *
                             (a[0] * th + a[1] * PetscPowReal(th, 1.5) + a[2] * PetscPowReal(th, 3) + a[3] * PetscPowReal(th, 3.5) +
                              a[4] * PetscPowReal(th, 4) + a[5] * PetscPowReal(th, 7.5)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzWaterDensity(PetscReal T, PetscReal *rho)
{
  const PetscReal t = T - 273.15;

  PetscFunctionBeginUser;
  PetscCall(AzCheckT(T));
  *rho = (999.83952 + 16.945176 * t - 7.9870401e-3 * t * t - 46.170461e-6 * t * t * t + 105.56302e-9 * t * t * t * t -
          280.54253e-12 * t * t * t * t * t) /
         (1 + 16.879850e-3 * t);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzWaterViscosity(PetscReal T, PetscReal rho, PetscReal *mu)
{
  PetscFunctionBeginUser;
  PetscCall(AzCheckT(T));
  *mu = 2.414e-5 * PetscPowReal(10.0, 247.8 / (T - 140.0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzWaterProperties(PetscReal T, PetscReal P, AzWaterProps *w)
{
  PetscFunctionBeginUser;
  PetscCall(AzWaterVaporPressure(T, &w->p_vap));
  PetscCall(AzWaterDensity(T, &w->density));
  PetscCall(AzWaterViscosity(T, w->density, &w->viscosity));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzHenryConstant(AzGas gas, PetscReal T, PetscReal *kH)
{
  const PetscReal H298[2] = {6.4e-6, 1.3e-5}, dlnH[2] = {1300, 1500};
  PetscReal       rho;

  PetscFunctionBeginUser;
  PetscCheck(gas < AZ_NGAS_SOLVED, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "no Henry constant for %s", AzGasNames[gas]);
  PetscCall(AzWaterDensity(T, &rho));
  *kH = rho / 18.015268e-3 / (H298[gas] * PetscExpReal(dlnH[gas] * (1 / T - 1 / 298.15)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzLiquidDiffusivity(AzGas gas, PetscReal T, const AzElectrolyte *el, PetscReal *D)
{
  const PetscReal D298[2] = {1.96e-9, 2.0e-9};
  PetscReal       mu, mu298;

  PetscFunctionBeginUser;
  PetscCheck(gas < AZ_NGAS_SOLVED, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "no diffusivity for %s", AzGasNames[gas]);
  PetscCall(AzWaterViscosity(T, 0, &mu));
  PetscCall(AzWaterViscosity(298.15, 0, &mu298));
  *D = D298[gas] * (T / 298.15) * (mu298 / mu);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzSolubilityCompute(PetscReal T, PetscReal P, const AzGasMix *mix, const AzElectrolyte *el, AzSolubility *s)
{
  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(s, sizeof(*s)));
  s->T = T;
  s->P = P;
  PetscCall(AzWaterProperties(T, P, &s->water));
  PetscCheck(P > s->water.p_vap, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "pressure %g Pa is below the vapour pressure %g Pa at %g K",
             (double)P, (double)s->water.p_vap, (double)T);
  for (PetscInt g = 0; g < AZ_NGAS_SOLVED; g++) {
    AzGasSolubility *r = &s->gas[g];
    r->y_dry           = mix->y[g];
    r->p_partial       = r->y_dry * (P - s->water.p_vap);
    r->fugacity        = r->p_partial;
    PetscCall(AzHenryConstant((AzGas)g, T, &r->kH));
    r->salting_factor = 1;
    r->dc_sat_dp      = s->water.density / 18.015268e-3 / r->kH;
    r->c_sat          = r->dc_sat_dp * r->p_partial;
    PetscCall(AzLiquidDiffusivity((AzGas)g, T, el, &r->D));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
