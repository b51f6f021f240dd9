// The files the mutation scripts share a view of: what Stryker mutates, and the reports runs have written.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The .ts files under dir that Stryker mutates (as stryker.config.mjs: not index.ts nor the metadata-only functions.ts). */
export const mutableFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? mutableFiles(join(dir, e.name))
      : e.name.endsWith(".ts") && e.name !== "index.ts" && join(dir, e.name) !== "src/functions/functions.ts"
        ? [join(dir, e.name)]
        : [],
  );

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
