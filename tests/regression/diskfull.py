"""A full disk at every stage of writing (fault injection): a small file system (tmpfs) is filled so that it has X bytes
left, for X from 0 up in steps of one page until the run succeeds, before a run into a directory that holds a
previous run's complete results. Every run must either succeed, with a complete set of its own, or fail with exit
status 3 and one line "azote: error: cannot write DIR/FILE: no space left on device" naming the file it was writing,
and leave no partial file, no staging directory, no lock and no reserve behind, and the previous results either
intact (byte for byte) or removed -- never mixed with the new run's. Runs: the steady flow cell with and without
fields (fields.xmf, fields.h5, summary.json), the H-cell in time with fields (checkpoint.h5, the streamed snapshots
in fields.h5) and without, and over 200 time steps into an empty directory (timeseries.csv), and a sweep (sweep.d's point files and signature, sweep.csv,
sweep.h5); every stage must be met at least once. Skipped (exit 77) where a tmpfs cannot be mounted (not root, or no
CAP_SYS_ADMIN)."""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import h5py

from azrun import AZOTE, case, check, finish, tmpdir

SKIP = 77
PAGE = 4096

if os.geteuid() != 0:
    print("SKIPPED: mounting a small tmpfs needs root")
    sys.exit(SKIP)
mnt = tempfile.mkdtemp(prefix="azote-diskfull-")
p = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1536k", "tmpfs", mnt], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
if p.returncode != 0:
    os.rmdir(mnt)
    print("SKIPPED: cannot mount a tmpfs here (%s)" % p.stdout.strip())
    sys.exit(SKIP)

FILLER = os.path.join(mnt, "filler")
STAGE_NAMES = ("fields.h5", "fields.xmf", "summary.json", "timeseries.csv", "checkpoint.h5", "sweep.csv", "sweep.h5", "sweep.d/point",
               "sweep.d/signature")
met = set()


def free():
    st = os.statvfs(mnt)
    return st.f_bavail * st.f_frsize


def fill(leave):
    """Sizes the filler so that `leave` bytes (rounded to pages) stay free."""
    with open(FILLER, "ab") as f:
        f.truncate(0)
    want = free() - leave
    if want > 0:
        with open(FILLER, "r+b") as f:
            os.posix_fallocate(f.fileno(), 0, want)


def snapshot(d):
    """Every file under d (relative path -> sha1)."""
    out = {}
    for root, _, files in os.walk(d):
        for n in files:
            path = os.path.join(root, n)
            with open(path, "rb") as f:
                out[os.path.relpath(path, d)] = hashlib.sha1(f.read()).hexdigest()
    return out


def leftovers(d):
    bad = []
    for root, dirs, files in os.walk(d):
        for n in dirs + files:
            if n.endswith(".partial") or n.startswith(".azote") or n.endswith(".reserve") or n.endswith(".probe"):
                bad.append(os.path.relpath(os.path.join(root, n), d))
    return bad


def run_id(path):
    with h5py.File(path, "r") as h:
        v = h.attrs.get("run_id")
    return v.decode() if isinstance(v, bytes) else v


def consistent(d, what):
    """A directory with summary.json: one run's complete set (the other files carry its run_id and its inputs)."""
    s = json.load(open(os.path.join(d, "summary.json")))
    rid = s.get("run_id")
    for h5 in ("fields.h5", "checkpoint.h5"):
        if os.path.exists(os.path.join(d, h5)):
            check(run_id(os.path.join(d, h5)) == rid, "%s: %s is not of the run of summary.json" % (what, h5))
    if os.path.exists(os.path.join(d, "fields.h5")):
        with h5py.File(os.path.join(d, "fields.h5"), "r") as h:
            T = float(h["inputs"].attrs["operating_temperature"])
        check(T == s["inputs"]["operating_temperature"], "%s: fields.h5 and summary.json disagree on the temperature" % what)
    return s


