#!/usr/bin/python3
"""azote-plan: plan an N2-fixation experiment before doing it (docs/plan.md).

  azote-plan -case CASE.yaml [-KEY VALUE ...] [--np N] [--quiet]   runs azote on the case, then plans
  azote-plan --from DIR [--quiet]                                  plans from a finished run's outputs

The protocol is the plan_* keys of the case (a `plan:` block, or -plan_KEY VALUE; `azote -help_keys` lists them with
units and defaults). From the run's production rate (a steady cell: the flow cell, the GDE) or its time series (the
H-cell), azote-plan computes the NH3 (and NO3- where an N2OR electrode works) made and its concentration in the
electrolyte over time, what an acid trap on the outlet gas collects, the time and charge to reach plan_margin_detection
times the detection limit of each assay, the 15N2 the protocol consumes, its cost, the worst-case labelled
contamination that gas brings, and the verdict. It writes plan.json and plan.png next to the run's summary.json.

The laws, each checked against a hand calculation in tests/regression/plan.py:
  Faraday: NH3 made = I_N2RR t / (3 F) (N2 + 6 H+ + 6 e- -> 2 NH3); NO3- made = I_N2OR t / (5 F) (10 e- per N2).
  Ideal gas: a flow Q at (T, P) is Q (P / P0)(T0 / T) at T0 = 273.15 K, P0 = 101325 Pa; one mole there is R T0 / P0 =
    22.414 L. Bubbled or flow-through gas: the 15N2 consumed is y_N2 Q0 t / V_m; a closed loop of volume V at (T, P)
    filled k times holds k y_N2 P V / (R T), plus the N2 the electrode reduces.
  Stripping to the trap: the gas leaves the electrolyte at equilibrium with its free NH3 (Henry, H = 0.59 mol m-3 Pa-1
    at 25 C, d ln H / d(1/T) = 4200 K: Sander, Atmos. Chem. Phys. 23, 10901 (2023)); the free fraction is
    1 / (1 + 10^(pKa - pH)), pKa(NH4+) = 9.25 at 25 C. Then dn/dt = production - k n with k = alpha Q / (H R T V).
  Worst case labelled contamination: every 15NH4+ and 15NO3-/NO2- the 15N2 carries (Dabundo et al., PLoS ONE 9, e110335
    (2014), per mole of gas) ends in the electrolyte, and every nitrate or nitrite is reduced to NH3.
"""
import csv
import json
import math
import os
import re
import subprocess
import sys

F = 96485.33212  # C/mol
R = 8.314462618  # J/(mol K)
T0, P0 = 273.15, 101325.0  # K, Pa: the standard conditions gas is sold and metered at
VM = R * T0 / P0  # m^3/mol at T0, P0 (22.414 L)
PKA_NH4 = 9.25  # at 25 C (standard value; unverified here)
H_NH3 = 0.59  # mol m^-3 Pa^-1 at 298.15 K, Sander (2023) [verified: henrys-law.org, NH3]
H_NH3_DT = 4200.0  # K, d ln H / d(1/T), same source
FLOWCELL_GAS = 3.33e-7  # m^3/s at T0, P0 (20 sccm) bubbling a flow cell's reservoir when plan_gas_flow is 0
DEFAULT_VOLUME = 3e-5  # m^3: a steady cell's reservoir when plan_electrolyte_volume is 0 (azote's assumption)
DABUNDO_LOW = (34e-6, 1.8e-6)  # mol 15NH4+, 15NO3-/NO2- per mol 15N2: the least contaminated Sigma-Aldrich lot

