#!/usr/bin/python3
"""Plots an H-cell run over time from its timeseries.csv: current densities, faradaic efficiency, NH3 yield rate,
and the NH3 accumulating in the catholyte (the number compared with a detection limit) and crossing the membrane.
usage: plot_hcell.py OUTPUT_DIR   (writes OUTPUT_DIR/hcell_timeseries.png)"""
import csv
import os
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


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    d = sys.argv[1]
    rows = list(csv.DictReader(open(os.path.join(d, "timeseries.csv"))))
    col = {k: np.array([float(r[k]) for r in rows]) for k in rows[0]}
    t = col["time_s"] / 60  # min
    fig, ax = plt.subplots(2, 2, figsize=(10, 7), constrained_layout=True, sharex=True)
    a = ax[0][0]
    a.plot(t, col["i_n2rr_A_m2"] * 0.1, label="N$_2$RR")
    a.plot(t, col["i_her_A_m2"] * 0.1, label="HER")
    a.plot(t, col["i_lim_n2rr_A_m2"] * 0.1, "k:", label="N$_2$ limit (steady)")
    a.set_ylabel("current density (mA cm$^{-2}$)")
    a.set_ylim(bottom=0)
    a.legend(fontsize=8)
    a = ax[0][1]
    a.plot(t, 100 * col["fe_nh3"], "C2")
    a.set_ylabel("faradaic efficiency to NH$_3$ (%)")
    a.set_ylim(0, max(1.0, 110 * col["fe_nh3"].max()))
    a = ax[1][0]
    a.plot(t, col["nh3_rate_ug_h_cm2"], "C3")
    a.set_ylabel("NH$_3$ yield rate (µg h$^{-1}$ cm$^{-2}$)")
    a.set_ylim(bottom=0)
    a.set_xlabel("time (min)")
    a = ax[1][1]
    a.plot(t, col["c_nh3_catholyte_umol_L"], "C4")
    a.set_ylabel("NH$_3$ in the catholyte (µmol L$^{-1}$)", color="C4")
    a.set_ylim(bottom=0)
    a.set_xlabel("time (min)")
    b = a.twinx()
    b.plot(t, col["nh3_crossed_umol"], "C5--")
    b.set_ylabel("NH$_3$ that crossed the membrane (µmol)", color="C5")
    b.set_ylim(bottom=0)
    c_mean = col["c_mean_mol_m3"][-1]
    fig.suptitle("H-cell: %.0f min of electrolysis; dissolved N$_2$ in the catholyte %.3g mM at the end (saturation %.3g mM)"
                 % (t[-1], c_mean, col["c_bulk_mol_m3"][-1]), fontsize=10)
    out = os.path.join(d, "hcell_timeseries.png")
    fig.savefig(out, dpi=150)
    print("wrote", out)


if __name__ == "__main__":
    main()
