import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { isKamError, parseSettings, type Kpi, type KamSettings, type TableInput } from "../core";
import {
  accountsForReport,
  reportFromAccounts,
  type AccountsForReport,
  type PrepareOptions,
} from "../report/kam/prepareReport";
import { settingsSheet } from "../report/kam/settingsSheet";
import type { Command } from "./args";
import { UsageError } from "./args";
import { InputError } from "./inputError";
import { issueLine, type SourceKind } from "./issueText";
import { progressLine } from "./progress";

type ReportCommand = Extract<Command, { kind: "report" }>;

export interface Io {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WriteStream;
}

const count = (n: number) => n.toLocaleString("en-US");

/** A KPI as a reader expects it: rates in %, money in k or M, counts whole. */
export function kpiText(k: Kpi): string {
  const v = k.value!;
  switch (k.format) {
    case "percent":
      return `${(v * 100).toFixed(1)}%`;
    case "money":
      return Math.abs(v) >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : `${(v / 1e3).toFixed(1)}k`;
    case "count":
      return count(v);
    default:
      return v.toFixed(1);
  }
}

async function readSettingsFile(path: string): Promise<KamSettings> {
  const text = await readFile(path, "utf8").catch(() => {
    throw new InputError(`The settings file ${path} cannot be read.`);
  });
  const parsed = parseSettings(text);
  if (isKamError(parsed)) throw new InputError(`${path}: ${parsed.message}`);
  return parsed;
}

async function readTable(
  cmd: ReportCommand,
  onRows: (n: number) => void,
): Promise<{ input: TableInput; source: SourceKind }> {
  const ext = extname(cmd.input).toLowerCase();
  if (ext === ".csv" || ext === ".tsv" || ext === ".txt") {
    if (cmd.sheet) throw new UsageError("--sheet is for .xlsx inputs; a CSV has one table.");
    const { readCsvTable } = await import("./readCsv");
    const csv = await readCsvTable(cmd.input, onRows);
    return { input: csv, source: { csvLines: csv.lines, headers: (csv.values[0] ?? []).map((h) => String(h ?? "")) } };
  }
  if (ext === ".xlsx" || ext === ".xlsm") {
    const { readXlsxTable } = await import("./readXlsx");
    return { input: await readXlsxTable(cmd.input, { sheet: cmd.sheet, onRows }), source: {} };
  }
  throw new UsageError(`INPUT must be a .csv, .xlsx or .xlsm file, not ${basename(cmd.input)}.`);
}

/**
 * The table read and turned into accounts. Its own function so that the cells as read (a million rows of text are
 * several hundred MB) are garbage before the report is built: the accounts are columns of their own.
 */
async function readAccounts(
  cmd: ReportCommand,
  o: PrepareOptions,
  progress: ReturnType<typeof progressLine>,
): Promise<{ accounts: AccountsForReport; where: SourceKind; from: PrepareOptions["source"] }> {
  const { input, source } = await readTable(cmd, (n) => progress.say(`Reading ${count(n)} rows…`));
  progress.say(`Checking ${count(input.values.length)} rows…`);
  return {
    accounts: accountsForReport(input, o),
    where: { ...source, top: input.top, left: input.left },
    from: { sheet: input.sheet, address: basename(cmd.input) },
  };
}

/**
 * A full garbage collection now. Once the table is read into accounts, its cells (about 500 MB at a million rows) are
 * garbage, but V8 collects its old space only when the heap grows further: the report and the writer would then be
 * added on top of them, and the process's peak memory with them. One collection at this point costs about a second
 * at a million rows. (--expose-gc set while running applies to contexts made after it: a new one has `gc`.)
 */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/**
 * `kam report INPUT -o OUT.xlsx`: reads the table, builds the workbook the add-in builds in Excel, and writes it to a
 * temporary file beside OUT that is renamed over it at the end, so an interrupted run never leaves half a file where
 * a good one was. Issues go to stderr one a line, the file's path and headline KPIs (or --json) to stdout.
 */
export async function runReport(cmd: ReportCommand, io: Io): Promise<number> {
  if (existsSync(cmd.out) && !cmd.force) {
    io.stderr.write(`${cmd.out} exists and was not touched: add --force to replace it.\n`);
    return 2;
  }
  const progress = progressLine(io.stderr);
  const saved = cmd.settings ? await readSettingsFile(cmd.settings) : undefined;
  // An earlier output's history, read (and refused, exit 2) before anything else is done.
  const history = cmd.history ? await (await import("./readHistory")).readHistoryFile(cmd.history) : undefined;
  const options: PrepareOptions = { saved, only: cmd.only, history };
  const { accounts, where, from } = await readAccounts(cmd, options, progress);
  collectGarbage();
  const prepared = reportFromAccounts(accounts, { ...options, source: from });
  const { table, report } = prepared;
  progress.done();
  for (const issue of table.issues) io.stderr.write(`${issueLine(issue, where)}\n`);
  const s = table.summary;
  if (!report) {
    const reason = table.issues.find((i) => i.severity === "error")?.message ?? "no row holds an account.";
    io.stderr.write(`Nothing usable in ${basename(cmd.input)}: ${reason}\n`);
    return 1;
  }
  for (const note of [...prepared.notes, ...report.notes]) io.stderr.write(`note: ${note}\n`);
  const left = s.rejected;
  io.stderr.write(
    `${count(s.read)} rows read, ${count(s.accepted)} accounts used` +
      (left > 0 ? `, ${count(left)} left out: see the Issues sheet.\n` : ".\n"),
  );

  const plan = { ...report.plan, sheets: [...report.plan.sheets, settingsSheet(prepared.settings)] };
  progress.say(`Writing ${plan.sheets.length} sheets…`);
  const { writeWorkbookFile } = await import("../xlsx/writeWorkbook");
  const temp = join(dirname(cmd.out), `.${basename(cmd.out)}.${process.pid}.tmp`);
  try {
    await mkdir(dirname(cmd.out), { recursive: true });
    // Written to the file as it is made: a million accounts' workbook is never one buffer in memory.
    await writeWorkbookFile(plan, temp);
    await rename(temp, cmd.out);
  } catch (e) {
    await rm(temp, { force: true });
    if (typeof (e as NodeJS.ErrnoException).code !== "string") throw e; // not the file system's: an internal error
    throw new InputError(
      `${cmd.out} cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
    );
  }
  progress.done();
  const kpis = report.kpis.filter((k) => k.value !== undefined);
  if (cmd.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          output: cmd.out,
          summary: s,
          issues: {
            errors: table.issues.filter((i) => i.severity === "error").length,
            warnings: table.issues.filter((i) => i.severity === "warning").length,
          },
          kpis: Object.fromEntries(report.kpis.map((k) => [k.id, k.value ?? null])),
          notes: [...prepared.notes, ...report.notes],
        },
        null,
        2,
      )}\n`,
    );
  } else {
    io.stdout.write(`Wrote ${cmd.out}\n`);
    for (const k of kpis) io.stdout.write(`  ${k.label.padEnd(28)} ${kpiText(k)}\n`);
  }
  return 0;
}
