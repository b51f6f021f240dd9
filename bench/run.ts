/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those whose name contains an argument) and prints one table.
 * Each module is independent, so a new benchmark is a new file, never an edit here.
 *
 * Each benchmark is first bundled with esbuild (our code in one scope, packages left outside), as webpack bundles the
 * add-in. Run file by file through a TypeScript loader, every call across our modules would go through a CommonJS
 * export getter that the shipped bundle does not have, and the wrappers would be timed with a handicap the bare
 * loops (written in the benchmark file itself) do not carry.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import type { BenchRow } from "./harness";

async function bundle(file: string, outdir: string): Promise<string> {
  const outfile = join(outdir, file.replace(/\.ts$/, ".cjs"));
  await build({
    entryPoints: [join(__dirname, file)],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  return outfile;
}

function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/**
 * Runs one bundled benchmark in a fresh Node process, so that no benchmark meets another's heap: a memory peak or a
 * GC pause belongs to the work measured. Rows come back as JSON on stdout; progress goes to stderr.
 */
function runInOwnProcess(bundled: string): BenchRow[] {
  const script = `require(${JSON.stringify(bundled)}).run().then((rows) => process.stdout.write(JSON.stringify(rows)))`;
  const child = spawnSync(process.execPath, ["--expose-gc", "-e", script], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 2 ** 20,
  });
  if (child.status !== 0) throw new Error(`${bundled} failed (exit ${child.status})`);
  return JSON.parse(child.stdout) as BenchRow[];
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const dir = __dirname;
  const outdir = join(__dirname, "..", "node_modules", ".cache", "kam-bench");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts") && (!filter || f.includes(filter)))
    .sort();
  const rows: BenchRow[] = [];
  const results = join(__dirname, "results");
  mkdirSync(results, { recursive: true });
  for (const file of files) {
    process.stderr.write(`running ${file}…\n`);
    const load = loadavg()[0];
    const fileRows = runInOwnProcess(await bundle(file, outdir));
    rows.push(...fileRows);
    // One JSON per benchmark file, kept in the repository: scripts/benchmarks-md.mjs writes BENCHMARKS.md from all of
    // them, so a run of one benchmark refreshes its rows and keeps the others' (each with its own date and machine).
    const machine = {
      node: process.version,
      platform: `${process.platform}/${process.arch}`,
      cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown"}`,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      loadAverageAtStart: Number(load.toFixed(2)),
    };
    writeFileSync(
      join(results, file.replace(/\.bench\.ts$/, ".json")),
      `${JSON.stringify({ file, date: new Date().toISOString(), machine, rows: fileRows }, null, 2)}\n`,
    );
  }
  console.log(`\nKAM Analytics benchmarks — node ${process.version}, ${process.platform}/${process.arch}\n`);
  console.log("| task | this project | versus | their time | ratio | target | met |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const ratio = r.versusMs !== undefined ? `${(r.versusMs / r.ms).toFixed(2)}x` : "";
    const met = r.ok === undefined ? "" : r.ok ? "yes" : "NO";
    console.log(
      `| ${r.task} | ${formatMs(r.ms)} | ${r.versus ?? ""} | ${r.versusMs !== undefined ? formatMs(r.versusMs) : ""} | ${ratio} | ${r.target ?? ""} | ${met} |`,
    );
    if (r.note) console.log(`|   ↳ ${r.note} | | | | | | |`);
  }
  console.log("\nratio = their time / this project's time (above 1: this project is faster).");
  const md = spawnSync(process.execPath, [join(__dirname, "..", "scripts", "benchmarks-md.mjs")], { stdio: "inherit" });
  if (md.status !== 0) throw new Error("scripts/benchmarks-md.mjs failed");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
