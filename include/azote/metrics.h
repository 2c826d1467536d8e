// azote — the metrics of a run (DESIGN §5): what reaches the electrode and what that caps.
#pragma once

#include <azote/transport.h>

// With another main reaction than N2RR (electrode_reaction n2or or orr) the concentration metrics are those of its
// reactant (N2, or O2 for the ORR), the N2RR metrics are zero, and the reaction's own metrics follow the common ones:
//   n2or: i_n2or_A_m2 (anodic positive), i_oer_A_m2 (anodic positive), fe_no3, no3_rate_ug_h_cm2, i_lim_n2or_A_m2
// A full cell's anode adds i_n2or_A_m2, i_oer_A_m2, fe_no3 and no3_rate_ug_h_cm2 (per anode area).
//   orr:  i_orr_A_m2, i_lim_orr_A_m2, D_o2_m2_s (D_n2_m2_s is then 0: N2 is not solved)
typedef struct {
  AzElectrodeReaction kind;
  PetscReal           c_bulk_mol_m3;       // saturated inlet/bulk reactant
  PetscReal           c_surf_mean_mol_m3;  // electrode-area average of the surface concentration
  PetscReal           c_surf_min_mol_m3;
  PetscReal           depletion;               // 1 - c_surf_mean / c_bulk
  PetscReal           area_fraction_depleted;  // electrode fraction (area, or catalyst-layer volume) with c_s < 0.1 c_bulk
  PetscReal           i_n2rr_A_m2;             // per geometric electrode area, cathodic positive
  PetscReal           i_her_A_m2;
  PetscReal           i_total_A_m2;
  PetscReal           fe_nh3;              // i_n2rr / i_total
  PetscReal           nh3_rate_ug_h_cm2;   // NH3 production, 2 NH3 per N2
  PetscReal           i_lim_n2rr_A_m2;     // N2RR current of the same case in limiting mode
  PetscReal           damkohler;           // kinetic N2RR current at c_bulk / i_lim
  PetscReal           sherwood;            // k_m L / D, k_m = i_lim / (n F c_bulk), L the template's length
  PetscReal           n2_conversion;       // consumed / fed
  PetscReal           mass_balance_rel;    // |in - out - consumed| / in (steady)
  PetscReal           D_n2_m2_s;           // N2 diffusivity in the free electrolyte
  PetscReal           electrode_area_m2;   // geometric (projected) electrode area
  PetscReal           roughness;           // electrochemical area per geometric area (1 for a flat electrode)
  PetscReal           i_main_A_m2;         // the main reaction's current density (signed, cathodic positive)
  PetscReal           i_side_A_m2;         // the side reaction's
  PetscReal           i_lim_A_m2;          // the main reaction's limiting current density (magnitude)
  PetscReal           D_reactant_m2_s;     // diffusivity of the main reaction's reactant
  PetscBool           has_anode;           // a full cell: the N2OR metrics are the anode's, per anode area
  PetscReal           anode_current_A;     // anodic current of a full cell's anode (positive)
  PetscReal           phi_s_anode_mean_V;  // electrolyte potential at the anode's surface, area average
  PetscReal           i_n2or_A_m2, i_oer_A_m2, fe_no3, no3_rate_ug_h_cm2, i_orr_A_m2;  // anodic ones positive
  PetscReal           phi_s_mean_V;  // electrolyte potential at the electrode surface, area average, vs the counter (0 if not solved)
  AzBalance           balance;       // mol s^-1
} AzMetrics;

// Electrode averages, balance and derived numbers of the current solution (i_lim, damkohler and sherwood need the
// main reaction's limiting current, given to AzMetricsFinish).
PETSC_EXTERN PetscErrorCode AzMetricsCompute(AzProblem *p, PetscReal c_bulk, PetscReal D, AzMetrics *m);
PETSC_EXTERN PetscErrorCode AzMetricsFinish(AzProblem *p, PetscReal i_lim, PetscReal sherwood_length, AzMetrics *m);

// Calls fn(name, value, ctx) for every metric, in the contract's order (one list for summary.json, stdout and tables);
// the reaction's own metrics (m->kind) come last.
PETSC_EXTERN PetscErrorCode AzMetricsForEach(const AzMetrics *m, PetscErrorCode (*fn)(const char *, PetscReal, void *), void *ctx);
// The same list as arrays: *n metrics (at most max, else an error), their names and values (either may be NULL).
// Which metrics there are depends only on m->kind and m->has_anode: a zeroed AzMetrics with those set gives the names.
PETSC_EXTERN PetscErrorCode AzMetricsList(const AzMetrics *m, PetscInt max, PetscInt *n, const char *names[], PetscReal values[]);
