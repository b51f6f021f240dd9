/**
 * The built `kam` command end to end, as a user runs it: `node dist/cli/kam.js report INPUT -o OUT.xlsx --force` on
 * 100,000 seeded telecom accounts (samples/telecomAccounts.ts, seed 9, messy cells included), once from a CSV (written
 * with csv-stringify as samples/generate.ts writes the sample) and once from an .xlsx (exceljs' streaming writer, one
 * sheet "Key accounts", shared strings as Excel writes them); and `kam --help`, the start-up a user waits for.
 * The command is built first (scripts/build-cli.mjs), so the timing is of the current source; the inputs are written
 * once into a temporary directory, outside every timing, and removed at the end.
 * Measured per input: the child's wall time, its peak RSS (GNU time's -v where /usr/bin/time exists, otherwise
 * node's process.resourceUsage().maxRSS from a wrapper that runs kam's main in-process), the output's size, the exit
 * code and the summary line on stderr. A job over 20 s is run once; a quicker one three times (median, min–max).
 * A run that fails, or is stopped at 10 minutes, gives a row with the last lines of its stderr.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { telecomAccounts, type Cell } from "../samples/telecomAccounts";
import type { BenchRow } from "./harness";

const ACCOUNTS = 100_000;
const SEED = 9;
const HELP_RUNS = 11;
const ONE_RUN_ABOVE_MS = 20_000;
const TIMEOUT_MS = 10 * 60_000;
export const GNU_TIME = "/usr/bin/time";
const MB = 2 ** 20;

const count = (n: number) => n.toLocaleString("en-US");
const ms = (x: number) => (x < 1000 ? `${x.toFixed(0)} ms` : `${(x / 1000).toFixed(2)} s`);
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const log = (text: string) => process.stderr.write(`  kamCli: ${text}\n`);

/** The repository root: the bundled benchmark runs from node_modules/.cache/kam-bench, so look up for package.json. */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "kam-analytics-excel")
      return dir;
    if (dirname(dir) === dir) throw new Error("kamCli.bench: the repository root (package.json) was not found");
  }
}

/** The CSV as samples/generate.ts writes it (csv-stringify: quotes where needed, CRLF). */
export function writeCsv(rows: Cell[][], file: string): void {
  writeFileSync(file, stringify(rows, { record_delimiter: "windows" }));
}

/** The same table as an .xlsx with one sheet "Key accounts", streamed as the tests write large workbooks. */
async function writeXlsx(rows: Cell[][], file: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = writer.addWorksheet("Key accounts");
  for (const row of rows) ws.addRow(row).commit();
  ws.commit();
  await writer.commit();
}

export interface ChildResult {
  readonly ms: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  /** The command's own stderr, without GNU time's report. */
  readonly stderr: string;
  readonly peakRssBytes?: number;
}

/**
 * Runs `node kam.js ...args` and measures it. With GNU time the child is `time -v node kam.js ...`: its report is cut
 * off the end of stderr. Without it a small wrapper runs kam's exported main and prints its own maxRSS last.
 */
export function runKam(
  root: string,
  kam: string,
  args: readonly string[],
  peakFrom: "gnu" | "node",
): Promise<ChildResult> {
  const wrapper =
    `const { main } = require(${JSON.stringify(kam)});` +
    `main(process.argv.slice(1)).then((code) => { process.exitCode = code;` +
    ` process.stderr.write("\\nKAM_BENCH_MAXRSS_KB " + process.resourceUsage().maxRSS + "\\n"); });`;
  const [command, argv] =
    peakFrom === "gnu"
      ? [GNU_TIME, ["-v", process.execPath, kam, ...args]]
      : [process.execPath, ["-e", wrapper, ...args]];
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    // detached: the child leads its own process group, so a timeout stops node under time as well
    const child = spawn(command, argv, { cwd: root, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, TIMEOUT_MS);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code, signal) => {
      const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      clearTimeout(timer);
      let stderr = Buffer.concat(err).toString("utf8");
      let peakKb: number | undefined;
      let exit = code;
      if (peakFrom === "gnu") {
        const at = stderr.lastIndexOf("\tCommand being timed:");
        const report = at >= 0 ? stderr.slice(at) : "";
        stderr = at >= 0 ? stderr.slice(0, at) : stderr;
        const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        if (rss) peakKb = Number(rss[1]);
        const status = /Exit status: (\d+)/.exec(report);
        if (status) exit = Number(status[1]); // time passes the status on; its report says it plainly too
        stderr = stderr.replace(/Command (terminated by signal|exited with non-zero status) \d+\n$/, "");
      } else {
        const rss = /\nKAM_BENCH_MAXRSS_KB (\d+)\n$/.exec(stderr);
        if (rss) {
          peakKb = Number(rss[1]);
          stderr = stderr.slice(0, rss.index);
        }
      }
      resolve({
        ms: elapsed,
        code: exit,
        signal,
        timedOut,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr,
        peakRssBytes: peakKb !== undefined ? peakKb * 1024 : undefined,
      });
    });
  });
}

