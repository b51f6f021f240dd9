/**
 * The benchmark harness: every `bench/*.bench.ts` exports `run(): Promise<BenchRow[]>`; `bench/run.ts` collects them.
 * Timing is the median of several runs after a warm-up, so one GC pause does not decide a ratio.
 */
export interface BenchRow {
  /** What was measured: "KAM.SCORE wrapper, 100,000 x 8". */
  readonly task: string;
  /** Milliseconds (median) of the measured work. */
  readonly ms: number;
  /** What the time is compared with, if anything: "bare loop", "HyperFormula native formulas". */
  readonly versus?: string;
  readonly versusMs?: number;
  /** A target stated by the issue, e.g. "≤ 2x bare loop"; `ok` tells whether it was met in this run. */
  readonly target?: string;
  readonly ok?: boolean;
  readonly note?: string;
}

/** Wall times in ms of `runs` runs of `fn` after `warmup` unmeasured ones, sorted (median and spread at hand). */
export function sampleMs(fn: () => unknown, runs = 7, warmup = 2): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

/** Median wall time in ms of `fn` over `runs` runs after `warmup` unmeasured runs. */
export function medianMs(fn: () => unknown, runs = 7, warmup = 2): number {
  const times = sampleMs(fn, runs, warmup);
  return times[Math.floor(times.length / 2)];
}

/** A ratio measured pair by pair: its median and spread (quartiles, extremes) over the interleaved runs. */
export interface PairedRatio {
  /** Median of a's times and of b's times, ms. */
  readonly aMs: number;
  readonly bMs: number;
  /** Median of the per-pair ratios a/b, and their spread. */
  readonly ratio: number;
  readonly q1: number;
  readonly q3: number;
  readonly min: number;
  readonly max: number;
  readonly pairs: number;
}

const sortedCopy = (xs: readonly number[]) => [...xs].sort((x, y) => x - y);
const quantile = (sorted: readonly number[], q: number) => sorted[Math.round(q * (sorted.length - 1))];

/**
 * Two functions timed in alternation (a, b, a, b, ...), so both meet the same heap and the same GC state; the ratio
 * is taken pair by pair and its median and spread reported. A ratio between two timings taken minutes apart measures
 * the garbage collector and the neighbours on a shared machine, not the code: two single-shot runs of the same bench
 * here gave KAM.SCORE 2.1x and then 0.83x its bare loop.
 */
export function pairedRatio(a: () => unknown, b: () => unknown, runs = 31, warmup = 10): PairedRatio {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [fn, times] of [
      [a, ta],
      [b, tb],
    ] as const) {
      const start = process.hrtime.bigint();
      fn();
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const ratios = sortedCopy(ta.map((t, i) => t / tb[i]));
  return {
    aMs: quantile(sortedCopy(ta), 0.5),
    bMs: quantile(sortedCopy(tb), 0.5),
    ratio: quantile(ratios, 0.5),
    q1: quantile(ratios, 0.25),
    q3: quantile(ratios, 0.75),
    min: ratios[0],
    max: ratios[ratios.length - 1],
    pairs: runs,
  };
}

/** Median time per call in microseconds, for work far below a millisecond (a model fit). */
export function microsPerCall(fn: () => unknown, callsPerRun = 1000, runs = 7): number {
  return (
    (medianMs(() => {
      for (let i = 0; i < callsPerRun; i++) fn();
    }, runs) *
      1000) /
    callsPerRun
  );
}

/** A deterministic PRNG (mulberry32) so every benchmark sees the same data on every machine. */
export { seededRandom } from "../samples/seededRandom";

/** Time and peak resident memory of `fn`; `startMb` is what the process held before (the plan itself, mostly). */
export async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; value: T; peakMb: number; startMb: number }> {
  (globalThis as { gc?: () => void }).gc?.(); // run.ts starts each benchmark with --expose-gc
  const start0 = process.memoryUsage().rss;
  let peak = start0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = process.hrtime.bigint();
  const value = await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, value, peakMb: peak / 2 ** 20, startMb: start0 / 2 ** 20 };
}
