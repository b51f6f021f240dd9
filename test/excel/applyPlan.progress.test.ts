/**
 * applyPlan's progress and cancelling: the steps the taskpane shows, and a cancel that stops before the next sync, so
 * nothing after the last written step reaches Excel and a later build replaces the sheets rather than copying them.
 */
import { describe, expect, it } from "vitest";
import { applyPlan, REQUEST_BUDGET_BYTES } from "../../src/excel/applyPlan";
import { Cancelled, isCancelled } from "../../src/excel/cancel";
import { OWNED_SHEETS_KEY } from "../../src/excel/sheetOwnership";
import { RecordingExcel } from "../fakes/fakeExcelWriter";
import { sampleAccounts, samplePlan } from "../fixtures/samplePlan";

const all = () => true;

/** Runs applyPlan, aborting when a step starting with `at` begins; returns the error and the steps heard. */
async function cancelAt(excel: RecordingExcel, at: string, accounts = 10, budget = REQUEST_BUDGET_BYTES) {
  const controller = new AbortController();
  const steps: string[] = [];
  let syncsAtAbort = -1;
  const error = await applyPlan(excel.context, samplePlan(sampleAccounts(accounts)), all, budget, {
    signal: controller.signal,
    onProgress: (step) => {
      steps.push(step);
      if (step.startsWith(at) && !controller.signal.aborted) {
        syncsAtAbort = excel.syncs;
        controller.abort();
      }
    },
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, steps, syncsAtAbort };
}

describe("applyPlan's progress", () => {
  it("names each step as it starts, sheet by sheet, with the sheets done so far", async () => {
    const plan = samplePlan(sampleAccounts(10));
    const heard: [string, number, number][] = [];
    await applyPlan(new RecordingExcel().context, plan, all, REQUEST_BUDGET_BYTES, {
      onProgress: (step, done, total) => heard.push([step, done, total]),
    });
    const n = plan.sheets.length;
    expect(heard).toEqual([
      ["Reading the workbook", 0, n],
      ["Creating the sheets", 0, n],
      ...plan.sheets.map((s, i) => [`Writing ${s.name} ${i + 1} of ${n}`, i, n]),
      ["Writing the names and chart labels", n, n],
    ]);
  });

  it("names a renamed sheet as it is written", async () => {
    const excel = new RecordingExcel([RecordingExcel.sheet("Summary", 0)]);
    const steps: string[] = [];
    await applyPlan(excel.context, samplePlan(sampleAccounts(10)), all, REQUEST_BUDGET_BYTES, {
      onProgress: (step) => steps.push(step),
    });
    expect(steps).toContain("Writing Summary (2) 2 of 2");
  });
});

describe("cancelling applyPlan", () => {
  it("before the first sync: nothing read, nothing written", async () => {
    const excel = new RecordingExcel([RecordingExcel.sheet("Account Data", 0)]);
    const controller = new AbortController();
    controller.abort();
    const error = await applyPlan(excel.context, samplePlan(sampleAccounts(10)), all, REQUEST_BUDGET_BYTES, {
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    expect(error).toMatchObject({
      name: "AbortError",
      lastWritten: undefined,
      message: "Cancelled: nothing was written.",
    });
    expect(excel.syncs).toBe(0);
  });

  it("while the sheets are being created: no sheet is made", async () => {
    const excel = new RecordingExcel([RecordingExcel.sheet("Account Data", 0)]);
    const { error } = await cancelAt(excel, "Creating the sheets");
    expect(error).toBeInstanceOf(Cancelled);
    expect((error as Cancelled).message).toBe("Cancelled: nothing was written.");
    expect(excel.sheets.map((s) => s.name)).toEqual(["Account Data"]);
    expect(excel.syncs).toBe(1); // the read only
  });

  it("between sheets of a large build: the next sync never goes, and the error names the last step written", async () => {
    const excel = new RecordingExcel();
    // a small budget makes a sync per few hundred rows, so the second sheet starts after the first was written
    const { error, syncsAtAbort } = await cancelAt(excel, "Writing Summary", 3000, 256 * 1024);
    expect(error).toBeInstanceOf(Cancelled);
    const { lastWritten, message } = error as Cancelled;
    expect(lastWritten).toBe("Writing Data 1 of 2");
    expect(message).toBe("Cancelled: nothing after writing Data 1 of 2 was written.");
    expect(excel.syncs).toBe(syncsAtAbort); // not one sync after the cancel
    const summary = excel.byName("Summary")!;
    expect(summary.formulas.size).toBe(0);
    expect(excel.ops(/^Summary\.charts\.add/)).toEqual([]);
    expect(excel.names.size).toBe(0);
  });

  it("records the new sheets as the add-in's even when cancelled at once, so the next build replaces them", async () => {
    const excel = new RecordingExcel([RecordingExcel.sheet("Account Data", 0)]);
    const { error } = await cancelAt(excel, "Writing Data");
    expect(error).toBeInstanceOf(Cancelled);
    const created = ["Data", "Summary"].map((name) => excel.byName(name)!.id);
    expect(JSON.parse(excel.settings.get(OWNED_SHEETS_KEY) as string)).toEqual(created);
    const again = await applyPlan(excel.context, samplePlan(sampleAccounts(10)), all);
    expect(again.renamed).toEqual([]);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Account Data", "Data", "Summary"]);
  });
});
