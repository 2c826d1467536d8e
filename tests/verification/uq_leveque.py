"""Uncertainty propagation against an analytic one (solver/uq.c, postproc/azuq.py; docs/uq.md).

In the Leveque regime the flow cell's limiting current is i_lim = K c* D^(2/3) Q^(1/3) (Leveque 1928; the thin
boundary-layer channel of verification/test_leveque, delta = 1.9 % of h). With independent inputs
    c* = c*0 f_c, f_c uniform, sigma 25 %    (props_henry_factor_n2)
    D  = D0 f_D,  f_D lognormal, sigma 35 %  (props_diffusivity_factor)
    Q  = Q0 q,    q normal, sigma 15 %        (flowcell_flow_rate)
(wide enough that the inputs interact: the first-order and total indices of c* and D differ by 0.028, more than the
tolerance, so that swapping them fails)
the output is a product Y = prod X_k of independent factors X_k = f_k^(a_k), so with m_k = E[X_k], v_k = Var X_k / m_k^2:
    E[Y] = prod m_k,  CV(Y)^2 = prod (1 + v_k) - 1,
    first-order Sobol S_k = v_k / (prod (1 + v_j) - 1),  total S_Tk = v_k prod_{j != k} (1 + v_j) / (prod (1 + v_j) - 1)
(the variance decomposition of a product of independent variables). Moments: uniform E f^2 = 1 + sigma^2; lognormal
with mean 1: ln f ~ N(-s^2/2, s^2), s^2 = ln(1 + sigma^2), v = exp(a^2 s^2) - 1; normal: Gauss-Hermite quadrature.

Checks, on a 128-sample study run by azote on 2 ranks:
  - the solver reproduces the law at every sample: a log-log fit gives the exponents 1, 2/3, 1/3 within 2e-3;
  - Sobol first-order and total indices (polynomial-chaos surrogate) within 0.005 of the analytic ones;
  - the surrogate's mean and sigma (sigma_pce) within 0.5 % of the analytic ones;
  - the sample mean, sigma, p05, p95 within 3 times their sampling error: the rms error of the same design (the
    randomly shifted Sobol sequence of 128 points) over 40 seeds, applied to the analytic law itself; the p05/p95
    references come from 400 000 Monte Carlo draws of the law.
"""
import csv
import json
import math
import os

import numpy as np
import openturns as ot

from azrun import case, check, finish, run, tmpdir

ot.Log.Show(ot.Log.NONE)
N = 128
SIG = {"props_henry_factor_n2": ("uniform", 0.25, 1.0), "props_diffusivity_factor": ("lognormal", 0.35, 2.0 / 3.0),
       "flowcell_flow_rate": ("normal", 0.15, 1.0 / 3.0)}
Q0 = 1e-6
LEVEQUE = ["-electrode_mode", "limiting", "-flowcell_height", "1e-3", "-flowcell_length", "0.01", "-flowcell_electrode_start", "0.005",
           "-flowcell_electrode_end", "0.007", "-flowcell_flow_rate", repr(Q0), "-flowcell_width", "0.01", "-mesh_nx", "120", "-mesh_ny", "32",
           "-output_fields", "false"]

d = tmpdir()
args = ["-case", case("flowcell.yaml"), "-quiet", "-output_dir", d, "-uq_samples", str(N), "-uq_seed", "7", "-uncertainty_defaults", "false"] + LEVEQUE
for k, (dist, s, _) in SIG.items():
    args += ["-uncertainty_%s_sigma" % k, repr(s), "-uncertainty_%s_distribution" % k, dist]
run(args, np=2)
u = json.load(open(os.path.join(d, "uncertainty.json")))
m = u["metrics"]["i_lim_n2rr_A_m2"]
rows = list(csv.DictReader(open(os.path.join(d, "sweep.csv"))))
check(u["ok"] == N and not u["failed"], "%d of %d samples ran" % (u["ok"], N))

# the solver follows the law at the samples
f = {k: np.array([float(r[k]) for r in rows]) / (Q0 if k == "flowcell_flow_rate" else 1) for k in SIG}
y = np.array([float(r["i_lim_n2rr_A_m2"]) for r in rows])
A = np.vstack([np.ones(N)] + [np.log(f[k]) for k in SIG]).T
expo = np.linalg.lstsq(A, np.log(y), rcond=None)[0][1:]
print("exponents of c*, D, Q at the samples: %.5f %.5f %.5f (1, 2/3, 1/3)" % tuple(expo))
check(all(abs(e - a) < 2e-3 for e, (_, _, a) in zip(expo, SIG.values())), "exponents %s" % expo)

