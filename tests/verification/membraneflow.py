"""The membrane flow cell (cell: membraneflow) against what must hold:

  1. ohmic series: HER cathode || OER anode spanning both channels, run at a fixed current i (the current uniform:
     no reactant, one dimension across), different conductivities in catholyte, membrane and anolyte: the cell voltage
     is the two Tafel overpotentials, the equilibrium voltage and i (h_c/kappa_c + t_m/kappa_m + h_a/kappa_a), to 1e-8;
  2. the catholyte channel's N2 limit against the Graetz-Leveque marching reference (build/tests/graetz_reference,
     Richardson-extrapolated; the membrane impermeable to N2 is a wall, the cathode spans the channel from its inlet):
     within 1 %;
  3. the GDE cathode is the planar GDE: with the same gas channel, GDL and catalyst layer and the same mesh through
     them, its N2 limit is cases/gde.yaml's geometry's (gde template, catalyst layer on the membrane) to 1e-9;
  4. conservation in the shipped case and its GDE variant: N2 (mass_balance_rel), charge (charge_balance_rel) and the
     products NH3 and NO3- (made at the electrodes = carried out by both streams) to 1e-10;
  5. migration through the membrane, from the transport number: with t+ = 1 the cations carry the current, NH4+ is
     pushed back into the catholyte (less NH3 crosses than with its charge set to 0) and nitrate moves by diffusion only
     (exactly the crossover of an uncharged nitrate); with t+ = 0 NH4+ moves by diffusion only (exactly as uncharged)
     and nitrate is pushed back into the anolyte."""
import math
import os
import subprocess

from azrun import AZOTE, case, check, finish, run, summary, tmpdir

F, R = 96485.33212, 8.314462618
MF = case("membraneflow.yaml")

# 1. ohmic series
d = tmpdir()
i_set, kc, ka, km = 40.0, 1.5, 20.0, 6.0
run(["-case", MF, "-output_dir", d, "-quiet", "-output_fields", "false", "-kinetics_n2rr_i0", "0", "-anode_reaction", "oer",
     "-electrode_mode", "galvanostatic", "-electrode_current", str(i_set), "-electrolyte_conductivity", str(kc),
     "-membraneflow_anolyte_conductivity", str(ka), "-membraneflow_membrane_conductivity", str(km)])
s = summary(d)
cell, inp = s["full_cell"], s["inputs"]
T = inp["operating_temperature"]
E_c = inp["kinetics_her_e_eq"] - R * T / (inp["kinetics_her_alpha"] * F) * math.log(i_set / inp["kinetics_her_i0"])
E_a = inp["kinetics_oer_e_eq"] + R * T / (inp["kinetics_oer_alpha"] * F) * math.log(i_set / inp["kinetics_oer_i0"])
drop = i_set * (inp["membraneflow_catholyte_height"] / kc + inp["membraneflow_membrane_thickness"] / km +
                inp["membraneflow_anolyte_height"] / ka)
print("ohmic series at %g A/m2: cell voltage %.10f V, analytic %.10f V (%.1e); ohmic drop %.6e V, analytic %.6e" % (
    i_set, cell["cell_voltage_V"], E_a - E_c + drop, cell["cell_voltage_V"] - (E_a - E_c + drop), cell["ohmic_drop_V"], drop))
check(abs(cell["cell_voltage_V"] - (E_a - E_c + drop)) <= 1e-8, "cell voltage %.12g vs %.12g" % (cell["cell_voltage_V"], E_a - E_c + drop))
check(abs(cell["ohmic_drop_V"] / drop - 1) <= 1e-8, "ohmic drop %.12g vs %.12g" % (cell["ohmic_drop_V"], drop))

# 2. the catholyte's N2 limit against the marching reference
d = tmpdir()
run(["-case", MF, "-output_dir", d, "-quiet", "-output_fields", "false", "-electrode_mode", "limiting"])
s = summary(d)
m, inp = s["metrics"], s["inputs"]
h = inp["membraneflow_catholyte_height"]
U = inp["membraneflow_catholyte_flow_rate"] / (inp["membraneflow_width"] * h)
graetz = os.path.join(os.path.dirname(AZOTE), "tests", "graetz_reference")
flux = float(subprocess.run([graetz, repr(h), repr(U), repr(m["D_n2_m2_s"]), repr(inp["membraneflow_length"]), repr(m["c_bulk_mol_m3"])],
                            stdout=subprocess.PIPE, text=True, check=True).stdout.split()[0])
ref = 6 * F * flux
print("catholyte N2 limit %.6g A/m2, Graetz-Leveque reference %.6g (%+.3f %%)" % (m["i_lim_n2rr_A_m2"], ref, 100 * (m["i_lim_n2rr_A_m2"] / ref - 1)))
check(abs(m["i_lim_n2rr_A_m2"] / ref - 1) < 0.01, "catholyte N2 limit %g vs the marching reference %g" % (m["i_lim_n2rr_A_m2"], ref))

# 3. the GDE cathode against the planar GDE (same layers, same mesh through them)
GDE = ["-membraneflow_cathode", "gde", "-membraneflow_catholyte_height", "0", "-membraneflow_saturation", "0.1",
       "-membraneflow_gdl_thickness", "1.9e-4", "-membraneflow_gdl_porosity", "0.78", "-mesh_refine_x", "1", "-mesh_nx", "20"]
