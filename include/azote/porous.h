// azote — the pieces of a gas-diffusion electrode and of a stack of layers, shared by the templates that build them
// (solver/cells/gde.c, membraneflow.c, tubular.c; solver/cells/porous.c).
//
// A gas-diffusion electrode is a gas diffusion layer (GDL: gas in its pores, Bruggeman D eps^1.5) carrying a catalyst
// layer whose pores hold gas and, by flooding, liquid (saturation s): the gas of the dissolved reactant (N2, or O2 for
// the ORR) in a fraction eps (1 - s), the liquid in eps s, the catalyst covered by a liquid film through which the gas
// dissolves, kla (c*(c_gas) - c) with kla = a_v D / delta(s), delta(s) = delta_dry + s (delta_flooded - delta_dry), the
// liquid meeting the GDL's gas at the layers' common face (Henry's law there). The reactant's gas moves through the
// stagnant rest of the gas with D_AB / y_B (Bird, Stewart & Lightfoot, Transport Phenomena, 2nd ed., §18.2), D_AB the
// gas-vapour binary diffusivity of the property library (Fuller, Schettler & Giddings 1966).
#pragma once

#include <azote/case.h>

typedef struct {
  PetscReal gdl_thickness, gdl_porosity;  // m, -
  PetscReal cl_thickness, cl_porosity;    // m, -
  PetscReal saturation;                   // catalyst-layer liquid saturation (-)
  PetscReal a_v;                          // electrochemically active area per catalyst-layer volume, m^-1
  PetscReal film_dry, film_flooded;       // liquid film over the catalyst at s = 0 and s = 1, m
  PetscReal kappa_ionomer;                // S/m: the catalyst layer's ionomer network, added to its liquid's
} AzPorousElectrode;

// Reads <prefix>_gdl_thickness, _gdl_porosity, _cl_thickness, _cl_porosity, _saturation, _specific_area,
// _film_thickness, _flooded_film_thickness, _cl_ionomer_conductivity (the planar GDE's defaults, gdl_thickness's from
// def) inside the caller's options block, and checks that the flooded film is not thinner than the dry one.
PETSC_EXTERN PetscErrorCode AzPorousElectrodeOptions(PetscOptionItems *PetscOptionsObject, MPI_Comm comm, const char prefix[],
                                                     PetscReal gdl_default, AzPorousElectrode *pe);
// The liquid film over the catalyst at the layer's saturation, m.
PETSC_EXTERN PetscReal AzPorousFilm(const AzPorousElectrode *pe);
// D of the dissolved reactant's gas (c->reactant) through the stagnant rest of the gas at (T, P), m^2/s; refuses (bad
// input) a state without a gas diffusivity.
PETSC_EXTERN PetscErrorCode AzReactantGasDiffusivity(AzCase c, PetscReal *D_gas);
// A layer of gas: species sg with D_gas eps^1.5 (eps = 1: a free gas channel).
PETSC_EXTERN void AzRegionPorousGas(AzRegion *r, PetscInt sg, PetscReal D_gas, PetscReal eps);
// The catalyst layer: dissolved reactant sl and its gas sg (feed c_gas_feed), the electrolyte potential s_phi (-1: not
// solved) with the liquid's conductivity kappa (Bruggeman in eps s) plus the ionomer's.
PETSC_EXTERN void AzRegionCatalystLayer(AzRegion *r, const AzPorousElectrode *pe, AzCase c, PetscInt sl, PetscInt sg, PetscInt s_phi,
                                        PetscReal D_gas, PetscReal c_gas_feed, PetscReal kappa);

// One layer of a stack through the plane: its thickness (m; 0: absent), cells, and grading (toward = +1: finer toward
// its upper face, -1 toward its lower face, over a quarter of it; 2: toward both, over an eighth each; 0: uniform; the
// finest cells `ratio` times smaller).
typedef struct {
  PetscReal thickness;
  PetscInt  cells;
  PetscInt  toward;
  PetscReal ratio;
} AzLayerMesh;
// Faces yf[] of the present layers from y0 upward (their total cells + 1) and the layer of each cell row.
PETSC_EXTERN PetscErrorCode AzStackMesh(PetscInt n, const AzLayerMesh layer[], PetscReal y0, PetscReal yf[], PetscInt layer_of_row[]);

// Cell averages of the plane Poiseuille profile 6 U s (1 - s), s = (y - y_bottom)/h, over the cells j of faces yf[j],
// yf[j + 1], j0 <= j < j1: the exact flow rate through every cross-section (e.g. Bird, Stewart & Lightfoot, §2.5).
PETSC_EXTERN void AzPoiseuilleCellAverages(PetscReal U, PetscReal y_bottom, PetscReal h, PetscInt j0, PetscInt j1, const PetscReal yf[],
                                           PetscReal u[]);
// Laminar flow in the annulus kappa R < r < R (Bird, Stewart & Lightfoot, §2.4, eq. 2.4-14):
//   u(r) = (G R^2 / 4 mu) [1 - (r/R)^2 + (1 - kappa^2) ln(r/R) / ln(1/kappa)],
//   Q = (pi G R^4 / 8 mu) [1 - kappa^4 - (1 - kappa^2)^2 / ln(1/kappa)],
// G = -dp/dz. Returns G/mu (s^-1 m^-1) for the flow rate Q and the area-weighted cell averages (int u r dr / int r dr,
// exact) over the radial faces rf[j0..j1] inside [r_in, r_out], whose sum times the cells' annular areas is Q.
PETSC_EXTERN PetscReal AzAnnulusDriving(PetscReal r_in, PetscReal r_out, PetscReal Q);
PETSC_EXTERN PetscReal AzAnnulusVelocity(PetscReal r_in, PetscReal r_out, PetscReal g, PetscReal r);
PETSC_EXTERN void      AzAnnulusCellAverages(PetscReal r_in, PetscReal r_out, PetscReal g, PetscInt j0, PetscInt j1, const PetscReal rf[],
                                             PetscReal u[]);
