// Electrode faces of the ionic model: the reactions with their full stoichiometry over the transported species.
//
// A row of the reaction table is written on the RHE scale, its n H+ absorbed by the scale (include/azote/reactions.h);
// here they are explicit. A proton donor's branch (HER's, h_order > 0) and a reaction fitted as an oxidation take them
// as H+ (an oxidation gives them); any other reduction takes them from water and gives n OH- (N2 + 6 H2O + 6 e- -> 2 NH3
// + 6 OH-: the two are the same reaction at water's equilibrium, and a reduction by water runs where H+ is gone, the
// way continuum models of CO2 electrolysers write theirs, Gupta et al. 2006). HER's water branch gives back the 2 H+
// the scale takes. The electrode potential E is against the RHE of the bulk (electrode_potential), so with
// u = E - phi_P:
//   fitted branch  F = i0 (c_H/c_H,bulk)^h_order (c_r/c_ref)^order exp(-s alpha f (u - E_ref)),
//   reverse branch from microscopic reversibility at the Nernst potential of the local activities, the ion of the RHE
//   scale included relative to the bulk's: ln Q = ln Q_row - n ln(c_H/c_H,bulk), or + n ln(c_OH/c_OH,bulk),
// so that at the bulk composition every rate is the dilute model's, and the equilibrium potentials follow the local pH
// (the RHE scale moves by -(RT ln 10/F) per unit of surface pH against the bulk's). The main reaction's reactant
// (dissolved N2 or O2) has its surface concentration from the half cell's diffusion balance as in the dilute model
// (solver/kinetics.c); the ions enter at the adjacent cell's values, the electrolyte potential too (the ohmic drop of
// the half cell, i d / kappa, is a few microvolts on the templates' meshes at the electrode: docs/ionic.md).
#include <azote/private/npimpl.h>
#include <azote/private/kineticsimpl.h>

