#!/usr/bin/python3
"""Plots a sweep from its sweep.csv, whatever keys it sweeps:
  electrode_potential or electrode_current swept: the polarisation and Tafel curves (polarisation.png, see
                    plot_polarisation.py), the other keys as families of curves;
  one key:          sweep_curves.png, the main reaction's current and its N2 (or O2) transport limit, the depletion
                    at the electrode, the faradaic efficiency and the product's rate against the key;
  two keys:         sweep_curves.png, the same against the faster-varying key, one curve per value of the other
                    (coloured by it), and, both numeric, sweep_maps.png, the depletion and the product's rate over
                    the two keys;
  three or more:    sweep_table.md (one row per point: the keys and those metrics) and sweep_parallel.png, a
                    parallel-coordinates figure of the keys and metrics, one line per point, coloured by its FE.
Values are shown in the units electrochemists read (bar, µL/min, mA/cm², %, ...). Failed points are left out (blank
in the maps).
usage: plot_sweep.py OUTPUT_DIR   (writes the files there and prints their names)"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import azenv  # noqa: E402

azenv.require("numpy", "matplotlib")
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import azstyle  # noqa: E402

azstyle.apply()
import matplotlib.colors as mcolors  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from azsweep import Sweep, metric_display, metric_label  # noqa: E402
from plot_polarisation import DRIVERS, polarisation  # noqa: E402


def panels(sw):
    """[(metric column, y label, log y)]: what a sweep is read for."""
    m = sw.main()
    gas = "O$_2$" if sw.reaction == "orr" else "N$_2$"
    out = [(m["i"], "%s current density (mA cm$^{-2}$)" % m["label"], True),
           (m["lim"], "%s transport limit i$_{lim}$ (mA cm$^{-2}$)" % gas, True),
           ("depletion", "%s depletion at the electrode" % gas, False),
           ("damkohler", "Damköhler number (kinetic / transport)", True)]
    if m["fe"]:
        out.append((m["fe"], "faradaic efficiency to %s (%%)" % m["product"], False))
    if m["rate"]:
        out.append((m["rate"], metric_label(m["rate"]), False))
    return [p for p in out if p[0] in sw.columns]


def save(fig, path):
    azstyle.save(fig, path, dpi=130, bbox_inches="tight")  # a legend beside the panels included
    plt.close(fig)
    return path


def x_axis(ax, sw, key):
    """The key's values on an axis: scaled numbers (log-spaced: log axis) or category positions."""
    ax.set_xlabel(sw.key_label(key))
    if sw.numeric(key):
        if sw.logscale(key):
            ax.set_xscale("log")
        return lambda rows: sw.column(key, rows) * sw.key_display(key)[2]
    cats = sw.values(key)
    ax.set_xticks(range(len(cats)))
    ax.set_xticklabels(cats, rotation=20, fontsize=8)
    return lambda rows: np.array([cats.index(r[key]) for r in rows], float)


