#!/usr/bin/python3
"""Uncertainty studies of azote (solver/uq.c runs this; docs/uq.md): the design of the samples and their statistics,
with OpenTURNS.

  azuq.py design  DIR   reads DIR/uq_inputs.json, writes DIR/uq_design.csv (one row per sample: the inputs' values)
  azuq.py analyse DIR   reads DIR/uq_inputs.json and DIR/sweep.csv (the samples run on the sweep engine), writes
                        DIR/uncertainty.json, DIR/tornado.png and DIR/uq_convergence.png, prints the table
  [--quiet]             no table

Inputs are independent; each has the key's value in the case as its mean and a relative standard deviation sigma:
normal N(m, sigma |m|); lognormal with that mean and standard deviation; uniform on m +- sqrt(3) sigma |m|.
Design: a Sobol sequence with a random shift (Cranley-Patterson rotation; OpenTURNS LowDiscrepancyExperiment with
randomisation, seeded by uq_seed) or a Latin hypercube (LHSExperiment), mapped to the marginals by their quantile
functions. Statistics, over the samples that ran (failed samples are listed, never averaged in): mean, standard
deviation (n - 1), the 5/50/95 % empirical quantiles (OpenTURNS Sample), and the first-order and total Sobol indices
of a polynomial-chaos surrogate fitted by least squares on the same samples (LARS selection, corrected leave-one-out;
Blatman & Sudret, J. Comput. Phys. 230, 2345 (2011); OpenTURNS FunctionalChaosAlgorithm and
FunctionalChaosSobolIndices): no extra runs. The fit's relative error as OpenTURNS reports it
(FunctionalChaosResult.getRelativeErrors: squared residuals over the variance) goes with the indices: they are only as
good as the fit; it is optimistic (on the default flow cell it reports 6e-12 where fitting 128 samples and predicting
the other 128 gives 4e-10). The surrogate's own mean and standard deviation (mean_pce, sigma_pce:
its exact moments over the input distribution) are given too: where it fits well they carry far less sampling error
than the sample's (a product of three inputs: 0.1 % against 6 % with 64 samples, tests/verification/uq_leveque.py). Convergence: the percentiles of the first n samples for n = 8, 16, ..., N
(any first 2^k points of a Sobol sequence are balanced), and a bootstrap 95 % interval of each at N.
"""
import csv
import json
import math
import os
import sys

import numpy as np
import openturns as ot

ot.Log.Show(ot.Log.NONE)  # the LARS selection warns of every coefficient it drops
ot.TBB.Disable()  # one thread: started from an MPI rank bound to one core, TBB would warn that it has no workers

# metrics that are the solver's own residuals, not outputs of the cell: their spread is round-off
NUMERICAL = {"mass_balance_rel"}
# the panels of the tornado plot, in this order, where present and not constant
TORNADO = ["i_n2rr_A_m2", "i_n2or_A_m2", "i_orr_A_m2", "i_lim_n2rr_A_m2", "i_lim_n2or_A_m2", "i_lim_orr_A_m2", "fe_nh3", "fe_no3",
           "nh3_rate_ug_h_cm2", "no3_rate_ug_h_cm2", "depletion", "c_bulk_mol_m3", "c_surf_mean_mol_m3"]


def die(msg, code=1):
    sys.stderr.write("azuq: error: %s\n" % msg)
    sys.exit(code)


def write_atomic(path, text, binary=False):
    tmp = "%s.%d.partial" % (path, os.getpid())  # unique: jobs of an array share the directory
    with open(tmp, "wb" if binary else "w") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def read_inputs(d):
    with open(os.path.join(d, "uq_inputs.json")) as f:
        return json.load(f)


def marginal(spec):
    """The OpenTURNS distribution of one input: mean nominal, relative standard deviation sigma_rel."""
    m, s = spec["nominal"], spec["sigma_rel"] * abs(spec["nominal"])
    kind = spec["distribution"]
    if kind == "normal":
        return ot.Normal(m, s)
    if kind == "lognormal":
        return ot.LogNormalMuSigma(m, s, 0.0).getDistribution()
    if kind == "uniform":
        h = math.sqrt(3.0) * s
        return ot.Uniform(m - h, m + h)
    die("input %s: unknown distribution %s" % (spec, kind))


def joint(inputs):
    return ot.ComposedDistribution([marginal(v) for v in inputs["inputs"].values()])


