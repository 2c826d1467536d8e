"""postproc/plot_flowcell.py reads a run's fields.h5 and writes the concentration map and the electrode profile."""
import os
import subprocess

from azrun import SOURCE, case, check, finish, run, tmpdir

out = tmpdir()
run(["-case", case("flowcell.yaml"), "-output_dir", out, "-quiet", "-mesh_nx", "60", "-mesh_ny", "20"])
p = subprocess.run(["/usr/bin/python3", os.path.join(SOURCE, "postproc", "plot_flowcell.py"), out], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT, text=True)
check(p.returncode == 0, "plot_flowcell.py failed: %s" % p.stdout)
for png in ("c_n2_map.png", "electrode.png"):
    path = os.path.join(out, png)
    ok = os.path.exists(path) and os.path.getsize(path) > 10000 and open(path, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    check(ok, "%s missing or not a PNG image" % png)
finish()
