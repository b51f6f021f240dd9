/**
 * The sBG fit on the published 'Regular' cohort (13 counts, years 0–12): microseconds per fit. Analysts otherwise
 * run Solver by hand; the anchor is SciPy's L-BFGS-B on the same likelihood (bench/python/sbg_scipy.py), run when
 * python3 with numpy and scipy is present: its time per fit, and its α and β, which must agree with ours.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { cohortClv, fitSbg, type SbgFit } from "../src/core";
import { repoRoot } from "./kamCli.bench";
import { microsPerCall, type BenchRow } from "./harness";

interface ScipyFit {
  readonly alpha: number;
  readonly beta: number;
  readonly ms: number;
  readonly q1: number;
  readonly q3: number;
  readonly scipy: string;
}

/** SciPy's fit of the same counts, or why there is none (no python3, no scipy). */
function scipyFit(counts: readonly number[]): ScipyFit | string {
  const script = join(repoRoot(), "bench", "python", "sbg_scipy.py");
  const run = spawnSync("python3", [script, JSON.stringify(counts), "200"], { encoding: "utf8" });
  if (run.error) return `python3 not found (${run.error.message})`;
  if (run.status !== 0) return `python3 could not run the SciPy fit: ${run.stderr.trim().split("\n").pop()}`;
  return JSON.parse(run.stdout) as ScipyFit;
}

const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173];

export async function run(): Promise<BenchRow[]> {
  const fit = fitSbg(REGULAR) as SbgFit;
  const fitMicros = microsPerCall(() => fitSbg(REGULAR), 2000);
  const clvMicros = microsPerCall(() => cohortClv(1000, fit, 0.1, 5), 2000);
  const scipy = scipyFit(REGULAR);
  const agrees =
    typeof scipy !== "string" && Math.abs(scipy.alpha - fit.alpha) < 1e-3 && Math.abs(scipy.beta - fit.beta) < 1e-3;
  return [
    {
      task: "sBG fit, 12 periods (Regular cohort), per fit",
      ms: fitMicros / 1000,
      ...(typeof scipy === "string"
        ? { target: "well under 1 ms", ok: fitMicros < 100 }
        : {
            versus: `SciPy ${scipy.scipy} L-BFGS-B, same likelihood`,
            versusMs: scipy.ms,
            target: "well under 1 ms, and SciPy's α and β within 0.001",
            ok: fitMicros < 100 && agrees,
          }),
      note:
        `α = ${fit.alpha.toFixed(4)}, β = ${fit.beta.toFixed(4)}, ${fit.iterations} Newton iterations; ` +
        (typeof scipy === "string"
          ? `no SciPy anchor: ${scipy}`
          : `SciPy: α = ${scipy.alpha.toFixed(4)}, β = ${scipy.beta.toFixed(4)}, median of 200 fits ` +
            `(quartiles ${scipy.q1.toFixed(2)}–${scipy.q3.toFixed(2)} ms)`),
    },
    {
      task: "cohort CLV (DERL by 2F1, d = 10%, 5 renewals), per account",
      ms: clvMicros / 1000,
    },
  ];
}
