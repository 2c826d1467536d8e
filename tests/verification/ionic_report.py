"""What the ionic model (electrolyte_model tertiary) reports beyond the pH: the potentials on the SHE scale and against
the surface's RHE, and how the ammonia the electrode makes leaves the cell, NH3 and NH4+ apart (solver/npreport.c).

1. Potentials. azote's potentials are against the RHE of the bulk; the RHE sits at E_SHE + (RT ln 10/F) pH (Bard &
   Faulkner, Electrochemical Methods, 2nd ed. (2001), §2.1): 59.16 mV per pH at 25 °C, 66.10 mV at 60 °C. Checked in
   the H-cell's steady Nernst layer in 0.1 M KOH (pH = pK_w - 1 = 12.995 at 25 °C with pK_w 13.995 from Wagman et al.,
   J. Phys. Chem. Ref. Data 11, suppl. 2 (1982), the 1 uM of ammonia every case holds shifting it by < 1e-4) and
   in 0.1 M phosphate (PBS) brought to pH 7.00 with HCl, at 25 and 60 °C:
     potential_V_SHE = E - s pH_bulk,  iR_free_potential_V_RHE_surf = E_iR-free + s (pH_surf - pH_bulk),
     HER's equilibrium potential at the surface pH = -s pH_surf vs SHE (E° = 0 vs RHE by the RHE's definition),
   s = RT ln 10 / F from CODATA 2018's R and F here, to 1e-12 V (the arithmetic's round-off).
2. The ammonia. N2 + 6 H2O + 6 e- -> 2 NH3 + 6 OH- (solver/reactions.c: n = 6, 2 NH3): the N2RR current i over the
   area A makes i A / (3F) mol/s of NH3 + NH4+. Flow cell: what the outlet carries out less what the inlet brings
   (nh3_added + nh4_added) equals it to 1e-10 (the discrete element balance; measured ~1e-15). H-cell: what crosses from
   the Nernst layer into the held bulk equals it to 1e-10 (measured 5e-13 to 5e-12 where Newton ends at its floor in
   ~25 iterations; a 0.1 M KCl layer at -0.3 V that crawls 66 iterations ends at 2e-10 and is not used here).
   The outlet's free fraction against Henderson-Hasselbalch, f = 1/(1 + 10^(pK_a - pH)), pK_a of NH4+ from the same
   NBS Gibbs energies (NH3(aq) -26.50, NH4+ -79.31 kJ/mol: 9.2519 at 25 °C; Bates & Pinching, J. Res. NBS 42, 419
   (1949), measured 9.245) at the outlet's flow-weighted mean pH, in 0.1 M phosphate at pH 8 (f ~ 5 %, where f moves
   by (1 - f) ln 10 = 2.2 relative per pH unit). HH holds cell by cell (NH4+ <-> NH3 + H+ relaxes in microseconds);
   for the mixed cup of a whole outlet it holds at the mean pH only where the outlet's pH is uniform: at 0.018 mL/min
   the outlet is equilibrated across the channel (its pH spread, from fields.h5, < 0.002), the first-order terms of
   the spread cancel and the rest is ~ (ln 10 x spread)^2 / 2 < 1e-5: limit 1e-3 relative. At 1 mL/min the ammonia
   leaves concentrated on the electrode's side (the outlet pH spread 0.056) and the mixed cup is 3 % off HH at the
   mean pH: printed, not a failure of the model."""
import math
import os

import h5py
import numpy as np
from azrun import case, check, finish, run, summary, tmpdir

F, R = 96485.33212, 8.314462618
PKW25 = 13.995  # Wagman et al. 1982 (docs/ionic.md)
PKA_NH4 = 52.81e3 / (R * 298.15 * math.log(10))  # dGf NH3(aq) -26.50, NH4+ -79.31 kJ/mol (Wagman et al. 1982)
HCELL = ["-case", case("hcell.yaml"), "-quiet", "-time_end", "0", "-electrolyte_model", "tertiary", "-hcell_electrode_area", "1e-3",
         "-mesh_ny", "4", "-hcell_delta", "1e-4"]
