"""Sweeping `cell` (issue 19, item 7): every point reads its keys as a direct run of that point would (options of its
own: the base case's template had marked its keys as used), so
  - the flow cell's case swept over flowcell, gde, hcell: the gde and hcell points fail with exactly the error line a
    direct run `-cell gde` (`-cell hcell`) gives, the flowcell point equals its direct run;
  - a case of no template keys swept over flowcell and gde: both points run and equal their direct runs;
  - a sweep of a case in time writes no checkpoint or other file of its points without -sweep_fields, and with it
    each point's complete set under points/<index>/ (and nothing partial)."""
import csv
import json
import os
import subprocess

from azrun import AZOTE, case, check, finish, si_metrics, tmpdir

MESH = ["-mesh_nx", "16", "-mesh_ny", "24", "-quiet"]  # (the GDE's layers need 20 rows at least)


def table(d):
    with open(os.path.join(d, "sweep.csv")) as f:
        return list(csv.DictReader(f))


def direct(args):
    out = tmpdir()
    p = subprocess.run([AZOTE] + args + MESH + ["-output_dir", out], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return p.returncode, p.stderr.strip(), out


def same_metrics(row, out):
    m = si_metrics(json.load(open(os.path.join(out, "summary.json")))["metrics"])
    return all(v is None or abs(float(row[k]) - v) <= 1e-12 * max(abs(v), 1e-300) for k, v in m.items())


# the flow cell's case over three templates
d = tmpdir()
subprocess.run([AZOTE, "-case", case("flowcell.yaml"), "-sweep_cell", "flowcell,gde,hcell", "-output_dir", d] + MESH, check=True)
rows = table(d)
for r in rows:
    rc, err, out = direct(["-case", case("flowcell.yaml"), "-cell", r["cell"]])
    if r["cell"] == "flowcell":
        check(r["status"] == "ok" and rc == 0 and same_metrics(r, out), "the flowcell point differs from its direct run")
    else:
        check(r["status"] == "failed" and rc == 1 and err == "azote: error: " + r["error"].replace(";", ","),
              "the %s point: %s %r, its direct run: exit %d %r" % (r["cell"], r["status"], r["error"], rc, err))
    print("cell %-8s: %s %s" % (r["cell"], r["status"], r["error"]))

# a case without template keys: every template runs
plain = os.path.join(tmpdir(), "plain.yaml")
open(plain, "w").write("operating_temperature: 298.15\nelectrolyte: KCl:0.1\n")
d = tmpdir()
subprocess.run([AZOTE, "-case", plain, "-sweep_cell", "flowcell,gde", "-output_dir", d] + MESH, check=True)
for r in table(d):
    rc, err, out = direct(["-case", plain, "-cell", r["cell"]])
    check(r["status"] == "ok" and rc == 0 and same_metrics(r, out), "a keyless case, cell %s: %s %r vs its direct run" % (r["cell"], r["status"],
                                                                                                                        r["error"]))

# a sweep in time: files of its points only with -sweep_fields
hc = ["-case", case("hcell.yaml"), "-time_end", "20", "-time_output_interval", "10", "-sweep_operating_temperature", "298,300"] + MESH
d = tmpdir()
subprocess.run([AZOTE] + hc + ["-output_dir", d], check=True)
files = sorted(os.path.relpath(os.path.join(r, f), d) for r, _, fs in os.walk(d) for f in fs)
check(files == ["sweep.csv", "sweep.d/0.csv", "sweep.d/1.csv", "sweep.d/signature", "sweep.h5"], "without -sweep_fields: %s" % files)
d = tmpdir()
subprocess.run([AZOTE] + hc + ["-output_dir", d, "-sweep_fields", "true"], check=True)
for k in ("0", "1"):
    left = sorted(os.listdir(os.path.join(d, "points", k)))
    check(left == ["checkpoint.h5", "fields.h5", "fields.xmf", "summary.json", "timeseries.csv"], "with -sweep_fields, point %s: %s" % (k, left))
print("a sweep in time: no point files without -sweep_fields, each point's complete set with it")
finish()
