/**
 * applySheetFeatures over the strict recording fake, operation by operation: the exact Office.js calls and property
 * values each planned feature becomes (layout, freeze panes, styles with their borders edge by edge, conditional
 * formats, tables, charts of every kind with their series, colours, axes and point labels, print setup), and the bytes
 * each group reserves before it is queued (documented in the source: OPERATION_BYTES per operation plus the group's
 * JSON). The fake checks every enum value against @types/office-js (Excel.BorderIndex, BorderWeight, ChartType, …),
 * so a misspelt one fails the sync; the lists here pin which of the valid ones is sent.
 */
import { describe, expect, it } from "vitest";
import { applySheetFeatures, jsonBytes, OPERATION_BYTES } from "../../src/excel/sheetFeatures";
import type { ChartPlan, SheetPlan } from "../../src/report/plan";
import { RecordingExcel } from "../fakes/fakeExcelWriter";

/**
 * The features of `plan` applied to a fresh sheet of the fake: every operation in order ([path] or [path, value]),
 * each reserve with the number of operations queued when it was asked for, the point labels, and the fake. The labels
 * are set after the sync that makes the charts, as applyPlan does.
 */
async function features(plan: Omit<SheetPlan, "blocks">) {
  const excel = new RecordingExcel([RecordingExcel.sheet(plan.name, 0)]);
  const sheet = excel.context.workbook.worksheets.getItem(plan.name);
  const reserves: { bytes: number; queued: number }[] = [];
  const labels = await applySheetFeatures(sheet, { ...plan, blocks: [] }, async (bytes) => {
    reserves.push({ bytes, queued: excel.pending });
  });
  await excel.context.sync();
  const before = excel.operations.length;
  for (const label of labels) label.apply();
  await excel.context.sync();
  const list = (ops: typeof excel.operations) => ops.map((o) => (o.value === undefined ? [o.path] : [o.path, o.value]));
  return {
    excel,
    reserves,
    labels,
    ops: list(excel.operations.slice(0, before)),
    labelOps: list(excel.operations.slice(before)),
  };
}

/** What one group reserves: `n` operations and its JSON. */
const reserve = (n: number, value: unknown) => n * OPERATION_BYTES + jsonBytes(value);

describe("sheet layout", () => {
  it("sets widths in points, heights, merges, visibility, tab colour, gridlines and a freeze at a cell", async () => {
    const { ops, reserves } = await features({
      name: "S",
      columnWidths: { A: 10, C: 8.43 },
      rowHeights: { 1: 30, 3: 15.75 },
      merges: ["A1:C1", "A2:B2"],
      visibility: "veryHidden",
      tabColor: "1F3864",
      showGridlines: false,
      freeze: { rows: 2, columns: 1 },
    });
    expect(ops).toEqual([
      // 10 characters: 75 pixels, 56.25 points; 8.43: 64.01 pixels, 48.01 points
      ["S.getRange(A:A)"],
      ["S.getRange(A:A).format.columnWidth", 56.25],
      ["S.getRange(C:C)"],
      ["S.getRange(C:C).format.columnWidth", 48.01],
      ["S.visibility", "VeryHidden"],
      ["S.getRange(1:1)"],
      ["S.getRange(1:1).format.rowHeight", 30],
      ["S.getRange(3:3)"],
      ["S.getRange(3:3).format.rowHeight", 15.75],
      ["S.getRange(A1:C1)"],
      ["S.getRange(A1:C1).merge(false)"],
      ["S.getRange(A2:B2)"],
      ["S.getRange(A2:B2).merge(false)"],
      ["S.tabColor", "#1F3864"],
      ["S.showGridlines", false],
      // the panes freeze above and left of C3: the top 2 rows and the first column
      ["S.freezePanes.freezeAt(S!A1:A2)"],
    ]);
    // 2 operations per width, height and merge, 8 for the rest, and the merges' JSON: all before anything is queued
    expect(reserves).toEqual([{ bytes: 20 * OPERATION_BYTES + jsonBytes(["A1:C1", "A2:B2"]), queued: 0 }]);
    expect(reserves[0].bytes).toBe(6017);
  });

  it("freezes rows alone, columns alone, and nothing for no rows and no columns", async () => {
    const freeze = async (rows: number, columns: number) =>
      (await features({ name: "S", freeze: { rows, columns } })).ops;
    expect(await freeze(3, 0)).toEqual([["S.freezePanes.freezeRows(3)"]]);
    expect(await freeze(0, 2)).toEqual([["S.freezePanes.freezeColumns(2)"]]);
    expect(await freeze(1, 1)).toEqual([["S.freezePanes.freezeAt(S!A1:A1)"]]);
    expect(await freeze(0, 0)).toEqual([]);
  });

  it("leaves a visible sheet, the gridlines and every default as they are, and reserves the fixed 8 operations", async () => {
    const plain = await features({ name: "S" });
    expect(plain.ops).toEqual([]);
    expect(plain.labels).toEqual([]);
    expect(plain.reserves).toEqual([{ bytes: 8 * OPERATION_BYTES + 2, queued: 0 }]);
    const shown = await features({ name: "S", visibility: "visible", showGridlines: true, merges: [] });
    expect(shown.ops).toEqual([]);
    expect(shown.reserves).toEqual([{ bytes: 8 * OPERATION_BYTES + 2, queued: 0 }]);
  });
});