def design(d):
    inp = read_inputs(d)
    keys = list(inp["inputs"])
    dist = joint(inp)
    n = int(inp["samples"])
    ot.RandomGenerator.SetSeed(int(inp["seed"]))
    if inp["design"] == "sobol":
        exp = ot.LowDiscrepancyExperiment(ot.SobolSequence(len(keys)), dist, n, False)
        exp.setRandomize(True)
    else:
        exp = ot.LHSExperiment(dist, n)
    x = np.array(exp.generate())
    lines = [",".join(keys)] + [",".join("%.17g" % v for v in row) for row in x]
    write_atomic(os.path.join(d, "uq_design.csv"), "\n".join(lines) + "\n")


def read_samples(d, keys):
    with open(os.path.join(d, "sweep.csv")) as f:
        rows = list(csv.DictReader(f))
    header = list(rows[0].keys()) if rows else []
    metrics = header[header.index("wall_s") + 1:header.index("error")] if "wall_s" in header else []
    rows.sort(key=lambda r: int(r["point"]))
    return rows, metrics


def stats_of(y):
    s = ot.Sample([[v] for v in y])
    return {"mean": s.computeMean()[0], "sigma": s.computeStandardDeviation()[0],
            "p05": s.computeQuantilePerComponent(0.05)[0], "p50": s.computeQuantilePerComponent(0.5)[0],
            "p95": s.computeQuantilePerComponent(0.95)[0]}


def chaos(dist, x, y):
    """Sparse polynomial chaos of the columns of y over the inputs x (least squares, LARS, corrected leave-one-out)."""
    dim, n = x.getDimension(), x.getSize()
    marg = [dist.getMarginal(i) for i in range(dim)]
    basis = ot.OrthogonalProductPolynomialFactory([ot.StandardDistributionPolynomialFactory(ot.AdaptiveStieltjesAlgorithm(m)) for m in marg],
                                                  ot.LinearEnumerateFunction(dim))
    enum = basis.getEnumerateFunction()
    degree = 1
    while degree < 4 and enum.getStrataCumulatedCardinal(degree + 1) <= n // 2:
        degree += 1
    size = enum.getStrataCumulatedCardinal(degree)
    select = ot.LeastSquaresMetaModelSelectionFactory(ot.LARS(), ot.CorrectedLeaveOneOut())
    algo = ot.FunctionalChaosAlgorithm(x, y, dist, ot.FixedStrategy(basis, size), ot.LeastSquaresStrategy(x, y, select))
    algo.run()
    return algo.getResult(), degree


def bootstrap_halfwidth(y, q, reps=200, seed=0):
    """Relative half-width of the bootstrap 95 % interval of the q-quantile of y."""
    rng = np.random.default_rng(seed)
    y = np.asarray(y)
    est = np.quantile(y[rng.integers(0, len(y), (reps, len(y)))], q, axis=1)
    lo, hi = np.quantile(est, [0.025, 0.975])
    ref = abs(np.quantile(y, q))
    return float((hi - lo) / 2 / ref) if ref > 0 else float("nan")


