#!/usr/bin/python3
"""Plots a flow-cell run: the dissolved-N2 map of the channel and the N2 surface concentration and N2RR current along
the electrode.  usage: plot_flowcell.py OUTPUT_DIR   (writes OUTPUT_DIR/c_n2_map.png and OUTPUT_DIR/electrode.png)"""
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from azfields import Fields  # noqa: E402


def plot_map(f, path):
    c = f.c_n2
    cb = f.metrics.get("c_bulk_mol_m3", c.max())
    fig, ax = plt.subplots(figsize=(9, 3.2), constrained_layout=True)
    m = ax.pcolormesh(f.x_face * 1e3, f.y_face * 1e6, c / cb, shading="flat", cmap="viridis", vmin=0, vmax=1)
    fig.colorbar(m, ax=ax, label=r"$c_{N_2}/c_{bulk}$  (c$_{bulk}$ = %.3g mol m$^{-3}$)" % cb)
    p = f.electrode_profile()
    if len(p.get("x", [])):
        ax.plot([p["x"][0] * 1e3, p["x"][-1] * 1e3], [0, 0], color="orangered", lw=5, solid_capstyle="butt",
                label="electrode", clip_on=False)
        ax.legend(loc="upper right", fontsize=8)
    ax.set_xlabel("x along the channel (mm)")
    ax.set_ylabel("y from the electrode wall (µm)")
    ax.set_title("Dissolved N$_2$ in the flow cell (%s)" % f.summary.get("case", os.path.basename(f.dir)))
    fig.savefig(path, dpi=150)
    plt.close(fig)


def plot_electrode(f, path):
    p = f.electrode_profile()
    cb = f.metrics.get("c_bulk_mol_m3", 1.0)
    x = (p["x"] - p["x"][0]) * 1e3
    fig, ax1 = plt.subplots(figsize=(7, 4), constrained_layout=True)
    ax1.plot(x, p["c_surf"] / cb, color="C0", lw=2)
    ax1.set_ylim(0, 1.05)
    ax1.set_xlabel("distance from the electrode's leading edge (mm)")
    ax1.set_ylabel(r"surface N$_2$  $c_s/c_{bulk}$", color="C0")
    ax1.axhline(0.1, color="C0", ls=":", lw=1)
    ax2 = ax1.twinx()
    ax2.plot(x, p["i_n2rr"] * 0.1, color="C3", lw=2)  # A/m^2 -> mA/cm^2
    ax2.set_ylabel(r"N$_2$RR current density (mA cm$^{-2}$)", color="C3")
    ax2.set_ylim(bottom=0)
    m = f.metrics
    ax1.set_title("depletion %.2f, i$_{N_2RR}$ %.3g mA cm$^{-2}$ (limit %.3g), FE %.1f %%"
                  % (m.get("depletion", np.nan), m.get("i_n2rr_A_m2", np.nan) * 0.1,
                     m.get("i_lim_n2rr_A_m2", np.nan) * 0.1, 100 * m.get("fe_nh3", np.nan)), fontsize=10)
    fig.savefig(path, dpi=150)
    plt.close(fig)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    f = Fields(sys.argv[1])
    plot_map(f, os.path.join(sys.argv[1], "c_n2_map.png"))
    plot_electrode(f, os.path.join(sys.argv[1], "electrode.png"))
    print("wrote %s and %s" % (os.path.join(sys.argv[1], "c_n2_map.png"), os.path.join(sys.argv[1], "electrode.png")))


if __name__ == "__main__":
    main()
