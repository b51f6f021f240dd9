// `npm run mutate [-- FOLDER ...] [--files GLOB,GLOB]`: StrykerJS one folder at a time (core, functions, report,
// excel; all four when none is named), each with its own tests, incremental file and report under
// test-artifacts/mutation/FOLDER/, then MUTATION.md from the reports (scripts/mutation-summary.mjs). --files mutates
// only the given files of the (one) folder named, its report replacing those files' results in the summary;
// --survivors runs again only the lines where the folder's reports so far have surviving (and not listed equivalent)
// or uncovered mutants (after tests were added for them: minutes, not hours), its report replacing those mutants'
// results one by one;
// --unmeasured mutates only the folder's files that no report holds yet (resumes a folder that earlier runs, stopped
// part-way and kept with `node scripts/mutation-survivors.mjs EVENTS --report`, measured in part);
// --concurrency N sets Stryker's (2 by default: this machine's cores);
// --static runs the static mutants too (in values built when a module loads; each runs every test of the folder, so
// they are left out by default and counted apart in MUTATION.md): best with --files, over the files that have them.
// `--whole` runs the four folders in one Stryker run against the whole fast test set (hours on 2 cores).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import {
  changedSinceMeasured,
  equivalentEntry,
  latestResults,
  mutableFiles,
  reportsUnder,
  sha256,
  SOURCES,
  WHOLE_FILES,
} from "./mutationFiles.mjs";

