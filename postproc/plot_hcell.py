#!/usr/bin/python3
"""Plots an H-cell run over time from its timeseries.csv: the current density of every reaction that runs (the working
electrode's and a full cell's anode's), their faradaic efficiencies and product rates, and each product accumulating
in its compartment (the number compared with a detection limit: NH3 in the catholyte, nitrate in the anolyte) and
crossing the membrane; the title gives the working electrode's dissolved reactant (N2, or O2 for an ORR cathode).
A run of the ionic model (electrolyte_model tertiary) also gets hcell_ph.png: the pH over time of the catholyte's bulk,
of the electrode's surface (area mean, and its range) and of the anolyte.
usage: plot_hcell.py OUTPUT_DIR   (writes OUTPUT_DIR/hcell_timeseries.png [and hcell_ph.png])"""
import csv
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import azenv  # noqa: E402

azenv.require("numpy", "matplotlib")
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import azstyle  # noqa: E402

azstyle.apply()
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


LABEL = {"n2rr": "N$_2$RR", "n2or": "N$_2$OR", "orr": "ORR", "her": "HER", "oer": "OER", "no3rr": "NO$_3$RR"}
PRODUCT = {"nh3": "NH$_3$", "no3": "NO$_3^-$"}
GAS = {"n2rr": "N$_2$", "n2or": "N$_2$", "orr": "O$_2$"}  # the main reaction's dissolved reactant


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    d = sys.argv[1]
    rows = list(csv.DictReader(open(os.path.join(d, "timeseries.csv"))))
    col = {k: np.array([float(r[k]) for r in rows]) for k in rows[0]}
    with open(os.path.join(d, "summary.json")) as f:
        main_rx = json.load(f)["inputs"].get("electrode_reaction", "n2rr")
    t = col["time_s"] / 60  # min
    running = lambda k: k in col and np.any(col[k] != 0)  # noqa: E731
    reactions = [m.group(1) for k in col for m in [re.match(r"i_(?!lim_|total)(\w+)_A_m2$", k)] if m and running(k)]
    fes = [k for k in col if k.startswith("fe_") and running(k)]
    rates = [k for k in col if k.endswith("_rate_ug_h_cm2") and running(k)]
    # products in their compartments: NH3's fixed columns, then c_<key>_<compartment>_umol_L of the others
    prods = [(m.group(1), m.group(2)) for k in col for m in [re.match(r"c_(\w+?)_(catholyte|anolyte)_umol_L$", k)]
             if m and running("%s_produced_umol" % m.group(1))]
    fig, ax = plt.subplots(2, 2, figsize=(10, 7), constrained_layout=True, sharex=True)
    a = ax[0][0]
    for r in reactions:
        a.plot(t, col["i_%s_A_m2" % r] * 0.1, label=LABEL.get(r, r.upper()))
    if "i_lim_%s_A_m2" % main_rx in col:
        a.plot(t, col["i_lim_%s_A_m2" % main_rx] * 0.1, "k:", label="%s limit (steady)" % GAS.get(main_rx, ""))
    a.set_ylabel("current density (mA cm$^{-2}$; an anode's positive)")
    a.set_ylim(bottom=0)
    a.legend(fontsize=8)
    a = ax[0][1]
    for k in fes:
        a.plot(t, 100 * col[k], label="to %s" % PRODUCT.get(k[3:], k[3:]))
    a.set_ylabel("faradaic efficiency (%)")
    a.set_ylim(0, max([1.0] + [110 * col[k].max() for k in fes]))
    a.legend(fontsize=8)
    a = ax[1][0]
    for k in rates:
        a.plot(t, col[k], label=PRODUCT.get(k.split("_")[0], k.split("_")[0]))
    a.set_ylabel("product rate (µg h$^{-1}$ cm$^{-2}$)")
    a.set_ylim(bottom=0)
    a.set_xlabel("time (min)")
    a.legend(fontsize=8)
    a = ax[1][1]
    b = a.twinx()
    drawn = False
    for n, (key, where) in enumerate(prods):
        name = PRODUCT.get(key, key)
        a.plot(t, col["c_%s_%s_umol_L" % (key, where)], "C%d" % (4 + n), label="%s in the %s" % (name, where))
        crossed = col["%s_crossed_umol" % key]
        if max(abs(crossed)) > 1e-9:  # a femtomole or more; below it, round-off of nothing having crossed
            b.plot(t, crossed, "C%d--" % (4 + n), label="%s crossed (µmol)" % name)
            drawn = True
        else:
            a.text(0.02, 0.80 - 0.07 * n, "%s across the membrane: < 1e-9 µmol after %.0f min" % (name, t[-1]),
                   transform=a.transAxes, fontsize=8)
    a.set_ylabel("product in its compartment (µmol L$^{-1}$)")
    a.set_ylim(bottom=0)
    if drawn:
        b.set_ylabel("crossed the membrane (µmol, dashed)")
        b.set_ylim(bottom=0)
    else:
        b.set_yticks([])
    a.set_xlabel("time (min)")
    if prods:
        a.legend(fontsize=8, loc="upper left")
    c_mean = col["c_mean_mol_m3"][-1]
    gas = GAS.get(main_rx, "reactant")
    fig.suptitle("H-cell: %.0f min of electrolysis; dissolved %s in the catholyte %.3g mM at the end (saturation %.3g mM)"
                 % (t[-1], gas, c_mean, col["c_bulk_mol_m3"][-1]), fontsize=10)
    out = os.path.join(d, "hcell_timeseries.png")
    azstyle.save(fig, out, dpi=150)
    if "ph_bulk" in col:
        plot_ph(d, t, col)
    print("wrote %s: currents %s; products %s" % (out, ", ".join(reactions), ", ".join("%s (%s)" % p for p in prods)))


def plot_ph(d, t, col):
    """The ionic model in time: bulk and surface pH of the working compartment, and the other compartment's."""
    fig, a = plt.subplots(figsize=(7, 4.5), constrained_layout=True)
    a.plot(t, col["ph_surf_mean"], "C3", label="electrode surface (area mean)")
    if np.any(col["ph_surf_max"] != col["ph_surf_min"]):
        a.fill_between(t, col["ph_surf_min"], col["ph_surf_max"], color="C3", alpha=0.2, lw=0, label="surface range")
    a.plot(t, col["ph_bulk"], "C0", label="catholyte bulk")
    if "ph_anolyte" in col:
        a.plot(t, col["ph_anolyte"], "C2", label="anolyte bulk")
    a.set_xlabel("time (min)")
    a.set_ylabel("pH")
    a.legend(fontsize=8)
    a.set_title("H-cell, ionic model: pH over %.0f min (%.3g C passed)" % (t[-1], col["charge_C"][-1]), fontsize=10)
    out = os.path.join(d, "hcell_ph.png")
    azstyle.save(fig, out, dpi=150)
    print("wrote %s: catholyte pH %.3f -> %.3f (surface %.3f), anolyte %.3f" %
          (out, col["ph_bulk"][0], col["ph_bulk"][-1], col["ph_surf_mean"][-1], col.get("ph_anolyte", [float("nan")])[-1]))


if __name__ == "__main__":
    main()