# Assays: key of their detection limit (mol/L), what they are, where the default comes from and whether it was seen.
ASSAYS = {
    "nmr": ("plan_lod_nmr", "1H NMR of NH4+ (15N: doublet, 14N: triplet)",
            "order of magnitude; Nielander et al., ACS Catal. 9, 5797 (2019); Kolen et al., ACS Omega 6, 5698 (2021) (Gd3+ cuts the "
            "acquisition time tenfold)", False),
    "indophenol": ("plan_lod_indophenol", "indophenol blue (salicylate) colorimetry",
                   "0.015 mg/L NH3-N, the lower end of the Hach TNT 830 ultra-low-range salicylate method (Method 10205)", True),
    "nessler": ("plan_lod_nessler", "Nessler colorimetry",
                "0.029 mg/L NH3-N, 3 sigma of blanks, Hach DR/700 manual, Nitrogen Ammonia (method name not shown in the page read)", True),
    "ic": ("plan_lod_ic", "ion chromatography of NH4+",
           "2 ug/L NH4+, suppressed cation chromatography with matrix elimination (Bragulla et al., ChemSusChem 2026, PMC12864167); a "
           "routine IC is less sensitive", True),
}
NITRATE_ASSAY = ("plan_lod_nitrate", "ion chromatography of NO3-", "placeholder of typical order; set plan_lod_nitrate", False)


def die(msg, code=1):
    sys.stderr.write("azote-plan: error: %s\n" % msg)
    sys.exit(code)


def n2_fraction(spec):
    for item in spec.split(","):
        gas, _, y = item.partition(":")
        if gas.strip() == "N2":
            return float(y)
    return 0.0


def to_standard(q, T, P):
    """A gas flow (or volume) at (T, P) expressed at T0, P0 (ideal gas)."""
    return q * (P / P0) * (T0 / T)


def henry_nh3(T):
    return H_NH3 * math.exp(H_NH3_DT * (1.0 / T - 1.0 / 298.15))


def free_fraction(ph):
    return 1.0 / (1.0 + 10.0 ** (PKA_NH4 - ph))


def strip(times, made, k):
    """Amount left in the electrolyte when what is made leaves with the gas at rate k n (made: cumulative, piecewise
    linear in time): exact over each interval."""
    n = [0.0]
    for i in range(1, len(times)):
        dt = times[i] - times[i - 1]
        g = (made[i] - made[i - 1]) / dt if dt > 0 else 0.0
        e = math.exp(-k * dt)
        n.append(n[-1] * e + (g * (1 - e) / k if k > 0 else g * dt))
    return n


def first_crossing(times, values, level, extrapolate):
    """The first time values reaches level (linear interpolation), else the extrapolation, else inf."""
    for i in range(1, len(times)):
        if values[i] >= level > values[i - 1] or (i == 1 and values[0] >= level):
            if values[i] == values[i - 1]:
                return times[i]
            return times[i - 1] + (level - values[i - 1]) * (times[i] - times[i - 1]) / (values[i] - values[i - 1])
    return extrapolate(level)


