"""Sweeps (DESIGN §4; solver/sweep.c), through the azote program:
  - a 2-key sweep (pressure x flow rate, 3 x 2 points) on 2 ranks in groups of 1 gives exactly (1e-12) the metrics of
    running each point alone;
  - killed (SIGKILL) after its first points and started again, the sweep finishes the rest and its table is the
    uninterrupted one (every column but the wall times);
  - a point that cannot run (a turbulent flow rate) is recorded as failed with its error, and the others complete,
    with the base case's columns (an anode's too); a different sweep in the same output directory is refused;
  - sweep.h5 holds the same numbers as sweep.csv;
  - in limiting mode the flow cell's limiting current follows the flow rate to the power 1/3 (Leveque; the exponent of
    a log-log fit within 0.01 over a decade and a half in the thin-boundary-layer channel of verification/test_leveque) and
    the N2 partial pressure as the property library's solubility does (i_lim / c_sat constant to 1e-6)."""
import csv
import math
import os
import signal
import subprocess
import time

import h5py
import numpy as np

from azrun import AZOTE, MPIEXEC, case, check, finish, run, si_metrics, summary, tmpdir

BASE = ["-case", case("flowcell.yaml"), "-quiet"]
SWEEP = ["-sweep_operating_pressure", "1e5:5e5:3", "-sweep_flowcell_flow_rate", "1e-9,1e-8"]


def table(d):
    with open(os.path.join(d, "sweep.csv")) as f:
        return list(csv.DictReader(f))


# 2 ranks, groups of 1, against single runs
d = tmpdir()
run(BASE + SWEEP + ["-output_dir", d], np=2)
rows = table(d)
check(len(rows) == 6 and all(r["status"] == "ok" for r in rows), "sweep on 2 ranks: %d rows, statuses %s" % (len(rows), [r["status"] for r in rows]))
worst = 0.0
for r in rows:
    s = tmpdir()
    run(BASE + ["-output_dir", s, "-operating_pressure", r["operating_pressure"], "-flowcell_flow_rate", r["flowcell_flow_rate"],
                "-output_fields", "false"])
    m = si_metrics(summary(s)["metrics"])
    for k, v in m.items():
        if v is None:
            continue
        dev = abs(float(r[k]) - v) / max(abs(v), 1e-300) if v != 0 else abs(float(r[k]))
        worst = max(worst, dev)
print("2 ranks, groups of 1: %d points, worst relative deviation from single runs %.2g" % (len(rows), worst))
check(worst <= 1e-12, "sweep metrics differ from single runs by %g" % worst)
with h5py.File(os.path.join(d, "sweep.h5"), "r") as h:
    check(np.allclose(h["i_n2rr_A_m2"][...], [float(r["i_n2rr_A_m2"]) for r in rows], rtol=1e-15, atol=0) and
          np.all(h["ok"][...] == 1), "sweep.h5 does not hold sweep.csv's numbers")

# kill and resume
big = ["-sweep_operating_pressure", "1e5:1e6:4", "-sweep_flowcell_flow_rate", "1e-9:1e-7:4:log"]
ref, d = tmpdir(), tmpdir()
run(BASE + big + ["-output_dir", ref])
p = subprocess.Popen([AZOTE] + BASE + big + ["-output_dir", d], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
deadline = time.time() + 120
while time.time() < deadline and len([f for f in os.listdir(os.path.join(d, "sweep.d")) if f.endswith(".csv")]
                                     if os.path.isdir(os.path.join(d, "sweep.d")) else []) < 3:
    time.sleep(0.05)
p.send_signal(signal.SIGKILL)
p.wait()
ndone = len([f for f in os.listdir(os.path.join(d, "sweep.d")) if f.endswith(".csv")])
check(not os.path.exists(os.path.join(d, "sweep.csv")), "a killed sweep left a sweep.csv")
rc, out = run([a for a in BASE if a != "-quiet"] + big + ["-output_dir", d], check=False)
check(rc == 0 and "resuming" in out, "the resumed sweep: exit %d, %s" % (rc, out.strip().splitlines()[:1]))
A, B = table(ref), table(d)
same = len(A) == len(B) and all(a[k] == b[k] for a, b in zip(A, B) for k in a if k != "wall_s")
print("killed after %d of 16 points, resumed: tables %s" % (ndone, "identical" if same else "DIFFERENT"))
check(16 > ndone >= 3 and same, "kill and resume: %d points before the kill, tables identical: %s" % (ndone, same))

# a failing point
d = tmpdir()
run(BASE + ["-sweep_flowcell_flow_rate", "1e-8,1e-3,2e-8", "-output_dir", d])
rows = table(d)
statuses = [r["status"] for r in rows]
print("failing point: statuses %s; error: %s" % (statuses, rows[1]["error"]))
check(statuses == ["ok", "failed", "ok"] and "Re" in rows[1]["error"], "failing point not recorded: %s %s" % (statuses, rows[1]["error"]))
# a failed point of an anode's sweep has the anode's columns too (the table stays rectangular)
a = tmpdir()
run(BASE + ["-electrode_reaction", "n2or", "-electrode_potential", "1.6", "-sweep_flowcell_flow_rate", "1e-8,1e-3", "-output_dir", a])
widths = {len(line.split(",")) for line in open(os.path.join(a, "sweep.csv"))}
check(len(widths) == 1 and "i_n2or_A_m2" in open(os.path.join(a, "sweep.csv")).readline(), "an N2OR sweep's table: row widths %s" % widths)
rc, out = run(BASE + ["-sweep_flowcell_flow_rate", "1e-8,2e-8", "-output_dir", d], check=False)
check(rc == 1 and "holds another sweep" in out, "another sweep in the same directory: exit %d, %s" % (rc, out.strip()))

# limiting-current laws
d = tmpdir()
run(BASE + ["-electrode_mode", "limiting", "-flowcell_height", "1e-3", "-flowcell_length", "0.01", "-flowcell_electrode_start", "0.005",
            "-flowcell_electrode_end", "0.007", "-sweep_flowcell_flow_rate", "1e-7:4e-6:5:log", "-output_dir", d])
rows = table(d)
check(all(r["status"] == "ok" for r in rows), "flow-rate sweep: %s" % [r["error"] for r in rows])
q = np.array([float(r["flowcell_flow_rate"]) for r in rows])
i = np.array([float(r["i_lim_n2rr_A_m2"]) for r in rows])
slope = np.polyfit(np.log(q), np.log(i), 1)[0]
print("limiting current vs flow rate: exponent %.4f (Leveque 1/3)" % slope)
check(abs(slope - 1 / 3) < 0.01, "exponent %g" % slope)
d = tmpdir()
run(BASE + ["-electrode_mode", "limiting", "-sweep_operating_pressure", "1e5:1e7:5:log", "-output_dir", d])
rows = table(d)
ratio = np.array([float(r["i_lim_n2rr_A_m2"]) / float(r["c_bulk_mol_m3"]) for r in rows])
print("limiting current / c_sat from 1 to 100 bar: spread %.2g" % (np.ptp(ratio) / ratio.mean()))
check(np.ptp(ratio) / ratio.mean() < 1e-6, "i_lim does not follow c_sat with pressure: %s" % ratio)
finish()
