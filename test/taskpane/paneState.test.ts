import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TableInput } from "../../src/core";
import { prepareAccounts, prepareReport } from "../../src/report/kam/prepareReport";
import {
  initialPaneState,
  isBusy,
  paneReducer,
  type PaneAction,
  type PaneState,
} from "../../src/taskpane/state/paneState";
import { buildRequest } from "../../src/taskpane/state/paneSelectors";
import type { BuildOutcome, TableRead } from "../../src/taskpane/state/paneTypes";
import { sampleValues } from "../fixtures/kamSample";

function sampleTable(count = 40): TableRead {
  const input: TableInput = { sheet: "Account Data", top: 0, left: 0, values: sampleValues({ count }) };
  return { input, source: { sheet: "Account Data", address: "A1" } };
}
const col = (t: TableRead, header: string) => t.input.values[0].indexOf(header);
const run = (actions: PaneAction[], from: PaneState = initialPaneState) => actions.reduce(paneReducer, from);

/** The pane after the saved settings (none) were looked for and the sample table was read. */
function mapped(table = sampleTable()): PaneState {
  return run([
    { type: "savedLoaded", saved: { problems: [] } },
    { type: "readStarted" },
    { type: "progress", progress: { step: "Reading 41 rows", done: 0, total: 41 } },
    { type: "readDone", table },
  ]);
}

function outcome(state: PaneState): BuildOutcome {
  const built = prepareReport(state.table!.input, buildRequest(state, "both"));
  return {
    sheets: built.report!.plan.sheets.map((s) => s.name),
    renamed: [],
    skipped: [],
    accounts: built.table.summary.accepted,
    leftOut: built.table.summary.rejected,
    settings: built.settings,
  };
}

