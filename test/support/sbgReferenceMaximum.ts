/**
 * A reference maximum of the shifted-beta-geometric likelihood computed apart from src/: the paper's own recursion
 * for LL (Fader & Hardie, "How to Project Customer Retention", 2007, eq. (7) and Appendix B) climbed by Nelder–Mead
 * (Nelder & Mead 1965; Lagarias et al. 1998 coefficients: reflect 1, expand 2, contract ½, shrink ½), which uses no
 * derivative and no Hessian, from several starts in (ln α, ln β).
 */

/**
 * LL by the paper's recursion: P(T = 1) = α/(α+β), P(T = t) = (β+t−2)/(α+β+t−1) · P(T = t−1), S(t) = S(t−1) − P(T = t);
 * LL = Σ_t (n_{t−1} − n_t) ln P(T = t) + n_T ln S(T).
 */
export function paperLogLikelihood(alpha: number, beta: number, n: readonly number[]): number {
  let p = alpha / (alpha + beta);
  let s = 1;
  let ll = 0;
  for (let t = 1; t < n.length; t++) {
    if (t > 1) p *= (beta + t - 2) / (alpha + beta + t - 1);
    s -= p;
    if (n[t - 1] > n[t]) ll += (n[t - 1] - n[t]) * Math.log(p);
  }
  const still = n[n.length - 1];
  return still > 0 ? ll + still * Math.log(s) : ll;
}

type Vertex = [x: number, y: number, ll: number];

/** Nelder–Mead maximisation of f from (x, y) until the simplex is below 1e-12 across or 2,000 iterations. */
function nelderMead(f: (x: number, y: number) => number, x0: number, y0: number): Vertex {
  const vertex = (x: number, y: number): Vertex => [x, y, f(x, y)];
  const simplex = [vertex(x0, y0), vertex(x0 + 0.5, y0), vertex(x0, y0 + 0.5)];
  for (let i = 0; i < 2000; i++) {
    simplex.sort((a, b) => b[2] - a[2]);
    const [best, good, worst] = simplex;
    if (Math.abs(best[0] - worst[0]) + Math.abs(best[1] - worst[1]) < 1e-12) break;
    const cx = (best[0] + good[0]) / 2;
    const cy = (best[1] + good[1]) / 2;
    const along = (t: number) => vertex(cx + t * (worst[0] - cx), cy + t * (worst[1] - cy));
    const reflected = along(-1);
    if (reflected[2] > best[2]) {
      const expanded = along(-2);
      simplex[2] = expanded[2] > reflected[2] ? expanded : reflected;
    } else if (reflected[2] > good[2]) {
      simplex[2] = reflected;
    } else {
      const contracted = reflected[2] > worst[2] ? along(-0.5) : along(0.5);
      if (contracted[2] > Math.max(reflected[2], worst[2])) simplex[2] = contracted;
      else for (const k of [1, 2]) simplex[k] = vertex((best[0] + simplex[k][0]) / 2, (best[1] + simplex[k][1]) / 2);
    }
  }
  return simplex.sort((a, b) => b[2] - a[2])[0];
}

/** The highest of Nelder–Mead's maxima from five starts: [α, β, LL]. */
export function referenceMaximum(n: readonly number[]): [alpha: number, beta: number, ll: number] {
  const f = (x: number, y: number) => paperLogLikelihood(Math.exp(x), Math.exp(y), n);
  let top: Vertex = [0, 0, -Infinity];
  for (const [x, y] of [
    [0, 0],
    [-2, -1],
    [1, 2],
    [2, 3],
    [-1, 1],
  ]) {
    const found = nelderMead(f, x, y);
    if (found[2] > top[2]) top = found;
  }
  return [Math.exp(top[0]), Math.exp(top[1]), top[2]];
}
