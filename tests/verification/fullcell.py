"""Full cells (DESIGN §2; seed review Table 4): a cathode and an anode in one flow cell, the current crossing the
electrolyte between them.

  parallel plates: HER cathode and OER anode spanning the whole channel, 1-D across the gap of height h, run at a
      fixed current i: the cell voltage must be the sum of the two Tafel overpotentials, the equilibrium voltage and
      the ohmic drop,
        V = [E_eq,OER + RT/(alpha_a F) ln(i/i0_OER)] - [E_eq,HER - RT/(alpha_c F) ln(i/i0_HER)] + i h / kappa,
      to 1e-8, and each electrode's reported potential its own term to 1e-8;
  the four pairings of Table 4 (cases/fullcell-*.yaml): cathodic current = anodic current to 1e-10
      (charge_balance_rel), the N2 (or O2) balance below 1e-8, and each cell makes what it should (NH3 where N2 is
      reduced, nitrate where it is oxidised, nothing else), with faradaic efficiencies in (0, 1];
  the H-cell as a full cell in time (N2RR cathode || N2OR anode across the membrane, 30 s): charge balance to 1e-10,
      and the NH3 made at the cathode alone in the cell to 1e-8 while both electrodes consume N2."""
import math

from azrun import case, check, finish, run, summary, tmpdir

F, R = 96485.33212, 8.314462618

# parallel plates
d = tmpdir()
i_set, kappa = 50.0, 5.0
run(["-case", case("fullcell-n2rr-oer.yaml"), "-output_dir", d, "-quiet", "-kinetics_n2rr_i0", "0", "-flowcell_electrode_start", "0",
     "-flowcell_electrode_end", "0.03", "-electrode_current", str(i_set), "-electrolyte_conductivity", str(kappa)])
s = summary(d)
cell, inp = s["full_cell"], s["inputs"]
T, h = inp["operating_temperature"], inp["flowcell_height"]
b_c = R * T / (inp["kinetics_her_alpha"] * F)
b_a = R * T / (inp["kinetics_oer_alpha"] * F)
E_c = inp["kinetics_her_e_eq"] - b_c * math.log(i_set / inp["kinetics_her_i0"])
E_a = inp["kinetics_oer_e_eq"] + b_a * math.log(i_set / inp["kinetics_oer_i0"])
V = E_a - E_c + i_set * h / kappa
print("parallel plates at %g A/m2: cell voltage %.10f V, analytic %.10f V (%.2e); cathode %.10f (%.2e), anode %.10f (%.2e), "
      "ohmic %.3e V (%.2e)" % (i_set, cell["cell_voltage_V"], V, cell["cell_voltage_V"] - V, cell["cathode_potential_V_RHE"],
                               cell["cathode_potential_V_RHE"] - E_c, cell["anode_potential_V_RHE"], cell["anode_potential_V_RHE"] - E_a,
                               cell["ohmic_drop_V"], cell["ohmic_drop_V"] / (i_set * h / kappa) - 1))
check(abs(cell["cell_voltage_V"] - V) <= 1e-8, "cell voltage %.12g V vs %.12g V" % (cell["cell_voltage_V"], V))
check(abs(cell["cathode_potential_V_RHE"] - E_c) <= 1e-8, "cathode potential %.12g vs %.12g" % (cell["cathode_potential_V_RHE"], E_c))
check(abs(cell["anode_potential_V_RHE"] - E_a) <= 1e-8, "anode potential %.12g vs %.12g" % (cell["anode_potential_V_RHE"], E_a))
check(abs(cell["ohmic_drop_V"] / (i_set * h / kappa) - 1) <= 1e-8, "ohmic drop %.12g vs i h / kappa" % cell["ohmic_drop_V"])

# the four pairings of Table 4
expect = {  # metric -> must be positive (True) or zero (False)
    "fullcell-n2rr-oer.yaml": {"i_n2rr_A_m2": True, "i_oer_A_m2": True, "i_n2or_A_m2": False},
    "fullcell-orr-n2or.yaml": {"i_orr_A_m2": True, "i_n2or_A_m2": True, "i_n2rr_A_m2": False},
    "fullcell-her-n2or.yaml": {"i_her_A_m2": True, "i_n2or_A_m2": True, "i_n2rr_A_m2": False},
    "fullcell-n2rr-n2or.yaml": {"i_n2rr_A_m2": True, "i_n2or_A_m2": True, "i_her_A_m2": True},
}
for name, signs in expect.items():
    d = tmpdir()
    run(["-case", case(name), "-output_dir", d, "-quiet"])
    s = summary(d)
    cell, m = s["full_cell"], s["metrics"]
    print("%s: V %.4f V, cathode %.4f V, anode %.4f V, ohmic %.2e V, I %.4g A, charge balance %.1e, %s" % (
        name, cell["cell_voltage_V"], cell["cathode_potential_V_RHE"], cell["anode_potential_V_RHE"], cell["ohmic_drop_V"],
        cell["current_cathode_A"], cell["charge_balance_rel"], ", ".join("%s %.4g" % (k, m[k]) for k in signs)))
    check(cell["charge_balance_rel"] <= 1e-10, "%s: charge balance %g" % (name, cell["charge_balance_rel"]))
    check(m["mass_balance_rel"] <= 1e-8, "%s: mass balance %g" % (name, m["mass_balance_rel"]))
    for k, positive in signs.items():
        check((m[k] > 0) == positive, "%s: %s = %g" % (name, k, m[k]))
    for k in ("fe_nh3", "fe_no3"):
        check(0 <= m[k] <= 1, "%s: %s = %g" % (name, k, m[k]))

# the H-cell in time
d = tmpdir()
run(["-case", case("hcell.yaml"), "-output_dir", d, "-quiet", "-electrolyte_potential", "true", "-anode_reaction", "n2or",
     "-cell_voltage", "2.5", "-kinetics_oer_i0", "8.53e-4", "-kinetics_oer_alpha", "0.558", "-kinetics_n2or_i0", "2.6e-4", "-time_end", "30",
     "-time_output_interval", "30", "-mesh_nx", "60", "-mesh_ny", "16"])
s = summary(d)
print("H-cell full cell, 30 s: charge balance %.1e, NH3 balance %.1e, N2 balance %.1e, i_n2rr %.4g, i_n2or %.4g A/m2" % (
    s["full_cell"]["charge_balance_rel"], s["transient"]["nh3_balance_rel"], s["metrics"]["mass_balance_rel"], s["metrics"]["i_n2rr_A_m2"],
    s["metrics"]["i_n2or_A_m2"]))
check(s["full_cell"]["charge_balance_rel"] <= 1e-10, "H-cell full cell: charge balance %g" % s["full_cell"]["charge_balance_rel"])
check(s["transient"]["nh3_balance_rel"] <= 1e-8, "H-cell full cell: NH3 balance %g" % s["transient"]["nh3_balance_rel"])
check(s["metrics"]["mass_balance_rel"] <= 1e-8, "H-cell full cell: N2 balance %g" % s["metrics"]["mass_balance_rel"])
check(s["metrics"]["i_n2or_A_m2"] > 0 and s["metrics"]["i_n2rr_A_m2"] > 0, "H-cell full cell: no N2RR or no N2OR current")
finish()
