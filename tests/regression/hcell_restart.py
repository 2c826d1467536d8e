"""The H-cell in time: a run continued from its checkpoint reproduces the uninterrupted run's time series (to 1e-10
relative per column), every time step conserves N2 (fed = accumulated + consumed) and NH3 (produced = in the cell),
to 1e-8, and the files of a transient run are complete (timeseries.csv, snapshots in fields.h5 described by a temporal
XDMF collection). A checkpoint of another case is refused with one line naming the key that differs."""
import csv
import os

import h5py
import numpy as np

from azrun import case, check, finish, run, tmpdir

base = ["-case", case("hcell.yaml"), "-quiet", "-time_output_interval", "50", "-mesh_nx", "60", "-mesh_ny", "16"]
a, b, c = tmpdir(), tmpdir(), tmpdir()
run(base + ["-time_end", "200", "-output_dir", a])
run(base + ["-time_end", "100", "-output_dir", b])
run(base + ["-time_end", "200", "-output_dir", c, "-restart", os.path.join(b, "checkpoint.h5")])
rc, out = run(base + ["-time_end", "200", "-output_dir", os.path.join(tmpdir(), "x"), "-hcell_delta", "2e-4", "-restart",
                      os.path.join(b, "checkpoint.h5")], check=False)
print("restart of another case: exit %d: %s" % (rc, out.strip()))
check(rc == 1 and "different case" in out and "hcell_delta" in out and len(out.strip().splitlines()) == 1,
      "a checkpoint of another case (hcell_delta changed) was not refused with one line naming hcell_delta")


def table(d):
    with open(os.path.join(d, "timeseries.csv")) as f:
        names = next(csv.reader(f))
    return names, np.loadtxt(os.path.join(d, "timeseries.csv"), delimiter=",", skiprows=1)


names, A = table(a)
_, C = table(c)
check(A.shape == C.shape, "restart: %s rows/columns vs %s uninterrupted" % (C.shape, A.shape))
if A.shape == C.shape:
    scale = np.maximum(np.abs(A).max(axis=0), 1e-300)
    dev = (np.abs(A - C) / scale).max(axis=0)
    worst = max(dev)
    print("restart from t = 100 s: %d rows, worst column deviation %.3g (%s)" % (len(A), worst, names[int(np.argmax(dev))]))
    check(worst <= 1e-10, "restart differs from the uninterrupted run by %.3g in %s" % (worst, names[int(np.argmax(dev))]))
for k in ("mass_balance_rel", "nh3_balance_rel"):
    col = A[1:, names.index(k)]
    print("%s: at most %.3g over %d steps" % (k, col.max(), len(col)))
    check(col.max() < 1e-8, "%s reaches %.3g" % (k, col.max()))
check(A[-1, names.index("nh3_produced_umol")] > 0, "no NH3 was produced")
with h5py.File(os.path.join(a, "fields.h5"), "r") as h:
    snaps = sorted(h["snapshots"].keys(), key=int)
    times = [float(h["snapshots"][k].attrs["time"][()] if np.ndim(h["snapshots"][k].attrs["time"]) == 0 else h["snapshots"][k].attrs["time"][0])
             for k in snaps]
    check(times == [50.0, 100.0, 150.0, 200.0], "snapshot times %s" % times)
    check(all("c_nh3" in h["snapshots"][k] for k in snaps), "a snapshot lacks c_nh3")
xmf = open(os.path.join(a, "fields.xmf")).read()
check('CollectionType="Temporal"' in xmf and xmf.count("<Time ") == 4, "fields.xmf is not a temporal collection of 4 times")
finish()
