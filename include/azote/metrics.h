// azote — the metrics of a run (DESIGN §5): what reaches the electrode and what that caps.
#pragma once

#include <azote/transport.h>

// The metrics follow the reaction table (include/azote/reactions.h): after the concentration metrics, i_<name>_A_m2 of
// every row reported on every cathode (N2RR, HER; 0 where it does not run, or where the working electrode is an
// anode), i_total_A_m2, those rows' faradaic efficiencies and production rates (fe_nh3, nh3_rate_ug_h_cm2), the
// N2RR limit and the transport numbers; then, for a working anode or a full cell's anode, the rows reported on every
// anode (i_n2or_A_m2, i_oer_A_m2: anodic positive; fe_no3, no3_rate_ug_h_cm2; per anode area for a full cell) and a
// working anode's i_lim_<name>_A_m2; a main reaction reported only where it runs (ORR) adds i_<name>_A_m2,
// i_lim_<name>_A_m2 and D_<reactant>_m2_s (D_n2_m2_s is then 0: N2 is not solved); any other reaction that runs
// (a side reaction from electrode_side_reactions) adds its i_<name>_A_m2 and its product's metrics.
// A faradaic efficiency is the reaction's share of the charge its electrode passes in the electrode's own direction
// (reductions on a cathode, oxidations on an anode); a production rate is signed (negative: the product is consumed).
typedef struct {
  PetscInt              nreaction;
  const AzReactionInfo *info[AZ_MAX_ELECTRODE_REACTIONS];
  PetscReal             i[AZ_MAX_ELECTRODE_REACTIONS];  // current density per its electrode's area, A m^-2, cathodic positive
} AzElectrodeCurrents;

typedef struct {
  const AzReactionInfo *main;                // the working electrode's main reaction
  AzElectrodeCurrents   working, anode;      // every reaction's current density on each electrode
  PetscBool             has_anode;           // a full cell: the anode's metrics follow
  PetscReal             c_bulk_mol_m3;       // saturated inlet/bulk reactant
  PetscReal             c_surf_mean_mol_m3;  // electrode-area average of the surface concentration
  PetscReal             c_surf_min_mol_m3;
  PetscReal             depletion;               // 1 - c_surf_mean / c_bulk
  PetscReal             area_fraction_depleted;  // electrode fraction (area, or catalyst-layer volume) with c_s < 0.1 c_bulk
  PetscReal             i_total_A_m2;            // per geometric electrode area, cathodic positive
  PetscReal             damkohler;               // kinetic current of the main reaction at c_bulk / i_lim
  PetscReal             sherwood;                // k_m L / D, k_m = i_lim / (n F c_bulk), L the template's length
  PetscReal             n2_conversion;           // dissolved N2 consumed / fed (0 where the problem does not carry N2)
  PetscReal             reactant_conversion;     // the same for the main reaction's reactant (N2, or O2 for the ORR)
  PetscReal             mass_balance_rel;        // |in - out - consumed| / in (steady)
  PetscReal             electrode_area_m2;       // geometric (projected) electrode area
  PetscReal             roughness;               // electrochemical area per geometric area (1 for a flat electrode)
  PetscReal             i_main_A_m2;             // the main reaction's current density (signed, cathodic positive)
  PetscReal             i_lim_A_m2;              // the main reaction's limiting current density (magnitude)
  PetscReal             D_reactant_m2_s;         // diffusivity of the main reaction's reactant
  PetscReal             anode_current_A;         // anodic current of a full cell's anode (positive)
  PetscReal             phi_s_anode_mean_V;      // electrolyte potential at the anode's surface, area average
  PetscReal             phi_s_mean_V;  // electrolyte potential at the electrode surface, area average, vs the counter (0 if not solved)
  AzBalance             balance;       // mol s^-1
  // the ionic model (solver/npmetrics.c): pH of the bulk and over the electrode (area mean, min, max), and the
  // surface section of summary.json, every species' area-mean surface concentration (mol m^-3)
  PetscBool            has_ph;
  PetscReal            ph_bulk, ph_surf_mean, ph_surf_min, ph_surf_max;
  PetscInt             nsurf;
  const AzSpeciesInfo *surf_info[AZ_MAX_SPECIES + 1];  // the species table's row
  PetscReal            surf[AZ_MAX_SPECIES + 1];
} AzMetrics;

// Which metrics there are depends only on the electrodes' reactions: sets them in m (the rest untouched).
PETSC_EXTERN PetscErrorCode AzMetricsSetShape(const AzElectrode *working, const AzElectrode *anode, AzMetrics *m);
// The current density of reaction `name` on the working electrode (A m^-2, cathodic positive; 0 if it does not run).
PETSC_EXTERN PetscReal AzMetricsCurrent(const AzMetrics *m, const char name[]);

// The ionic model's pH metrics and surface concentrations of the current solution (solver/npmetrics.c). Collective.
PETSC_EXTERN PetscErrorCode AzNPMetrics(AzProblem *p, AzMetrics *m);
// The ionic model's derived cell fields (solver/npmetrics.c): the pH and the concentration of the ion electroneutrality
// gives (its field's name, "c_<key>", into name), into vectors of one dof on the grid. Collective.
PETSC_EXTERN PetscErrorCode AzNPFields(AzProblem *p, Vec ph, Vec ce, char name[], size_t len);
// The ionic model's conservation over the domain (solver/npmetrics.c): the largest relative residual of an element
// other than H and O (the sum of its species' balances against its outlet throughput and the electrode's formation
// scale, i/F) and of the charge (against the electrode's current); -1 both where a region is held at the bulk's
// composition (a reservoir). Collective.
PETSC_EXTERN PetscErrorCode AzNPConservation(AzProblem *p, PetscReal *element_rel, PetscReal *charge_rel);
// A species' area-mean surface concentration by its table name ("NH4+"; mol m^-3; 0 where the problem lacks it).
PETSC_EXTERN PetscReal AzMetricsSurface(const AzMetrics *m, const char name[]);
// Electrode averages, balance and derived numbers of the current solution (i_lim, damkohler and sherwood need the
// main reaction's limiting current, given to AzMetricsFinish).
PETSC_EXTERN PetscErrorCode AzMetricsCompute(AzProblem *p, PetscReal c_bulk, PetscReal D, AzMetrics *m);
PETSC_EXTERN PetscErrorCode AzMetricsFinish(AzProblem *p, PetscReal i_lim, PetscReal sherwood_length, AzMetrics *m);

// Calls fn(name, value, ctx) for every metric, in the contract's order (one list for summary.json, stdout and tables).
PETSC_EXTERN PetscErrorCode AzMetricsForEach(const AzMetrics *m, PetscErrorCode (*fn)(const char *, PetscReal, void *), void *ctx);
// The same list as arrays: *n metrics (at most max, else an error), their names and values (either may be NULL).
// A zeroed AzMetrics with its shape set (AzMetricsSetShape) gives the names.
PETSC_EXTERN PetscErrorCode AzMetricsList(const AzMetrics *m, PetscInt max, PetscInt *n, const char *names[], PetscReal values[]);
