"""A buffered Nernst layer against an independent 1-D reaction-diffusion solution (SciPy, written here).

The H-cell at its steady state (time_end 0, hcell_stirring nernst, the whole-wall electrode: a 1-D layer of
thickness delta whose far side holds the bulk's composition) in a phosphate buffer with excess supporting electrolyte
(PBS of 20 mM phosphate, 1 M KCl), HER at a cathodic current density i (N2RR switched off). Independently of azote, this file solves the same layer by vertex-centred finite differences on a
grid 40 times finer at the electrode (Newton's method with SciPy's sparse direct solver, in the logarithms of the
concentrations):
    D_s c_s'' + sum_r nu_sr (kf_r prod c_reactants - kb_r prod c_products) = 0     (0 < x < delta)
    -D_s c_s'(0) = N_s  (what the electrode makes: N_OH = i / F, 0 for the others)
    c_s(delta) = bulk
with the six phosphate and water reactions' forward constants of solver/homogeneous.c (Eigen & De Maeyer 1955 for
water; diffusion-controlled estimates for the phosphates, as documented there), each backward constant from the
equilibrium of azote's bulk composition (kb = kf / K_c with K_c = prod c_bulk^nu: this checks transport and reaction,
not the thermodynamic data), the diffusivities and the current density that azote's summary.json reports (every
electron one OH- made, or one H+ taken: the same where water equilibrates at the electrode), and
no migration (1 M KCl against 20 mM phosphate and its sodium: the field that carries the current still moves HPO4^2-
by about 1 %, the reference's only approximation). azote's surface pH (its electrode cell's centre x1) must agree
with this solution at x1 within 0.01 pH units at three currents, from half the surface's H2PO4- used to all of it
(measured: 0.0003, 0.004, 0.003), and the surface H2PO4- and HPO4^2- within 2.5 % (measured: at most 1.8 %; azote's
lower, as migration away from the cathode makes it)."""
import math
import os

import h5py
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla
from azrun import case, check, finish, run, summary, tmpdir

F = 96485.33212
DELTA = 1e-4
NAMES = ["H+", "OH-", "H3PO4", "H2PO4-", "HPO4^2-", "PO4^3-"]
KEYS = ["h", "oh", "h3po4", "h2po4", "hpo4", "po4"]
# reactant -> product with kf (m^3 mol^-1 s^-1), solver/homogeneous.c's rows and sources
REACTIONS = [({"H+": 1, "OH-": 1}, {}, 1.4e8),                       # Eigen & De Maeyer 1955
             ({"H2PO4-": 1, "H+": 1}, {"H3PO4": 1}, 1.0e7),          # diffusion-controlled estimates (homogeneous.c)
             ({"HPO4^2-": 1, "H+": 1}, {"H2PO4-": 1}, 5.0e7),
             ({"H2PO4-": 1, "OH-": 1}, {"HPO4^2-": 1}, 2.0e6),
             ({"PO4^3-": 1, "H+": 1}, {"HPO4^2-": 1}, 1.0e8),
             ({"HPO4^2-": 1, "OH-": 1}, {"PO4^3-": 1}, 1.0e6)]


