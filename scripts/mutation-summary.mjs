// Writes MUTATION.md from Stryker's JSON report (test-artifacts/mutation/mutation.json): the mutation score per
// folder and per file, and how many mutants survived where, so the score is read from the run, never typed by hand.
// Score = (killed + timed out) / (killed + timed out + survived + not covered), as Stryker counts it.
//
// - A survivors run's report (under FOLDER/survivors/) replaces earlier results mutant by mutant, not file by file.
// - Several reports are read (by default every mutation.json under test-artifacts/mutation, oldest first; or those
//   given: `node scripts/mutation-summary.mjs a.json b.json`): a run of one folder or of some files writes a report of
//   those files only, so reports of separate runs are read in order, a later report's file replacing an earlier one's.
// - equivalent-mutants.json lists surviving (or uncovered: unreachable) mutants judged equivalent (no test can tell
//   them from the original), each with one line saying why: { file, line, [span,] mutator, replacement, why }. They are
//   reported beside Stryker's score, which still counts them, and an entry that matches no such mutant is stale.
// - Text after the notes marker in the existing MUTATION.md is kept: the hand-written history of the scores.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import {
  changedSinceMeasured,
  equivalentEntry,
  latestResults,
  mutableFiles,
  readRecord,
  reportsUnder,
  RESULTS_FILE,
  writeRecord,
} from "./mutationFiles.mjs";

// `--open PREFIX` lists the surviving (not listed equivalent) and uncovered mutants of files under PREFIX from the
// merged reports, one a line, and writes nothing: what is left to kill.
const openAt = process.argv.indexOf("--open");
const openPrefix = openAt >= 0 ? (process.argv[openAt + 1] ?? "src/") : undefined;
const reports = process.argv.slice(2).filter((_, i) => openAt < 0 || (i !== openAt - 2 && i !== openAt - 1));
// every mutation.json (the whole run's, each folder's, each --files run's), oldest first, read over the committed
// record of earlier runs (mutation-results.json)
if (reports.length === 0) reports.push(...reportsUnder("test-artifacts/mutation"));
const record = readRecord();
if (reports.length === 0 && record.size === 0)
  throw new Error(`no ${RESULTS_FILE} and no reports: run \`npm run mutate\``);
const FOLDERS = ["src/core", "src/functions", "src/report", "src/excel"];
const TARGET = { "src/core": 85, "src/functions": 85, "src/report": 85, "src/excel": 70 };
const NOTES = "<!-- Notes below are kept by scripts/mutation-summary.mjs; write by hand. -->";

/** file → its latest mutants by where and what they change (a mutant keeps its key from one run to the next). */
const latest = latestResults(reports, record);
const byFile = new Map([...latest].map(([rel, r]) => [rel, r.mutants]));
/** Files whose code changed after the run that measured them: their results are of older code. */
const changed = [...latest]
  .filter(([rel, r]) => changedSinceMeasured(rel, r))
  .map(([rel]) => rel)
  .sort();
const equivalents = existsSync("equivalent-mutants.json")
  ? JSON.parse(readFileSync("equivalent-mutants.json", "utf8"))
  : [];
const isEquivalent = equivalentEntry(equivalents);

const blank = () => ({ killed: 0, survived: 0, noCoverage: 0, timeout: 0, equivalent: 0, ignored: 0 });
const add = (t, status, equivalent) => {
  if (status === "Killed") t.killed++;
  else if (status === "Survived" || status === "NoCoverage") {
    if (status === "Survived") t.survived++;
    else t.noCoverage++;
    // A listed mutant no test reaches is code no input reaches (a guard kept for safety): as equivalent as a survivor.
    if (equivalent) t.equivalent++;
  } else if (status === "Timeout") t.timeout++;
  // Static mutants (in values built when a module loads: tables, regexes) would each need every test run again;
  // stryker.config.mjs's ignoreStatic leaves them out of the run and of the score, so they are counted apart.
  else if (status === "Ignored") t.ignored++;
};
const percent = (detected, valid) => (valid === 0 ? "—" : `${((100 * detected) / valid).toFixed(1)}%`);
const score = (t) => percent(t.killed + t.timeout, t.killed + t.timeout + t.survived + t.noCoverage);
/** The score with the listed equivalent mutants left out of the count, as they cannot be killed. */
const scoreWithout = (t) =>
  percent(t.killed + t.timeout, t.killed + t.timeout + t.survived - t.equivalent + t.noCoverage);

