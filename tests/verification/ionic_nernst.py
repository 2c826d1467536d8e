"""The ionic model (electrolyte_model tertiary) in a steady Nernst layer: the H-cell at time_end 0 with hcell_stirring
nernst and the whole-wall electrode, a 1-D layer of thickness delta whose far side holds the bulk's composition.

1. Surface pH, unbuffered, excess supporting electrolyte (1 M KCl; H+ and OH- at most 1 mM), water's dissociation
   at its finite rate (fast against diffusion across delta). With no migration, H+ and OH- both obey
   D c'' = R_water, so w = D_OH c_OH - D_H c_H is reaction-free: w'' = 0, w linear. Every electron a cathode passes
   takes one H+ or gives one OH- (HER's proton or water branch; N2RR is switched off: its NH3 would buffer), so
   w' = -i/F and
       w(x) = D_OH c_OH,b - D_H c_H,b + i (delta - x) / F,
   and with water at equilibrium (c_H c_OH = K_w) the H+ concentration is the positive root of
       D_H c_H^2 + w c_H - D_OH K_w = 0.
   No singularity at the H+ limiting current F D_H c_H,b / delta: past it w > 0 and the surface turns alkaline.
   Checked at bulk pH 3 (below and twice past the H+ limit), 7 and 11, at the surface value the model reports (the
   electrode's cells, centre x1: the closed form is taken there) within 0.02 pH units (the 1 mM of H+ against 1 M
   of KCl still migrates: a few tenths of a per cent of the flux).
2. Binary electrolyte without support, 10 mM HCl, H+ reduced (HER's water branch off): the salt obeys diffusion with
   D_salt = 2 D+ D- / (D+ + D-), its profile is linear and c_s = c_b (1 - i / i_L) with
       i_L = n F D_salt c / (delta (1 - t+)),  t+ = D+ / (D+ + D-)
   (Newman & Thomas-Alyea, Electrochemical Systems, 3rd ed. (2004), §19.2; for a 1:1 salt i_L = 2 F D+ c / delta,
   twice the pure-diffusion limit). The apparent limit i (delta - x1) / (delta (1 - c_s/c_b)) matches it within 0.2 %
   at two currents, and a run at a large overpotential reaches 1.95-2.05 times the pure-diffusion limit (the plateau
   lies 1.3 % above 2x: the electrode's cell centre x1 = 0.5 um shortens the layer by 0.5 %, and water dissociating in
   the depleted layer, its OH- held by the trace NH4+ that migration gathers there, adds the rest).
3. Supporting electrolyte: adding KCl (0.01, 0.1, 1 M) brings the apparent limit down monotonically from the binary
   value to pure diffusion, F D_H c / delta, within 1 % at 100:1 support.
Every run's counter electrode takes the working electrode's current to 1e-10 (the charge balance)."""
import json
import math
import os

import h5py
from azrun import case, check, finish, run, summary, tmpdir

F = 96485.33212
DELTA = 1e-4  # hcell_delta (the case's)
BASE = ["-case", case("hcell.yaml"), "-quiet", "-time_end", "0", "-electrolyte_model", "tertiary", "-hcell_electrode_area", "1e-3",
        "-mesh_ny", "4", "-kinetics_n2rr_i0", "1e-20", "-bulk_nh3", "1e-7", "-hcell_delta", str(DELTA)]


def solve(args):
    d = tmpdir()
    run(BASE + ["-output_dir", d] + args)
    s = summary(d)
    x1 = float(h5py.File(os.path.join(d, "fields.h5"), "r")["x"][0])
    # charge: the counter electrode takes the working electrode's current
    check(s["electrode"]["charge_balance_rel"] < 1e-10, "charge balance %g" % s["electrode"]["charge_balance_rel"])
    return s, x1