def jsonable(v):
    """Plain JSON: numbers as floats, non-finite ones as null."""
    if isinstance(v, dict):
        return {k: jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [jsonable(x) for x in v]
    if isinstance(v, (bool, str)) or v is None:
        return v
    if isinstance(v, (int, np.integer)):
        return int(v)
    v = float(v)
    return v if math.isfinite(v) else None


def analyse(d, quiet):
    inp = read_inputs(d)
    keys = list(inp["inputs"])
    dist = joint(inp)
    rows, metrics = read_samples(d, keys)
    ok = [r for r in rows if r["status"] == "ok"]
    failed = [{"sample": int(r["point"]), "inputs": {k: float(r[k]) for k in keys}, "error": r["error"]} for r in rows if r["status"] != "ok"]
    if len(ok) < 4:
        die("%d of %d samples ran (%d failed): too few for statistics; the errors are in %s/sweep.csv" %
            (len(ok), len(rows), len(failed), d))
    x = ot.Sample([[float(r[k]) for k in keys] for r in ok])
    out = {"samples": len(rows), "ok": len(ok), "failed": failed, "design": inp["design"], "seed": inp["seed"], "inputs": inp["inputs"],
           "metrics": {}}
    varying, cols = [], []
    for m in metrics:
        y = [float(r[m]) for r in ok]
        if not all(math.isfinite(v) for v in y):
            continue
        st = stats_of(y)
        st["n"] = len(y)
        spread = st["sigma"] / abs(st["mean"]) if st["mean"] != 0 else st["sigma"]
        st["constant"] = bool(spread < 1e-9)
        st["numerical"] = m in NUMERICAL
        out["metrics"][m] = st
        if not st["constant"] and m not in NUMERICAL:
            varying.append(m)
            cols.append(y)
    result = None
    if varying:
        y = ot.Sample(np.array(cols).T)
        result, degree = chaos(dist, x, y)
        sobol = ot.FunctionalChaosSobolIndices(result)
        err = result.getRelativeErrors()
        vec = ot.FunctionalChaosRandomVector(result)
        pmean, pcov = vec.getMean(), vec.getCovariance()
        for j, m in enumerate(varying):
            st = out["metrics"][m]
            st["sobol_first"] = {k: max(0.0, sobol.getSobolIndex(i, j)) for i, k in enumerate(keys)}
            st["sobol_total"] = {k: max(0.0, sobol.getSobolTotalIndex(i, j)) for i, k in enumerate(keys)}
            st["pce_relative_error"] = err[j]
            st["mean_pce"] = pmean[j]
            st["sigma_pce"] = math.sqrt(max(pcov[j, j], 0.0))
        out["pce"] = {"degree": degree, "terms_max": int(basis_size(dist, degree)),
                      "note": "Sobol indices of a sparse polynomial chaos fitted on the samples (least squares, LARS, corrected "
                              "leave-one-out); pce_relative_error is the fit's relative error as OpenTURNS reports it (residuals over the "
                              "variance; optimistic)"}
    for m, st in out["metrics"].items():
        if "sobol_first" not in st:
            st["sobol_first"] = {k: 0.0 for k in keys}
            st["sobol_total"] = {k: 0.0 for k in keys}
            st["pce_relative_error"] = st["mean_pce"] = st["sigma_pce"] = None
    convergence(out, ok, varying)
    text = json.dumps(jsonable(out), indent=2, allow_nan=False)
    write_atomic(os.path.join(d, "uncertainty.json"), text + "\n")
    plots(d, out, result, dist, keys, varying)
    if not quiet:
        table(out, keys)


def basis_size(dist, degree):
    return ot.LinearEnumerateFunction(dist.getDimension()).getStrataCumulatedCardinal(degree)


def convergence(out, ok, varying):
    """The percentiles of the first n samples (by sample index) for n = 8, 16, ..., N, and how many give 1 %."""
    ns = []
    n = 8
    while n < out["samples"]:
        ns.append(n)
        n *= 2
    ns.append(out["samples"])
    conv = {"n": ns, "metrics": {}}
    for m in varying:
        series = {q: [] for q in ("p05", "p50", "p95")}
        for n in ns:
            y = [float(r[m]) for r in ok if int(r["point"]) < n]
            s = ot.Sample([[v] for v in y]) if len(y) >= 2 else None
            for q, p in (("p05", 0.05), ("p50", 0.5), ("p95", 0.95)):
                series[q].append(s.computeQuantilePerComponent(p)[0] if s else float("nan"))
        final = {q: v[-1] for q, v in series.items()}
        stable = ns[-1]
        for i in range(len(ns) - 1, -1, -1):
            if all(abs(series[q][i] - final[q]) <= 0.01 * abs(final[q]) for q in series):
                stable = ns[i]
            else:
                break
        y = [float(r[m]) for r in ok]
        ci = {q: bootstrap_halfwidth(y, p) for q, p in (("p05", 0.05), ("p50", 0.5), ("p95", 0.95))}
        conv["metrics"][m] = dict(series, samples_within_1pct_of_final=stable, bootstrap_ci95_halfwidth_rel=ci)
        out["metrics"][m]["samples_for_1pct"] = stable
        out["metrics"][m]["percentile_ci95_rel"] = max(ci.values())
    out["percentile_convergence"] = conv


def dominant(st, keys):
    tot = st.get("sobol_total") or {}
    if not tot or not any(tot.values()):
        return "-"
    top = sorted(tot.items(), key=lambda kv: -kv[1])[:2]
    return ", ".join("%s %.2f" % (short(k), v) for k, v in top if v >= 0.005) or "-"


def short(k):
    return k.replace("props_", "").replace("_factor", "").replace("flowcell_", "").replace("kinetics_", "")


def table(out, keys):
    print("uncertainty: %d samples, %d ran, %d failed%s" % (out["samples"], out["ok"], len(out["failed"]),
                                                           " (not averaged in: see uncertainty.json)" if out["failed"] else ""))
    print("  %-24s %12s %8s %12s %12s %12s  %-5s  %s" % ("metric", "mean", "sigma %", "p05", "p50", "p95", "n(1%)", "dominant inputs (total Sobol)"))
    for m, st in out["metrics"].items():
        if st["constant"] or st["numerical"]:
            continue
        rel = 100 * st["sigma"] / abs(st["mean"]) if st["mean"] else float("nan")
        print("  %-24s %12.6g %8.3g %12.6g %12.6g %12.6g  %-5s  %s" % (m, st["mean"], rel, st["p05"], st["p50"], st["p95"],
                                                                  st.get("samples_for_1pct", "-"), dominant(st, keys)))
    sys.stdout.flush()


def plots(d, out, result, dist, keys, varying):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import azstyle  # the atomic figure writer
    panels = [m for m in TORNADO if m in varying][:6]
    if result is not None and panels:
        # the surrogate at each input's 5 % and 95 % quantile, the others at their means
        meta = result.getMetaModel()
        mean = dist.getMean()
        fig, axes = plt.subplots(len(panels), 1, figsize=(7.5, 1.2 + 0.45 * len(keys) * len(panels)), squeeze=False)
        for ax, m in zip(axes[:, 0], panels):
            j = varying.index(m)
            base = meta(mean)[j]
            bars = []
            for i, k in enumerate(keys):
                lo, hi = list(mean), list(mean)
                lo[i] = dist.getMarginal(i).computeQuantile(0.05)[0]
                hi[i] = dist.getMarginal(i).computeQuantile(0.95)[0]
                bars.append((k, meta(lo)[j] - base, meta(hi)[j] - base))
            bars.sort(key=lambda b: abs(b[2] - b[1]))
            for pos, (k, a, b) in enumerate(bars):
                ax.barh(pos, a, color="tab:blue")
                ax.barh(pos, b, color="tab:orange")
            ax.set_yticks(range(len(bars)))
            ax.set_yticklabels([short(b[0]) for b in bars], fontsize=8)
            ax.axvline(0, color="k", lw=0.8)
            ax.set_title("%s: %.4g at the means; 90 %% band %.4g to %.4g" % (m, base, out["metrics"][m]["p05"], out["metrics"][m]["p95"]),
                         fontsize=9)
            ax.set_xlabel("change from the value at the means (blue: input at its 5 %, orange: at its 95 % quantile)", fontsize=8)
        fig.subplots_adjust(left=0.2, right=0.97, top=1 - 0.35 / fig.get_figheight(), bottom=0.6 / fig.get_figheight(),
                            hspace=0.9 / (0.45 * len(keys)))
        azstyle.save(fig, os.path.join(d, "tornado.png"), dpi=110)
        plt.close(fig)
    conv = out.get("percentile_convergence", {})
    if panels and conv:
        fig, axes = plt.subplots(1, len(panels), figsize=(3.2 * len(panels), 3.0), squeeze=False)
        for ax, m in zip(axes[0], panels):
            c = conv["metrics"][m]
            for q in ("p05", "p50", "p95"):
                final = c[q][-1]
                ax.semilogx(conv["n"], [100 * (v / final - 1) for v in c[q]], "o-", ms=3, label=q)
            ax.axhspan(-1, 1, color="0.9")
            ax.set_xlabel("samples")
            ax.set_title(m, fontsize=8)
        axes[0][0].set_ylabel("percentile vs its value at N (%)")
        axes[0][0].legend(fontsize=7)
        fig.subplots_adjust(left=0.07, right=0.98, top=0.9, bottom=0.17, wspace=0.3)
        azstyle.save(fig, os.path.join(d, "uq_convergence.png"), dpi=110)
        plt.close(fig)


def main():
    args = [a for a in sys.argv[1:] if a != "--quiet"]
    if len(args) != 2 or args[0] not in ("design", "analyse"):
        die("usage: azuq.py design|analyse DIR [--quiet]", 2)
    try:
        (design if args[0] == "design" else lambda d: analyse(d, "--quiet" in sys.argv))(args[1])
    except OSError as e:
        die(str(e), 3)


if __name__ == "__main__":
    main()
