#!/usr/bin/python3
"""What pressure and flooding do to a GDE: runs azote on a GDE case over operating pressure (1-100 bar) and catalyst
layer saturation, and plots the N2 limiting current and the N2RR partial current against pressure.
usage: gde_study.py CASE.yaml OUTPUT_DIR [--sccm Q] [azote options...]   (writes OUTPUT_DIR/gde_study.png and .csv)
The gas feed is held as a mass-flow controller holds it: Q standard cm^3 per minute of dry N2 (sccm, at 273.15 K and
101 325 Pa; default: the case's gde_gas_flow_rate at its own pressure, converted), the same moles of N2 per second
at every pressure, so that gde_gas_flow_rate (m^3/s at the
operating temperature and pressure, the humidified gas) is Q 1e-6/60 (101325/273.15) T/(P - p_w(T)), p_w the water
vapour pressure (azote-props). --sccm 0 keeps the case's gde_gas_flow_rate
at every pressure (a volume flow: at 100 bar a hundred times the moles). The azote program is build/azote unless
AZOTE is set."""
import csv
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import azenv  # noqa: E402

azenv.require("matplotlib")
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import azstyle  # noqa: E402

azstyle.apply()
import matplotlib.pyplot as plt  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AZOTE = os.environ.get("AZOTE", os.path.join(ROOT, "build", "azote"))
AZOTE_PROPS = os.environ.get("AZOTE_PROPS", os.path.join(ROOT, "build", "azote-props"))
PRESSURES = [1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7]
SATURATIONS = [0.0, 0.1, 0.5, 0.9, 0.99]


P_STD, T_STD = 101325.0, 273.15  # the standard state of sccm (DIN 1343)


def p_water(T, P):
    props = json.loads(subprocess.run([AZOTE_PROPS, "-T", repr(T), "-P", repr(P), "-gas", "N2:1"], stdout=subprocess.PIPE, text=True,
                                      check=True).stdout)
    return props["water"]["p_vap_Pa"]


def volume_flow(sccm, P, T):
    """m^3/s of the humidified feed at (T, P) carrying sccm of dry N2: the same moles of N2 (p_N2 = P - p_w)."""
    return sccm * 1e-6 / 60 * (P_STD / T_STD) * T / (P - p_water(T, P))


def case_sccm(case, out, extra):
    """The case's own feed (gde_gas_flow_rate at its temperature and pressure) in sccm of dry N2, and its T."""
    d = os.path.join(out, "runs", "case")
    subprocess.run([AZOTE, "-case", case, "-output_dir", d, "-quiet", "-output_fields", "false"] + extra, check=True)
    inputs = json.load(open(os.path.join(d, "summary.json")))["inputs"]
    Q, P, T = (float(inputs[k]) for k in ("gde_gas_flow_rate", "operating_pressure", "operating_temperature"))
    return Q * (P - p_water(T, P)) / T * (T_STD / P_STD) * 6e7, T


def run(case, out, extra, P, s, sccm, T):
    d = os.path.join(out, "runs", "P%g_s%g" % (P, s))
    flow = ["-gde_gas_flow_rate", repr(volume_flow(sccm, P, T))] if sccm > 0 else []
    subprocess.run([AZOTE, "-case", case, "-output_dir", d, "-quiet", "-output_fields", "false", "-operating_pressure", repr(P),
                    "-gde_saturation", repr(s)] + flow + extra, check=True)
    return json.load(open(os.path.join(d, "summary.json")))["metrics"]


def option(args, name, default):
    """Takes `name VALUE` out of args."""
    if name in args:
        i = args.index(name)
        if i + 1 >= len(args):
            sys.exit("gde_study.py: error: %s needs a value" % name)
        try:
            v = float(args[i + 1])
        except ValueError:
            sys.exit("gde_study.py: error: %s = '%s' is not a number of sccm" % (name, args[i + 1]))
        if v < 0:
            sys.exit("gde_study.py: error: %s = %g: allowed >= 0 (0: the case's volume flow)" % (name, v))
        del args[i:i + 2]
        return v
    return default


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    case, out, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    sccm = option(extra, "--sccm", None)
    os.makedirs(out, exist_ok=True)
    own, T = case_sccm(case, out, extra)
    if sccm is None:
        sccm = own
    print("gde_study: feed %s" % ("%.4g sccm of N2 at every pressure" % sccm if sccm > 0 else "the case's volume flow at every pressure"))
    rows = [dict(P_bar=P / 1e5, saturation=s, sccm=sccm, **run(case, out, extra, P, s, sccm, T)) for s in SATURATIONS for P in PRESSURES]
    with open(os.path.join(out, "gde_study.csv"), "w", newline="") as fcsv:
        w = csv.DictWriter(fcsv, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    fig, ax = plt.subplots(figsize=(6.4, 4.8), constrained_layout=True)
    for k, s in enumerate(SATURATIONS):
        r = [x for x in rows if x["saturation"] == s]
        ax.loglog([x["P_bar"] for x in r], [x["i_lim_n2rr_A_m2"] * 0.1 for x in r], "o-", color="C%d" % k, ms=4,
                  label="limit, s = %.2f" % s)
    r = [x for x in rows if x["saturation"] == SATURATIONS[1]]
    ax.loglog([x["P_bar"] for x in r], [x["i_n2rr_A_m2"] * 0.1 for x in r], "k--", lw=2, label="N$_2$RR current, s = %.2f" % SATURATIONS[1])
    if sccm > 0:  # what the feed itself carries: every N2 molecule reduced (6 e- per N2), per electrode area
        f = [x["i_n2rr_A_m2"] / x["n2_conversion"] * 0.1 for x in rows if x["saturation"] == SATURATIONS[0]]
        ax.axhline(f[0], color="0.5", ls=":", lw=1.5, label="whole feed reduced")
    ax.set_xlabel("operating pressure (bar), N$_2$ feed")
    ax.set_ylabel("current density (mA cm$^{-2}$)")
    ax.set_title("GDE: N$_2$ limit vs pressure and flooding, s = saturation\n(feed %s)"
                 % ("%.3g sccm of N$_2$ at every pressure" % sccm if sccm > 0 else "the case's volume flow at each pressure"), fontsize=10)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    azstyle.save(fig, os.path.join(out, "gde_study.png"), dpi=150)
    print("wrote %s and %s" % (os.path.join(out, "gde_study.png"), os.path.join(out, "gde_study.csv")))


if __name__ == "__main__":
    main()
