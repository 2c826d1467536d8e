"""The H-cell's products and two gases (issue 21), through the azote program:

  nitrate from an N2OR anode (N2RR || N2OR full cell): the nitrate in the cell is what the anode's N2OR current made,
      produced = sum over the time steps of dt i_N2OR A / (5 F) (backward Euler's weights, 2 NO3- per 10 e-), computed
      here from timeseries.csv's own i_n2or column, to 1e-10; no3_balance_rel below 1e-10; with an impermeable membrane
      none crosses (exactly 0) and the anolyte holds it all, c = produced / V_anolyte; with a permeable one some does,
      the more the more permeable;
  two gases in two compartments (ORR cathode in O2-bubbled catholyte || N2OR anode in N2-bubbled anolyte): the
      catholyte holds no N2 and the anolyte no O2 beyond what the electrodes make, each compartment stays near its own
      gas's saturation, the charge balances to 1e-10 and O2 (the cathode's reactant) to 1e-8;
  the nitrate reported as NH3 is: summary.json's c_no3_anolyte_mg_L beside its umol/L, the console's line for the anolyte
      (and none for the NH3 an ORR cathode does not make)."""
import csv
import os

import h5py

from azrun import case, check, finish, run, summary, tmpdir

F = 96485.33212
FULL = ["-electrolyte_potential", "true", "-anode_reaction", "n2or", "-cell_voltage", "2.5", "-kinetics_oer_i0", "8.53e-4",
        "-kinetics_oer_alpha", "0.558", "-kinetics_n2or_i0", "2.6e-4", "-time_end", "30", "-time_output_interval", "30", "-mesh_nx", "60",
        "-mesh_ny", "16", "-hcell_anode_width", "2e-3", "-hcell_anode_bubbling", "true"]


def table(d):
    return list(csv.DictReader(open(os.path.join(d, "timeseries.csv"))))


crossed = {}
for perm in (0, 1e-10, 1e-9):
    d = tmpdir()
    run(["-case", case("hcell.yaml"), "-output_dir", d, "-quiet", "-hcell_membrane_no3_permeability", str(perm)] + FULL)
    s, rows = summary(d), table(d)
    area, depth = s["inputs"]["hcell_electrode_area"], s["inputs"]["hcell_depth"]
    made, prev = 0.0, 0.0
    for r in rows:  # backward Euler: the rate at each step's end
        t = float(r["time_s"])
        made += (t - prev) * float(r["i_n2or_A_m2"]) * area / (5 * F)
        prev = t
    tr = s["transient"]
    v_an = s["inputs"]["hcell_anode_width"] * s["inputs"]["hcell_height"] * depth
    crossed[perm] = tr["no3_crossed_umol"]
    print("membrane P_NO3 %g m2/s: NO3- produced %.10g umol (from i_n2or %.10g), crossed %.4g umol, anolyte %.6g umol/L, balance %.1e" % (
        perm, tr["no3_produced_umol"], 1e6 * made, tr["no3_crossed_umol"], tr["c_no3_anolyte_umol_L"], tr["no3_balance_rel"]))
    check(abs(tr["no3_produced_umol"] / (1e6 * made) - 1) < 1e-10, "nitrate produced %.12g vs %.12g from the current" % (tr["no3_produced_umol"],
                                                                                                                    1e6 * made))
    check(tr["no3_balance_rel"] < 1e-10, "nitrate balance %g" % tr["no3_balance_rel"])
    check(s["full_cell"]["charge_balance_rel"] < 1e-10, "charge balance %g" % s["full_cell"]["charge_balance_rel"])
    # the same output as NH3's: the anolyte's nitrate in mg/L (62.0049 g/mol, NO3-) in summary.json and on the console
    check(abs(tr["c_no3_anolyte_mg_L"] - tr["c_no3_anolyte_umol_L"] * 62.0049e-3) <= 1e-12 * tr["c_no3_anolyte_mg_L"],
          "c_no3_anolyte_mg_L %r for %r umol/L" % (tr.get("c_no3_anolyte_mg_L"), tr["c_no3_anolyte_umol_L"]))
    if perm == 0:
        _, out = run(["-case", case("hcell.yaml"), "-output_dir", tmpdir(), "-hcell_membrane_no3_permeability", "0"] + FULL)
        line = "azote: NO3- in the anolyte after 30 s: %.4g uM (%.4g mg/L)" % (tr["c_no3_anolyte_umol_L"], tr["c_no3_anolyte_mg_L"])
        check(line in out.splitlines(), "the console lacks %r:\n%s" % (line, out))
        check(tr["no3_crossed_umol"] == 0, "an impermeable membrane let %g umol of nitrate through" % tr["no3_crossed_umol"])
        check(abs(tr["c_no3_anolyte_umol_L"] * 1e-3 * v_an * 1e6 / tr["no3_produced_umol"] - 1) < 1e-10,
              "the anolyte holds %g umol/L, produced / V = %g" % (tr["c_no3_anolyte_umol_L"], tr["no3_produced_umol"] / (v_an * 1e3)))
