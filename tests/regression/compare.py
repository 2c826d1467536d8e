"""scripts/azote-compare runs every design (the flow cell in 2-D and 3-D, the GDE, the H-cell) at one operating point:
its table (compare.csv, compare.md) holds each design's metrics exactly as the runs' summary.json do, the runs share the electrolyte,
temperature, pressure, potential and catalyst kinetics, and compare.png is written; a missing catalyst file is
refused with one line."""
import csv
import json
import os
import subprocess

from azrun import SOURCE, check, finish, tmpdir

TOOL = os.path.join(SOURCE, "scripts", "azote-compare")
d = tmpdir()
p = subprocess.run([TOOL, "--output-dir", d, "--electrolyte", "KOH:0.1", "--potential", "-0.25", "--", "-mesh_nx", "40"],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
print(p.stdout.strip())
check(p.returncode == 0, "azote-compare failed (exit %d)" % p.returncode)
rows = list(csv.DictReader(open(os.path.join(d, "compare.csv"))))
check([r["design"] for r in rows] == ["flow cell", "flow cell, 3-D", "GDE", "H-cell"], "designs %s" % [r["design"] for r in rows])
shared = None
for r in rows:
    s = json.load(open(os.path.join(d, os.path.splitext(r["case"])[0], "summary.json")))
    check(s["inputs"]["cell"] == {"flow cell": "flowcell", "flow cell, 3-D": "flowcell", "GDE": "gde", "H-cell": "hcell"}[r["design"]],
          "%s ran cell %s" % (r["design"], s["inputs"]["cell"]))
    for k in ("depletion", "i_lim_n2rr_A_m2", "i_n2rr_A_m2", "fe_nh3", "nh3_rate_ug_h_cm2"):
        check(float(r[k]) == s["metrics"][k], "%s: %s %s in the table, %s in summary.json" % (r["design"], k, r[k], s["metrics"][k]))
    point = {k: s["inputs"][k] for k in ("electrolyte", "operating_temperature", "operating_pressure", "electrode_potential",
                                         "kinetics_n2rr_i0", "kinetics_n2rr_alpha", "kinetics_her_i0", "kinetics_her_alpha")}
    check(point["electrolyte"] == "KOH:0.1" and point["electrode_potential"] == -0.25, "%s: operating point %s" % (r["design"], point))
    check(shared is None or point == shared, "%s runs at %s, not %s" % (r["design"], point, shared))
    shared = point
png = os.path.join(d, "compare.png")
check(os.path.exists(png) and open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n", "compare.png missing")
check("| GDE |" in open(os.path.join(d, "compare.md")).read(), "compare.md lacks the GDE row")
p = subprocess.run([TOOL, "--output-dir", tmpdir(), "--catalyst", "/no/such.yaml"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
check(p.returncode != 0 and len(p.stdout.strip().splitlines()) == 1 and "--catalyst" in p.stdout, "a missing catalyst: %r" % p.stdout)
finish()
