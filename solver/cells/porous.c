// Gas-diffusion electrodes and layer stacks shared by the templates (include/azote/porous.h): the keys of a GDL and a
// flooding catalyst layer, their regions' coefficients, the reactant's gas diffusivity, the mesh through a stack and
// the laminar profiles of plane and annular channels.
#include <azote/porous.h>

PetscErrorCode AzPorousElectrodeOptions(PetscOptionItems *PetscOptionsObject, MPI_Comm comm, const char prefix[], PetscReal gdl_default,
                                        AzPorousElectrode *pe)
{
  char key[64], key2[64];

#define AZ_KEY(name) (PetscSNPrintf(key, sizeof(key), "%s_%s", prefix, name), key)
  PetscFunctionBeginUser;
  PetscCall(AzOptionsReal(PetscOptionsObject, AZ_KEY("gdl_thickness"), "gas diffusion layer thickness", "m", gdl_default,
                          AZ_RANGE(1e-8, 0.01), &pe->gdl_thickness, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, AZ_KEY("gdl_porosity"), "gas diffusion layer porosity", "-", 0.76, AZ_RANGE_OPEN_LO(0, 1),
                          &pe->gdl_porosity, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, AZ_KEY("cl_thickness"), "catalyst layer thickness", "m", 1e-5, AZ_RANGE(1e-8, 1e-3),
                          &pe->cl_thickness, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, AZ_KEY("cl_porosity"), "catalyst layer porosity", "-", 0.4, AZ_RANGE_OPEN_LO(0, 1),
                          &pe->cl_porosity, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, AZ_KEY("saturation"), "catalyst-layer liquid saturation: the degree of flooding", "-", 0,
                          AZ_RANGE(0, 1), &pe->saturation, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, AZ_KEY("specific_area"), "electrochemically active area per catalyst-layer volume", "1/m",
                          1e7, AZ_POSITIVE, &pe->a_v, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, AZ_KEY("film_thickness"), "liquid film over the catalyst in a dry layer (s = 0)", "m", 1e-7,
                          AZ_RANGE_OPEN_LO(0, 1e-3), &pe->film_dry, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, AZ_KEY("flooded_film_thickness"), "liquid film over the catalyst when flooded (s = 1)", "m",
                          1e-5, AZ_RANGE_OPEN_LO(0, 1e-2), &pe->film_flooded, NULL));
  PetscCall(AzOptionsReal(PetscOptionsObject, AZ_KEY("cl_ionomer_conductivity"),
                          "effective ionic conductivity of the catalyst layer's ionomer, added to its liquid's (electrolyte_potential)",
                          "S/m", 1, AZ_NONNEGATIVE, &pe->kappa_ionomer, NULL));
  PetscCall(PetscSNPrintf(key2, sizeof(key2), "%s_film_thickness", prefix));
  PetscCheck(pe->film_flooded >= pe->film_dry, comm, PETSC_ERR_USER_INPUT, "-%s = %g m is thinner than the dry film: allowed >= %s = %g m",
             AZ_KEY("flooded_film_thickness"), (double)pe->film_flooded, key2, (double)pe->film_dry);
#undef AZ_KEY
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscReal AzPorousFilm(const AzPorousElectrode *pe)
{
  return pe->film_dry + pe->saturation * (pe->film_flooded - pe->film_dry);
}

PetscErrorCode AzReactantGasDiffusivity(AzCase c, PetscReal *D_gas)
{
  PetscErrorCode ierr;

  PetscFunctionBeginUser;
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = AzGasDiffusivitySolventVapor(c->reactant, &c->solvent, c->T, c->P, D_gas);
  PetscCall(PetscPopErrorHandler());
  PetscCheck(!ierr, c->comm, PETSC_ERR_USER_INPUT, "-operating_temperature/-operating_pressure: no %s-H2O gas diffusivity at %g K, %g Pa",
             AzGasNames[c->reactant], (double)c->T, (double)c->P);
  *D_gas /= 1 - c->sol.gas[c->reactant].p_partial / c->P;  // through the stagnant inert fraction y_B > 0 (p_vap > 0)
  PetscFunctionReturn(PETSC_SUCCESS);
}

void AzRegionPorousGas(AzRegion *r, PetscInt sg, PetscReal D_gas, PetscReal eps)
{
  r->present[sg] = PETSC_TRUE;
  r->D[sg]       = eps == 1 ? D_gas : D_gas * PetscPowReal(eps, 1.5);  // Bruggeman: D_eff = D eps^1.5
}

void AzRegionCatalystLayer(AzRegion *r, const AzPorousElectrode *pe, AzCase c, PetscInt sl, PetscInt sg, PetscInt s_phi, PetscReal D_gas,
                           PetscReal c_gas_feed, PetscReal kappa)
{
  const AzGasSolubility *g = &c->sol.gas[c->reactant];
  const PetscReal        s = pe->saturation, eps = pe->cl_porosity, D_l = g->D;

  r->present[sg] = r->present[sl] = PETSC_TRUE;
  r->D[sg]                        = D_gas * PetscPowReal(eps * (1 - s), 1.5);
  r->D[sl]                        = D_l * PetscPowReal(eps * s, 1.5);
  r->a_v                          = pe->a_v;
  r->kla                          = pe->a_v * D_l / AzPorousFilm(pe);
  r->c_eq                         = g->c_sat;
  r->c_gas_ref                    = c_gas_feed;
  r->dceq_dcg                     = g->dc_sat_dp * AZ_GAS_CONSTANT * c->T;
  // The liquid in the pores meets the gas diffusion layer's gas at their common face: the gas dissolves there (Henry's
  // law at the face) and diffuses on through the liquid, D (eps s)^1.5 (AzInterfaceSpecies). Flooded (s = 1), the layer
  // has no gas left and this is its only path: a slab fed at one face, the Thiele problem.
  r->liquid_contact = PETSC_TRUE;
  // ionic current through the pores' liquid (Bruggeman) and the ionomer network
  if (s_phi >= 0) r->present[s_phi] = PETSC_TRUE, r->D[s_phi] = kappa * PetscPowReal(eps * s, 1.5) + pe->kappa_ionomer;
}

PetscErrorCode AzStackMesh(PetscInt n, const AzLayerMesh layer[], PetscReal y0, PetscReal yf[], PetscInt layer_of_row[])
{
  PetscInt at = 0;

  PetscFunctionBeginUser;
  for (PetscInt l = 0; l < n; l++) {
    const PetscReal t = layer[l].thickness;
    if (!(t > 0) || layer[l].cells < 1) continue;
    if (layer[l].toward == 0)
      PetscCall(AzMesh1D(y0, y0 + t, layer[l].cells, 0, NULL, 0, NULL, yf + at));
    else if (layer[l].toward == 2) {  // both faces
      const AzRefinePoint ref[2] = {{y0, y0, layer[l].ratio, t / 8}, {y0 + t, y0 + t, layer[l].ratio, t / 8}};
      PetscCall(AzMesh1D(y0, y0 + t, layer[l].cells, 2, ref, 0, NULL, yf + at));
    } else {
      const PetscReal     toward = layer[l].toward > 0 ? y0 + t : y0;
      const AzRefinePoint ref[1] = {{toward, toward, layer[l].ratio, t / 4}};
      PetscCall(AzMesh1D(y0, y0 + t, layer[l].cells, 1, ref, 0, NULL, yf + at));
    }
    for (PetscInt j = at; j < at + layer[l].cells; j++) layer_of_row[j] = l;
    at += layer[l].cells;
    y0 += t;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

void AzPoiseuilleCellAverages(PetscReal U, PetscReal y_bottom, PetscReal h, PetscInt j0, PetscInt j1, const PetscReal yf[], PetscReal u[])
{
  for (PetscInt j = j0; j < j1; j++) {
    const PetscReal y0 = (yf[j] - y_bottom) / h, y1 = (yf[j + 1] - y_bottom) / h;
    u[j] = 6 * U * ((y1 * y1 - y0 * y0) / 2 - (y1 * y1 * y1 - y0 * y0 * y0) / 3) / (y1 - y0);
  }
}

PetscReal AzAnnulusDriving(PetscReal r_in, PetscReal r_out, PetscReal Q)
{
  const PetscReal k = r_in / r_out, k2 = k * k, R4 = PetscPowReal(r_out, 4);
  return 8 * Q / (PETSC_PI * R4 * (1 - k2 * k2 - (1 - k2) * (1 - k2) / PetscLogReal(1 / k)));
}

PetscReal AzAnnulusVelocity(PetscReal r_in, PetscReal r_out, PetscReal g, PetscReal r)
{
  const PetscReal k = r_in / r_out, x = r / r_out;
  return g * r_out * r_out / 4 * (1 - x * x + (1 - k * k) * PetscLogReal(x) / PetscLogReal(1 / k));
}

// Antiderivative of u(r) r in x = r/R (times 4/(g R^4)): x^2/2 - x^4/4 + A (x^2/2 ln x - x^2/4), A = (1 - k^2)/ln(1/k).
static PetscReal AzAnnulusMoment(PetscReal A, PetscReal x)
{
  return x * x / 2 - x * x * x * x / 4 + A * (x * x / 2 * PetscLogReal(x) - x * x / 4);
}

void AzAnnulusCellAverages(PetscReal r_in, PetscReal r_out, PetscReal g, PetscInt j0, PetscInt j1, const PetscReal rf[], PetscReal u[])
{
  const PetscReal k = r_in / r_out, A = (1 - k * k) / PetscLogReal(1 / k), R = r_out;
  for (PetscInt j = j0; j < j1; j++) {
    const PetscReal x0 = rf[j] / R, x1 = rf[j + 1] / R;
    // int u r dr / int r dr over the cell
    u[j] = g * R * R / 4 * (AzAnnulusMoment(A, x1) - AzAnnulusMoment(A, x0)) / ((x1 * x1 - x0 * x0) / 2);
  }
}
