#!/usr/bin/python3
"""Plots a membrane flow cell run (cell: membraneflow): where its products go. Top: the maps of the cathode's product
(NH3) and of the anode's (nitrate) over the section, channels and membrane (y stretched layer by layer: the 183 um
membrane as wide as a channel), log colour; bottom left: the profiles across the section at the outlet (dissolved N2
and the products, each over its largest value); bottom right: the partial current densities along the electrodes.
usage: plot_membraneflow.py OUTPUT_DIR   (writes OUTPUT_DIR/membraneflow.png)"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import azenv  # noqa: E402

azenv.require("numpy", "matplotlib", "h5py")
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import azstyle  # noqa: E402

azstyle.apply()
import matplotlib.colors as mcolors  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from azfields import Fields  # noqa: E402

ORDER = ["gas_channel", "gdl", "cl", "spacer", "catholyte", "membrane", "anolyte"]


def layer_names(f):
    """The layers present, in the order of their region tags (membraneflow.c numbers the present ones in ORDER)."""
    inp = f.inputs
    gde = inp.get("membraneflow_cathode", "plate") == "gde"
    keep = []
    for n in ORDER:
        if n in ("gas_channel", "gdl", "cl") and not gde:
            continue
        if n == "spacer" and float(inp.get("membraneflow_spacer_thickness", 0)) <= 0:
            continue
        if n == "catholyte" and float(inp.get("membraneflow_catholyte_height", 0)) <= 0:
            continue
        keep.append(n)
    return keep


def stretched(f):
    """Each layer mapped onto [k, k + 1]: a cell row's stretched coordinate and the layers' (name, k, y0, y1)."""
    names, region = layer_names(f), f.region[:, 0].astype(int)
    ys, lay = np.zeros(len(f.y)), []
    for r, name in enumerate(names):
        rows = np.where(region == r)[0]
        if not len(rows):
            continue
        y0, y1 = f.y_face[rows[0]], f.y_face[rows[-1] + 1]
        k = len(lay)
        ys[rows] = k + (f.y[rows] - y0) / (y1 - y0)
        lay.append((name, k, y0, y1))
    return ys, lay


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: plot_membraneflow.py OUTPUT_DIR")
    d = sys.argv[1]
    f = Fields(d)
    if f.inputs.get("cell") != "membraneflow":
        sys.exit("plot_membraneflow.py: %s is a %s run, not membraneflow" % (d, f.inputs.get("cell")))
    ys, lay = stretched(f)
    products = [k for k in ("c_nh3", "c_no3") if k in f.arrays]
    fig = plt.figure(figsize=(12, 8))
    gs = fig.add_gridspec(2, max(2, len(products)))
    xmm = 1e3 * f.x
    for k, name in enumerate(products):
        ax = fig.add_subplot(gs[0, k])
        c = np.clip(f.arrays[name], 1e-6, None) * 1e3  # umol/L
        pc = ax.pcolormesh(xmm, ys, c, shading="nearest", norm=mcolors.LogNorm(vmin=max(c.min(), c.max() * 1e-6), vmax=c.max()),
                           cmap="viridis")
        fig.colorbar(pc, ax=ax, label="%s (µmol/L)" % name[2:].upper().replace("NO3", "NO$_3^-$").replace("NH3", "NH$_3$"))
        for lname, kk, y0, y1 in lay:
            ax.axhline(kk, color="w", lw=0.6)
            ax.text(xmm[-1] * 0.98, kk + 0.5, "%s\n%.3g µm" % (lname, 1e6 * (y1 - y0)), color="w", ha="right", va="center", fontsize=8)
        ax.set_yticks([])
        ax.set_xlabel("along the flow (mm)")
        ax.set_title("%s: cathode below, anode above (layers at equal height)" % name, fontsize=9)
    ax = fig.add_subplot(gs[1, 0])
    i = len(f.x) - 1
    for name, style in (("c_n2", "C0"), ("c_nh3", "C3"), ("c_no3", "C2")):
        if name in f.arrays:
            v = f.arrays[name][:, i]
            ax.plot(ys, v / max(v.max(), 1e-300), style, label="%s (max %.3g mM)" % (name, v.max()))
    for lname, kk, y0, y1 in lay:
        ax.axvline(kk, color="0.7", lw=0.6)
        ax.text(kk + 0.5, 1.02, lname, ha="center", fontsize=8)
    ax.set_xlabel("across the section at the outlet (layers at equal width)")
    ax.set_ylabel("concentration / its largest value")
    ax.legend(fontsize=8)
    ax = fig.add_subplot(gs[1, 1])
    e = f.electrode_profile()
    for k in sorted(e):
        if k.startswith("i_"):
            ax.plot(1e3 * e["x"], 0.1 * e[k], label=k[2:].upper() + " (cathode)")
    ax.set_xlabel("along the electrode (mm)")
    ax.set_ylabel("partial current density (mA cm$^{-2}$)")
    ci = f.summary.get("cell_info", {})
    ax.set_title("NH$_3$ crossover %.3g, nitrate crossover %.3g of what is made" % (ci.get("nh3_crossover_rel", float("nan")),
                                                                                       ci.get("no3_crossover_rel", float("nan"))), fontsize=9)
    ax.legend(fontsize=8)
    fig.tight_layout()
    out = os.path.join(d, "membraneflow.png")
    azstyle.save(fig, out, dpi=120)
    print("plot_membraneflow.py: %s" % out)


if __name__ == "__main__":
    main()