def plan(s, series=None):
    """The plan of a run (summary.json as a dict; series: timeseries.csv rows of a transient run). SI inside."""
    inp, m, ci, cell = s["inputs"], s["metrics"], s["cell_info"], s["cell"]
    T, P = inp["operating_temperature"], inp["operating_pressure"]
    A = ci.get("electrode_area_m2", ci.get("electrode_area_model_m2"))
    y = n2_fraction(inp["gas_composition"])
    labelled = bool(inp["plan_labelled"])
    transient = series is not None and len(series) > 1
    duration = float(series[-1]["time_s"]) if transient else inp["plan_duration"]
    i_total = abs(m["i_total_A_m2"]) * A

    volume = inp["plan_electrolyte_volume"] or (ci["catholyte_volume_m3"] if cell == "hcell" else DEFAULT_VOLUME)
    mode = inp["plan_gas_mode"]
    if mode == "auto":
        mode = {"gde": "flow_through"}.get(cell, "bubbled")
    q_std = inp["plan_gas_flow"]
    if q_std == 0:
        own = {"hcell": "hcell_gas_flow_rate", "gde": "gde_gas_flow_rate"}.get(cell)
        q_std = to_standard(inp[own], T, P) if own else FLOWCELL_GAS
    q_op = q_std * (T / T0) * (P0 / P)  # the same flow at the operating conditions, m^3/s

    # the products, made at a constant rate (steady cells) or as the H-cell's time series says
    products = []
    if abs(m.get("i_n2rr_A_m2", 0.0)) > 0:
        products.append(("NH3", abs(m["i_n2rr_A_m2"]) * A, 3))
    if abs(m.get("i_n2or_A_m2", 0.0)) > 0:
        products.append(("NO3-", abs(m["i_n2or_A_m2"]) * A, 5))
    if not products:
        die("the run makes neither NH3 nor NO3- (electrode_mode %s): nothing to plan" % s.get("electrode_mode"))
    if transient:
        times = [float(r["time_s"]) for r in series]
        charge = [float(r["charge_C"]) for r in series]
    else:
        times = [duration * k / 200 for k in range(201)]
        charge = [i_total * t for t in times]

    reacted_n2 = 0.0
    out = {"cell": cell, "case_file": s.get("case_file"), "transient": transient, "duration_s": duration, "electrode_area_m2": A,
           "current_total_A": i_total, "charge_C": charge[-1], "electrolyte_volume_m3": volume, "labelled": labelled,
           "times_s": times, "products": {}}
    for name, current, ne in products:
        rate = current / (ne * F)  # mol/s
        if transient and name == "NH3":
            # the catholyte's NH3 (what crossed the membrane is not in it), from the model
            vcat = ci["catholyte_volume_m3"]
            made = [float(r["c_nh3_catholyte_umol_L"]) * 1e-3 * vcat for r in series]  # umol/L = mmol/m^3
            produced = float(series[-1]["nh3_produced_umol"]) * 1e-6
        else:
            made = [rate * t for t in times]
            produced = rate * duration
        k = 0.0
        if name == "NH3" and (mode == "bubbled" or mode == "recirculation" and inp["plan_gas_flow"] > 0):
            # the gas bubbles through the electrolyte (a GDE's gas does not: its NH3 losses are not modelled)
            k = free_fraction(inp["plan_ph"]) * q_op / (henry_nh3(T) * R * T * volume)
        left = strip(times, made, k)
        conc = [n / volume for n in left]  # mol/m^3
        gone = [a - b for a, b in zip(made, left)]
        trap = inp["plan_trap_volume"]
        reacted_n2 += produced / 2
        p = {"current_A": current, "electrons": ne, "rate_mol_s": rate, "made_mol": produced, "in_electrolyte_mol": left[-1],
             "concentration_mol_m3": conc[-1], "concentration_umol_L": conc[-1] * 1e3, "stripping_rate_1_s": k,
             "to_gas_mol": gone[-1], "trap_volume_m3": trap, "trap_concentration_umol_L": gone[-1] / trap * 1e3 if trap > 0 else None,
             "series_concentration_umol_L": [c * 1e3 for c in conc], "series_trap_umol_L": [g / trap * 1e3 for g in gone] if trap > 0 else None,
             "assays": {}}
        assays = ASSAYS.items() if name == "NH3" else [("ic_nitrate", NITRATE_ASSAY)]
        for aname, (key, label, source, verified) in assays:
            lod = inp[key] * 1e3  # mol/L -> mol/m^3
            need = inp["plan_margin_detection"] * lod

            def extrapolate(level, times=times, conc=conc, left=left, rate=rate, k=k):
                if not transient:  # n(t) = r/k (1 - exp(-k t)): solve for n = level V
                    x = level * volume * k / rate if k > 0 else 0.0
                    if x >= 1:
                        return math.inf
                    return -math.log1p(-x) / k if k > 0 else level * volume / rate
                slope = (conc[-1] - conc[-2]) / (times[-1] - times[-2])
                return times[-1] + (level - conc[-1]) / slope if slope > 0 else math.inf

            t_need = first_crossing(times, conc, need, extrapolate) if transient else extrapolate(need)
            if not transient or t_need <= times[-1]:
                q_need = i_total * t_need if not transient else interp(times, charge, t_need)
            else:  # the last current, on from the end of the run
                q_need = charge[-1] + (charge[-1] - charge[-2]) / (times[-1] - times[-2]) * (t_need - times[-1])
            p["assays"][aname] = {"label": label, "lod_mol_L": inp[key], "source": source, "verified": verified,
                                  "needed_umol_L": need * 1e3, "times_lod": conc[-1] / lod, "time_to_margin_s": t_need,
                                  "charge_to_margin_C": q_need}
        out["products"][name] = p

    # the labelled gas the protocol uses, its cost, and the worst-case contamination it brings
    if mode == "recirculation":
        n_gas = inp["plan_recirculation_fills"] * y * P * inp["plan_recirculation_volume"] / (R * T) + reacted_n2
    else:
        n_gas = y * q_std / VM * duration
    litres = n_gas * VM * 1e3
    out["gas"] = {"mode": mode, "flow_standard_m3_s": q_std, "n2_fraction": y, "n2_mol": n_gas, "n2_litres_standard": litres,
                  "price_per_litre": inp["plan_price_15n2"], "cost": litres * inp["plan_price_15n2"] if inp["plan_price_15n2"] > 0 else None}
    c_nh4, c_nox = inp["plan_contamination_nh4"], inp["plan_contamination_nox"]
    verdict = {"assay": inp["plan_assay"] if inp["plan_assay"] != "auto" else ("nmr" if labelled else "indophenol"),
               "margin_detection": inp["plan_margin_detection"], "margin_contamination": inp["plan_margin_contamination"], "products": {}}
    ok_all = True
    for name, p in out["products"].items():
        per_mol = c_nh4 + c_nox if name == "NH3" else c_nox
        low = sum(DABUNDO_LOW) if name == "NH3" else DABUNDO_LOW[1]
        p["contamination_mol"] = n_gas * per_mol if labelled else 0.0
        p["contamination_low_mol"] = n_gas * low if labelled else 0.0
        p["contamination_per_mol_gas"] = per_mol
        ratio = p["in_electrolyte_mol"] / p["contamination_mol"] if p["contamination_mol"] > 0 else math.inf
        assay = verdict["assay"] if name == "NH3" else "ic_nitrate"
        a = p["assays"][assay]
        detect = a["times_lod"] >= inp["plan_margin_detection"]
        clean = not labelled or ratio >= inp["plan_margin_contamination"]
        v = {"assay": assay, "times_lod": a["times_lod"], "detected": detect, "product_over_contamination": ratio, "above_contamination": clean,
             "pass": detect and clean}
        if labelled and n_gas > 0:
            # the contamination per mole of gas (NH4+ + NOx) under which this product would pass
            v["max_contamination_per_mol"] = p["in_electrolyte_mol"] / (inp["plan_margin_contamination"] * n_gas)
            if mode != "recirculation":
                v["max_gas_flow_standard_m3_s"] = q_std * ratio / inp["plan_margin_contamination"]
        if not detect:
            v["time_needed_s"] = a["time_to_margin_s"]
        verdict["products"][name] = v
        ok_all = ok_all and v["pass"]
    verdict["pass"] = ok_all
    out["verdict"] = verdict
    out["sources"] = {
        "contamination": "Dabundo et al., PLoS ONE 9, e110335 (2014): per mole of 15N2, 34-1900 umol 15NH4+ and 1.8-420 umol "
                         "15NO3-/NO2- in four Sigma-Aldrich lecture bottles; traces in two Cambridge Isotopes bottles",
        "henry_nh3": "Sander, Atmos. Chem. Phys. 23, 10901 (2023): H = 0.59 mol m-3 Pa-1, 4200 K",
        "margin_detection": "LOD = 3 sigma (MacDougall et al., Anal. Chem. 52, 2242 (1980)); 10/3 asks for the 10-sigma quantification "
                            "limit (unverified here)",
        "margin_contamination": "azote's default; Andersen et al., Nature 570, 504 (2019) clean the 15N2 of labile N and recirculate it "
                                "to cut both contamination and cost",
    }
    return out


