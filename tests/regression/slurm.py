"""scripts/azote-slurm against a real SLURM (Debian's slurm-wlm, ../shared/reference/local-slurm.md): the test starts
munged, slurmctld and slurmd on this host with a private slurm.conf in a scratch directory, then
  - submits a 2 x 2 sweep as one MPI job of 2 ranks and waits: sweep.csv appears, every point ok;
  - submits the same sweep as a job array of 2 one-rank tasks sharing the points: the last task writes the table,
    which equals the single job's in every column but the wall times;
  - submits an 8-sample uncertainty study as a job array of 2 tasks: its bands equal those of a single run;
and stops the daemons. Skipped (exit 77, one line saying why) only where SLURM is not installed or the daemons do
not come up."""
import csv
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

from azrun import SOURCE, case, check, finish, run, tmpdir

SKIP = 77


def skip(why):
    print("SKIPPED: %s" % why)
    sys.exit(SKIP)


for prog in ("slurmctld", "slurmd", "sbatch", "munged"):
    if not shutil.which(prog) and not os.path.exists("/usr/sbin/" + prog):
        skip("%s is not installed (apt-get install slurm-wlm munge)" % prog)
if os.geteuid() != 0:
    skip("the local SLURM needs root to start munged, slurmctld and slurmd")

started = []
scratch = tempfile.mkdtemp(prefix="azote-slurm-")
env = dict(os.environ, SLURM_CONF=os.path.join(scratch, "slurm.conf"))


def sh(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, **kw)


def stop():
    for pidfile in ("slurmd.pid", "slurmctld.pid"):
        try:
            os.kill(int(open(os.path.join(scratch, pidfile)).read().strip()), signal.SIGTERM)
        except (OSError, ValueError):
            pass
    if "munged" in started:
        sh(["pkill", "-x", "munged"])


# munge, as its own user
if sh(["bash", "-c", "munge -n | unmunge"]).returncode != 0:
    for d in ("/run/munge", "/var/log/munge", "/var/lib/munge"):
        os.makedirs(d, exist_ok=True)
    if not os.path.exists("/etc/munge/munge.key"):
        sh(["/usr/sbin/mungekey", "--create"])
    sh(["chown", "-R", "munge:munge", "/run/munge", "/var/log/munge", "/var/lib/munge", "/etc/munge"])
    os.chmod("/var/log/munge", 0o700)
    sh(["runuser", "-u", "munge", "--", "/usr/sbin/munged"])
    started.append("munged")
    time.sleep(0.5)
    if sh(["bash", "-c", "munge -n | unmunge"]).returncode != 0:
        stop()
        skip("munged does not start here")

host = socket.gethostname()
conf = """ClusterName=azote
SlurmctldHost={host}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
SlurmctldPort=16817
SlurmdPort=16818
StateSaveLocation={s}/state
SlurmdSpoolDir={s}/spool
SlurmctldPidFile={s}/slurmctld.pid
SlurmdPidFile={s}/slurmd.pid
SlurmctldLogFile={s}/slurmctld.log
SlurmdLogFile={s}/slurmd.log
NodeName={host} CPUs=2 State=UNKNOWN
PartitionName=debug Nodes={host} Default=YES MaxTime=INFINITE State=UP
""".format(host=host, s=scratch)
os.makedirs(os.path.join(scratch, "state"))
os.makedirs(os.path.join(scratch, "spool"))
open(env["SLURM_CONF"], "w").write(conf)
sh(["/usr/sbin/slurmctld"])
sh(["/usr/sbin/slurmd"])
deadline = time.time() + 40
while time.time() < deadline and "idle" not in sh(["sinfo", "-h", "-o", "%T"]).stdout:
    time.sleep(0.5)
if "idle" not in sh(["sinfo", "-h", "-o", "%T"]).stdout:
    log = sh(["tail", "-3", os.path.join(scratch, "slurmctld.log")]).stdout.replace("\n", " | ")
    stop()
    skip("slurmctld/slurmd did not bring the node up in 40 s (%s)" % log)

