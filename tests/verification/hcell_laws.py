"""The H-cell's laws, through the azote program (DESIGN §6), each on the whole-wall electrode (a 1-D problem):
  Cottrell: unstirred, no bubbling, limiting mode from a saturated start: i(t) = n F c sqrt(D / (pi t)) within 1 %
            for every time step in [1, 100] s (Cottrell 1903; Bard & Faulkner eq. 5.2.11), for N2RR (n = 6), N2OR
            (n = 10, an anode) and the ORR (n = 4, dissolved O2 under O2:1, O2's solubility and diffusivity);
  bubbling: no reaction, degassed start, kla given: the catholyte's mean N2 follows c* (1 - exp(-kla t)) within 1 %
            for t >= 1 s;
  Nernst:   stirred (Nernst layer delta), strong bubbling, steady state (time_end = 0), limiting mode:
            i_lim = n F D c* / delta within 1 %;
  and the N2 balance of each run below 1e-8. The transient laws run at -time_rtol 1e-4: backward Euler's time error
  at the default 1e-3 is itself about 1 % in the first seconds."""
import csv
import math
import os

from azrun import case, check, finish, run, summary, tmpdir

NF = 6 * 96485.33212
WALL = ["-hcell_electrode_area", "1e-3", "-mesh_ny", "4"]  # 4 cm x 2.5 cm: the whole wall


def table(d):
    return list(csv.DictReader(open(os.path.join(d, "timeseries.csv"))))


# Cottrell
for reaction, gas, n, metric in (("n2rr", "N2:1", 6, "i_n2rr_A_m2"), ("n2or", "N2:1", 10, "i_n2or_A_m2"), ("orr", "O2:1", 4, "i_orr_A_m2")):
    d = tmpdir()
    run(["-case", case("hcell.yaml"), "-output_dir", d, "-quiet", "-hcell_stirring", "none", "-hcell_gas_flow_rate", "0",
         "-electrode_mode", "limiting", "-electrode_reaction", reaction, "-gas_composition", gas, "-time_end", "100",
         "-time_output_interval", "100", "-time_rtol", "1e-4"] + WALL)
    rows = table(d)
    D = float(rows[0]["D_o2_m2_s"] if reaction == "orr" else rows[0]["D_n2_m2_s"])
    worst, k = 0.0, 0
    for r in rows:
        t = float(r["time_s"])
        if 1 <= t <= 100:
            exact = n * 96485.33212 * float(r["c_bulk_mol_m3"]) * math.sqrt(D / (math.pi * t))
            worst, k = max(worst, abs(float(r[metric]) / exact - 1)), k + 1
    print("Cottrell, %s (n = %d, c* %.4g mol/m3, D %.4g m2/s): %d time steps in [1, 100] s, worst relative deviation %.3g %%"
          % (reaction, n, float(rows[0]["c_bulk_mol_m3"]), D, k, 100 * worst))
    check(k > 20 and worst < 0.01, "Cottrell %s: deviation %.3g over %d steps" % (reaction, worst, k))
    check(float(rows[-1]["mass_balance_rel"]) < 1e-8, "Cottrell %s: mass balance %s" % (reaction, rows[-1]["mass_balance_rel"]))

# bubbling
d = tmpdir()
kla = 0.01
run(["-case", case("hcell.yaml"), "-output_dir", d, "-quiet", "-hcell_stirring", "none", "-hcell_kla", str(kla),
     "-hcell_initial", "degassed", "-electrode_mode", "off", "-time_end", "300", "-time_output_interval", "300", "-time_rtol", "1e-4"] + WALL)
rows = table(d)
worst, n = 0.0, 0
for r in rows:
    t = float(r["time_s"])
    if t >= 1:
        exact = float(r["c_bulk_mol_m3"]) * (1 - math.exp(-kla * t))
        worst, n = max(worst, abs(float(r["c_mean_mol_m3"]) / exact - 1)), n + 1
print("bubbling: %d time steps, worst relative deviation from c*(1 - exp(-kla t)) %.3g %%" % (n, 100 * worst))
check(n > 20 and worst < 0.01, "bubbling: deviation %.3g over %d steps" % (worst, n))
check(float(rows[-1]["mass_balance_rel"]) < 1e-8, "bubbling: mass balance %s" % rows[-1]["mass_balance_rel"])
check(float(rows[-1]["n2_fed_mol"]) > 0, "bubbling: no N2 was fed")

# Nernst layer, steady
d = tmpdir()
delta = 1e-4
run(["-case", case("hcell.yaml"), "-output_dir", d, "-quiet", "-hcell_stirring", "nernst", "-hcell_delta", str(delta),
     "-hcell_kla", "10", "-hcell_mixing_diffusivity", "1e-2", "-electrode_mode", "limiting", "-time_end", "0"] + WALL)
m = summary(d)["metrics"]
exact = NF * m["D_n2_m2_s"] * m["c_bulk_mol_m3"] / delta
print("Nernst layer: i_lim %.6g A/m2, n F D c*/delta %.6g (%+.4f %%)" % (m["i_n2rr_A_m2"], exact, 100 * (m["i_n2rr_A_m2"] / exact - 1)))
check(abs(m["i_n2rr_A_m2"] / exact - 1) < 0.01, "Nernst: i_lim %g vs %g" % (m["i_n2rr_A_m2"], exact))
check(m["mass_balance_rel"] < 1e-8, "Nernst: mass balance %g" % m["mass_balance_rel"])
finish()
