"""A solve that fails is reported as a failure and never written as a result: exit status 2, one error line naming the
reason, no output directory; and a run that succeeds leaves no temporary (.partial) file behind."""
import os
import subprocess

from azrun import AZOTE, case, check, finish, tmpdir

out = os.path.join(tmpdir(), "failed")
p = subprocess.run([AZOTE, "-case", case("flowcell.yaml"), "-output_dir", out, "-quiet", "-snes_max_it", "1", "-ksp_max_it", "1"],
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
check(p.returncode == 2, "failed solve: exit status %d, expected 2" % p.returncode)
lines = p.stderr.strip().splitlines()
check(len(lines) == 1 and "did not converge" in lines[0], "failed solve: stderr %r" % p.stderr)
check(not os.path.exists(out), "failed solve: %s was created" % out)

# the ionic model past an ion's transport limit (10 mM HCl without support, HER's proton branch alone, N2RR off): at
# -3 V vs RHE the kinetic current is ~1e26 times the H+ limit, Newton's first steps overflow and the continuation in the
# exchange current densities cannot start (its first step, 1e-8 of them, is still 1e18 past it); and a galvanostatic
# current of 1000 A/m2 against the ~150 A/m2 the unsupported acid carries. Each ends with its one line, exit 2, no
# output directory, in a few solves (a subprocess timeout of 300 s catches a hang).
IONIC = ["-case", case("flowcell-ph.yaml"), "-quiet", "-electrolyte", "HCl:0.01", "-kinetics_her_h2o_i0", "0", "-kinetics_her_i0", "10",
         "-kinetics_n2rr_i0", "1e-20"]
for name, args, expect in (("potentiostatic", ["-electrode_potential", "-3"], "most likely a current past an ion's transport limit"),
                           ("galvanostatic", ["-electrode_mode", "galvanostatic", "-electrode_current", "1000"],
                            "more than this electrode can carry")):
    out = os.path.join(tmpdir(), "ionic")
    p = subprocess.run([AZOTE] + IONIC + args + ["-output_dir", out], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=300)
    lines = p.stderr.strip().splitlines()
    print("ionic, %s past the H+ limit: exit %d: %s" % (name, p.returncode, p.stderr.strip()))
    check(p.returncode == 2, "ionic %s: exit status %d, expected 2" % (name, p.returncode))
    check(len(lines) == 1 and lines[0].startswith("azote: error: ") and expect in lines[0], "ionic %s: stderr %r" % (name, p.stderr))
    check(p.stdout == "", "ionic %s: -quiet printed %r" % (name, p.stdout))
    check(not os.path.exists(out), "ionic %s: %s was created" % (name, out))

out = os.path.join(tmpdir(), "ok")
p = subprocess.run([AZOTE, "-case", case("flowcell.yaml"), "-output_dir", out, "-quiet"], stdout=subprocess.PIPE,
                   stderr=subprocess.PIPE, text=True)
check(p.returncode == 0 and p.stderr == "", "successful run: status %d, stderr %r" % (p.returncode, p.stderr))
check(p.stdout == "", "-quiet printed %r" % p.stdout)
check(sorted(os.listdir(out)) == ["fields.h5", "fields.xmf", "summary.json"], "files written: %s" % sorted(os.listdir(out)))
finish()