const folders = new Map(FOLDERS.map((f) => [f, blank()]));
const files = [];
const matched = new Set();
for (const [rel, byKey] of byFile) {
  const mutants = [...byKey.values()];
  const folder = FOLDERS.find((f) => rel.startsWith(`${f}/`));
  const t = blank();
  for (const m of mutants) {
    const e = m.status === "Survived" || m.status === "NoCoverage" ? isEquivalent(rel, m) : undefined;
    if (e) matched.add(e);
    add(t, m.status, e);
    if (folder) add(folders.get(folder), m.status, e);
  }
  files.push({ rel, t });
}
const measured = (folder) => {
  const all = mutableFiles(folder);
  return `${all.filter((f) => byFile.has(f)).length} of ${all.length} files`;
};
if (openPrefix !== undefined) {
  for (const [rel, byKey] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    if (!rel.startsWith(openPrefix)) continue;
    for (const m of [...byKey.values()].sort((a, b) => a.location.start.line - b.location.start.line)) {
      if ((m.status === "NoCoverage" || m.status === "Survived") && !isEquivalent(rel, m)) {
        const { line, column } = m.location.start;
        console.log(`${rel}:${line}:${column} ${m.status} ${m.mutatorName} → ${JSON.stringify(m.replacement)}`);
      }
    }
  }
  process.exit(0);
}
const row = (name, t, target) =>
  `| ${name} | ${score(t)} | ${scoreWithout(t)} | ${target ?? ""} | ${t.killed} | ${t.timeout} | ${t.survived} | ` +
  `${t.noCoverage} | ${t.equivalent} | ${t.ignored} |`;
const HEADER =
  "| score | without equivalents | target | killed | timed out | survived | not covered | of these equivalent | " +
  "static, not run |";
const RULE = "|---|---|---|---|---|---|---|---|---|---|";
const listedFor = (rel) => equivalents.filter((e) => e.file === rel);
const stale = equivalents.filter((e) => !matched.has(e) && byFile.has(e.file));
const previous = existsSync("MUTATION.md") ? readFileSync("MUTATION.md", "utf8") : "";
const notes = previous.includes(NOTES) ? previous.slice(previous.indexOf(NOTES) + NOTES.length).trim() : "";
const lines = [
  "# Mutation testing",
  "",
  "Written by `npm run mutate` (StrykerJS over `src/core`, `src/functions`, `src/report`, `src/excel`, one folder at a",
  "time against that folder's own fast tests: scripts/mutate.mjs). Score = (killed + timed out) / (killed + timed out +",
  "survived + not covered). Each folder's HTML report with every surviving mutant is in",
  "`test-artifacts/mutation/FOLDER/index.html`. Surviving or uncovered mutants judged equivalent (no test can tell",
  "them from the code, or no input reaches them) are listed with the reason in `equivalent-mutants.json`; the second",
  "score leaves them out. Static mutants (in values built when a module loads, such as the field table and its",
  "regexes) are not run (Stryker's ignoreStatic: each would need every test of its folder again) and are not in the",
  "score; the last column counts them, so the score is read as of the code that runs per call.",
  "",
  `Written ${new Date().toISOString().slice(0, 10)} from ${reports.length} report(s) over the record of earlier runs`,
  `(\`${RESULTS_FILE}\`, committed: a clean checkout starts from it), ${files.length} files in all: a folder's score`,
  "covers the files of it that some run mutated (a later run's file replaces an earlier one's).",
  "",
  `| folder ${HEADER}`,
  RULE,
  ...FOLDERS.map((f) => row(`${f} (${measured(f)})`, folders.get(f), `${TARGET[f]}%`)),
  "",
  "## Files with surviving or uncovered mutants",
  "",
  `| file ${HEADER}`,
  RULE,
  ...files
    .filter((f) => f.t.survived + f.t.noCoverage > 0)
    .sort((a, b) => b.t.survived + b.t.noCoverage - (a.t.survived + a.t.noCoverage))
    .map((f) => row(f.rel, f.t)),
  "",
  ...(changed.length === 0
    ? []
    : [
        `Changed since measured (their results are of older code; \`npm run mutate -- FOLDER --survivors\` runs them`,
        `whole): ${changed.join(", ")}.`,
        "",
      ]),
  "## Equivalent mutants",
  "",
  ...(equivalents.length === 0
    ? ["None listed."]
    : [
        "| file | line | mutator | replacement | why |",
        "|---|---|---|---|---|",
        ...[...new Set(equivalents.map((e) => e.file))].flatMap((file) =>
          listedFor(file).map(
            (e) =>
              `| ${e.file} | ${e.line} | ${e.mutator} | \`${e.replacement.replace(/\|/g, "\\|").replace(/\n/g, " ")}\` | ` +
              `${e.why}${matched.has(e) || !byFile.has(e.file) ? "" : " **(stale: no such surviving mutant)**"} |`,
          ),
        ),
      ]),
  "",
  NOTES,
  "",
  ...(notes ? [notes, ""] : []),
];
writeFileSync("MUTATION.md", lines.join("\n"));
writeRecord(latest);
const table = lines.indexOf(`| folder ${HEADER}`);
console.log(lines.slice(table, table + FOLDERS.length + 2).join("\n"));
if (changed.length > 0) console.log(`${changed.length} files changed since measured: ${changed.join(", ")}.`);
if (stale.length > 0) {
  console.log(`${stale.length} equivalent-mutant entries match no surviving mutant: update equivalent-mutants.json.`);
}
