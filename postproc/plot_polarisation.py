#!/usr/bin/python3
"""Polarisation and Tafel curves from a sweep over the electrode potential (potentiostatic) or the current
(galvanostatic), for any cell template:
    azote -case cases/flowcell.yaml -sweep_electrode_potential -0.6:0.1:15
    postproc/plot_polarisation.py out/flowcell      (writes out/flowcell/polarisation.png, prints the Tafel slopes)
    azote -case cases/flowcell.yaml -electrode_mode galvanostatic -sweep_electrode_current 0.1:100:13:log
Left: the partial current densities (mA cm^-2, log scale) of the main reaction (N2RR, N2OR or ORR), of its
competitor (HER or OER) and their total against E vs RHE, the reactant's mass-transport limit (the same case in
`limiting` mode) dashed, and the faradaic efficiency (right axis). Right: the Tafel plot, E against log10 |j|, with
straight lines fitted where the electrode is under kinetic control (the reactant's depletion at the surface below
0.05: there its supply does not bend the curve), their slopes printed in mV/dec, and the main reaction's current at
the bulk concentration (the kinetic current without transport loss: damkohler x i_lim). Other swept keys make families of curves,
one colour per combination. Failed points are left out.
usage: plot_polarisation.py OUTPUT_DIR [-o FILE.png]"""
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

from azsweep import Sweep  # noqa: E402

DRIVERS = ("electrode_potential", "electrode_current")
KINETIC_DEPLETION = 0.05  # the fit window: surface depletion of the reactant below this
REACTANT = {"n2rr": "N$_2$", "n2or": "N$_2$", "orr": "O$_2$"}


def tafel_fit(E, j):
    """Slope dE/dlog10|j| (mV/dec, the magnitude) and intercept of a straight line through (log10|j|, E)."""
    x = np.log10(np.abs(j))
    A = np.vstack([x, np.ones_like(x)]).T
    (b, a), *_ = np.linalg.lstsq(A, E, rcond=None)
    return b, a


def tafel_window(E, j, tol=0.03):
    """The points of a Tafel region: from the point farthest from equilibrium (the largest |j|) toward the others
    while the local slope dE/dlog10|j| stays within tol of the first (near its Nernst potential a reaction's reverse
    branch, and the product it makes, bend the line: the curve is no longer Tafel's). A mask."""
    order = np.argsort(-np.abs(j))
    x = np.log10(np.abs(j[order]))
    keep = np.zeros(len(j), dtype=bool)
    if len(j) < 3 or not np.all(np.isfinite(x)):
        return keep
    first = (E[order][1] - E[order][0]) / (x[1] - x[0]) if x[1] != x[0] else np.nan
    n = 2
    while n < len(j) and x[n] != x[n - 1]:
        local = (E[order][n] - E[order][n - 1]) / (x[n] - x[n - 1])
        if not (abs(local - first) <= tol * abs(first)):
            break
        n += 1
    keep[order[:n]] = True
    return keep


def families(sw, driver):
    """[(label, rows sorted by E)] per combination of the keys swept besides the driver."""
    others = [k for k in sw.keys if k != driver]
    groups = {}
    for r in sw.ok:
        groups.setdefault(tuple(r[k] for k in others), []).append(r)
    out = []
    for vals, rows in groups.items():
        rows.sort(key=lambda r: float(r["electrode_potential_V"]))
        label = ", ".join(sw.key_value_text(k, float(v) if sw.numeric(k) else v) for k, v in zip(others, vals))
        out.append((label, rows))
    return out


