import { describe, expect, it } from "vitest";
import { detectMapping, type KamSettings, type TableInput } from "../../src/core";
import { prepareReport } from "../../src/report/kam/prepareReport";
import {
  buildBlocker,
  buildRequest,
  columnOptions,
  failureMessage,
  matchCaption,
  outcomeText,
  rowsSummary,
  savedSummary,
} from "../../src/taskpane/state/paneSelectors";
import { initialPaneState, paneReducer, type PaneState } from "../../src/taskpane/state/paneState";
import type { TableRead } from "../../src/taskpane/state/paneTypes";
import { sampleValues } from "../fixtures/kamSample";

function read(values: unknown[][]): PaneState {
  const input: TableInput = { sheet: "Account Data", top: 0, left: 0, values };
  const table: TableRead = { input, source: { sheet: "Account Data", address: "A1" } };
  return [
    { type: "savedLoaded", saved: { problems: [] } },
    { type: "readStarted" },
    { type: "readDone", table },
  ].reduce(paneReducer as (s: PaneState, a: unknown) => PaneState, initialPaneState);
}

describe("buildRequest", () => {
  it("asks prepareReport for the analyst's columns, weights and rates, and for one sheet when one is chosen", () => {
    let state = read(sampleValues({ count: 30 }));
    const headers = state.prepared!.mapping.headers;
    const owner = headers.indexOf("Region");
    const first = state.numbers!.weights[0].column;
    for (const action of [
      { type: "fieldChosen", field: "owner", column: owner },
      { type: "numberTyped", key: `weight:${first}`, text: "4" },
      { type: "numberTyped", key: "atRiskThreshold", text: "25" },
    ] as const)
      state = paneReducer(state, action);
    const request = buildRequest(state, "matrix");
    expect(request.only).toBe("matrix");
    const built = prepareReport(state.table!.input, request);
    expect(built.mapping.fields.owner?.header).toBe("Region");
    expect(built.mapping.criteria[0]).toMatchObject({ column: first, weight: 4 });
    expect(built.options.atRiskThreshold).toBe(0.25);
    expect(built.report!.plan.sheets.map((s) => s.name)).not.toContain("KPI Dashboard");
    expect(buildRequest(state, "both").only).toBeUndefined();
  });
});

describe("buildBlocker", () => {
  it("says what stands in the way: no table, no account, a wrong setting", () => {
    expect(buildBlocker(initialPaneState)).toMatch(/Use selection first/);
    const noAccounts = read([["Account", "Revenue"]]);
    expect(noAccounts.prepared!.table.count).toBe(0);
    expect(buildBlocker(noAccounts)).toMatch(/^No row holds an account/);
    const good = read(sampleValues({ count: 10 }));
    expect(buildBlocker(good)).toBeUndefined();
    const wrong = paneReducer(good, { type: "numberTyped", key: "discountRate", text: "abc" });
    expect(buildBlocker(wrong)).toBe("Correct the settings marked above to build.");
    expect(() => buildRequest(wrong, "both")).toThrow("Correct the settings marked above to build.");
  });
});

describe("the pane's sentences", () => {
  it("counts rows read, used and left out from the table's summary", () => {
    const state = read([
      ["Account", "Revenue"],
      ["Acme", 10],
      ["Acme", 12],
      ["", ""],
      ["Bolt", 3],
    ]);
    const s = state.prepared!.table.summary;
    expect(rowsSummary(state)).toBe(
      `${s.read} rows read, ${s.accepted} accounts used, ${s.rejected} row left out (1 blank or totals row not counted).`,
    );
    expect(s.rejected).toBe(1);
  });

  it("names columns by header, and a blank or repeated header by its letter", () => {
    const input: TableInput = { sheet: "S", top: 0, left: 2, values: [["Account", "", "Revenue", "revenue"]] };
    expect(columnOptions(detectMapping(input), input.left).map((o) => o.text)).toEqual([
      "Account",
      "Column D",
      "Revenue (column E)",
      "revenue (column F)",
    ]);
  });

  it("says how sure a detected column is", () => {
    expect(matchCaption({ confidence: 1, reason: 'header "NPS" names NPS' })).toBe('Header "NPS" names NPS (certain).');
    expect(matchCaption({ confidence: 0.6, reason: "close" })).toBe("Close (60% sure, please check).");
    expect(matchCaption(undefined)).toMatch(/^No column found/);
  });

  it("sums up saved settings and a build", () => {
    const settings = prepareReport(
      { sheet: "Account Data", top: 0, left: 0, values: sampleValues({ count: 10 }) },
      {
        source: { sheet: "Account Data", address: "A1:R11" },
        now: new Date("2026-11-24T08:00:00Z"),
      },
    ).settings as KamSettings;
    const mapped = Object.values(settings.columns).filter((c) => c !== null).length;
    expect(savedSummary(settings)).toEqual([
      "Table: Account Data, A1:R11",
      "Saved 24 Nov 2026",
      `2×2 grid, ${settings.criteria.length} criteria, ${mapped} columns mapped`,
    ]);
    expect(outcomeText({ sheets: ["A", "B", "C"], renamed: [], skipped: [], accounts: 1, leftOut: 2, settings })).toBe(
      "Built A, B and C from 1 account; 2 rows left out (see the Issues sheet). Settings saved in the workbook.",
    );
  });

  it("shows a cancel as a warning and an Excel error as its sentence, with a code the sentence lacks", () => {
    expect(failureMessage(Object.assign(new Error("Cancelled: nothing was written."), { name: "AbortError" }))).toEqual(
      {
        intent: "warning",
        text: "Cancelled: nothing was written.",
      },
    );
    expect(failureMessage(Object.assign(new Error("Something broke."), { code: "GeneralException" }))).toEqual({
      intent: "error",
      text: "Something broke. (GeneralException)",
    });
    expect(failureMessage("plain")).toEqual({ intent: "error", text: "plain" });
  });
});