const lastLines = (text: string, n = 8) => text.trimEnd().split("\n").slice(-n).join(" ⏎ ");

async function reportRow(
  root: string,
  kam: string,
  label: string,
  input: string,
  out: string,
  peakFrom: "gnu" | "node",
): Promise<BenchRow> {
  const task = `kam report, ${count(ACCOUNTS)} accounts from ${label} (dist/cli/kam.js, end to end)`;
  const args = ["report", input, "-o", out, "--force"];
  const runs: ChildResult[] = [];
  for (;;) {
    log(`${label}: node dist/cli/kam.js ${args.join(" ")} (run ${runs.length + 1})`);
    const r = await runKam(root, kam, args, peakFrom);
    runs.push(r);
    log(`${label}: ${ms(r.ms)}, exit ${r.code ?? r.signal}`);
    const failed = r.timedOut || r.code !== 0;
    if (failed || r.ms > ONE_RUN_ABOVE_MS || runs.length === 3) break;
  }
  const last = runs[runs.length - 1];
  const inputSize = statSync(input).size;
  if (last.timedOut || last.code !== 0) {
    return {
      task,
      ms: last.timedOut ? Number.NaN : last.ms,
      ok: false,
      note:
        (last.timedOut ? `stopped after ${ms(TIMEOUT_MS)}` : `failed: exit ${last.code ?? last.signal}`) +
        `, peak RSS ${last.peakRssBytes !== undefined ? mb(last.peakRssBytes) : "unknown"}; ` +
        `stderr ends: ${lastLines(last.stderr) || "(empty)"}`,
    };
  }
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const peak = Math.max(...runs.map((r) => r.peakRssBytes ?? 0));
  const outSize = statSync(out).size;
  const zip = readFileSync(out).subarray(0, 2).toString("latin1") === "PK";
  const summary = last.stderr.split("\n").find((l) => /rows read, .* accounts used/.test(l)) ?? "(no summary line)";
  const issueLines = last.stderr.split("\n").filter((l) => l.trim() !== "" && l !== summary).length;
  return {
    task,
    ms: median,
    note:
      (runs.length === 1
        ? `one run (over ${ms(ONE_RUN_ABOVE_MS)})`
        : `median of ${runs.length} runs, ${ms(times[0])}–${ms(times[times.length - 1])}`) +
      `; exit 0; peak RSS ${mb(peak)} (${peakFrom === "gnu" ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS"}); ` +
      `input ${mb(inputSize)}, output ${mb(outSize)}${zip ? "" : " (not a zip!)"}; ` +
      `stderr: "${summary}"${issueLines > 0 ? ` and ${issueLines} more lines` : ""}`,
  };
}

function helpRow(kam: string): BenchRow {
  const run = () => {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [kam, "--help"], { encoding: "utf8" });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0 || !r.stdout.startsWith("kam:")) throw new Error(`kam --help: exit ${r.status}: ${r.stderr}`);
    return elapsed;
  };
  run(); // warm-up: the file cache, not the command, would otherwise decide the first run
  const times = Array.from({ length: HELP_RUNS }, run).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return {
    task: "kam --help start-up (node dist/cli/kam.js --help)",
    ms: median,
    target: "< 300 ms",
    ok: median < 300,
    note: `median of ${HELP_RUNS} runs, min–max ${ms(times[0])}–${ms(times[times.length - 1])}`,
  };
}

export async function run(): Promise<BenchRow[]> {
  const root = repoRoot();
  const kam = join(root, "dist", "cli", "kam.js");
  const built = spawnSync(process.execPath, [join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`scripts/build-cli.mjs failed: ${built.stderr}`);
  const peakFrom = existsSync(GNU_TIME) ? "gnu" : "node";
  const load = loadavg()[0];

  const dir = mkdtempSync(join(tmpdir(), "kam-cli-bench-"));
  try {
    const csv = join(dir, "accounts.csv");
    const xlsx = join(dir, "accounts.xlsx");
    {
      log(`writing ${count(ACCOUNTS)} seeded accounts to ${dir}`);
      const rows = telecomAccounts({ count: ACCOUNTS, seed: SEED, messy: true });
      writeCsv(rows, csv);
      await writeXlsx(rows, xlsx);
    } // the rows are garbage from here: the children, not this process, should hold the memory
    (globalThis as { gc?: () => void }).gc?.();

    const rows: BenchRow[] = [];
    const help = helpRow(kam);
    rows.push({
      ...help,
      note: `${help.note}; load average ${load.toFixed(2)} on ${cpus().length} cores when the benchmark began`,
    });
    rows.push(await reportRow(root, kam, "CSV", csv, join(dir, "from-csv.xlsx"), peakFrom));
    rows.push(await reportRow(root, kam, ".xlsx", xlsx, join(dir, "from-xlsx.xlsx"), peakFrom));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
