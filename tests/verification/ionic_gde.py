"""The ionic model (electrolyte_model tertiary) in the gas-diffusion electrode: the catalyst layer's volumetric
reactions make OH- (or take H+) in its pores' liquid, which moves with D (eps s)^1.5, and the catholyte carries them
away.

1. Analytic limit: a thin catalyst layer (0.1 um, roughness factor 1) facing a stagnant catholyte of thickness delta
   with the bulk held beyond it (gde_catholyte_bulk: a Nernst layer), 1 M KCl, unbuffered (N2RR off: its NH3 would
   buffer; bulk_nh3 0.1 uM). The closed form of verification/ionic_nernst holds at the layer's electrolyte face: with
   excess support, w = D_OH c_OH - D_H c_H is reaction-free and w(x) = w_b + i (delta - x) / F, c_H the positive root
   of D_H c^2 + w c - D_OH K_w = 0, taken at x = 0 (the catalyst layer's mean pH, ph_surf_mean, against the face's: the
   layer is 0.1 % of delta). Bulk pH 3 (below and past the H+ limiting current F D_H c_H,b / delta), 7 and 11; within
   0.02 pH units (the test of the flow cell's and the H-cell's model; measured: within 0.007, the OH- made, up to 6 %
   of the support at 320 A/m2, migrating), and the bulk face passes the current to 1e-10. (At pH 11 and -0.7 V, 6.5 kA/m2,
   the OH- made exceeds the 1 M of support and the closed form no longer holds: the model is 0.09 below it.)
2. Conservation in the shipped case (cases/gde-ph.yaml: 0.1 M Na2SO4 in a flowing catholyte), the same in 0.5 M KOH,
   and the Nernst-layer cell: every element but H and O (N, S, Na, K, Cl) and the charge to 1e-10
   (electrolyte_ionic.element_balance_rel, charge_balance_rel: the net outflow through the boundary faces less what
   the catalyst layer's cells make), the N2 balance of the gas and the liquid (mass_balance_rel) to 1e-10, and the
   counter electrode takes the catalyst layer's current to 1e-10.
3. The shipped case's alkalisation: the catalyst layer's pH above the bulk's by more than 2 units, ordered min <=
   mean <= max, and the N2RR current within 15 % of the dilute model's at the same point (the water branch and the
   local pH move HER, not N2RR, whose rate does not depend on the H+ of a reduction by water).
4. gde_catholyte_bulk with the dilute model: the N2 balance and the bulk face passing the current, to 1e-10."""
import math

from azrun import case, check, finish, run, summary, tmpdir

F = 96485.33212
DELTA = 1e-4
THIN = ["-electrolyte", "KCl:1", "-gde_catholyte_thickness", str(DELTA), "-gde_catholyte_bulk", "true", "-gde_cl_thickness", "1e-7",
        "-gde_cl_porosity", "0.8", "-gde_saturation", "0.9", "-kinetics_n2rr_i0", "1e-20", "-bulk_nh3", "1e-7", "-kinetics_her_i0", "0.194",
        "-kinetics_her_h2o_i0", "0.01", "-mesh_nx", "4"]


def solve(args):
    d = tmpdir()
    run(["-case", case("gde-ph.yaml"), "-output_dir", d, "-quiet"] + args)
    return summary(d)


def balances(name, s, counter=True):
    m, ion = s["metrics"], s["electrolyte_ionic"]
    print("%-22s element balance %.2e, charge %.2e, N2 %.2e, counter %.2e" % (name, ion["element_balance_rel"], ion["charge_balance_rel"],
                                                                             m["mass_balance_rel"], s["electrode"]["charge_balance_rel"]))
    check(ion["element_balance_rel"] < 1e-10, "%s: element balance %g" % (name, ion["element_balance_rel"]))
    check(ion["charge_balance_rel"] < 1e-10, "%s: charge balance %g" % (name, ion["charge_balance_rel"]))
    check(m["mass_balance_rel"] < 1e-10, "%s: N2 balance %g" % (name, m["mass_balance_rel"]))
    check(s["electrode"]["charge_balance_rel"] < 1e-10, "%s: counter electrode %g" % (name, s["electrode"]["charge_balance_rel"]))


