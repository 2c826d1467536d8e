"""One output directory, one run at a time (solver/io/outdir.c), on tiny meshes so that each run takes a few
hundredths of a second and the tries are many:
  - 20 tries of two single runs (different temperatures) started together into one directory: each exits 0 or is
    refused (exit 3, one line naming the directory and the holder's pid and host, nothing written); the directory
    then holds one run's complete set: summary.json, fields.h5 and fields.xmf of the same run (run_id, temperature,
    the XDMF's columns those of fields.h5), and no lock, staging directory or partial file;
  - a run held in the middle (a long H-cell run) refuses a second run at once, and the directory is free after it;
  - 10 tries of two different sweeps started together into one directory: never both complete, and sweep.csv
    names the swept key whose values its rows hold;
  - two jobs of the same sweep with -sweep_shared share the directory and complete it; a single run is refused
    meanwhile;
  - a lock whose holder has died on this host (a pid that no longer runs, or a younger process with the pid) is
    taken over; one held from another host, or by a live process, is refused and names them;
  - SIGTERM and SIGINT in the middle release the lock and leave no staging directory;
  - 20 tries of kill -9 at random moments of a short run in time: no summary.json without its complete set, and the
    next run into the directory (the dead run's lock and staging directory left behind) succeeds."""
import json
import os
import random
import re
import signal
import socket
import subprocess
import time

import h5py

from azrun import AZOTE, case, check, finish, tmpdir

random.seed(19)
FLOW = ["-case", case("flowcell.yaml"), "-mesh_nx", "16", "-mesh_ny", "8", "-quiet"]
HCELL = ["-case", case("hcell.yaml"), "-mesh_nx", "16", "-mesh_ny", "8", "-quiet"]
BUSY = re.compile(r"^azote: error: -output_dir = '(.*)' is in use by another azote run \(.*pid (\d+) on host (\S+?)[,)].*$")


