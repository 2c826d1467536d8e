"""scripts/azote-compare runs every design (the flow cell in 2-D and 3-D, the GDE, the H-cell, the membrane flow cell
with a plate and a GDE cathode, the microtubular GDE) at one operating point: its table (compare.csv, compare.md) holds
each design's metrics exactly as the runs' summary.json do, the runs share the electrolyte, temperature, pressure,
potential and catalyst kinetics, the N2 utilisation is the N2 consumed over what the design's stream feeds, the sweeps
(2 points each here) give each design's i_lim exponents (the flow cell's near Leveque's 1/3 in the flow rate, every
design's near 1 in the pressure: first-order kinetics, i_lim ~ c_sat), compare.png and compare_sweeps.png are written;
a missing catalyst file is refused with one line."""
import csv
import json
import os
import subprocess

from azrun import SOURCE, check, finish, tmpdir

TOOL = os.path.join(SOURCE, "scripts", "azote-compare")
CELL = {"flow cell": "flowcell", "flow cell, 3-D": "flowcell", "GDE": "gde", "H-cell": "hcell", "membrane flow cell": "membraneflow",
        "membrane flow cell, GDE": "membraneflow", "microtubular GDE": "tubular"}
d = tmpdir()
p = subprocess.run([TOOL, "--output-dir", d, "--electrolyte", "KOH:0.1", "--potential", "-0.25", "--sweep-points", "2", "--", "-mesh_nx",
                    "40"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
print(p.stdout.strip())
check(p.returncode == 0, "azote-compare failed (exit %d)" % p.returncode)
rows = list(csv.DictReader(open(os.path.join(d, "compare.csv"))))
check([r["design"] for r in rows] == list(CELL), "designs %s" % [r["design"] for r in rows])
shared = None
for r in rows:
    s = json.load(open(os.path.join(d, r["dir"], "summary.json")))
    check(s["inputs"]["cell"] == CELL[r["design"]], "%s ran cell %s" % (r["design"], s["inputs"]["cell"]))
    for k in ("depletion", "i_lim_n2rr_A_m2", "i_n2rr_A_m2", "fe_nh3", "nh3_rate_ug_h_cm2"):
        check(float(r[k]) == s["metrics"][k], "%s: %s %s in the table, %s in summary.json" % (r["design"], k, r[k], s["metrics"][k]))
    check(float(r["pressure_drop_Pa"]) == s["cell_info"].get("pressure_drop_Pa", 0), "%s: pressure drop" % r["design"])
    if r["design"].startswith("flow cell"):  # an electrolyte stream: utilisation = n2_conversion
        check(abs(float(r["n2_utilisation"]) / s["metrics"]["n2_conversion"] - 1) < 1e-12, "%s: utilisation %s vs n2_conversion %s" % (
            r["design"], r["n2_utilisation"], s["metrics"]["n2_conversion"]))
    check(0 < float(r["n2_utilisation"]) < 1, "%s: utilisation %s" % (r["design"], r["n2_utilisation"]))
    check(0.9 < float(r["pressure_exponent"]) < 1.1, "%s: i_lim ~ P^%s" % (r["design"], r["pressure_exponent"]))
    for what in ("flow", "pressure"):
        check(os.path.exists(os.path.join(d, r["dir"], "sweep_" + what, "sweep.csv")), "%s: no %s sweep" % (r["design"], what))
    point = {k: s["inputs"][k] for k in ("electrolyte", "operating_temperature", "operating_pressure", "electrode_potential",
                                         "kinetics_n2rr_i0", "kinetics_n2rr_alpha", "kinetics_her_i0", "kinetics_her_alpha")}
    check(point["electrolyte"] == "KOH:0.1" and point["electrode_potential"] == -0.25, "%s: operating point %s" % (r["design"], point))
    check(shared is None or point == shared, "%s runs at %s, not %s" % (r["design"], point, shared))
    shared = point
flow = float(rows[0]["flow_exponent"])
check(0.25 < flow < 0.45, "the flow cell's i_lim ~ Q^%g: Leveque's 1/3 expected" % flow)
for png in ("compare.png", "compare_sweeps.png"):
    path = os.path.join(d, png)
    check(os.path.exists(path) and open(path, "rb").read(8) == b"\x89PNG\r\n\x1a\n", "%s missing" % png)
check("| microtubular GDE |" in open(os.path.join(d, "compare.md")).read(), "compare.md lacks the tube's row")
p = subprocess.run([TOOL, "--output-dir", tmpdir(), "--catalyst", "/no/such.yaml"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
check(p.returncode != 0 and len(p.stdout.strip().splitlines()) == 1 and "--catalyst" in p.stdout, "a missing catalyst: %r" % p.stdout)
finish()