/** A folder name for a --files run: readable, and short enough for the file system (long lists end in a hash). */
const folderSlug = (files) => {
  const slug = files.replace(/^src\//, "").replace(/[^A-Za-z0-9]+/g, "-");
  return slug.length <= 80
    ? slug
    : `${slug.slice(0, 60)}-${createHash("sha1").update(files).digest("hex").slice(0, 8)}`;
};

/** A folder's own tests: the ones written to hold its behaviour (see stryker.config.mjs for what this leaves out). */
const TESTS = {
  core: ["test/core"],
  functions: ["test/functions"],
  report: ["test/report", "test/xlsx"],
  excel: ["test/excel", "test/fakes"],
};
const args = process.argv.slice(2);
/** The value after a --flag, and the positions it and its value take. */
const option = (flag) => {
  const at = args.indexOf(flag);
  return at >= 0 ? { value: args[at + 1], at: [at, at + 1] } : { value: undefined, at: [] };
};
const filesOption = option("--files");
const concurrencyOption = option("--concurrency");
const files = filesOption.value;
const taken = new Set([...filesOption.at, ...concurrencyOption.at]);
const named = args.filter((a, i) => !a.startsWith("--") && !taken.has(i));
const unknown = named.filter((f) => !(f in TESTS));
if (unknown.length > 0) {
  console.error(`mutate: no folder ${unknown.join(", ")}; choose from ${Object.keys(TESTS).join(", ")}.`);
  process.exit(2);
}
const survivors = args.includes("--survivors");
const runStatic = args.includes("--static");
const unmeasured = args.includes("--unmeasured");
if ((files || survivors || unmeasured) && named.length !== 1) {
  console.error(
    "mutate: --files, --survivors and --unmeasured need one folder, e.g. `npm run mutate -- core --files src/core/nps.ts`.",
  );
  process.exit(2);
}

/**
 * The lines (as Stryker's `file:line-line` mutate ranges) holding a mutant that survived or was not covered in the
 * folder's latest results (mutationFiles.mjs latestResults), and the files whose code changed since their run
 * (mutated whole: `whole`).
 */
function survivorLines(folder) {
  const latest = latestResults(reportsUnder(`test-artifacts/mutation/${folder}`));
  for (const rel of latest.keys()) if (!rel.startsWith(`src/${folder}/`)) latest.delete(rel);
  // Mutants listed as equivalent in equivalent-mutants.json cannot be killed: their lines are not run again for them.
  const listedEquivalent = equivalentEntry(
    existsSync("equivalent-mutants.json") ? JSON.parse(readFileSync("equivalent-mutants.json", "utf8")) : [],
  );
  const lines = new Set();
  const whole = [];
  for (const [rel, result] of latest) {
    // A file changed since its run: its results are of older code (an edit above a survivor moves its line, and a
    // change may let a new mutant survive), so the whole file runs again, as MUTATION.md says.
    if (changedSinceMeasured(rel, result)) {
      whole.push(rel);
      continue;
    }
    for (const m of result.mutants.values()) {
      const listed = listedEquivalent(rel, m) !== undefined;
      // A range takes only the mutants inside it: one that spans lines (a call chain over three) needs them all.
      if ((m.status === "NoCoverage" || m.status === "Survived") && !listed)
        lines.add(`${rel}:${m.location.start.line}-${m.location.end.line}`);
    }
  }
  return { ranges: [...lines, ...whole], whole };
}

/**
 * The folder's files that no report holds yet (--unmeasured): a run stopped part-way keeps the files it finished
 * (`node scripts/mutation-survivors.mjs EVENTS --report`), and the next run takes up the rest.
 */
function unmeasuredFiles(folder) {
  const measured = new Set(latestResults(reportsUnder(`test-artifacts/mutation/${folder}`)).keys());
  return mutableFiles(`src/${folder}`).filter((f) => !measured.has(f));
}

const run = (cmd, cmdArgs, env = {}) => {
  const r = spawnSync(cmd, cmdArgs, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (args.includes("--whole")) {
  run("npx", ["stryker", "run"]);
  run("node", ["scripts/mutation-summary.mjs"]);
  process.exit(0);
}
const folders = named.length > 0 ? named : Object.keys(TESTS);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
for (const folder of folders) {
  // The checker type-checks only this folder and what it imports, not every test file and importer.
  writeFileSync(
    `tsconfig.mutate-${folder}.json`,
    JSON.stringify(
      { extends: "./tsconfig.json", include: [`src/${folder}`], compilerOptions: { noEmit: true } },
      null,
      2,
    ),
  );
  const { ranges, whole } = survivors ? survivorLines(folder) : { ranges: [], whole: [] };
  if (survivors && ranges.length === 0) {
    console.log(`mutate: no surviving or uncovered mutant in the reports of ${folder}.`);
    continue;
  }
  const rest = unmeasured ? unmeasuredFiles(folder) : [];
  if (unmeasured && rest.length === 0) {
    console.log(`mutate: every file of src/${folder} is in some report.`);
    continue;
  }
  if (unmeasured) console.log(`mutate: ${rest.length} files of src/${folder} not measured yet: ${rest.join(", ")}`);
  const some = files ?? (unmeasured ? rest.join(",") : undefined);
  const mutate = some ? ["--mutate", some] : survivors ? ["--mutate", ranges.join(",")] : [];
  if (concurrencyOption.value) mutate.push("--concurrency", concurrencyOption.value);
  const slug = some && folderSlug(some);
  const survivorsOut = `test-artifacts/mutation/${folder}/survivors/${stamp}`;
  // The code the run starts from, by file: a run stopped part-way is kept from its events (mutation-survivors.mjs
  // --report), which do not hold the code they measured.
  const out = survivors ? survivorsOut : some ? `test-artifacts/mutation/${folder}/files-${slug}` : undefined;
  // where stryker.config.mjs writes a run without KAM_MUTATE_OUT
  const outDir = out ?? `test-artifacts/mutation/${folder}`;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    `${outDir}/${SOURCES}`,
    JSON.stringify(Object.fromEntries(mutableFiles(`src/${folder}`).map((f) => [f, sha256(readFileSync(f, "utf8"))]))),
  );
  if (survivors) {
    // Read by latestResults: these files' results replace their earlier ones whole, not mutant by mutant.
    writeFileSync(`${survivorsOut}/${WHOLE_FILES}`, JSON.stringify(whole));
  }
  run("npx", ["stryker", "run", ...mutate], {
    KAM_MUTATE_FOLDER: folder,
    KAM_MUTATE_TESTS: TESTS[folder].join(","),
    ...(runStatic ? { KAM_MUTATE_STATIC: "1" } : {}),
    // Each survivors run keeps its own report: it holds only the lines run again, so a later run over fewer lines
    // must not replace it (the kills of lines it leaves out would be lost, their earlier "survived" counted again).
    ...(out ? { KAM_MUTATE_OUT: out } : {}),
  });
}
run("node", ["scripts/mutation-summary.mjs"]);
