/**
 * The .xlsx renderer checked by a real spreadsheet engine: LibreOffice opens the file, recalculates every formula
 * (score, CLV and churn as native formulas on 200 random accounts; SUMIFS, COUNTIFS, MAXIFS with its _xlfn prefix,
 * INDEX/MATCH, AVERAGE), and the results must equal what the core computes. Pictures go to test-artifacts/.
 */
import { describe, expect, it } from "vitest";
import { churnRate, clv, makeScoreSpec, scoreRow, type ScoreSpec } from "../../src/core";
import { writeWorkbook } from "../../src/xlsx/writeWorkbook";
import { samplePlan, sampleAccounts, SEGMENTS, WEIGHTS } from "../fixtures/samplePlan";
import { pdfPageText, recalculate, renderPictures } from "../support/libreoffice";

const close = (a: unknown, b: number, rel = 1e-9) =>
  typeof a === "number" && Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

describe("an .xlsx recalculated by LibreOffice", async () => {
  const accounts = sampleAccounts(200);
  const xlsx = await writeWorkbook(samplePlan(accounts));
  const wb = await recalculate(xlsx);
  const data = (address: string) => wb.value("Data", address);
  const summary = (address: string) => wb.value("Summary", address);
  const spec = makeScoreSpec(WEIGHTS) as ScoreSpec;

  it("computes score, CLV and churn on every row as the core does", () => {
    accounts.forEach((a, i) => {
      const r = 3 + i;
      expect(close(data(`M${r}`), scoreRow(a.ratings, spec) as number), `score row ${r}`).toBe(true);
      expect(close(data(`N${r}`), clv(a.margin, a.retention, 0.1, 5) as number), `CLV row ${r}`).toBe(true);
      expect(close(data(`O${r}`), churnRate(a.start, a.end, a.acquired) as number), `churn row ${r}`).toBe(true);
    });
  });

  it("keeps hostile account names as text", () => {
    expect(data("A3")).toBe('=HYPERLINK("http://x","click")');
    expect(data("A4")).toBe("+49 Telecom");
    expect(data("A5")).toBe("-minus GmbH");
    expect(data("A6")).toBe("@mention AG");
  });

  it("computes the aggregates, the _xlfn.MAXIFS included", () => {
    SEGMENTS.forEach((s, i) => {
      const inSegment = accounts.filter((a) => a.segment === s);
      expect(summary(`B${i + 2}`)).toBe(inSegment.reduce((t, a) => t + a.revenue, 0));
      expect(summary(`C${i + 2}`)).toBe(inSegment.length);
      expect(summary(`D${i + 2}`)).toBe(Math.max(...inSegment.map((a) => a.revenue)));
    });
    expect(summary("B6")).toBe(accounts.reduce((t, a) => t + a.revenue, 0));
    const top = accounts.reduce((best, a) => (a.revenue > best.revenue ? a : best));
    expect(summary("B8")).toBe(top.name);
    const mean = accounts.reduce((t, a) => t + (scoreRow(a.ratings, spec) as number), 0) / accounts.length;
    expect(close(summary("B9"), mean)).toBe(true);
  });

  it("renders to PDF and PNG for a person to look at, point labels taken from cells included", () => {
    const pngs = renderPictures(xlsx, "sample-plan");
    expect(pngs.length).toBeGreaterThanOrEqual(2);
    // The Summary page (one page per sheet) shows each segment in its cell, under its column in the bar chart, and
    // as the label of its point in the scatter chart: without the labels it would appear twice.
    const page = pdfPageText("sample-plan", 2);
    for (const segment of SEGMENTS) expect(page.split(segment).length - 1).toBe(3);
  });
});

describe("defined names, recalculated by LibreOffice", () => {
  it("a constant, a range on a quoted sheet and a formula with a newer function all work in cell formulas", async () => {
    const xlsx = await writeWorkbook({
      sheets: [
        {
          name: "Key accounts",
          blocks: [
            {
              at: "A1",
              rows: [
                ["Segment", "Revenue"],
                ["A", 100],
                ["B", 250],
                ["A", 50],
              ],
            },
            { at: "D1", rows: [[{ f: "Rate*100" }, { f: "SUM(Revenues)" }, { f: "LargestA" }]] },
          ],
        },
      ],
      names: [
        { name: "Rate", refersTo: "0.1" },
        { name: "Revenues", refersTo: "'Key accounts'!$B$2:$B$4" },
        { name: "LargestA", refersTo: "MAXIFS('Key accounts'!$B$2:$B$4,'Key accounts'!$A$2:$A$4,\"A\")" },
      ],
    });
    const wb = await recalculate(xlsx);
    expect(["D1", "E1", "F1"].map((a) => wb.value("Key accounts", a))).toEqual([10, 400, 100]);
  });
});
