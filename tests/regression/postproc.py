"""postproc/plot_flowcell.py reads a run's fields.h5 and writes the concentration map and the electrode profile;
a 3-D run also gets the map of the electrode surface, an ORR cathode's maps are of O2; postproc/plot_hcell.py and plot_sweep.py draw an H-cell time series and a pressure x flow-rate sweep."""
import os
import subprocess

from azrun import SOURCE, case, check, finish, run, tmpdir

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
d = tmpdir()
run(["-case", case("flowcell.yaml"), "-output_dir", d, "-quiet", "-mesh_nx", "60", "-mesh_ny", "20", "-sweep_operating_pressure",
     "1e5:3e5:3", "-sweep_flowcell_flow_rate", "1e-9,1e-8"])
pngs("plot_sweep.py", d, ["sweep_curves.png", "sweep_maps.png"])
finish()