def start(args, d):
    return subprocess.Popen([AZOTE] + args + ["-output_dir", d], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def hidden(d):
    return [n for n in os.listdir(d) if n.startswith(".") or n.endswith(".partial")] if os.path.isdir(d) else []


def check_set(d, what):
    """summary.json, fields.h5 and fields.xmf of one run."""
    s = json.load(open(os.path.join(d, "summary.json")))
    with h5py.File(os.path.join(d, "fields.h5"), "r") as h:
        rid = h.attrs.get("run_id", "none")
        rid = rid.decode() if isinstance(rid, bytes) else rid
        T = float(h["inputs"].attrs["operating_temperature"])
        cols = h["c_n2"].shape[-1]
    xmf = open(os.path.join(d, "fields.xmf")).read()
    dims = re.search(r'Attribute Name="c_n2".*?Dimensions="(\d+) (\d+)"', xmf, re.S)
    ok = rid == s.get("run_id") and T == s["inputs"]["operating_temperature"] and dims and int(dims.group(2)) == cols
    check(ok, "%s: a mixed set: summary %s/%s K, fields.h5 %s/%s K, XDMF %s columns vs %d" %
          (what, s["run_id"], s["inputs"]["operating_temperature"], rid, T, dims.group(2) if dims else "?", cols))
    return s


# two single runs at once, 20 tries
refused = 0
for t in range(20):
    d = tmpdir()
    a = start(FLOW + ["-operating_temperature", "298.15"], d)
    b = start(FLOW + ["-operating_temperature", "310", "-mesh_nx", "20"], d)
    results = [(p.wait(), p.communicate()) for p in (a, b)]
    oks = 0
    for rc, (out, err) in results:
        if rc == 0:
            oks += 1
            continue
        refused += 1
        m = BUSY.match(err.strip())
        check(rc == 3 and len(err.splitlines()) == 1 and m and m.group(1) == d and m.group(3) == socket.gethostname().split(".")[0][:len(m.group(3))],
              "try %d: a refused run: exit %d, stderr %r" % (t, rc, err))
        check(out == "", "try %d: a refused run printed %r" % (t, out))
    check(oks >= 1, "try %d: neither run completed" % t)
    check_set(d, "try %d" % t)
    check(not hidden(d), "try %d: left %s" % (t, hidden(d)))
print("two runs at once, 20 tries: %d refused by the lock, never a mixed set" % refused)

# a run in the middle refuses the next at once
d = tmpdir()
long_run = start(HCELL + ["-time_end", "400", "-time_rtol", "1e-6"], d)
deadline = time.time() + 20
while not os.path.exists(os.path.join(d, ".azote.lock")) and time.time() < deadline:
    time.sleep(0.005)
t0 = time.time()
p = subprocess.run([AZOTE] + FLOW + ["-output_dir", d], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
m = BUSY.match(p.stderr.strip())
check(p.returncode == 3 and m and int(m.group(2)) == long_run.pid, "a held directory: exit %d, %r (holder %d)" % (p.returncode, p.stderr,
                                                                                                        long_run.pid))
print("held by pid %d: the second run refused in %.2f s: %s" % (long_run.pid, time.time() - t0, p.stderr.strip()))
check(long_run.wait() == 0, "the holder failed")
check(not hidden(d) and os.path.exists(os.path.join(d, "summary.json")), "after the holder: %s" % os.listdir(d))

# two different sweeps at once, 10 tries
for t in range(10):
    d = tmpdir()
    a = start(FLOW + ["-sweep_operating_pressure", "1e5,2e5,3e5"], d)
    b = start(FLOW + ["-sweep_flowcell_flow_rate", "1e-8,2e-8,3e-8"], d)
    rcs = [p.wait() for p in (a, b)]
    errs = [p.communicate()[1] for p in (a, b)]
    check(rcs.count(0) == 1, "try %d: two different sweeps into one directory: exits %s %s" % (t, rcs, errs))
    for rc, err in zip(rcs, errs):
        check(rc == 0 or (len(err.splitlines()) == 1 and ("is in use by" in err or "holds another sweep" in err)), "try %d: %r" % (t, err))
    rows = open(os.path.join(d, "sweep.csv")).read().splitlines()
    key = rows[0].split(",")[0]
    want = {"operating_pressure": {"1e5", "2e5", "3e5"}, "flowcell_flow_rate": {"1e-8", "2e-8", "3e-8"}}[key]
    check({r.split(",")[0] for r in rows[1:]} == want, "try %d: sweep.csv of %s holds %s" % (t, key, rows[1:]))
    check(not hidden(d), "try %d: left %s" % (t, hidden(d)))
print("two different sweeps at once, 10 tries: one completes, the other is refused")

# two jobs of one sweep share its directory (a SLURM job array); a single run is refused meanwhile
d = tmpdir()
shared = FLOW + ["-sweep_operating_pressure", "1e5:1e6:40", "-sweep_shared", "true"]
a, b = start(shared, d), start(shared, d)
while not os.path.exists(os.path.join(d, ".azote.lock")) and a.poll() is None:
    time.sleep(0.002)
p = subprocess.run([AZOTE] + FLOW + ["-output_dir", d], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
busy = a.poll() is None or b.poll() is None
rcs = [a.wait(), b.wait()]
check(rcs == [0, 0], "two jobs of one sweep: exits %s %s" % (rcs, [x.communicate()[1] for x in (a, b)]))
if busy:
    check(p.returncode == 3 and "a sweep's jobs" in p.stderr, "a single run into a shared sweep's directory: %d %r" % (p.returncode, p.stderr))
rows = open(os.path.join(d, "sweep.csv")).read().splitlines()[1:]
check(len(rows) == 40 and all(",ok," in r for r in rows), "the shared sweep's table: %d rows" % len(rows))
check(not hidden(d), "shared sweep: left %s" % hidden(d))
print("two jobs of one sweep: both complete the 40 points%s" % (", a single run refused meanwhile" if busy else ""))


def plant(d, host, pid, start=0):
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, ".azote.lock"), "w") as f:
        f.write("azote output-directory lock\nmode exclusive\nhost %s\npid %d\nstart %d\ntime %d\n" % (host, pid, start, time.time()))
    os.makedirs(os.path.join(d, ".azote-stage.%s.%d" % (host, pid)), exist_ok=True)
    open(os.path.join(d, ".azote-stage.%s.%d" % (host, pid), "fields.h5"), "w").write("partial")


# stale locks: a dead pid, and a live pid that started after the lock (the pid reused) are taken over
me = subprocess.run(["hostname"], stdout=subprocess.PIPE, text=True).stdout.strip()
dead = subprocess.Popen(["true"])
dead.wait()
for what, pid, st in (("a dead process", dead.pid, 0), ("a reused pid", os.getpid(), 1)):
    d = tmpdir()
    plant(d, re.sub(r"[^A-Za-z0-9.-]", "_", me), pid, st)
    p = subprocess.run([AZOTE] + FLOW + ["-output_dir", d], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    check(p.returncode == 0 and not hidden(d), "a lock of %s: exit %d %r, left %s" % (what, p.returncode, p.stderr, hidden(d)))
# held: by this (live) process, and from another host
for what, host, pid in (("a live process", re.sub(r"[^A-Za-z0-9.-]", "_", me), os.getpid()), ("another host", "node-elsewhere", 4242)):
    d = tmpdir()
    plant(d, host, pid)
    before = sorted(os.listdir(d))
    p = subprocess.run([AZOTE] + FLOW + ["-output_dir", d], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    m = BUSY.match(p.stderr.strip())
    check(p.returncode == 3 and m and int(m.group(2)) == pid and m.group(3) == host and sorted(os.listdir(d)) == before,
          "a lock held by %s: exit %d %r" % (what, p.returncode, p.stderr))
    if host != me:
        check("remove %s/.azote.lock" % d in p.stderr, "a lock from another host: no hint how to remove it: %r" % p.stderr)
# the lock's staging file of a run killed between writing it and linking it as the lock (kill -9 below found it once
# in 20 tries): removed by the next run where its process is dead, kept where it is alive (it is linking it)
host = re.sub(r"[^A-Za-z0-9.-]", "_", me)
for what, pid, gone in (("a dead process", dead.pid, True), ("a live process", os.getpid(), False)):
    d = tmpdir()
    os.makedirs(d, exist_ok=True)
    tmp = ".azote.lock.tmp.%s.%d" % (host, pid)
    open(os.path.join(d, tmp), "w").write("azote output-directory lock\nmode exclusive\nhost %s\npid %d\n" % (host, pid))
    p = subprocess.run([AZOTE] + FLOW + ["-output_dir", d], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    left = hidden(d)
    check(p.returncode == 0 and left == ([] if gone else [tmp]),
          "the lock's staging file of %s: exit %d %r, left %s" % (what, p.returncode, p.stderr, left))
print("stale locks taken over (dead pid, reused pid, a dead run's staging file of the lock); held ones refused (live pid, "
      "another host)")

# SIGTERM and SIGINT release the directory
for sig in (signal.SIGTERM, signal.SIGINT):
    d = tmpdir()
    p = start(HCELL + ["-time_end", "400", "-time_rtol", "1e-6"], d)
    while not os.path.exists(os.path.join(d, ".azote.lock")):
        time.sleep(0.002)
    time.sleep(0.05)
    p.send_signal(sig)
    rc = p.wait()
    check(rc == -sig and not hidden(d), "%s: exit %d, left %s" % (sig.name, rc, hidden(d)))
print("SIGTERM, SIGINT: the lock and the staging directory released")

# kill -9 at random moments, 20 tries
ref = tmpdir()
hargs = HCELL + ["-time_end", "60", "-time_output_interval", "20", "-time_rtol", "1e-5"]
t0 = time.time()
subprocess.run([AZOTE] + hargs + ["-output_dir", ref], check=True)
duration = time.time() - t0
for t in range(20):
    d = tmpdir()
    p = subprocess.Popen([AZOTE] + hargs + ["-output_dir", d], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(random.uniform(0, 1.2) * duration)
    p.send_signal(signal.SIGKILL)
    p.wait()
    if os.path.exists(os.path.join(d, "summary.json")):
        check_set(d, "kill try %d" % t)
    q = subprocess.run([AZOTE] + hargs + ["-output_dir", d], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    check(q.returncode == 0 and not hidden(d), "kill try %d: the next run: exit %d %r, left %s" % (t, q.returncode, q.stderr, hidden(d)))
    check_set(d, "kill try %d, rerun" % t)
print("kill -9, 20 tries: no incomplete set, the next run takes the directory over")
finish()
