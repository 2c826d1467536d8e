"""Uncertainty studies through the program (solver/uq.c, postproc/azuq.py; docs/uq.md):
  - a study whose flow rate is so uncertain that some samples are negative: those samples are recorded as failed, with
    the key in their error, listed in uncertainty.json, and not averaged in (its mean and percentiles equal those of
    the samples that ran, recomputed here from sweep.csv);
  - the same seed gives the same bands on 1 rank and on 2 ranks (groups of 1: identical; one group of 2: 1e-8), and
    another seed other samples;
  - killed mid-way and run again, the study resumes (the sweep engine) and writes the same uncertainty.json;
  - the property defaults: the default flow cell (N2, KCl, no potential) gets the N2 Henry, salting-out, diffusivity and
    viscosity factors, and each factor acts on the property it names (summary.json of single runs).
"""
import csv
import json
import os
import signal
import subprocess
import time

import numpy as np

from azrun import AZOTE, case, check, finish, run, summary, tmpdir

COARSE = ["-mesh_nx", "60", "-mesh_ny", "16", "-output_fields", "false"]
BASE = ["-case", case("flowcell.yaml"), "-quiet"] + COARSE


def load(d):
    return json.load(open(os.path.join(d, "uncertainty.json")))


def rows(d):
    return list(csv.DictReader(open(os.path.join(d, "sweep.csv"))))


# failed samples: a normal flow rate with sigma 80 % is negative in about 1 sample of 10
d = tmpdir()
rc, out = run(BASE + ["-output_dir", d, "-uq_samples", "32", "-uncertainty_defaults", "false", "-uncertainty_flowcell_flow_rate_sigma", "0.8",
                      "-uncertainty_props_diffusivity_factor_sigma", "0.05"], check=False)
check(rc == 0, "a study with failing samples exits %d" % rc)
u, r = load(d), rows(d)
bad = [x for x in r if x["status"] == "failed"]
good = [x for x in r if x["status"] == "ok"]
print("failed samples: %d of %d; reported %d: %s" % (len(bad), len(r), len(u["failed"]), bad[0]["error"] if bad else "-"))
check(len(bad) >= 1 and len(good) >= 20, "expected some failed samples, got %d of %d" % (len(bad), len(r)))
check(sorted(f["sample"] for f in u["failed"]) == sorted(int(x["point"]) for x in bad), "uncertainty.json does not list the failed samples")
check(all("flowcell_flow_rate" in f["error"] for f in u["failed"]), "the failed samples' errors do not name the key")
check(u["ok"] == len(good) and u["samples"] == 32, "ok %d, samples %d" % (u["ok"], u["samples"]))
y = np.array([float(x["i_n2rr_A_m2"]) for x in good])
m = u["metrics"]["i_n2rr_A_m2"]
dev = max(abs(m["mean"] / y.mean() - 1), abs(m["sigma"] / y.std(ddof=1) - 1))
print("mean, sigma over the samples that ran: deviation %.2g; n = %d" % (dev, m["n"]))
check(dev < 1e-12 and m["n"] == len(good), "the statistics are not those of the samples that ran")
check(all(x["i_n2rr_A_m2"] == "nan" for x in bad), "a failed sample has numbers")

# the same seed on 1 and 2 ranks
study = ["-uq_samples", "16", "-uq_seed", "3", "-uncertainty_flowcell_flow_rate_sigma", "0.05"]
one, two, grp, other = tmpdir(), tmpdir(), tmpdir(), tmpdir()
run(BASE + study + ["-output_dir", one])
run(BASE + study + ["-output_dir", two], np=2)
run(BASE + study + ["-output_dir", grp, "-sweep_ranks_per_case", "2"], np=2)
run(BASE + study[:3] + ["4"] + study[4:] + ["-output_dir", other])
a, b, g, o = load(one), load(two), load(grp), load(other)
names = ["mean", "sigma", "p05", "p50", "p95"]


