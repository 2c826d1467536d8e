"""Memory (issue 19, item 5):
  - snapshots stream to disk: an H-cell run with 100 output times peaks at the memory of the same run with 4 (within
    6 MB, where keeping the snapshots would add 100 x 2 species x 16000 cells x 8 B = 26 MB), and fields.h5 holds them;
  - a case that needs more memory than there is is refused before anything is allocated, in one line with the
    estimate and the memory available: inside a memory cgroup limited to 300 MB (where this host lets the test make
    one: cgroup v1 or v2, as root), a 2-D flow cell of 8e5 cells (about 390 MB) is refused and one of 1e4 cells runs;
  - the estimate against what a run really takes (summary.json's peak memory): within 25 % for the shipped templates
    and the ionic model's line preconditioner and factorisation (solver/memory.c holds the figures; not in the
    AddressSanitizer build, which takes two to four times as much);
  - an output interval of more than 100000 output times is refused (bad_input/too_many_snapshots)."""
import json
import math
import os
import subprocess
import time

import h5py

from azrun import AZOTE, SANITIZED, case, check, finish, summary, tmpdir

# snapshots: 400 output times against 4
peak = {}
for n in (4, 100):
    d = tmpdir()
    subprocess.run([AZOTE, "-case", case("hcell.yaml"), "-mesh_nx", "160", "-mesh_ny", "100", "-time_end", "10", "-time_output_interval",
                    str(10.0 / n), "-time_step_initial", "0.05", "-quiet", "-output_dir", d], check=True)
    peak[n] = summary(d)["solver"]["memory_peak_bytes"]
    with h5py.File(os.path.join(d, "fields.h5"), "r") as h:
        check(len(h["snapshots"]) == n, "%d output times: fields.h5 holds %d snapshots" % (n, len(h["snapshots"])))
print("H-cell, 16000 cells: peak memory %.1f MB with 4 snapshots, %.1f MB with 100" % (peak[4] / 1e6, peak[100] / 1e6))
check(peak[100] - peak[4] < 6e6, "100 snapshots take %.1f MB more than 4" % ((peak[100] - peak[4]) / 1e6))


# a memory cgroup of 300 MB
def make_cgroup():
    rel = None
    for line in open("/proc/self/cgroup"):
        _, ctl, path = line.strip().split(":", 2)
        if "memory" in ctl.split(","):
            rel, v2 = path, False
        elif ctl == "" and rel is None:
            rel, v2 = path, True
    if rel is None:
        return None, None
    base = ("/sys/fs/cgroup" if v2 else "/sys/fs/cgroup/memory") + rel.rstrip("/")
    g = os.path.join(base, "azote-test-%d" % os.getpid())
    try:
        os.mkdir(g)
        open(os.path.join(g, "memory.max" if v2 else "memory.limit_in_bytes"), "w").write("300000000")
        return g, v2
    except OSError:
        try:
            os.rmdir(g)
        except OSError:
            pass
        return None, None


g, v2 = make_cgroup()
if g is None:
    print("SKIPPED (part): no memory cgroup can be made here; the estimate is still checked against MemAvailable (bad_input/memory_too_large)")
else:
    try:
        for cells, ny, refuse in ((8e5, 800, True), (1e4, 10, False)):
            d = os.path.join(tmpdir(), "out")
            cmd = 'echo $$ > %s/cgroup.procs && exec "$@"' % g
            t0 = time.time()
            p = subprocess.run(["sh", "-c", cmd, "sh", AZOTE, "-case", case("flowcell.yaml"), "-mesh_nx", "1000", "-mesh_ny", str(ny), "-quiet",
                                "-output_dir", d], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            lines = p.stderr.splitlines()
            if refuse:
                ok = (p.returncode == 1 and len(lines) == 1 and "cells with 1 unknown per cell need about 0.385 GB" in lines[0] and
                      "GB available" in lines[0] and not os.path.exists(d))
                check(ok, "%g cells in 300 MB: exit %d %r" % (cells, p.returncode, p.stderr))
                print("%g cells in a 300 MB cgroup: refused in %.2f s: %s" % (cells, time.time() - t0, lines[0] if lines else ""))
            else:
                check(p.returncode == 0, "%g cells in 300 MB: exit %d %r" % (cells, p.returncode, p.stderr))
    finally:
        os.rmdir(g)

# the estimate against the measured peak (the shipped templates, 1-2 unknowns per cell, 2-4e4 cells); not with
# AddressSanitizer, whose shadow memory and redzones double it
ESTIMATED = (("flow cell 2-D", ["-case", case("flowcell.yaml"), "-mesh_nx", "400", "-mesh_ny", "100"], 1),
             ("flow cell, potential", ["-case", case("flowcell.yaml"), "-mesh_nx", "400", "-mesh_ny", "100", "-electrolyte_potential", "true"], 2),
             ("GDE", ["-case", case("gde.yaml"), "-mesh_nx", "300"], 2),
             ("H-cell in time", ["-case", case("hcell.yaml"), "-mesh_nx", "160", "-mesh_ny", "120", "-time_end", "0.1", "-time_output_interval",
                                 "0.1"], 2))
# the ionic model: its line preconditioner 700 B per unknown and cell (8 unknowns per cell in Na2SO4, 10 in
# phosphate); its direct factorisation (-pc_type lu) 30 dof^2 log2(N) B per cell in 2-D
IONS = ["-case", case("flowcell-ph.yaml"), "-mesh_nx", "120", "-mesh_ny", "64"]
ESTIMATED += (("flow cell, ions", IONS, "lines 8"), ("flow cell, ions, PBS", IONS + ["-electrolyte", "K2HPO4:0.05,KH2PO4:0.05"], "lines 10"),
              ("flow cell, ions, LU", IONS + ["-pc_type", "lu"], "direct 8"))
for name, args, dof in [] if SANITIZED else ESTIMATED:
    d = tmpdir()
    subprocess.run([AZOTE] + args + ["-quiet", "-output_fields", "false", "-output_dir", d], check=True)
    s = summary(d)["solver"]
    if isinstance(dof, str):
        n = int(dof.split()[1])
        est = (30.0 * n * n * math.log2(s["cells"]) if dof.startswith("direct") else 700.0 * n) * s["cells"] + 45e6
    else:
        est = {1: 425, 2: 1480, 3: 2760}[dof] * s["cells"] + 45e6
    print("%-22s %7d cells: peak %6.1f MB, estimate %6.1f MB (%+.0f %%)" % (name, s["cells"], s["memory_peak_bytes"] / 1e6, est / 1e6,
                                                                          100 * (est / s["memory_peak_bytes"] - 1)))
    check(abs(est / s["memory_peak_bytes"] - 1) < 0.25, "%s: the estimate %.3g B vs the peak %.3g B" % (name, est, s["memory_peak_bytes"]))
finish()
