import { kamError, type Result } from "../errors";

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, 9 coefficients; relative error about 1e-15), with the
 * reflection formula below 0.5. Source: Press et al., Numerical Recipes (3rd ed.), §6.1; coefficients of Godfrey.
 *
 * @example lnGamma(5) // => ln 24 = 3.1780538
 */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Terms the series may take before giving up: enough for z = 1/(1 + d) with d down to about 0.00005. */
const MAX_TERMS = 2_000_000;
const RELATIVE_TOLERANCE = 1e-15;

/**
 * Gauss's hypergeometric function 2F1(a, b; c; z) for a, b, c > 0 and 0 ≤ z ≤ 1.
 *
 * 2F1(a, b; c; z) = Σ_{k≥0} (a)_k (b)_k / ((c)_k k!) z^k (Abramowitz & Stegun 15.1.1). For z < 1 the series is summed
 * until the tail bound term·q/(1 − q) falls below 1e-15 of the sum, where q bounds the ratio of later terms; at
 * z = 1 it converges only when c − a − b > 0 and is given by Gauss's theorem,
 * Γ(c)Γ(c − a − b)/(Γ(c − a)Γ(c − b)) (A&S 15.1.20). Where the series cannot converge, or would need more than
 * two million terms, the result is an error value rather than a wrong number.
 *
 * @example hyp2f1(1, 1, 2, 0.5) // => −ln(1 − 0.5)/0.5 = 1.3862944
 */
export function hyp2f1(a: number, b: number, c: number, z: number): Result<number> {
  if (!(a > 0 && b > 0 && c > 0)) {
    return kamError("num", "2F1", `2F1 needs a, b, c > 0 (got ${a}, ${b}, ${c}).`);
  }
  if (!(z >= 0 && z <= 1)) return kamError("num", "2F1", `2F1 is summed here only for 0 ≤ z ≤ 1 (got z = ${z}).`);
  if (z === 1) {
    if (!(c - a - b > 0)) {
      return kamError("num", "2F1", `2F1(${a}, ${b}; ${c}; 1) diverges: it needs c − a − b > 0.`);
    }
    return Math.exp(lnGamma(c) + lnGamma(c - a - b) - lnGamma(c - a) - lnGamma(c - b));
  }
  if (z === 0) return 1;
  let term = 1;
  let sum = 1;
  for (let k = 0; k < MAX_TERMS; k++) {
    const f = ((a + k) * (b + k)) / ((c + k) * (k + 1));
    term *= f * z;
    sum += term;
    // Once k exceeds a + b + c the ratio f(k) = (a+k)(b+k)/((c+k)(k+1)) is monotone towards 1, so the later ratios
    // stay below q = z·max(1, f(k)) and the tail is at most term·q/(1 − q).
    if (k > a + b + c) {
      const q = z * Math.max(1, f);
      if (q < 1 && (term * q) / (1 - q) <= RELATIVE_TOLERANCE * sum) return sum;
    }
  }
  return kamError("num", "2F1", `2F1(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_TERMS} terms.`);
}
