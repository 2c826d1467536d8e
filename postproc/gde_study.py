#!/usr/bin/python3
"""What pressure and flooding do to a GDE: runs azote on a GDE case over operating pressure (1-100 bar) and catalyst
layer saturation, and plots the N2 limiting current and the N2RR partial current against pressure.
usage: gde_study.py CASE.yaml OUTPUT_DIR [azote options...]   (writes OUTPUT_DIR/gde_study.png and .csv)
The azote program is build/azote unless AZOTE is set."""
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
import matplotlib.pyplot as plt  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AZOTE = os.environ.get("AZOTE", os.path.join(ROOT, "build", "azote"))
PRESSURES = [1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7]
SATURATIONS = [0.0, 0.1, 0.5, 0.9, 0.99]


def run(case, out, extra, P, s):
    d = os.path.join(out, "runs", "P%g_s%g" % (P, s))
    subprocess.run([AZOTE, "-case", case, "-output_dir", d, "-quiet", "-output_fields", "false", "-operating_pressure", repr(P),
                    "-gde_saturation", repr(s)] + extra, check=True)
    return json.load(open(os.path.join(d, "summary.json")))["metrics"]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    case, out, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(out, exist_ok=True)
    rows = [dict(P_bar=P / 1e5, saturation=s, **run(case, out, extra, P, s)) for s in SATURATIONS for P in PRESSURES]
    with open(os.path.join(out, "gde_study.csv"), "w", newline="") as fcsv:
        w = csv.DictWriter(fcsv, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    fig, ax = plt.subplots(figsize=(7.5, 5), constrained_layout=True)
    for k, s in enumerate(SATURATIONS):
        r = [x for x in rows if x["saturation"] == s]
        ax.loglog([x["P_bar"] for x in r], [x["i_lim_n2rr_A_m2"] * 0.1 for x in r], "o-", color="C%d" % k, ms=4,
                  label="N$_2$ limit, saturation %.2f" % s)
    r = [x for x in rows if x["saturation"] == SATURATIONS[1]]
    ax.loglog([x["P_bar"] for x in r], [x["i_n2rr_A_m2"] * 0.1 for x in r], "k--", lw=2, label="N$_2$RR current (kinetics of the case)")
    ax.set_xlabel("operating pressure (bar), pure N$_2$ feed")
    ax.set_ylabel("current density (mA cm$^{-2}$)")
    ax.set_title("GDE: N$_2$ transport limit vs pressure and flooding", fontsize=11)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.savefig(os.path.join(out, "gde_study.png"), dpi=150)
    print("wrote %s and %s" % (os.path.join(out, "gde_study.png"), os.path.join(out, "gde_study.csv")))


if __name__ == "__main__":
    main()
