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

out = os.path.join(tmpdir(), "ok")
p = subprocess.run([AZOTE, "-case", case("flowcell.yaml"), "-output_dir", out, "-quiet"], stdout=subprocess.PIPE,
                   stderr=subprocess.PIPE, text=True)
check(p.returncode == 0 and p.stderr == "", "successful run: status %d, stderr %r" % (p.returncode, p.stderr))
check(p.stdout == "", "-quiet printed %r" % p.stdout)
check(sorted(os.listdir(out)) == ["fields.h5", "fields.xmf", "summary.json"], "files written: %s" % sorted(os.listdir(out)))
finish()
