/**
 * Issue 18, item 1: `kam report` from 1,000 to 1,000,000 accounts (seeded telecom sample, messy cells included, 18
 * columns), each size once in its own process: wall time and peak RSS (GNU time). The anchor is the work no writer of
 * this workbook can skip: exceljs' streaming WorkbookWriter writing the cells of the Accounts sheet alone (the
 * same rows: the input columns, and the computed columns as the formulas kam writes), timed in this process with the
 * rows read from the CSV as they are written (the reading alone timed apart and subtracted). Target: kam within 1.3x of
 * the anchor at 1,000,000 rows, peak RSS ≤ 1 GB; the anchor runs from 100,000 up to KAM_SCALE_ANCHOR_UP_TO rows
 * (100,000 by default: see below).
 * KAM_SCALE_SIZES=1000,10000 runs fewer sizes.
 */
import { spawnSync } from "node:child_process";
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { ROW_TOKEN, type PlanCell } from "../src/report/plan";
import { prepareReport } from "../src/report/kam/prepareReport";
import { withFilePrefixes } from "../src/xlsx/formulaPrefixes";
import { telecomAccounts } from "../samples/telecomAccounts";
import type { BenchRow } from "./harness";
import { existsSync } from "node:fs";
import { GNU_TIME, repoRoot, runKam, writeCsv } from "./kamCli.bench";
import { convert } from "../test/support/libreoffice";

/** Sizes at which LibreOffice opens kam's workbook, recalculates every formula and saves it (an anchor of its own). */
const LIBREOFFICE_AT = new Set([10_000, 100_000]);
const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));

