"""A shipped case on 1, 2 and 3 ranks: complete outputs, mass balance below 1e-8, and the same metrics and fields to
1e-8 relative (DESIGN §6). Also checks that fields.xmf describes datasets that exist in fields.h5.
usage: np_consistency.py CASE.yaml [-KEY VALUE ...] (a file of cases/, and keys for every run). A transient case runs its
first 120 s; its time series must agree too (every column but the round-off-sized balance errors)."""
import os
import re
import sys

import h5py
import numpy as np

from azrun import case, check, finish, run, summary, tmpdir

case_file = sys.argv[1] if len(sys.argv) > 1 else "flowcell.yaml"
keys = sys.argv[2:]
out = tmpdir()
results = {}
for np_ in (1, 2, 3):
    d = os.path.join(out, "np%d" % np_)
    extra = ["-time_end", "120", "-time_output_interval", "60"] if case_file.startswith("hcell") else []  # hcell-orr-n2or too
    run(["-case", case(case_file), "-output_dir", d, "-quiet"] + extra + keys, np=np_)
    for f in ("summary.json", "fields.h5", "fields.xmf"):
        check(os.path.getsize(os.path.join(d, f)) > 0, "np %d: %s missing or empty" % (np_, f))
    check(not [f for f in os.listdir(d) if f.endswith(".partial")], "np %d: a .partial file was left" % np_)
    s = summary(d)
    check(s["status"] == "ok", "np %d: status %s" % (np_, s["status"]))
    check(s["solver"]["ranks"] == np_, "np %d: summary says %d ranks" % (np_, s["solver"]["ranks"]))
    m = s["metrics"]
    check(m["mass_balance_rel"] < 1e-8, "np %d: mass_balance_rel = %g >= 1e-8" % (np_, m["mass_balance_rel"]))
    with h5py.File(os.path.join(d, "fields.h5"), "r") as h:
        results[np_] = (m, {k: h[k][...] for k in h if k.startswith("c_")})
        # every dataset the XDMF names must exist with the dimensions it states
        xmf = open(os.path.join(d, "fields.xmf")).read()
        for dims, name in re.findall(r'Dimensions="([0-9 ]+)"[^>]*>fields.h5:(/[\w/]+)<', xmf):
            shape = tuple(int(x) for x in dims.split())
            check(name in h and h[name].shape == shape, "np %d: fields.xmf names %s %s, fields.h5 has %s"
                  % (np_, name, shape, h[name].shape if name in h else "nothing"))
        check(h["c_n2"].attrs["unit"] in (b"mol/m^3", "mol/m^3"), "c_n2 has no unit attribute")
        check("cell" in h["inputs"].attrs, "fields.h5 lacks the resolved inputs")
    ts = os.path.join(d, "timeseries.csv")
    if os.path.exists(ts):  # every column but the round-off-sized balance errors
        names = open(ts).readline().strip().split(",")
        keep = [i for i, n in enumerate(names) if not n.endswith("balance_rel")]
        results[np_][1]["timeseries"] = np.loadtxt(ts, delimiter=",", skiprows=1)[:, keep]

m1, c1 = results[1]
for np_ in (2, 3):
    m, c = results[np_]
    for k, v in m1.items():
        if k == "mass_balance_rel":
            continue
        rel = abs(m[k] - v) / max(abs(v), 1e-300) if v != 0 else abs(m[k])
        check(rel <= 1e-8, "np %d: %s = %.17g differs from np 1 (%.17g) by %.2e relative" % (np_, k, m[k], v, rel))
    for k in c1:
        if c[k].shape != c1[k].shape:
            check(False, "np %d: %s has shape %s, np 1 %s" % (np_, k, c[k].shape, c1[k].shape))
            continue
        # relative to the field's largest value: a diffusion front's tail (1e-12 of the peak) is solver noise
        rel = np.abs(c[k] - c1[k]).max() / max(np.abs(c1[k]).max(), 1e-300)
        check(rel <= 1e-8, "np %d: %s field differs from np 1 by %.2e of its largest value" % (np_, k, rel))
    print("np %d: metrics and fields agree with np 1" % np_)
finish()
