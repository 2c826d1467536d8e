#!/usr/bin/python3
"""Plots GDE runs through the plane at mid-length of the electrode: how much of the feed's reactant gas (N2, or O2 for
an ORR cathode) is missing, in the pores' gas (1 - p/p_feed) and dissolved in the catalyst layer's liquid
(1 - c/c_sat, c_sat at the feed's partial pressure), across the gas diffusion layer(s), the catalyst layer and the
catholyte, on a log scale (1e-5 and 0.5 both show). One panel per run; a full cell's membrane and anolyte are left
out (the anode's gas is another).
usage: plot_gde.py OUTPUT_DIR [OUTPUT_DIR ...] [-o FILE.png]   (default FILE: FIRST_DIR/gde_profile.png)"""
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
LABEL = {"gas_channel": "gas\nchannel", "gdl": "GDL", "mpl": "MPL", "cl": "CL", "catholyte": "catholyte", "membrane": "membrane",
         "anolyte": "anolyte"}
COLOUR = {"gas_channel": "#dde8f5", "gdl": "#ececec", "mpl": "#dcdcdc", "cl": "#f6dede", "catholyte": "#def3e3", "membrane": "#f3efd8",
          "anolyte": "#e3e3f6"}
ORDER = ["gas_channel", "gdl", "mpl", "cl", "catholyte", "membrane", "anolyte"]
# the main reaction of the working electrode and its gas, as solver/reactions.c's rows name them
GAS = {"n2rr": ("n2", "N_2"), "n2or": ("n2", "N_2"), "orr": ("o2", "O_2")}


def layers(f):
    """(name, y0, y1) of the layers present, from the region tags (numbered in the order of ORDER)."""
    info = f.summary.get("cell_info", {})
    inputs = f.inputs
    names = [n for n in ORDER if (n == "gas_channel" and inputs.get("gde_gas_depletion", "true") == "true")
             or (n == "gdl") or (n == "mpl" and float(inputs.get("gde_mpl_thickness", 0)) > 0) or n == "cl"
             or (n == "catholyte" and float(inputs.get("gde_catholyte_thickness", 0)) > 0)
             or (n == "membrane" and float(inputs.get("gde_membrane_thickness", 0)) > 0)
             or (n == "anolyte" and float(inputs.get("gde_anolyte_thickness", 0)) > 0)]
    region = f.region[:, 0].astype(int)
    out = []
    for r, name in enumerate(names):
        rows = np.where(region == r)[0]
        if len(rows):
            out.append((name, f.y_face[rows[0]], f.y_face[rows[-1] + 1]))
    del info
    return out


def panel(ax, f, title):
    """Each layer from the GDL to the catholyte gets the same width on the x axis, whatever its thickness: the 10 um
    catalyst layer is as visible as the 200 um GDL. Ticks give the real positions (um from the gas channel). The y
    axis is the N2 deficit against the feed, 1 - x/x_feed, on a log scale: a GDE far from its transport limit loses
    1e-5 of its N2 on the way to the catalyst, a starved one most of it, and both show."""
    T = float(f.inputs.get("operating_temperature", 298.15))
    i = len(f.x) // 2
    lay = [l for l in layers(f) if l[0] in ("gdl", "mpl", "cl", "catholyte")]
    y0_all = lay[0][1]
    reaction = f.inputs.get("electrode_reaction", "n2rr")
    gas, tex = GAS[reaction]
    p_feed = f.summary["cell_info"]["p_%s_feed_Pa" % gas]
    cb = f.metrics["c_bulk_mol_m3"]  # the main reactant's
    c_gas, c_liq = getattr(f, "c_%s_gas" % gas), getattr(f, "c_%s" % gas)
    ticks, labels, lowest = [], [], 1.0
    for k, (name, y0, y1) in enumerate(lay):
        ax.axvspan(k, k + 1, color=COLOUR[name], lw=0)
        ax.text(k + 0.5, 0.97, "%s\n%.3g µm" % (LABEL[name], (y1 - y0) * 1e6), ha="center", va="top", fontsize=9,
                transform=ax.get_xaxis_transform())
        rows = (f.y >= y0) & (f.y <= y1)
        X = k + (f.y[rows] - y0) / (y1 - y0)
        if name in ("gdl", "mpl", "cl"):  # pores holding gas
            dg = np.clip(1 - c_gas[rows, i] * R * T / p_feed, 1e-12, None)
            ax.semilogy(X, dg, "C0.-", ms=3, label="gas: 1 - p$_{%s}$/p$_{feed}$" % tex if k == 0 else None)
            lowest = min(lowest, dg.min())
        if name in ("cl", "catholyte"):  # liquid: dissolved N2
            dc = np.clip(1 - c_liq[rows, i] / cb, 1e-12, None)
            ax.semilogy(X, dc, "C3.-", ms=3, label="dissolved: 1 - c/c$_{sat}$" if name == "cl" else None)
            lowest = min(lowest, dc.min())
        ticks.append(k), labels.append("%.0f" % ((y0 - y0_all) * 1e6))
    ticks.append(len(lay)), labels.append("%.0f" % ((lay[-1][2] - y0_all) * 1e6))
    ax.set_xticks(ticks)
    ax.set_xticklabels(labels)
    ax.set_xlim(0, len(lay))
    ax.set_xlabel("from the gas channel (µm; layers at equal width)")
    m = f.metrics
    ax.set_title("%s\ni$_{%s}$ %.3g, %s limit %.3g mA cm$^{-2}$" % (title, reaction.upper(), m["i_%s_A_m2" % reaction] * 0.1, "$%s$" % tex,
                                                                  m["i_lim_%s_A_m2" % reaction] * 0.1), fontsize=10)
    return lowest, "feed: p$_{%s}$ %.4g kPa, dissolved at saturation c$_{sat}$ %.3g mM" % (tex, p_feed / 1e3, cb)


def main():
    args = sys.argv[1:]
    out = None
    if "-o" in args:
        out = args[args.index("-o") + 1]
        args = args[:args.index("-o")] + args[args.index("-o") + 2:]
    if not args:
        sys.exit(__doc__)
    fig, axes = plt.subplots(1, len(args), figsize=(4.6 * len(args), 4.6), constrained_layout=True, squeeze=False)
    lowest, feeds = 1.0, set()
    for ax, d in zip(axes[0], args):
        f = Fields(d)
        low, feed = panel(ax, f, "%s, saturation %.2f" % (f.summary.get("electrode_mode", ""), float(f.inputs.get("gde_saturation", "nan"))))
        lowest = min(lowest, low)
        feeds.add(feed)
    for ax in axes[0]:  # one scale for all panels
        ax.set_ylim(max(lowest / 5, 1e-12), 30)
    fig.suptitle("GDE through the plane at mid-length; " + "; ".join(sorted(feeds)), fontsize=10)
    axes[0][0].set_ylabel("reactant gas deficit against the feed (log scale)")
    for ax in axes[0]:
        ax.legend(loc="center left", fontsize=8, framealpha=0.9)
    out = out or os.path.join(args[0], "gde_profile.png")
    azstyle.save(fig, out, dpi=150)
    print("wrote", out)


if __name__ == "__main__":
    main()
