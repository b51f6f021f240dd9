/** What the .xlsx renderer wrote, read back (exceljs, and the zip itself for charts), matches the plan. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XMLValidator } from "fast-xml-parser";
import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import type { ChartKind, WorkbookPlan } from "../../src/report/plan";
import { writeWorkbook } from "../../src/xlsx/writeWorkbook";
import { withFilePrefixes } from "../../src/xlsx/formulaPrefixes";
import { sampleAccounts, samplePlan } from "../fixtures/samplePlan";

describe(".xlsx round trip", () => {
  // collection-time: seeded fixture accounts drawn by fast-check; no src/ code builds them.
  const accounts = sampleAccounts(20);
  /** The sample plan as writeWorkbook writes it, inside each test that reads it (samplePlan calls src/ too). */
  const written = () => writeWorkbook(samplePlan(accounts));
  /** The written workbook as exceljs reads it back, with its two sheets. */
  const readBack = async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await written()) as never);
    return { wb, data: wb.getWorksheet("Data")!, summary: wb.getWorksheet("Summary")! };
  };

  it("keeps values, text as text, and formulas with their file prefixes", async () => {
    const { data, summary } = await readBack();
    expect(data.getCell("A3").value).toBe(accounts[0].name);
    expect(data.getCell("G3").value).toBe(accounts[0].revenue);
    expect((data.getCell("M3").value as { formula: string }).formula).toMatch(
      /^IF\(COUNTA\(B3:E3\)=0,"",.*100\*SUMPRODUCT\(ISNUMBER\(B3:E3\)/,
    );
    expect((summary.getCell("D2").value as { formula: string }).formula).toMatch(/^_xlfn\.MAXIFS\(/);
    expect((summary.getCell("B2").value as { formula: string }).formula).toMatch(/^SUMIFS\(/);
  });

  it("keeps number formats, merges, freeze panes, gridlines, tab colour, print setup", async () => {
    const { data, summary } = await readBack();
    expect(data.getCell("G3").numFmt).toBe("#,##0");
    expect(data.getCell("I3").numFmt).toBe("0.0%");
    expect(summary.model.merges).toContain("F1:H1");
    expect(data.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
    expect(summary.views[0]).toMatchObject({ showGridLines: false });
    expect(summary.properties.tabColor).toEqual({ argb: "FF1F3864" });
    expect(summary.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true });
  });

  it("keeps fonts, fills and borders, a border only on the edge it was planned for", async () => {
    const { data, summary } = await readBack();
    expect(data.getCell("A2").font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    expect(data.getCell("O2").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FF1F3864" } });
    expect(data.getCell("A3").fill).toBeUndefined();
    expect(summary.getCell("B1").border).toMatchObject({ bottom: { style: "medium", color: { argb: "FF1F3864" } } });
    expect(summary.getCell("B1").border.top).toBeUndefined();
    expect(summary.getCell("B2").border ?? {}).toEqual({});
    expect(summary.getCell("B2").numFmt).toBe("#,##0");
  });

  it("keeps tables, defined names and conditional formats", async () => {
    const { wb, data, summary } = await readBack();
    type Table = { tableRef: string; headerRow: boolean; columns: { name: string }[] };
    type WithTables = { tables: Record<string, { table: Table }> };
    const tables = (summary as unknown as WithTables).tables;
    expect(Object.keys(tables)).toEqual(["SegmentSummary"]);
    expect(tables.SegmentSummary.table).toMatchObject({ tableRef: "A1:D4", headerRow: true });
    expect(tables.SegmentSummary.table.columns.map((c) => c.name)).toEqual([
      "Segment",
      "Revenue",
      "Accounts",
      "Largest",
    ]);
    expect(wb.definedNames.getRanges("TotalRevenue").ranges).toEqual(["Summary!$B$6"]);
    // exceljs reads conditional formats back but does not declare them in its types
    type WithCf = { conditionalFormattings: { rules: { type: string }[] }[] };
    const types = [data, summary].flatMap((ws) =>
      (ws as unknown as WithCf).conditionalFormattings.map((c) => c.rules[0].type),
    );
    expect(types.sort()).toEqual(["cellIs", "colorScale", "dataBar"]);
    type WithPriority = { conditionalFormattings: { rules: { priority: number }[] }[] };
    expect((data as unknown as WithPriority).conditionalFormattings.map((c) => c.rules[0].priority)).toEqual([1, 2]);
    type CellIs = { ref: string; rules: { operator: string; formulae: string[]; style: { fill: unknown } }[] };
    const rule = (data as unknown as { conditionalFormattings: CellIs[] }).conditionalFormattings.find(
      (c) => c.rules[0].operator,
    )!;
    expect(rule.ref).toBe("O3:O22");
    expect(rule.rules[0]).toMatchObject({ operator: "greaterThan", formulae: ["0.2"] });
    expect(rule.rules[0].style.fill).toMatchObject({ bgColor: { argb: "FFF4CCCC" } });
  });

  it("is a consistent package: well-formed parts, every relationship and content type pointing at a part", async () => {
    const zip = await JSZip.loadAsync(await written());
    const files = Object.keys(zip.files).filter((f) => !zip.files[f].dir);
    for (const f of files.filter((f) => /\.(xml|rels)$/.test(f))) {
      const xml = await zip.file(f)!.async("string");
      expect(XMLValidator.validate(xml), f).toBe(true);
      // an Excel 2010 extension reference with no extension to point at makes Excel repair the file
      expect(xml, f).not.toContain("<x14:id/>");
      if (!f.endsWith(".rels")) continue;
      const base = posix.dirname(posix.dirname(f));
      for (const m of xml.matchAll(/Target="([^"]+)"(?![^>]*TargetMode="External")/g)) {
        const target = m[1].startsWith("/") ? m[1].slice(1) : posix.normalize(posix.join(base, m[1]));
        expect(files, `${f} → ${m[1]}`).toContain(target);
      }
    }
    const types = await zip.file("[Content_Types].xml")!.async("string");
    for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) expect(files).toContain(m[1]);
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbook).toContain(
      '<definedName name="_xlnm.Print_Area" localSheetId="1">&apos;Summary&apos;!$A$1:$M$36</definedName>',
    );
    const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    const order = ["<sheetData", "<mergeCells", "<conditionalFormatting", "<pageMargins", "<drawing", "<tableParts"];
    const at = order.map((tag) => sheet.indexOf(tag));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("writes every chart kind as a chart part bound to the planned ranges", async () => {
    const kinds: ChartKind[] = ["column", "bar", "line", "doughnut", "scatter", "bubble", "stackedBar"];
    const chartPlan: WorkbookPlan = {
      sheets: [
        {
          name: "Charts & more",
          blocks: [
            {
              at: "A1",
              rows: [
                ["x", "y", "size"],
                ["a", 1, 3],
                ["b", 2, 4],
              ],
            },
          ],
          charts: kinds.map((kind, i) => ({
            kind,
            title: `A ${kind} chart`,
            from: `E${1 + i * 16}`,
            to: `L${15 + i * 16}`,
            series: [
              {
                name: "S",
                categories: kind === "scatter" || kind === "bubble" ? "B2:B3" : "A2:A3",
                values: "B2:B3",
                sizes: "C2:C3",
              },
            ],
            xAxisTitle: "x",
            yAxisTitle: "y",
          })),
        },
      ],
    };
    const zip = await JSZip.loadAsync(await writeWorkbook(chartPlan));
    const parts = Object.keys(zip.files)
      .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
      .sort();
    expect(parts).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `xl/charts/chart${n}.xml`));
    const xml = await Promise.all(parts.map((p) => zip.file(p)!.async("string")));
    const tags = [
      "c:barChart",
      "c:barChart",
      "c:lineChart",
      "c:doughnutChart",
      "c:scatterChart",
      "c:bubbleChart",
      "c:barChart",
    ];
    xml.forEach((x, i) => {
      expect(x).toContain(`<${tags[i]}>`);
      expect(x).toContain("<c:f>'Charts &amp; more'!$B$2:$B$3</c:f>");
      expect(x).toContain(`<a:t>A ${kinds[i]} chart</a:t>`);
    });
    expect(xml[1]).toContain('<c:barDir val="bar"/>');
    expect(xml[1]).toContain('<c:grouping val="clustered"/>');
    // A stacked bar: horizontal, stacked, and bars fully overlapped so each category is one bar of its parts.
    expect(xml[6]).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    expect(xml[6]).toMatch(/<c:gapWidth val="\d+"\/><c:overlap val="100"\/><c:axId/);
    expect(xml[5]).toContain("<c:bubbleSize><c:numRef><c:f>'Charts &amp; more'!$C$2:$C$3</c:f>");
    const types = await zip.file("[Content_Types].xml")!.async("string");
    // one content-type override per chart part, naming it
    expect(
      [...types.matchAll(/PartName="\/([^"]+)" ContentType="[^"]*drawingml\.chart\+xml"/g)].map((m) => m[1]),
    ).toEqual(parts);
    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(7);
  });
});

