"""A polarisation study in two commands, as the README gives it:
    azote -case cases/flowcell.yaml -sweep_electrode_potential -0.6:0.1:15
    postproc/plot_polarisation.py OUT
  - the sweep runs (a range starting below zero; a list starting with a negative number, -0.1,0, is a value, not an
    option), every point ok, electrode_potential_V equal to the swept potential;
  - polarisation.png is written and the printed Tafel slopes are those of the kinetics: for Butler-Volmer kinetics
    under kinetic control dE/dlog10 j = ln(10) RT / (alpha F) (Bard & Faulkner, Electrochemical Methods, 2nd ed.,
    2001, eq. 3.4.14), 118.3 mV/dec for alpha = 0.5 at 298.15 K: the HER (no dependence on dissolved N2; fitted on
    its own straight stretch, away from its Nernst potential, where the reverse branch and the H2 it makes bend the
    curve) within 0.2 %, the N2RR, fitted where depletion < 0.05, within 3 %; with alpha_her = 0.35, 169.0 mV/dec;
  - a galvanostatic sweep (-sweep_electrode_current) gives each point's total current as set and its solved potential
    in electrode_potential_V, and plot_sweep.py draws it as a polarisation curve too."""
import csv
import math
import os
import re
import subprocess

from azrun import SOURCE, case, check, finish, run, tmpdir

F, R, T = 96485.33212, 8.314462618, 298.15  # CODATA 2018 (exact)
PLOT = os.path.join(SOURCE, "postproc", "plot_polarisation.py")


def slopes(out):
    """Reaction -> printed Tafel slope (mV/dec)."""
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"polarisation: (\w+) Tafel slope ([0-9.]+) mV/dec", out)}


def plot(script, d):
    p = subprocess.run(["/usr/bin/python3", os.path.join(SOURCE, "postproc", script), d], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    print(p.stdout.strip())
    png = os.path.join(d, "polarisation.png")
    check(p.returncode == 0 and os.path.exists(png) and open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n",
          "%s %s: exit %d, polarisation.png %s" % (script, d, p.returncode, "written" if os.path.exists(png) else "missing"))
    return slopes(p.stdout)


def rows(d):
    return list(csv.DictReader(open(os.path.join(d, "sweep.csv"))))


d = tmpdir()
run(["-case", case("flowcell.yaml"), "-sweep_electrode_potential", "-0.6:0.1:15", "-output_dir", d, "-quiet"])
r = rows(d)
check(len(r) == 15 and all(x["status"] == "ok" for x in r), "the potential sweep: %d points, statuses %s" % (len(r), {x["status"] for x in r}))
check(all(abs(float(x["electrode_potential_V"]) - float(x["electrode_potential"])) < 1e-12 for x in r),
      "electrode_potential_V is not the swept potential")
s = plot("plot_polarisation.py", d)
want = math.log(10) * R * T / (0.5 * F) * 1e3
print("Tafel slopes %s, theory %.2f mV/dec" % (s, want))
check(set(s) == {"N2RR", "HER"}, "slopes printed for %s" % sorted(s))
check(abs(s.get("HER", 0) - want) <= 2e-3 * want, "HER Tafel slope %s mV/dec, theory %.2f" % (s.get("HER"), want))
check(abs(s.get("N2RR", 0) - want) <= 3e-2 * want, "N2RR Tafel slope %s mV/dec, theory %.2f" % (s.get("N2RR"), want))

# a list starting with a negative number; another transfer coefficient gives another slope
d = tmpdir()
run(["-case", case("flowcell.yaml"), "-sweep_electrode_potential", "-0.4,-0.35,-0.3,-0.25", "-kinetics_her_alpha", "0.35", "-mesh_nx",
     "60", "-mesh_ny", "20", "-output_dir", d, "-quiet"])
check([float(x["electrode_potential"]) for x in rows(d)] == [-0.4, -0.35, -0.3, -0.25], "the list -0.4,-0.35,-0.3,-0.25 ran as %s"
      % [x["electrode_potential"] for x in rows(d)])
s = plot("plot_sweep.py", d)
want = math.log(10) * R * T / (0.35 * F) * 1e3
check(abs(s.get("HER", 0) - want) <= 2e-3 * want, "alpha_her 0.35: HER Tafel slope %s mV/dec, theory %.2f" % (s.get("HER"), want))

# galvanostatic: each point carries the set current at its solved potential
d = tmpdir()
run(["-case", case("flowcell.yaml"), "-electrode_mode", "galvanostatic", "-sweep_electrode_current", "0.5:20:4:log", "-mesh_nx", "60",
     "-mesh_ny", "20", "-output_dir", d, "-quiet"])
r = rows(d)
check(all(x["status"] == "ok" and abs(float(x["i_total_A_m2"]) - float(x["electrode_current"])) <= 1e-6 * float(x["electrode_current"])
          for x in r), "galvanostatic sweep: the total current is not the set one: %s" % [(x["electrode_current"], x["i_total_A_m2"]) for x in r])
E = [float(x["electrode_potential_V"]) for x in r]
check(all(b < a for a, b in zip(E, E[1:])), "galvanostatic sweep: the potential does not fall as the current rises: %s" % E)
plot("plot_sweep.py", d)
finish()
