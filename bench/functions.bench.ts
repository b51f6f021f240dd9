/**
 * KAM.SCORE (100,000 accounts × 8 criteria) and KAM.CLV (100,000 accounts) through the custom-function wrappers,
 * against (a) a bare loop over the same 2-D arrays — the limit: the wrappers' coercion, validation and per-row errors
 * should cost at most 2x — and (b) the same work as native formulas in HyperFormula (issue target: ≥ 20x faster).
 */
import "../test/fakes/customFunctionsRuntime";
import { HyperFormula } from "hyperformula";
import { clv as clvFn, score } from "../src/functions/functions";
import { clvFormula, scoreFormula } from "../src/report/nativeFormulas";
import { pairedRatio, seededRandom, type BenchRow, type PairedRatio } from "./harness";

const N = 100_000;
const K = 8;

function timeOnce(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function scoreData(): { ratings: (number | null)[][]; weights: number[][] } {
  const rand = seededRandom(42);
  const ratings = Array.from({ length: N }, () =>
    Array.from({ length: K }, () => (rand() < 0.02 ? null : 1 + Math.floor(rand() * 5))),
  );
  return { ratings, weights: [Array.from({ length: K }, (_, j) => j + 1)] };
}

/** The least any implementation must do: one weighted sum per row, blanks skipped, a column of results. */
function bareScoreLoop(ratings: (number | null)[][], w: number[]): number[][] {
  const out: number[][] = new Array(ratings.length);
  for (let i = 0; i < ratings.length; i++) {
    const row = ratings[i];
    let s = 0;
    let ws = 0;
    for (let j = 0; j < w.length; j++) {
      const x = row[j];
      if (x === null) continue;
      s += w[j] * (x - 1);
      ws += w[j];
    }
    out[i] = [(100 * s) / (ws * 4)];
  }
  return out;
}

function clvData(): { margin: number[][]; retention: number[][]; discount: number[][]; periods: number[][] } {
  const rand = seededRandom(7);
  return {
    margin: Array.from({ length: N }, () => [1000 + rand() * 100000]),
    retention: Array.from({ length: N }, () => [0.5 + rand() * 0.45]),
    discount: [[0.1]],
    periods: Array.from({ length: N }, () => [1 + Math.floor(rand() * 20)]),
  };
}

function bareClvLoop(m: number[][], r: number[][], d: number, T: number[][]): number[][] {
  const out: number[][] = new Array(m.length);
  for (let i = 0; i < m.length; i++) {
    const q = r[i][0] / (1 + d);
    out[i] = [((m[i][0] * r[i][0]) / (1 + d)) * ((1 - Math.pow(q, T[i][0])) / (1 - q))];
  }
  return out;
}

function hyperFormulaMs(sheet: (number | string | null)[][]): number {
  return timeOnce(() => {
    const hf = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3", useArrayArithmetic: true, maxRows: 2 * N });
    hf.destroy();
  });
}

export async function run(): Promise<BenchRow[]> {
  const { ratings, weights } = scoreData();
  const c = clvData();
  // Wrappers and bare loops first, in alternation, before HyperFormula fills the heap.
  const scorePair = pairedRatio(
    () => score(ratings, weights),
    () => bareScoreLoop(ratings, weights[0]),
  );
  const clvPair = pairedRatio(
    () => clvFn(c.margin, c.retention, c.discount, c.periods),
    () => bareClvLoop(c.margin, c.retention, 0.1, c.periods),
  );
  const col = (j: number) => String.fromCharCode(65 + j);
  const scoreSheet = [
    [...weights[0]],
    ...ratings.map((r, i) => [...r, `=${scoreFormula(`A${i + 2}:${col(K - 1)}${i + 2}`, `$A$1:$${col(K - 1)}$1`)}`]),
  ];
  const hfScore = hyperFormulaMs(scoreSheet);

  const clvSheet = c.margin.map((m, i) => [
    m[0],
    c.retention[i][0],
    0.1,
    c.periods[i][0],
    `=${clvFormula({ margin: `A${i + 1}`, retention: `B${i + 1}`, discountRate: `C${i + 1}`, periods: `D${i + 1}` })}`,
  ]);
  const hfClv = hyperFormulaMs(clvSheet);

  return [
    ...wrapperRows("KAM.SCORE", "100,000 × 8 (2% blanks)", scorePair, 2, "native SUMPRODUCT", hfScore),
    ...wrapperRows("KAM.CLV", "100,000 accounts, finite horizon", clvPair, 1.3, "native POWER/IF", hfClv),
  ];
}

/**
 * The two comparisons: against the bare loop (issue 18: KAM.SCORE ≤ 2x, KAM.CLV ≤ 1.3x, judged on the median of the
 * per-pair ratios) and against native formulas in HyperFormula (≥ 20x; one run, its time is seconds).
 */
function wrapperRows(
  name: string,
  size: string,
  pair: PairedRatio,
  limit: number,
  native: string,
  hf: number,
): BenchRow[] {
  const x = (r: number) => `${r.toFixed(2)}x`;
  return [
    {
      task: `${name} wrapper, ${size}, one call`,
      ms: pair.aMs,
      versus: "bare loop, same 2-D arrays",
      versusMs: pair.bMs,
      target: `wrapper ≤ ${limit}x bare loop`,
      ok: pair.ratio <= limit,
      note:
        `the wrapper costs ${x(pair.ratio)} the bare loop: median of ${pair.pairs} interleaved pairs, ` +
        `quartiles ${x(pair.q1)}–${x(pair.q3)}, range ${x(pair.min)}–${x(pair.max)}`,
    },
    {
      task: `${name} wrapper, ${size}`,
      ms: pair.aMs,
      versus: `HyperFormula, ${native} per row (one run)`,
      versusMs: hf,
      target: "≥ 20x faster",
      ok: hf >= 20 * pair.aMs,
    },
  ];
}
