/**
 * The KAM workbook through the Office.js renderer on the recording fake: the sheets, the KamAccounts table, the
 * KPI_* names, row heights, the matrix chart (bubble scale, axes crossing at the cut-offs) and the number of syncs
 * and bytes sent, which must stay within Excel on the web's 5 MB per request.
 */
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/excel/applyPlan";
import { PAYLOAD_LIMIT_BYTES, RecordingExcel } from "../fakes/fakeExcelWriter";
import { runSample } from "../fixtures/kamSample";

describe("the KAM workbook in Excel (recording fake)", () => {
  it("writes every sheet, the table, the names and the chart in a few syncs under the request limit", async () => {
    const { report } = runSample({ messy: true, hostile: true });
    const excel = new RecordingExcel([RecordingExcel.sheet("Account Data", 0)]);
    const result = await applyPlan(excel.context, report.plan, () => true);
    // The sample has a product block (its "Product: …" columns), so the Whitespace sheet comes with the dashboard.
    expect(result.sheets).toEqual([
      "KPI Dashboard",
      "Portfolio Matrix",
      "Whitespace",
      "Accounts",
      "KAM Inputs",
      "Issues",
      "KAM History",
    ]);
    expect(excel.ops(/Accounts\.tables\.add\(A1:[A-Z]+\d+,true\)\.name$/)[0].value).toBe("KamAccounts");
    const names = excel.ops(/names\.add\(KPI_/).map((o) => /names\.add\((KPI_\w+),/.exec(o.path)![1]);
    expect(names.sort()).toEqual(
      report.kpis
        .filter((k) => k.value !== undefined)
        .map((k) => `KPI_${k.id}`)
        .sort(),
    );
    expect(excel.ops(/^KPI Dashboard\.getRange\(5:5\)\.format\.rowHeight$/)[0].value).toBe(36);
    expect(excel.ops(/^Portfolio Matrix\.charts\.add\(Bubble,[^)]*\),Columns\)$/)).toHaveLength(1);
    expect(excel.ops(/\.bubbleScale$/)[0].value).toBe(30);
    // Microsoft's route for a bubble chart, and point labels in the batch after the one that made the chart
    expect(excel.ops(/^Portfolio Matrix\.charts\.add\(Bubble,.*\.series\.getItemAt\(0\)\.delete\(\)$/)).toHaveLength(1);
    const chartSync = excel.ops(/^Portfolio Matrix\.charts\.add\(Bubble,[^)]*\),Columns\)$/)[0].sync;
    // A series per segment, and a label (formula and side) only for each account the plan names: at most 10, none
    // for a point where its series holds #N/A.
    const matrix = report.plan.sheets.find((s) => s.name === "Portfolio Matrix")!.charts![0];
    expect(
      excel.ops(/^Portfolio Matrix\.charts\.add\(Bubble,.*\.series\.add\((\w+)\)$/).map((o) => o.path.split("(").pop()),
    ).toEqual(["Strategic)", "Star)", "Status)", "Streamline)"]);
    const named = matrix.series.reduce((t, s) => t + s.labelPoints!.length, 0);
    expect(named).toBeGreaterThan(5);
    expect(named).toBeLessThanOrEqual(10);
    const labels = excel.ops(/\.dataLabel\.formula$/);
    expect(labels).toHaveLength(named);
    expect(excel.ops(/\.dataLabel\.position$/)).toHaveLength(named);
    expect(labels.every((o) => o.sync > chartSync)).toBe(true);
    expect(excel.ops(/categoryAxis\.setPositionAt\(50\)/)).toHaveLength(1);
    // Account names that start with = + - @ are written as text-returning formulas, never as formulas of their own.
    expect(excel.byName("Accounts")!.formulas.get("A2")).toBe('="=HYPERLINK(""http://x"",""click"")"');
    expect(Math.max(...excel.requestBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    console.log(
      `KAM workbook, ${report.metrics.active.length} accounts: ${excel.syncs} syncs, ` +
        `${(excel.requestBytes.reduce((a, b) => a + b, 0) / 1e6).toFixed(2)} MB sent, ` +
        `largest request ${(Math.max(...excel.requestBytes) / 1e6).toFixed(2)} MB`,
    );
  });
});
