"""A reaction added as data only (README, "Adding a reaction"): nitrate reduction to ammonia, NO3RR, is one row of
solver/reactions.c. Run beside N2RR and HER on the default flow cell (-electrode_side_reactions her,no3rr) it brings
its own keys (kinetics_no3rr_*, bulk_no3), current, faradaic efficiency and NH3 rate, each checked here against the
hand calculation from the row: i = i0 (c_NO3 / c_ref) exp(-alpha F (E - E°)/RT) [1 - exp(8 F (E - E_eq)/RT)] with
E_eq from the Nernst equation, the nitrate supplied across the boundary layer; N2RR and HER unchanged."""
import math
import os

from azrun import case, check, finish, run, summary, tmpdir

F, R, T = 96485.33212, 8.314462618, 298.15
f = F / (R * T)
out = tmpdir()
base, with_no3 = os.path.join(out, "base"), os.path.join(out, "no3rr")
i0, c_no3, E = 1e-9, 10.0, -0.2  # A/m^2, mol/m^3 (bulk_no3), V vs RHE
run(["-case", case("flowcell.yaml"), "-output_dir", base, "-quiet"])
run(["-case", case("flowcell.yaml"), "-output_dir", with_no3, "-quiet", "-electrode_side_reactions", "her,no3rr",
     "-kinetics_no3rr_i0", str(i0), "-bulk_no3", str(c_no3)])
a, b = summary(base)["metrics"], summary(with_no3)["metrics"]

# the row: NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O, E° = 616.59 kJ/mol / 8F (NBS, NH3(g) standard state), alpha 0.5, first
# order in NO3-; its reverse branch at -0.2 V is exp(8 f (E - E_eq)) ~ 1e-100 of the forward one
e0 = 616.59e3 / (8 * F)
k_h = 0.5748 * math.exp(4111.0 * (1 / T - 1 / 298.15)) * 1e5  # NH3's Henry constant x 1 bar, mol/m^3
ln_q = math.log(1e-3 / k_h) - math.log(c_no3 / 1e3) - math.log(1e-4 / 1e3)  # NH3 / (NO3- H+): bulk_nh3, bulk_no3, bulk_h
e_eq = e0 - ln_q / (8 * f)
# the nitrate comes from the bulk across the flow cell's concentration boundary layer (cell_info boundary_layer_m, the
# problem's film): F -> F / (1 + F / F_lim), F_lim = 8 F D c / delta with D(NO3-) = 1.902e-9 m^2/s
delta = summary(with_no3)["cell_info"]["boundary_layer_m"]
fw = i0 * (c_no3 / 1.0) * math.exp(-0.5 * f * (E - e0))
f_lim = 8 * F * 1.902e-9 * c_no3 / delta
i_expected = fw * (1 - math.exp(8 * f * (E - e_eq))) / (1 + fw / f_lim)
print("i_no3rr %.10g A/m^2 (hand %.10g); E_eq %.4f V vs RHE" % (b["i_no3rr_A_m2"], i_expected, e_eq))
check(abs(b["i_no3rr_A_m2"] / i_expected - 1) < 1e-10, "i_no3rr %.12g, the row's rate law gives %.12g" % (b["i_no3rr_A_m2"], i_expected))
for k in ("i_n2rr_A_m2", "i_her_A_m2", "c_surf_mean_mol_m3", "i_lim_n2rr_A_m2"):
    check(abs(a[k] - b[k]) <= 1e-12 * abs(a[k]), "%s changed with NO3RR beside: %.15g vs %.15g" % (k, a[k], b[k]))
total = b["i_n2rr_A_m2"] + b["i_her_A_m2"] + b["i_no3rr_A_m2"]
check(abs(b["i_total_A_m2"] / total - 1) < 1e-14, "i_total does not include NO3RR")
check(abs(b["fe_no3rr"] - b["i_no3rr_A_m2"] / total) < 1e-14, "fe_no3rr is not NO3RR's share of the charge")
check(abs(b["fe_nh3"] - b["i_n2rr_A_m2"] / total) < 1e-14, "fe_nh3 is not N2RR's share of the charge")
rate = b["i_no3rr_A_m2"] / (8 * F) * 17.03052e-3 * 1e9 * 3600 * 1e-4  # 1 NH3 per 8 e-, ug h^-1 cm^-2
check(abs(b["no3rr_nh3_rate_ug_h_cm2"] / rate - 1) < 1e-13, "NH3 from NO3RR %.12g, Faraday's law %.12g" % (b["no3rr_nh3_rate_ug_h_cm2"], rate))
check("i_no3rr_A_m2" not in a and "fe_no3rr" not in a, "NO3RR's metrics appear where it does not run")
# its keys exist because its row does
_, keys = run(["-help_keys"])
for k in ("kinetics_no3rr_i0", "kinetics_no3rr_alpha", "kinetics_no3rr_order", "kinetics_no3rr_e_eq", "kinetics_no3rr_reversible", "bulk_no3"):
    check(k in keys, "no key %s in -help_keys" % k)
finish()