describe("the pane's states", () => {
  it("goes start → reading → mapped, with the mapping, criteria and issues prepareAccounts gives", () => {
    const table = sampleTable();
    const reading = run([{ type: "readStarted" }]);
    expect([reading.phase, isBusy(reading)]).toEqual(["reading", true]);
    const state = mapped(table);
    expect(state.phase).toBe("mapped");
    expect(state.progress).toBeUndefined();
    const expected = prepareAccounts(table.input, { source: table.source });
    expect(state.prepared!.mapping).toEqual(expected.mapping);
    expect(state.prepared!.table.issues).toEqual(expected.table.issues);
    expect(state.numbers!.weights).toEqual(
      expected.mapping.criteria.map((c) => ({ column: c.column, text: String(c.weight) })),
    );
    expect(state.numbers!.discountRate).toBe(String(expected.options.discountRate * 100));
  });

  it("prepares the accounts again when a column is chosen, as prepareAccounts does with that choice", () => {
    const table = sampleTable();
    // "Segment" as the account column: names repeat, so rows are left out
    const state = paneReducer(mapped(table), { type: "fieldChosen", field: "account", column: col(table, "Segment") });
    const expected = prepareAccounts(table.input, {
      source: table.source,
      overrides: {
        fields: { account: col(table, "Segment") },
        criteria: state.prepared!.mapping.criteria.map((c) => ({ column: c.column, weight: c.weight })),
      },
    });
    expect(state.prepared!.mapping.fields.account?.header).toBe("Segment");
    expect(state.prepared!.table.summary).toEqual(expected.table.summary);
    expect(state.prepared!.table.summary.rejected).toBeGreaterThan(0);
    expect(state.prepared!.table.issues.some((i) => i.code === "duplicate_account")).toBe(true);
  });

  it("keeps typing cheap: a weight or a cut-off changes the texts, not the prepared accounts", () => {
    const before = mapped();
    const typed = paneReducer(before, { type: "numberTyped", key: "cut:strength:0", text: "65" });
    expect(typed.prepared).toBe(before.prepared);
    expect(typed.numbers!.cuts.strength).toEqual(["65"]);
  });

  it("adds and removes criteria, but never the last one", () => {
    const table = sampleTable();
    let state = mapped(table);
    const extra = state.prepared!.mapping.numericColumns.find(
      (j) => !state.numbers!.weights.some((w) => w.column === j),
    )!;
    state = paneReducer(state, { type: "criterionAdded", column: extra });
    expect(state.prepared!.mapping.criteria.map((c) => c.column)).toContain(extra);
    for (const w of state.numbers!.weights) state = paneReducer(state, { type: "criterionRemoved", column: w.column });
    expect(state.numbers!.weights).toHaveLength(1);
    expect(state.prepared!.mapping.criteria).toHaveLength(1);
    expect(state.numbers!.weights[0].column).toBe(extra); // the last in the list stays
  });

  it("ignores edits and a second start while a read or build runs", () => {
    const building = paneReducer(mapped(), { type: "buildStarted" });
    expect(building.phase).toBe("building");
    for (const action of [
      { type: "fieldChosen", field: "nps", column: null },
      { type: "numberTyped", key: "discountRate", text: "5" },
      { type: "readStarted" },
    ] as PaneAction[])
      expect(paneReducer(building, action)).toBe(building);
  });

  it("goes back to where it was, with the sentence, when a build fails or is cancelled", () => {
    const failed = run(
      [
        { type: "buildStarted" },
        { type: "progress", progress: { step: "Writing Accounts 3 of 5", done: 2, total: 5 } },
        {
          type: "failed",
          message: { intent: "warning", text: "Cancelled: nothing after writing Accounts 3 of 5 was written." },
        },
      ],
      mapped(),
    );
    expect([failed.phase, failed.progress, failed.message?.intent]).toEqual(["mapped", undefined, "warning"]);
    const noTable = run([
      { type: "readStarted" },
      { type: "failed", message: { intent: "error", text: "Excel is busy" } },
    ]);
    expect(noTable.phase).toBe("start");
    expect(paneReducer(noTable, { type: "messageDismissed" }).message).toBeUndefined();
  });

  it("after a build, holds the settings it saved: a later read starts from the same choices", () => {
    const table = sampleTable();
    let state = run(
      [
        { type: "fieldChosen", field: "revenue", column: col(table, "Revenue FY24") },
        { type: "numberTyped", key: `weight:${mapped(table).numbers!.weights[0].column}`, text: "3" },
        { type: "numberTyped", key: "discountRate", text: "7.5" },
        { type: "buildStarted" },
      ],
      mapped(table),
    );
    state = paneReducer(state, { type: "built", outcome: outcome(state) });
    expect(state.phase).toBe("done");
    const again = run([{ type: "readStarted" }, { type: "readDone", table }], state);
    expect(again.prepared!.mapping.fields.revenue?.header).toBe("Revenue FY24");
    expect(again.numbers!.weights[0].text).toBe("3");
    expect(again.numbers!.discountRate).toBe("7.5");
  });
});

describe("any sequence of actions", () => {
  const table = sampleTable(12);
  const action: fc.Arbitrary<PaneAction> = fc.oneof(
    fc.constant<PaneAction>({ type: "readStarted" }),
    fc.constant<PaneAction>({ type: "readDone", table }),
    fc.constant<PaneAction>({ type: "buildStarted" }),
    fc.constant<PaneAction>({ type: "progress", progress: { step: "Writing", done: 1, total: 2 } }),
    fc.constant<PaneAction>({ type: "failed", message: { intent: "error", text: "x" } }),
    fc.nat({ max: 17 }).map<PaneAction>((column) => ({ type: "criterionRemoved", column })),
    fc.nat({ max: 17 }).map<PaneAction>((column) => ({ type: "criterionAdded", column })),
    fc.nat({ max: 17 }).map<PaneAction>((column) => ({ type: "fieldChosen", field: "owner", column })),
  );

  it("keeps the pane consistent: progress only while busy, a criterion always, a table once read", () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
        let state = initialPaneState;
        let read = false;
        for (const a of actions) {
          state = paneReducer(state, a);
          read ||= state.table !== undefined;
          if (state.progress) expect(isBusy(state)).toBe(true);
          if (state.numbers) expect(state.numbers.weights.length).toBeGreaterThan(0);
          if (!isBusy(state)) expect(state.phase).toBe(state.outcome ? "done" : read ? "mapped" : "start");
          expect(state.prepared?.mapping.criteria.length ?? 1).toBe(state.numbers?.weights.length ?? 1);
        }
      }),
      { numRuns: 60 },
    );
  });
});
