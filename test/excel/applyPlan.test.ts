import { describe, expect, it } from "vitest";
import type { WorkbookPlan } from "../../src/report/plan";
import { columnWidthPoints } from "../../src/excel/sheetFeatures";
import { applyPlan, REQUEST_BUDGET_BYTES } from "../../src/excel/applyPlan";
import { OWNED_SHEETS_KEY } from "../../src/excel/sheetOwnership";
import { RecordingExcel, PAYLOAD_LIMIT_BYTES } from "../fakes/fakeExcelWriter";
import { sampleAccounts, samplePlan } from "../fixtures/samplePlan";

const all = () => true;
const minimal = (plan: WorkbookPlan = samplePlan(sampleAccounts(10))) => plan;

const overlapping: WorkbookPlan = {
  sheets: [
    {
      name: "Overlap",
      blocks: [
        { at: "A1", rows: [["x", "y", 1]] },
        { at: "A1", rows: [[null, "z", null]] },
      ],
    },
  ],
};

describe("applyPlan against the recording fake", () => {
  it("writes cells with formulas as formulas and text as text, hostile names included", async () => {
    const excel = new RecordingExcel([RecordingExcel.sheet("Account Data", 0)]);
    const result = await applyPlan(excel.context, minimal(), all);
    expect(result.sheets).toEqual(["Data", "Summary"]);
    const data = excel.byName("Data")!;
    expect(data.formulas.get("M3")).toMatch(/^=IF\(COUNTA\(B3:E3\)=0,"",.*100\*SUMPRODUCT\(/);
    expect(data.formulas.get("A3")).toBe('="=HYPERLINK(""http://x"",""click"")"');
    expect(data.formulas.get("A4")).toBe('="+49 Telecom"');
    expect(data.formulas.get("A5")).toBe('="-minus GmbH"');
    expect(data.formulas.get("A6")).toBe('="@mention AG"');
    expect([data.formulas.get("A7"), data.formats.get("A7")]).toEqual(["Account 5", "@"]);
    expect(data.formats.get("G3")).toBe("#,##0");
    expect(excel.byName("Account Data")).toBeDefined();
  });

  it("writes nothing for a null cell: a later block's null keeps what an earlier block wrote", async () => {
    const excel = new RecordingExcel();
    await applyPlan(excel.context, overlapping, all);
    const sheet = excel.byName("Overlap")!;
    expect(["A1", "B1", "C1"].map((a) => sheet.formulas.get(a))).toEqual(["x", "z", 1]);
  });

  it("says General where a block writes a number over an earlier block's text, and nothing where no block was", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Over",
          blocks: [
            { at: "A1", rows: [["text", 2]] },
            { at: "A1", rows: [[5]] },
            { at: "A3", rows: [[7, "t"]] },
          ],
        },
      ],
    };
    const excel = new RecordingExcel();
    await applyPlan(excel.context, plan, all);
    const sheet = excel.byName("Over")!;
    expect(["A1", "B1", "A3", "B3"].map((a) => [sheet.formulas.get(a), sheet.formats.get(a)])).toEqual([
      [5, "General"],
      [2, undefined],
      [7, undefined],
      ["t", "@"],
    ]);
  });

  it("keeps a leading apostrophe and long hostile text exactly", async () => {
    const long = `=${"x".repeat(600)}"`;
    const plan: WorkbookPlan = { sheets: [{ name: "Names", blocks: [{ at: "A1", rows: [["'t Hooft BV"], [long]] }] }] };
    const excel = new RecordingExcel();
    await applyPlan(excel.context, plan, all);
    const sheet = excel.byName("Names")!;
    expect(sheet.formulas.get("A1")).toBe(`="'t Hooft BV"`);
    const a2 = String(sheet.formulas.get("A2"));
    // three string constants of at most 255 characters, joined: Excel's limit for one constant
    expect(
      a2
        .match(/"(?:[^"]|"")*"/g)!
        .map((p) => p.slice(1, -1).replace(/""/g, '"'))
        .join(""),
    ).toBe(long);
    expect(a2.match(/"(?:[^"]|"")*"/g)!.every((p) => p.slice(1, -1).replace(/""/g, '"').length <= 255)).toBe(true);
  });

  it("turns Excel's error codes into sentences an analyst can act on, and keeps others as they are", async () => {
    const busy = new RecordingExcel();
    busy.failNextSync = { code: "InvalidOperationInCellEditMode" };
    await expect(applyPlan(busy.context, minimal(), all)).rejects.toThrow(
      "Excel is busy editing a cell: press Enter or Esc in the sheet, then try again.",
    );
    const locked = new RecordingExcel();
    locked.failNextSync = { code: "AccessDenied" };
    await expect(applyPlan(locked.context, minimal(), all)).rejects.toThrow(/protected/);
    const other = new RecordingExcel();
    other.failNextSync = { code: "GeneralException", message: "Something else" };
    await expect(applyPlan(other.context, minimal(), all)).rejects.toMatchObject({ code: "GeneralException" });
  });

  it("suspends calculation and screen updating, and needs nothing newer than ExcelApi 1.10 (the shared runtime's floor)", async () => {
    const excel = new RecordingExcel();
    excel.excelApi = "1.10";
    const result = await applyPlan(excel.context, minimal(), excel.supports);
    expect(excel.ops(/suspendApiCalculationUntilNextSync/).length).toBeGreaterThan(0);
    expect(excel.ops(/suspendScreenUpdatingUntilNextSync/).length).toBeGreaterThan(0);
    expect(result.skipped).toEqual([]);
    expect(excel.byName("Summary")!.charts).toHaveLength(2);
    expect(excel.byName("Summary")!.formulas.get("B2")).toMatch(/^=SUMIFS\(/);
  });

  it("draws a stacked bar as Excel's BarStacked chart type, one series per planned series", async () => {
    const excel = new RecordingExcel();
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Parts",
          blocks: [
            {
              at: "A1",
              rows: [
                ["Account", "Growth", "Fit"],
                ["A", 50, 25],
                ["B", 20, 10],
              ],
            },
          ],
          charts: [
            {
              kind: "stackedBar",
              title: "Points per criterion",
              from: "E1",
              to: "L15",
              series: [
                { name: "Growth", categories: "A2:A3", values: "B2:B3" },
                { name: "Fit", categories: "A2:A3", values: "C2:C3" },
              ],
            },
          ],
        },
      ],
    };
    await applyPlan(excel.context, plan, all);
    expect(excel.ops(/^Parts\.charts\.add\(BarStacked,Parts\.getRange\(B2:B3\),Columns\)$/)).toHaveLength(1);
    expect(excel.ops(/series\.add\(Fit\)$/)).toHaveLength(1);
  });

  it("draws charts, conditional formats, tables, names, merges and layout", async () => {
    const excel = new RecordingExcel();
    await applyPlan(excel.context, minimal(), all);
    expect(excel.ops(/^Summary\.charts\.add\(ColumnClustered,Summary\.getRange\(B2:B4\),Columns\)$/)).toHaveLength(1);
    expect(excel.ops(/Summary\.charts\.add.*\.title\.text$/)[0].value).toBe("Revenue by segment");
    expect(excel.ops(/^Data\.getRange\(M3:M12\)\.conditionalFormats\.add\(ColorScale\)$/)).toHaveLength(1);
    const rule = excel.ops(/^Data\.getRange\(O3:O12\)\.conditionalFormats\.add\(CellValue\)\.cellValue\.rule$/);
    expect(rule.map((o) => o.value)).toEqual([{ formula1: "=0.2", formula2: undefined, operator: "GreaterThan" }]);
    expect(excel.ops(/add\(CellValue\)\.cellValue\.format\.fill\.color$/)[0].value).toBe("#F4CCCC");
    expect(excel.ops(/Summary\.tables\.add\(A1:D4,true\)\.name$/)[0].value).toBe("SegmentSummary");
    expect(excel.ops(/names\.add\(TotalRevenue,=Summary!\$B\$6\)/)).toHaveLength(1);
    expect(excel.ops(/^Summary\.getRange\(F1:H1\)\.merge\(false\)$/)).toHaveLength(1);
    expect(excel.ops(/Summary\.showGridlines$/)[0].value).toBe(false);
    expect(excel.ops(/Summary\.tabColor$/)[0].value).toBe("#1F3864");
    // 28 characters, as the .xlsx file says it: 201 pixels, 150.75 points (Excel's default 8.43 is 48 points)
    expect(excel.ops(/^Data\.getRange\(A:A\)\.format\.columnWidth$/)[0].value).toBe(150.75);
    expect(columnWidthPoints(8.43)).toBeCloseTo(48, 1);
    expect(excel.ops(/Summary\.pageLayout\.orientation$/)[0].value).toBe("Landscape");
  });

  it("labels scatter points from cells, in a batch after the one that made the chart", async () => {
    const matrix: WorkbookPlan = {
      sheets: [
        {
          name: "Matrix view",
          blocks: [
            {
              at: "A1",
              rows: [
                ["Account", "Strength", "Attractiveness"],
                ["Acme", 1, 2],
                ["Bolt", 3, 4],
              ],
            },
          ],
          charts: [
            {
              kind: "scatter",
              title: "Portfolio",
              from: "E1",
              to: "L15",
              series: [{ name: "Accounts", categories: "B2:B3", values: "C2:C3", labels: "A2:A3", color: "C00000" }],
            },
          ],
        },
      ],
    };
    const excel = new RecordingExcel();
    await applyPlan(excel.context, matrix, all);
    const labels = excel.ops(/points\.getItemAt\(\d\)\.dataLabel\.formula$/);
    expect(labels.map((o) => [o.path.match(/getItemAt\((\d)\)\.dataLabel/)![1], o.value])).toEqual([
      ["0", "='Matrix view'!$A$2"],
      ["1", "='Matrix view'!$A$3"],
    ]);
    expect(excel.ops(/hasDataLabels$/)[0].value).toBe(true);
    expect(excel.ops(/markerBackgroundColor$/).map((o) => o.value)).toEqual(["#C00000"]);
    expect(excel.ops(/setSolidColor/)).toEqual([]);
    // the chart's points exist once a sync has made it: the labels go in the batch after
    expect(labels[0].sync).toBeGreaterThan(excel.ops(/charts\.add\(XYScatter,[^)]*\),Columns\)$/)[0].sync);
  });

  it("labels only the points the plan names, on their sides, and draws no point for a #N/A value", async () => {
    const matrix: WorkbookPlan = {
      sheets: [
        {
          name: "Matrix",
          blocks: [
            {
              at: "A1",
              rows: [
                ["Account", "Strength", "Attractiveness", "Revenue"],
                ["Acme", 1, 2, 10],
                ["Bolt", 3, 4, 20],
                [null, 5, 6, 30],
              ],
            },
          ],
          charts: [
            {
              kind: "bubble",
              title: "Portfolio",
              from: "F1",
              to: "M15",
              series: [
                {
                  name: "Strategic",
                  categories: "B2:B4",
                  values: "C2:C4",
                  sizes: "D2:D4",
                  labels: "A2:A4",
                  labelPoints: [1],
                  labelPositions: ["left", "above"],
                },
                {
                  name: "Star",
                  categories: "B2:B4",
                  values: "C2:C4",
                  sizes: "D2:D4",
                  labels: "A2:A4",
                  labelPoints: [],
                },
              ],
            },
          ],
        },
      ],
    };
    const excel = new RecordingExcel();
    await applyPlan(excel.context, matrix, all);
    // One label, point 1 of the first series (Bolt), above its bubble; none for the second series.
    const labels = excel.ops(/points\.getItemAt\(\d\)\.dataLabel\.\w+$/);
    expect(labels.map((o) => [o.path.replace(/^.*\.series\.add\(([^)]*)\)/, "$1"), o.value])).toEqual([
      ["Strategic.points.getItemAt(1).dataLabel.formula", "='Matrix'!$A$3"],
      ["Strategic.points.getItemAt(1).dataLabel.position", "Top"],
    ]);
    expect(excel.ops(/\.displayBlanksAs$/).map((o) => o.value)).toEqual(["NotPlotted"]);
  });

  describe("chart axes", () => {
    const quadrant: WorkbookPlan = {
      sheets: [
        {
          name: "Matrix",
          blocks: [
            {
              at: "A1",
              rows: [
                ["Account", "Strength", "Revenue"],
                ["Acme", 20, 20000],
                ["Bolt", 80, 85000],
              ],
            },
          ],
          charts: [
            {
              kind: "scatter",
              title: "Portfolio",
              from: "E1",
              to: "L15",
              series: [{ name: "Accounts", categories: "B2:B3", values: "C2:C3" }],
              xAxis: { min: 0, max: 100, numberFormat: "0" },
              yAxis: { min: 0, max: 100000, numberFormat: '#,##0,"k"' },
              crossAt: { x: 50, y: 60000 },
            },
          ],
        },
      ],
    };
    const axisOps = (excel: RecordingExcel) =>
      excel.ops(/\.axes\./).map((o) => [o.path.replace(/^.*\.axes\./, ""), o.value]);

    it("sets bounds, formats and crossings, each crossing on the axis it is measured on", async () => {
      const excel = new RecordingExcel();
      const result = await applyPlan(excel.context, quadrant, excel.supports);
      expect(result.skipped).toEqual([]);
      // categoryAxis is the x axis of a scatter chart; setPositionAt(v) says where the OTHER axis crosses this one
      expect(axisOps(excel)).toEqual([
        ["categoryAxis.maximum", 100],
        ["categoryAxis.minimum", 0],
        ["categoryAxis.numberFormat", "0"],
        ["valueAxis.maximum", 100000],
        ["valueAxis.minimum", 0],
        ["valueAxis.numberFormat", '#,##0,"k"'],
        ["categoryAxis.setPositionAt(50)", undefined],
        ["valueAxis.tickLabelPosition", "Low"],
        ["valueAxis.setPositionAt(60000)", undefined],
        ["categoryAxis.tickLabelPosition", "Low"],
      ]);
    });

    it("touches no axis of a chart that plans none", async () => {
      const excel = new RecordingExcel();
      await applyPlan(excel.context, minimal(), excel.supports);
      expect(excel.ops(/\.axes\.\w+Axis\.(minimum|maximum|numberFormat|setPositionAt|tickLabelPosition)/)).toEqual([]);
    });

    it("the fake refuses what Excel refuses: an API newer than the host, a value of the wrong type", async () => {
      let sheets = 0;
      const chart = (excel: RecordingExcel) => {
        const sheet = excel.context.workbook.worksheets.add(`S${++sheets}`);
        return sheet.charts.add("XYScatter", sheet.getRange("A1:B3"), "Columns");
      };
      const old = new RecordingExcel();
      old.excelApi = "1.7";
      chart(old).axes.valueAxis.setPositionAt(5);
      await expect(old.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
      chart(old).axes.valueAxis.numberFormat = "0%";
      await expect(old.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
      chart(old).axes.valueAxis.tickLabelPosition = "Low";
      await old.sync();
      const cases: ((axis: Excel.ChartAxis) => void)[] = [
        (axis) => axis.setPositionAt("5" as unknown as number),
        (axis) => axis.setPositionAt(Number.NaN),
        (axis) => (axis.minimum = "auto"),
        (axis) => (axis.maximum = Number.POSITIVE_INFINITY),
        (axis) => (axis.numberFormat = 0 as unknown as string),
        (axis) => (axis.tickLabelPosition = "Bottom" as Excel.ChartAxisTickLabelPosition),
      ];
      for (const set of cases) {
        const excel = new RecordingExcel();
        set(chart(excel).axes.categoryAxis);
        await expect(excel.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      }
      const fine = new RecordingExcel();
      const axis = chart(fine).axes.valueAxis;
      axis.minimum = "";
      axis.maximum = 10;
      axis.setPositionAt(2.5);
      await fine.sync();
      expect(fine.ops(/axes/)).toHaveLength(3);
    });
  });

  it("replaces its own sheet in place and records ownership", async () => {
    const excel = new RecordingExcel([RecordingExcel.sheet("Intro", 0), RecordingExcel.sheet("Account Data", 1)]);
    await applyPlan(excel.context, minimal(), all);
    const owned = JSON.parse(excel.settings.get(OWNED_SHEETS_KEY) as string) as string[];
    expect(owned).toEqual([excel.byName("Data")!.id, excel.byName("Summary")!.id]);
    // the analyst moves Summary to the front; a rebuild keeps it there and replaces both sheets
    const summary = excel.byName("Summary")!;
    excel.sheets = [summary, ...excel.sheets.filter((s) => s !== summary)];
    excel.sheets.forEach((s, i) => (s.position = i));
    summary.formulas.set("Z99", "left from an older build");
    const result = await applyPlan(excel.context, minimal(), all);
    expect(result.renamed).toEqual([]);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Summary", "Intro", "Account Data", "Data"]);
    // the same sheets, emptied and redrawn: never deleted, so formulas pointing at them keep working
    expect(JSON.parse(excel.settings.get(OWNED_SHEETS_KEY) as string)).toEqual(owned);
    expect(excel.ops(/^sheet\(.*\)\.delete\(\)$/)).toEqual([]);
    expect(excel.ops(/^worksheets\.add/)).toHaveLength(2); // by the first build only
    expect(summary.formulas.has("Z99")).toBe(false);
    expect(summary.formulas.get("A1")).toBe("Segment");
    // the old charts and table are gone; exactly the new ones are there
    expect(excel.ops(/^Summary\.charts\.delete\(/)).toHaveLength(2);
    expect(excel.ops(/^Summary\.tables\.delete\(/)).toHaveLength(1);
    expect(summary.charts).toHaveLength(2);
    expect(summary.tables).toHaveLength(1);
    expect(result.syncs).toBe(4); // read, list charts and tables, cells, finish
    for (const reset of ["clear()", "unmerge()", "conditionalFormats.clearAll()", "format.useStandardWidth"])
      expect(
        excel.ops(new RegExp(`^(Data|Summary)\\.getRange\\(\\)\\.${reset.replace(/[().]/g, "\\$&")}$`)),
      ).toHaveLength(2);
  });

  it("never touches a user's sheet with the planned name: it picks a new name and says so", async () => {
    const mine = RecordingExcel.sheet("Summary", 0);
    mine.formulas.set("A1", "my notes");
    const excel = new RecordingExcel([mine]);
    const result = await applyPlan(excel.context, minimal(), all);
    expect(result.renamed).toEqual([{ planned: "Summary", used: "Summary (2)" }]);
    expect(excel.byName("Summary")!.formulas.get("A1")).toBe("my notes");
    expect(excel.ops(/sheet\(user-Summary\)\.delete/)).toEqual([]);
  });

  it("replaces its own defined names on a rebuild, and leaves a name the analyst made alone, saying so", async () => {
    const excel = new RecordingExcel();
    await applyPlan(excel.context, minimal(), all);
    await applyPlan(excel.context, minimal(), all);
    expect(excel.names.get("totalrevenue")).toBe("=Summary!$B$6");
    expect(excel.ops(/names\.getItemOrNullObject\(TotalRevenue\)\.delete\(\)$/)).toHaveLength(1);

    const theirs = new RecordingExcel();
    theirs.names.set("totalrevenue", "='My plan'!$C$3");
    const result = await applyPlan(theirs.context, minimal(), all);
    expect(theirs.names.get("totalrevenue")).toBe("='My plan'!$C$3");
    expect(result.skipped).toContain(
      'The name "TotalRevenue" already exists in this workbook and is not the add-in\'s: it was left as it is.',
    );
  });

  it("points every formula and name at the renamed sheet, never at the user's sheet of the planned name", async () => {
    const excel = new RecordingExcel([RecordingExcel.sheet("Data", 0), RecordingExcel.sheet("Summary", 1)]);
    const result = await applyPlan(excel.context, minimal(), all);
    expect(result.renamed).toEqual([
      { planned: "Data", used: "Data (2)" },
      { planned: "Summary", used: "Summary (2)" },
    ]);
    const summary = excel.byName("Summary (2)")!;
    expect(summary.formulas.get("B2")).toBe("=SUMIFS('Data (2)'!$G$3:$G$12,'Data (2)'!$F$3:$F$12,A2)");
    expect(summary.formulas.get("B8")).not.toMatch(/(^|[^'])Data!/);
    expect(excel.ops(/names\.add/).map((o) => o.path)).toContain(
      "workbook.names.add(TotalRevenue,='Summary (2)'!$B$6)",
    );
  });

  it("keeps syncs bounded by bytes, not rows, and every request under 5 MB", async () => {
    const small = new RecordingExcel();
    const few = await applyPlan(small.context, samplePlan(sampleAccounts(10)), all);
    const big = new RecordingExcel();
    const many = await applyPlan(big.context, samplePlan(sampleAccounts(100_000)), all);
    expect(few.syncs).toBe(4); // read; create sheets; cells and features; labels and finish
    expect(Math.max(...big.requestBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    // as measured by the fake, not as estimated by the renderer: the budget holds with room to spare
    expect(Math.max(...big.requestBytes)).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    const totalBytes = big.requestBytes.reduce((a, b) => a + b, 0);
    expect(many.syncs).toBeLessThanOrEqual(3 + Math.ceil(totalBytes / (3 * 1024 * 1024)));
    expect(big.byName("Data")!.formulas.get("O100002")).toMatch(/^=1-\(K100002-L100002\)\/J100002$/);
  });
});