describe("styles", () => {
  it("sets font, fill, alignment, wrapping and borders edge by edge, thin borders light grey unless coloured", async () => {
    const styles = [
      {
        range: "A1:C1",
        font: { bold: true, italic: false, size: 14, color: "FFFFFF" },
        fill: "1F3864",
        horizontalAlignment: "center",
        verticalAlignment: "middle",
        wrapText: true,
        border: { edges: "bottom", style: "medium", color: "000000" },
      },
      { range: "A2:C4", border: { edges: "outline", style: "thin" } },
      {
        range: "B3:C4",
        font: { bold: false, italic: true },
        horizontalAlignment: "left",
        verticalAlignment: "top",
        border: { edges: "all", style: "thin", color: "D9D9D9" },
      },
      { range: "C2", font: {}, horizontalAlignment: "right", verticalAlignment: "bottom", wrapText: false },
      { range: "B2", numberFormat: "0%" },
    ] as const;
    const { ops, reserves } = await features({ name: "S", styles });
    const edge = (range: string, index: string, weight: string, color: string) => [
      [`S.getRange(${range}).format.borders.getItem(${index})`],
      [`S.getRange(${range}).format.borders.getItem(${index}).style`, "Continuous"],
      [`S.getRange(${range}).format.borders.getItem(${index}).weight`, weight],
      [`S.getRange(${range}).format.borders.getItem(${index}).color`, color],
    ];
    expect(ops).toEqual([
      ["S.getRange(A1:C1)"],
      ["S.getRange(A1:C1).format.font.bold", true],
      ["S.getRange(A1:C1).format.font.italic", false],
      ["S.getRange(A1:C1).format.font.size", 14],
      ["S.getRange(A1:C1).format.font.color", "#FFFFFF"],
      ["S.getRange(A1:C1).format.fill.color", "#1F3864"],
      ["S.getRange(A1:C1).format.horizontalAlignment", "Center"],
      ["S.getRange(A1:C1).format.verticalAlignment", "Center"],
      ["S.getRange(A1:C1).format.wrapText", true],
      ...edge("A1:C1", "EdgeBottom", "Medium", "#000000"),
      ["S.getRange(A2:C4)"],
      ...["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"].flatMap((e) => edge("A2:C4", e, "Thin", "#BFBFBF")),
      ["S.getRange(B3:C4)"],
      ["S.getRange(B3:C4).format.font.bold", false],
      ["S.getRange(B3:C4).format.font.italic", true],
      ["S.getRange(B3:C4).format.horizontalAlignment", "Left"],
      ["S.getRange(B3:C4).format.verticalAlignment", "Top"],
      ...["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"].flatMap((e) =>
        edge("B3:C4", e, "Thin", "#D9D9D9"),
      ),
      ["S.getRange(C2)"],
      ["S.getRange(C2).format.horizontalAlignment", "Right"],
      ["S.getRange(C2).format.verticalAlignment", "Bottom"],
      // a number format is the cells' (blockWrites): nothing here
      ["S.getRange(B2)"],
    ]);
    // the layout group, then 24 operations and its JSON per style, each reserved before the style is queued
    let queued = 0;
    const expected = [{ bytes: reserve(8, []), queued: 0 }];
    for (const [i, s] of styles.entries()) {
      expected.push({ bytes: reserve(24, s), queued });
      queued += [13, 17, 29, 3, 1][i];
    }
    expect(reserves).toEqual(expected);
  });

  it("makes a medium border medium on every edge it names, in the default grey without a colour", async () => {
    const { ops } = await features({
      name: "S",
      styles: [{ range: "B2:B3", border: { edges: "outline", style: "medium" } }],
    });
    expect(ops.filter(([path]) => /\.(weight|color)$/.test(path as string))).toEqual(
      ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"].flatMap((e) => [
        [`S.getRange(B2:B3).format.borders.getItem(${e}).weight`, "Medium"],
        [`S.getRange(B2:B3).format.borders.getItem(${e}).color`, "#BFBFBF"],
      ]),
    );
  });
});