def fault_series(name, args_old, args_new, sweep=False, step=1, fresh=False):
    """Runs args_new over the complete results of args_old with 0, step, 2 step, ... pages free until it succeeds."""
    pristine = tmpdir()
    d = os.path.join(mnt, name)
    p = subprocess.run([AZOTE] + args_old + ["-output_dir", pristine, "-quiet"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    check(p.returncode == 0, "%s: the first run failed: %s" % (name, p.stdout))
    stages = []
    for pages in range(0, 400, step):
        shutil.rmtree(d, ignore_errors=True)
        if fresh:
            os.mkdir(d)
        else:
            shutil.copytree(pristine, d)
        if sweep:  # the same sweep again, its points to compute anew: new tables over the old ones
            for f in os.listdir(os.path.join(d, "sweep.d")):
                if f != "signature":
                    os.unlink(os.path.join(d, "sweep.d", f))
        before = {k: v for k, v in snapshot(d).items()}
        fill(pages * PAGE)
        p = subprocess.run([AZOTE] + args_new + ["-output_dir", d, "-quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        os.unlink(FILLER)
        lines = p.stderr.splitlines()
        left = leftovers(d)
        check(not left, "%s, %d pages free: left behind %s" % (name, pages, left))
        now = snapshot(d)
        if p.returncode == 0:
            check(not lines, "%s, %d pages free: a successful run printed %r" % (name, pages, p.stderr))
            if not sweep:
                s = consistent(d, "%s, %d pages" % (name, pages))
                check(s["inputs"]["operating_temperature"] == 300.0, "%s: the new set is not the new run's" % name)
            else:  # the new tables, whole
                rows = open(os.path.join(d, "sweep.csv")).read().splitlines()[1:]
                with h5py.File(os.path.join(d, "sweep.h5"), "r") as h:
                    n5 = len(h["ok"])
                check(len(rows) == 3 and all(",ok," in r for r in rows) and n5 == 3, "%s: the new tables: %d rows, sweep.h5 %d" % (name, len(rows),
                                                                                                                      n5))
            break
        m = re.match(r"^azote: error: cannot write (\S+): no space left on device$", lines[0]) if len(lines) == 1 else None
        check(p.returncode == 3 and m is not None,
              "%s, %d pages free: exit %d, stderr %r (expected exit 3 and one 'no space left' line)" % (name, pages, p.returncode, p.stderr))
        if not m:
            continue
        path = m.group(1)
        rel = os.path.relpath(path, d) if path.startswith(d) else path
        stage = "sweep.d/point" if re.match(r"sweep\.d/\d+\.csv$", rel) else rel
        if not stages or stages[-1] != stage:
            stages.append(stage)
        met.add(stage)
        # the previous results: intact, or gone (a run in time replaces them at its first checkpoint), never mixed
        if "summary.json" in now or "sweep.csv" in now:
            for k, v in before.items():
                if k in ("summary.json", "fields.h5", "fields.xmf", "timeseries.csv", "checkpoint.h5", "sweep.csv", "sweep.h5"):
                    check(now.get(k) == v, "%s, %d pages free, failed at %s: the previous %s changed or went while its marker stayed" %
                          (name, pages, stage, k))
        else:
            for k in before:
                if k in ("fields.h5", "fields.xmf", "timeseries.csv"):
                    check(k not in now, "%s, %d pages free, failed at %s: %s stays without its summary.json" % (name, pages, stage, k))
            if "checkpoint.h5" in now:  # the new run's own, complete
                check(now["checkpoint.h5"] != before.get("checkpoint.h5"), "%s: an old checkpoint without its summary" % name)
    else:
        check(False, "%s: never succeeded" % name)
    print("%s: succeeded with %d pages free; failed cleanly before, at %s" % (name, pages, " -> ".join(stages)))


try:
    flow = ["-case", case("flowcell.yaml"), "-mesh_nx", "16", "-mesh_ny", "8"]
    hcell = ["-case", case("hcell.yaml"), "-mesh_nx", "16", "-mesh_ny", "8", "-time_end", "20", "-time_output_interval", "10"]
    fault_series("flowcell", flow + ["-operating_temperature", "298.15"], flow + ["-operating_temperature", "300"])
    fault_series("flowcell-nofields", flow + ["-operating_temperature", "298.15", "-output_fields", "false"],
                 flow + ["-operating_temperature", "300", "-output_fields", "false"])
    fault_series("hcell", hcell + ["-operating_temperature", "298.15"], hcell + ["-operating_temperature", "300"])
    fault_series("hcell-nofields", hcell + ["-operating_temperature", "298.15", "-output_fields", "false"],
                 hcell + ["-operating_temperature", "300", "-output_fields", "false"])
    # 200 time steps into an empty directory: a timeseries.csv larger than the room the last checkpoint leaves
    hlong = hcell + ["-time_end", "100", "-time_output_interval", "50", "-time_rtol", "1e-5", "-output_fields", "false"]
    fault_series("hcell-long", hlong + ["-operating_temperature", "298.15"], hlong + ["-operating_temperature", "300"], step=2, fresh=True)
    sweep = flow + ["-sweep_operating_pressure", "1e5,2e5,3e5"]
    fault_series("sweep", sweep, sweep, sweep=True)
    # a fresh sweep directory: its signature first
    d = os.path.join(mnt, "fresh")
    fill(0)
    p = subprocess.run([AZOTE] + sweep + ["-output_dir", d, "-quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    os.unlink(FILLER)
    check(p.returncode == 3 and len(p.stderr.splitlines()) == 1 and "no space left on device" in p.stderr and not os.path.exists(d),
          "a sweep on a full disk: exit %d, %r, directory left: %s" % (p.returncode, p.stderr, os.path.exists(d)))

    missing = [s for s in STAGE_NAMES if s not in met and s != "sweep.d/signature"]
    print("stages met: %s" % ", ".join(sorted(met)))
    check(not missing, "stages never met by a full disk: %s" % missing)
finally:  # whatever happened, the file system goes
    subprocess.run(["umount", mnt])
    os.rmdir(mnt)
finish()
