// `node scripts/mutation-survivors.mjs FOLDER [FILTER]`: the mutants tested so far by a running (or finished) `npm run
// mutate -- FOLDER`, read from Stryker's event-recorder files (test-artifacts/mutation/FOLDER/events): the score per
// file, then every surviving or uncovered mutant as file:line:column, status, mutator and replacement. FILTER keeps
// the mutants of files whose path contains it. Lets tests be written for survivors while a run of hours goes on.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [folder, filter = ""] = process.argv.slice(2);
const dir = existsSync(folder ?? "") ? folder : `test-artifacts/mutation/${folder}/events`;
if (!folder || !existsSync(dir)) {
  console.error("usage: node scripts/mutation-survivors.mjs FOLDER|EVENTS_DIR [FILTER]");
  process.exit(2);
}
const perFile = new Map();
const open = [];
for (const name of readdirSync(dir)
  .filter((n) => n.endsWith("-onMutantTested.json"))
  .sort()) {
  const m = JSON.parse(readFileSync(join(dir, name), "utf8"));
  const file = m.fileName.replace(/^.*?(src\/)/, "$1");
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
