"""postproc/plot_flowcell.py reads a run's fields.h5 and writes the concentration map and the electrode profile;
a 3-D run also gets the map of the electrode surface, an ORR cathode's maps are of O2; postproc/plot_hcell.py draws an
H-cell time series (the reactions that run, each product in its compartment); plot_membraneflow.py and plot_tubular.py a membrane flow cell's products and a tube's profiles; plot_gde.py a GDE's
N2 (or an ORR cathode's O2) through the plane;
plot_sweep.py draws a sweep of one key (curves), two keys (families of curves and maps; a key of
words: a legend) and three keys (a table equal to sweep.csv and a parallel-coordinates figure). A script started by a Python that lacks numpy
(here /usr/bin/python3 -S, without its site packages) starts again under /usr/bin/python3, and says in one line what
is missing where that fails too."""
import csv
import os
import subprocess

from azrun import SOURCE, TMPDIRS, case, check, finish, run, tmpdir

out = tmpdir()
run(["-case", case("flowcell.yaml"), "-output_dir", out, "-quiet", "-mesh_nx", "60", "-mesh_ny", "20"])
p = subprocess.run(["/usr/bin/python3", os.path.join(SOURCE, "postproc", "plot_flowcell.py"), out], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT, text=True)
check(p.returncode == 0, "plot_flowcell.py failed: %s" % p.stdout)
for png in ("c_n2_map.png", "electrode.png"):
    path = os.path.join(out, png)
    ok = os.path.exists(path) and os.path.getsize(path) > 10000 and open(path, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    check(ok, "%s missing or not a PNG image" % png)


def pngs(script, d, names):
    p = subprocess.run(["/usr/bin/python3", os.path.join(SOURCE, "postproc", script), d], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    check(p.returncode == 0, "%s failed: %s" % (script, p.stdout))
    for png in names:
        path = os.path.join(d, png)
        ok = os.path.exists(path) and os.path.getsize(path) > 10000 and open(path, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
        check(ok, "%s: %s missing or not a PNG image" % (script, png))


d = tmpdir()
run(["-case", case("flowcell-3d.yaml"), "-output_dir", d, "-quiet", "-mesh_nx", "40", "-mesh_ny", "12", "-mesh_nz", "8"])
pngs("plot_flowcell.py", d, ["c_n2_map.png", "electrode.png", "electrode_map.png"])
d = tmpdir()  # an ORR cathode: the map is of dissolved O2
run(["-case", case("flowcell.yaml"), "-output_dir", d, "-quiet", "-mesh_nx", "40", "-mesh_ny", "12", "-electrode_reaction", "orr",
     "-gas_composition", "O2:1", "-electrode_potential", "0.7", "-kinetics_orr_i0", "1e-4"])
pngs("plot_flowcell.py", d, ["c_n2_map.png", "electrode.png"])
d = tmpdir()
run(["-case", case("hcell.yaml"), "-output_dir", d, "-quiet", "-time_end", "60", "-time_output_interval", "60", "-mesh_nx", "40",
     "-mesh_ny", "12"])
pngs("plot_hcell.py", d, ["hcell_timeseries.png"])
d = tmpdir()  # the ionic model in time: the pH over time, bulk, surface and anolyte
run(["-case", case("hcell-ph.yaml"), "-output_dir", d, "-quiet", "-time_end", "600"])
pngs("plot_hcell.py", d, ["hcell_timeseries.png", "hcell_ph.png"])
d = tmpdir()  # two gases (ORR || N2OR): the plot follows the reactions that run and the nitrate in the anolyte
run(["-case", case("hcell-orr-n2or.yaml"), "-output_dir", d, "-quiet", "-time_end", "60", "-time_output_interval", "60"])
p = subprocess.run(["/usr/bin/python3", os.path.join(SOURCE, "postproc", "plot_hcell.py"), d], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT, text=True)
check(p.returncode == 0 and "currents her, n2or, oer, orr; products no3 (anolyte)" in p.stdout,
      "plot_hcell.py on the ORR || N2OR H-cell: exit %d: %s" % (p.returncode, p.stdout))
d = tmpdir()  # the membrane flow cell and the microtubular GDE (issue 21)
run(["-case", case("membraneflow.yaml"), "-output_dir", d, "-quiet", "-mesh_nx", "30", "-mesh_ny", "24"])
pngs("plot_membraneflow.py", d, ["membraneflow.png"])
d = tmpdir()
run(["-case", case("tubular.yaml"), "-output_dir", d, "-quiet", "-mesh_nx", "10", "-mesh_ny", "24", "-tubular_electrolyte", "annulus"])
pngs("plot_tubular.py", d, ["tubular.png"])
for gde_case in ("gde.yaml", "gde-fullcell-orr-n2or.yaml"):  # the GDE's N2 profile, and an O2 GDE's as a full cell's cathode
    d = tmpdir()
    run(["-case", case(gde_case), "-output_dir", d, "-quiet", "-mesh_nx", "8"])
    pngs("plot_gde.py", d, ["gde_profile.png"])
d = tmpdir()
run(["-case", case("flowcell.yaml"), "-output_dir", d, "-quiet", "-mesh_nx", "60", "-mesh_ny", "20", "-sweep_operating_pressure",
     "1e5:3e5:3", "-sweep_flowcell_flow_rate", "1e-9,1e-8"])
pngs("plot_sweep.py", d, ["sweep_curves.png", "sweep_maps.png"])
coarse = ["-case", case("flowcell.yaml"), "-quiet", "-mesh_nx", "40", "-mesh_ny", "12"]
d = tmpdir()  # one key
run(coarse + ["-output_dir", d, "-sweep_flowcell_flow_rate", "1e-9,1e-8,1e-7"])
pngs("plot_sweep.py", d, ["sweep_curves.png"])
d = tmpdir()  # two keys, one of words: curves with a legend beside them, no maps
run(coarse + ["-output_dir", d, "-sweep_electrolyte_potential", "true,false", "-sweep_operating_pressure", "1e5,2e5"])
pngs("plot_sweep.py", d, ["sweep_curves.png"])
check(not os.path.exists(os.path.join(d, "sweep_maps.png")), "maps over a key of words")
d = tmpdir()  # three keys: a table and a parallel-coordinates figure
run(coarse + ["-output_dir", d, "-sweep_flowcell_flow_rate", "1e-9,1e-8", "-sweep_operating_pressure", "1e5,5e5", "-sweep_operating_temperature",
              "288.15,308.15"])
pngs("plot_sweep.py", d, ["sweep_parallel.png"])
rows = list(csv.DictReader(open(os.path.join(d, "sweep.csv"))))
md = [line.split("|")[1:-1] for line in open(os.path.join(d, "sweep_table.md")).read().splitlines()[2:]]
check(len(md) == len(rows) == 8, "sweep_table.md: %d rows, sweep.csv %d" % (len(md), len(rows)))
for r, m in zip(rows, md):  # flow rate (uL/min), pressure (bar), T (K), i_N2RR, i_lim (mA/cm2), depletion, FE (%), NH3 rate
    want = ["%.4g" % (float(r["flowcell_flow_rate"]) * 6e10), "%.4g" % (float(r["operating_pressure"]) / 1e5), "%.4g" % float(r["operating_temperature"]),
            "%.4g" % (float(r["i_n2rr_A_m2"]) / 10), "%.4g" % (float(r["i_lim_n2rr_A_m2"]) / 10), "%.4g" % float(r["depletion"]),
            "%.4g" % (100 * float(r["fe_nh3"])), "%.4g" % float(r["nh3_rate_ug_h_cm2"]), "ok"]
    check([x.strip() for x in m] == want, "sweep_table.md row %s, sweep.csv gives %s" % ([x.strip() for x in m], want))
# another Python first: here one without its site packages
hc = os.path.join(SOURCE, "postproc", "plot_hcell.py")
ts = [x for x in TMPDIRS if os.path.exists(os.path.join(x, "timeseries.csv"))][0]
os.remove(os.path.join(ts, "hcell_timeseries.png"))
p = subprocess.run(["/usr/bin/python3", "-S", hc, ts], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
check(p.returncode == 0 and os.path.exists(os.path.join(ts, "hcell_timeseries.png")), "python3 -S plot_hcell.py: exit %d: %s" % (p.returncode, p.stdout))
env = dict(os.environ, AZOTE_POSTPROC_REEXEC="1")  # as if started again already: no loop, one line
p = subprocess.run(["/usr/bin/python3", "-S", hc, ts], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
print("without numpy: %s" % p.stdout.strip())
check(p.returncode == 1 and len(p.stdout.strip().splitlines()) == 1 and "lacks the Python module(s) numpy" in p.stdout,
      "a Python without numpy: exit %d, %r" % (p.returncode, p.stdout))
finish()
