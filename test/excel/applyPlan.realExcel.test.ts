/**
 * What real Excel does that the renderer got wrong (issue 20), each against the strict recording fake: workbook-wide
 * table names, ownership recorded as soon as a sheet exists, budgets in UTF-8 bytes with a cost per operation, long
 * text that starts like a formula, and bubble charts by Microsoft's documented route.
 */
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/excel/applyPlan";
import { renameTablesInFormula } from "../../src/excel/tableNames";
import { OWNED_SHEETS_KEY } from "../../src/excel/sheetOwnership";
import type { WorkbookPlan } from "../../src/report/plan";
import { PAYLOAD_LIMIT_BYTES, RecordingExcel } from "../fakes/fakeExcelWriter";
import { sampleAccounts, samplePlan } from "../fixtures/samplePlan";

const all = () => true;

/** A table plan whose formulas use the table by name, as the KAM workbook's do. */
const tablePlan: WorkbookPlan = {
  sheets: [
    {
      name: "Summary",
      blocks: [
        {
          at: "A1",
          rows: [
            ["Account", "Revenue"],
            ["Acme", 10],
            ["Bolt", 20],
            ["Total", { f: 'SUM(SegmentSummary[Revenue])&" SegmentSummary[x]"' }],
          ],
        },
      ],
      tables: [{ name: "SegmentSummary", range: "A1:B3" }],
    },
  ],
};

describe("table names are the workbook's (office-js #551)", () => {
  it("a copy of the report the add-in no longer owns: a free table name, and the formulas follow it", async () => {
    const excel = new RecordingExcel();
    await applyPlan(excel.context, tablePlan, all);
    excel.settings.delete(OWNED_SHEETS_KEY); // the sheet is now the analyst's (a copied workbook, a lost setting)
    const result = await applyPlan(excel.context, tablePlan, all);
    expect(result.renamed).toEqual([{ planned: "Summary", used: "Summary (2)" }]);
    expect(result.renamedTables).toEqual([{ planned: "SegmentSummary", used: "SegmentSummary_2" }]);
    expect(excel.tables().map(({ sheet, table }) => `${sheet.name}:${table.name}`)).toEqual([
      "Summary:SegmentSummary",
      "Summary (2):SegmentSummary_2",
    ]);
    expect(excel.byName("Summary (2)")!.formulas.get("B4")).toBe(
      '=SUM(SegmentSummary_2[Revenue])&" SegmentSummary[x]"',
    );
  });

  it("a defined name the analyst made holds the name too: tables and names share one namespace", async () => {
    const excel = new RecordingExcel();
    excel.names.set("segmentsummary", "=Sheet1!$A$1");
    const result = await applyPlan(excel.context, tablePlan, all);
    expect(result.renamedTables).toEqual([{ planned: "SegmentSummary", used: "SegmentSummary_2" }]);
  });

  it("a rebuild of its own sheet reuses its own table name", async () => {
    const excel = new RecordingExcel();
    await applyPlan(excel.context, tablePlan, all);
    const result = await applyPlan(excel.context, tablePlan, all);
    expect(result.renamedTables).toEqual([]);
    expect(excel.tables().map(({ table }) => table.name)).toEqual(["SegmentSummary"]);
  });

  it("renames structured references only, never text in string literals or other names", () => {
    const renames = new Map([["KamAccounts", "KamAccounts_2"]]);
    expect(renameTablesInFormula('SUM(kamaccounts[Revenue])+MyKamAccounts[x]&"KamAccounts[y]"', renames)).toBe(
      'SUM(KamAccounts_2[Revenue])+MyKamAccounts[x]&"KamAccounts[y]"',
    );
  });
});

describe("a failed build leaves sheets the next build recognises", () => {
  it("records a new sheet as the add-in's in the batch after the sync that made it", async () => {
    const excel = new RecordingExcel();
    const real = excel.sync.bind(excel);
    let n = 0;
    excel.sync = async () => {
      // the batch after the sheets were made fails after its first operation, as a refused one would
      if (++n === 3) excel.failNextSync = { code: "GeneralException", after: 1 };
      return real();
    };
    await expect(applyPlan(excel.context, samplePlan(sampleAccounts(5)), all)).rejects.toMatchObject({
      code: "GeneralException",
    });
    excel.sync = real;
    expect(excel.sheets.map((s) => s.name)).toEqual(["Data", "Summary"]);
    const result = await applyPlan(excel.context, samplePlan(sampleAccounts(5)), all);
    expect(result.renamed).toEqual([]);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Data", "Summary"]);
  });
});

