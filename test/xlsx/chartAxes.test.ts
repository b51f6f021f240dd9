/**
 * Axis number formats, bounds and crossings in the chart part: element order per CT_ValAx / CT_CatAx / CT_Scaling
 * (ECMA-376 Part 1, §21.2), each crossing on the axis that crosses (crossesAt is in the crossed axis's units:
 * MS-OI29500 §2.1.1447), and LibreOffice drawing the labels in the planned format and range.
 */
import JSZip from "jszip";
import { XMLValidator } from "fast-xml-parser";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ChartPlan, WorkbookPlan } from "../../src/report/plan";
import { writeWorkbook } from "../../src/xlsx/writeWorkbook";
import { pdfPageText, renderPictures } from "../support/libreoffice";

const SOFFICE = "/usr/bin/soffice";

const rows = [
  ["Account", "Strength", "Revenue", "Size"],
  ["Acme", 20, 20000, 5],
  ["Bolt", 80, 85000, 9],
  ["Cleo", 35, 70000, 4],
];

const quadrant: ChartPlan = {
  kind: "scatter",
  title: "Portfolio",
  from: "F1",
  to: "N20",
  series: [{ name: "Accounts", categories: "B2:B4", values: "C2:C4", labels: "A2:A4" }],
  xAxisTitle: "Strength",
  yAxisTitle: "Revenue",
  xAxis: { min: 0, max: 100, numberFormat: '0" pts"' },
  yAxis: { min: 0, max: 100000, numberFormat: '#,##0,"k"' },
  crossAt: { x: 50, y: 60000 },
};

const plan = (...charts: ChartPlan[]): WorkbookPlan => ({
  sheets: [{ name: "Matrix", blocks: [{ at: "A1", rows }], charts }],
});

async function chartXml(p: WorkbookPlan): Promise<string[]> {
  const zip = await JSZip.loadAsync(await writeWorkbook(p));
  const parts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  return Promise.all(parts.sort().map((f) => zip.file(f)!.async("string")));
}

/** The children of each axis element, by tag name, in document order. */
function axes(xml: string): { tag: string; body: string; children: string[] }[] {
  return [...xml.matchAll(/<c:(valAx|catAx)>([\s\S]*?)<\/c:\1>/g)].map((m) => ({
    tag: m[1],
    body: m[2],
    // top-level children only: titles, scaling and formatting hold nested elements, collapsed first
    children: [
      ...m[2].replace(/<c:(title|scaling|txPr|spPr)>[\s\S]*?<\/c:\1>/g, "<c:$1/>").matchAll(/<c:(\w+)[ />]/g),
    ].map((c) => c[1]),
  }));
}

