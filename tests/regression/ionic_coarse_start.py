"""The ionic model's coarse start (mesh_coarse_start, solver/npsolve.c): the same case solved first on a mesh of half
the cells per direction, interpolated, gives the fine mesh's solution that the bulk start gives (every metric and the
pH field to 1e-8: Newton ends at the same round-off floor whatever its start), on 1 and 2 ranks, with fewer Newton
iterations on the fine mesh than from the bulk (an interpolation that put the coarse values in the wrong cells would
cost more fine iterations than the bulk start, or fail). cases/flowcell-ph.yaml, 48 x 20 cells: below the default
threshold (1000 cells) it starts from the bulk; -mesh_coarse_start 500 makes it start from 24 x 20 cells."""
import os
import re

import h5py
import numpy as np
from azrun import case, check, finish, run, same_solution, summary, tmpdir


def solve(np_, keys):
    d = tmpdir()
    _, out = run(["-case", case("flowcell-ph.yaml"), "-output_dir", d] + keys, np=np_)
    coarse = [int(n) for n in re.findall(r"coarse start: .* cells, (\d+) Newton iterations", out)]
    with h5py.File(os.path.join(d, "fields.h5"), "r") as h:
        ph = np.array(h["ph"])
    return summary(d), coarse, ph


bulk, c0, ph0 = solve(1, [])
check(c0 == [], "48 x 20 cells (960) are below the default mesh_coarse_start: no coarse start expected, got %s" % c0)
its_bulk = bulk["solver"]["newton_iterations"]
for np_ in (1, 2):
    s, coarse, ph = solve(np_, ["-mesh_coarse_start", "500"])
    if not check(len(coarse) == 1, "np %d: one coarse start (24 x 20) expected, the output says %s" % (np_, coarse)):
        continue
    # (the balances are round-off of either run: each below 1e-10, not equal)
    worst = same_solution("np %d, after the coarse start" % np_, bulk, s)
    dph = float(np.max(np.abs(ph - ph0)))
    fine = s["solver"]["newton_iterations"] - coarse[0]
    print("np %d: coarse start in %d Newton iterations, then %d on the fine mesh (%d from the bulk); metrics within %.2e of "
          "the bulk start, pH field within %.2e" % (np_, coarse[0], fine, its_bulk, worst, dph))
    check(fine < its_bulk, "np %d: %d Newton iterations on the fine mesh after the coarse start, %d from the bulk" % (np_, fine, its_bulk))
    # the inputs written with the results keep the fine mesh (the coarse problem's set-up records its own)
    check(str(s["inputs"].get("mesh_nx")) == "48" and str(s["inputs"].get("mesh_ny")) == "20",
          "np %d: inputs record mesh %s x %s, not 48 x 20" % (np_, s["inputs"].get("mesh_nx"), s["inputs"].get("mesh_ny")))
    check(worst < 1e-8, "np %d: the coarse start changes the metrics by %g (relative)" % (np_, worst))
    check(dph < 1e-8, "np %d: the coarse start changes the pH field by %g" % (np_, dph))
finish()