FLOW = ["-case", case("flowcell-ph.yaml"), "-quiet"]


def solve(base, args):
    d = tmpdir()
    run(base + ["-output_dir", d] + args)
    return summary(d), d


# 1. potentials vs SHE and vs the surface's RHE
for T, electrolyte, extra, E in ((298.15, "KOH:0.1", [], -0.3), (333.15, "KOH:0.1", [], -0.3),
                                 (298.15, "PBS:0.1", ["-electrolyte_ph", "7", "-electrolyte_ph_titrant", "HCl"], -0.2)):
    s, _ = solve(HCELL, ["-operating_temperature", str(T), "-electrolyte", electrolyte, "-electrode_potential", str(E)] + extra)
    e, m = s["electrode"], s["metrics"]
    slope = R * T * math.log(10) / F
    print("%s at %.2f K, %g V vs RHE: pH bulk %.4f, surface %.4f; %.3f mV/pH; %.6f V vs SHE (iR-free %.6f), iR-free %.6f V vs the "
          "surface's RHE" % (electrolyte, T, E, m["ph_bulk"], m["ph_surf_mean"], 1e3 * e["nernst_slope_V_per_pH"], e["potential_V_SHE"],
                             e["iR_free_potential_V_SHE"], e["iR_free_potential_V_RHE_surf"]))
    check(abs(e["nernst_slope_V_per_pH"] - slope) < 1e-12, "Nernst slope %.12g against %.12g" % (e["nernst_slope_V_per_pH"], slope))
    if T == 298.15:
        check(abs(slope - 0.05916) < 5e-6, "59.16 mV/pH at 25 °C: %g" % slope)
    check(abs(e["potential_V_SHE"] - (E - slope * m["ph_bulk"])) < 1e-12, "E vs SHE %.12g" % e["potential_V_SHE"])
    check(abs(e["rhe_bulk_V_SHE"] + slope * m["ph_bulk"]) < 1e-12, "the bulk RHE vs SHE %.12g" % e["rhe_bulk_V_SHE"])
    check(abs(e["iR_free_potential_V_SHE"] - (e["iR_free_potential_V_RHE"] - slope * m["ph_bulk"])) < 1e-12, "iR-free vs SHE")
    check(abs(e["iR_free_potential_V_RHE_surf"] - (e["iR_free_potential_V_RHE"] + slope * (m["ph_surf_mean"] - m["ph_bulk"]))) < 1e-12,
          "iR-free vs the surface's RHE %.12g" % e["iR_free_potential_V_RHE_surf"])
    check(abs(e["equilibrium_potentials_surf"]["her_V_SHE"] + slope * m["ph_surf_mean"]) < 1e-12, "HER's equilibrium vs SHE")
    check(abs(e["equilibrium_potentials_surf"]["her_V_RHE"] + slope * (m["ph_surf_mean"] - m["ph_bulk"])) < 1e-12,
          "HER's equilibrium vs the bulk RHE")
    # the bulk pH behind the conversion, in closed form at 25 °C
    if T == 298.15 and electrolyte == "KOH:0.1":
        check(abs(m["ph_bulk"] - (PKW25 - 1)) < 1e-3, "0.1 M KOH: pH %g against %g" % (m["ph_bulk"], PKW25 - 1))
        check(abs(e["potential_V_SHE"] - (E - 0.0591594 * (PKW25 - 1))) < 1e-4, "0.1 M KOH: %g V vs SHE" % e["potential_V_SHE"])
    if electrolyte == "PBS:0.1":
        check(abs(e["potential_V_SHE"] - (E - 0.0591594 * 7)) < 1e-5, "PBS at pH 7: %g V vs SHE" % e["potential_V_SHE"])


