"""fields.xmf in ParaView (Debian's paraview, through pvpython): every template's output (the flow cell in 2-D and 3-D,
each on 2 ranks, the GDE, the H-cell with snapshots in time) opened with the legacy "XDMF Reader" and the two Xdmf3
readers. For each reader and time: the bounds and cell count after ExtractSurface (the legacy reader once drew every
2-D file as a vertical line there), every cell's centre and every cell array against fields.h5 (a transposed or
shifted array fails), the time steps against the snapshots, and the electrode's own grid: its points and point
arrays against fields.h5's electrode group, its cells (a polyline along a 2-D electrode, quadrilaterals over a 3-D
electrode or a catalyst layer) and their total length or area. The cell grid is also read alone, from a copy of
fields.xmf without the electrode's grid: beside another grid the legacy reader's whole-extent error is masked. Any
error or warning ParaView prints fails the test.
Skipped (exit 77) where pvpython is not installed."""
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import h5py
import numpy as np

from azrun import SOURCE, case, check, finish, run, tmpdir

PVPYTHON = shutil.which("pvpython")
if not PVPYTHON:
    print("SKIP: pvpython not found (Debian: apt-get install paraview python3-paraview; scripts/test installs it)")
    sys.exit(77)

RUNS = {
    "flowcell": (["-case", case("flowcell.yaml"), "-mesh_nx", "60", "-mesh_ny", "20"], 2),
    "flowcell-3d": (["-case", case("flowcell-3d.yaml"), "-mesh_nx", "30", "-mesh_ny", "8", "-mesh_nz", "6"], 2),
    "gde": (["-case", case("gde.yaml"), "-mesh_nx", "40"], 1),
    "hcell": (["-case", case("hcell.yaml"), "-time_end", "120", "-time_output_interval", "60", "-mesh_nx", "40", "-mesh_ny", "12"], 1),
}
VTK_POLY_LINE, VTK_QUAD = 4, 9


def expected(d):
    """What fields.h5 holds: grid, cell fields per time, electrode."""
    e = {}
    with h5py.File(os.path.join(d, "fields.h5"), "r") as h:
        dim = 3 if "z_face" in h else 2
        e["faces"] = [h[a + "_face"][...] for a in "xyz"[:dim]]
        e["centres"] = [h[a][...] for a in "xyz"[:dim]]
        if "snapshots" in h:
            e["times"] = {}
            for k in h["snapshots"]:
                g = h["snapshots"][k]
                e["times"][float(np.ravel(g.attrs["time"])[0])] = {n: g[n][...] for n in g}
        else:
            e["times"] = {0.0: {n: h[n][...] for n in h if isinstance(h[n], h5py.Dataset) and h[n].ndim == dim}}
        e["electrode"] = {n: h["electrode"][n][...] for n in h["electrode"]}
    return e


def close(a, b, rel):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return a.shape == b.shape and np.all(np.abs(a - b) <= rel * np.maximum(np.abs(b).max(initial=0), 1e-300))


def check_cells(where, info, cen, arrays, e, fields):
    faces = e["faces"]
    dim = len(faces)
    M = [len(f) - 1 for f in faces]
    lo = [f[0] for f in faces] + [0.0] * (3 - dim)
    hi = [f[-1] for f in faces] + [0.0] * (3 - dim)
    bounds = [v for p in zip(lo, hi) for v in p]
    ncells = int(np.prod(M))
    surface = ncells if dim == 2 else 2 * (M[0] * M[1] + M[1] * M[2] + M[0] * M[2])
    check(info["ncells"] == ncells, "%s: %d cells, fields.h5 has %d" % (where, info["ncells"], ncells))
    # ExtractSurface works in float: single precision
    check(close(info["surface_bounds"], bounds, 1e-6), "%s: bounds after ExtractSurface %s, the grid spans %s" % (where, info["surface_bounds"], bounds))
    check(info["surface_ncells"] == surface, "%s: %d cells after ExtractSurface, expected %d" % (where, info["surface_ncells"], surface))
    if cen is None or len(cen) != ncells:
        check(False, "%s: %s cell centres" % (where, None if cen is None else len(cen)))
        return
    idx = [np.clip(np.searchsorted(faces[a], cen[:, a]) - 1, 0, M[a] - 1) for a in range(dim)]
    for a in range(dim):
        check(close(cen[:, a], e["centres"][a][idx[a]], 1e-9), "%s: cell centres along %s are not the grid's" % (where, "xyz"[a]))
    key = tuple(reversed(idx))  # datasets are (ny, nx) or (nz, ny, nx)
    check(sorted(arrays) == sorted(fields), "%s: cell arrays %s, fields.h5 has %s" % (where, sorted(arrays), sorted(fields)))
    for name, a in arrays.items():
        if name in fields:
            want = fields[name][key]
            check(close(a, want, 1e-12), "%s: %s differs from fields.h5 by %.3g (max %.3g)" % (where, name, np.abs(a - want).max(),
                                                                                              np.abs(want).max()))


