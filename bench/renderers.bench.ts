/**
 * A 100,000-account plan (15 columns, 3 native formulas per row, a summary with a chart) drawn by both renderers:
 * the Office.js renderer on the recording fake (syncs and the largest request: both must stay bounded by bytes, not
 * rows) and the .xlsx writer (seconds and peak memory).
 */
import { applyPlan } from "../src/excel/applyPlan";
import { writeWorkbook } from "../src/xlsx/writeWorkbook";
import { RecordingExcel } from "../test/fakes/fakeExcelWriter";
import { sampleAccounts, samplePlan } from "../test/fixtures/samplePlan";
import { timed, type BenchRow } from "./harness";

export async function run(): Promise<BenchRow[]> {
  const plan = samplePlan(sampleAccounts(100_000));
  // The .xlsx writer first: its peak memory is then not the recording fake's leftovers.
  const xlsx = await timed(() => writeWorkbook(plan));
  const excel = new RecordingExcel();
  const office = await timed(() => applyPlan(excel.context, plan, () => true));
  return [
    {
      task: "Office.js renderer, 100,000-row plan (recording fake)",
      ms: office.ms,
      target: "syncs bounded by bytes; every request < 5 MB",
      ok: office.value.largestRequestBytes < 5 * 2 ** 20,
      note: `${office.value.syncs} syncs; bytes per request: ${excel.requestBytes
        .map((b) => (b / 2 ** 20).toFixed(2))
        .join(", ")} MB (total ${(excel.requestBytes.reduce((a, b) => a + b, 0) / 2 ** 20).toFixed(1)} MB)`,
    },
    {
      task: ".xlsx renderer, 100,000-row plan",
      ms: xlsx.ms,
      note:
        `${(xlsx.value.length / 2 ** 20).toFixed(1)} MB file, peak RSS ${xlsx.peakMb.toFixed(0)} MB ` +
        `(${(xlsx.peakMb - xlsx.startMb).toFixed(0)} MB above the ${xlsx.startMb.toFixed(0)} MB held with the plan built)`,
    },
  ];
}
