/**
 * The built `kam` command end to end (dist/cli/kam.js, as `npx kam` runs it): exit codes, the messages with their
 * CSV line or cell, the workbook it writes (read back with exceljs), the settings round trip, and an .xlsx input.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { isKamError, parseSettings } from "../../src/core";
import { HOSTILE_NAMES, runSample, sampleValues } from "../fixtures/kamSample";

const ROOT = resolve(__dirname, "../..");
const KAM = join(ROOT, "dist/cli/kam.js");
const SAMPLE = join(ROOT, "samples/kam-sample-accounts.csv");

function kam(...args: string[]) {
  const r = spawnSync(process.execPath, [KAM, ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "kam-e2e-"));
const path = (name: string) => join(dir, name);

async function workbook(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs")], { cwd: ROOT });
});

describe("kam report", () => {
  it("builds the workbook from the bundled sample, naming each left-out row by its CSV line and column", async () => {
    const out = path("demo.xlsx");
    const r = kam("report", SAMPLE, "-o", out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /^error: line 10, column Revenue FY25: Revenue is the text "€1\.2m"; expected a number\.$/m,
    );
    expect(r.stderr).toMatch(/^error: line 252, column Account: "Union Energy Group" appears again/m);
    expect(r.stderr).toMatch(/^251 rows read, 249 accounts used, 2 left out: see the Issues sheet\.$/m);
    expect(r.stdout).toMatch(/^Wrote .*demo\.xlsx$/m);
    expect(r.stdout).toMatch(/^ {2}Churn rate +\d+\.\d%$/m);
    const wb = await workbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "KPI Dashboard",
      "Portfolio Matrix",
      "Whitespace",
      "Accounts",
      "KAM Inputs",
      "Issues",
      "KAM History",
      "KAM Settings",
    ]);
    expect(wb.getWorksheet("KAM Settings")!.state).toBe("veryHidden");
    // The "€1.2m" stays text on the Issues sheet, with its cell.
    const issues = wb.getWorksheet("Issues")!;
    const values = issues.getSheetValues().flat().map(String);
    expect(values).toContain("€1.2m");
    expect(values.some((v) => v.includes("Revenue is the text"))).toBe(true);
  });

  it("builds one of the two sheets with --only, with the sheets its formulas read", async () => {
    for (const [only, sheet, absent] of [
      ["matrix", "Portfolio Matrix", "KPI Dashboard"],
      ["dashboard", "KPI Dashboard", "Portfolio Matrix"],
    ] as const) {
      const out = path(`only-${only}.xlsx`);
      expect(kam("report", SAMPLE, "-o", out, "--only", only).code).toBe(0);
      const names = (await workbook(out)).worksheets.map((w) => w.name);
      expect(names).toContain(sheet);
      expect(names).not.toContain(absent);
      expect(names).toEqual(expect.arrayContaining(["Accounts", "KAM Inputs", "Issues"]));
    }
  });

  it("never touches an existing output without --force, and replaces it with --force", () => {
    const out = path("keep.xlsx");
    writeFileSync(out, "the analyst's file");
    const before = statSync(out).mtimeMs;
    const r = kam("report", SAMPLE, "-o", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/keep\.xlsx exists and was not touched: add --force to replace it\./);
    expect(readFileSync(out, "utf8")).toBe("the analyst's file");
    expect(statSync(out).mtimeMs).toBe(before);
    expect(kam("report", SAMPLE, "-o", out, "--force").code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  it("prints the KPIs and issue counts as JSON for pipelines, the same numbers the core computes", () => {
    const r = kam("report", SAMPLE, "-o", path("json.xlsx"), "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.summary).toMatchObject({ read: 251, accepted: 249, rejected: 2 });
    expect(json.issues).toEqual({ errors: 2, warnings: 0 });
    const { report } = runSample({ messy: true });
    for (const k of report.kpis) expect(json.kpis[k.id], k.id).toBeCloseTo(k.value!, 9);
  });

  it("says what is wrong with the command line in one sentence and exits 2", () => {
    for (const [args, message] of [
      [["report", SAMPLE], /Say where to write the workbook: -o OUT\.xlsx\./],
      [["report", SAMPLE, "-o", path("x.csv")], /The output must be an \.xlsx file/],
      [["report", SAMPLE, "-o", path("x.xlsx"), "--only", "both"], /--only takes matrix or dashboard/],
      [["report"], /kam report takes one input file/],
      [["publish"], /Unknown command "publish"/],
      [["report", SAMPLE, "-o", path("y.xlsx"), "--colour"], /Unknown option '--colour'/],
      [["report", join(dir, "accounts.ods"), "-o", path("z.xlsx")], /INPUT must be a \.csv, \.xlsx or \.xlsm file/],
    ] as const) {
      const r = kam(...args);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    }
  });

  it("exits 1 with the reason when nothing in the input is usable, and never prints a stack trace", () => {
    writeFileSync(path("header-only.csv"), "Account,Revenue\r\n");
    let r = kam("report", path("header-only.csv"), "-o", path("h.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /Nothing usable in header-only\.csv: The selection has a header row but no account rows below it\./,
    );
    r = kam("report", path("missing.csv"), "-o", path("m.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.csv does not exist\./);
    writeFileSync(path("fake.xlsx"), "Account,Revenue\nA,1\n");
    r = kam("report", path("fake.xlsx"), "-o", path("f.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it("reads a semicolon CSV with a BOM, CRLF, decimal commas and a line break inside a quoted name", async () => {
    const rows = [
      ["Kunde", "Umsatz GJ24", "Umsatz GJ25", "Status"],
      ["Müller\r\nLogistik GmbH", "1.234,5", "1.500,25", "aktiv"],
      ['Schmidt "Nord" AG', "980", "1.020,75", "aktiv"],
      ["Weber; Söhne KG", "2.000", "", "verloren"],
    ];
    writeFileSync(path("de.csv"), `\uFEFF${stringify(rows, { delimiter: ";", record_delimiter: "windows" })}`);
    const r = kam("report", path("de.csv"), "-o", path("de.xlsx"), "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ read: 3, accepted: 3 });
    const accounts = (await workbook(path("de.xlsx"))).getWorksheet("Accounts")!;
    // An XML reader turns the CRLF into LF, Excel's own line break in a cell.
    expect(accounts.getCell("A2").value).toBe("Müller\nLogistik GmbH");
    expect(accounts.getCell("A3").value).toBe('Schmidt "Nord" AG');
    const revenue = [2, 3].map((r) => accounts.getRow(r).values as unknown[]);
    expect(revenue[0]).toContain(1234.5);
    expect(revenue[0]).toContain(1500.25);
    expect(revenue[1]).toContain(1020.75);
  });

  it("keeps account names that start with = + - @ as text in the workbook it writes", async () => {
    writeFileSync(path("hostile.csv"), stringify(sampleValues({ count: 30, hostile: true })));
    expect(kam("report", path("hostile.csv"), "-o", path("hostile.xlsx")).code).toBe(0);
    const accounts = (await workbook(path("hostile.xlsx"))).getWorksheet("Accounts")!;
    HOSTILE_NAMES.forEach((name, i) => expect(accounts.getCell(`A${i + 2}`).value).toBe(name));
  });

  it("reads an .xlsx input's named sheet, and names a bad cell by its address", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "not the accounts";
    const ws = wb.addWorksheet("Key accounts");
    sampleValues({ count: 40 }).forEach((row) => ws.addRow(row));
    ws.getCell("G5").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    await wb.xlsx.writeFile(path("in.xlsx"));
    const r = kam("report", path("in.xlsx"), "--sheet", "key accounts", "-o", path("from-xlsx.xlsx"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^error: 'Key accounts'!G5: Revenue is the error #N\/A/m);
    expect(r.stderr).toMatch(/40 rows read, 39 accounts used, 1 left out/);
  });
});

describe("kam settings", () => {
  it("prints defaults the add-in's settings schema accepts, and the settings saved in a workbook", () => {
    const defaults = kam("settings");
    expect(defaults.code).toBe(0);
    const parsed = parseSettings(defaults.stdout);
    expect(isKamError(parsed), defaults.stdout).toBe(false);
    expect(kam("report", SAMPLE, "-o", path("saved.xlsx"), "--force").code).toBe(0);
    const saved = kam("settings", "--from", path("saved.xlsx"));
    expect(saved.code, saved.stderr).toBe(0);
    const settings = parseSettings(saved.stdout);
    if (isKamError(settings)) throw new Error(settings.message);
    expect(settings.columns.revenue).toBe("Revenue FY25");
    expect(settings.criteria.map((c) => c.header)).toEqual([
      "Growth potential",
      "Strategic fit",
      "Margin potential",
      "Innovation partnership",
    ]);
  });

  it("builds with --settings: a 3×3 grid and a doubled weight saved in the file give the 3×3 workbook", async () => {
    const saved = parseSettings(kam("settings", "--from", path("saved.xlsx")).stdout);
    if (isKamError(saved)) throw new Error(saved.message);
    const edited = {
      ...saved,
      criteria: saved.criteria.map((c, j) => ({ ...c, weight: j === 0 ? 2 : c.weight })),
      report: { ...saved.report, grid: 3, cuts: { attractiveness: [40, 70], strength: [40, 70] }, segments: undefined },
    };
    writeFileSync(path("grid3.json"), JSON.stringify(edited));
    const r = kam("report", SAMPLE, "-o", path("grid3.xlsx"), "--settings", path("grid3.json"));
    expect(r.code, r.stderr).toBe(0);
    const inputs = (await workbook(path("grid3.xlsx"))).getWorksheet("KAM Inputs")!;
    const cells = inputs.getSheetValues().flat().map(String);
    expect(cells).toContain("Invest");
    expect(cells).toContain("Harvest");
  });

  it("refuses a damaged settings file in one sentence", () => {
    writeFileSync(path("bad.json"), '{"version": 9}');
    const r = kam("report", SAMPLE, "-o", path("bad.xlsx"), "--settings", path("bad.json"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json: The saved KAM settings are version 9, newer than this add-in understands/);
  });
});
