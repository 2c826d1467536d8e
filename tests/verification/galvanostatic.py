"""Galvanostatic operation (DESIGN §2, electrode modes): a galvanostatic run at the total current a potentiostatic run
produced returns that run's potential to 1e-8 V and its metrics to 1e-8 relative, for each steady template (the
H-cell at its steady state), and for an N2OR anode and an ORR cathode with the electrolyte potential, started 0.15 V
away. A current above what the electrode can carry (no HER, above the
N2 transport limit) fails with exit status 2, one error line and no output."""
import os

from azrun import case, check, finish, run, summary, tmpdir

CASES = [("flowcell.yaml", []), ("gde.yaml", []), ("hcell.yaml", ["-time_end", "0"]),
         # an anode (anodic current, the potential rises with it) and an ORR cathode, with the electrolyte potential
         ("flowcell.yaml", ["-electrode_reaction", "n2or", "-electrode_potential", "1.6", "-kinetics_n2or_i0", "1e-2", "-kinetics_oer_i0",
                            "1e-5", "-electrolyte_potential", "true"]),
         ("flowcell.yaml", ["-electrode_reaction", "orr", "-gas_composition", "O2:1", "-electrode_potential", "0.7", "-kinetics_orr_i0",
                            "1e-4", "-electrolyte_potential", "true"])]
for name, extra in CASES:
    a, b = tmpdir(), tmpdir()
    run(["-case", case(name), "-output_dir", a, "-quiet"] + extra)
    sa = summary(a)
    E0, I0 = sa["electrode"]["potential_V_RHE"], sa["metrics"]["i_total_A_m2"]
    run(["-case", case(name), "-output_dir", b, "-quiet"] + extra + ["-electrode_mode", "galvanostatic", "-electrode_current", repr(abs(I0)),
         "-electrode_potential", repr(E0 + 0.15)])
    sb = summary(b)
    E = sb["electrode"]["potential_V_RHE"]
    print("%s: potentiostatic %.6f V -> %.6g A/m2; galvanostatic at that current -> %.12f V (%+.2e V)" % (name, E0, I0, E, E - E0))
    check(sb["electrode_mode"] == "galvanostatic", "%s: summary says %s" % (name, sb["electrode_mode"]))
    check(abs(E - E0) <= 1e-8, "%s: galvanostatic potential %.12g V, potentiostatic %.12g V" % (name, E, E0))
    for k in ("i_total_A_m2", "i_n2rr_A_m2", "i_her_A_m2", "fe_nh3", "c_surf_mean_mol_m3", "i_lim_n2rr_A_m2"):
        va, vb = sa["metrics"][k], sb["metrics"][k]
        check(abs(vb - va) <= 1e-8 * abs(va), "%s: %s = %.17g galvanostatic, %.17g potentiostatic" % (name, k, vb, va))

d = os.path.join(tmpdir(), "out")
rc, out = run(["-case", case("flowcell.yaml"), "-output_dir", d, "-quiet", "-electrode_mode", "galvanostatic", "-electrode_current",
               "100", "-kinetics_her_i0", "0"], check=False)
print("above the transport limit: exit %d: %s" % (rc, out.strip()))
check(rc == 2 and len(out.strip().splitlines()) == 1 and "more than this electrode can carry" in out,
      "a current above the transport limit: exit %d, output %r" % (rc, out))
check(not os.path.exists(d), "a failed galvanostatic run wrote %s" % d)
finish()
