"""Every shipped case, and variants that reach every kinetic path (electrolyte potential, galvanostatic, limiting, ORR,
N2OR, another temperature, a fractional order, the H-cell at steady state and in time with the potential, a sweep),
gives the metrics stored in stored/metrics.json to 1e-12 relative: the results of the code before the species and
reaction tables (commit 6e93305). The few results the reversible kinetics change on purpose are listed in
stored/metrics.json's "changed" section with the value they now take and why (README, "What reversible kinetics
change"); they are held to that value instead. Runs added later (the designs of issue 21) are stored as first computed, with why
in "added".

usage: stored_metrics.py                      compare (the CTest test)
       stored_metrics.py --update             rewrite the "before" values from the build in $AZOTE (never for a change
                                              of results: those are accepted one run at a time, with the reason)
       stored_metrics.py --accept RUN REASON  store RUN's values that now differ in "changed", with REASON; a RUN not
                                              stored yet (a new case) gets its first values, REASON in "added"
"""
import csv
import json
import math
import os
import sys

from azrun import case, check, finish, run, summary, tmpdir

STORE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stored", "metrics.json")
RTOL = 1e-12
# round-off-sized quantities: compared absolutely (their size is the round-off of the balances they measure)
ROUNDOFF = {"mass_balance_rel": 1e-10, "charge_balance_rel": 1e-10, "nh3_balance_rel": 1e-10, "no3_balance_rel": 1e-10,
            "element_balance_rel": 1e-10,
            # 1 - c_surf/c_bulk: c_surf's round-off (1e-16 relative) becomes absolute here
            "depletion": 1e-12}

# Quantities whose own reproducibility is coarser than 1e-12, measured: the GDE's N2OR limiting solve ends at the
# Newton floor of its gas layers (diffusive terms 1e8 times the reaction's), and started from two different states it
# gives limits 7e-11 apart; its ratios follow it.
TOLERANCE = {("gde_n2or", "metrics.i_lim_n2or_A_m2"): 1e-9, ("gde_n2or", "metrics.damkohler"): 1e-9,
             ("gde_n2or", "metrics.sherwood"): 1e-9}

# name: (case file, extra keys)
RUNS = {
    "flowcell": ("flowcell.yaml", []),
    "flowcell-3d": ("flowcell-3d.yaml", ["-mesh_nx", "60", "-mesh_ny", "16", "-mesh_nz", "12"]),
    "gde": ("gde.yaml", []),
    "hcell": ("hcell.yaml", []),
    "fullcell-her-n2or": ("fullcell-her-n2or.yaml", []),
    "fullcell-n2rr-n2or": ("fullcell-n2rr-n2or.yaml", []),
    "fullcell-n2rr-oer": ("fullcell-n2rr-oer.yaml", []),
    "fullcell-orr-n2or": ("fullcell-orr-n2or.yaml", []),
    "flowcell_potential": ("flowcell.yaml", ["-electrolyte_potential", "true"]),
    "flowcell_galvanostatic": ("flowcell.yaml", ["-electrode_mode", "galvanostatic", "-electrode_current", "10"]),
    "flowcell_limiting": ("flowcell.yaml", ["-electrode_mode", "limiting"]),
    "flowcell_orr": ("flowcell.yaml", ["-electrode_reaction", "orr", "-gas_composition", "O2:1", "-electrode_potential", "0.6"]),
    "flowcell_n2or": ("flowcell.yaml", ["-electrode_reaction", "n2or", "-electrode_potential", "1.6"]),
    "flowcell_hot": ("flowcell.yaml", ["-operating_temperature", "333.15"]),
    "flowcell_order": ("flowcell.yaml", ["-kinetics_n2rr_order", "0.5"]),
    "gde_potential": ("gde.yaml", ["-electrolyte_potential", "true"]),
    "gde_n2or": ("gde.yaml", ["-electrode_reaction", "n2or", "-electrode_potential", "1.6"]),
    "hcell_steady": ("hcell.yaml", ["-time_end", "0"]),
    "hcell_potential": ("hcell.yaml", ["-electrolyte_potential", "true", "-time_end", "60", "-time_output_interval", "30",
                                       "-mesh_nx", "60", "-mesh_ny", "16"]),
    "sweep": ("sweep-pressure-flow.yaml", ["-sweep_operating_pressure", "1e5,4e5", "-sweep_flowcell_flow_rate", "1.6667e-10,1.6667e-8"]),
    # the designs of issue 21, stored as first computed (after main's reversible kinetics; "added" says so)
    "membraneflow": ("membraneflow.yaml", []),
    "membraneflow_gde": ("membraneflow.yaml", ["-membraneflow_cathode", "gde", "-membraneflow_saturation", "0.3",
                                               "-membraneflow_spacer_thickness", "1e-4"]),
    "tubular": ("tubular.yaml", []),
    "tubular_annulus_orr": ("tubular.yaml", ["-tubular_electrolyte", "annulus", "-electrode_reaction", "orr", "-gas_composition", "O2:1",
                                             "-electrode_potential", "0.6", "-electrolyte_potential", "true"]),
    "gde-fullcell-orr-n2or": ("gde-fullcell-orr-n2or.yaml", []),
    "hcell-orr-n2or": ("hcell-orr-n2or.yaml", ["-time_end", "60", "-time_output_interval", "30"]),
    # issue 17: the ionic model in time (its closed-form checks: verification/hcell_ph)
    "hcell-ph": ("hcell-ph.yaml", []),
    # issue 17: the GDE with its ions (electrolyte_model tertiary), stored as first computed
    "gde-ph": ("gde-ph.yaml", []),
}