# 1. the surface pH of the thin layer against the closed form
for ph, titrant, E in ((3, "HCl", -0.2), (3, "HCl", -0.6), (7, None, -0.3), (7, None, -0.5), (11, "KOH", -0.3), (11, "KOH", -0.5)):
    s = solve(THIN + ["-electrode_potential", str(E)] + (["-electrolyte_ph", str(ph), "-electrolyte_ph_titrant", titrant] if titrant else []))
    m, ion = s["metrics"], s["electrolyte_ionic"]
    DH, DOH = ion["species"]["H+"]["D_m2_s"], ion["species"]["OH-"]["D_m2_s"]
    Kw = 10 ** -ion["pKw"] * 1e6  # (mol/m3)^2
    cb, cob = ion["species"]["H+"]["c_bulk_mol_m3"], ion["species"]["OH-"]["c_bulk_mol_m3"]
    i = m["i_total_A_m2"]
    w = DOH * cob - DH * cb + i * DELTA / F
    exact = -math.log10((-w + math.sqrt(w * w + 4 * DH * DOH * Kw)) / (2 * DH) / 1e3)
    ilim_h = F * DH * cb / DELTA
    print("thin layer, bulk pH %.3f, %.2f V: i = %.4g A/m2 (%.3g x the H+ limit), model %.4f [%.4f, %.4f], closed form %.4f"
          % (m["ph_bulk"], E, i, i / ilim_h, m["ph_surf_mean"], m["ph_surf_min"], m["ph_surf_max"], exact))
    check(abs(m["ph_surf_mean"] - exact) < 0.02, "surface pH %.4f against the closed form %.4f (bulk pH %g, %g V)" % (m["ph_surf_mean"], exact, ph, E))
    check(abs(m["ph_bulk"] - ph) < 0.01, "bulk pH %g, asked %g" % (m["ph_bulk"], ph))
    check(abs(m["ph_surf_mean"] - m["ph_bulk"]) > 0.2, "the electrode should move the pH: %g against %g" % (m["ph_surf_mean"], m["ph_bulk"]))
    if ph == 3 and E == -0.6:
        check(i > 2 * ilim_h, "the acid case passes the H+ limiting current twice: i = %g, limit %g" % (i, ilim_h))
    if E in (-0.5, -0.6) and ph != 11:
        balances("thin layer, pH %g" % ph, s)

# 2. and 3. the shipped case, in KOH, and against the dilute model
shipped = solve([])
balances("gde-ph", shipped)
balances("gde-ph in 0.5 M KOH", solve(["-electrolyte", "KOH:0.5"]))
m = shipped["metrics"]
print("gde-ph: pH bulk %.3f, catalyst layer %.3f [%.3f, %.3f]" % (m["ph_bulk"], m["ph_surf_mean"], m["ph_surf_min"], m["ph_surf_max"]))
check(m["ph_surf_min"] <= m["ph_surf_mean"] <= m["ph_surf_max"], "pH min/mean/max out of order")
check(m["ph_surf_mean"] > m["ph_bulk"] + 2, "the catalyst layer should turn alkaline: %g against the bulk's %g" % (m["ph_surf_mean"], m["ph_bulk"]))
d = tmpdir()
run(["-case", case("gde-ph.yaml"), "-output_dir", d, "-quiet", "-electrolyte_model", "dilute", "-electrolyte_potential", "true",
     ])
dil = summary(d)["metrics"]
print("N2RR: tertiary %.5g, dilute %.5g A/m2" % (m["i_n2rr_A_m2"], dil["i_n2rr_A_m2"]))
check(abs(m["i_n2rr_A_m2"] / dil["i_n2rr_A_m2"] - 1) < 0.15, "N2RR %g against the dilute model's %g" % (m["i_n2rr_A_m2"], dil["i_n2rr_A_m2"]))
# 4. gde_catholyte_bulk with the dilute model (the bulk face its counter electrode): the N2 balance and the current
d = tmpdir()
run(["-case", case("gde-ph.yaml"), "-output_dir", d, "-quiet", "-electrolyte_model", "dilute", "-electrolyte_potential", "true",
     "-gde_catholyte_bulk", "true", "-gde_catholyte_thickness", str(DELTA)])
s = summary(d)
print("dilute, bulk beyond 100 um: N2 balance %.2e, counter %.2e, i_total %.4g A/m2" % (s["metrics"]["mass_balance_rel"],
                                                                                     s["electrode"]["charge_balance_rel"], s["metrics"]["i_total_A_m2"]))
check(s["metrics"]["mass_balance_rel"] < 1e-10, "dilute bulk: N2 balance %g" % s["metrics"]["mass_balance_rel"])
check(s["electrode"]["charge_balance_rel"] < 1e-10, "dilute bulk: counter %g" % s["electrode"]["charge_balance_rel"])
check(s["metrics"]["i_total_A_m2"] > 0, "dilute bulk: no current")
finish()
