import { describe, expect, it } from "vitest";
import { ROW_TOKEN, type ChartPlan, type PlanCell, type SheetPlan, type WorkbookPlan } from "../../src/report/plan";
import { nameProblem, sanitizeSheetName, validatePlan } from "../../src/report/planValidation";
import { sampleAccounts, samplePlan } from "../fixtures/samplePlan";

describe("sheet names", () => {
  it("follow Excel's rules", () => {
    expect(sanitizeSheetName("KPI: Q1/Q2 [draft]*?")).toBe("KPI- Q1-Q2 -draft---");
    expect(sanitizeSheetName("'quoted'")).toBe("quoted");
    // every leading and trailing apostrophe goes, one inside the name stays
    expect(sanitizeSheetName("''Tom's plan''")).toBe("Tom's plan");
    // Excel's limit is 31 characters: "A very long segmentation matrix" is exactly the first 31
    expect(sanitizeSheetName("A very long segmentation matrix sheet name")).toBe("A very long segmentation matrix");
    // a cut that ends in a space does not keep it: the first 31 characters here end with "matrix "
    expect(sanitizeSheetName("A very long segmentatio matrix sheet")).toBe("A very long segmentatio matrix");
    expect(sanitizeSheetName("")).toBe("Sheet (KAM)");
    expect(sanitizeSheetName("History")).toBe("History (KAM)");
    // spaces around a name go before it is checked: blank or "History" once trimmed is no name Excel takes either
    expect(sanitizeSheetName("   ")).toBe("Sheet (KAM)");
    expect(sanitizeSheetName(" history ")).toBe("history (KAM)");
    expect(sanitizeSheetName("' History '")).toBe("History (KAM)");
  });
});

