// The files the mutation scripts share a view of: what Stryker mutates, and the reports runs have written.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import ts from "typescript";

/**
 * The .ts files under dir that Stryker mutates (as stryker.config.mjs: not index.ts nor the metadata-only functions.ts)
 * and that hold code.
 */
export const mutableFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? mutableFiles(join(dir, e.name))
      : e.name.endsWith(".ts") &&
          e.name !== "index.ts" &&
          join(dir, e.name) !== "src/functions/functions.ts" &&
          !typesOnly(join(dir, e.name))
        ? [join(dir, e.name)]
        : [],
  );

/**
 * A file that holds only types (src/core/accounts/table.ts, src/excel/excelSubset.ts) has no code to mutate: Stryker
 * finds no mutant in it, so it could never count as measured. TypeScript's own transpiler tells: such a file compiles
 * to nothing but `export {};`.
 */
function typesOnly(file) {
  const js = ts.transpileModule(readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, removeComments: true },
  }).outputText;
  return js.replace(/export\s*\{\s*\};?/g, "").trim() === "";
}

/** Every mutation.json under dir (none if dir is missing), oldest first: later reports replace earlier ones. */
export const reportsUnder = (dir) =>
  !existsSync(dir)
    ? []
    : readdirSync(dir, { withFileTypes: true })
        .flatMap((e) =>
          e.isDirectory() ? reportsUnder(join(dir, e.name)) : e.name === "mutation.json" ? [join(dir, e.name)] : [],
        )
        .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);

/**
 * The entry of equivalent-mutants.json that lists a mutant of file rel, if any: by line, mutator and replacement, and
 * where two mutants of a line share those (a condition and a part of it, both "→ false"), by the optional `span`
 * "START-END" (the mutant's start and end columns) as well.
 */
export const equivalentEntry = (entries) => (rel, m) =>
  entries.find(
    (e) =>
      e.file === rel &&
      e.line === m.location.start.line &&
      e.mutator === m.mutatorName &&
      e.replacement === m.replacement &&
      (e.span === undefined || e.span === `${m.location.start.column}-${m.location.end.column}`),
  );

const mutantKey = ({ location: { start, end }, mutatorName, replacement }) =>
  `${start.line}:${start.column}-${end.line}:${end.column}:${mutatorName}:${replacement}`;

/** The name of the file a run leaves in its output folder at its start: rel path → SHA-256 of the code it mutates. */
export const SOURCES = "sources.json";

/** The name of the list a survivors run leaves beside its report: the files it mutated whole (their code had changed). */
export const WHOLE_FILES = "whole-files.json";

/** The SHA-256 of a file's text: what a result records of the code it measured (the text itself is not kept). */
export const sha256 = (text) => createHash("sha256").update(text).digest("hex");

/**
 * The committed record of every file's latest results (mutation-results.json, written by mutation-summary.mjs):
 * test-artifacts/ is not kept from one machine to the next, and a folder's run takes hours, so a clean checkout reads
 * what earlier runs measured from here, and `--survivors` and `--unmeasured` go on from it. Each file: the SHA-256 of
 * the code measured (null where lines of two versions were merged) and each mutant as [start line:column-end
 * line:column, mutator, replacement, status].
 */
export const RESULTS_FILE = "mutation-results.json";

const parseAt = (at) => {
  const [, sl, sc, el, ec] = /^(\d+):(\d+)-(\d+):(\d+)$/.exec(at).map(Number);
  return { start: { line: sl, column: sc }, end: { line: el, column: ec } };
};
const formatAt = ({ start, end }) => `${start.line}:${start.column}-${end.line}:${end.column}`;

/** The record as latestResults holds results: rel path → { sha, mixed, mutants: Map by key }. */
export function readRecord(path = RESULTS_FILE) {
  const byFile = new Map();
  if (!existsSync(path)) return byFile;
  for (const [rel, { sha256: sha, mutants }] of Object.entries(JSON.parse(readFileSync(path, "utf8")).files)) {
    const list = mutants.map(([at, mutatorName, replacement, status]) => ({
      location: parseAt(at),
      mutatorName,
      replacement,
      status,
    }));
    byFile.set(rel, {
      sha: sha ?? undefined,
      mixed: sha === null,
      mutants: new Map(list.map((m) => [mutantKey(m), m])),
    });
  }
  return byFile;
}

/** Writes latestResults' view as the record: files and mutants in a fixed order, a mutant a line, so diffs read. */
export function writeRecord(latest, path = RESULTS_FILE) {
  const files = [...latest].sort(([a], [b]) => a.localeCompare(b));
  const order = (a, b) =>
    a.location.start.line - b.location.start.line ||
    a.location.start.column - b.location.start.column ||
    mutantKey(a).localeCompare(mutantKey(b));
  const fileText = ([rel, r]) =>
    `    ${JSON.stringify(rel)}: {\n      "sha256": ${JSON.stringify(r.mixed ? null : r.sha)},\n      "mutants": [\n` +
    [...r.mutants.values()]
      .sort(order)
      .map((m) => `        ${JSON.stringify([formatAt(m.location), m.mutatorName, m.replacement, m.status])}`)
      .join(",\n") +
    "\n      ]\n    }";
  writeFileSync(path, `{\n  "files": {\n${files.map(fileText).join(",\n")}\n  }\n}\n`);
}

/**
 * Each file's latest results over the committed record (readRecord) and then the given reports (oldest first), as
 * rel path → { sha, mixed, mutants: Map by key }.
 * A report replaces a file's earlier results whole, except a survivors run's (under survivors/), which tested only
 * the lines of earlier survivors and replaces those mutants one by one; where it mutated a file whole (listed in its
 * whole-files.json, because the file's code had changed since its report) it replaces that file whole too. A report
 * rebuilt from a stopped run's events has no source but the SHA-256 of the code the run started from.
 */
export function latestResults(reports, record = readRecord()) {
  const byFile = new Map(record);
  for (const path of reports) {
    const report = JSON.parse(readFileSync(path, "utf8"));
    const onlySome = /[\\/]survivors[\\/]/.test(path);
    const wholeList = join(dirname(path), WHOLE_FILES);
    const whole = onlySome && existsSync(wholeList) ? new Set(JSON.parse(readFileSync(wholeList, "utf8"))) : new Set();
    for (const [file, data] of Object.entries(report.files)) {
      const rel = file.replace(/^.*?(src\/)/, "$1");
      const sha = data.sha256 ?? sha256(data.source);
      const earlier = byFile.get(rel);
      const merge = onlySome && !whole.has(rel);
      const mutants = merge ? new Map(earlier?.mutants ?? []) : new Map();
      for (const m of data.mutants) mutants.set(mutantKey(m), m);
      // Lines of changed code merged over older results (survivors runs before whole-files.json): neither report's
      // code describes them all, so the file counts as changed and runs again whole.
      const mixed = merge && earlier !== undefined && (earlier.mixed || earlier.sha !== sha);
      byFile.set(rel, { sha: mixed ? undefined : sha, mixed, mutants });
    }
  }
  return byFile;
}

/**
 * Whether a file's code changed after the runs behind its results (latestResults' entry): it differs from the code
 * they measured, or they are lines of changed code merged over older results. Such results are of older code.
 */
export const changedSinceMeasured = (rel, { sha, mixed }) =>
  mixed || (existsSync(rel) && sha256(readFileSync(rel, "utf8")) !== sha);
