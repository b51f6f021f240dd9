// `node scripts/mutation-survivors.mjs FOLDER [FILTER]`: the mutants tested so far by a running (or finished) `npm run
// mutate -- FOLDER`, read from Stryker's event-recorder files (test-artifacts/mutation/FOLDER/events): the score per
// file, then every surviving or uncovered mutant as file:line:column, status, mutator and replacement. FILTER keeps
// the mutants of files whose path contains it. Lets tests be written for survivors while a run of hours goes on.
//
// `--report` also writes the files whose planned mutants have all been tested as a Stryker JSON report
// (test-artifacts/mutation/FOLDER/from-events/mutation.json), which MUTATION.md then counts: a run that has to be
// stopped before its end (the session ends, the machine is needed) keeps the files it finished. Each file is recorded
// as of the code the run started from (sources.json beside the events), or else as of the file now.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sha256, SOURCES } from "./mutationFiles.mjs";

const writeReport = process.argv.includes("--report");
const [folder, filter = ""] = process.argv.slice(2).filter((a) => a !== "--report");
const dir = existsSync(folder ?? "") ? folder : `test-artifacts/mutation/${folder}/events`;
if (!folder || !existsSync(dir)) {
  console.error("usage: node scripts/mutation-survivors.mjs FOLDER|EVENTS_DIR [FILTER]");
  process.exit(2);
}
const perFile = new Map();
const open = [];
/** file → its tested mutants, as a report holds them (the events' locations are the report's: 1-based) */
const tested = new Map();
const planned = new Map();
for (const name of readdirSync(dir)
  .filter((n) => n.endsWith("-onMutantTested.json"))
  .sort()) {
  const m = JSON.parse(readFileSync(join(dir, name), "utf8"));
  const file = m.fileName.replace(/^.*?(src\/)/, "$1");
  const { id, mutatorName, replacement, status, location } = m;
  tested.set(file, [...(tested.get(file) ?? []), { id, mutatorName, replacement, status, location }]);
  const t = perFile.get(file) ?? { detected: 0, undetected: 0 };
  if (m.status === "Killed" || m.status === "Timeout") t.detected++;
  else if (m.status === "Survived" || m.status === "NoCoverage") t.undetected++;
  perFile.set(file, t);
  if ((m.status === "Survived" || m.status === "NoCoverage") && file.includes(filter)) {
    const at = `${file}:${m.location.start.line}:${m.location.start.column}`;
    open.push({ at, line: `${at} ${m.status} ${m.mutatorName} → ${JSON.stringify(m.replacement).slice(0, 160)}` });
  }
}
for (const [file, t] of [...perFile].sort()) {
  const valid = t.detected + t.undetected;
  if (valid > 0) console.log(`${file}: ${t.detected}/${valid} = ${((100 * t.detected) / valid).toFixed(1)}%`);
}
open.sort((a, b) => a.at.localeCompare(b.at, undefined, { numeric: true }));
for (const o of open) console.log(o.line);

if (writeReport) {
  const plan = readdirSync(dir).find((n) => n.endsWith("-onMutationTestingPlanReady.json"));
  for (const { mutant } of plan ? JSON.parse(readFileSync(join(dir, plan), "utf8")).mutantPlans : []) {
    const file = mutant.fileName.replace(/^.*?(src\/)/, "$1");
    planned.set(file, (planned.get(file) ?? 0) + 1);
  }
  const complete = [...tested].filter(([file, mutants]) => mutants.length === planned.get(file));
  const out = join(dir, "..", "from-events");
  mkdirSync(out, { recursive: true });
  // The code the run started from (mutate.mjs writes it beside the events): the events do not hold it, and the file
  // may have been edited since.
  const sourcesFile = join(dir, "..", SOURCES);
  const shas = existsSync(sourcesFile) ? JSON.parse(readFileSync(sourcesFile, "utf8")) : {};
  const files = Object.fromEntries(
    complete.map(([file, mutants]) => [
      file,
      { language: "typescript", source: "", sha256: shas[file] ?? sha256(readFileSync(file, "utf8")), mutants },
    ]),
  );
  writeFileSync(
    join(out, "mutation.json"),
    JSON.stringify({ schemaVersion: "2", thresholds: { high: 80, low: 60 }, files }),
  );
  const left = [...planned.keys()].filter((f) => !complete.some(([c]) => c === f));
  console.log(
    `--report: ${complete.length} complete files written to ${join(out, "mutation.json")}; not complete: ${left.join(", ") || "none"}`,
  );
}