try:
    SLURM = os.path.join(SOURCE, "scripts", "azote-slurm")
    sweep = ["--", "-sweep_operating_pressure", "1e5,3e5", "-sweep_flowcell_flow_rate", "1e-9,1e-8", "-output_fields", "false"]

    def table(d):
        with open(os.path.join(d, "sweep.csv")) as f:
            return list(csv.DictReader(f))

    one = tmpdir()
    p = sh([SLURM, "submit", case("flowcell.yaml"), "-n", "2", "--output-dir", one, "--wait"] + sweep, timeout=300)
    print(p.stdout.strip())
    check(p.returncode == 0 and os.path.exists(os.path.join(one, "sweep.csv")), "single MPI job: exit %d, no sweep.csv" % p.returncode)
    A = table(one) if os.path.exists(os.path.join(one, "sweep.csv")) else []
    check(len(A) == 4 and all(r["status"] == "ok" for r in A), "single MPI job: %d rows" % len(A))

    arr = tmpdir()
    p = sh([SLURM, "submit", case("flowcell.yaml"), "-n", "1", "--array", "2", "--output-dir", arr, "--wait"] + sweep, timeout=300)
    print(p.stdout.strip())
    check(p.returncode == 0, "job array: exit %d: %s" % (p.returncode, p.stdout.strip()))
    if not os.path.exists(os.path.join(arr, "sweep.csv")):  # both tasks ended at once: the merge command writes it
        q = sh([SLURM, "merge", case("flowcell.yaml"), "--output-dir", arr] + sweep, timeout=300)
        print("merge: %s" % q.stdout.strip().splitlines()[-1:])
    B = table(arr) if os.path.exists(os.path.join(arr, "sweep.csv")) else []
    same = len(A) == len(B) == 4 and all(a[k] == b[k] for a, b in zip(A, B) for k in a if k != "wall_s")
    logs = [f for f in os.listdir(arr) if f.startswith("slurm-")]
    print("job array of 2 tasks: %d rows, %d task logs, table %s the single job's" % (len(B), len(logs), "equals" if same else "DIFFERS from"))
    check(same and len(logs) == 2, "job array: table equal %s, %d logs" % (same, len(logs)))

    # an uncertainty study as a job array: the tasks share the samples; the bands equal a single run's
    study = ["--", "-uq_samples", "8", "-mesh_nx", "60", "-mesh_ny", "16", "-output_fields", "false"]
    uqa, ref = tmpdir(), tmpdir()
    p = sh([SLURM, "submit", case("flowcell.yaml"), "-n", "1", "--array", "2", "--output-dir", uqa, "--wait"] + study, timeout=300)
    check(p.returncode == 0, "uncertainty study as a job array: exit %d: %s" % (p.returncode, p.stdout.strip()))
    if not os.path.exists(os.path.join(uqa, "uncertainty.json")):  # both tasks ended at once
        sh([SLURM, "merge", case("flowcell.yaml"), "--output-dir", uqa] + study, timeout=300)
    run(["-case", case("flowcell.yaml"), "-quiet", "-output_dir", ref] + study[1:])
    U = json.load(open(os.path.join(uqa, "uncertainty.json"))) if os.path.exists(os.path.join(uqa, "uncertainty.json")) else {}
    V = json.load(open(os.path.join(ref, "uncertainty.json")))
    same = bool(U) and all(U["metrics"][k][q] == V["metrics"][k][q] for k in V["metrics"] for q in ("mean", "sigma", "p05", "p50", "p95"))
    print("uncertainty study as a job array of 2 tasks: %d samples ran, bands %s a single run's" % (U.get("ok", 0), "equal" if same else "DIFFER from"))
    if not check(same and U.get("ok") == 8, "uncertainty study as a job array"):
        for f in sorted(os.listdir(uqa)):  # what the tasks said
            if f.startswith("slurm-"):
                print("%s:\n%s" % (f, open(os.path.join(uqa, f)).read()[-2000:]))
finally:
    stop()
    shutil.rmtree(scratch, ignore_errors=True)
finish()
