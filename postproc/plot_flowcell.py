#!/usr/bin/python3
"""Plots a flow-cell run: the map of the dissolved reactant (N2, or O2 for an ORR cathode) in the channel and its
surface concentration and the main reaction's current along the electrode.  usage: plot_flowcell.py OUTPUT_DIR   (writes OUTPUT_DIR/c_n2_map.png and OUTPUT_DIR/electrode.png)
A 3-D run (mesh_nz > 0) gets the map of its mid-width plane, the electrode profile averaged across the width, and
OUTPUT_DIR/electrode_map.png: the surface concentration over the electrode, along x and across the width.
A run of the ionic model (electrolyte_model tertiary) also gets OUTPUT_DIR/ph.png: the pH map in the channel and the
pH of the electrode's cells along the electrode, against the bulk's."""
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


# what the working electrode reacts (the case's electrode_reaction): the field of its reactant, labels, the metrics
# of its main reaction and of its limit, and the faradaic efficiency (None: no product metric)
REACTIONS = {
    "n2rr": ("c_n2", "N$_2$", "N$_2$RR", "i_n2rr_A_m2", "i_lim_n2rr_A_m2", "fe_nh3"),
    "n2or": ("c_n2", "N$_2$", "N$_2$OR", "i_n2or_A_m2", "i_lim_n2or_A_m2", "fe_no3"),
    "orr": ("c_o2", "O$_2$", "ORR", "i_orr_A_m2", "i_lim_orr_A_m2", None),
}


def reaction(f):
    return REACTIONS.get(f.inputs.get("electrode_reaction", "n2rr"), REACTIONS["n2rr"])


def width_average(f):
    """The electrode's values averaged across the width (3-D) at each x, weighted by the cells' widths."""
    p = f.electrode_profile()
    if "z" not in p:
        return p
    dz = dict(zip(f.z, np.diff(f.z_face)))
    w = np.array([dz[v] for v in p["z"]])
    xs = np.unique(p["x"])
    out = {"x": xs}
    for k in [k for k in p if k == "c_surf" or k.startswith("i_")]:  # the surface concentration, each reaction's current
        out[k] = np.array([np.sum((p[k] * w)[p["x"] == x]) / np.sum(w[p["x"] == x]) for x in xs])
    return out