check(0 < crossed[1e-10] < crossed[1e-9], "nitrate crossing must grow with the permeability: %s" % crossed)

# two gases in two compartments
d = tmpdir()
run(["-case", case("hcell.yaml"), "-output_dir", d, "-quiet", "-electrolyte_potential", "true", "-anode_reaction", "n2or", "-electrode_reaction",
     "orr", "-gas_composition", "O2:1", "-hcell_anode_gas_composition", "N2:1", "-hcell_anode_bubbling", "true", "-cell_voltage", "0.9",
     "-kinetics_orr_i0", "1e-4", "-kinetics_orr_alpha", "0.85", "-kinetics_orr_order", "0.5", "-kinetics_oer_i0", "8.53e-4",
     "-kinetics_oer_alpha", "0.558", "-kinetics_n2or_i0", "2.6e-4", "-electrolyte", "KOH:1", "-time_end", "30", "-time_output_interval", "30",
     "-mesh_nx", "60", "-mesh_ny", "16"])
s = summary(d)
with h5py.File(os.path.join(d, "fields.h5"), "r") as h:  # the final state
    reg, c_o2, c_n2 = h["region"][...], h["c_o2"][...], h["c_n2"][...]
cath, anol = reg == 1, reg == 3  # the regions: nernst_layer, catholyte, membrane, anolyte
props = s["properties"]
print("two gases: catholyte O2 %.4g mM, N2 %.3g mM; anolyte O2 %.3g mM, N2 %.4g mM (c_sat O2 %.4g under O2:1); charge %.1e, O2 balance %.1e" % (
    c_o2[cath].mean(), c_n2[cath].mean(), c_o2[anol].mean(), c_n2[anol].mean(), props["c_sat_o2_mol_m3"], s["full_cell"]["charge_balance_rel"],
    s["metrics"]["mass_balance_rel"]))
check(c_n2[cath].max() < 1e-6 * c_n2[anol].mean(), "the O2-bubbled catholyte holds N2: %g mM" % c_n2[cath].max())
check(c_o2[cath].mean() > 0.9 * props["c_sat_o2_mol_m3"], "the catholyte's O2 is not near saturation: %g" % c_o2[cath].mean())
check(c_n2[anol].mean() > 0.1, "the N2-bubbled anolyte holds too little N2: %g mM" % c_n2[anol].mean())
check(s["full_cell"]["charge_balance_rel"] < 1e-10, "two gases: charge balance %g" % s["full_cell"]["charge_balance_rel"])
check(s["metrics"]["mass_balance_rel"] < 1e-8, "two gases: O2 balance %g" % s["metrics"]["mass_balance_rel"])
check(s["metrics"]["i_orr_A_m2"] > 0 and s["metrics"]["i_n2or_A_m2"] > 0, "two gases: no ORR or no N2OR current")
_, out = run(["-case", case("hcell-orr-n2or.yaml"), "-output_dir", tmpdir(), "-time_end", "30", "-time_output_interval", "30"])
check("NO3- in the anolyte after 30 s" in out and "NH3 in the catholyte" not in out,
      "an ORR cathode's H-cell must report the anolyte's nitrate and no catholyte NH3:\n%s" % out)
finish()
