"""The electrolyte potential (DESIGN §2, secondary current distribution), through the azote program on the flow cell
with the counter electrode on the wall facing the working electrode, HER only (no N2 dependence), cathodic branch
alone (-kinetics_her_reversible false: the laws below are Tafel's; the reverse branch, hydrogen oxidation of the H2
the cathode makes, shifts the current by about 2e-7 and is checked in test_kinetics):

  parallel plates: the electrode and the counter span the whole channel, so the potential is 1-D across the gap of
      height h: the ohmic drop is i h / kappa and the current obeys Butler-Volmer at E - phi_s exactly:
      i = i0 exp(-alpha F (E - phi_s - E_eq) / RT), phi_s = -i h / kappa; both to 1e-8, the charge balance
      (counter current = electrode current) to 1e-10, phi_s uniform along the electrode;
  Wagner number: the electrode and the counter span only the middle third of the channel, so current crowds at the
      electrode's edges. With Tafel kinetics, i proportional to exp(phi_s / b) with b = RT/(alpha F), the law
      ln(i_max / i_min) = (phi_s,max - phi_s,min) / b must hold along the electrode (to 1e-6), and the spread of
      phi_s cannot exceed the largest ohmic drop, so ln(i_max / i_min) <= 1/Wa with Wa = kappa b / (i_mean h). As the
      Tafel slope grows (alpha 0.5, 0.05, 0.005; Wa about 2, 20, 200) the non-uniformity (i_max - i_min)/i_mean must
      fall at every step and end below 1 %;
  GDE: the catalyst layer on a membrane of conductivity kappa_m and thickness t_m, its own conductivity made huge
      (1e6 S/m): the ohmic drop is the membrane's, i t_m / kappa_m, to 1e-8 (the layer's share, below
      i t_CL / kappa_CL, is 1e-9 of it)."""
import math
import os

import h5py
import numpy as np

from azrun import case, check, finish, run, summary, tmpdir

F, R = 96485.33212, 8.314462618
KAPPA = 2.0
BASE = ["-case", case("flowcell.yaml"), "-quiet", "-electrolyte_potential", "true", "-electrolyte_conductivity", str(KAPPA),
        "-kinetics_n2rr_i0", "0", "-kinetics_her_reversible", "false"]


def electrode(d):
    with h5py.File(os.path.join(d, "fields.h5"), "r") as h:
        return h["electrode/i_her"][...], h["electrode/phi_s"][...]


# parallel plates
d = tmpdir()
run(BASE + ["-output_dir", d, "-flowcell_electrode_start", "0", "-flowcell_electrode_end", "0.03"])
s = summary(d)
e, m, inp = s["electrode"], s["metrics"], s["inputs"]
T, h = inp["operating_temperature"], inp["flowcell_height"]
i = m["i_total_A_m2"]
drop = e["ohmic_drop_V"]
bv = inp["kinetics_her_i0"] * math.exp(-inp["kinetics_her_alpha"] * F / (R * T) * (inp["electrode_potential"] + drop - inp["kinetics_her_e_eq"]))
print("parallel plates: i %.9g A/m2, ohmic drop %.9g V, i h/kappa %.9g V (%.2e), Butler-Volmer at E - phi_s %.9g A/m2 (%.2e), "
      "charge balance %.2e" % (i, drop, i * h / KAPPA, drop / (i * h / KAPPA) - 1, bv, i / bv - 1, e["charge_balance_rel"]))
check(abs(drop / (i * h / KAPPA) - 1) <= 1e-8, "ohmic drop %.12g V vs i h / kappa %.12g V" % (drop, i * h / KAPPA))
check(abs(i / bv - 1) <= 1e-8, "current %.12g vs Butler-Volmer at the surface potential %.12g" % (i, bv))
check(e["charge_balance_rel"] <= 1e-10, "charge balance %g" % e["charge_balance_rel"])
ih, phi = electrode(d)
check(np.ptp(phi) <= 1e-8 * abs(drop) and np.ptp(ih) <= 1e-8 * i, "parallel plates: phi_s or i not uniform (%g V, %g A/m2)" % (np.ptp(phi), np.ptp(ih)))

# Wagner number
last = None
for alpha in (0.5, 0.05, 0.005):
    d = tmpdir()
    b = R * T / (alpha * F)
    i0 = 100 * math.exp(-0.2 / b)  # 100 A/m2 at E = -0.2 V without ohmic drop
    run(BASE + ["-output_dir", d, "-flowcell_electrode_start", "0.01", "-flowcell_electrode_end", "0.02", "-kinetics_her_alpha", str(alpha),
                "-kinetics_her_i0", repr(i0)])
    s = summary(d)
    ih, phi = electrode(d)
    i_mean = s["metrics"]["i_total_A_m2"]
    wa = KAPPA * b / (i_mean * h)
    spread = math.log(ih.max() / ih.min())
    nonuni = (ih.max() - ih.min()) / i_mean
    tafel = np.ptp(phi) / b
    print("alpha %-6g Wa %8.3g: (i_max - i_min)/i_mean %.4g, ln(i_max/i_min) %.6g, (phi_max - phi_min)/b %.6g, 1/Wa %.4g, charge "
          "balance %.1e" % (alpha, wa, nonuni, spread, tafel, 1 / wa, s["electrode"]["charge_balance_rel"]))
    check(abs(spread - tafel) <= 1e-6 * spread, "alpha %g: ln(i_max/i_min) %.9g but (phi_max - phi_min)/b %.9g" % (alpha, spread, tafel))
    check(spread <= 1 / wa, "alpha %g: ln(i_max/i_min) = %g exceeds 1/Wa = %g" % (alpha, spread, 1 / wa))
    check(s["electrode"]["charge_balance_rel"] <= 1e-10, "alpha %g: charge balance %g" % (alpha, s["electrode"]["charge_balance_rel"]))
    if last is not None:
        check(nonuni < last, "alpha %g: non-uniformity %g did not fall (was %g)" % (alpha, nonuni, last))
    last = nonuni
check(last < 0.01, "at the largest Wagner number the non-uniformity is still %g" % last)

# GDE: the membrane's drop
d = tmpdir()
run(["-case", case("gde.yaml"), "-output_dir", d, "-quiet", "-electrolyte_potential", "true", "-gde_cl_ionomer_conductivity", "1e6",
     "-gde_membrane_conductivity", "0.01"])
s = summary(d)
expect = s["metrics"]["i_total_A_m2"] * s["inputs"]["gde_membrane_thickness"] / 0.01
print("GDE: ohmic drop %.10g V, i t_m / kappa_m %.10g V (%.1e), charge balance %.1e" % (
    s["electrode"]["ohmic_drop_V"], expect, s["electrode"]["ohmic_drop_V"] / expect - 1, s["electrode"]["charge_balance_rel"]))
check(abs(s["electrode"]["ohmic_drop_V"] / expect - 1) <= 1e-8, "GDE ohmic drop %g vs %g" % (s["electrode"]["ohmic_drop_V"], expect))
check(s["electrode"]["charge_balance_rel"] <= 1e-10, "GDE charge balance %g" % s["electrode"]["charge_balance_rel"])
finish()