# analytic propagation
x, w = np.polynomial.hermite_e.hermegauss(30)
w = w / w.sum()
v, mom = {}, {}
for k, (dist, s, a) in SIG.items():
    if dist == "uniform":
        h = math.sqrt(3) * s
        m1 = ((1 + h) ** (a + 1) - (1 - h) ** (a + 1)) / ((a + 1) * 2 * h)
        m2 = ((1 + h) ** (2 * a + 1) - (1 - h) ** (2 * a + 1)) / ((2 * a + 1) * 2 * h)
    elif dist == "lognormal":
        s2 = math.log(1 + s * s)
        m1, m2 = math.exp(-a * s2 / 2 + a * a * s2 / 2), math.exp(-a * s2 + 2 * a * a * s2)
    else:
        q = np.abs(1 + s * x)  # q < 0 has a probability of 1e-11 at sigma 15 %
        m1, m2 = float((w * q ** a).sum()), float((w * q ** (2 * a)).sum())
    mom[k] = m1
    v[k] = m2 / m1 ** 2 - 1
P = np.prod([1 + t for t in v.values()])
cv = math.sqrt(P - 1)
K = np.exp(np.linalg.lstsq(A, np.log(y), rcond=None)[0][0])  # the law's constant, from the solver
mean = K * np.prod(list(mom.values()))
print("analytic: mean %.6g, CV %.5f; sample: mean %.6g, CV %.5f; surrogate: mean %.6g, CV %.5f" %
      (mean, cv, m["mean"], m["sigma"] / m["mean"], m["mean_pce"], m["sigma_pce"] / m["mean_pce"]))
for k in SIG:
    S, ST = v[k] / (P - 1), v[k] * P / (1 + v[k]) / (P - 1)
    print("  %-26s S %.4f (analytic %.4f)  S_T %.4f (analytic %.4f)" % (k, m["sobol_first"][k], S, m["sobol_total"][k], ST))
    check(abs(m["sobol_first"][k] - S) < 5e-3 and abs(m["sobol_total"][k] - ST) < 5e-3, "Sobol indices of %s" % k)
dm, ds = m["mean_pce"] / mean - 1, m["sigma_pce"] / m["mean_pce"] / cv - 1
print("  surrogate against the analytic propagation: mean %+.2e, CV %+.2e (limit 5e-3)" % (dm, ds))
check(abs(dm) < 5e-3 and abs(ds) < 5e-3, "surrogate moments")

# sampling error of this design on the law itself, and percentile references
(_, sc, _), (_, sd, _), (_, sq, _) = SIG.values()
dist = ot.ComposedDistribution([ot.Uniform(1 - math.sqrt(3) * sc, 1 + math.sqrt(3) * sc), ot.LogNormalMuSigma(1, sd, 0).getDistribution(),
                                ot.Normal(1, sq)])
law = lambda X: K * X[:, 0] * X[:, 1] ** (2 / 3) * np.abs(X[:, 2]) ** (1 / 3)
ot.RandomGenerator.SetSeed(12345)
big = law(np.array(dist.getSample(400000)))
ref = {"mean": mean, "sigma": cv * mean, "p05": np.quantile(big, 0.05), "p95": np.quantile(big, 0.95)}
err = {q: [] for q in ref}
for seed in range(100, 140):
    ot.RandomGenerator.SetSeed(seed)
    e = ot.LowDiscrepancyExperiment(ot.SobolSequence(3), dist, N, False)
    e.setRandomize(True)
    z = law(np.array(e.generate()))
    s = ot.Sample([[t] for t in z])
    got = {"mean": z.mean(), "sigma": z.std(ddof=1), "p05": s.computeQuantilePerComponent(0.05)[0], "p95": s.computeQuantilePerComponent(0.95)[0]}
    for q in ref:
        err[q].append(got[q] / ref[q] - 1)
for q in ref:
    rms = math.sqrt(np.mean(np.square(err[q])))
    dev = m[q] / ref[q] - 1
    print("  %-5s sample %.6g, reference %.6g: %+.2f %% (sampling error of the design, rms %.2f %%)" % (q, m[q], ref[q], 100 * dev, 100 * rms))
    check(abs(dev) <= 3 * rms, "%s off by %.3g, more than 3 x the sampling error %.3g" % (q, dev, rms))
finish()
