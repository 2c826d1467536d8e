#!/usr/bin/python3
"""Plots a pressure x flow-rate sweep from its sweep.csv (azote -sweep_operating_pressure ... -sweep_flowcell_flow_rate ...):
  sweep_curves.png  the N2 limiting current and the faradaic efficiency against pressure, one line per flow rate;
  sweep_maps.png    pressure x flow-rate maps of the N2 depletion at the electrode and of the NH3 production rate.
usage: plot_sweep.py OUTPUT_DIR   (writes the two PNGs there; failed points are left blank)"""
import csv
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    d = sys.argv[1]
    rows = list(csv.DictReader(open(os.path.join(d, "sweep.csv"))))
    if not rows or "operating_pressure" not in rows[0] or "flowcell_flow_rate" not in rows[0]:
        sys.exit("plot_sweep.py: %s/sweep.csv is not a sweep over operating_pressure and flowcell_flow_rate" % d)
    P = sorted({float(r["operating_pressure"]) for r in rows})
    Q = sorted({float(r["flowcell_flow_rate"]) for r in rows})

    def grid(key):
        g = np.full((len(Q), len(P)), np.nan)
        for r in rows:
            if r["status"] == "ok":
                g[Q.index(float(r["flowcell_flow_rate"])), P.index(float(r["operating_pressure"]))] = float(r[key])
        return g

    ul_min = np.array(Q) * 6e10  # m^3/s -> uL/min
    bar = np.array(P) / 1e5
    ilim, fe, dep, nh3 = grid("i_lim_n2rr_A_m2"), grid("fe_nh3"), grid("depletion"), grid("nh3_rate_ug_h_cm2")

    fig, ax = plt.subplots(1, 2, figsize=(11, 4.2))
    colors = plt.cm.viridis(np.linspace(0, 0.9, len(Q)))
    for k in range(len(Q)):
        label = "%.3g uL/min" % ul_min[k]
        ax[0].plot(bar, ilim[k] / 10, "o-", ms=3, color=colors[k], label=label)  # A/m^2 -> mA/cm^2
        ax[1].plot(bar, 100 * fe[k], "o-", ms=3, color=colors[k], label=label)
    ax[0].set_ylabel("N$_2$ limiting current i$_{lim}$ (mA cm$^{-2}$)")
    ax[1].set_ylabel("faradaic efficiency to NH$_3$ (%)")
    for a in ax:
        a.set_xlabel("N$_2$ pressure (bar)")
        a.grid(alpha=0.3)
    ax[0].set_yscale("log")
    ax[1].legend(fontsize=7, ncol=2, title="flow rate", title_fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(d, "sweep_curves.png"), dpi=120)

    fig, ax = plt.subplots(1, 2, figsize=(11, 4.2))
    for a, g, title, cmap in ((ax[0], dep, "N$_2$ depletion at the electrode (1 - c$_s$/c$_{bulk}$)", "magma_r"),
                              (ax[1], nh3, "NH$_3$ production (ug h$^{-1}$ cm$^{-2}$)", "viridis")):
        m = a.pcolormesh(bar, ul_min, g, shading="nearest", cmap=cmap)
        fig.colorbar(m, ax=a)
        a.set_yscale("log")
        a.set_xlabel("N$_2$ pressure (bar)")
        a.set_ylabel("flow rate (uL min$^{-1}$)")
        a.set_title(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(os.path.join(d, "sweep_maps.png"), dpi=120)
    print("wrote %s and %s" % (os.path.join(d, "sweep_curves.png"), os.path.join(d, "sweep_maps.png")))


if __name__ == "__main__":
    main()