def curves(sw, families=None):
    """Metrics against the last key; with families, one curve per value of that key, coloured by it."""
    key = sw.keys[-1]
    groups = [(None, sw.ok)]
    colour = lambda _: "C3"  # noqa: E731
    sm = None
    if families:
        vals = sw.values(families)
        groups = [(v, [r for r in sw.ok if (float(r[families]) if sw.numeric(families) else r[families]) == v]) for v in vals]
        if sw.numeric(families):
            scaled = np.array(vals, float) * sw.key_display(families)[2]
            norm = (mcolors.LogNorm if sw.logscale(families) and scaled.min() > 0 else mcolors.Normalize)(scaled.min(), scaled.max())
            sm = plt.cm.ScalarMappable(norm=norm, cmap="viridis")
            colour = lambda v: sm.to_rgba(v * sw.key_display(families)[2])  # noqa: E731
        else:
            cols = dict(zip(vals, plt.cm.tab10(np.arange(len(vals)) % 10)))
            colour = lambda v: cols[v]  # noqa: E731
    ps = panels(sw)
    ncol = 2 if len(ps) <= 4 else 3
    nrow = (len(ps) + ncol - 1) // ncol
    fig, axes = plt.subplots(nrow, ncol, figsize=(4.6 * ncol + (1.2 if families else 0), 3.6 * nrow), squeeze=False, constrained_layout=True)
    for ax, (col, ylabel, logy) in zip(axes.flat, ps):
        xs = x_axis(ax, sw, key)
        for v, rows in groups:
            rows = sorted(rows, key=lambda r: float(r[key]) if sw.numeric(key) else sw.values(key).index(r[key]))
            y = np.abs(sw.column(col, rows)) * metric_display(col)[2]
            ax.plot(xs(rows), y, "o-", color=colour(v), ms=3.5, lw=1.6)
        if logy:
            ax.set_yscale("log")
        ax.set_ylabel(ylabel, fontsize=10)
        ax.grid(alpha=0.3, which="both")
    for ax in axes.flat[len(ps):]:
        ax.set_visible(False)
    if families:
        if sm is not None:
            fig.colorbar(sm, ax=axes, label=sw.key_label(families), fraction=0.03, pad=0.02)
        else:  # words: a legend beside the panels, never over the curves
            handles = [plt.Line2D([], [], color=colour(v), marker="o", label=str(v)) for v in sw.values(families)]
            fig.legend(handles=handles, title=sw.key_display(families)[0], loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=9)
    fig.suptitle("%s: %d of %d points ran" % (os.path.basename(os.path.abspath(sw.dir)), len(sw.ok), len(sw.rows)))
    return save(fig, os.path.join(sw.dir, "sweep_curves.png"))


def maps(sw):
    """Depletion and the product's rate (or the main current) over two numeric keys."""
    ky, kx = sw.keys
    X = np.array(sw.values(kx), float) * sw.key_display(kx)[2]
    Y = np.array(sw.values(ky), float) * sw.key_display(ky)[2]
    m = sw.main()
    second = m["rate"] or m["i"]

    def grid(col):
        g = np.full((len(Y), len(X)), np.nan)
        for r in sw.ok:
            g[sw.values(ky).index(float(r[ky])), sw.values(kx).index(float(r[kx]))] = abs(float(r[col])) * metric_display(col)[2]
        return g

    fig, axes = plt.subplots(1, 2, figsize=(11.5, 4.3))
    for ax, col, title, cmap in ((axes[0], "depletion", "N$_2$ depletion at the electrode, 1 - c$_s$/c$_{bulk}$", "magma_r"),
                                 (axes[1], second, metric_label(second), "viridis")):
        mesh = ax.pcolormesh(X, Y, grid(col), shading="nearest", cmap=cmap)
        fig.colorbar(mesh, ax=ax)
        ax.set_xscale("log" if sw.logscale(kx) else "linear")
        ax.set_yscale("log" if sw.logscale(ky) else "linear")
        ax.set_xlabel(sw.key_label(kx))
        ax.set_ylabel(sw.key_label(ky))
        ax.set_title(title, fontsize=10)
    fig.tight_layout()
    return save(fig, os.path.join(sw.dir, "sweep_maps.png"))


