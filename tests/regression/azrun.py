"""Helpers for azote's regression tests: run the programs as a user would and read their outputs."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

AZOTE = os.environ["AZOTE"]
# built with AddressSanitizer (./scripts/test --sanitize): memory is the sanitizer's (shadow memory, redzones)
SANITIZED = b"libasan" in subprocess.run(["ldd", AZOTE], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
SOURCE = os.environ["AZOTE_SOURCE_DIR"]
MPIEXEC = os.environ.get("MPIEXEC", "mpiexec")
FAILURES = []
TMPDIRS = []


def run(args, np=1, check=True):
    """Run azote with args on np ranks; return (exit status, stdout+stderr)."""
    cmd = ([MPIEXEC, "-n", str(np)] if np > 1 else []) + [AZOTE] + list(args)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
    if check and p.returncode != 0:
        print(p.stdout)
        fail("azote exited with %d: %s" % (p.returncode, " ".join(cmd)))
    return p.returncode, p.stdout


def case(name):
    return os.path.join(SOURCE, "cases", name)


def summary(outdir):
    with open(os.path.join(outdir, "summary.json")) as f:
        return json.load(f)


def si_metrics(m):
    """summary.json's metrics less the named-unit companions (x_mA_cm2 beside x_A_m2, x_mM beside x_mol_m3) that
    summary.json and the console add; sweep.csv, sweep.h5 and timeseries.csv carry the SI metrics alone."""
    def companion(k):
        return (k.endswith("_mA_cm2") and k[:-7] + "_A_m2" in m) or (k.endswith("_mM") and k[:-3] + "_mol_m3" in m)
    return {k: v for k, v in m.items() if not companion(k)}


def same_solution(label, a, b, tol=1e-10):
    """Two runs' summaries that should hold the same solution: the largest relative difference of their SI metrics
    (the balances apart: round-off of either run, each checked below tol), returned."""
    ma, mb = si_metrics(a["metrics"]), si_metrics(b["metrics"])
    for k in (k for k in mb if k.endswith("_balance_rel")):
        check(abs(mb[k]) < tol, "%s: %s = %g" % (label, k, mb[k]))
    return max(abs(mb[k] - v) / max(abs(v), 1e-30) for k, v in ma.items()
               if isinstance(v, float) and v != 0 and not k.endswith("_balance_rel"))


def fail(msg):
    print("FAIL:", msg)
    FAILURES.append(msg)


def check(cond, msg):
    if not cond:
        fail(msg)
    return cond


def tmpdir():
    """A fresh directory for one run's output: removed by finish() when the test passes, kept when it fails."""
    TMPDIRS.append(tempfile.mkdtemp(prefix="azote-test-"))
    return TMPDIRS[-1]


def finish():
    print("%d failure(s)" % len(FAILURES))
    if FAILURES:
        print("outputs kept in: %s" % " ".join(TMPDIRS))
    else:
        for d in TMPDIRS:
            shutil.rmtree(d, ignore_errors=True)
    sys.exit(1 if FAILURES else 0)