def check_electrode(where, info, pts, arrays, e):
    el = e["electrode"]
    n = len(el["x"])
    xyz = np.stack([el["x"], el["y"], el.get("z", np.zeros(n))], axis=1)
    check(info["npoints"] == n and pts is not None and close(pts, xyz, 1e-12), "%s: electrode points are not fields.h5's" % where)
    names = sorted(k for k in el if k not in ("x", "y", "z"))
    check(sorted(arrays) == names, "%s: electrode arrays %s, fields.h5 has %s" % (where, sorted(arrays), names))
    for name, a in arrays.items():
        check(name in el and close(a, el[name], 1e-12), "%s: electrode %s differs from fields.h5" % (where, name))
    axes = [a for a in range(3) if len(np.unique(xyz[:, a])) > 1]
    span = [np.ptp(xyz[:, a]) for a in axes]
    if len(axes) == 1:
        want = (n - 1, [VTK_POLY_LINE], span[0])
    else:
        nu = [len(np.unique(xyz[:, a])) for a in axes]
        want = ((nu[0] - 1) * (nu[1] - 1), [VTK_QUAD], span[0] * span[1])
    got = (info["ncells"], info["cell_types"], info["cell_size"])
    check(got[:2] == want[:2] and abs(got[2] - want[2]) <= 1e-9 * want[2],
          "%s: electrode cells (count, VTK types, total length or area) %s, expected %s" % (where, got, want))


def cells_only(xmf):
    """A copy of fields.xmf without the electrode's grid, beside it (its HDF5 paths are relative)."""
    tree = ET.parse(xmf)
    domain = tree.getroot().find("Domain")
    for g in list(domain):
        if g.get("Name", "").startswith("electrode"):
            domain.remove(g)
    path = os.path.join(os.path.dirname(xmf), "cells_only.xmf")
    tree.write(path)
    return path


outs = {}
for name, (args, np_) in RUNS.items():
    d = tmpdir()
    run(args + ["-output_dir", d, "-quiet"], np=np_)
    e = expected(d)
    outs[os.path.join(d, "fields.xmf")] = (name, e, True)
    outs[cells_only(os.path.join(d, "fields.xmf"))] = (name + " (cell grid alone)", e, False)
work = tmpdir()
listing = os.path.join(work, "files.json")
json.dump(sorted(outs), open(listing, "w"))
obs = os.path.join(work, "seen.npz")
p = subprocess.run([PVPYTHON, "--force-offscreen-rendering", os.path.join(SOURCE, "tests", "regression", "xdmf_pvpython.py"), listing, obs],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
noise = [line for line in p.stdout.splitlines() if "ERR|" in line or "WARN|" in line or "HDF5-DIAG" in line or "rror" in line]
check(p.returncode == 0, "pvpython exited with %d:\n%s" % (p.returncode, p.stdout[-3000:]))
check(not noise, "ParaView reported:\n%s" % "\n".join(noise[:20]))
if p.returncode == 0:
    meta = json.load(open(obs + ".json"))
    seen = np.load(obs)
    for f, (name, e, with_electrode) in sorted(outs.items()):
        times = sorted(e["times"])
        for reader in ("XDMFReader", "Xdmf3ReaderS", "Xdmf3ReaderT"):
            got_times = meta["%s|%s|times" % (f, reader)]
            transient = times != [0.0]
            check(got_times == (times if transient else []), "%s, %s: time steps %s, snapshots at %s" % (name, reader, got_times, times))
            for t in times:
                where = "%s, %s, t = %g s" % (name, reader, t)
                blocks = meta.get("%s|%s|%g" % (f, reader, t), [])
                kinds = sorted(b["kind"] for b in blocks)
                # a transient run's electrode data are those of its last time
                want = ["cells", "electrode"] if (t == times[-1] and with_electrode) else ["cells"]
                check(kinds == want, "%s: blocks %s, expected %s" % (where, kinds, want))
                for i, b in enumerate(blocks):
                    key = "%s|%s|%g|%d" % (f, reader, t, i)
                    if b["kind"] == "cells":
                        arrays = {k.split("|")[-1]: seen[k] for k in seen.files if k.startswith(key + "|cell|")}
                        check_cells(where, b, seen[key + "|centres"] if key + "|centres" in seen.files else None, arrays, e, e["times"][t])
                    else:
                        arrays = {k.split("|")[-1]: seen[k] for k in seen.files if k.startswith(key + "|point|")}
                        check_electrode(where, b, seen[key + "|points"] if key + "|points" in seen.files else None, arrays, e)
        print("%s: read alike by the three readers, %d time(s)" % (name, len(times)))
finish()
