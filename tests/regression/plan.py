"""The experiment planner, azote-plan (postproc/azplan.py; docs/plan.md), through the program: every number of plan.json
against a hand calculation here, and the cases where the verdict flips.

Hand calculations (constants: F = 96485.33212 C/mol, R = 8.314462618 J/(mol K), T0 = 273.15 K, P0 = 101325 Pa):
  Faraday            NH3 = i_N2RR A t / (3 F); NO3- = i_N2OR A t / (5 F); charge = i_total A t
  ideal gas          V_m = R T0 / P0 = 22.414 L/mol; bubbled 15N2 = y Q0 t / V_m (Q0 at T0, P0); a flow at (T, P) is
                     Q (P/P0)(T0/T) at T0, P0; a closed loop of volume V filled k times: k y P V / (R T) + NH3/2
  stripping          k = alpha Q / (H R T V), alpha = 1 / (1 + 10^(9.25 - pH)), H = 0.59 exp(4200 (1/T - 1/298.15));
                     NH3 left in the electrolyte = (r/k)(1 - exp(-k t)); the trap gets the rest
  detection          time to N x LOD: -ln(1 - N LOD V k / r) / k (r t = N LOD V without stripping)
  contamination      15N2 x (NH4+ + NOx per mol) (NH3 product), 15N2 x NOx per mol (NO3- product)
Flips: a duration just under / over the time to the detection margin; a contamination level just over / under the
largest that passes; bubbled 15N2 against a small recirculated loop; a labelled against an unlabelled feed.
"""
import json
import math
import os
import subprocess

from azrun import case, check, finish, summary, tmpdir

PLAN = os.environ["AZOTE_PLAN"]
F, R, T0, P0 = 96485.33212, 8.314462618, 273.15, 101325.0
VM = R * T0 / P0
COARSE = ["-mesh_nx", "60", "-mesh_ny", "16", "-output_fields", "false"]


def plan(case_name, *args, ok=True):
    d = tmpdir()
    p = subprocess.run([PLAN, "-case", case(case_name), "-output_dir", d, "--quiet"] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, timeout=600)
    if ok and not check(p.returncode == 0, "azote-plan %s: exit %d: %s" % (" ".join(args), p.returncode, p.stderr)):
        return None, None, p
    if p.returncode:
        return None, None, p
    return json.load(open(os.path.join(d, "plan.json"))), summary(d), p


def near(name, got, want, tol=1e-10):
    rel = abs(got - want) / max(abs(want), 1e-300)
    ok = rel <= tol
    print("  %-44s %.10g  (hand %.10g, %.1e)%s" % (name, got, want, rel, "" if ok else "  <-- FAIL"))
    check(ok, "%s: %g, hand calculation %g" % (name, got, want))


