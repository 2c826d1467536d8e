"""The ionic model in time in the H-cell (cases/hcell-ph.yaml, solver/npbulk.c): each compartment's bulk pH over an hour
against closed forms of a titration, the membrane's H+ share, and the conservation of every element and of charge.

1. Conservation, every row of timeseries.csv: every element but H and O (N, Na, S, P) made by the electrodes equals
   what both compartments gained (element_balance_rel), each compartment is electroneutral (charge_balance_rel), and
   the ammonia made is in the cell (nh3_balance_rel), all below 1e-10.
2. Unbuffered 0.1 M Na2SO4 (the shipped case): the catholyte is titrated by the membrane's cations. Every electron
   of the cathode takes one H+ or gives one OH- (either way one unit of base), and the membrane brings the same
   charge as the anolyte's cations: Na+ (base, with the OH-) and H+ (which neutralises it). So after charge Q the
   catholyte holds Na_in = Q/F - H_membrane more Na+ (a strong base) with its sulfate and the ammonia made, and its pH
   is the root of the charge balance
       Na + H + NH4 = 2 SO4 + HSO4 + OH,  HSO4 = S h/(h + K_s), NH4 = N h/(h + K_a), OH = K_w/h,
   the closed form of a strong-base titration of Na2SO4 with the NH4+/NH3 and HSO4-/SO4^2- pairs. The anolyte, the
   other way: it keeps Q/F - H_membrane of acid (water oxidation's H+ less what crossed) and loses Na_in. The
   constants are the model's own (from its bulk at t = 0: K = product of the reported equilibrium concentrations),
   the totals from the table (charge_C, h_membrane_mol, the ammonia columns). Checked at every row: catholyte within
   1e-3 pH (it rises 2.7), anolyte within 1e-3 (it falls 3.7).
3. The membrane's H+ share: over each step, d(H_membrane)/dt = (I/F) D_H c_H / sum_cations(z^2 D c) of the
   anolyte (an ideal cation exchanger carrying the current as the anolyte's cations in proportion to their
   conductance): the step's increment against the trapezoid of that rate at its two ends, within 2 % (Heun's
   predictor state is not in the table; the rate changes 60 % over the hour).
4. 0.1 M sodium phosphate buffer (PBS:0.1): Henderson-Hasselbalch. The same base Na_in moves HPO4^2-/H2PO4^- and
   pH(t) - pH(0) = log10(HPO4_t/H2PO4_t) - log10(HPO4_0/H2PO4_0) with HPO4 = Na + NH4 + h - OH - P - 2 PO4 ...: the
   charge balance with the three phosphate equilibria, NH4+ and water, solved for h, compared as the pH change (the
   constants' rounding cancels) within 1 % of it (it is 0.015: a buffer capacity 180 times the unbuffered one's).
5. The bulk pH reported (ph_bulk) is the catholyte's, and the first row is the steady Nernst layer of time_end 0."""
import csv
import math
import os

from azrun import case, check, finish, run, summary, tmpdir

F = 96485.33212


def table(d):
    with open(os.path.join(d, "timeseries.csv")) as f:
        return [{k: float(v) for k, v in r.items()} for r in csv.DictReader(f)]


def root(f, lo=1e-16, hi=1e3):
    """The root of an increasing f(h) for h in mol/m^3, bisected in log h."""
    a, b = math.log(lo), math.log(hi)
    check(f(lo) < 0 < f(hi), "closed form: no root bracketed")
    for _ in range(200):
        m = 0.5 * (a + b)
        if f(math.exp(m)) < 0:
            a = m
        else:
            b = m
    return math.exp(0.5 * (a + b))


def ph(h):
    return -math.log10(h / 1e3)


def solve(args):
    d = tmpdir()
    run(["-case", case("hcell-ph.yaml"), "-output_dir", d, "-quiet"] + args)
    return summary(d), table(d)


def conservation(name, rows):
    for r in rows:
        for k in ("element_balance_rel", "charge_balance_rel", "nh3_balance_rel"):
            check(r[k] < 1e-10, "%s t = %g s: %s = %.3g (limit 1e-10)" % (name, r["time_s"], k, r[k]))
    print("%s: element, charge and NH3 balances <= %.2g, %.2g, %.2g over %d rows" %
          (name, max(r["element_balance_rel"] for r in rows), max(r["charge_balance_rel"] for r in rows),
           max(r["nh3_balance_rel"] for r in rows), len(rows)))


