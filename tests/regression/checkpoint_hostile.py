"""A checkpoint is input (solver/io/checkpoint.c, solver/timestep.c): edited, truncated or foreign checkpoints given to
-restart are refused before anything is sized from them -- exit status 1, one line naming -restart and what is wrong,
no HDF5 diagnostics, nothing written (the output directory of the restart keeps what it held) -- and an intact one
still continues the run. The edits (with h5py) cover every value the restart reads: the time (negative, past
time_end, NaN), the time step, the step counts, the potentials, the header's counts (1e9 rows, a row count that
disagrees with the table, 1e9 state values, another number of columns), the arrays (a sparse 1e9-element table, a
solution of another size, a solution with NaN or negative concentrations, a table whose times run backwards), the
signature (missing, not a string, of another case), and the file (truncated, not HDF5, a directory, /dev/null)."""
import os
import resource
import shutil
import subprocess
import time

import h5py
import numpy as np

from azrun import AZOTE, SANITIZED, case, check, finish, tmpdir

BASE = ["-case", case("hcell.yaml"), "-mesh_nx", "16", "-mesh_ny", "8", "-time_output_interval", "10", "-quiet"]
src = tmpdir()
subprocess.run([AZOTE] + BASE + ["-time_end", "20", "-output_dir", src], check=True)
good = os.path.join(src, "checkpoint.h5")
with h5py.File(good, "r") as h:
    nscalar, ncol, nrow = int(h.attrs["nscalar"]), int(h.attrs["ncol"]), int(h.attrs["nrow"])
    sol_shape = h["solution"].shape


def edited(name, edit):
    path = os.path.join(tmpdir(), name + ".h5")
    shutil.copy(good, path)
    with h5py.File(path, "r+") as h:
        edit(h)
    return path


def scalar(k, v):
    def f(h):
        s = h["scalars"][...]
        s[k] = v
        h["scalars"][...] = s
    return f


def attr(name, v):
    def f(h):
        h.attrs[name] = v
    return f


def replace(name, data, **kw):
    def f(h):
        del h[name]
        h.create_dataset(name, data=data, **kw) if data is not None else h.create_dataset(name, **kw)
    return f


def table_times(h):
    t = h["timeseries"][...].reshape(nrow, ncol)
    t[1, 0], t[2, 0] = t[2, 0], t[1, 0]
    h["timeseries"][...] = t.ravel()


def solution(v):
    def f(h):
        s = h["solution"][...]
        s.flat[5] = v
        h["solution"][...] = s
    return f


def truncated():
    path = os.path.join(tmpdir(), "truncated.h5")
    data = open(good, "rb").read()
    open(path, "wb").write(data[:len(data) // 2])
    return path


def text_file():
    path = os.path.join(tmpdir(), "text.h5")
    open(path, "w").write("time: 100\n")
    return path


# (name, checkpoint, text the one line must hold)
cases = [
    ("negative time", edited("neg", scalar(0, -50.0)), "its time is -50"),
    ("time past its table", edited("late", scalar(0, 1e6)), "time column"),
    ("past time_end", None, "after time_end"),
    ("NaN time", edited("nan", scalar(0, float("nan"))), "is nan"),
    ("zero time step", edited("dt", scalar(1, 0.0)), "its time step"),
    ("negative step count", edited("steps", scalar(9, -3.0)), "time steps"),
    ("step count vs rows", edited("steps2", scalar(9, 7.0)), "time steps"),
    ("rejected steps", edited("rej", scalar(10, 0.5)), "rejected"),
    ("potential", edited("pot", scalar(13, 1e30)), "potentials"),
    ("1e9 rows", edited("rows", attr("nrow", np.int32(1000000000))), "rows"),
    ("rows vs table", edited("rows2", attr("nrow", np.int32(nrow + 1))), "timeseries"),
    ("1e9 state values", edited("nscalar", attr("nscalar", np.int32(1000000000))), "state values"),
    ("columns", edited("ncol", attr("ncol", np.int32(ncol + 1))), "table columns"),
    ("sparse 1e9 table", edited("sparse", lambda h: (replace("timeseries", None, shape=(10**9,), dtype="f8", chunks=(1024,))(h),
                                                     attr("nrow", np.int32(10**9 // ncol))(h))), "timeseries"),
    ("sparse table, its rows", edited("sparse2", lambda h: (replace("timeseries", None, shape=(ncol * 1000,), dtype="f8",
                                                                    chunks=(ncol,))(h), attr("nrow", np.int32(1000))(h))),
     "stores"),
    ("solution size", edited("solsize", replace("solution", np.zeros(7))), "solution"),
    ("solution NaN", edited("solnan", solution(float("nan"))), "solution holds"),
    ("solution negative", edited("solneg", solution(-1.0)), "solution holds"),
    ("table times", edited("times", table_times), "time column"),
    ("no signature", edited("nosig", lambda h: h.attrs.__delitem__("signature")), "signature"),
    ("signature not a string", edited("sigint", attr("signature", np.int64(7))), "signature"),
    ("another case", None, "different case"),
    ("truncated", truncated(), "not a complete azote checkpoint"),
    ("not HDF5", text_file(), "not an HDF5 file"),
    ("a directory", tmpdir(), "not a regular file"),
    ("/dev/null", "/dev/null", "not a regular file"),
]


def limit_memory():
    # a 1e9-row table would need 8 GB at least (AddressSanitizer reserves terabytes of address space: no limit there)
    if not SANITIZED:
        resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))


for name, path, text in cases:
    out = tmpdir()
    shutil.copytree(src, out, dirs_exist_ok=True)
    before = {f: open(os.path.join(out, f), "rb").read() for f in os.listdir(out)}
    args = BASE + ["-time_end", "10" if name == "past time_end" else "40", "-output_dir", out, "-restart", path or good]
    if name == "another case":
        args += ["-hcell_delta", "2e-4"]
    t0 = time.time()
    p = subprocess.run([AZOTE] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=limit_memory)
    lines = p.stderr.splitlines()
    ok = p.returncode == 1 and len(lines) == 1 and "-restart" in lines[0] and text in lines[0]
    check(ok, "%s: exit %d, stderr %r (expected exit 1 and one line with %r)" % (name, p.returncode, p.stderr[:600], text))
    after = {f: open(os.path.join(out, f), "rb").read() for f in os.listdir(out)}
    check(after == before, "%s: the refused restart changed %s" % (name, sorted(set(after) ^ set(before)) or "the files"))
    print("%-24s exit %d in %.2f s: %s" % (name, p.returncode, time.time() - t0, lines[0] if lines else ""))

# the intact checkpoint still continues
out = tmpdir()
p = subprocess.run([AZOTE] + BASE + ["-time_end", "40", "-output_dir", out, "-restart", good], stdout=subprocess.PIPE,
                   stderr=subprocess.PIPE, text=True)
check(p.returncode == 0 and os.path.exists(os.path.join(out, "summary.json")), "the intact checkpoint: exit %d %r" % (p.returncode, p.stderr))
finish()