def interp(xs, ys, x):
    for i in range(1, len(xs)):
        if xs[i] >= x:
            return ys[i - 1] + (ys[i] - ys[i - 1]) * (x - xs[i - 1]) / (xs[i] - xs[i - 1])
    return ys[-1]


def fmt_time(t):
    if not math.isfinite(t):
        return "never"
    return "%.3g s" % t if t < 120 else ("%.3g min" % (t / 60) if t < 7200 else "%.3g h" % (t / 3600))


def report(p):
    g, v = p["gas"], p["verdict"]
    lines = ["azote-plan: %s, %s of electrolysis, %.4g C, %.4g mL of electrolyte; %s gas, %s%s" %
             (p["cell"], fmt_time(p["duration_s"]), p["charge_C"], p["electrolyte_volume_m3"] * 1e6, "15N2" if p["labelled"] else "14N2",
              g["mode"], "" if g["mode"] == "recirculation" else " at %.4g sccm" % (g["flow_standard_m3_s"] * 6e7))]
    for name, q in p["products"].items():
        lines.append("  %s: %.4g umol made, %.4g umol in the electrolyte (%.4g umol/L)%s" %
                     (name, q["made_mol"] * 1e6, q["in_electrolyte_mol"] * 1e6, q["concentration_umol_L"],
                      "; %.3g umol to the gas (trap: %.4g umol/L)" % (q["to_gas_mol"] * 1e6, q["trap_concentration_umol_L"])
                      if q["trap_concentration_umol_L"] is not None else ""))
        for a in q["assays"].values():
            lines.append("    %-58s LOD %7.3g umol/L: %8.3g x LOD; %.3g x LOD after %s (%.3g C)%s" %
                         (a["label"][:58], a["lod_mol_L"] * 1e6, a["times_lod"], v["margin_detection"], fmt_time(a["time_to_margin_s"]),
                          a["charge_to_margin_C"], "" if a["verified"] else " [LOD unverified]"))
    lines.append("  gas: %.4g mmol N2 = %.4g mL at 0 C, 1 atm%s" %
                 (g["n2_mol"] * 1e3, g["n2_litres_standard"] * 1e3, "; cost %.4g at %.4g per L" % (g["cost"], g["price_per_litre"])
                  if g["cost"] is not None else ""))
    for name, r in v["products"].items():
        q = p["products"][name]
        if p["labelled"]:
            lines.append("  %s: worst-case labelled contamination %.4g umol (%.3g-%.3g umol over Dabundo et al.'s lots): product / "
                         "contamination = %.3g (need %.3g)" % (name, q["contamination_mol"] * 1e6, q["contamination_low_mol"] * 1e6,
                                                              q["contamination_mol"] * 1e6, r["product_over_contamination"], v["margin_contamination"]))
        why = []
        if not r["detected"]:
            why.append("%.3g x the %s LOD, under %.3g (needs %s)" % (r["times_lod"], r["assay"], v["margin_detection"], fmt_time(r["time_needed_s"])))
        if not r["above_contamination"]:
            fix = "the gas must carry under %.3g umol NH4+/NOx per mol" % (r["max_contamination_per_mol"] * 1e6)
            if "max_gas_flow_standard_m3_s" in r:
                fix += ", or flow under %.3g sccm, or recirculate" % (r["max_gas_flow_standard_m3_s"] * 6e7)
            why.append("the gas could bring %.3g times the product (%s)" % (1 / r["product_over_contamination"], fix))
        lines.append("  verdict (%s): %s" % (name, "PASS" if r["pass"] else "FAIL: " + "; ".join(why)))
    return "\n".join(lines)


