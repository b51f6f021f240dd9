// Writes BENCHMARKS.md from bench/results/*.json (what `npm run bench` saved), never by hand: each row of each
// benchmark with its ratio, target and whether it was met, the machine and date it ran on, and — from the scale
// benchmark — how time and peak memory grow from 1,000 to 1,000,000 accounts, drawn to docs/images/scale.png.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeLineChartPng } from "./lineChartPng.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const resultsDir = join(root, "bench", "results");
const files = existsSync(resultsDir) ? readdirSync(resultsDir).filter((f) => f.endsWith(".json")).sort() : [];
if (files.length === 0) {
  console.error("No bench/results/*.json: run `npm run bench` first.");
  process.exit(1);
}

const fmt = (ms) =>
  ms === null || ms === undefined || Number.isNaN(ms)
    ? "—"
    : ms < 1
      ? `${(ms * 1000).toFixed(1)} µs`
      : ms < 1000
        ? `${ms.toFixed(1)} ms`
        : `${(ms / 1000).toFixed(2)} s`;
const cell = (text) => String(text ?? "").replace(/\|/g, "\\|");

const lines = [
  "# Benchmarks",
  "",
  "Written by `node scripts/benchmarks-md.mjs` from `bench/results/*.json`, which `npm run bench` saves (one file per",
  "benchmark, so running one refreshes its rows and keeps the others'). Ratios are measured side by side in one run on",
  "one machine; absolute times differ between machines. ratio = the other side's time / this project's time (above 1:",
  "this project is faster). Where a wrapper is compared with a bare loop, the ratio is the median of interleaved pairs",
  "and the note gives its spread.",
  "",
];

let scale;
for (const file of files) {
  const result = JSON.parse(readFileSync(join(resultsDir, file), "utf8"));
  const m = result.machine ?? {};
  lines.push(`## ${result.file.replace(/\.bench\.ts$/, "")}`, "");
  lines.push(
    `Run ${result.date.slice(0, 16).replace("T", " ")} UTC on node ${m.node ?? "?"}, ${m.platform ?? "?"}, ${m.cpus ?? "?"}, ` +
      `${m.memoryGb ?? "?"} GB; load average ${m.loadAverageAtStart ?? "?"} when it began.`,
    "",
  );
  lines.push("| task | this project | versus | their time | ratio | target | met | note |", "|---|---|---|---|---|---|---|---|");
  for (const r of result.rows) {
    const ratio = r.versusMs !== undefined && r.ms ? `${(r.versusMs / r.ms).toFixed(2)}x` : "";
    const met = r.ok === undefined ? "" : r.ok ? "yes" : "**no**";
    lines.push(
      `| ${cell(r.task)} | ${fmt(r.ms)} | ${cell(r.versus)} | ${r.versusMs !== undefined ? fmt(r.versusMs) : ""} | ${ratio} | ${cell(r.target)} | ${met} | ${cell(r.note)} |`,
    );
  }
  lines.push("");
  if (result.file === "scale.bench.ts") scale = result;
}

if (scale) {
  const points = scale.rows
    .map((r) => ({
      accounts: Number(/kam report, ([\d,]+) accounts/.exec(r.task)?.[1]?.replace(/,/g, "")),
      seconds: r.ms / 1000,
      peakMb: Number(/peak RSS (\d+) MB/.exec(r.note ?? "")?.[1]),
    }))
    .filter((p) => Number.isFinite(p.accounts) && Number.isFinite(p.seconds));
  if (points.length >= 2) {
    await writeLineChartPng(join(root, "docs", "images", "scale.png"), {
      title: "kam report: time and peak memory by number of accounts (log-log)",
      xs: points.map((p) => p.accounts),
      series: [
        { name: "wall time, s", values: points.map((p) => p.seconds), color: [31, 78, 121] },
        { name: "peak RSS, GB", values: points.map((p) => p.peakMb / 1024), color: [192, 80, 0] },
      ],
    });
    lines.push(
      "## Growth",
      "",
      "| accounts | wall time | peak RSS | time per 1,000 accounts |",
      "|---|---|---|---|",
      ...points.map(
        (p) =>
          `| ${p.accounts.toLocaleString("en-US")} | ${p.seconds.toFixed(2)} s | ${Number.isFinite(p.peakMb) ? `${p.peakMb} MB` : "—"} | ${((p.seconds * 1000) / (p.accounts / 1000)).toFixed(1)} ms |`,
      ),
      "",
      "![kam report time and peak memory, 1,000 to 1,000,000 accounts](docs/images/scale.png)",
      "",
    );
  }
}

writeFileSync(join(root, "BENCHMARKS.md"), `${lines.join("\n")}\n`);
console.log(`BENCHMARKS.md written from ${files.length} result file(s).`);