def polarisation(d, out=None, quiet=False):
    sw = Sweep(d)
    drivers = [k for k in DRIVERS if k in sw.keys]
    if not drivers:
        raise SystemExit("plot_polarisation.py: error: %s/sweep.csv sweeps %s, not electrode_potential or electrode_current: run "
                         "azote -case CASE -sweep_electrode_potential START:STOP:N (or -electrode_mode galvanostatic "
                         "-sweep_electrode_current ...)" % (d, ", ".join(sw.keys) or "nothing"))
    if "electrode_potential_V" not in sw.columns:
        raise SystemExit("plot_polarisation.py: error: %s/sweep.csv has no electrode_potential_V column (written by an older azote): "
                         "run the sweep again" % d)
    if len(sw.ok) < 2:
        raise SystemExit("plot_polarisation.py: error: %s/sweep.csv has %d point(s) that ran: a polarisation curve needs two or more"
                         % (d, len(sw.ok)))
    driver = drivers[0]
    m = sw.main()
    fams = families(sw, driver)
    single = len(fams) == 1
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(12, 5.2), gridspec_kw=dict(width_ratios=[1.25, 1]))
    fx = ax.twinx() if m["fe"] else None
    colours = plt.cm.viridis(np.linspace(0, 0.85, len(fams))) if not single else ["C3"]
    lines, notes = [], []
    for (label, rows), colour in zip(fams, colours):
        E = sw.column("electrode_potential_V", rows)
        j = np.abs(sw.column(m["i"], rows)) * 0.1  # A/m^2 -> mA/cm^2
        tag = "" if single else " (%s)" % label
        lines += ax.semilogy(E, j, "o-", color=colour, ms=4, lw=2, label="%s%s" % (m["label"], tag))
        if m["side"] and single:
            js = np.abs(sw.column(m["side"], rows)) * 0.1
            jt = np.abs(sw.column("i_total_A_m2", rows)) * 0.1
            lines += ax.semilogy(E, js, "s--", color="C0", ms=3, lw=1.5, label=m["side_label"])
            lines += ax.semilogy(E, jt, ":", color="k", lw=1.5, label="total")
        lim = np.abs(sw.column(m["lim"], rows)) * 0.1
        if np.all(np.isfinite(lim)):
            lines += [ax.axhline(np.median(lim), color=colour, ls=(0, (6, 3)), lw=1.2,
                                 label="%s transport limit%s, %.3g mA cm$^{-2}$" % (REACTANT.get(sw.reaction, "N$_2$"), tag, np.median(lim)))]
        if fx is not None:
            lines += fx.plot(E, 100 * sw.column(m["fe"], rows), "^-", color=colour if not single else "C2", ms=4, lw=1, alpha=0.8,
                             label="FE %s%s (right axis)" % (m["product"], tag))
        # Tafel: E against log10 |j|, fitted where the reactant's supply does not bend the curve
        bx.semilogx(j, E, "o", color=colour, ms=4, label="%s%s" % (m["label"], tag))
        jk = sw.column("damkohler", rows) * lim  # the kinetic current at c_bulk, mA/cm^2
        if single and np.all(np.isfinite(jk)):
            bx.semilogx(jk, E, "-", color="0.6", lw=1, label="%s at c$_{bulk}$ (no transport loss)" % m["label"])
        kin = sw.column("depletion", rows) < KINETIC_DEPLETION
        if kin.sum() >= 3:
            b, a = tafel_fit(E[kin], j[kin])
            xs = np.logspace(np.log10(j[kin].min()) - 0.3, np.log10(j[kin].max()) + 0.5, 20)
            bx.semilogx(xs, a + b * np.log10(xs), "-", color=colour, lw=1.5, alpha=0.7,
                        label="fit: %.1f mV dec$^{-1}$" % abs(1e3 * b))
            notes.append("%s%s Tafel slope %.1f mV/dec (fit over E = %.3g to %.3g V vs RHE, %d points with depletion < %g)"
                         % (m["label"].replace("$", "").replace("_", ""), tag.replace("$", ""), abs(1e3 * b), E[kin].min(), E[kin].max(),
                            kin.sum(), KINETIC_DEPLETION))
        else:
            notes.append("%s%s: fewer than 3 points under kinetic control (depletion < %g): no Tafel slope"
                         % (m["label"].replace("$", "").replace("_", ""), tag.replace("$", ""), KINETIC_DEPLETION))
        if m["side"] and single:
            js = np.abs(sw.column(m["side"], rows)) * 0.1
            bx.semilogx(js, E, "s", color="C0", ms=3, label=m["side_label"])
            # its own Tafel region: it does not depend on the dissolved reactant, but near its Nernst potential (HER's:
            # +0.19 V vs RHE with the atmosphere's H2, less where the H2 it makes builds up) its line bends
            sgn = np.sign(np.median(sw.column(m["side"], rows)))
            w = tafel_window(E, js) & (sgn * sw.column(m["side"], rows) > 0)
            if w.sum() >= 3:
                b, a = tafel_fit(E[w], js[w])
                xs = np.logspace(np.log10(js[w].min()) - 0.3, np.log10(js[w].max()) + 0.5, 20)
                bx.semilogx(xs, a + b * np.log10(xs), "--", color="C0", lw=1.2, alpha=0.7, label="fit: %.1f mV dec$^{-1}$" % abs(1e3 * b))
                notes.append("%s Tafel slope %.1f mV/dec (fit over E = %.3g to %.3g V vs RHE, %d points on one line)"
                             % (m["side_label"], abs(1e3 * b), E[w].min(), E[w].max(), w.sum()))
            else:
                notes.append("%s: fewer than 3 points on a Tafel line: no Tafel slope" % m["side_label"])
    ax.set_xlabel("E (V vs RHE)")
    ax.set_ylabel("partial current density |j| (mA cm$^{-2}$)")
    ax.grid(alpha=0.3, which="both")
    if fx is not None:
        fx.set_ylabel("faradaic efficiency to %s (%%)" % m["product"])
        fx.set_ylim(0, 100)
    mode = "galvanostatic sweep" if driver == "electrode_current" else "potentiostatic sweep"
    ax.set_title("Polarisation (%s, %d points)" % (mode, len(sw.ok)), fontsize=11)
    bx.set_xlabel("|j| (mA cm$^{-2}$, log scale)")
    bx.set_ylabel("E (V vs RHE)")
    bx.set_title("Tafel plot", fontsize=11)
    bx.grid(alpha=0.3, which="both")
    bx.legend(fontsize=8, loc="upper right")
    fig.legend(handles=lines, loc="lower center", ncol=min(4, len(lines)), fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.05 + 0.03 * ((len(lines) - 1) // 4), 1, 1))
    out = out or os.path.join(d, "polarisation.png")
    azstyle.save(fig, out, dpi=130)
    plt.close(fig)
    if not quiet:
        for n in notes:
            print("polarisation: " + n)
        print("wrote", out)
    return out, notes


def main():
    args = sys.argv[1:]
    out = None
    if "-o" in args:
        i = args.index("-o")
        if i + 1 >= len(args):
            sys.exit(__doc__)
        out = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    polarisation(args[0], out)


if __name__ == "__main__":
    main()