describe("conditional formats", () => {
  it("adds colour scales, data bars and cell-value rules with Excel's operator names and formulas with =", async () => {
    const conditionalFormats = [
      { type: "colorScale", range: "D2:D9", colors: ["F8696B", "FFEB84", "63BE7B"] },
      { type: "dataBar", range: "E2:E9", color: "638EC6" },
      {
        type: "cellValue",
        range: "F2:F9",
        operator: "between",
        formula1: "2",
        formula2: "$B$1",
        fill: "C6EFCE",
        fontColor: "006100",
      },
      { type: "cellValue", range: "G2:G9", operator: "equal", formula1: '"x"' },
      { type: "cellValue", range: "H2:H9", operator: "greaterThan", formula1: "0.2", fill: "F4CCCC" },
      { type: "cellValue", range: "I2:I9", operator: "lessThan", formula1: "-1", fontColor: "9C0006" },
    ] as const;
    const { ops, reserves } = await features({ name: "S", conditionalFormats });
    const rule = (range: string) => `S.getRange(${range}).conditionalFormats.add(CellValue).cellValue`;
    expect(ops).toEqual([
      ["S.getRange(D2:D9)"],
      ["S.getRange(D2:D9).conditionalFormats.add(ColorScale)"],
      [
        "S.getRange(D2:D9).conditionalFormats.add(ColorScale).colorScale.criteria",
        {
          minimum: { type: "LowestValue", formula: undefined, color: "#F8696B" },
          midpoint: { type: "Percentile", formula: "50", color: "#FFEB84" },
          maximum: { type: "HighestValue", formula: undefined, color: "#63BE7B" },
        },
      ],
      ["S.getRange(E2:E9)"],
      ["S.getRange(E2:E9).conditionalFormats.add(DataBar)"],
      ["S.getRange(E2:E9).conditionalFormats.add(DataBar).dataBar.positiveFormat.fillColor", "#638EC6"],
      ["S.getRange(F2:F9)"],
      ["S.getRange(F2:F9).conditionalFormats.add(CellValue)"],
      [`${rule("F2:F9")}.rule`, { formula1: "=2", formula2: "=$B$1", operator: "Between" }],
      [`${rule("F2:F9")}.format.fill.color`, "#C6EFCE"],
      [`${rule("F2:F9")}.format.font.color`, "#006100"],
      ["S.getRange(G2:G9)"],
      ["S.getRange(G2:G9).conditionalFormats.add(CellValue)"],
      [`${rule("G2:G9")}.rule`, { formula1: '="x"', formula2: undefined, operator: "EqualTo" }],
      ["S.getRange(H2:H9)"],
      ["S.getRange(H2:H9).conditionalFormats.add(CellValue)"],
      [`${rule("H2:H9")}.rule`, { formula1: "=0.2", formula2: undefined, operator: "GreaterThan" }],
      [`${rule("H2:H9")}.format.fill.color`, "#F4CCCC"],
      ["S.getRange(I2:I9)"],
      ["S.getRange(I2:I9).conditionalFormats.add(CellValue)"],
      [`${rule("I2:I9")}.rule`, { formula1: "=-1", formula2: undefined, operator: "LessThan" }],
      [`${rule("I2:I9")}.format.font.color`, "#9C0006"],
    ]);
    // no second bound is sent at all for a one-bound rule (not even "=undefined")
    expect(ops.filter(([path]) => /\.rule$/.test(path as string)).map(([, v]) => "formula2" in (v as object))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    let queued = 0;
    const expected = [{ bytes: reserve(8, []), queued: 0 }];
    for (const [i, cf] of conditionalFormats.entries()) {
      expected.push({ bytes: reserve(8, cf), queued });
      queued += [3, 3, 5, 3, 4, 4][i];
    }
    expect(reserves).toEqual(expected);
  });
});

describe("tables", () => {
  it("adds each table with headers, names it, and styles it only where the plan says", async () => {
    const tables = [
      { name: "Accounts", range: "A5:C9", style: "TableStyleMedium2" },
      { name: "Totals", range: "E5:F7" },
    ];
    const { ops, reserves, excel } = await features({ name: "S", tables });
    expect(ops).toEqual([
      ["S.tables.add(A5:C9,true)"],
      ["S.tables.add(A5:C9,true).name", "Accounts"],
      ["S.tables.add(A5:C9,true).style", "TableStyleMedium2"],
      ["S.tables.add(E5:F7,true)"],
      ["S.tables.add(E5:F7,true).name", "Totals"],
    ]);
    expect(excel.byName("S")!.tables.map((t) => t.name)).toEqual(["Accounts", "Totals"]);
    expect(reserves).toEqual([
      { bytes: reserve(8, []), queued: 0 },
      { bytes: reserve(3, tables[0]), queued: 0 },
      { bytes: reserve(3, tables[1]), queued: 3 },
    ]);
  });
});

describe("charts", () => {
  it("draws a column chart from its first series, adds the others, colours bars, titles and formats the axes", async () => {
    const chart: ChartPlan = {
      kind: "column",
      title: "Revenue",
      from: "H1",
      to: "N15",
      legend: "bottom",
      series: [
        { name: "2023", categories: "A2:A4", values: "B2:B4", color: "1F3864" },
        { name: "2024", categories: "A2:A4", values: "C2:C4" },
      ],
      xAxisTitle: "Segment",
      yAxisTitle: "EUR",
      yAxis: { min: 0, numberFormat: "#,##0" },
    };
    const { ops, reserves, labels } = await features({ name: "S", charts: [chart] });
    const c = "S.charts.add(ColumnClustered,S.getRange(B2:B4),Columns)";
    expect(ops).toEqual([
      ["S.getRange(B2:B4)"],
      [c],
      [`${c}.title.text`, "Revenue"],
      [`${c}.setPosition(H1,N15)`],
      [`${c}.legend.visible`, true],
      [`${c}.legend.position`, "Bottom"],
      [`${c}.series.getItemAt(0)`],
      [`${c}.series.getItemAt(0).name`, "2023"],
      ["S.getRange(A2:A4)"],
      [`${c}.series.getItemAt(0).setXAxisValues(S.getRange(A2:A4))`],
      [`${c}.series.getItemAt(0).format.fill.setSolidColor(#1F3864)`],
      [`${c}.series.add(2024)`],
      [`${c}.series.add(2024).name`, "2024"],
      ["S.getRange(A2:A4)"],
      [`${c}.series.add(2024).setXAxisValues(S.getRange(A2:A4))`],
      ["S.getRange(C2:C4)"],
      [`${c}.series.add(2024).setValues(S.getRange(C2:C4))`],
      [`${c}.axes.categoryAxis.title.text`, "Segment"],
      [`${c}.axes.valueAxis.title.text`, "EUR"],
      [`${c}.axes.valueAxis.minimum`, 0],
      [`${c}.axes.valueAxis.numberFormat`, "#,##0"],
    ]);
    expect(labels).toEqual([]);
    expect(reserves).toEqual([
      { bytes: reserve(8, []), queued: 0 },
      { bytes: reserve(20 + 14 * 2, chart), queued: 0 },
    ]);
  });

  it("colours a line chart's line, hides a legend of none and sets an axis maximum alone", async () => {
    const chart: ChartPlan = {
      kind: "line",
      title: "Trend",
      from: "H16",
      to: "N30",
      legend: "none",
      series: [{ name: "Revenue", values: "B2:B4", color: "C00000" }],
      xAxis: { max: 10 },
    };
    const { ops } = await features({ name: "S", charts: [chart] });
    const c = "S.charts.add(Line,S.getRange(B2:B4),Columns)";
    expect(ops).toEqual([
      ["S.getRange(B2:B4)"],
      [c],
      [`${c}.title.text`, "Trend"],
      [`${c}.setPosition(H16,N30)`],
      [`${c}.legend.visible`, false],
      [`${c}.series.getItemAt(0)`],
      [`${c}.series.getItemAt(0).name`, "Revenue"],
      [`${c}.series.getItemAt(0).format.line.color`, "#C00000"],
      [`${c}.axes.categoryAxis.maximum`, 10],
    ]);
  });

  it("gives a doughnut no axes, its titles and bounds notwithstanding", async () => {
    const chart: ChartPlan = {
      kind: "doughnut",
      title: "Mix",
      from: "P1",
      to: "T10",
      legend: "right",
      xAxisTitle: "Segment",
      yAxisTitle: "Share",
      xAxis: { min: 1 },
      yAxis: { max: 2 },
      series: [{ name: "Mix", categories: "A2:A4", values: "B2:B4", color: "00B050" }],
    };
    const { ops } = await features({ name: "S", charts: [chart] });
    const c = "S.charts.add(Doughnut,S.getRange(B2:B4),Columns)";
    expect(ops).toEqual([
      ["S.getRange(B2:B4)"],
      [c],
      [`${c}.title.text`, "Mix"],
      [`${c}.setPosition(P1,T10)`],
      [`${c}.legend.visible`, true],
      [`${c}.series.getItemAt(0)`],
      [`${c}.series.getItemAt(0).name`, "Mix"],
      ["S.getRange(A2:A4)"],
      [`${c}.series.getItemAt(0).setXAxisValues(S.getRange(A2:A4))`],
      [`${c}.series.getItemAt(0).format.fill.setSolidColor(#00B050)`],
    ]);
  });

  it("draws bars and stacked bars as Excel's BarClustered and BarStacked", async () => {
    for (const [kind, type] of [
      ["bar", "BarClustered"],
      ["stackedBar", "BarStacked"],
    ] as const) {
      const { ops } = await features({
        name: "S",
        charts: [{ kind, title: "T", from: "A1", to: "B2", series: [{ name: "x", values: "C1:C3" }] }],
      });
      const c = `S.charts.add(${type},S.getRange(C1:C3),Columns)`;
      expect(ops).toEqual([
        ["S.getRange(C1:C3)"],
        [c],
        [`${c}.title.text`, "T"],
        [`${c}.setPosition(A1,B2)`],
        [`${c}.legend.visible`, true],
        [`${c}.series.getItemAt(0)`],
        [`${c}.series.getItemAt(0).name`, "x"],
      ]);
    }
  });

  it("labels a scatter chart's named points from cells on their sides, marks its colour, and crosses its axes", async () => {
    const chart: ChartPlan = {
      kind: "scatter",
      title: "Matrix",
      from: "H31",
      to: "N45",
      series: [
        {
          name: "Accounts",
          categories: "B2:B4",
          values: "C2:C4",
          // sizes and a bubble scale mean nothing to a scatter chart
          sizes: "D2:D4",
          labels: "A2:A4",
          labelPoints: [2, 0],
          labelPositions: ["left", "above", "below"],
          color: "7030A0",
        },
      ],
      bubbleScale: 50,
      xAxis: { numberFormat: "0" },
      crossAt: { x: 50, y: 0 },
    };
    const { ops, labelOps, labels } = await features({ name: "My S", charts: [chart] });
    const c = "My S.charts.add(XYScatter,My S.getRange(C2:C4),Columns)";
    const s = `${c}.series.getItemAt(0)`;
    expect(ops).toEqual([
      ["My S.getRange(C2:C4)"],
      [c],
      [`${c}.title.text`, "Matrix"],
      [`${c}.setPosition(H31,N45)`],
      [`${c}.legend.visible`, true],
      // a #N/A value is no point
      [`${c}.displayBlanksAs`, "NotPlotted"],
      [s],
      [`${s}.name`, "Accounts"],
      ["My S.getRange(B2:B4)"],
      [`${s}.setXAxisValues(My S.getRange(B2:B4))`],
      [`${s}.markerBackgroundColor`, "#7030A0"],
      [`${s}.markerForegroundColor`, "#7030A0"],
      [`${s}.hasDataLabels`, true],
      [`${s}.dataLabels.showValue`, false],
      [`${c}.axes.categoryAxis.numberFormat`, "0"],
      // the vertical axis stands at x = 50, the horizontal one at y = 0; the tick labels go to the plot's low edge
      [`${c}.axes.categoryAxis.setPositionAt(50)`],
      [`${c}.axes.valueAxis.tickLabelPosition`, "Low"],
      [`${c}.axes.valueAxis.setPositionAt(0)`],
      [`${c}.axes.categoryAxis.tickLabelPosition`, "Low"],
    ]);
    // only the named points, in the plan's order: 2 (A4, below) and 0 (A2, left)
    expect(labelOps).toEqual([
      [`${s}.points.getItemAt(2)`],
      [`${s}.points.getItemAt(2).dataLabel.formula`, "='My S'!$A$4"],
      [`${s}.points.getItemAt(2).dataLabel.position`, "Bottom"],
      [`${s}.points.getItemAt(0)`],
      [`${s}.points.getItemAt(0).dataLabel.formula`, "='My S'!$A$2"],
      [`${s}.points.getItemAt(0).dataLabel.position`, "Left"],
    ]);
    // 3 operations per label and its formula's JSON
    expect(labels.map((l) => l.bytes)).toEqual([
      3 * OPERATION_BYTES + jsonBytes("='My S'!$A$4"),
      3 * OPERATION_BYTES + jsonBytes("='My S'!$A$2"),
    ]);
    expect(labels[0].bytes).toBe(914);
  });

  it("builds a bubble chart series by series from an emptied chart, sizes, scale and every label on its side", async () => {
    const chart: ChartPlan = {
      kind: "bubble",
      title: "Bubbles",
      from: "P11",
      to: "T25",
      legend: "bottom",
      bubbleScale: 60,
      series: [
        {
          name: "Key",
          categories: "B2:B4",
          values: "C2:C4",
          sizes: "D2:D4",
          labels: "A2:A4",
          labelPositions: ["above", "center"],
          color: "FFC000",
        },
        { name: "Other", categories: "B5:B6", values: "C5:C6", sizes: "D5:D6" },
      ],
      crossAt: { y: 5 },
    };
    const { ops, labelOps, reserves } = await features({ name: "S", charts: [chart] });
    const c = "S.charts.add(Bubble,S.getRange(C2:C4),Columns)";
    const key = `${c}.series.add(Key)`;
    const other = `${c}.series.add(Other)`;
    expect(ops).toEqual([
      ["S.getRange(C2:C4)"],
      [c],
      [`${c}.series.getItemAt(0)`],
      [`${c}.series.getItemAt(0).delete()`],
      [`${c}.title.text`, "Bubbles"],
      [`${c}.setPosition(P11,T25)`],
      [`${c}.legend.visible`, true],
      [`${c}.displayBlanksAs`, "NotPlotted"],
      [`${c}.legend.position`, "Bottom"],
      [key],
      [`${key}.name`, "Key"],
      ["S.getRange(B2:B4)"],
      [`${key}.setXAxisValues(S.getRange(B2:B4))`],
      ["S.getRange(C2:C4)"],
      [`${key}.setValues(S.getRange(C2:C4))`],
      ["S.getRange(D2:D4)"],
      [`${key}.setBubbleSizes(S.getRange(D2:D4))`],
      [`${key}.bubbleScale`, 60],
      [`${key}.format.fill.setSolidColor(#FFC000)`],
      [`${key}.hasDataLabels`, true],
      [`${key}.dataLabels.showValue`, false],
      [other],
      [`${other}.name`, "Other"],
      ["S.getRange(B5:B6)"],
      [`${other}.setXAxisValues(S.getRange(B5:B6))`],
      ["S.getRange(C5:C6)"],
      [`${other}.setValues(S.getRange(C5:C6))`],
      ["S.getRange(D5:D6)"],
      [`${other}.setBubbleSizes(S.getRange(D5:D6))`],
      [`${other}.bubbleScale`, 60],
      [`${c}.axes.valueAxis.setPositionAt(5)`],
      [`${c}.axes.categoryAxis.tickLabelPosition`, "Low"],
    ]);
    // every point of the labels range, a side left unplanned on the right
    expect(labelOps).toEqual([
      [`${key}.points.getItemAt(0)`],
      [`${key}.points.getItemAt(0).dataLabel.formula`, "='S'!$A$2"],
      [`${key}.points.getItemAt(0).dataLabel.position`, "Top"],
      [`${key}.points.getItemAt(1)`],
      [`${key}.points.getItemAt(1).dataLabel.formula`, "='S'!$A$3"],
      [`${key}.points.getItemAt(1).dataLabel.position`, "Center"],
      [`${key}.points.getItemAt(2)`],
      [`${key}.points.getItemAt(2).dataLabel.formula`, "='S'!$A$4"],
      [`${key}.points.getItemAt(2).dataLabel.position`, "Right"],
    ]);
    expect(reserves).toEqual([
      { bytes: reserve(8, []), queued: 0 },
      { bytes: reserve(20 + 14 * 2, chart), queued: 0 },
    ]);
  });

  it("leaves a bubble chart's scale to Excel where the plan sets none, and puts labels without sides on the right", async () => {
    const { ops, labelOps } = await features({
      name: "S",
      charts: [
        {
          kind: "bubble",
          title: "T",
          from: "A1",
          to: "B2",
          series: [{ name: "x", categories: "B1:B2", values: "C1:C2", sizes: "D1:D2", labels: "A1:A2" }],
        },
      ],
    });
    const s = "S.charts.add(Bubble,S.getRange(C1:C2),Columns).series.add(x)";
    expect(ops.filter(([path]) => (path as string).startsWith(s))).toEqual([
      [s],
      [`${s}.name`, "x"],
      [`${s}.setXAxisValues(S.getRange(B1:B2))`],
      [`${s}.setValues(S.getRange(C1:C2))`],
      [`${s}.setBubbleSizes(S.getRange(D1:D2))`],
      [`${s}.hasDataLabels`, true],
      [`${s}.dataLabels.showValue`, false],
    ]);
    expect(labelOps.filter(([path]) => (path as string).endsWith(".position"))).toEqual([
      [`${s}.points.getItemAt(0).dataLabel.position`, "Right"],
      [`${s}.points.getItemAt(1).dataLabel.position`, "Right"],
    ]);
  });

  it("labels the points of a column chart without a side (Excel's own place for it)", async () => {
    const { ops, labelOps } = await features({
      name: "S",
      charts: [
        {
          kind: "column",
          title: "T",
          from: "A1",
          to: "B2",
          series: [{ name: "x", values: "C1:C2", labels: "A1:A2", labelPositions: ["left", "left"] }],
        },
      ],
    });
    const s = "S.charts.add(ColumnClustered,S.getRange(C1:C2),Columns).series.getItemAt(0)";
    expect(ops.slice(-2)).toEqual([
      [`${s}.hasDataLabels`, true],
      [`${s}.dataLabels.showValue`, false],
    ]);
    expect(labelOps).toEqual([
      [`${s}.points.getItemAt(0)`],
      [`${s}.points.getItemAt(0).dataLabel.formula`, "='S'!$A$1"],
      [`${s}.points.getItemAt(1)`],
      [`${s}.points.getItemAt(1).dataLabel.formula`, "='S'!$A$2"],
    ]);
  });

  it("reserves each chart's bytes before queuing it, after the groups before it", async () => {
    const one: ChartPlan = { kind: "line", title: "A", from: "A1", to: "B2", series: [{ name: "a", values: "C1:C2" }] };
    const two: ChartPlan = {
      kind: "column",
      title: "B",
      from: "A3",
      to: "B4",
      series: [
        { name: "a", values: "C1:C2" },
        { name: "b", values: "D1:D2" },
        { name: "c", values: "E1:E2" },
      ],
    };
    const { reserves } = await features({
      name: "S",
      tables: [{ name: "Totals", range: "A1:B3" }],
      charts: [one, two],
      print: { landscape: true },
    });
    expect(reserves).toEqual([
      { bytes: reserve(8, []), queued: 0 },
      { bytes: reserve(3, { name: "Totals", range: "A1:B3" }), queued: 0 },
      { bytes: reserve(34, one), queued: 2 },
      { bytes: reserve(62, two), queued: 2 + 7 },
      { bytes: reserve(4, { landscape: true }), queued: 2 + 7 + 15 },
    ]);
  });
});

describe("print setup", () => {
  it("sets landscape, fit to one page and the print area, each only where the plan asks", async () => {
    const all = await features({ name: "S", print: { landscape: true, fitToOnePage: true, area: "A1:N45" } });
    expect(all.ops).toEqual([
      ["S.pageLayout.orientation", "Landscape"],
      ["S.pageLayout.zoom", { horizontalFitToPages: 1, verticalFitToPages: 1 }],
      ["S.pageLayout.setPrintArea(A1:N45)"],
    ]);
    expect(all.reserves).toEqual([
      { bytes: reserve(8, []), queued: 0 },
      { bytes: reserve(4, { landscape: true, fitToOnePage: true, area: "A1:N45" }), queued: 0 },
    ]);
    const none = await features({ name: "S", print: { landscape: false, fitToOnePage: false } });
    expect(none.ops).toEqual([]);
    expect(none.reserves).toEqual([
      { bytes: reserve(8, []), queued: 0 },
      { bytes: reserve(4, { landscape: false, fitToOnePage: false }), queued: 0 },
    ]);
  });
});
