// The files the mutation scripts share a view of: what Stryker mutates, and the reports runs have written.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
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

/** The name of the list a survivors run leaves beside its report: the files it mutated whole (their code had changed). */
export const WHOLE_FILES = "whole-files.json";

/**
 * Each file's latest results over the given reports (oldest first), as rel path → { source, mixed, mutants: Map by
 * key }.
 * A report replaces a file's earlier results whole, except a survivors run's (under survivors/), which tested only
 * the lines of earlier survivors and replaces those mutants one by one; where it mutated a file whole (listed in its
 * whole-files.json, because the file's code had changed since its report) it replaces that file whole too.
 */
export function latestResults(reports) {
  const byFile = new Map();
  for (const path of reports) {
    const report = JSON.parse(readFileSync(path, "utf8"));
    const onlySome = /[\\/]survivors[\\/]/.test(path);
    const wholeList = join(dirname(path), WHOLE_FILES);
    const whole = onlySome && existsSync(wholeList) ? new Set(JSON.parse(readFileSync(wholeList, "utf8"))) : new Set();
    for (const [file, data] of Object.entries(report.files)) {
      const rel = file.replace(/^.*?(src\/)/, "$1");
      const earlier = byFile.get(rel);
      const merge = onlySome && !whole.has(rel);
      const mutants = merge ? new Map(earlier?.mutants ?? []) : new Map();
      for (const m of data.mutants) mutants.set(mutantKey(m), m);
      // Lines of changed code merged over older results (survivors runs before whole-files.json): neither report's
      // source describes them all, so the file counts as changed and runs again whole.
      const mixed = merge && earlier !== undefined && (earlier.mixed || earlier.source !== data.source);
      byFile.set(rel, { source: mixed ? undefined : data.source, mixed, mutants });
    }
  }
  return byFile;
}

/**
 * Whether a file's code changed after the runs behind its results (latestResults' entry): it differs from the source
 * they measured, or they are lines of changed code merged over older results. Such results are of older code.
 */
export const changedSinceMeasured = (rel, { source, mixed }) =>
  mixed || (existsSync(rel) && readFileSync(rel, "utf8") !== source);