describe("validatePlan", () => {
  it("accepts the sample plan, and a plan survives JSON unchanged", () => {
    const plan = samplePlan(sampleAccounts(5));
    expect(validatePlan(plan)).toEqual([]);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it("collects every problem", () => {
    const issues = validatePlan({
      sheets: [
        {
          name: "Bad/Name",
          blocks: [{ at: "A0", rows: [[1, 2], [3]] }],
          merges: ["A1:"],
          tables: [{ name: "1table", range: "A1:B2" }],
          charts: [{ kind: "bubble", title: "t", from: "A1", to: "B2", series: [{ name: "s", values: "A1:A2" }] }],
        },
        { name: "bad/name", blocks: [] },
      ],
      names: [{ name: "has space", refersTo: "A1" }],
    });
    expect(issues.map((i) => `${i.sheet} ${i.path}`)).toEqual([
      "Bad/Name name",
      "Bad/Name blocks[0].at",
      "Bad/Name blocks[0].rows[1]",
      "Bad/Name merges[0]",
      "Bad/Name tables",
      "Bad/Name charts[0]",
      "bad/name name",
      "bad/name name",
      " names",
    ]);
  });

  it("refuses NaN and infinities, which no cell holds and JSON turns into null", () => {
    const issues = validatePlan({
      sheets: [{ name: "S", blocks: [{ at: "A1", rows: [[1, Number.NaN, Number.POSITIVE_INFINITY, null]] }] }],
    });
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      "blocks[0].rows[0][1]: NaN is not a number a cell can hold: write null for a blank.",
      "blocks[0].rows[0][2]: Infinity is not a number a cell can hold: write null for a blank.",
    ]);
  });

  it("refuses text and formulas longer than Excel holds in a cell", () => {
    const issues = validatePlan({
      sheets: [
        {
          name: "S",
          blocks: [{ at: "A1", rows: [["x".repeat(32767), "x".repeat(32768), { f: "1+".repeat(4096) + "1" }]] }],
        },
      ],
    });
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      "blocks[0].rows[0][1]: text longer than Excel holds.",
      "blocks[0].rows[0][2]: a formula longer than Excel holds.",
    ]);
  });

  it("wants a chart to have a series, and a bubble chart sizes for each", () => {
    const issues = validatePlan({
      sheets: [
        {
          name: "S",
          blocks: [],
          charts: [
            { kind: "column", title: "Empty", from: "A1", to: "B2", series: [] },
            {
              kind: "bubble",
              title: "Portfolio",
              from: "A1",
              to: "B2",
              series: [
                { name: "a", values: "B2:B9", categories: "A2:A9", sizes: "C2:C9" },
                { name: "b", values: "B2:B9", categories: "A2:A9" },
              ],
            },
          ],
        },
      ],
    });
    expect(issues.map((i) => `${i.sheet} ${i.path}: ${i.message}`)).toEqual([
      "S charts[0]: a chart needs at least one series.",
      "S charts[1]: a bubble series needs sizes.",
    ]);
  });

  it("checks chart series ranges, and one label cell per point", () => {
    const issues = validatePlan({
      sheets: [
        {
          name: "S",
          blocks: [],
          charts: [
            {
              kind: "scatter",
              title: "t",
              from: "A1",
              to: "B2",
              series: [
                { name: "a", values: "B2:B9", categories: "A2:A9", labels: "C2:C8" },
                { name: "b", values: "B2:B", labels: "C2:C9" },
              ],
            },
          ],
        },
      ],
    });
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      "charts[0].series[0].labels: C2:C8 has a different number of cells than B2:B9.",
      'charts[0].series[1].values: "B2:B" is not a range address.',
    ]);
  });

  it("checks axis formats, bounds and crossings, naming the sheet and the chart", () => {
    const chart = (extra: Partial<ChartPlan>): ChartPlan => ({
      kind: "scatter",
      title: "Portfolio",
      from: "E1",
      to: "L15",
      series: [{ name: "a", categories: "A2:A9", values: "B2:B9" }],
      ...extra,
    });
    const issues = (...charts: ChartPlan[]) =>
      validatePlan({ sheets: [{ name: "Matrix", blocks: [], charts }] }).map(
        (i) => `${i.sheet} ${i.path}: ${i.message}`,
      );
    // a quadrant chart: both axes bounded 0 to 100, formatted, crossing at the cuts
    const quadrant = chart({
      xAxis: { min: 0, max: 100, numberFormat: "0" },
      yAxis: { min: 0, max: 100, numberFormat: '#,##0,"k"' },
      crossAt: { x: 50, y: 60 },
    });
    expect(
      issues(quadrant, { ...quadrant, kind: "bubble", series: [{ ...quadrant.series[0], sizes: "C2:C9" }] }),
    ).toEqual([]);
    expect(
      issues(chart({ kind: "column", xAxis: { numberFormat: "@" }, yAxis: { min: 0, numberFormat: "0%" } })),
    ).toEqual([]);
    expect(
      issues(
        chart({
          xAxis: { min: Number.NaN, max: Number.POSITIVE_INFINITY, numberFormat: " " },
          yAxis: { min: 5, max: 5, numberFormat: "0".repeat(256) },
          crossAt: { x: Number.NEGATIVE_INFINITY, y: 7 },
        }),
      ),
    ).toEqual([
      'Matrix charts[0].xAxis.numberFormat: chart "Portfolio": number format " " must be 1 to 255 characters.',
      'Matrix charts[0].xAxis.min: chart "Portfolio": NaN is not a finite number.',
      'Matrix charts[0].xAxis.max: chart "Portfolio": Infinity is not a finite number.',
      `Matrix charts[0].yAxis.numberFormat: chart "Portfolio": number format "${"0".repeat(256)}" must be 1 to 255 characters.`,
      'Matrix charts[0].yAxis: chart "Portfolio": min 5 must be below max 5.',
      'Matrix charts[0].crossAt.x: chart "Portfolio": -Infinity is not a finite number.',
      'Matrix charts[0].crossAt.y: chart "Portfolio": 7 lies outside the y axis (5 to 5).',
    ]);
    // JSON turns NaN into null: the same refusal after a round trip
    expect(issues(JSON.parse(JSON.stringify(chart({ xAxis: { max: Number.NaN } }))) as ChartPlan)).toEqual([
      'Matrix charts[0].xAxis.max: chart "Portfolio": null is not a finite number.',
    ]);
    expect(
      issues(
        chart({ kind: "line", title: "Trend", xAxis: { min: 1 }, crossAt: { y: 0 } }),
        chart({ kind: "doughnut", title: "Mix", yAxis: { numberFormat: "0%" } }),
        chart({ crossAt: { x: 120 }, xAxis: { max: 100 } }),
      ),
    ).toEqual([
      'Matrix charts[0].xAxis: chart "Trend": a category axis has no minimum or maximum.',
      'Matrix charts[0].crossAt: chart "Trend": axes cross at a value only on scatter and bubble charts, not on a line chart.',
      'Matrix charts[1].yAxis: chart "Mix": a doughnut chart has no axes.',
      'Matrix charts[2].crossAt.x: chart "Portfolio": 120 lies outside the x axis (auto to 100).',
    ]);
  });

  it("wants a table's header cells to be distinct texts, as Excel names its columns after them", () => {
    const table = (header: PlanCell[]) =>
      validatePlan({
        sheets: [
          {
            name: "S",
            blocks: [{ at: "B2", rows: [header, header.map(() => 1)] }],
            tables: [{ name: "T", range: "B2:D3" }],
          },
        ],
      }).map((i) => i.message);
    expect(table(["Account", "Revenue", "NPS"])).toEqual([]);
    expect(table(["Account", "revenue", "Revenue"])).toEqual([
      'header 3 must be text, unique in the table (found "Revenue").',
    ]);
    expect(table(["Account", 2025, { f: "A1" }])).toEqual([
      "header 2 must be text, unique in the table (found 2025).",
      'header 3 must be text, unique in the table (found {"f":"A1"}).',
    ]);
    // a header of spaces is no name, and an empty header cell is none
    expect(table(["Account", " ", null])).toEqual([
      'header 2 must be text, unique in the table (found " ").',
      "header 3 must be text, unique in the table (found null).",
    ]);
  });

  it("refuses table and defined names that read as a cell (A1 or R1C1), as Excel does", () => {
    for (const name of ["FY2024", "Q1", "KPI1", "xfd1048576", "R1C1", "R2", "C3", "RC", "r", "c"])
      expect([name, nameProblem(name)]).toEqual([name, expect.any(String)]);
    // row 0 is no row: "A0" and "KPI0" name no cell
    for (const name of ["KPI_1", "FY_2024", "KamAccounts", "XFE1", "A1048577", "_Q1", "KPI_ACTIVE", "A0", "KPI0"])
      expect([name, nameProblem(name)]).toEqual([name, undefined]);
    const issues = validatePlan({
      sheets: [
        {
          name: "S",
          blocks: [{ at: "A1", rows: [["Account"], ["Acme"]] }],
          tables: [{ name: "FY2024", range: "A1:A2" }],
        },
      ],
      names: [
        { name: "KPI1", refersTo: "S!$A$1" },
        { name: "R1C1", refersTo: "S!$A$1" },
        { name: "Total", refersTo: "S!$A$1" },
        { name: "total", refersTo: "S!$A$2" },
      ],
    });
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'tables: table name "FY2024" is refused by Excel: it reads as the cell FY2024.',
      'names: "KPI1" is refused by Excel: it reads as the cell KPI1.',
      'names: "R1C1" is refused by Excel: it reads as an R1C1 reference.',
      'names: "total" is already a table or a name in the plan.',
    ]);
  });

  it("refuses rows past 1,048,576 and columns past XFD anywhere in a plan", () => {
    const issues = validatePlan({
      sheets: [
        {
          name: "S",
          blocks: [
            { at: "A1048576", rows: [[1], [2]] },
            { at: "XFD1", rows: [[1, 2]] },
            { at: "A9999999", rows: [[1]] },
          ],
          merges: ["XFE1:XFF1"],
          styles: [{ range: "A1:A1048577", font: { bold: true } }],
          columnWidths: { XFE: 10 },
          charts: [{ kind: "column", title: "t", from: "A1", to: "B2", series: [{ name: "s", values: "ZZZ1:ZZZ3" }] }],
        },
      ],
    });
    expect(issues.map((i) => i.path)).toEqual([
      "blocks[0]",
      "blocks[1]",
      "blocks[2]",
      "styles[0]",
      "merges[0]",
      "columnWidths.XFE",
      "charts[0].series[0].values",
    ]);
  });

  it("accepts ranges up to the last row and column XFD, whatever the number of column letters", () => {
    const ranges = ["XFD1048576", "AA1:XFD1048576", "$ZZ$10:$AAA$20", "A1:XFD1"];
    expect(
      validatePlan({
        sheets: [
          {
            name: "S",
            blocks: [{ at: "XFD1048576", rows: [[1]] }],
            styles: ranges.map((range) => ({ range, font: { bold: true } })),
            merges: ["XFC1048575:XFD1048576"],
            charts: [
              {
                kind: "column",
                title: "t",
                from: "AB2",
                to: "AK20",
                series: [{ name: "s", values: "XFD2:XFD1048576", categories: "$XFC$2:$XFC$1048576" }],
              },
            ],
          },
        ],
      }),
    ).toEqual([]);
  });

  it("wants each planned row height on a sheet row (1 to 1,048,576) and above 0, at most 409 points", () => {
    const issues = validatePlan({
      sheets: [
        {
          name: "S",
          blocks: [],
          rowHeights: {
            1: 24,
            2: 409,
            1048576: 0.75,
            0: 15,
            1048577: 15,
            "1.5": 15,
            "-1": 15,
            3: 0,
            4: 409.5,
            5: -2,
            6: Number.NaN,
          },
        },
      ],
    });
    expect(issues.map((i) => `${i.sheet} ${i.path}: ${i.message}`)).toEqual([
      "S rowHeights.0: row 0 is not a sheet row.",
      "S rowHeights.3: height 0 must be above 0 and at most 409.",
      "S rowHeights.4: height 409.5 must be above 0 and at most 409.",
      "S rowHeights.5: height -2 must be above 0 and at most 409.",
      "S rowHeights.6: height NaN must be above 0 and at most 409.",
      "S rowHeights.1048577: row 1048577 is not a sheet row.",
      "S rowHeights.1.5: row 1.5 is not a sheet row.",
      "S rowHeights.-1: row -1 is not a sheet row.",
    ]);
  });
});

