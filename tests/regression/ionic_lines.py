"""The ionic model's line preconditioner (solver/nplines.c: AMG on the potential's block, then block Gauss-Seidel by
lines of cells across the channel, under GMRES with Eisenstat-Walker tolerances, solver/npsolve.c):
  - it gives the solution of the sparse direct factorisation (-pc_type lu, MUMPS): every metric and the pH field to
    1e-8 (Newton ends at the same round-off floor whichever solves its steps), the balances below 1e-10;
  - it needs few Krylov iterations: at most 3 per Newton step on average (the coarse start's meshes included) on the
    2-D flow cell in Na2SO4 and in phosphate, on 1 and 2 ranks, and on the 3-D flow cell (measured 1.3-1.8; with a
    point Jacobi instead of the potential's AMG, 4.2);
  - with its coarse correction (forced on 96 x 40 cells, 1-3 ranks): the same;
  - a mesh taller than wide (40 x 96 on 2 ranks) is divided so that the lines stay whole: the same, with and without it;
  - the GDE (its catalyst layer couples the potential and the ions through its volume) gives the direct solve's
    solution whether the lines converge there or not;
  - where a new line preconditioner does not converge (forced on the GDE by a Krylov limit of 20), the solve says so in
    one line and goes on with the direct factorisation, to the same solution."""
import os

import h5py
import numpy as np
from azrun import case, check, finish, run, same_solution, summary, tmpdir

FALLBACK = "a direct factorisation from here on"


def solve(name, keys, np_=1):
    d = tmpdir()
    _, out = run(["-case", case(name), "-output_dir", d] + keys, np=np_)
    with h5py.File(os.path.join(d, "fields.h5"), "r") as h:
        ph = np.array(h["ph"])
    return summary(d), ph, out


def compare(label, a, b):
    """The largest relative difference of the metrics (the balances apart: round-off of either run) and of the pH."""
    (sa, pha), (sb, phb) = a[:2], b[:2]
    worst = same_solution(label, sa, sb)
    dph = float(np.max(np.abs(pha - phb)))
    check(worst < 1e-8, "%s: the metrics differ from the direct solve's by %g (relative)" % (label, worst))
    check(dph < 1e-8, "%s: the pH field differs from the direct solve's by %g" % (label, dph))
    return worst, dph


RUNS = (("2-D flow cell, Na2SO4", "flowcell-ph.yaml", ["-mesh_nx", "96", "-mesh_ny", "40"], (1, 2)),
        ("2-D flow cell, phosphate", "flowcell-ph.yaml", ["-mesh_nx", "96", "-mesh_ny", "40", "-electrolyte", "K2HPO4:0.05,KH2PO4:0.05"], (1,)),
        ("3-D flow cell, Na2SO4", "flowcell-3d.yaml", ["-mesh_nx", "24", "-mesh_ny", "12", "-mesh_nz", "6", "-electrolyte_model", "tertiary",
                                                       "-electrolyte", "Na2SO4:0.1", "-electrode_potential", "-0.2"], (1,)))
for label, name, keys, nps in RUNS:
    direct = solve(name, keys + ["-pc_type", "lu"])
    for np_ in nps:
        lines = solve(name, keys, np_)
        sv = lines[0]["solver"]
        per = sv["krylov_iterations"] / max(sv["newton_iterations"], 1)
        worst, dph = compare("%s, np %d" % (label, np_), direct, lines)
        print("%s, np %d: %d Newton, %d Krylov iterations (%.1f per step; direct: %d Newton); against the direct solve: metrics "
              "%.1e, pH %.1e" % (label, np_, sv["newton_iterations"], sv["krylov_iterations"], per,
                                 direct[0]["solver"]["newton_iterations"], worst, dph))
        check(FALLBACK not in lines[2], "%s, np %d: the line preconditioner fell back to the direct solver" % (label, np_))
        check(per <= 3, "%s, np %d: %.1f Krylov iterations per Newton step (at most 3 expected)" % (label, np_, per))