def plot_map(f, path):
    field, gas = reaction(f)[:2]
    c = getattr(f, field)
    plane = ""
    if c.ndim == 3:  # (z, y, x): the mid-width plane
        c = c[c.shape[0] // 2]
        plane = ", mid-width plane"
    cb = f.metrics.get("c_bulk_mol_m3", c.max())
    fig, ax = plt.subplots(figsize=(7, 3.3), constrained_layout=True)
    # 0 to the bulk, or beyond it where an electrode makes the gas (a full cell's OER anode makes O2)
    m = ax.pcolormesh(f.x_face * 1e3, f.y_face * 1e6, c / cb, shading="flat", cmap="viridis", vmin=0, vmax=max(1.0, float(np.max(c / cb))))
    fig.colorbar(m, ax=ax, label=r"c / c$_{bulk}$ (c$_{bulk}$ %.3g mM)" % cb)
    # the electrodes on their walls (a full cell's anode on the facing one), named beside them rather than in a
    # legend over the map
    walls = [(f.electrode, "electrode" if not f.anode else "cathode", "orangered", f.y_face[0], -4, "top")]
    if f.anode:
        walls.append((f.anode, "anode", "royalblue", f.y_face[-1], 4, "bottom"))
    for e, name, colour, y, dy, va in walls:
        if len(e.get("x", [])):
            x0, x1 = np.min(e["x"]) * 1e3, np.max(e["x"]) * 1e3
            ax.plot([x0, x1], [y * 1e6, y * 1e6], color=colour, lw=6, solid_capstyle="butt", clip_on=False)
            ax.annotate(name, ((x0 + x1) / 2, y * 1e6), xytext=(0, dy), textcoords="offset points", ha="center", va=va,
                        color=colour, fontsize=9, fontweight="bold", annotation_clip=False)
    ax.set_xlabel("x along the channel (mm)", labelpad=12)
    ax.set_ylabel("y from the electrode (µm)")
    ax.set_title("Dissolved %s in the channel%s" % (gas, plane), pad=14 if f.anode else 6)
    azstyle.save(fig, path, dpi=150)
    plt.close(fig)


def plot_electrode_map(f, path):
    p = f.electrode_profile()
    cb = f.metrics.get("c_bulk_mol_m3", 1.0)
    xs, zs = np.unique(p["x"]), np.unique(p["z"])
    grid = np.full((len(zs), len(xs)), np.nan)
    grid[np.searchsorted(zs, p["z"]), np.searchsorted(xs, p["x"])] = p["c_surf"] / cb
    xf = f.x_face[np.searchsorted(f.x_face, xs[0]) - 1:np.searchsorted(f.x_face, xs[-1]) + 1]
    fig, ax = plt.subplots(figsize=(8, 3.4), constrained_layout=True)
    # the colour range of the data: the pattern across the width is what this map shows
    m = ax.pcolormesh(xf * 1e3, f.z_face * 1e3, grid, shading="flat", cmap="viridis")
    fig.colorbar(m, ax=ax, label=r"surface $c/c_{bulk}$")
    ax.set_xlabel("x along the channel (mm)")
    ax.set_ylabel("z across the width (mm)")
    ax.set_title("%s at the electrode's surface: the side walls slow the flow, the edges starve" % reaction(f)[1], fontsize=11)
    azstyle.save(fig, path, dpi=150)
    plt.close(fig)


def plot_electrode(f, path):
    p = width_average(f)
    averaged = " (averaged across the width)" if "z" in f.electrode else ""
    cb = f.metrics.get("c_bulk_mol_m3", 1.0)
    x = (p["x"] - p["x"][0]) * 1e3
    fig, ax1 = plt.subplots(figsize=(6.4, 4.2), constrained_layout=True)
    ax1.plot(x, p["c_surf"] / cb, color="C0", lw=2)
    ax1.set_ylim(0, 1.05)
    ax1.set_xlabel("from the electrode's leading edge (mm)")
    _, gas, name, i_key, lim_key, fe_key = reaction(f)
    ax1.set_ylabel(r"surface %s, c$_s$ / c$_{bulk}$%s" % (gas, " (width mean)" if averaged else ""), color="C0")
    ax1.axhline(0.1, color="C0", ls=":", lw=1)
    ax2 = ax1.twinx()
    main = f.inputs.get("electrode_reaction", "n2rr")
    ax2.plot(x, np.abs(p["i_" + main]) * 0.1, color="C3", lw=2)  # the main reaction's current, A/m^2 -> mA/cm^2
    ax2.set_ylabel(r"%s current density (mA cm$^{-2}$)%s" % (name, " (width mean)" if averaged else ""), color="C3")
    ax2.set_ylim(bottom=0)
    m = f.metrics
    fe = ", FE %.1f %%" % (100 * m.get(fe_key, np.nan)) if fe_key else ""
    ax1.set_title("Along the electrode%s\ndepletion %.2f, i$_{%s}$ %.3g mA cm$^{-2}$ (limit %.3g)%s"
                  % (averaged, m.get("depletion", np.nan), name.replace("$", ""), abs(m.get(i_key, np.nan)) * 0.1,
                     m.get(lim_key, np.nan) * 0.1, fe), fontsize=10)
    azstyle.save(fig, path, dpi=150)
    plt.close(fig)


def plot_ph(f, path):
    """The ionic model: the pH map (mid-width plane in 3-D) and the surface pH along the electrode."""
    ph = f.ph
    if ph.ndim == 3:
        ph = ph[0]  # the electrode's wall is y = 0 at every z; the map shows the first plane (z at the side wall)
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(7, 6), constrained_layout=True)
    m = ax1.pcolormesh(f.x_face * 1e3, f.y_face * 1e6, ph, shading="flat", cmap="coolwarm")
    fig.colorbar(m, ax=ax1, label="pH")
    ax1.set_xlabel("x along the channel (mm)")
    ax1.set_ylabel("y from the electrode (µm)")
    ax1.set_title("pH in the channel (bulk %.2f)" % f.metrics.get("ph_bulk", np.nan))
    x = f.x
    on = (x >= np.min(f.electrode["x"])) & (x <= np.max(f.electrode["x"])) if len(f.electrode.get("x", [])) else x == x
    ax2.plot((x[on] - x[on][0]) * 1e3, ph[0][on], color="C3", lw=2, label="surface (electrode's cells)")
    ax2.axhline(f.metrics.get("ph_bulk", np.nan), color="k", ls=":", lw=1, label="bulk")
    ax2.set_xlabel("from the electrode's leading edge (mm)")
    ax2.set_ylabel("pH")
    ax2.legend(fontsize=9)
    m = f.metrics
    ax2.set_title("Along the electrode: surface pH %.2f (%.2f to %.2f)" % (m.get("ph_surf_mean", np.nan), m.get("ph_surf_min", np.nan),
                                                                             m.get("ph_surf_max", np.nan)), fontsize=10)
    azstyle.save(fig, path, dpi=150)
    plt.close(fig)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    f = Fields(sys.argv[1])
    plot_map(f, os.path.join(sys.argv[1], "c_n2_map.png"))
    plot_electrode(f, os.path.join(sys.argv[1], "electrode.png"))
    written = [os.path.join(sys.argv[1], n) for n in ("c_n2_map.png", "electrode.png")]
    if "z" in f.electrode:
        written.append(os.path.join(sys.argv[1], "electrode_map.png"))
        plot_electrode_map(f, written[-1])
    if "ph" in f.arrays:
        written.append(os.path.join(sys.argv[1], "ph.png"))
        plot_ph(f, written[-1])
    print("wrote " + ", ".join(written))


if __name__ == "__main__":
    main()