/** LibreOffice headless opening the workbook, recalculating every formula and saving it again: wall time. */
function libreOfficeMs(xlsx: string, dir: string): number | string {
  if (!SOFFICE) return "LibreOffice is not installed";
  const out = join(dir, "recalculated");
  mkdirSync(out);
  const start = process.hrtime.bigint();
  try {
    convert(xlsx, "xlsx:Calc MS Excel 2007 XML", out, 30 * 60_000);
  } catch (e) {
    return `LibreOffice failed: ${(e as Error).message.split("\n")[0]}`;
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const SIZES = (process.env.KAM_SCALE_SIZES ?? "1000,10000,100000,1000000").split(",").map(Number);
const MB = 2 ** 20;
const ANCHOR_UP_TO = Number(process.env.KAM_SCALE_ANCHOR_UP_TO ?? 100_000);
const log = (text: string) => process.stderr.write(`  scale: ${text}\n`);
const count = (n: number) => n.toLocaleString("en-US");

/** The computed columns' formulas as kam writes them (the Accounts sheet's pattern block, from a small sample). */
function accountsPattern(): readonly PlanCell[] {
  const rows = telecomAccounts({ count: 50, seed: 9 });
  const { report } = prepareReport({ sheet: "Accounts", top: 0, left: 0, values: rows });
  const accounts = report!.plan.sheets.find((s) => s.name === "Accounts")!;
  return accounts.patterns![0].pattern;
}

/** The CSV's records one by one, numbers as numbers (csv-parse streaming: a million rows never sit in memory). */
async function* records(csv: string): AsyncGenerator<(string | number)[]> {
  for await (const r of createReadStream(csv).pipe(parse({ relax_column_count: true })) as AsyncIterable<string[]>)
    yield r.map((v) => (v !== "" && Number.isFinite(Number(v)) ? Number(v) : v));
}

/**
 * exceljs' streaming writer, one sheet: the CSV's cells and the formula columns, row by row. Rows come from the CSV as
 * they are written, so the time of a pass that only reads them is taken first and subtracted: what is left is the
 * writing alone.
 */
async function anchorMs(csv: string, pattern: readonly PlanCell[], dir: string): Promise<number> {
  let start = process.hrtime.bigint();
  let n = 0;
  for await (const r of records(csv)) n += r.length;
  const readMs = Number(process.hrtime.bigint() - start) / 1e6;
  log(`anchor: reading alone ${(readMs / 1000).toFixed(1)} s (${count(n)} cells)`);
  start = process.hrtime.bigint();
  // zlib's fastest level, as kam deflates its streamed sheets (archiver's default is 6).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: join(dir, "anchor.xlsx"),
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  });
  const ws = wb.addWorksheet("Accounts");
  let i = 0;
  for await (const values of records(csv)) {
    const row = String(++i);
    const formulas = pattern.map((c) =>
      c !== null && typeof c === "object" ? { formula: withFilePrefixes(c.f.split(ROW_TOKEN).join(row)) } : c,
    );
    ws.addRow([...values, ...formulas]).commit();
    // exceljs gives a committed row no backpressure: its zip stream only moves when the event loop turns, and
    // without this its rows outran the stream and its memory grew with every row.
    if (i % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  ws.commit();
  await wb.commit();
  const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
  log(`anchor: reading and writing ${(totalMs / 1000).toFixed(1)} s`);
  return totalMs - readMs;
}

/** The seeded sample of n accounts as a CSV; its column count. The rows are garbage once written. */
function writeSample(n: number, csv: string): number {
  const rows = telecomAccounts({ count: n, seed: 9, messy: true });
  writeCsv(rows, csv);
  return rows[0]?.length ?? 0;
}

export async function run(): Promise<BenchRow[]> {
  const root = repoRoot();
  const kam = join(root, "dist", "cli", "kam.js");
  const built = spawnSync(process.execPath, [join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`scripts/build-cli.mjs failed: ${built.stderr}`);
  const peakFrom = existsSync(GNU_TIME) ? "gnu" : "node";
  const pattern = accountsPattern();
  const out: BenchRow[] = [];
  for (const n of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), "kam-scale-"));
    try {
      const csv = join(dir, "accounts.csv");
      log(`writing ${count(n)} accounts`);
      const columns = writeSample(n, csv);
      (globalThis as { gc?: () => void }).gc?.();
      log(`kam report on ${count(n)} accounts`);
      const r = await runKam(root, kam, ["report", csv, "-o", join(dir, "out.xlsx"), "--force"], peakFrom);
      const ok = r.code === 0 && !r.timedOut;
      const peak = r.peakRssBytes !== undefined ? r.peakRssBytes / MB : Number.NaN;
      // The anchor writes text inline, as kam's own row runs do (with shared strings exceljs keeps every distinct
      // text in memory), from 100,000 rows up to KAM_SCALE_ANCHOR_UP_TO. At 1,000,000 rows it does not finish here
      // even when it yields to its zip stream: it held 6 GB after 22 minutes on 2026-12-02 (4.1 GB after 20–30
      // minutes without yielding), so no ratio at that size is measured.
      const anchor = n >= 100_000 && n <= ANCHOR_UP_TO && ok ? await anchorMs(csv, pattern, dir) : undefined;
      const size = ok ? statSync(join(dir, "out.xlsx")).size / MB : Number.NaN;
      out.push({
        task: `kam report, ${count(n)} accounts (CSV, ${columns} columns, all sheets)`,
        ms: ok ? r.ms : Number.NaN,
        ...(anchor !== undefined
          ? {
              versus: "exceljs streaming writer, the Accounts sheet's cells alone",
              versusMs: anchor,
              target: "≤ 1.3x the anchor, peak RSS ≤ 1 GB (issue 18 asks it at 1,000,000)",
              ok: r.ms <= 1.3 * anchor && peak <= 1024,
            }
          : {}),
        note: ok
          ? `one run; peak RSS ${peak.toFixed(0)} MB; output ${size.toFixed(1)} MB` +
            (anchor !== undefined ? `; kam takes ${(r.ms / anchor).toFixed(2)}x the anchor` : "")
          : `failed: exit ${r.code ?? r.signal}${r.timedOut ? " (stopped)" : ""}; peak RSS ${peak.toFixed(0)} MB; ${r.stderr.trim().split("\n").slice(-3).join(" ⏎ ")}`,
      });
      if (ok && LIBREOFFICE_AT.has(n)) {
        log(`LibreOffice recalculating the workbook of ${count(n)} accounts`);
        const lo = libreOfficeMs(join(dir, "out.xlsx"), dir);
        out.push({
          task: `kam report, ${count(n)} accounts, against a spreadsheet recalculating what it wrote`,
          ms: r.ms,
          ...(typeof lo === "number"
            ? {
                versus: "LibreOffice headless: open kam's workbook, recalculate every formula, save",
                versusMs: lo,
              }
            : {}),
          note:
            typeof lo === "number"
              ? "one run each; how long a spreadsheet takes to compute the formulas kam writes in this time"
              : lo,
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
