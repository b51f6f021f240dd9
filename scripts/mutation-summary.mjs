// Writes MUTATION.md from Stryker's JSON report (test-artifacts/mutation/mutation.json): the mutation score per
// folder and per file, and how many mutants survived where, so the score is read from the run, never typed by hand.
// Score = (killed + timed out) / (killed + timed out + survived + not covered), as Stryker counts it.
import { readFileSync, writeFileSync } from "node:fs";

const report = JSON.parse(readFileSync("test-artifacts/mutation/mutation.json", "utf8"));
const FOLDERS = ["src/core", "src/functions", "src/report", "src/excel"];
const TARGET = { "src/core": 85, "src/functions": 85, "src/report": 85, "src/excel": 70 };
const blank = () => ({ killed: 0, survived: 0, noCoverage: 0, timeout: 0 });
const add = (t, status) => {
  if (status === "Killed") t.killed++;
  else if (status === "Survived") t.survived++;
  else if (status === "NoCoverage") t.noCoverage++;
  else if (status === "Timeout") t.timeout++;
};
const score = (t) => {
  const detected = t.killed + t.timeout;
  const valid = detected + t.survived + t.noCoverage;
  return valid === 0 ? "—" : `${((100 * detected) / valid).toFixed(1)}%`;
};
const folders = new Map(FOLDERS.map((f) => [f, blank()]));
const files = [];
for (const [path, file] of Object.entries(report.files)) {
  const rel = path.replace(/^.*?(src\/)/, "$1");
  const folder = FOLDERS.find((f) => rel.startsWith(`${f}/`));
  const t = blank();
  for (const m of file.mutants) add(t, m.status);
  files.push({ rel, t });
  if (folder) for (const m of file.mutants) add(folders.get(folder), m.status);
}
const row = (name, t, target) =>
  `| ${name} | ${score(t)} | ${target ?? ""} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} |`;
const lines = [
  "# Mutation testing",
  "",
  "Written by `npm run mutate` (StrykerJS over `src/core`, `src/functions`, `src/report`, `src/excel`; the fast tests of",
  "`vitest.mutation.config.mts`). Score = (killed + timed out) / (killed + timed out + survived + not covered).",
  "The HTML report with every surviving mutant is in `test-artifacts/mutation/index.html`.",
  "",
  `Run: ${new Date().toISOString().slice(0, 10)}, ${files.length} files mutated (a folder's score covers only its files`,
  "mutated in this run; `npm run mutate` with no arguments mutates all four folders).",
  "",
  "| folder | score | target | killed | timed out | survived | not covered |",
  "|---|---|---|---|---|---|---|",
  ...FOLDERS.map((f) => row(f, folders.get(f), `${TARGET[f]}%`)),
  "",
  "## Files with surviving or uncovered mutants",
  "",
  "| file | score | | killed | timed out | survived | not covered |",
  "|---|---|---|---|---|---|---|",
  ...files
    .filter((f) => f.t.survived + f.t.noCoverage > 0)
    .sort((a, b) => b.t.survived + b.t.noCoverage - (a.t.survived + a.t.noCoverage))
    .map((f) => row(f.rel, f.t)),
  "",
];
writeFileSync("MUTATION.md", lines.join("\n"));
const table = lines.indexOf("| folder | score | target | killed | timed out | survived | not covered |");
console.log(lines.slice(table, table + FOLDERS.length + 2).join("\n"));
