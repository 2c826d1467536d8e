#!/usr/bin/python3
"""Plots a microtubular GDE run (cell: tubular): left, through the tube's wall at mid-length, how much of the feed's
reactant is missing in the gas (bore and pores, 1 - p/p_feed) and dissolved (catalyst layer and electrolyte, 1 - c/c_sat)
against the radius, log scale, each layer at equal width; right, along the tube, the gas in the bore (its feed used up
as it goes: 1 - p/p_feed averaged over the bore's cross-section) and the catalyst layer's dissolved reactant.
usage: plot_tubular.py OUTPUT_DIR   (writes OUTPUT_DIR/tubular.png)"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import azenv  # noqa: E402

azenv.require("numpy", "matplotlib", "h5py")
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import azstyle  # noqa: E402

azstyle.apply()
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from azfields import Fields  # noqa: E402

R = 8.314462618
ORDER = ["bore", "gdl", "cl", "electrolyte"]
COLOUR = {"bore": "#dde8f5", "gdl": "#ececec", "cl": "#f6dede", "electrolyte": "#def3e3"}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: plot_tubular.py OUTPUT_DIR")
    d = sys.argv[1]
    f = Fields(d)
    if f.inputs.get("cell") != "tubular":
        sys.exit("plot_tubular.py: %s is a %s run, not tubular" % (d, f.inputs.get("cell")))
    gas = next(k[:-4] for k in f.arrays if k.endswith("_gas"))  # "c_n2" or "c_o2"
    key = gas[2:]
    T = float(f.inputs.get("operating_temperature", 298.15))
    p_feed = f.summary["cell_info"]["p_%s_feed_Pa" % key]
    c_sat = f.metrics["c_bulk_mol_m3"]
    names = [n for n in ORDER if n != "bore" or f.inputs.get("tubular_gas_depletion", "true") == "true"]
    region = f.region[:, 0].astype(int)
    fig, (a, b) = plt.subplots(1, 2, figsize=(12, 4.8))
    i = len(f.x) // 2
    ticks, labels = [], []
    for r, name in enumerate(names):
        rows = np.where(region == r)[0]
        if not len(rows):
            continue
        r0, r1 = f.y_face[rows[0]], f.y_face[rows[-1] + 1]
        X = r + (f.y[rows] - r0) / (r1 - r0)
        a.axvspan(r, r + 1, color=COLOUR[name], lw=0)
        a.text(r + 0.5, 0.97, "%s\n%.3g µm" % (name, 1e6 * (r1 - r0)), ha="center", va="top", fontsize=9, transform=a.get_xaxis_transform())
        if name in ("bore", "gdl", "cl"):
            a.semilogy(X, np.clip(1 - f.arrays[gas + "_gas"][rows, i] * R * T / p_feed, 1e-12, None), "C0.-", ms=3,
                       label="gas: 1 - p/p$_{feed}$" if r == 0 else None)
        if name in ("cl", "electrolyte"):
            a.semilogy(X, np.clip(1 - f.arrays[gas][rows, i] / c_sat, 1e-12, None), "C3.-", ms=3,
                       label="dissolved: 1 - c/c$_{sat}$" if name == "cl" else None)
        ticks.append(r), labels.append("%.0f" % (1e6 * r0))
    ticks.append(len(names)), labels.append("%.0f" % (1e6 * f.y_face[-1]))
    a.set_xticks(ticks)
    a.set_xticklabels(labels)
    a.set_xlabel("radius (µm; layers at equal width)")
    a.set_ylabel("deficit against the feed")
    a.set_title("through the wall at mid-length", fontsize=9)
    a.legend(fontsize=8, loc="lower left")
    z = 1e3 * f.x
    if "bore" in names:  # the bore's gas, averaged over its cross-section (r dr weights)
        rows = np.where(region == 0)[0]
        w = (f.y_face[rows + 1] ** 2 - f.y_face[rows] ** 2)[:, None]
        p_mean = (f.arrays[gas + "_gas"][rows, :] * w).sum(axis=0) / w.sum() * R * T
        b.semilogy(z, np.clip(1 - p_mean / p_feed, 1e-12, None), "C0", label="bore gas: 1 - p/p$_{feed}$")
    cl = np.where(region == names.index("cl"))[0]
    b.semilogy(z, np.clip(1 - f.arrays[gas][cl, :].mean(axis=0) / c_sat, 1e-12, None), "C3", label="catalyst layer: 1 - c/c$_{sat}$")
    b.set_xlabel("along the tube (mm)")
    b.set_ylabel("deficit against the feed")
    m = f.metrics
    main = "n2rr" if "i_n2rr_A_m2" in m and m["i_n2rr_A_m2"] else "orr"
    b.set_title("i_%s %.4g mA cm$^{-2}$ of a %.4g limit (outer area), depletion %.2g" % (main, 0.1 * m.get("i_%s_A_m2" % main, 0),
                                                                                     0.1 * m.get("i_lim_%s_A_m2" % main, 0), m["depletion"]),
                fontsize=9)
    b.legend(fontsize=8)
    fig.tight_layout()
    out = os.path.join(d, "tubular.png")
    azstyle.save(fig, out, dpi=120)
    print("plot_tubular.py: %s" % out)


if __name__ == "__main__":
    main()
