"""The H-cell's laws, through the azote program (DESIGN §6), each on the whole-wall electrode (a 1-D problem):
  Cottrell: unstirred, no bubbling, limiting mode from a saturated start: i(t) = n F c sqrt(D / (pi t)) within 1 %
            for every time step in [1, 100] s (Cottrell 1903; Bard & Faulkner eq. 5.2.11), for N2RR (n = 6), N2OR
            (n = 10, an anode) and the ORR (n = 4, dissolved O2 under O2:1, O2's solubility and diffusivity);
  bubbling: no reaction, degassed start, kla given: the catholyte's mean N2 follows c* (1 - exp(-kla t)) within 1 %
            for t >= 1 s;
  Sand:     unstirred, no bubbling, galvanostatic at a current i with N2RR alone, from a saturated start: the surface
            concentration falls as c_s = c* - (2 i / nF) sqrt(t / (pi D)) within 1 % of c* for t in [1, 0.8 tau],
            tau = pi D (nF c*)^2 / (4 i^2) the Sand time (Sand 1901; Bard & Faulkner eq. 8.2.14), here 100 s; and the
            run continued from its checkpoint at 40 s repeats the uninterrupted time series to 1e-10;
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

# Sand: galvanostatic in time
probe = tmpdir()
run(["-case", case("hcell.yaml"), "-output_dir", probe, "-quiet", "-time_end", "0"] + WALL)
cstar, D = summary(probe)["metrics"]["c_bulk_mol_m3"], summary(probe)["metrics"]["D_n2_m2_s"]
tau = 100.0
i_sand = NF * cstar * math.sqrt(math.pi * D / (4 * tau))
sand = ["-case", case("hcell.yaml"), "-quiet", "-hcell_stirring", "none", "-hcell_gas_flow_rate", "0", "-kinetics_her_i0", "0",
        "-electrode_mode", "galvanostatic", "-electrode_current", repr(i_sand), "-electrode_potential", "0", "-time_rtol", "1e-4",
        "-time_output_interval", "40"] + WALL
a, b, r = tmpdir(), tmpdir(), tmpdir()
run(sand + ["-output_dir", a, "-time_end", "80"])
rows = table(a)
worst, n = 0.0, 0
for row in rows:
    t = float(row["time_s"])
    if 1 <= t <= 0.8 * tau:
        exact = cstar - 2 * i_sand / NF * math.sqrt(t / (math.pi * D))
        worst, n = max(worst, abs(float(row["c_surf_mean_mol_m3"]) - exact) / cstar), n + 1
        check(abs(float(row["i_total_A_m2"]) / i_sand - 1) < 1e-9, "Sand: current %s at t = %g s" % (row["i_total_A_m2"], t))
print("Sand (galvanostatic, i = %.4g A/m2, tau = %g s): %d time steps in [1, %g] s, worst |c_s - Sand| / c* = %.3g %%, E from %.4f to "
      "%.4f V" % (i_sand, tau, n, 0.8 * tau, 100 * worst, float(rows[1]["electrode_potential_V"]), float(rows[-1]["electrode_potential_V"])))
check(n > 20 and worst < 0.01, "Sand: deviation %.3g of c* over %d steps" % (worst, n))
run(sand + ["-output_dir", b, "-time_end", "40"])
run(sand + ["-output_dir", r, "-time_end", "80", "-restart", os.path.join(b, "checkpoint.h5")])
A = [[float(v) for v in row.values()] for row in table(a)]
B = [[float(v) for v in row.values()] for row in table(r)]
dev = max((abs(x - y) / max(abs(x), 1e-300) for ra, rb in zip(A, B) for x, y in zip(ra, rb) if abs(x) > 1e-200), default=1.0)
print("Sand: restart from 40 s, %d rows, worst relative deviation %.2g" % (len(B), dev))
check(len(A) == len(B) and dev <= 1e-10, "Sand: restart deviates by %g (%d vs %d rows)" % (dev, len(B), len(A)))

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
