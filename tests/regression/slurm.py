"""scripts/azote-slurm against a real SLURM (Debian's slurm-wlm, ../shared/reference/local-slurm.md), started on this
host by scripts/local-slurm (munged, slurmctld and slurmd with a private slurm.conf in a scratch directory):
  - first, without SLURM: the job script carries the case's `slurm:` block (time, mem, account) and the command line's
    resources (qos, partition), the command line winning; azote runs that case (it ignores the block); an unknown
    resource in the block and a malformed --mem are refused with one line;
  - submits a 2 x 2 sweep as one MPI job of 2 ranks, with the case's time limit and memory, and waits: sweep.csv
    appears, every point ok;
  - submits the same sweep as a job array of 2 one-rank tasks sharing the points: the last task writes the table,
    which equals the single job's in every column but the wall times;
  - submits an 8-sample uncertainty study as a job array of 2 tasks: its bands equal those of a single run;
and stops the daemons with scripts/local-slurm stop. Skipped (exit 77, one line saying why) only where SLURM is not
installed or the daemons do not come up."""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

from azrun import SOURCE, case, check, finish, run, tmpdir

SKIP = 77
SLURM = os.path.join(SOURCE, "scripts", "azote-slurm")
LOCAL = os.path.join(SOURCE, "scripts", "local-slurm")


def skip(why):
    print("SKIPPED: %s" % why)
    sys.exit(SKIP)


def sh(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, **kw)


env = dict(os.environ)
# resources from the case's slurm: block and the command line, in the job script (no SLURM needed)
res = os.path.join(tmpdir(), "flowcell-slurm.yaml")
with open(res, "w") as f:
    f.write(open(case("flowcell.yaml")).read() + '\nslurm:\n  time: "00:10:00"   # ten minutes\n  mem: 1G\n  account: azote\n  qos: low\n')
d = tmpdir()
p = sh([SLURM, "submit", res, "--qos", "normal", "--partition", "debug", "--output-dir", d, "--dry-run"])
job = open(os.path.join(d, "azote.sbatch")).read() if os.path.exists(os.path.join(d, "azote.sbatch")) else ""
for line in ("#SBATCH --time=00:10:00", "#SBATCH --mem=1G", "#SBATCH --account=azote", "#SBATCH --qos=normal", "#SBATCH --partition=debug"):
    check(line in job.splitlines(), "the job script lacks '%s' (exit %d)" % (line, p.returncode))
check("--qos=low" not in job, "the case's qos won over the command line's")
run(["-case", res, "-output_dir", tmpdir(), "-quiet", "-mesh_nx", "40", "-mesh_ny", "12"])  # azote ignores the block
bad = os.path.join(tmpdir(), "bad.yaml")
open(bad, "w").write(open(case("flowcell.yaml")).read() + "\nslurm: {time: 5, memory: 2G}\n")
for args, what in (([bad], "slurm: memory is not a SLURM resource"), ([res, "--mem", "4GB"], "--mem = '4GB': allowed")):
    p = sh([SLURM, "submit"] + args + ["--output-dir", tmpdir(), "--dry-run"])
    check(p.returncode != 0 and len(p.stdout.strip().splitlines()) == 1 and what in p.stdout, "%s: exit %d, %r" % (what, p.returncode, p.stdout))

for prog in ("slurmctld", "slurmd", "sbatch", "munged"):
    if not shutil.which(prog) and not os.path.exists("/usr/sbin/" + prog):
        skip("%s is not installed (apt-get install slurm-wlm munge)" % prog)
if os.geteuid() != 0:
    skip("the local SLURM needs root to start munged, slurmctld and slurmd")
scratch = tempfile.mkdtemp(prefix="azote-slurm-")
p = sh([LOCAL, "start", scratch], timeout=120)
if p.returncode != 0 or "export SLURM_CONF=" not in p.stdout:
    sh([LOCAL, "stop", scratch])
    skip("scripts/local-slurm start did not bring SLURM up: %s" % p.stdout.strip().splitlines()[-1:])
env["SLURM_CONF"] = os.path.join(scratch, "slurm.conf")
print(p.stdout.strip())

try:
    sweep = ["--", "-sweep_operating_pressure", "1e5,3e5", "-sweep_flowcell_flow_rate", "1e-9,1e-8", "-output_fields", "false"]

    def table(d):
        with open(os.path.join(d, "sweep.csv")) as f:
            return list(csv.DictReader(f))

    one = tmpdir()
    timed = os.path.join(tmpdir(), "flowcell-timed.yaml")  # this SLURM keeps no accounts: time and memory only
    open(timed, "w").write(open(case("flowcell.yaml")).read() + '\nslurm: {time: "00:10:00", mem: 500M}\n')
    p = sh([SLURM, "submit", timed, "-n", "2", "--partition", "debug", "--output-dir", one, "--wait"] + sweep, timeout=300)
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
    print(sh([LOCAL, "stop", scratch]).stdout.strip())
    shutil.rmtree(scratch, ignore_errors=True)
finish()