def n2rr_nitrogen(s):
    """N made as NH3 + NH4+ by the N2RR current, mol/s: 2 NH3 per 6 electrons."""
    return s["metrics"]["i_n2rr_A_m2"] * s["cell_info"]["electrode_area_model_m2"] / (3 * F)


# 2. the ammonia leaving the flow cell: element balance, and Henderson-Hasselbalch at an equilibrated outlet
PBS8 = ["-electrolyte", "PBS:0.1", "-electrolyte_ph", "8", "-electrolyte_ph_titrant", "KOH", "-electrode_potential", "-0.1"]
for args, equilibrated in ((["-electrode_potential", "-0.2"], False), (PBS8, False), (PBS8 + ["-flowcell_flow_rate", "3e-10"], True)):
    s, d = solve(FLOW, args)
    o, made = s["ammonia"]["outlet"], n2rr_nitrogen(s)
    rel = (o["nh3_added_mol_s"] + o["nh4_added_mol_s"]) / made - 1
    check(abs(rel) < 1e-10, "flow cell: N leaving %.12g mol/s against %.12g made by the N2RR (%.3g)"
          % (o["nh3_added_mol_s"] + o["nh4_added_mol_s"], made, rel))
    check(abs(s["products"]["n2rr"]["rate_mol_s"] / made - 1) < 1e-12, "the products section's rate")
    check(abs(o["nh3_free_fraction"] - o["nh3_mol_s"] / (o["nh3_mol_s"] + o["nh4_mol_s"])) < 1e-14, "free fraction of the outlet")
    ph = np.array(h5py.File(os.path.join(d, "fields.h5"), "r")["ph"])
    spread = ph[:, -1].max() - ph[:, -1].min()  # the outlet column (x last)
    hh = 1 / (1 + 10 ** (PKA_NH4 - o["ph_mean"]))
    print("flow cell %s: N balance %.2e; outlet %.4g mol/s NH3 + %.4g NH4+, free fraction %.6f, HH at the mean pH %.4f: %.6f "
          "(%.2e relative), outlet pH spread %.4f" % (" ".join(args), rel, o["nh3_mol_s"], o["nh4_mol_s"], o["nh3_free_fraction"],
                                                      o["ph_mean"], hh, o["nh3_free_fraction"] / hh - 1, spread))
    check(ph[:, -1].min() - 1e-12 <= o["ph_mean"] <= ph[:, -1].max() + 1e-12, "the outlet's mean pH lies within its cells'")
    if equilibrated:
        check(spread < 2e-3, "the slow outlet is equilibrated: pH spread %g" % spread)
        check(abs(o["nh3_free_fraction"] / hh - 1) < 1e-3, "free fraction %.6f against Henderson-Hasselbalch %.6f at pH %.4f"
              % (o["nh3_free_fraction"], hh, o["ph_mean"]))

# the H-cell's Nernst layer: what crosses into the bulk, NH3 and NH4+ apart
for args in (["-electrolyte", "KCl:1", "-electrode_potential", "-0.5"], ["-electrolyte", "PBS:0.1", "-electrode_potential", "-0.3"]):
    s, _ = solve(HCELL, args)
    b, made = s["ammonia"]["into_bulk"], n2rr_nitrogen(s)
    rel = (b["nh3_mol_s"] + b["nh4_mol_s"]) / made - 1
    print("H-cell %s: into the bulk %.4g mol/s NH3 + %.4g NH4+ (free fraction %.4f; at the surface %.4f), N balance %.2e"
          % (" ".join(args), b["nh3_mol_s"], b["nh4_mol_s"], b["nh3_free_fraction"], s["surface"]["nh3_free_fraction"], rel))
    check(abs(rel) < 1e-10, "H-cell: N into the bulk %.12g against %.12g made (%.3g)" % (b["nh3_mol_s"] + b["nh4_mol_s"], made, rel))
    check("outlet" not in s["ammonia"], "the H-cell has no outlet")
finish()