# A: the default flow cell, bubbled 15N2 at the flow cell's 20 sccm, one hour, 30 mL, a price
print("A: flow cell, bubbled 15N2, 1 h")
p, s, _ = plan("flowcell.yaml", *COARSE, "-plan_price_15n2", "500")
m, inp = s["metrics"], s["inputs"]
A, T, P, t, V = 1e-4, inp["operating_temperature"], inp["operating_pressure"], 3600.0, 3e-5
r = m["i_n2rr_A_m2"] * A / (3 * F)
q0 = 3.33e-7
n_gas = q0 * t / VM
alpha = 1 / (1 + 10 ** (9.25 - 7.0))
k = alpha * q0 * (T / T0) * (P0 / P) / (0.59 * R * T * V)
left = r / k * (1 - math.exp(-k * t))
nh3 = p["products"]["NH3"]
near("NH3 made (mol)", nh3["made_mol"], r * t)
near("charge (C)", p["charge_C"], m["i_total_A_m2"] * A * t)
near("15N2 used (mol)", p["gas"]["n2_mol"], n_gas)
near("15N2 volume at 0 C, 1 atm (L)", p["gas"]["n2_litres_standard"], q0 * t * 1e3)
near("cost", p["gas"]["cost"], 500 * q0 * t * 1e3)
near("stripping rate k (1/s)", nh3["stripping_rate_1_s"], k)
near("NH3 left in the electrolyte (mol)", nh3["in_electrolyte_mol"], left)
near("NH3 concentration (umol/L)", nh3["concentration_umol_L"], left / V * 1e3)
need = 10 / 3 * 1e-6 * 1e3  # mol/m^3: 10/3 x the NMR LOD
t_nmr = -math.log1p(-need * V * k / r) / k
near("time to 10/3 x the NMR LOD (s)", nh3["assays"]["nmr"]["time_to_margin_s"], t_nmr, 1e-9)
near("charge to 10/3 x the NMR LOD (C)", nh3["assays"]["nmr"]["charge_to_margin_C"], m["i_total_A_m2"] * A * t_nmr, 1e-9)
near("x LOD, Nessler (0.029 mg/L NH3-N)", nh3["assays"]["nessler"]["times_lod"], left / V / (0.029 / 14.007), 2e-3)
near("worst-case contamination (mol)", nh3["contamination_mol"], n_gas * (1.9e-3 + 4.2e-4))
v = p["verdict"]["products"]["NH3"]
near("largest passing contamination (mol/mol)", v["max_contamination_per_mol"], left / (3 * n_gas))
check(v["detected"] and not v["above_contamination"] and not p["verdict"]["pass"], "A: verdict %s" % v)
limit = v["max_contamination_per_mol"]
t_nessler = nh3["assays"]["nessler"]["time_to_margin_s"]

# B: the contamination level flips the verdict
print("B: contamination just under / over the largest that passes")
for f, want in ((0.99, True), (1.01, False)):
    p, _, _ = plan("flowcell.yaml", *COARSE, "-plan_contamination_nh4", repr(f * limit), "-plan_contamination_nox", "0")
    print("  %.2f x the limit: %s" % (f, "PASS" if p["verdict"]["pass"] else "FAIL"))
    check(p["verdict"]["pass"] == want, "B: %.2f x the largest passing contamination: pass %s" % (f, p["verdict"]["pass"]))

# C: the duration flips the verdict (unlabelled, Nessler)
print("C: duration just under / over the time to 10/3 x the Nessler LOD (%.4g s)" % t_nessler)
for f, want in ((0.98, False), (1.02, True)):
    p, _, _ = plan("flowcell.yaml", *COARSE, "-plan_labelled", "false", "-plan_assay", "nessler", "-plan_duration", repr(f * t_nessler))
    v = p["verdict"]["products"]["NH3"]
    print("  %.2f x: %.4g x LOD, %s" % (f, v["times_lod"], "PASS" if v["pass"] else "FAIL"))
    check(v["pass"] == want and v["above_contamination"], "C: duration %.2f x: pass %s" % (f, v["pass"]))
    check(p["products"]["NH3"]["contamination_mol"] == 0, "C: an unlabelled feed has a labelled contamination")

# D: a recirculated loop, 2 fills of 100 mL, no gas flow through the electrolyte (no stripping)
print("D: recirculation")
p, s, _ = plan("flowcell.yaml", *COARSE, "-plan_gas_mode", "recirculation", "-plan_recirculation_volume", "1e-4",
               "-plan_recirculation_fills", "2")
r = s["metrics"]["i_n2rr_A_m2"] * A / (3 * F)
near("15N2 in the loop (mol)", p["gas"]["n2_mol"], 2 * P * 1e-4 / (R * T) + r * t / 2)
near("NH3 in the electrolyte (mol), no stripping", p["products"]["NH3"]["in_electrolyte_mol"], r * t)

# E: bubbled at pH 13 into an acid trap of 10 mL
print("E: pH 13, acid trap")
p, s, _ = plan("flowcell.yaml", *COARSE, "-plan_ph", "13", "-plan_trap_volume", "1e-5", "-plan_gas_flow", "5e-7")
alpha = 1 / (1 + 10 ** (9.25 - 13))
k = alpha * 5e-7 * (T / T0) * (P0 / P) / (0.59 * R * T * V)
left = r / k * (1 - math.exp(-k * t))
near("stripping rate k (1/s)", p["products"]["NH3"]["stripping_rate_1_s"], k)
near("NH3 in the trap (umol/L)", p["products"]["NH3"]["trap_concentration_umol_L"], (r * t - left) / 1e-5 * 1e3)
near("15N2 used at 30 sccm (mol)", p["gas"]["n2_mol"], 5e-7 * t / VM)

