/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those whose name contains an argument) and prints one table.
 * Each module is independent, so a new benchmark is a new file, never an edit here.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BenchRow } from "./harness";

function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const dir = __dirname;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts") && (!filter || f.includes(filter)))
    .sort();
  const rows: BenchRow[] = [];
  for (const file of files) {
    process.stderr.write(`running ${file}…\n`);
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<BenchRow[]> };
    rows.push(...(await mod.run()));
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
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
