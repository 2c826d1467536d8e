#!/usr/bin/python3
"""Regression test of azote-props: the JSON keys of DESIGN §4, values against stored results and published data.

Run by CTest (regression/props_json) with $AZOTE_PROPS set. Exits non-zero on the first failed check list.
The stored values are this version's output (rel. 1e-9): an intended change of the physics updates them, together
with docs/thermo.md, in the same commit.
"""
import json
import math
import os
import subprocess
import sys

EXE = os.environ.get("AZOTE_PROPS")
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(*args):
    p = subprocess.run([EXE, *args], capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def props(*args):
    rc, out, err = run(*args)
    check(rc == 0 and err == "", f"azote-props {' '.join(args)} exits 0 quietly (rc {rc}, stderr {err.strip()!r})")
    return json.loads(out)


def close(a, b, rtol):
    return abs(a - b) <= rtol * abs(b)


# 1. Keys of DESIGN §4, for the command of the contract.
r = props("-T", "298.15", "-P", "101325", "-gas", "N2:0.78084,O2:0.209476", "-electrolyte", "KOH:1.0")
for k in ("T_K", "P_Pa", "water", "species"):
    check(k in r, f"top-level key {k}")
for k in ("p_vap_Pa", "density_kg_m3", "viscosity_Pa_s"):
    check(k in r["water"], f"water.{k}")
for g in ("N2", "O2"):
    for k in ("y_dry", "p_partial_Pa", "fugacity_Pa", "kH_Pa", "salting_factor", "c_sat_mol_m3", "D_m2_s"):
        check(k in r["species"].get(g, {}), f"species.{g}.{k}")
# salting_factor = 10^-(h_K + h_OH + 2 h_G) for 1 M KOH (Weisenberger & Schumpe 1996): O2 at 25 °C has h_G = 0.
check(close(r["species"]["O2"]["salting_factor"], 10 ** -0.1761, 1e-12), "O2 salting factor in 1 M KOH = 10^-0.1761")

# 2. Air-saturated water at 25 °C (docs/thermo.md, example 1).
r = props("-T", "298.15", "-P", "101325", "-gas", "N2:0.78084,O2:0.209476,Ar:0.00934")
n2, o2 = r["species"]["N2"], r["species"]["O2"]
check(close(r["water"]["p_vap_Pa"], 3169.82, 1e-5), "p_vap(25 °C) = 3169.82 Pa (IAPWS-95: 3.1699 kPa)")
check(close(n2["p_partial_Pa"], 0.78084 * (101325 - r["water"]["p_vap_Pa"]), 1e-14), "p_N2 = y (P - p_vap), dry basis")
check(close(o2["c_sat_mol_m3"], 0.26025286795448266, 1e-9), f"O2 c_sat stored value (got {o2['c_sat_mol_m3']!r})")
check(close(n2["c_sat_mol_m3"], 0.49480287818803953, 1e-9), f"N2 c_sat stored value (got {n2['c_sat_mol_m3']!r})")
# Benson & Krause via Garcia & Gordon (1992): 258.2 umol/L at 25 °C; G7-04 is within 1 % at 25 °C.
check(close(o2["c_sat_mol_m3"], 0.2582, 0.01), "O2 from air at 25 °C within 1 % of Benson & Krause (258.2 umol/L)")
check(close(o2["fugacity_Pa"], o2["phi"] * o2["p_partial_Pa"], 1e-14), "fugacity = phi p")

# 3. The pressurized case of the review (docs/thermo.md, example 2): N2 at 7 bar in 0.1 M KCl.
r = props("-T", "298.15", "-P", "7e5", "-gas", "N2:1", "-electrolyte", "KCl:0.1")
n2 = r["species"]["N2"]
check(close(n2["c_sat_mol_m3"], 4.334976857560183, 1e-9), f"N2 c_sat at 7 bar in 0.1 M KCl stored value (got {n2['c_sat_mol_m3']!r})")
# the salt lowers the water vapour pressure (ideal solution: a_w = exp(-M_w sum m_i)), which raises p_N2 = P - a_w p_w
check(close(n2["p_partial_Pa"], 7e5 - r["liquid"]["water_activity"] * r["water"]["p_vap_Pa"], 1e-14), "p_N2 = P - a_w p_w over 0.1 M KCl")
check(0.9963 < r["liquid"]["water_activity"] < 0.9965, f"a_w of 0.1 M KCl (ideal: 0.99640; got {r['liquid']['water_activity']!r})")
check(r["property_warnings"] == [], "no property warning for 0.1 M KCl at 25 °C")
check(close(n2["salting_factor"], 10 ** -(0.1 * (0.0922 + 0.0318 - 2 * 0.0010)), 1e-12), "N2 salting factor in 0.1 M KCl")
check(r["electrolyte"]["viscosity_corrected"] is True, "KCl viscosity correction applied at 25 °C")
check(close(n2["D_m2_s"], 1.96e-9 * r["water"]["viscosity_Pa_s"] / r["electrolyte"]["viscosity_Pa_s"], 1e-3),
      "D_N2 scaled by the viscosity ratio (at 1 atm water)")

# 4. Solvents and seawater (docs/thermo.md §7): the keys, the estimates announced on stderr and in the JSON.
rc, out, err = run("-T", "298.15", "-P", "2e6", "-gas", "N2:1", "-solvent", "thf:0.99,ethanol:0.01", "-electrolyte", "LiClO4:0.2")
r = json.loads(out) if rc == 0 else {}
check(rc == 0 and r.get("solvent", {}).get("spec") == "thf:0.99,ethanol:0.01", "THF with 1 vol% ethanol accepted")
check(len(r.get("property_warnings", [])) == 4 and err.count("azote-props: warning: ") == 4,
      f"four property warnings (salt neglected, two Henry estimates, Wilke-Chang), in the JSON and on stderr: {r.get('property_warnings')}")
check(close(r["species"]["N2"]["p_partial_Pa"], 2e6 - r["liquid"]["p_vap_Pa"], 1e-14), "p_N2 = P - p_vap of the THF-ethanol liquid")
check(close(r["species"]["N2"]["c_sat_mol_m3"], 112.98801825978512, 1e-9), f"N2 c_sat in THF at 20 bar stored value (got {r['species']['N2']['c_sat_mol_m3']!r})")
r = props("-T", "298.15", "-gas", "N2:0.78084,O2:0.20946,Ar:0.00934", "-electrolyte", "seawater:35")
# Garcia & Gordon (1992), Benson & Krause fit in umol/kg, at S = 35 and 25 °C, times the EOS-80 density 1023.343 kg/m^3:
Ts = math.log((298.15 - 25) / (273.15 + 25))
A = [5.80871, 3.20291, 4.17887, 5.10006, -9.86643e-2, 3.80369]
B = [-7.01577e-3, -7.70028e-3, -1.13864e-2, -9.51519e-3]
gg = math.exp(sum(a * Ts**i for i, a in enumerate(A)) + 35 * sum(b * Ts**i for i, b in enumerate(B)) - 2.75915e-7 * 35**2) * 1e-6 * 1023.343
# Hamme & Emerson (2004), N2 in umol/kg, the same way: azote +1.9 % (G7-04 +0.4 % in pure water, salting-out +1.45 %).
A = [6.42931, 2.92704, 4.32531, 4.69149]
B = [-7.44129e-3, -8.02566e-3, -1.46775e-2]
he = math.exp(sum(a * Ts**i for i, a in enumerate(A)) + 35 * sum(b * Ts**i for i, b in enumerate(B))) * 1e-6 * 1023.343
check(close(r["species"]["N2"]["c_sat_mol_m3"], he, 0.025),
      f"N2 from air in seawater:35 at 25 °C within 2.5 % of Hamme & Emerson 2004 ({he:.5g} mol/m^3; got {r['species']['N2']['c_sat_mol_m3']!r})")
check(close(r["species"]["O2"]["c_sat_mol_m3"], gg, 0.015),
      f"O2 from air in seawater:35 at 25 °C within 1.5 % of Garcia & Gordon 1992 ({gg:.5g} mol/m^3; got {r['species']['O2']['c_sat_mol_m3']!r})")

# 5. -help and -help_keys print no JSON and exit 0.
for opt in ("-help", "-help_keys"):
    rc, out, err = run(opt)
    check(rc == 0 and '"species"' not in out, f"{opt}: exit 0, no JSON")

if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all checks passed")
