"""kill -9 at random moments of a transient run (the H-cell, 600 s in 6 output segments): never a summary.json without
its complete set (the run's files are staged and published together, summary.json last), and continuing from the
checkpoint that survived (or starting again where none did; the dead run's lock and staging directory are taken
over) gives the uninterrupted result: the final time series to 1e-10 -- also when the kill came after the last step,
while the results were being written into the staging directory. (The sweep's kill-and-resume is in regression/sweep,
20 more kills of a short run in regression/concurrent.)"""
import csv
import glob
import json
import os
import random
import signal
import subprocess
import time

from azrun import AZOTE, case, check, finish, run, tmpdir

random.seed(7)
base = ["-case", case("hcell.yaml"), "-quiet", "-mesh_nx", "40", "-mesh_ny", "12", "-time_end", "600", "-time_output_interval", "100",
        "-time_rtol", "1e-4"]


def series(d):
    with open(os.path.join(d, "timeseries.csv")) as f:
        return [[float(v) for v in r] for r in list(csv.reader(f))[1:]]


ref = tmpdir()
t0 = time.time()
run(base + ["-output_dir", ref])
duration = time.time() - t0
R = series(ref)
def wait_for(d, name, limit):
    """Polls until d/name (a glob pattern) exists (or the time limit passes)."""
    end = time.time() + limit
    while time.time() < end and not glob.glob(os.path.join(d, name)):
        time.sleep(0.002)


# when to kill: at random moments, just after a checkpoint appeared, and while the results are being written
plans = [("random", 0.3), ("random", 0.7), ("checkpoint", 0.0), ("checkpoint", 0.3), ("results", 0.0)]
for trial, (when, extra) in enumerate(plans):
    d = tmpdir()
    p = subprocess.Popen([AZOTE] + base + ["-output_dir", d], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if when == "random":
        time.sleep(random.uniform(0.5, 1.5) * extra * duration)
    else:
        wait_for(d, "checkpoint.h5" if when == "checkpoint" else ".azote-stage.*/fields.xmf", 2 * duration)
        time.sleep(extra * duration * random.random())
    p.send_signal(signal.SIGKILL)
    p.wait()
    left = sorted(os.listdir(d)) if os.path.isdir(d) else []
    if "summary.json" in left:  # killed after its results were published: then they are complete
        s = json.load(open(os.path.join(d, "summary.json")))
        check({"fields.h5", "fields.xmf", "timeseries.csv", "checkpoint.h5"} <= set(left) and s["transient"]["time_s"] == 600,
              "trial %d: a killed run left a summary.json beside an incomplete set %s" % (trial, left))
    restart = ["-restart", os.path.join(d, "checkpoint.h5")] if "checkpoint.h5" in left else []
    run(base + ["-output_dir", d] + restart)
    S = series(d)
    dev = max((abs(a - b) / max(abs(a), 1e-300) for ra, rb in zip(R, S) for a, b in zip(ra, rb) if abs(a) > 1e-200), default=1.0)
    print("trial %d: killed, left %s; %s: %d rows, worst deviation %.2g" % (trial, left, "continued from the checkpoint" if restart else
                                                                              "started again", len(S), dev))
    check(len(S) == len(R) and dev <= 1e-10, "trial %d: the resumed run differs by %g (%d vs %d rows)" % (trial, dev, len(S), len(R)))
finish()