def numbers(prefix, obj, out):
    """Flattens the numbers of a JSON object: {"a": {"b": 1}} -> {"prefix.a.b": 1}."""
    for k, v in obj.items():
        if isinstance(v, dict):
            numbers(prefix + k + ".", v, out)
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            out[prefix + k] = float(v)
    return out


def results(name, outdir):
    """The numbers a run is held to: its metrics, electrode/cell/transient sections, and a sweep's table."""
    if name == "sweep":
        out = {}
        with open(os.path.join(outdir, "sweep.csv")) as f:
            for i, row in enumerate(csv.DictReader(f)):
                for k, v in row.items():
                    if k == "wall_s":  # a timing
                        continue
                    try:
                        out["row%d.%s" % (i, k)] = float(v)
                    except ValueError:
                        pass
        return out
    s = summary(outdir)
    out = {}
    for sec in ("metrics", "electrode", "full_cell", "transient", "cell_info", "products"):  # the last two: runs added later
        if isinstance(s.get(sec), dict):
            numbers(sec + ".", s[sec], out)
    return out


def close(name, key, a, b):
    base = key.split(".")[-1]
    if base in ROUNDOFF:
        return abs(a - b) <= ROUNDOFF[base]
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b or abs(a - b) <= TOLERANCE.get((name, key), RTOL) * max(abs(a), abs(b))


def main():
    update = "--update" in sys.argv
    accept = sys.argv[sys.argv.index("--accept") + 1:sys.argv.index("--accept") + 3] if "--accept" in sys.argv else None
    store = json.load(open(STORE)) if os.path.exists(STORE) else {"before": {}, "changed": {}}
    out = tmpdir()
    for name, (case_file, keys) in RUNS.items():
        if accept and name != accept[0]:
            continue
        d = os.path.join(out, name)
        run(["-case", case(case_file), "-output_dir", d, "-quiet"] + keys)
        got = results(name, d)
        if update:
            store["before"][name] = got
            continue
        want = store["before"].get(name)
        if accept and want is None:  # a new run: its first values, with the reason they are what they are
            store["before"][name] = got
            store.setdefault("added", {})[name] = accept[1]
            continue
        if not check(want is not None, "%s: no stored values (a new run: --accept %s REASON)" % (name, name)):
            continue
        changed = store["changed"].get(name, {})
        if accept:
            for key, v in want.items():
                if key in got and not close(name, key, changed[key]["now"] if key in changed else v, got[key]):
                    why = changed[key]["why"] + "; and " + accept[1] if key in changed else accept[1]
                    changed[key] = {"before": v, "now": got[key], "why": why}
            store["changed"][name] = changed
            continue
        for key, v in want.items():
            if key in changed:
                v = changed[key]["now"]
            if not check(key in got, "%s: %s is no longer reported" % (name, key)):
                continue
            check(close(name, key, got[key], v), "%s: %s = %.17g, stored %.17g (rel. diff. %.3g)"
                  % (name, key, got[key], v, abs(got[key] - v) / max(abs(v), 1e-300)))
    if update or accept:
        os.makedirs(os.path.dirname(STORE), exist_ok=True)
        with open(STORE, "w") as f:
            json.dump(store, f, indent=1, sort_keys=True)
        print("wrote", STORE)
    finish()


main()