def table(sw):
    m = sw.main()
    cols = [c for c in (m["i"], m["lim"], "depletion", m["fe"], m["rate"]) if c]
    head = [sw.key_label(k) for k in sw.keys] + [metric_label(c) for c in cols] + ["status"]
    lines = ["| " + " | ".join(h.replace("$", "") for h in head) + " |", "|" + "---|" * len(head)]
    for r in sw.rows:
        keys = ["%.4g" % (float(r[k]) * sw.key_display(k)[2]) if sw.numeric(k) else r[k] for k in sw.keys]
        vals = ["%.4g" % (abs(float(r[c])) * metric_display(c)[2]) if r["status"] == "ok" else "" for c in cols]
        lines.append("| " + " | ".join(keys + vals + [r["status"]]) + " |")
    path = os.path.join(sw.dir, "sweep_table.md")
    with open(path + ".partial", "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(path + ".partial", path)
    return path


def parallel(sw):
    """One vertical axis per key and metric, each scaled to its range (log where log-spaced); a line per point."""
    m = sw.main()
    cols = [c for c in (m["i"], m["lim"], "depletion", m["fe"]) if c]
    axes_def = []  # (label, values per ok row, log, tick texts)
    for k in sw.keys:
        if sw.numeric(k):
            v = sw.column(k, sw.ok) * sw.key_display(k)[2]
            axes_def.append((sw.key_label(k), v, sw.logscale(k)))
        else:
            cats = sw.values(k)
            axes_def.append((sw.key_display(k)[0], np.array([cats.index(r[k]) for r in sw.ok], float), False, cats))
    for c in cols:
        v = np.abs(sw.column(c, sw.ok)) * metric_display(c)[2]
        axes_def.append((metric_label(c), v, bool(np.all(v > 0) and v.max() / max(v.min(), 1e-300) > 30)))
    n = len(axes_def)
    Z = np.zeros((len(sw.ok), n))
    for j, a in enumerate(axes_def):
        v = np.log10(a[1]) if a[2] else a[1]
        lo, hi = np.nanmin(v), np.nanmax(v)
        Z[:, j] = (v - lo) / (hi - lo) if hi > lo else 0.5
    colour_by = sw.column(m["fe"] or m["i"], sw.ok) * (100 if m["fe"] else 0.1)
    norm = mcolors.Normalize(np.nanmin(colour_by), np.nanmax(colour_by))
    fig, ax = plt.subplots(figsize=(max(8, 1.7 * n), 5))
    for z, cval in zip(Z, colour_by):
        ax.plot(range(n), z, "-", color=plt.cm.viridis(norm(cval)), alpha=0.7, lw=1.2)
    for j, a in enumerate(axes_def):
        ax.axvline(j, color="k", lw=0.8)
        lo, hi = np.nanmin(a[1]), np.nanmax(a[1])
        if len(a) > 3:
            ax.text(j, -0.06, a[3][0], ha="center", va="top", fontsize=7)
            ax.text(j, 1.04, a[3][-1], ha="center", va="bottom", fontsize=7)
        else:
            ax.text(j, -0.06, "%.3g" % lo, ha="center", va="top", fontsize=8)
            ax.text(j, 1.04, "%.3g" % hi, ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(n))
    ax.set_xticklabels([a[0] for a in axes_def], rotation=15, fontsize=8)
    ax.set_yticks([])
    ax.set_ylim(-0.15, 1.12)
    ax.set_xlim(-0.3, n - 0.7)
    sm = plt.cm.ScalarMappable(norm=norm, cmap="viridis")
    fig.colorbar(sm, ax=ax, label=metric_label(m["fe"] or m["i"]))
    ax.set_title("%d points: each line one point; each axis from its smallest (bottom) to its largest value (top)" % len(sw.ok),
                 fontsize=10)
    fig.tight_layout()
    return save(fig, os.path.join(sw.dir, "sweep_parallel.png"))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sw = Sweep(sys.argv[1])
    if not sw.keys:
        sys.exit("plot_sweep.py: error: %s/sweep.csv names no swept key" % sys.argv[1])
    if not sw.ok:
        sys.exit("plot_sweep.py: error: no point of %s/sweep.csv ran (status ok): nothing to plot" % sys.argv[1])
    if any(k in sw.keys for k in DRIVERS):
        written = [polarisation(sys.argv[1])[0]]
    elif len(sw.keys) == 1:
        written = [curves(sw)]
    elif len(sw.keys) == 2:
        written = [curves(sw, families=sw.keys[0])]
        if all(sw.numeric(k) for k in sw.keys):
            written.append(maps(sw))
    else:
        written = [table(sw), parallel(sw)]
    print("wrote " + ", ".join(written))


if __name__ == "__main__":
    main()