def layer(D, cb, N, n=1500):
    """The reference: c_s(x) on a graded grid (first spacing ~1 nm), returned as (x, c[s][node])."""
    S = len(NAMES)
    t = np.linspace(0, 1, n + 1)
    x = DELTA * (np.expm1(6 * t) / np.expm1(6))
    h = np.diff(x)
    rx = []
    for react, prod, kf in REACTIONS:
        Kc = np.prod([cb[s] ** v for s, v in prod.items()]) / np.prod([cb[s] ** v for s, v in react.items()])
        rx.append(([NAMES.index(s) for s in react], [NAMES.index(s) for s in prod], kf, kf / Kc))
    u = np.array([[math.log(cb[s])] * (n + 1) for s in NAMES])  # start from the bulk

    vol = np.concatenate([[h[0] / 2], (h[:-1] + h[1:]) / 2, [h[-1] / 2]])
    idx = np.arange(n + 1)

    def residual(u):
        c = np.exp(u)
        R = np.zeros((S, n + 1))
        rows, cols, vals = [], [], []

        def add(a, ia, b, ib, v):
            rows.append(a * (n + 1) + ia), cols.append(b * (n + 1) + ib), vals.append(v)
        for s in range(S):
            # control volumes around the nodes (half volumes at the ends), fluxes D (c_j+1 - c_j)/h between nodes
            g = D[s] / h
            f = g * (c[s, 1:] - c[s, :-1])
            R[s, :-1] += f
            R[s, 1:] -= f
            add(s, idx[:-1], s, idx[1:], g * c[s, 1:]), add(s, idx[:-1], s, idx[:-1], -g * c[s, :-1])
            add(s, idx[1:], s, idx[1:], -g * c[s, 1:]), add(s, idx[1:], s, idx[:-1], g * c[s, :-1])
            R[s, 0] += N[s]  # what the electrode makes enters the first control volume
        for ri, pi, kf, kb in rx:
            fw = kf * np.prod([c[a] for a in ri], axis=0)
            bw = kb * np.prod([c[a] for a in pi], axis=0) if pi else kb * np.ones(n + 1)
            for a in ri + pi:
                nu = -1 if a in ri else 1
                R[a] += nu * vol * (fw - bw)
                for b in ri:  # d fw / d ln c_b = fw
                    add(a, idx, b, idx, nu * vol * fw)
                for b in pi:
                    add(a, idx, b, idx, -nu * vol * bw)
        for s in range(S):  # the bulk at x = delta
            R[s, n] = u[s, n] - math.log(cb[NAMES[s]])
        rows, cols, vals = np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)
        keep = ~np.isin(rows, [s * (n + 1) + n for s in range(S)])
        rows = np.concatenate([rows[keep], [s * (n + 1) + n for s in range(S)]])
        cols = np.concatenate([cols[keep], [s * (n + 1) + n for s in range(S)]])
        vals = np.concatenate([vals[keep], np.ones(S)])
        return R, sp.csr_matrix((vals, (rows, cols)), shape=(S * (n + 1), S * (n + 1)))

    for it in range(200):
        R, A = residual(u)
        du = spla.spsolve(A, -R.ravel()).reshape(S, n + 1)
        u += du * min(1.0, 2.0 / max(np.max(np.abs(du)), 1e-300))  # at most a factor e^2 per step
        if os.environ.get("AZ_DEBUG"):
            print(it, np.max(np.abs(du)), np.max(np.abs(R)))
        if np.max(np.abs(du)) < 1e-11:
            break
    else:
        raise RuntimeError("the reference did not converge")
    return x, np.exp(u)


results = []
for E in (-0.2, -0.3, -0.4):
    d = tmpdir()
    run(["-case", case("hcell.yaml"), "-quiet", "-output_dir", d, "-time_end", "0", "-electrolyte_model", "tertiary",
         "-electrolyte", "PBS:0.02,KCl:1", "-hcell_electrode_area", "1e-3", "-mesh_ny", "4", "-kinetics_n2rr_i0", "1e-20",
         "-bulk_nh3", "1e-7", "-hcell_delta", str(DELTA), "-electrode_potential", str(E)])
    s = summary(d)
    x1 = float(h5py.File(os.path.join(d, "fields.h5"), "r")["x"][0])
    ion, m = s["electrolyte_ionic"], s["metrics"]
    D = [ion["species"][nm]["D_m2_s"] for nm in NAMES]
    cb = {nm: ion["species"][nm]["c_bulk_mol_m3"] for nm in NAMES}
    # every electron makes one OH- (or takes one H+: the same where water is at equilibrium at the surface; the
    # reference takes them as OH-, which keeps it well posed where H+ is at 1e-12 mol/m3)
    N = [0, m["i_total_A_m2"] / F, 0, 0, 0, 0]
    x, c = layer(D, cb, N)
    ref = {nm: float(np.interp(x1, x, c[k])) for k, nm in enumerate(NAMES)}
    kw = 10 ** -ion["pKw"] * 1e6
    ph_ref = -math.log10(ref["H+"] / 1e3) if ref["H+"] >= ref["OH-"] else ion["pKw"] + math.log10(ref["OH-"] / 1e3)
    used = 1 - ref["H2PO4-"] / cb["H2PO4-"]
    print("PBS 20 mM + KCl 1 M, %.2f V: i = %.4g A/m2 (proton branch %.4g), surface pH azote %.4f, reference %.4f; "
          "H2PO4- used at the surface %.0f %%" % (E, m["i_total_A_m2"], m["i_her_A_m2"], m["ph_surf_mean"], ph_ref, 100 * used))
    check(abs(m["ph_surf_mean"] - ph_ref) < 0.01, "surface pH %.4f against the reference %.4f at %g V" % (m["ph_surf_mean"], ph_ref, E))
    for k, nm in enumerate(NAMES[2:5]):
        got = s["surface"]["c_%s_mol_m3" % KEYS[k + 2]]
        print("   %-8s azote %.6g, reference %.6g mol/m3 (bulk %.6g)" % (nm, got, ref[nm], cb[nm]))
        if nm != "H3PO4":  # a trace above pH 7 (1e-11 mol/m3 at the surface): its error is pH's and H2PO4-'s compounded
            check(abs(got / ref[nm] - 1) < 0.025, "%s at the surface %.6g against %.6g at %g V" % (nm, got, ref[nm], E))
    check(abs(kw / (ref["H+"] * ref["OH-"]) - 1) < 0.05, "the reference holds water near equilibrium at x1")
finish()