# the coarse correction (by default on 2-D meshes of at least 512 lines of 64 cells), forced: the direct solve's
# solution on 96 x 40 cells on 1, 2 and 3 ranks (the mesh cut along the channel); -ksp_view names it
mesh = ["-mesh_nx", "96", "-mesh_ny", "40"]
direct = solve("flowcell-ph.yaml", mesh + ["-pc_type", "lu"])
for np_ in (1, 2, 3):
    label = "2-D flow cell, coarse correction, np %d" % np_
    lines = solve("flowcell-ph.yaml", mesh + ["-ionic_coarse_segments", "4"] + (["-ksp_view"] if np_ == 1 else []), np_)
    sv = lines[0]["solver"]
    per = sv["krylov_iterations"] / max(sv["newton_iterations"], 1)
    worst, dph = compare(label, direct, lines)
    print("%s: %d Newton, %d Krylov iterations (%.1f per step); against the direct solve: metrics %.1e, pH %.1e" %
          (label, sv["newton_iterations"], sv["krylov_iterations"], per, worst, dph))
    check(FALLBACK not in lines[2], "%s: the line preconditioner fell back to the direct solver" % label)
    check(per <= 3, "%s: %.1f Krylov iterations per Newton step (at most 3 expected)" % (label, per))
    if np_ == 1:
        check("coarse correction by line segments" in lines[2], "%s: -ksp_view does not name the coarse correction" % label)

# 40 x 96 cells on 2 ranks, a mesh taller than wide: PETSc's own partition would cut it across the channel, and so
# every line between the ranks (the solve then took 840 Krylov iterations over 68 Newton steps and stopped with the pH
# 1.3e-6 from the direct solve's). The ionic model's grid keeps the lines whole (AzGridCreate): each rank holds whole
# columns, and the solve is the direct one's, with and without the coarse correction.
mesh = ["-mesh_nx", "40", "-mesh_ny", "96"]
direct = solve("flowcell-ph.yaml", mesh + ["-pc_type", "lu"])
for k in ("0", "4"):
    label = "40 x 96 cells, np 2, ionic_coarse_segments %s" % k
    lines = solve("flowcell-ph.yaml", mesh + ["-ionic_coarse_segments", k, "-dm_view"], 2)
    sv = lines[0]["solver"]
    per = sv["krylov_iterations"] / max(sv["newton_iterations"], 1)
    worst, dph = compare(label, direct, lines)
    ranges = [ln.strip() for ln in lines[2].splitlines() if ln.startswith("X range of indices")][:2]
    print("%s: %d Newton, %d Krylov iterations (%.1f per step); metrics %.1e, pH %.1e from the direct solve; %s" %
          (label, sv["newton_iterations"], sv["krylov_iterations"], per, worst, dph, "; ".join(ranges)))
    check(len(ranges) == 2 and all(r.endswith("Y range of indices: 0 96") for r in ranges),
          "%s: the ranks do not hold whole lines across the channel: %s" % (label, ranges))
    check(per <= 3, "%s: %.1f Krylov iterations per Newton step (at most 3 expected)" % (label, per))

# the GDE: the direct solve's solution, on its own and through the fallback (announced)
direct = solve("gde-ph.yaml", ["-pc_type", "lu"])
for label, keys in (("GDE", []), ("GDE, Krylov limit 20", ["-ksp_max_it", "20"])):
    lines = solve("gde-ph.yaml", keys)
    worst, dph = compare(label, direct, lines)
    said = [ln for ln in lines[2].splitlines() if FALLBACK in ln]
    print("%s: %s; against the direct solve: metrics %.1e, pH %.1e" % (label, said[0].strip() if said else "no fallback", worst, dph))
check(len(said) >= 1, "GDE, Krylov limit 20: the fallback to the direct solver is not announced")
finish()
