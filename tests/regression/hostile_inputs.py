"""Hostile inputs that the bad_input table cannot hold (issue 19, item 8):
  - values of 3000 characters (a number, a gas composition, an output directory, a case file name): one error line that
    still ends with its reason (the echoed value is shortened; PETSc cuts a message at 2 kB), exit 1, nothing written;
    a value is never cut to fit (3000 digits and a letter are not read as 255 digits);
  - an output directory that is a symbolic-link loop, or a link to nowhere: refused before any work (no run header,
    nothing solved), exit 1;
  - a closed standard output (azote ... | head -1): no "Caught signal" banner, exit 0, the results written;
  - -ksp_type cg or minres (Krylov methods that take their preconditioner on the left only): no PETSc traceback; the
    flow cell (not symmetric) fails to converge, exit 2, one line; the H-cell in time solves."""
import os
import subprocess

from azrun import AZOTE, case, check, finish, tmpdir

FLOW = ["-case", case("flowcell.yaml"), "-mesh_nx", "16", "-mesh_ny", "8"]


def refused(name, args, reason, status=1):
    out = os.path.join(tmpdir(), "out")
    argv = [AZOTE] + args + ([] if "-output_dir" in args else ["-output_dir", out])
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = p.stderr.splitlines()
    ok = p.returncode == status and len(lines) == 1 and lines[0].startswith("azote: error: ") and reason in lines[0] and len(lines[0]) < 1024
    check(ok, "%s: exit %d, stderr %r (expected exit %d, one line under 1 kB with %r)" % (name, p.returncode, p.stderr[:300], status, reason))
    check(p.stdout == "" and not os.path.exists(out), "%s: printed %r or wrote %s" % (name, p.stdout[:200], out))
    print("%-22s exit %d, %d characters: %s" % (name, p.returncode, len(lines[0]) if lines else 0, (lines[0] if lines else "")[:150]))


long = "7" * 3000
refused("long number", FLOW + ["-flowcell_height", long + "x"], "is too long (3001 characters): allowed at most 255")
refused("long gas composition", FLOW + ["-gas_composition", "N2:" + long], "-gas_composition")
refused("long word", FLOW + ["-electrode_mode", "p" * 200], "is not allowed: choose one of potentiostatic")
refused("longer word", FLOW + ["-electrode_mode", "p" * 3000], "is too long (3000 characters): allowed at most 255")
d = tmpdir()
open(os.path.join(d, "file"), "w").write("a file")
refused("long output_dir", FLOW + ["-output_dir", os.path.join(d, "file", "d" * 3000)], "is not a directory")
refused("long case file name", ["-case", os.path.join(d, "c" * 3000 + ".yaml")], "cannot read the case file")

# symbolic links that loop or lead nowhere, as the output directory
d = tmpdir()
os.symlink(os.path.join(d, "b"), os.path.join(d, "a"))
os.symlink(os.path.join(d, "a"), os.path.join(d, "b"))
os.symlink(os.path.join(d, "missing"), os.path.join(d, "nowhere"))
for name, out, reason in (("a symlink loop", os.path.join(d, "a"), "Too many levels of symbolic links"),
                          ("below a loop", os.path.join(d, "a", "run"), "Too many levels of symbolic links"),
                          ("a dangling symlink", os.path.join(d, "nowhere"), "symbolic link to a missing directory")):
    refused(name, FLOW + ["-output_dir", out], reason)
check(sorted(os.listdir(d)) == ["a", "b", "nowhere"], "the symlinks' directory changed: %s" % os.listdir(d))

# azote ... | head -1
out = tmpdir()
p = subprocess.Popen([AZOTE] + FLOW + ["-output_dir", out], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
first = p.stdout.readline()
p.stdout.close()  # the reader has gone
err = p.stderr.read()
rc = p.wait()
check(rc == 0 and err == "" and os.path.exists(os.path.join(out, "summary.json")),
      "a closed standard output: exit %d, stderr %r, summary.json %s" % (rc, err[:300], os.path.exists(os.path.join(out, "summary.json"))))
print("closed standard output after %r: exit %d, stderr %r" % (first.strip()[:40], rc, err))

# Krylov methods with left preconditioning only
for ksp in ("cg", "minres"):
    out = tmpdir()
    p = subprocess.run([AZOTE] + FLOW + ["-ksp_type", ksp, "-output_dir", out], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    check(p.returncode == 2 and len(p.stderr.splitlines()) == 1 and "did not converge" in p.stderr and "PETSC ERROR" not in p.stderr,
          "-ksp_type %s on the flow cell: exit %d, %r" % (ksp, p.returncode, p.stderr[:300]))
out = tmpdir()
p = subprocess.run([AZOTE, "-case", case("hcell.yaml"), "-mesh_nx", "16", "-mesh_ny", "8", "-time_end", "10", "-quiet", "-ksp_type", "cg",
                    "-output_dir", out], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
check(p.returncode == 0 and p.stderr == "", "-ksp_type cg on the H-cell: exit %d, %r" % (p.returncode, p.stderr[:300]))
print("-ksp_type cg, minres: the flow cell fails to converge in one line, the H-cell solves")
finish()