describe("request budgets in bytes", () => {
  const labelled = (points: number, name: string): WorkbookPlan => ({
    sheets: [
      {
        name: "Matrix",
        blocks: [
          {
            at: "A1",
            rows: [["Account", "x", "y"], ...Array.from({ length: points }, (_, i) => [`${name} ${i}`, i, i * 2])],
          },
        ],
        charts: [
          {
            kind: "scatter",
            title: "Portfolio",
            from: "E1",
            to: "L15",
            series: [
              {
                name: "Accounts",
                categories: `B2:B${points + 1}`,
                values: `C2:C${points + 1}`,
                labels: `A2:A${points + 1}`,
              },
            ],
          },
        ],
      },
    ],
  });

  it("gives each operation a cost: thousands of point labels are spread over requests within the budget", async () => {
    const budget = 512 * 1024;
    const excel = new RecordingExcel();
    const result = await applyPlan(excel.context, labelled(4000, "Account"), all, budget);
    expect(excel.ops(/dataLabel\.formula$/)).toHaveLength(4000);
    expect(Math.max(...excel.requestBytes)).toBeLessThanOrEqual(budget);
    expect(result.syncs).toBeGreaterThan(4);
  });

  it("counts UTF-8 bytes, not UTF-16 units: text in other scripts stays within the budget", async () => {
    const budget = 256 * 1024;
    const excel = new RecordingExcel();
    const wide: WorkbookPlan = {
      sheets: [
        {
          name: "Names",
          blocks: [{ at: "A1", rows: Array.from({ length: 3000 }, (_, i) => [`株式会社テスト€${i}`.repeat(4), i]) }],
        },
      ],
    };
    await applyPlan(excel.context, wide, all, budget);
    expect(Math.max(...excel.requestBytes)).toBeLessThanOrEqual(budget);
    expect(Math.max(...excel.requestBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(excel.byName("Names")!.formulas.get("A3000")).toBe("株式会社テスト€2999".repeat(4));
  });
});

describe("long text that starts like a formula", () => {
  it("goes in with the quote prefix in an @ cell where a text formula would pass 8,192 characters", async () => {
    const long = `=${"x".repeat(9000)}`;
    const edge = `-${"y".repeat(7000)}`;
    const plan: WorkbookPlan = { sheets: [{ name: "Notes", blocks: [{ at: "A1", rows: [[long], [edge]] }] }] };
    const excel = new RecordingExcel();
    await applyPlan(excel.context, plan, all);
    const notes = excel.byName("Notes")!;
    // Excel drops the apostrophe it reads as the text prefix (office-js #6687): the cell holds the text itself
    expect([notes.formulas.get("A1"), notes.formats.get("A1")]).toEqual([long, "@"]);
    expect(String(notes.formulas.get("A2")).length).toBeLessThanOrEqual(8192);
    expect(String(notes.formulas.get("A2"))).toMatch(/^="-y+"&"y+/);
  });
});

describe("bubble charts by the documented route", () => {
  it("creates from the data, removes the default series, adds each series with x values, values and sizes", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "M",
          blocks: [
            {
              at: "A1",
              rows: [
                ["Account", "x", "y", "size"],
                ["Acme", 1, 2, 3],
                ["Bolt", 4, 5, 6],
              ],
            },
          ],
          charts: [
            {
              kind: "bubble",
              title: "Portfolio",
              from: "F1",
              to: "M15",
              bubbleScale: 30,
              series: [{ name: "Accounts", categories: "B2:B3", values: "C2:C3", sizes: "D2:D3", labels: "A2:A3" }],
            },
          ],
        },
      ],
    };
    const excel = new RecordingExcel();
    await applyPlan(excel.context, plan, all);
    const steps = excel
      .ops(/^M\.charts\.add/)
      .map((o) => o.path.replace(/^M\.charts\.add\(Bubble,M\.getRange\(C2:C3\),Columns\)/, "chart"))
      .filter((p) =>
        /^chart(\.series\.(getItemAt\(0\)\.delete\(\)|add\(Accounts\)(\.set\w+\(.*\))?|add\(Accounts\)\.points\.getItemAt\(\d\)))?$/.test(
          p,
        ),
      );
    expect(steps).toEqual([
      "chart",
      "chart.series.getItemAt(0).delete()",
      "chart.series.add(Accounts)",
      "chart.series.add(Accounts).setXAxisValues(M.getRange(B2:B3))",
      "chart.series.add(Accounts).setValues(M.getRange(C2:C3))",
      "chart.series.add(Accounts).setBubbleSizes(M.getRange(D2:D3))",
      "chart.series.add(Accounts).points.getItemAt(0)",
      "chart.series.add(Accounts).points.getItemAt(1)",
    ]);
    expect(excel.byName("M")!.charts[0].series).toEqual([{ name: "Accounts", points: 2, committed: 2 }]);
  });
});