# 1. surface pH against the closed form
for ph, titrant, E in ((3, "HCl", -0.2), (3, "HCl", -0.6), (7, None, -0.3), (7, None, -0.5), (11, "KOH", -0.5), (11, "KOH", -0.7)):
    s, x1 = solve(["-electrolyte", "KCl:1", "-electrode_potential", str(E)] +
                  (["-electrolyte_ph", str(ph), "-electrolyte_ph_titrant", titrant] if titrant else []))
    m, ion = s["metrics"], s["electrolyte_ionic"]
    DH, DOH = ion["species"]["H+"]["D_m2_s"], ion["species"]["OH-"]["D_m2_s"]
    Kw = 10 ** -ion["pKw"] * 1e6  # (mol/m3)^2
    cb = ion["species"]["H+"]["c_bulk_mol_m3"]
    cob = ion["species"]["OH-"]["c_bulk_mol_m3"]
    i = m["i_total_A_m2"]
    w = DOH * cob - DH * cb + i * (DELTA - x1) / F
    ch = (-w + math.sqrt(w * w + 4 * DH * DOH * Kw)) / (2 * DH)
    exact = -math.log10(ch / 1e3)
    w0 = w + i * x1 / F  # at the wall
    wall = -math.log10((-w0 + math.sqrt(w0 * w0 + 4 * DH * DOH * Kw)) / (2 * DH) / 1e3)
    ilim_h = F * DH * cb / DELTA
    print("surface pH, bulk pH %.3f, %.2f V: i = %.4g A/m2 (%.3g x the H+ limit), model %.4f, closed form %.4f (at the wall %.4f)"
          % (m["ph_bulk"], E, i, i / ilim_h, m["ph_surf_mean"], exact, wall))
    check(abs(m["ph_surf_mean"] - exact) < 0.02, "surface pH %.4f against the closed form %.4f (bulk pH %g, %g V)"
          % (m["ph_surf_mean"], exact, ph, E))
    check(abs(m["ph_bulk"] - ph) < 0.01, "bulk pH %g, asked %g" % (m["ph_bulk"], ph))
    if ph == 3 and E == -0.6:
        check(i > 2 * ilim_h, "the acid case passes the H+ limiting current twice: i = %g, limit %g" % (i, ilim_h))

# 2. binary electrolyte, and 3. the supporting electrolyte's limit
HCL = ["-kinetics_her_h2o_i0", "0", "-kinetics_her_i0", "10"]
apparent = []
for support in (None, "KCl:0.01", "KCl:0.1", "KCl:1"):
    for E in (-0.8, -1.2) if support is None else (-0.8,):
        s, x1 = solve(["-electrolyte", "HCl:0.01" + ("," + support if support else ""), "-electrode_potential", str(E)] + HCL)
        sp = s["electrolyte_ionic"]["species"]
        Dp, Dm, c = sp["H+"]["D_m2_s"], sp["Cl-"]["D_m2_s"], sp["H+"]["c_bulk_mol_m3"]
        i, cs = s["metrics"]["i_total_A_m2"], s["surface"]["c_h_mol_m3"]
        ilim = i * (DELTA - x1) / DELTA / (1 - cs / c)
        formula = F * (2 * Dp * Dm / (Dp + Dm)) * c / (DELTA * (1 - Dp / (Dp + Dm)))
        idiff = F * Dp * c / DELTA
        print("HCl 10 mM + %s, %.2f V: i = %.4g A/m2, c_s/c_b = %.4g: apparent limit %.5g A/m2 (binary formula %.5g, diffusion %.5g)"
              % (support or "no support", E, i, cs / c, ilim, formula, idiff))
        if support is None:
            check(abs(ilim / formula - 1) < 2e-3, "binary limiting current %.5g against %.5g" % (ilim, formula))
        else:
            apparent.append((ilim, idiff))
check(all(b[0] < a[0] for a, b in zip([(formula, 0)] + apparent, apparent)), "the limit falls as the support grows: %s" % apparent)
check(abs(apparent[-1][0] / apparent[-1][1] - 1) < 0.01, "100:1 support: limit %.5g against diffusion %.5g" % apparent[-1])
# the plateau, in a thin cell (the unsupported bulk's ohmic drop is small there)
s, x1 = solve(["-electrolyte", "HCl:0.01", "-electrode_potential", "-2.5", "-hcell_width", "1e-3", "-hcell_anode_width", "1e-3",
               "-hcell_membrane_thickness", "1e-5"] + HCL)
i = s["metrics"]["i_total_A_m2"]
sp = s["electrolyte_ionic"]["species"]
idiff = F * sp["H+"]["D_m2_s"] * sp["H+"]["c_bulk_mol_m3"] / DELTA
print("plateau at -2.5 V: i = %.5g A/m2 = %.4f x the pure-diffusion limit (c_s = %.3g mol/m3)" % (i, i / idiff, s["surface"]["c_h_mol_m3"]))
check(1.95 * idiff < i < 2.05 * idiff, "plateau %g against 2 x %g" % (i, idiff))
finish()