describe("chart axes in the .xlsx", () => {
  it("write a quadrant chart's formats, bounds and crossings on the right axes, in schema order", async () => {
    const [xml] = await chartXml(plan(quadrant));
    expect(XMLValidator.validate(xml)).toBe(true);
    const [x, y] = axes(xml);
    expect([x.tag, y.tag]).toEqual(["valAx", "valAx"]);
    expect(x.body).toContain('<c:axPos val="b"/>');
    // CT_Scaling: logBase?, orientation?, max?, min?
    expect(x.body).toContain('<c:scaling><c:orientation val="minMax"/><c:max val="100"/><c:min val="0"/></c:scaling>');
    expect(y.body).toContain(
      '<c:scaling><c:orientation val="minMax"/><c:max val="100000"/><c:min val="0"/></c:scaling>',
    );
    expect(x.body).toContain('<c:numFmt formatCode="0&quot; pts&quot;" sourceLinked="0"/>');
    expect(y.body).toContain('<c:numFmt formatCode="#,##0,&quot;k&quot;" sourceLinked="0"/>');
    // the horizontal axis stands at y = 60000: its crossesAt is in the y axis's units; the vertical one at x = 50
    expect(x.body).toContain('<c:crossesAt val="60000"/>');
    expect(y.body).toContain('<c:crossesAt val="50"/>');
    expect(xml).not.toContain("autoZero");
    for (const a of [x, y]) {
      expect(a.body).toContain('<c:tickLblPos val="low"/>');
      const order = ["axId", "scaling", "delete", "axPos", "majorGridlines", "title", "numFmt", "majorTickMark"];
      const rest = ["minorTickMark", "tickLblPos", "crossAx", "crossesAt", "crossBetween"];
      expect(a.children).toEqual([...order, ...rest]);
    }
  });

  it("cross only where the plan says: one crossing leaves the other axis at zero with its labels beside it", async () => {
    const [xml] = await chartXml(
      plan({ ...quadrant, kind: "bubble", crossAt: { x: 50 }, series: [{ ...quadrant.series[0], sizes: "D2:D4" }] }),
    );
    const [x, y] = axes(xml);
    expect(x.body).toContain('<c:crosses val="autoZero"/><c:crossBetween val="midCat"/>');
    expect(x.body).toContain('<c:tickLblPos val="nextTo"/>');
    expect(y.body).toContain('<c:crossesAt val="50"/><c:crossBetween val="midCat"/>');
    expect(y.body).toContain('<c:tickLblPos val="low"/>');
  });

  it("format a category chart's value axis and leave the category axis linked to its cells when nothing is planned", async () => {
    const bars: ChartPlan = {
      kind: "bar",
      title: "Revenue",
      from: "F1",
      to: "N20",
      series: [{ name: "Revenue", categories: "A2:A4", values: "C2:C4" }],
      yAxis: { min: 0, max: 120000, numberFormat: '#,##0,"k"' },
    };
    const [xml] = await chartXml(plan(bars));
    const [cat, val] = axes(xml);
    expect([cat.tag, val.tag]).toEqual(["catAx", "valAx"]);
    expect(cat.body).toContain('<c:scaling><c:orientation val="minMax"/></c:scaling>');
    expect(cat.body).toContain('<c:numFmt formatCode="General" sourceLinked="1"/>');
    expect(val.body).toContain('<c:axPos val="b"/>');
    expect(val.body).toContain('<c:max val="120000"/><c:min val="0"/>');
    expect(val.body).toContain('<c:numFmt formatCode="#,##0,&quot;k&quot;" sourceLinked="0"/>');
    expect(val.body).toContain('<c:tickLblPos val="nextTo"/>');
  });

  it("refuse a plan whose axes make no sense before writing anything", async () => {
    await expect(writeWorkbook(plan({ ...quadrant, kind: "column", crossAt: { y: 1 } }))).rejects.toThrow(/crossAt/);
  });
});

/** LibreOffice opens the file and saves it again as .xlsx: the chart XML it writes is what it understood. */
function reopenedByLibreOffice(xlsx: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), "kam-axes-"));
  writeFileSync(join(dir, "in.xlsx"), xlsx);
  mkdirSync(join(dir, "out"));
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      join(dir, "out"),
      join(dir, "in.xlsx"),
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  return readFileSync(join(dir, "out", "in.xlsx"));
}

describe.skipIf(!existsSync(SOFFICE))("chart axes read by LibreOffice 7.4", () => {
  it("keep bounds, formats and each crossing on its axis when LibreOffice saves the file again", async () => {
    const zip = await JSZip.loadAsync(reopenedByLibreOffice(await writeWorkbook(plan(quadrant))));
    const [xml] = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    const [x, y] = axes(xml);
    expect(x.body).toMatch(/<c:max val="100"\/><c:min val="0"\/>/);
    expect(x.body).toContain('<c:axPos val="b"/>');
    expect(x.body).toContain('<c:crossesAt val="60000"/>');
    expect(y.body).toContain('<c:crossesAt val="50"/>');
    expect(x.body).toContain('formatCode="0&quot; pts&quot;"');
    for (const a of [x, y]) expect(a.body).toContain('<c:tickLblPos val="low"/>');
  });

  it("label the value axis ticks in the planned format and range", async () => {
    const xlsx = await writeWorkbook(plan(quadrant));
    expect(renderPictures(xlsx, "chart-axes").length).toBeGreaterThan(0);
    // y from 0k to 100k: the bounds and the format reached the picture (the x labels are drawn rotated, and
    // pdftotext does not return them; test-artifacts/chart-axes-1.png shows them as "0 pts" … "100 pts")
    const text = pdfPageText("chart-axes", 1).split("\n");
    for (const label of ["0k", "50k", "100k"]) expect(text).toContain(label);
    expect(text).not.toContain("110k");
  });
});
