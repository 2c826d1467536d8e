"""What summary.json and the console say, in an electrochemist's units and by what each quantity is (issue 20):
  - every metric in A/m^2 has its mA/cm^2 companion (x 0.1) and every mol/m^3 its mM (the same number);
  - a full cell's "full_cell" splits the cell voltage exactly: standard voltage + anode overpotential - cathode
    overpotential + ohmic drop; its cathode's electrode.potential_V_RHE is the iR-free one; the console prints it;
    the anode's surface data are in fields.h5 (/anode) beside the electrode's;
  - the products: the main reaction's rate per cm^2 equals nh3_rate_ug_h_cm2, per mg of catalyst_loading, and the flow
    cell's outlet concentration = rate / flow rate (uM and mg/L);
  - the console prints the products (per cm^2, per mg of catalyst, at the outlet) and the H-cell's catholyte NH3 after
    the run (uM and mg/L), the same numbers as summary.json;
  - n2_conversion is dissolved N2's (0 in an ORR cell without N2), o2_conversion the ORR cathode's O2."""
import os
import re

import h5py

from azrun import case, check, finish, run, summary, tmpdir

d = tmpdir()
rc, out = run(["-case", case("flowcell.yaml"), "-output_dir", d, "-catalyst_loading", "0.25"])
s = summary(d)
m = s["metrics"]
for k, v in m.items():
    if k.endswith("_A_m2"):
        check(abs(m[k[:-5] + "_mA_cm2"] - 0.1 * v) <= 1e-15 * abs(v), "%s: no or a wrong mA/cm2 companion" % k)
    if k.endswith("_mol_m3"):
        check(m[k[:-7] + "_mM"] == v, "%s: no or a wrong mM companion" % k)
pr = s["products"]["n2rr"]
check(pr["product"] == "NH3", "the N2RR's product is %s" % pr["product"])
check(abs(pr["rate_ug_h_cm2"] / m["nh3_rate_ug_h_cm2"] - 1) < 1e-12, "products: rate per cm2 differs from nh3_rate_ug_h_cm2")
check(abs(pr["rate_ug_h_mg_cat"] / (m["nh3_rate_ug_h_cm2"] / 0.25) - 1) < 1e-12, "rate per mg of catalyst")
# 2 NH3 per 6 e-: mol/s over the 1 cm2 electrode, diluted in the case's flow rate
mol_s, Q = m["i_n2rr_A_m2"] / (3 * 96485.33212) * s["cell_info"]["electrode_area_m2"], s["inputs"]["flowcell_flow_rate"]
check(abs(pr["outlet_added_uM"] / (mol_s / Q * 1e3) - 1) < 1e-12, "outlet NH3 %g uM, hand %g" % (pr["outlet_added_uM"], mol_s / Q * 1e3))
check(abs(pr["outlet_added_mg_L"] / (mol_s / Q * 17.03052) - 1) < 1e-12, "outlet NH3 in mg/L")
check(m["n2_conversion"] > 0 and "o2_conversion" not in m, "an N2RR cell's conversion is N2's")
line = re.search(r"NH3 from n2rr: (\S+) ug/h/cm2 \((\S+) mol/s, (\S+) ug/h/mg_cat\); at the outlet \+(\S+) uM \((\S+) mg/L\)", out)
check(line is not None, "the console does not print the products: %s" % out)
if line:
    for got, want in zip(map(float, line.groups()), (pr["rate_ug_h_cm2"], pr["rate_mol_s"], pr["rate_ug_h_mg_cat"], pr["outlet_added_uM"],
                                                      pr["outlet_added_mg_L"])):
        check(abs(got / want - 1) < 1e-3, "console product %g, summary.json %g" % (got, want))

d = tmpdir()
rc, out = run(["-case", case("hcell.yaml"), "-output_dir", d, "-time_end", "60", "-mesh_nx", "30", "-mesh_ny", "8"])
t = summary(d)["transient"]
line = re.search(r"NH3 in the catholyte after 60 s: (\S+) uM \((\S+) mg/L\)", out)
check(line is not None, "the H-cell console does not give the catholyte's NH3: %s" % out)
if line:
    check(abs(float(line.group(1)) / t["c_nh3_catholyte_umol_L"] - 1) < 1e-3 and abs(float(line.group(2)) / t["c_nh3_catholyte_mg_L"] - 1) < 1e-3,
          "console catholyte NH3 %s, summary.json %g uM %g mg/L" % (line.groups(), t["c_nh3_catholyte_umol_L"], t["c_nh3_catholyte_mg_L"]))
    check(abs(t["c_nh3_catholyte_mg_L"] / (t["c_nh3_catholyte_umol_L"] * 17.03052e-3) - 1) < 1e-12, "catholyte NH3: mg/L is not uM x 17.03 ug/umol")

d = tmpdir()
rc, out = run(["-case", case("fullcell-orr-n2or.yaml"), "-output_dir", d])
s = summary(d)
fc, m = s["full_cell"], s["metrics"]
split = fc["standard_voltage_V"] + fc["anode_overpotential_V"] - fc["cathode_overpotential_V"] + fc["ohmic_drop_V"]
check(abs(split - fc["cell_voltage_V"]) < 1e-12, "the cell voltage %.15g is not its breakdown %.15g" % (fc["cell_voltage_V"], split))
check(abs(s["electrode"]["potential_V_RHE"] - fc["cathode_potential_V_RHE"]) < 1e-15, "the cathode's potential vs RHE is not the iR-free one")
check(abs(s["electrode"]["metal_potential_vs_anode_V"] + fc["cell_voltage_V"]) < 1e-12, "the cathode's metal is not -V from the anode's")
check("cell voltage" in out and "iR-free" in out, "the console does not give the voltage breakdown")
check(s["cell"] == "flowcell", "summary.json's cell is %r" % s["cell"])
check(0 < m["n2_conversion"] < m["o2_conversion"], "ORR|N2OR: n2_conversion %g (the anode's N2), o2_conversion %g" % (m["n2_conversion"], m["o2_conversion"]))
with h5py.File(os.path.join(d, "fields.h5"), "r") as h:
    check("anode" in h and "i_n2or" in h["anode"] and "i_orr" in h["electrode"], "fields.h5 lacks the anode's or the ORR's data")
check("anode_time" in open(os.path.join(d, "fields.xmf")).read() or 'Name="anode"' in open(os.path.join(d, "fields.xmf")).read(),
      "fields.xmf lacks the anode's grid")

d = tmpdir()
run(["-case", case("flowcell.yaml"), "-output_dir", d, "-quiet", "-electrode_reaction", "orr", "-gas_composition", "O2:1",
     "-electrode_potential", "0.6"])
m = summary(d)["metrics"]
check(m["n2_conversion"] == 0 and m["o2_conversion"] > 0, "an ORR cell without N2: n2_conversion %g, o2_conversion %g" % (m["n2_conversion"], m["o2_conversion"]))
finish()