PetscErrorCode AzNPSetUpElectrodes(AzProblem *p)
{
  AzNP *np = p->np;

  PetscFunctionBeginUser;
  PetscCheck(np->s_h >= 0, p->comm, PETSC_ERR_PLIB, "the ionic model carries H+");
  PetscCheck(np->s_oh >= 0, p->comm, PETSC_ERR_PLIB, "the ionic model carries OH-");
  np->ln_h_bulk  = PetscLogReal(np->bulk[np->s_h]);
  np->ln_oh_bulk = PetscLogReal(np->bulk[np->s_oh]);
  for (PetscInt w = 0; w < 2; w++) {
    const AzElectrode *e = w ? &p->anode : &p->electrode;
    if (w && p->anode_area <= 0) continue;
    for (PetscInt n = 0; n < e->nreaction; n++) {
      const AzReaction *r      = &e->reaction[n];
      PetscReal         charge = 0;
      const PetscBool   proton = (PetscBool)(r->info->oxidation || r->info->h_order > 0);
      np->sx[w][n]             = proton ? np->s_h : np->s_oh;
      np->nx[w][n]             = proton ? -r->info->n : r->info->n;
      for (PetscInt t = 0; t < p->nspecies; t++) {
        np->nu[w][n][t] = r->nu_of[t] + (t == np->sx[w][n] ? np->nx[w][n] : 0);
        charge += np->z[t] * np->nu[w][n][t];
      }
      // every charged species of the reaction must be transported: its reduction then takes n charges from the
      // electrolyte, and the charge balance sees its current
      for (PetscInt k = 0; k < r->info->nstoich; k++) {
        const AzSpeciesInfo *sp     = AzSpeciesFind(r->info->stoich[k].species);
        PetscBool            solved = PETSC_FALSE;
        for (PetscInt t = 0; t < p->nspecies; t++) solved = (PetscBool)(solved || p->species[t].info == sp);
        PetscCheck(sp->charge == 0 || solved, p->comm, PETSC_ERR_PLIB, "reaction %s: its ion %s is not transported", r->info->name,
                   sp->name);
      }
      PetscCheck(PetscAbsReal(charge + r->info->n) < 1e-12, p->comm, PETSC_ERR_PLIB,
                 "reaction %s: its full stoichiometry carries %g charges for %g electrons", r->info->name, (double)charge,
                 (double)r->info->n);
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzNPElectrodeFace(const AzProblem *p, PetscInt which, const PetscReal c[], PetscReal d, PetscReal D_r, AzNPFace *f)
{
  const AzNP        *np  = p->np;
  const AzElectrode *e   = which ? &p->anode : &p->electrode;
  const PetscInt     dof = p->nspecies, sp = p->s_phi, sr = e->species, sh = np->s_h, nr = e->nreaction;
  const PetscReal    T = p->T, u = e->potential - c[sp];
  AzElectrode        el;  // the electrode at this face's H+: i0 times (c_H/c_H,bulk)^h_order
  PetscReal          lnq[AZ_MAX_ELECTRODE_REACTIONS], dq[AZ_MAX_ELECTRODE_REACTIONS][AZ_MAX_SPECIES];
  PetscReal          dth[AZ_MAX_ELECTRODE_REACTIONS];  // d theta_n / d c_H, theta_n = h_order ln(c_H/c_H,bulk)
  PetscReal          di[AZ_MAX_ELECTRODE_REACTIONS][AZ_MAX_SPECIES], dcs[AZ_MAX_SPECIES];
  AzSurfaceEval      k;

  PetscFunctionBeginUser;
  f->nreaction = nr;
  f->current   = 0;
  f->c_s       = sr >= 0 ? c[sr] : 0;
  for (PetscInt t = 0; t < dof; t++) {
    f->P[t] = f->dcur[t] = 0;
    for (PetscInt v = 0; v < dof; v++) f->dP[t][v] = 0;
  }
  for (PetscInt n = 0; n < nr; n++) f->i[n] = 0;
  if (e->mode == AZ_ELECTRODE_OFF) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCheck(e->mode != AZ_ELECTRODE_LIMITING || d > 0, PETSC_COMM_SELF, PETSC_ERR_PLIB, "a volumetric electrode is potentiostatic");
  if (e->mode == AZ_ELECTRODE_LIMITING) {  // every reactant molecule reaching the surface reacts by the main reaction
    const PetscReal g = D_r / d, nur = np->nu[which][0][sr], xi = -g * c[sr] / nur;  // extent rate, reduction direction
    f->c_s = 0, f->i[0] = f->current = e->reaction[0].info->n * AZ_FARADAY * xi;
    f->dcur[sr] = e->reaction[0].info->n * AZ_FARADAY * (-g / nur);
    for (PetscInt t = 0; t < dof; t++) f->P[t] = np->nu[which][0][t] * xi, f->dP[t][sr] = np->nu[which][0][t] * (-g / nur);
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCheck(e->mode == AZ_ELECTRODE_POTENTIOSTATIC, PETSC_COMM_SELF, PETSC_ERR_PLIB,
             "a galvanostatic electrode is solved as potentiostatic ones");
  {
    const PetscBool posh = (PetscBool)(c[sh] > 1e-30), posoh = (PetscBool)(c[np->s_oh] > 1e-30);
    const PetscReal lnh = PetscLogReal(posh ? c[sh] : 1e-30) - np->ln_h_bulk, dlnh = posh ? 1 / c[sh] : 0;
    const PetscReal lnoh = PetscLogReal(posoh ? c[np->s_oh] : 1e-30) - np->ln_oh_bulk, dlnoh = posoh ? 1 / c[np->s_oh] : 0;
    el = *e;
    for (PetscInt n = 0; n < nr; n++) {
      const AzReaction *r  = &e->reaction[n];
      const PetscInt    sx = np->sx[which][n];
      lnq[n]               = AzReactionLnQ(r, c) + np->nx[which][n] * (sx == sh ? lnh : lnoh);
      for (PetscInt t = 0; t < dof; t++) dq[n][t] = 0;
      for (PetscInt v = 0; v < r->nvar; v++) dq[n][r->var[v]] += c[r->var[v]] > 1e-30 ? r->var_nu[v] / c[r->var[v]] : 0;
      dq[n][sx] += np->nx[which][n] * (sx == sh ? dlnh : dlnoh);
      el.reaction[n].i0 = r->i0 * PetscExpReal(PetscMin(r->h_order * lnh, 300.0));
      dth[n]            = r->h_order * dlnh;
    }
  }
  // the main reactant's surface concentration and its derivatives in the reactant's cell value (dcs[sr]), the
  // potential (via u), and each reaction's quotient and H+ factor
  {
    PetscReal dcs_dq[AZ_MAX_ELECTRODE_REACTIONS] = {0}, dcs_dth[AZ_MAX_ELECTRODE_REACTIONS] = {0}, dcs_du = 0;
    for (PetscInt t = 0; t < dof; t++) dcs[t] = 0;
    if (sr >= 0 && d <= 0) {  // a catalyst layer's volume: the kinetics at the cell's own reactant (its film is kla's)
      f->c_s = c[sr];
      AzSurfaceEvaluate(&el, f->c_s, u, T, lnq, c, &k);
      dcs[sr] = 1;
    } else if (sr >= 0) {
      const PetscReal g = D_r / d;
      f->c_s            = AzSurfaceConcentration(&el, c[sr], g, u, T, lnq, c);
      AzSurfaceEvaluate(&el, f->c_s, u, T, lnq, c, &k);
      const PetscReal den = g + k.cons_c;
      dcs[sr]             = g / den;
      dcs_du              = -k.cons_u / den;
      for (PetscInt n = 0; n < nr; n++) {
        if (el.reaction[n].reactant != sr) continue;
        const PetscReal nF = AzChargePerReactant(&el.reaction[n]);
        dcs_dq[n]          = -k.i_q[n] / nF / den;
        dcs_dth[n]         = -k.i[n] / nF / den;
      }
    } else
      AzSurfaceEvaluate(&el, 0, u, T, lnq, c, &k);
    for (PetscInt t = 0; t < dof; t++) {  // the chain rule through u = E - phi, lnq and theta
      if (t == sp) dcs[t] -= dcs_du;
      for (PetscInt n = 0; n < nr; n++) dcs[t] += dcs_dq[n] * dq[n][t] + (t == sh ? dcs_dth[n] * dth[n] : 0);
    }
  }
  for (PetscInt n = 0; n < nr; n++) {
    f->i[n] = k.i[n];
    f->current += k.i[n];
    for (PetscInt t = 0; t < dof; t++) {
      di[n][t] = k.i_c[n] * dcs[t] + k.i_q[n] * dq[n][t] + (t == sh ? k.i[n] * dth[n] : 0) - (t == sp ? k.i_u[n] : 0);
      f->dcur[t] += di[n][t];
    }
  }
  // formation: the reactant's from the half cell's diffusion (the transport side of its balance), the others' from the
  // reactions' rates
  for (PetscInt t = 0; t < dof; t++) {
    if (t == sp) continue;
    if (t == sr && d > 0) {
      const PetscReal g = D_r / d;
      f->P[t]           = -g * (c[sr] - f->c_s);
      for (PetscInt v = 0; v < dof; v++) f->dP[t][v] = -g * ((v == sr ? 1 : 0) - dcs[v]);
    }
    for (PetscInt n = 0; n < nr; n++) {
      const PetscReal nu = np->nu[which][n][t];
      if (nu == 0 || (t == sr && d > 0 && e->reaction[n].reactant == sr)) continue;
      const PetscReal per = nu / (e->reaction[n].info->n * AZ_FARADAY);
      f->P[t] += per * k.i[n];
      for (PetscInt v = 0; v < dof; v++) f->dP[t][v] += per * di[n][v];
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
