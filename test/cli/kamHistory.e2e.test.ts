/**
 * `kam report --history PREVIOUS.xlsx` end to end (issue 19, part 3), on the built command: three quarters of the
 * seeded sample (the second with changed ratings), each build carrying the previous output's KAM History forward.
 * The first snapshot's cells in the third output are byte-for-byte those of the first output (the sheet XML's cell
 * text, shared strings resolved); the snapshots and moves are the core's (compareSnapshots on the rows read back);
 * a file that holds no KAM History is refused with one sentence, exit 2, and nothing is written.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { stringify } from "csv-stringify/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { compareSnapshots, isKamError, snapshotsFromRows, type Snapshot } from "../../src/core";
import { readHistoryFile } from "../../src/cli/readHistory";
import { sampleValues } from "../fixtures/kamSample";

const ROOT = resolve(__dirname, "../..");
const KAM = join(ROOT, "dist/cli/kam.js");
const dir = mkdtempSync(join(tmpdir(), "kam-history-"));
const path = (name: string) => join(dir, name);

function kam(...args: string[]) {
  const r = spawnSync(process.execPath, [KAM, ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The cells of a sheet as the file stores them: address → [type, text] (shared strings resolved). */
async function sheetCells(file: string, sheet: string): Promise<Map<string, [string, string]>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const text = async (p: string) => (await zip.file(p)?.async("string")) ?? "";
  const shared = [...(await text("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
  const rId = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(await text("xl/workbook.xml"))![1];
  const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(await text("xl/_rels/workbook.xml.rels"))![1];
  const xml = await text(`xl/${target.replace(/^\/?xl\//, "")}`);
  const cells = new Map<string, [string, string]>();
  for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const type = /t="(\w+)"/.exec(c[2])?.[1] ?? "n";
    const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? "")?.[1] ?? /<is>([\s\S]*?)<\/is>/.exec(c[3] ?? "")?.[1];
    if (v === undefined) continue;
    cells.set(c[1], [type === "s" ? "str" : type, type === "s" ? shared[Number(v)] : v]);
  }
  return cells;
}

function csv(name: string, values: unknown[][]): string {
  writeFileSync(path(name), stringify(values as string[][]));
  return path(name);
}

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs")], { cwd: ROOT });
});

describe("kam report --history", () => {
  // Quarter 2: the first 30 accounts rate 5 on "Margin potential" (the sample's third criterion), so some move up.
  // collection-time: the sample's cells (samples/telecomAccounts), no src/ code; the test runs the built command.
  const q1 = sampleValues({ count: 120 });
  const q2 = q1.map((row, i) => row.map((c, j) => (i > 0 && i <= 30 && q1[0][j] === "Margin potential" ? 5 : c)));

  it("carries the earlier outputs' history forward, the first snapshot byte-for-byte, and says what moved", async () => {
    expect(q1[0]).toContain("Margin potential");
    expect(kam("report", csv("q1.csv", q1), "-o", path("q1.xlsx")).code).toBe(0);
    const r2 = kam("report", csv("q2.csv", q2), "-o", path("q2.xlsx"), "--history", path("q1.xlsx"));
    expect(r2.code, r2.stderr).toBe(0);
    const r3 = kam("report", path("q2.csv"), "-o", path("q3.xlsx"), "--history", path("q2.xlsx"));
    expect(r3.code, r3.stderr).toBe(0);

    // Every cell of the first output's KAM History is in the third output, with the same type and text.
    const first = await sheetCells(path("q1.xlsx"), "KAM History");
    const third = await sheetCells(path("q3.xlsx"), "KAM History");
    expect(first.size).toBeGreaterThan(120 * 7);
    for (const [address, cell] of first) expect(third.get(address), address).toEqual(cell);

    // Three snapshots, oldest first; the rows read back are the history the core compares.
    const tables = await readHistoryFile(path("q3.xlsx"));
    const snapshots = snapshotsFromRows(tables) as Snapshot[];
    expect(isKamError(snapshots)).toBe(false);
    expect(snapshots).toHaveLength(3);
    expect(snapshots.map((s) => s.label)).toEqual([...snapshots.map((s) => s.label)].sort());
    expect(snapshots.every((s) => s.accounts.count === 120 || s.accounts.count === 119)).toBe(true);
    const moves = compareSnapshots(snapshots[0], snapshots[1]);
    // Raising a criterion's rating only raises attractiveness: each move is upward, by Margin potential.
    expect(moves.length).toBeGreaterThan(0);
    for (const m of moves) {
      expect(m.criterion).toBe("Margin potential");
      expect(m.partChange).toBeGreaterThan(0);
    }
    expect(compareSnapshots(snapshots[1], snapshots[2])).toEqual([]);

    // The dashboard of the second output lists them, from → to, with the criterion (constants the builder wrote).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path("q2.xlsx"));
    const dash = wb.getWorksheet("KPI Dashboard")!;
    const texts = dash
      .getSheetValues()
      .flatMap((r) => (Array.isArray(r) ? r : []))
      .map((v) => String(v ?? ""));
    expect(texts).toContain(moves[0].account);
    expect(texts.some((t) => /^Accounts that changed quadrant since the previous snapshot/.test(t))).toBe(true);
  });

  it("refuses a file that holds no KAM History in one sentence, exit 2, and writes nothing", async () => {
    const old = new ExcelJS.Workbook();
    old.addWorksheet("KPI Dashboard").getCell("A1").value = "an output of an earlier version";
    await old.xlsx.writeFile(path("old.xlsx"));
    const cases: [string, RegExp][] = [
      [path("old.xlsx"), /has no KAM History sheet, so it is not a workbook built by kam report or the add-in/],
      [csv("text.xlsx", q1), /is not an \.xlsx or \.xlsm workbook: it holds text/],
      [path("missing.xlsx"), /There is no file/],
    ];
    for (const [file, why] of cases) {
      const out = path(`never-${cases.findIndex((c) => c[0] === file)}.xlsx`);
      const r = kam("report", path("q1.csv"), "-o", out, "--history", file);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(`^--history ${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} cannot be carried forward: `),
      );
      expect(r.stderr).toMatch(why);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
      expect(existsSync(out)).toBe(false);
    }
    // A KAM History whose tables are not the layout: the cell is named.
    const bad = new ExcelJS.Workbook();
    const ws = bad.addWorksheet("KAM History");
    ws.addRow([
      "Snapshot",
      "KPI",
      "Value",
      null,
      "Snapshot",
      "Account",
      "Attractiveness",
      "Strength",
      "Quadrant",
      "Revenue",
      "Total account value",
    ]);
    ws.addRow(["2026-09-30T00:00:00.000Z", "KPI_NRR", "high"]);
    await bad.xlsx.writeFile(path("bad.xlsx"));
    const r = kam("report", path("q1.csv"), "-o", path("never-bad.xlsx"), "--history", path("bad.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/KAM History, KPI table row 2, Value: "high" is not a number\./);
    expect(existsSync(path("never-bad.xlsx"))).toBe(false);
  });
});
