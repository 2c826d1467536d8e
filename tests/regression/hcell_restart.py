"""The H-cell in time: a run continued from its checkpoint reproduces the uninterrupted run's time series (to 1e-10
relative per column), every time step conserves N2 (fed = accumulated + consumed) and NH3 (produced = in the cell),
to 1e-8, and the files of a transient run are complete (timeseries.csv, snapshots in fields.h5 described by a temporal
XDMF collection). The continued run's fields.h5 and fields.xmf hold the whole history, the snapshots before the
restart included (read from the fields.h5 beside the checkpoint), equal to the uninterrupted run's; a fields.h5 there
that another case wrote is not taken (one line says so). A checkpoint of another case is refused with one line naming
the key that differs."""
import csv
import os
import re
import shutil

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


def snapshots(d):
    """Times and fields of fields.h5's snapshots, in group order."""
    with h5py.File(os.path.join(d, "fields.h5"), "r") as h:
        keys = sorted(h["snapshots"].keys(), key=int)
        return ([float(np.ravel(h["snapshots"][k].attrs["time"])[0]) for k in keys],
                [{n: h["snapshots"][k][n][...] for n in h["snapshots"][k]} for k in keys])


def xmf_times(d):
    """The times of fields.xmf's temporal collection of the cell fields."""
    xmf = open(os.path.join(d, "fields.xmf")).read()
    block = re.search(r'<Grid Name="azote_time".*?(?=<Grid Name="electrode|</Domain>)', xmf, re.S)
    return [float(v) for v in re.findall(r'<Time Value="([^"]+)"', block.group(0))] if block else []


times, snaps = snapshots(a)
check(times == [50.0, 100.0, 150.0, 200.0], "snapshot times %s" % times)
check(all("c_nh3" in s for s in snaps), "a snapshot lacks c_nh3")
check(xmf_times(a) == times, "fields.xmf lists %s, not the snapshots %s" % (xmf_times(a), times))
# the continued run: the whole history, equal to the uninterrupted run's
ct, cs = snapshots(c)
print("continued run: snapshots at %s, fields.xmf at %s" % (ct, xmf_times(c)))
check(ct == times and xmf_times(c) == times, "the continued run holds snapshots %s, fields.xmf %s; expected %s" % (ct, xmf_times(c), times))
if ct == times:
    dev = max(np.abs(s[n] - u[n]).max() / max(np.abs(u[n]).max(), 1e-300) for s, u in zip(cs, snaps) for n in u)
    print("continued run: snapshots deviate from the uninterrupted run's by %.3g" % dev)
    check(dev <= 1e-10, "the continued run's snapshots deviate by %.3g" % dev)
# beside the checkpoint, the fields.h5 of another case (hcell_delta 2e-4): not taken
e, f = tmpdir(), tmpdir()
run(base + ["-time_end", "100", "-output_dir", e, "-hcell_delta", "2e-4"])
shutil.copy(os.path.join(b, "checkpoint.h5"), os.path.join(e, "checkpoint.h5"))
_, out = run([x for x in base if x != "-quiet"] + ["-time_end", "200", "-output_dir", f, "-restart", os.path.join(e, "checkpoint.h5")])
print(out.strip())
ft, _ = snapshots(f)
check("is not the run that wrote the checkpoint" in out and ft == [150.0, 200.0] and xmf_times(f) == ft,
      "another case's fields.h5 beside the checkpoint: snapshots %s, fields.xmf %s (expected 150, 200 and one line)" % (ft, xmf_times(f)))
finish()