describe("blocks that overlap", () => {
  it("write nothing for a null cell, as the Office renderer does: the earlier block's cell stays", async () => {
    const plan: WorkbookPlan = {
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
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook(plan)) as never);
    const ws = wb.getWorksheet("Overlap")!;
    expect(["A1", "B1", "C1"].map((a) => ws.getCell(a).value)).toEqual(["x", "z", 1]);
  });
});

describe("point labels from cells", () => {
  it("are stored as Excel's Value From Cells: a range, its cached texts, a field per point, in order", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Matrix",
          blocks: [
            {
              at: "A1",
              rows: [
                ["Account", "x", "y"],
                ["Acme & Co", 1, 2],
                [true, 3, 4],
                [{ f: '"Z"' }, 5, 6],
              ],
            },
          ],
          charts: [
            {
              kind: "scatter",
              title: "Portfolio",
              from: "E1",
              to: "L15",
              series: [{ name: "Accounts", categories: "B2:B4", values: "C2:C4", labels: "A2:A4" }],
            },
          ],
        },
      ],
    };
    const zip = await JSZip.loadAsync(await writeWorkbook(plan));
    const xml = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("<c15:f>'Matrix'!$A$2:$A$4</c15:f>");
    expect(xml).toContain(
      '<c15:dlblRangeCache><c:ptCount val="3"/><c:pt idx="0"><c:v>Acme &amp; Co</c:v></c:pt>' +
        '<c:pt idx="1"><c:v>TRUE</c:v></c:pt></c15:dlblRangeCache>',
    );
    const points = [...xml.matchAll(/<c:dLbl><c:idx val="(\d)"\/>.*?<\/c:dLbl>/g)];
    expect(points.map((m) => m[1])).toEqual(["0", "1", "2"]);
    for (const [point] of points) {
      expect(point).toContain('type="CELLRANGE"');
      expect(point).toContain('<c:showVal val="0"/>');
      expect(point).toContain("<c15:dlblFieldTable/>");
    }
    const order = ["<c:marker>", "<c:dLbls>", "<c:xVal>", "<c:yVal>", "<c:smooth", "<c15:datalabelsRange>"];
    const at = order.map((tag) => xml.indexOf(tag));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe("point labels beside their points", () => {
  it("sit on the side the plan gives each point, right where it gives none", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Matrix",
          blocks: [
            {
              at: "A1",
              rows: [
                ["Account", "x", "y", "s"],
                ["Acme", 1, 2, 3],
                ["Bolt", 3, 4, 5],
                [null, 5, 6, 7],
              ],
            },
          ],
          charts: [
            {
              kind: "bubble",
              title: "Portfolio",
              from: "E1",
              to: "L15",
              series: [
                {
                  name: "Accounts",
                  categories: "B2:B4",
                  values: "C2:C4",
                  sizes: "D2:D4",
                  labels: "A2:A4",
                  labelPositions: ["above", "center"],
                },
              ],
            },
          ],
        },
      ],
    };
    const zip = await JSZip.loadAsync(await writeWorkbook(plan));
    const xml = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(XMLValidator.validate(xml)).toBe(true);
    const points = [...xml.matchAll(/<c:dLbl><c:idx val="(\d)"\/>.*?<c:dLblPos val="(\w+)"\/>.*?<\/c:dLbl>/g)];
    expect(points.map((m) => [m[1], m[2]])).toEqual([
      ["0", "t"],
      ["1", "ctr"],
      ["2", "r"],
    ]);
  });
});

describe("_xlfn prefixes", () => {
  it("prefix newer functions outside string literals only, once", () => {
    expect(withFilePrefixes('MAXIFS(A:A,B:B,"IFS(")+ifs(1>0,2)+SUM(A1)')).toBe(
      '_xlfn.MAXIFS(A:A,B:B,"IFS(")+_xlfn.IFS(1>0,2)+SUM(A1)',
    );
    expect(withFilePrefixes("STDEV.S(A1:A9)+STDEV(A1:A9)+_xlfn.IFS(1,2)")).toBe(
      "_xlfn.STDEV.S(A1:A9)+STDEV(A1:A9)+_xlfn.IFS(1,2)",
    );
  });
});