describe("validatePlan's messages, as the plan's author reads them", () => {
  const messages = (sheet: Omit<SheetPlan, "name">, names?: WorkbookPlan["names"]) =>
    validatePlan({ sheets: [{ name: "S", ...sheet }], ...(names ? { names } : {}) }).map(
      (i) => `${i.path}: ${i.message}`,
    );

  it("names a cell block's bad address, its reach past the sheet and a short row", () => {
    expect(
      messages({
        blocks: [
          { at: "AAAA1", rows: [[1]] },
          { at: "A12345678", rows: [[1]] },
          { at: "a1", rows: [[1]] },
          { at: " A1", rows: [[1]] },
          { at: "A1 ", rows: [[1]] },
          { at: "XFC1048575", rows: [[1, 2, 3]] },
          { at: "B2", rows: [[1, 2], [3]] },
          { at: "XFD1048576", rows: [] },
        ],
      }),
    ).toEqual([
      'blocks[0].at: "AAAA1" is not a cell address.',
      'blocks[1].at: "A12345678" is not a cell address.',
      'blocks[2].at: "a1" is not a cell address.',
      'blocks[3].at: " A1" is not a cell address.',
      'blocks[4].at: "A1 " is not a cell address.',
      "blocks[5]: the block at XFC1048575 reaches past row 1048576 or column XFD.",
      "blocks[6].rows[1]: row has 1 cells, the block 2.",
    ]);
  });

  it("checks a pattern block over all its rows, its formulas as long as at the sheet's last row", () => {
    // "{row}" (5 characters) becomes up to "1048576" (7): 8,187 characters with two tokens reach 8,191 at most
    const fits = `A${ROW_TOKEN}+B${ROW_TOKEN}+${"1".repeat(8187 - 14)}`;
    const over = `A${ROW_TOKEN}+B${ROW_TOKEN}+${"1".repeat(8188 - 14)}`;
    expect([fits.length, over.length]).toEqual([8187, 8188]);
    expect(
      messages({
        blocks: [],
        patterns: [
          { at: "A2", count: 1_048_575, pattern: [1, null, "x", { f: fits }] },
          { at: "A2", count: 1_048_576, pattern: [{ f: `A${ROW_TOKEN}` }] },
          { at: "B1", count: 3, pattern: [null, { f: over }, Number.NaN] },
          { at: "A0", count: 1, pattern: [1] },
        ],
      }),
    ).toEqual([
      "patterns[1]: the block at A2 reaches past row 1048576 or column XFD.",
      "patterns[2].rows[0][1]: a formula longer than Excel holds.",
      "patterns[2].rows[0][2]: NaN is not a number a cell can hold: write null for a blank.",
      'patterns[3].at: "A0" is not a cell address.',
    ]);
  });

  it("takes a formula of 8,191 characters (8,192 with its =), refuses one more", () => {
    expect(messages({ blocks: [{ at: "A1", rows: [[{ f: "1".repeat(8191) }, { f: "1".repeat(8192) }]] }] })).toEqual([
      "blocks[0].rows[0][1]: a formula longer than Excel holds.",
    ]);
  });

  it("checks a column block: its place, each column as long as the block, numbers a cell holds", () => {
    expect(
      messages({
        blocks: [],
        columns: [
          // NaN is a blank in a number column; ±Infinity is refused
          {
            at: "A2",
            count: 3,
            columns: [Float64Array.from([1, Number.NaN, 3]), ["a", null, true]],
          },
          {
            at: "C2",
            count: 3,
            columns: [
              Float64Array.from([Number.POSITIVE_INFINITY, 2, Number.NEGATIVE_INFINITY]),
              ["a", Number.NaN, "x".repeat(32768)],
              [1, 2],
            ],
          },
          { at: "XFD1048575", count: 3, columns: [[1, 2, 3]] },
          { at: "XFC1", count: 1, columns: [[1], [2], [3]] },
          { at: "2A", count: 1, columns: [[1]] },
        ],
      }),
    ).toEqual([
      "columns[1].columns[0][0]: Infinity is not a number a cell can hold: write NaN for a blank.",
      "columns[1].columns[0][2]: -Infinity is not a number a cell can hold: write NaN for a blank.",
      "columns[1].columns[1][1]: NaN is not a number a cell can hold: write null for a blank.",
      "columns[1].columns[1][2]: text longer than Excel holds.",
      "columns[1].columns[2]: column has 2 cells, the block 3.",
      "columns[2]: the block at XFD1048575 reaches past row 1048576 or column XFD.",
      "columns[3]: the block at XFC1 reaches past row 1048576 or column XFD.",
      'columns[4].at: "2A" is not a cell address.',
    ]);
  });

  it("checks every range a sheet names: styles, merges, rules, tables, print area, charts' corners", () => {
    expect(
      messages({
        blocks: [{ at: "A1", rows: [["Account"], ["Acme"]] }],
        styles: [{ range: "A1:B2:C3", font: { bold: true } }],
        merges: ["AAAA1:A2"],
        conditionalFormats: [
          { type: "cellValue", range: "A1:A", operator: "equal", formula1: "1", fill: "FFC7CE" },
          { type: "cellValue", range: "A1:A2000000", operator: "equal", formula1: "1", fill: "FFC7CE" },
        ],
        tables: [{ name: "T", range: "A1-A2" }],
        print: { area: "$A$1:$XFE$9" },
        charts: [
          {
            kind: "column",
            title: "t",
            from: "A 1",
            to: "XFD1048577",
            series: [{ name: "s", values: "B2:B9", categories: "A2:XFE9" }],
          },
        ],
      }),
    ).toEqual([
      'styles[0]: "A1:B2:C3" is not a range address.',
      'merges[0]: "AAAA1:A2" is not a range address.',
      'conditionalFormats[0]: "A1:A" is not a range address.',
      'conditionalFormats[1]: "A1:A2000000" lies past row 1048576 or column XFD.',
      'tables[0]: "A1-A2" is not a range address.',
      'print.area: "$A$1:$XFE$9" lies past row 1048576 or column XFD.',
      'charts[0].from: "A 1" is not a range address.',
      'charts[0].to: "XFD1048577" lies past row 1048576 or column XFD.',
      'charts[0].series[0].categories: "A2:XFE9" lies past row 1048576 or column XFD.',
    ]);
    // the same, well placed: nothing to say (and a table's headers are checked once its range reads)
    expect(
      messages({
        blocks: [{ at: "A1", rows: [["Account"], ["Acme"]] }],
        styles: [{ range: "$A$1:$B$2", font: { bold: true } }],
        tables: [{ name: "T", range: "A1:A2" }],
        print: { area: "A1:XFD1048576" },
        columnWidths: { A: 10, Z: 10, AA: 10, XFD: 10 },
      }),
    ).toEqual([]);
  });

  it("names a column width's bad column, and a table name taken twice in any case", () => {
    expect(
      messages({
        blocks: [{ at: "A1", rows: [["Account"], ["Acme"]] }],
        columnWidths: { a: 10, AAAA: 10, A1: 10, " B": 10, XFE: 10 },
        tables: [
          { name: "Accounts", range: "A1:A2" },
          { name: "ACCOUNTS", range: "A1:A2" },
        ],
      }),
    ).toEqual([
      'columnWidths.a: "a" is not a column from A to XFD.',
      'columnWidths.AAAA: "AAAA" is not a column from A to XFD.',
      'columnWidths.A1: "A1" is not a column from A to XFD.',
      'columnWidths. B: " B" is not a column from A to XFD.',
      'columnWidths.XFE: "XFE" is not a column from A to XFD.',
      'tables: table name "ACCOUNTS" is taken.',
    ]);
  });

  it("skips a table's header check where its range or a block's address does not read", () => {
    expect(
      messages({
        blocks: [{ at: "A1", rows: [[1], [2]] }],
        tables: [{ name: "T", range: "A1:A" }],
      }),
    ).toEqual(['tables[0]: "A1:A" is not a range address.']);
    expect(
      messages({
        blocks: [
          { at: "A1", rows: [[1], [2]] },
          { at: "Z", rows: [[1]] },
        ],
        tables: [{ name: "T", range: "A1:A2" }],
      }),
    ).toEqual(['blocks[1].at: "Z" is not a cell address.']);
    expect(
      messages({
        blocks: [{ at: "A1", rows: [[1], [2]] }],
        columns: [{ at: "C", count: 1, columns: [[1]] }],
        tables: [{ name: "T", range: "A1:A2" }],
      }),
    ).toEqual(['columns[0].at: "C" is not a cell address.']);
  });

  it("refuses names that are too long or read as a reference, and takes the rest", () => {
    for (const name of [
      "a".repeat(255),
      "\\Total",
      "KPI.Total",
      "_x",
      "ABCD1",
      "A1B",
      "KPIR1",
      "Rate",
      "Cost",
      "RCx",
      "Topic",
      "ABC",
    ])
      expect([name, nameProblem(name)]).toEqual([name, undefined]);
    for (const name of ["a".repeat(256), ".Total", "9lives", "Total Revenue", "Total-Revenue", ""])
      expect([name, nameProblem(name)]).toEqual([
        name,
        "letters, digits, _ and . only, starting with a letter or _, at most 255 characters",
      ]);
    expect(nameProblem("XFD1")).toBe("it reads as the cell XFD1");
    expect(nameProblem("r1c")).toBe("it reads as an R1C1 reference");
    expect(nameProblem("C12")).toBe("it reads as the cell C12");
    expect(nameProblem("C")).toBe("it reads as an R1C1 reference");
  });

  it("labels one cell per point, the label range in any shape of the same size", () => {
    const chart = (labels: string): ChartPlan => ({
      kind: "scatter",
      title: "t",
      from: "A1",
      to: "B2",
      series: [{ name: "a", values: "B2:B9", categories: "A2:A9", labels }],
    });
    expect(messages({ blocks: [], charts: [chart("C2:C9"), chart("D1:K1"), chart("D1:E4")] })).toEqual([]);
    expect(messages({ blocks: [], charts: [chart("C2:C10"), chart("D1:J1"), chart("D1:F3")] })).toEqual([
      "charts[0].series[0].labels: C2:C10 has a different number of cells than B2:B9.",
      "charts[1].series[0].labels: D1:J1 has a different number of cells than B2:B9.",
      "charts[2].series[0].labels: D1:F3 has a different number of cells than B2:B9.",
    ]);
  });

  it("labels only points of the labels range, and gives labels a side on scatter and bubble charts only", () => {
    const chart = (series: Partial<ChartPlan["series"][number]>, kind: ChartPlan["kind"] = "scatter"): ChartPlan => ({
      kind,
      title: "t",
      from: "A1",
      to: "B2",
      series: [{ name: "a", values: "B2:B9", categories: "A2:A9", ...series }],
    });
    const sides = ["left", "above", "below", "center", "right"] as const;
    expect(
      messages({
        blocks: [],
        charts: [
          chart({ labels: "C2:C9", labelPoints: [0, 7], labelPositions: [...sides, ...sides].slice(0, 8) }),
          chart({ labels: "C2:C9", labelPoints: [] }),
        ],
      }),
    ).toEqual([]);
    expect(
      messages({
        blocks: [],
        charts: [
          chart({ labels: "C2:C9", labelPoints: [8, -1, 1.5, 3] }),
          chart({ labelPoints: [0] }),
          chart({ labels: "C2:C9", labelPositions: Array<"left">(9).fill("left") }),
          chart({ labels: "C2:C9", labelPositions: ["left"] }, "line"),
        ],
      }),
    ).toEqual([
      "charts[0].series[0].labelPoints: points 8, -1, 1.5 are not points of the labels range.",
      "charts[1].series[0].labelPoints: points 0 are not points of the labels range.",
      "charts[2].series[0].labelPositions: there are more label positions than labels.",
      "charts[3].series[0].labelPositions: labels take a side only on scatter and bubble charts.",
    ]);
  });

  it("takes a bubble scale of 10 to 300 on a bubble chart only, and axes crossing at their bounds", () => {
    const bubble = (extra: Partial<ChartPlan>): ChartPlan => ({
      kind: "bubble",
      title: "Portfolio",
      from: "A1",
      to: "B2",
      series: [{ name: "a", values: "B2:B9", categories: "A2:A9", sizes: "C2:C9" }],
      ...extra,
    });
    const bounds = { xAxis: { min: 0, max: 100 }, yAxis: { min: 0, max: 100 } };
    expect(
      messages({
        blocks: [],
        charts: [
          bubble({ bubbleScale: 10 }),
          bubble({ bubbleScale: 300 }),
          bubble({ ...bounds, crossAt: { x: 0, y: 100 } }),
          bubble({ ...bounds, crossAt: { x: 100, y: 0 } }),
        ],
      }),
    ).toEqual([]);
    expect(
      messages({
        blocks: [],
        charts: [
          bubble({ bubbleScale: 9 }),
          bubble({ bubbleScale: 301 }),
          bubble({ bubbleScale: Number.NaN }),
          { ...bubble({ bubbleScale: 100 }), kind: "scatter" },
          bubble({ xAxis: { min: 0 }, yAxis: { max: 100 }, crossAt: { x: -1, y: 101 } }),
        ],
      }),
    ).toEqual([
      'charts[0].bubbleScale: chart "Portfolio": bubble scale 9 needs a bubble chart and a value from 10 to 300.',
      'charts[1].bubbleScale: chart "Portfolio": bubble scale 301 needs a bubble chart and a value from 10 to 300.',
      'charts[2].bubbleScale: chart "Portfolio": bubble scale NaN needs a bubble chart and a value from 10 to 300.',
      'charts[3].bubbleScale: chart "Portfolio": bubble scale 100 needs a bubble chart and a value from 10 to 300.',
      'charts[4].crossAt.x: chart "Portfolio": -1 lies outside the x axis (0 to auto).',
      'charts[4].crossAt.y: chart "Portfolio": 101 lies outside the y axis (auto to 100).',
    ]);
  });

  it("says why a sheet name is refused, and which name appears twice in any case", () => {
    expect(
      validatePlan({
        sheets: [
          { name: "Q1/Q2", blocks: [] },
          { name: "Summary", blocks: [] },
          { name: "SUMMARY", blocks: [] },
        ],
      }).map((i) => `${i.sheet} | ${i.path}: ${i.message}`),
    ).toEqual(['Q1/Q2 | name: "Q1/Q2" is not a valid Excel sheet name.', 'SUMMARY | name: "SUMMARY" appears twice.']);
  });

  it("names the table whose header is not a distinct text", () => {
    expect(
      validatePlan({
        sheets: [
          {
            name: "S",
            blocks: [
              {
                at: "A1",
                rows: [
                  ["Account", "account"],
                  ["Acme", "x"],
                ],
              },
            ],
            tables: [{ name: "Accounts", range: "A1:B2" }],
          },
        ],
      }).map((i) => `${i.sheet} | ${i.path}: ${i.message}`),
    ).toEqual(['S | tables[Accounts]: header 2 must be text, unique in the table (found "account").']);
  });

  it("refuses a defined name a table of the plan holds, in any case, as a workbook-wide problem", () => {
    const issues = validatePlan({
      sheets: [
        {
          name: "S",
          blocks: [{ at: "A1", rows: [["Account"], ["Acme"]] }],
          tables: [{ name: "Accounts", range: "A1:A2" }],
        },
      ],
      names: [
        { name: "ACCOUNTS", refersTo: "S!$A$1" },
        { name: "Revenue", refersTo: "S!$A$2" },
      ],
    });
    expect(issues).toEqual([
      { sheet: "", path: "names", message: '"ACCOUNTS" is already a table or a name in the plan.' },
    ]);
  });

  it("checks no label count where the labels range does not read, and says only that", () => {
    const chart: ChartPlan = {
      kind: "scatter",
      title: "t",
      from: "A1",
      to: "B2",
      series: [
        { name: "a", values: "B2:B9", categories: "A2:A9", labels: "C2:C", labelPoints: [0], labelPositions: ["left"] },
      ],
    };
    expect(messages({ blocks: [], charts: [chart] })).toEqual([
      'charts[0].series[0].labels: "C2:C" is not a range address.',
    ]);
  });

  it("takes a number format of 255 characters, and an axis bounded by a maximum alone is bounded", () => {
    expect(
      messages({
        blocks: [],
        charts: [
          {
            kind: "column",
            title: "Trend",
            from: "A1",
            to: "B2",
            series: [{ name: "a", categories: "A2:A9", values: "B2:B9" }],
            xAxis: { max: 10 },
            yAxis: { numberFormat: "0".repeat(255) },
          },
        ],
      }),
    ).toEqual(['charts[0].xAxis: chart "Trend": a category axis has no minimum or maximum.']);
  });

  it("compares no bound that is not a finite number, and measures no crossing that is not one", () => {
    const scatter = (extra: Partial<ChartPlan>): ChartPlan => ({
      kind: "scatter",
      title: "Portfolio",
      from: "A1",
      to: "B2",
      series: [{ name: "a", categories: "A2:A9", values: "B2:B9" }],
      ...extra,
    });
    expect(
      messages({
        blocks: [],
        charts: [
          // 0 >= -Infinity and Infinity > 100 would read as a min above its max and a crossing past the axis
          scatter({ yAxis: { min: 0, max: Number.NEGATIVE_INFINITY } }),
          scatter({ xAxis: { min: Number.POSITIVE_INFINITY, max: 5 } }),
          scatter({ xAxis: { min: 0, max: 100 }, crossAt: { x: Number.POSITIVE_INFINITY } }),
          // a crossing on a chart without axis bounds lies inside them
          scatter({ crossAt: { x: 50, y: -50 } }),
        ],
      }),
    ).toEqual([
      'charts[0].yAxis.max: chart "Portfolio": -Infinity is not a finite number.',
      'charts[1].xAxis.min: chart "Portfolio": Infinity is not a finite number.',
      'charts[2].crossAt.x: chart "Portfolio": Infinity is not a finite number.',
    ]);
  });
});
