"""The microtubular gas-diffusion electrode (cell: tubular) against what must hold:

  1. the planar GDE as the tube widens: the feed held on the wall's inner face (no bore), a degassed electrolyte,
     limiting mode, the same GDL and catalyst layer and the same mesh through them as the gde template: the N2 limit per
     outer area tends to the planar GDE's, the difference falling as 1/r (the wall's curvature, t/r) and below 1e-4 at
     r_i = 0.1 m;
  2. conservation to 1e-10 (N2 in the bore, the wall and the electrolyte; the charge where the potential is solved) in
     the shipped case, with the annulus, flooded, with the electrolyte potential and fed with O2 for the ORR;
(The ln law of radial diffusion and the annular profile are checked on the grid itself: verification/test_cylinder.)"""
from azrun import case, check, finish, run, summary, tmpdir

TUBE = case("tubular.yaml")
LIMIT = ["-tubular_gas_depletion", "false", "-tubular_electrolyte_saturation", "0", "-electrode_mode", "limiting", "-mesh_nx", "4",
         "-output_fields", "false"]

# 1. the planar limit
d = tmpdir()
run(["-cell", "gde", "-gde_gas_depletion", "false", "-gde_catholyte_thickness", "0", "-gde_membrane_thickness", "0", "-electrode_mode",
     "limiting", "-mesh_nx", "4", "-gde_gdl_thickness", "2e-4", "-electrolyte", "KCl:0.1", "-output_dir", d, "-quiet", "-output_fields",
     "false"])
planar = summary(d)["metrics"]["i_lim_n2rr_A_m2"]
diff = []
for r in (1e-3, 1e-2, 1e-1):
    d = tmpdir()
    run(["-cell", "tubular", "-tubular_inner_radius", str(r), "-electrolyte", "KCl:0.1", "-output_dir", d, "-quiet"] + LIMIT)
    tube = summary(d)["metrics"]["i_lim_n2rr_A_m2"]
    diff.append(abs(tube / planar - 1))
    print("inner radius %g m: N2 limit %.10g A/m2 per outer area, planar GDE %.10g (%.2e)" % (r, tube, planar, diff[-1]))
check(diff[2] < 1e-4, "at r_i = 0.1 m the tube is %.3g off the planar GDE" % diff[2])
for k in (0, 1):
    check(5 < diff[k] / diff[k + 1] < 20, "the difference must fall as 1/r: %s" % diff)

# 2. conservation
variants = {"shipped": [], "annulus": ["-tubular_electrolyte", "annulus"], "flooded": ["-tubular_saturation", "0.9"],
            "potential": ["-electrolyte_potential", "true"],
            "annulus, potential": ["-tubular_electrolyte", "annulus", "-electrolyte_potential", "true"],
            "ORR": ["-electrode_reaction", "orr", "-gas_composition", "O2:1", "-electrode_potential", "0.6"]}
for name, keys in variants.items():
    d = tmpdir()
    run(["-case", TUBE, "-output_dir", d, "-quiet", "-output_fields", "false"] + keys)
    s = summary(d)
    m = s["metrics"]
    charge = s.get("electrode", {}).get("charge_balance_rel", 0)
    print("%-18s mass balance %.1e, charge %.1e, i_main %.5g A/m2, limit %.5g" % (name, m["mass_balance_rel"], charge,
                                                                                 m.get("i_n2rr_A_m2") or m.get("i_orr_A_m2"),
                                                                                 m.get("i_lim_n2rr_A_m2") or m.get("i_lim_orr_A_m2")))
    check(m["mass_balance_rel"] <= 1e-10, "%s: mass balance %g" % (name, m["mass_balance_rel"]))
    check(charge <= 1e-10, "%s: charge balance %g" % (name, charge))

finish()