# F: bubbled 15N2 fails where a small recirculated loop passes
print("F: bubbled vs a 10 mL loop")
pb, _, _ = plan("flowcell.yaml", *COARSE)
pr, _, _ = plan("flowcell.yaml", *COARSE, "-plan_gas_mode", "recirculation", "-plan_recirculation_volume", "1e-5")
print("  bubbled: product/contamination %.3g; loop: %.3g" % (pb["verdict"]["products"]["NH3"]["product_over_contamination"],
                                                          pr["verdict"]["products"]["NH3"]["product_over_contamination"]))
check(not pb["verdict"]["pass"] and pr["verdict"]["pass"], "F: bubbled should fail and the loop pass")

# G: N2 oxidation: nitrate, 5 electrons, only NOx contaminates
print("G: N2OR, nitrate")
p, s, _ = plan("flowcell.yaml", *COARSE, "-electrode_reaction", "n2or", "-electrode_potential", "1.6", "-kinetics_n2or_i0", "1e-4")
rn = s["metrics"]["i_n2or_A_m2"] * A / (5 * F)
near("NO3- made (mol)", p["products"]["NO3-"]["made_mol"], rn * t)
near("NO3- worst-case contamination (mol)", p["products"]["NO3-"]["contamination_mol"], 3.33e-7 * t / VM * 4.2e-4)
check("NH3" not in p["products"], "G: an N2OR anode makes NH3 in the plan")

# H: the GDE's own gas flow, flow-through, at its temperature and pressure
print("H: GDE")
p, s, _ = plan("gde.yaml", "-output_fields", "false")
q = s["inputs"]["gde_gas_flow_rate"] * (s["inputs"]["operating_pressure"] / P0) * (T0 / s["inputs"]["operating_temperature"])
near("15N2 through the GDE (mol)", p["gas"]["n2_mol"], q * t / VM)
check(p["gas"]["mode"] == "flow_through" and p["products"]["NH3"]["stripping_rate_1_s"] == 0, "H: a GDE's gas does not bubble the electrolyte")

# I: the H-cell in time: the model's catholyte NH3, its charge, its own bubbling
print("I: H-cell, 10 min")
p, s, _ = plan("hcell.yaml", "-mesh_nx", "40", "-mesh_ny", "12", "-time_end", "600", "-time_output_interval", "600", "-output_fields", "false")
tr, ci, inp = s["transient"], s["cell_info"], s["inputs"]
vcat = ci["catholyte_volume_m3"]
left_model = tr["c_nh3_catholyte_umol_L"] * 1e-3 * vcat
alpha = 1 / (1 + 10 ** (9.25 - 7))
q = inp["hcell_gas_flow_rate"] * (inp["operating_pressure"] / P0) * (T0 / inp["operating_temperature"])
near("NH3 made (mol) = the model's", p["products"]["NH3"]["made_mol"], tr["nh3_produced_umol"] * 1e-6)
near("charge (C) = the model's", p["charge_C"], tr["charge_C"])
near("15N2 bubbled (mol)", p["gas"]["n2_mol"], q * 600 / VM)
# stripping at pH 7 takes a few 1e-7 of it: the catholyte's NH3 within that of the model's
near("NH3 in the catholyte (mol)", p["products"]["NH3"]["in_electrolyte_mol"], left_model, 1e-4)

# J: bad protocol keys are azote's bad input: one line, exit 1
p, _, proc = plan("flowcell.yaml", *COARSE, "-plan_gas_mode", "loop", ok=False)
check(proc.returncode == 1 and "plan_gas_mode" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, "J: %d %s" % (proc.returncode,
                                                                                                                          proc.stderr))
finish()
