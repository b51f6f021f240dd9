/**
 * The KAM report at scale: 100,000 seeded telecom accounts (samples/telecomAccounts.ts, messy cells included) through
 * the pipeline the taskpane and `kam` run (prepareAccounts): mapping and validation, then the plan
 * (buildReport), then both renderers. The raw table is generated once, outside every timing.
 * Targets: the plan well under a second; the scale issue's Office.js budget of ≤ 10 syncs, ≤ 30 MB sent and no
 * request over 4 MB.
 */
import type { AccountTable, PortfolioOptions, TableInput } from "../src/core";
import { applyPlan } from "../src/excel/applyPlan";
import { buildReport, type Report } from "../src/report/kam/buildReport";
import { prepareAccounts } from "../src/report/kam/prepareReport";
import { writeWorkbook } from "../src/xlsx/writeWorkbook";
import { RecordingExcel } from "../test/fakes/fakeExcelWriter";
import { sampleValues } from "../test/fixtures/kamSample";
import { sampleMs, timed, type BenchRow } from "./harness";

const ACCOUNTS = 100_000;
const MB = 2 ** 20;

const median = (sorted: readonly number[]) => sorted[Math.floor(sorted.length / 2)];
const ms = (x: number) => (x < 1000 ? `${x.toFixed(0)} ms` : `${(x / 1000).toFixed(2)} s`);
const spread = (sorted: readonly number[]) =>
  `median of ${sorted.length} runs, min–max ${ms(sorted[0])}–${ms(sorted[sorted.length - 1])}`;

/** The accounts and options as `kam` and the taskpane prepare them, before the plan is built. */
function mapAndValidate(input: TableInput): { table: AccountTable; options: PortfolioOptions } {
  const { table, options } = prepareAccounts(input);
  return { table, options };
}

/** A renderer that throws still gives a row, so the table says what broke instead of losing the whole benchmark. */
async function attempt<T>(task: string, fn: () => Promise<T>): Promise<T | BenchRow> {
  try {
    return await fn();
  } catch (err) {
    return { task, ms: Number.NaN, ok: false, note: `failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export async function run(): Promise<BenchRow[]> {
  const input: TableInput = {
    sheet: "Account Data",
    top: 0,
    left: 0,
    values: sampleValues({ count: ACCOUNTS, messy: true }),
  };
  const rows: BenchRow[] = [];

  let prepared = mapAndValidate(input);
  const mapTimes = sampleMs(() => (prepared = mapAndValidate(input)), 7);
  const { table, options } = prepared;
  rows.push({
    task: `KAM map + validate (detect, propose, validate, options), ${ACCOUNTS.toLocaleString("en-US")} × 18`,
    ms: median(mapTimes),
    target: "< 300 ms",
    ok: median(mapTimes) < 300,
    note: `${spread(mapTimes)}; ${table.count.toLocaleString("en-US")} accounts accepted, ${table.issues.length} issues`,
  });

  let report: Report | undefined;
  const buildTimes = sampleMs(() => {
    report = undefined; // the previous plan is garbage before the next one is built
    report = buildReport({ table, options });
  }, 5);
  const plan = report!.plan;
  const accounts = plan.sheets.find((s) => s.name === "Accounts");
  const valueColumns = (accounts?.columns ?? []).reduce((n, c) => n + c.columns.length, 0);
  const patternColumns = (accounts?.patterns ?? []).reduce((n, p) => n + p.pattern.length, 0);
  rows.push({
    task: `KAM buildReport (plan only), ${ACCOUNTS.toLocaleString("en-US")} accounts`,
    ms: median(buildTimes),
    target: "well under 1 s",
    ok: median(buildTimes) < 1000,
    note:
      `${spread(buildTimes)}; Accounts sheet ${table.count.toLocaleString("en-US")} rows: ${valueColumns} columns ` +
      `of values as a column block over the table's own arrays, ${patternColumns} computed columns as one pattern ` +
      "row the renderers repeat",
  });

  // The .xlsx writer first, as in renderers.bench.ts: its peak memory is then not the recording fake's leftovers.
  const xlsxTask = `KAM .xlsx renderer, ${ACCOUNTS.toLocaleString("en-US")} accounts`;
  const xlsx = await attempt(xlsxTask, () => timed(() => writeWorkbook(plan)));
  rows.push(
    "task" in xlsx
      ? xlsx
      : {
          task: xlsxTask,
          ms: xlsx.ms,
          note:
            `one run; ${(xlsx.value.length / MB).toFixed(1)} MB file, peak RSS ${xlsx.peakMb.toFixed(0)} MB ` +
            `(${(xlsx.peakMb - xlsx.startMb).toFixed(0)} MB above the ${xlsx.startMb.toFixed(0)} MB held with the plan built)`,
        },
  );

  const excel = new RecordingExcel();
  const officeTask = `KAM Office.js renderer, ${ACCOUNTS.toLocaleString("en-US")} accounts (recording fake)`;
  const office = await attempt(officeTask, () => timed(() => applyPlan(excel.context, plan, () => true)));
  if ("task" in office) {
    const sent = excel.requestBytes.reduce((a, b) => a + b, 0) / MB;
    rows.push({ ...office, note: `${office.note} (after ${excel.requestBytes.length} syncs, ${sent.toFixed(1)} MB)` });
  } else {
    const totalMb = excel.requestBytes.reduce((a, b) => a + b, 0) / MB;
    const largestMb = Math.max(0, ...excel.requestBytes) / MB;
    rows.push({
      task: officeTask,
      ms: office.ms,
      target: "≤ 10 syncs, ≤ 30 MB, every request ≤ 4 MB",
      ok: office.value.syncs <= 10 && totalMb <= 30 && largestMb <= 4,
      note: `one run; ${office.value.syncs} syncs, ${totalMb.toFixed(1)} MB sent, largest request ${largestMb.toFixed(2)} MB`,
    });
  }
  return rows;
}