s, rows = solve([])
ion = s["electrolyte_ionic"]["species"]
cb = {k: v["c_bulk_mol_m3"] for k, v in ion.items()}
V = s["cell_info"]["catholyte_volume_m3"]
Va = s["cell_info"]["anolyte_volume_m3"]
Kw = 10 ** -s["electrolyte_ionic"]["pKw"] * 1e6  # (mol/m^3)^2
Ka = cb["NH3"] * cb["H+"] / cb["NH4+"]  # mol/m^3
Ks = cb["SO4^2-"] * cb["H+"] / cb["HSO4-"]
Na0, S0, N0 = cb["Na+"], cb["SO4^2-"] + cb["HSO4-"], cb["NH3"] + cb["NH4+"]
conservation("Na2SO4", rows)
check(abs(rows[0]["ph_bulk"] - ph(cb["H+"])) < 1e-9, "t = 0: ph_bulk %.6f is not the bulk's %.6f" % (rows[0]["ph_bulk"], ph(cb["H+"])))
worst = [0, 0]
for r in rows:
    base = r["charge_C"] / F - r["h_membrane_mol"]  # mol: Na+ in (cathode side), acid kept (anode side)
    # catholyte: Na0 V + base of Na+, its sulfate, the ammonia in it
    Na, N = Na0 + base / V, r["c_nh3_catholyte_umol_L"] * 1e-3
    h = root(lambda h: Na + h + N * h / (h + Ka) - (2 * S0 - S0 * h / (h + Ks)) - Kw / h)
    worst[0] = max(worst[0], abs(ph(h) - r["ph_bulk"]))
    check(abs(ph(h) - r["ph_bulk"]) < 1e-3, "t = %g s: catholyte pH %.5f, titration %.5f" % (r["time_s"], r["ph_bulk"], ph(h)))
    # anolyte: Na0 Va - base of Na+, the ammonia that crossed
    Na, N = Na0 - base / Va, N0 + r["nh3_crossed_umol"] * 1e-6 / Va
    h = root(lambda h: Na + h + N * h / (h + Ka) - (2 * S0 - S0 * h / (h + Ks)) - Kw / h)
    worst[1] = max(worst[1], abs(ph(h) - r["ph_anolyte"]))
    check(abs(ph(h) - r["ph_anolyte"]) < 1e-3, "t = %g s: anolyte pH %.5f, titration %.5f" % (r["time_s"], r["ph_anolyte"], ph(h)))
last = rows[-1]
print("Na2SO4: after %g s (%.4g C) catholyte pH %.4f -> %.4f, anolyte %.4f; titration closed forms within %.2g and %.2g" %
      (last["time_s"], last["charge_C"], rows[0]["ph_bulk"], last["ph_bulk"], last["ph_anolyte"], worst[0], worst[1]))
check(last["ph_bulk"] > 10.5 and last["ph_anolyte"] < 4.5, "the hour should turn the catholyte alkaline and the anolyte acid")
# the potential's SHE value is on the RHE of the bulk at t = 0 (the case's scale), not of the catholyte at the end
e, slope = s["electrode"], 8.314462618 * 298.15 * math.log(10) / F
want = -0.2 - slope * rows[0]["ph_bulk"]
check(abs(e["potential_V_SHE"] - want) < 1e-9, "potential_V_SHE %.6f V, want -0.2 - %.5f x pH(t = 0) %.4f = %.6f V" %
      (e["potential_V_SHE"], slope, rows[0]["ph_bulk"], want))

# 3. the membrane's H+ share of the current
A = s["cell_info"]["electrode_area_m2"]
D = {k: v["D_m2_s"] for k, v in ion.items()}


def h_rate(r):
    h = 10 ** -r["ph_anolyte"] * 1e3
    base = r["charge_C"] / F - r["h_membrane_mol"]
    Na, N = Na0 - base / Va, N0 + r["nh3_crossed_umol"] * 1e-6 / Va
    nh4 = N * h / (h + Ka)
    return r["i_total_A_m2"] * A / F * D["H+"] * h / (D["H+"] * h + D["Na+"] * Na + D["NH4+"] * nh4)


for a, b in zip(rows, rows[1:]):
    got = b["h_membrane_mol"] - a["h_membrane_mol"]
    want = 0.5 * (b["time_s"] - a["time_s"]) * (h_rate(a) + h_rate(b))
    check(abs(got - want) <= 0.02 * want, "t = %g s: the membrane carried %.5g mol of H+, its share gives %.5g" % (b["time_s"], got, want))
print("membrane: %.4g mol of H+ in the hour (%.2g %% of the charge), each step within 2 %% of its conductance share" %
      (last["h_membrane_mol"], 100 * last["h_membrane_mol"] * F / last["charge_C"]))

# 4. phosphate buffer: Henderson-Hasselbalch
s, rows = solve(["-electrolyte", "PBS:0.1"])
conservation("PBS", rows)
cb = {k: v["c_bulk_mol_m3"] for k, v in s["electrolyte_ionic"]["species"].items()}
K1 = cb["H2PO4-"] * cb["H+"] / cb["H3PO4"]
K2 = cb["HPO4^2-"] * cb["H+"] / cb["H2PO4-"]
K3 = cb["PO4^3-"] * cb["H+"] / cb["HPO4^2-"]
Ka = cb["NH3"] * cb["H+"] / cb["NH4+"]
Na0, P0 = cb["Na+"], cb["H3PO4"] + cb["H2PO4-"] + cb["HPO4^2-"] + cb["PO4^3-"]


def buffer_ph(Na, N):
    def balance(h):
        d = h ** 3 + K1 * h * h + K1 * K2 * h + K1 * K2 * K3
        anions = P0 * (K1 * h * h + 2 * K1 * K2 * h + 3 * K1 * K2 * K3) / d
        return Na + h + N * h / (h + Ka) - anions - Kw / h
    return ph(root(balance))


ph0 = buffer_ph(Na0, cb["NH3"] + cb["NH4+"])
for r in rows[1:]:
    base = r["charge_C"] / F - r["h_membrane_mol"]
    want = buffer_ph(Na0 + base / V, r["c_nh3_catholyte_umol_L"] * 1e-3) - ph0
    got = r["ph_bulk"] - rows[0]["ph_bulk"]
    check(abs(got - want) <= 0.01 * abs(want), "PBS t = %g s: pH change %.6f, Henderson-Hasselbalch %.6f" % (r["time_s"], got, want))
print("PBS: pH %.4f -> %.4f in the hour (Henderson-Hasselbalch: %+.5f, model %+.5f)" %
      (rows[0]["ph_bulk"], rows[-1]["ph_bulk"], want, got))
finish()
