"""-snes_test_jacobian on the default flow cell, on a nonlinear variant (reaction order 0.7) and in limiting mode: the
analytic Jacobian must match PETSc's finite-difference Jacobian, ||J - Jfd||_F / ||J||_F < 1e-6 at every Newton step.
(A 50 % error in the electrode term alone gives about 2e-4 on this case; round-off gives about 1e-9.) The test
builds the finite-difference Jacobian column by column, one residual per cell, so the default case runs on a coarser
mesh of the same geometry."""
import re

from azrun import case, check, finish, run, tmpdir

coarse = ["-mesh_nx", "60", "-mesh_ny", "24"]
variants = [coarse, coarse + ["-kinetics_n2rr_order", "0.7"], coarse + ["-electrode_mode", "limiting"]]
for extra in variants:
    rc, out = run(["-case", case("flowcell.yaml"), "-output_dir", tmpdir(), "-output_fields", "false",
                   "-snes_test_jacobian"] + extra)
    ratios = [float(x) for x in re.findall(r"\|\|J - Jfd\|\|_F/\|\|J\|\|_F = ([0-9.eE+-]+)", out)]
    check(ratios, "no Jacobian test output for %s" % extra)
    worst = max(ratios) if ratios else float("nan")
    check(worst < 1e-6, "Jacobian mismatch %g >= 1e-6 for %s" % (worst, extra))
    print("variant %s: %d Jacobians tested, worst ||J - Jfd||/||J|| = %.2e" % (extra or "default", len(ratios), worst))
finish()