def worst(x, z):
    w = 0.0
    for k, s in x["metrics"].items():
        if s["numerical"]:
            continue
        for n in names:
            if n == "sigma" and s["constant"]:  # the spread of a constant (HER here) is the ranks' round-off
                continue
            w = max(w, abs(s[n] - z["metrics"][k][n]) / max(abs(s[n]), 1e-300))
        for n in ("sobol_first", "sobol_total"):
            for i in s[n]:
                w = max(w, abs(s[n][i] - z["metrics"][k][n][i]))
    return w


print("same seed: 1 vs 2 ranks (groups of 1) %.2g, 1 rank vs one group of 2 ranks %.2g; seed 3 vs 4: %.2g" %
      (worst(a, b), worst(a, g), worst(a, o)))
check(worst(a, b) == 0, "1 and 2 ranks give different bands")
check(worst(a, g) < 1e-8, "1 rank and a group of 2 ranks give different bands")
check(worst(a, o) > 1e-6, "another seed gives the same samples")
check(open(os.path.join(one, "uq_design.csv")).read() == open(os.path.join(two, "uq_design.csv")).read(), "designs differ")

# kill and resume
d = tmpdir()
big = BASE + ["-uq_samples", "64", "-output_dir", d]
p = subprocess.Popen([AZOTE] + big, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
deadline = time.time() + 120
sd = os.path.join(d, "sweep.d")
while time.time() < deadline and (len([f for f in os.listdir(sd) if f.endswith(".csv")]) if os.path.isdir(sd) else 0) < 5:
    time.sleep(0.05)
p.send_signal(signal.SIGKILL)
p.wait()
ndone = len([f for f in os.listdir(sd) if f.endswith(".csv")])
check(not os.path.exists(os.path.join(d, "uncertainty.json")), "a killed study left an uncertainty.json")
rc, out = run([x for x in big if x != "-quiet"], check=False)
ref = tmpdir()
run(BASE + ["-uq_samples", "64", "-output_dir", ref])
same = worst(load(d), load(ref)) == 0
print("killed after %d of 64 samples, resumed (%s): bands %s" % (ndone, "resuming" in out, "identical" if same else "DIFFERENT"))
check(rc == 0 and "resuming" in out and 64 > ndone >= 5 and same, "kill and resume")
check("uncertainty: 64 samples, 64 ran" in out and "dominant inputs" in out, "the console table is missing:\n" + out)

# the default inputs of the default flow cell, and what each factor acts on
u = load(ref)
print("default inputs: %s" % ", ".join(u["inputs"]))
check(list(u["inputs"]) == ["props_henry_factor_n2", "props_salting_factor", "props_diffusivity_factor", "props_viscosity_factor"],
      "default inputs of the flow cell: %s" % list(u["inputs"]))
check(all(v["distribution"] == "uniform" and v["source"].startswith("default:") for v in u["inputs"].values()), "default inputs")
base, fac = tmpdir(), tmpdir()
run(BASE + ["-output_dir", base])
s0 = summary(base)
for key, f in (("props_henry_factor_n2", 1.1), ("props_diffusivity_factor", 1.2), ("props_viscosity_factor", 1.25), ("props_salting_factor", 2.0)):
    run(BASE + ["-output_dir", fac, "-" + key, repr(f)])
    s = summary(fac)
    c, dn = s["properties"]["c_sat_n2_mol_m3"] / s0["properties"]["c_sat_n2_mol_m3"], s["metrics"]["D_n2_m2_s"] / s0["metrics"]["D_n2_m2_s"]
    mu = s["properties"]["viscosity_Pa_s"]
    sf = s["properties"]["salting_factor_n2"] / s0["properties"]["salting_factor_n2"]
    print("  %s = %g: c_sat x %.6f, D x %.6f, salting factor x %.6f" % (key, f, c, dn, sf))
    want = {"props_henry_factor_n2": (1.1, 1, 1), "props_diffusivity_factor": (1, 1.2, 1), "props_viscosity_factor": (1, 1 / 1.25, 1),
            "props_salting_factor": (s0["properties"]["salting_factor_n2"], 1, s0["properties"]["salting_factor_n2"])}[key]
    check(abs(c / want[0] - 1) < 1e-12 and abs(dn / want[1] - 1) < 1e-12 and abs(sf / want[2] - 1) < 1e-12, "%s acts wrongly" % key)
finish()