def plot(p, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import azstyle  # the atomic figure writer
    fig, axes = plt.subplots(1, len(p["products"]), figsize=(7 * len(p["products"]), 4.5), squeeze=False)
    t = [x / 3600 for x in p["times_s"]]
    frac = [x / p["times_s"][-1] for x in p["times_s"]]
    for ax, (name, q) in zip(axes[0], p["products"].items()):
        ax.plot(t, q["series_concentration_umol_L"], "k-", lw=2, label="%s in the electrolyte" % name)
        if q["series_trap_umol_L"]:
            ax.plot(t, q["series_trap_umol_L"], "k--", label="%s in the acid trap" % name)
        for i, (aname, a) in enumerate(q["assays"].items()):
            ax.axhline(a["needed_umol_L"], color="C%d" % i, ls=":", label="%.3g x LOD, %s" % (p["verdict"]["margin_detection"], aname))
        if p["labelled"] and q["contamination_mol"] > 0:
            vol = p["electrolyte_volume_m3"]
            hi = [q["contamination_mol"] * f / vol * 1e3 for f in frac] if p["gas"]["mode"] != "recirculation" else \
                [q["contamination_mol"] / vol * 1e3] * len(frac)
            lo = [x * q["contamination_low_mol"] / q["contamination_mol"] for x in hi]
            ax.fill_between(t, lo, hi, color="tab:red", alpha=0.25, label="worst-case 15N contamination (Dabundo et al. 2014 lots)")
        ax.set_yscale("log")
        ax.set_ylim(bottom=min(a["needed_umol_L"] for a in q["assays"].values()) / 30)
        ax.set_xlabel("time (h)")
        ax.set_ylabel("concentration (umol/L)")
        ax.set_title("%s: %s" % (name, "PASS" if p["verdict"]["products"][name]["pass"] else "FAIL"))
        ax.legend(fontsize=7)
    fig.tight_layout()
    azstyle.save(fig, path, dpi=110)
    plt.close(fig)


def write_atomic(path, text):
    tmp = "%s.%d.partial" % (path, os.getpid())
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def load(d):
    try:
        s = json.load(open(os.path.join(d, "summary.json")))
    except OSError:
        die("%s/summary.json is missing: azote-plan plans from a single run (not a sweep or an uncertainty study)" % d)
    series = None
    if os.path.exists(os.path.join(d, "timeseries.csv")) and s.get("transient"):
        series = list(csv.DictReader(open(os.path.join(d, "timeseries.csv"))))
    return s, series


def main(argv, azote=None):
    quiet = "--quiet" in argv
    argv = [a for a in argv if a != "--quiet"]
    np_ = 1
    if "--np" in argv:
        i = argv.index("--np")
        np_ = int(argv[i + 1])
        del argv[i:i + 2]
    if "--from" in argv:
        d = argv[argv.index("--from") + 1]
    else:
        if "-case" not in argv:
            die("usage: azote-plan -case CASE.yaml [-KEY VALUE ...] [--np N] [--quiet], or azote-plan --from RUN_DIR")
        cmd = (["mpiexec", "-n", str(np_)] if np_ > 1 else []) + [azote or "azote"] + [a for a in argv if a != "-quiet"]
        r = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
        if not quiet:
            sys.stdout.write(r.stdout)
        if r.returncode:
            return r.returncode  # azote said why, on stderr
        found = re.search(r"results in (.*)/ \(summary\.json", r.stdout)
        if not found:
            die("azote ran but did not write a single run's results (a sweep or an uncertainty study cannot be planned)")
        d = found.group(1)
    s, series = load(d)
    p = plan(s, series)
    write_atomic(os.path.join(d, "plan.json"), json.dumps(p, indent=2, default=lambda x: None, allow_nan=True)
                 .replace("Infinity", "null").replace("NaN", "null") + "\n")
    plot(p, os.path.join(d, "plan.png"))
    if not quiet:
        print(report(p))
        print("azote-plan: plan in %s/ (plan.json, plan.png)" % d)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], os.environ.get("AZOTE")))