d1, d2 = tmpdir(), tmpdir()
run(["-case", MF, "-output_dir", d1, "-quiet", "-output_fields", "false", "-electrode_mode", "limiting"] + GDE)
run(["-case", case("gde.yaml"), "-output_dir", d2, "-quiet", "-output_fields", "false", "-electrode_mode", "limiting", "-electrolyte",
     "KCl:0.1", "-mesh_nx", "20"])
a, b = summary(d1)["metrics"]["i_lim_n2rr_A_m2"], summary(d2)["metrics"]["i_lim_n2rr_A_m2"]
print("GDE cathode N2 limit %.12g A/m2, planar GDE %.12g (%.1e)" % (a, b, a / b - 1))
check(abs(a / b - 1) < 1e-9, "GDE cathode %.12g vs planar GDE %.12g" % (a, b))

# 4. conservation
for name, keys in (("plate", ["-membraneflow_anolyte_flow_rate", "3e-8"]), ("gde", GDE + ["-electrode_potential", "-0.5", "-cell_voltage", "2.2", "-kinetics_n2rr_i0", "1.53e-7",
                                                 "-kinetics_her_i0", "1.16e-6", "-membraneflow_spacer_thickness", "1.9e-4"])):
    d = tmpdir()
    run(["-case", MF, "-output_dir", d, "-quiet", "-output_fields", "false"] + keys)
    s = summary(d)
    ci, m = s["cell_info"], s["metrics"]
    print("%s cathode: N2 balance %.1e, charge %.1e, NH3 %.1e, NO3- %.1e; NH3 crossover %.3g, NO3- crossover %.3g" % (
        name, m["mass_balance_rel"], s["full_cell"]["charge_balance_rel"], ci["nh3_balance_rel"], ci["no3_balance_rel"], ci["nh3_crossover_rel"],
        ci["no3_crossover_rel"]))
    for k, v in (("mass_balance_rel", m["mass_balance_rel"]), ("charge_balance_rel", s["full_cell"]["charge_balance_rel"]),
                 ("nh3_balance_rel", ci["nh3_balance_rel"]), ("no3_balance_rel", ci["no3_balance_rel"])):
        check(v <= 1e-10, "%s cathode: %s = %g" % (name, k, v))
    check(m["i_n2rr_A_m2"] > 0 and m["i_n2or_A_m2"] > 0 and ci["nh3_made_mol_s"] > 0 and ci["no3_made_mol_s"] > 0,
          "%s cathode: nothing made" % name)
    if name == "plate":
        # summary.json's products: what each electrode adds to its own stream (rate / that stream's flow) is the stream's
        # outlet less its inlet, but for the share that crossed the membrane (crossover_rel of what was made)
        inp, pr = s["inputs"], s["products"]
        for prod, key, stream, crossed in (("n2rr", "nh3", "catholyte", ci["nh3_crossover_rel"]),
                                           ("anode_n2or", "no3", "anolyte", ci["no3_crossover_rel"])):
            net = ci["%s_outlet_c_%s_mol_m3" % (stream, key)] - inp["bulk_%s" % key]
            added = pr[prod]["outlet_added_uM"] * 1e-3
            print("  %s: the %s outlet adds %.10g mM, the stream %.10g mM (%.2e; crossover %.2e)" % (prod, stream, added, net, added / net - 1,
                                                                                                    crossed))
            check(abs(added * (1 - crossed) - net) <= 1e-9 * net, "%s: outlet_added %.12g mM, outlet - inlet %.12g, crossover %g"
                  % (prod, added, net, crossed))

# 5. migration from the transport number
cross = {}
for tp in (1, 0):
    for zn, zo in ((1, -1), (0, 0)):
        d = tmpdir()
        run(["-case", MF, "-output_dir", d, "-quiet", "-output_fields", "false", "-membraneflow_membrane_cation_transport_number", str(tp),
             "-membraneflow_membrane_charge_nh3", str(zn), "-membraneflow_membrane_charge_no3", str(zo),
             "-membraneflow_membrane_permeability_no3", "1e-10"])
        ci = summary(d)["cell_info"]
        cross[(tp, zn)] = (ci["nh3_crossover_rel"], ci["no3_crossover_rel"])
        print("t+ = %d, charges %+d/%+d: NH3 crossover %.6g, NO3- crossover %.6g" % (tp, zn, zo, ci["nh3_crossover_rel"], ci["no3_crossover_rel"]))
check(cross[(1, 1)][0] < cross[(1, 0)][0] - 1e-6, "t+ = 1 must hold NH4+ back: %s" % (cross,))
check(abs(cross[(1, 1)][1] - cross[(1, 0)][1]) <= 1e-9 * abs(cross[(1, 0)][1]), "t+ = 1: nitrate must move by diffusion only: %s" % (cross,))
check(abs(cross[(0, 1)][0] - cross[(0, 0)][0]) <= 1e-9 * abs(cross[(0, 0)][0]), "t+ = 0: NH4+ must move by diffusion only: %s" % (cross,))
check(cross[(0, 1)][1] < cross[(0, 0)][1] - 1e-6, "t+ = 0 must hold nitrate back in the anolyte: %s" % (cross,))
check(cross[(1, 0)][0] > 0, "NH3 must cross by diffusion: %s" % (cross,))
finish()
