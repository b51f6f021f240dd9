"""The sBG fit (Fader & Hardie 2007, "How to project customer retention", eq. 1-3) by SciPy's L-BFGS-B, the anchor
of cohort.bench.ts. Reads the cohort's counts (survivors at years 0..T) from argv as JSON, prints JSON: alpha, beta,
the log-likelihood, the median milliseconds per fit over `runs` fits (each a fresh minimize from alpha = beta = 1),
and the SciPy version. Same likelihood as src/core/cohort: P(T=1) = a/(a+b), P(T=t) = P(T=t-1)(b+t-2)/(a+b+t-1),
S(t) = S(t-1) - P(T=t); LL = sum over t of churned_t ln P(T=t) + survivors_T ln S(T)."""
import json
import sys
import time

import numpy as np
import scipy
from scipy.optimize import minimize


def negative_ll(log_params, churned, survivors):
    a, b = np.exp(log_params)
    p = np.empty(len(churned))
    p[0] = a / (a + b)
    for t in range(1, len(churned)):
        p[t] = p[t - 1] * (b + t - 1) / (a + b + t)
    s = 1.0 - p.sum()
    return -(np.dot(churned, np.log(p)) + survivors * np.log(s))


def fit(counts):
    counts = np.asarray(counts, dtype=float)
    churned = counts[:-1] - counts[1:]
    result = minimize(negative_ll, x0=[0.0, 0.0], args=(churned, counts[-1]), method="L-BFGS-B")
    a, b = np.exp(result.x)
    return a, b, -result.fun


def main():
    counts = json.loads(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    for _ in range(20):  # warm-up
        fit(counts)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        a, b, ll = fit(counts)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(json.dumps({"alpha": a, "beta": b, "ll": ll, "ms": times[len(times) // 2],
                      "q1": times[len(times) // 4], "q3": times[3 * len(times) // 4], "scipy": scipy.__version__}))


if __name__ == "__main__":
    main()
