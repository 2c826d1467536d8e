"""Continuation when Newton fails (solver/transport.c, AzProblemSolve): on a nonlinear case (order-0.7 kinetics with
a 0.1 S/m electrolyte potential, 7 Newton steps normally) Newton is cut to 4 and 5 iterations: the solve must go on by
continuation in the exchange current densities, report its steps in summary.json (solver.continuation_steps) and
reach the plain run's metrics to 1e-10; cut to 1 iteration it cannot, and the run fails as a failed solve (exit 2,
one line, no summary)."""
import os

from azrun import case, check, finish, run, summary, tmpdir

base = ["-case", case("flowcell.yaml"), "-quiet", "-kinetics_n2rr_order", "0.7", "-electrolyte_potential", "true",
        "-electrolyte_conductivity", "0.1", "-output_fields", "false"]
ref = tmpdir()
run(base + ["-output_dir", ref])
R = summary(ref)
check(R["solver"]["continuation_steps"] == 0, "the plain run used continuation")
for it in ("4", "5"):
    d = tmpdir()
    run(base + ["-output_dir", d, "-snes_max_it", it])
    S = summary(d)
    dev = max(abs(S["metrics"][k] - v) / max(abs(v), 1e-300) for k, v in R["metrics"].items() if v and k != "mass_balance_rel")
    print("Newton cut to %s iterations: %d continuation steps, metrics within %.2g of the plain run" % (it, S["solver"]["continuation_steps"], dev))
    check(S["solver"]["continuation_steps"] > 0 and dev <= 1e-10, "max_it %s: %d steps, deviation %g" % (it, S["solver"]["continuation_steps"], dev))
d = os.path.join(tmpdir(), "out")
rc, out = run(base + ["-output_dir", d, "-snes_max_it", "1"], check=False)
lines = [l for l in out.strip().splitlines() if l.startswith("azote: error:")]
print("Newton cut to 1 iteration: exit %d: %s" % (rc, lines))
check(rc == 2 and len(lines) == 1 and "continuation" in lines[0] and not os.path.exists(os.path.join(d, "summary.json")),
      "an impossible continuation: exit %d, %s" % (rc, out.strip()[-300:]))
finish()
