"""The shipped flow cell against its reference point and against the property library.

cases/flowcell.yaml fits two exchange current densities so that the Fe-MoS2 microfluidic cell of the seed review's
Table 2 (0.1 M KCl, -0.2 V vs RHE) gives its reported NH3 partial current, 0.44 mA/cm^2, and faradaic efficiency,
31.6 %, with this geometry's N2 transport loss included. This test keeps the case on that point (1 %), and checks that
the cell's inlet saturation and diffusivity are the property library's (azote-props) at the same conditions."""
import json
import os
import subprocess

from azrun import case, check, finish, run, summary, tmpdir

out = tmpdir()
run(["-case", case("flowcell.yaml"), "-output_dir", out, "-quiet", "-output_fields", "false"])
s = summary(out)
m = s["metrics"]
check(abs(m["i_n2rr_A_m2"] / 4.40 - 1) < 0.01, "i_n2rr = %g A/m^2, Table 2 reports 4.40" % m["i_n2rr_A_m2"])
check(abs(m["fe_nh3"] / 0.316 - 1) < 0.01, "fe_nh3 = %g, Table 2 reports 0.316" % m["fe_nh3"])
check(m["i_n2rr_A_m2"] < m["i_lim_n2rr_A_m2"], "the partial current exceeds the transport limit")

inp = s["inputs"]
props = subprocess.run([os.environ["AZOTE_PROPS"], "-T", str(inp["operating_temperature"]), "-P", str(inp["operating_pressure"]),
                        "-gas", inp["gas_composition"], "-electrolyte", inp["electrolyte"]],
                       stdout=subprocess.PIPE, text=True, check=True)
n2 = json.loads(props.stdout)["species"]["N2"]
check(abs(m["c_bulk_mol_m3"] / n2["c_sat_mol_m3"] - 1) < 1e-12,
      "c_bulk %.17g differs from azote-props c_sat %.17g" % (m["c_bulk_mol_m3"], n2["c_sat_mol_m3"]))
check(abs(m["D_n2_m2_s"] / n2["D_m2_s"] - 1) < 1e-12, "D_n2 %.17g differs from azote-props %.17g" % (m["D_n2_m2_s"], n2["D_m2_s"]))
print("i_n2rr %.4g A/m^2, fe_nh3 %.4f, c_bulk %.6g mol/m^3 (= azote-props)" % (m["i_n2rr_A_m2"], m["fe_nh3"], m["c_bulk_mol_m3"]))
finish()
