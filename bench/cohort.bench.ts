/**
 * The sBG fit on the published 'Regular' cohort (13 counts, years 0–12): microseconds per fit. Analysts otherwise
 * run Solver by hand; SciPy's minimize takes about a millisecond for the same likelihood (issue 3; the side-by-side
 * SciPy run belongs to the benchmarks issue, which installs python3-scipy).
 */
import { cohortClv, fitSbg, type SbgFit } from "../src/core";
import { microsPerCall, type BenchRow } from "./harness";

const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173];

export async function run(): Promise<BenchRow[]> {
  const fit = fitSbg(REGULAR) as SbgFit;
  const fitMicros = microsPerCall(() => fitSbg(REGULAR), 2000);
  const clvMicros = microsPerCall(() => cohortClv(1000, fit, 0.1, 5), 2000);
  return [
    {
      task: "sBG fit, 12 periods (Regular cohort), per fit",
      ms: fitMicros / 1000,
      target: "well under 1 ms",
      ok: fitMicros < 100,
      note: `α = ${fit.alpha.toFixed(4)}, β = ${fit.beta.toFixed(4)}, ${fit.iterations} Newton iterations`,
    },
    {
      task: "cohort CLV (DERL by 2F1, d = 10%, 5 renewals), per account",
      ms: clvMicros / 1000,
    },
  ];
}
