// `npm run mutate [-- FOLDER ...] [--files GLOB,GLOB]`: StrykerJS one folder at a time (core, functions, report,
// excel; all four when none is named), each with its own tests, incremental file and report under
// test-artifacts/mutation/FOLDER/, then MUTATION.md from the reports (scripts/mutation-summary.mjs). --files mutates
// only the given files of the (one) folder named, its report replacing those files' results in the summary;
// --concurrency N sets Stryker's (2 by default: this machine's cores).
// `--whole` runs the four folders in one Stryker run against the whole fast test set (hours on 2 cores).
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";

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
if (files && named.length !== 1) {
  console.error("mutate: --files needs exactly one folder, e.g. `npm run mutate -- core --files src/core/nps.ts`.");
  process.exit(2);
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
  const mutate = files ? ["--mutate", files] : [];
  if (concurrencyOption.value) mutate.push("--concurrency", concurrencyOption.value);
  const slug = files?.replace(/^src\//, "").replace(/[^A-Za-z0-9]+/g, "-");
  run("npx", ["stryker", "run", ...mutate], {
    KAM_MUTATE_FOLDER: folder,
    KAM_MUTATE_TESTS: TESTS[folder].join(","),
    ...(files ? { KAM_MUTATE_OUT: `test-artifacts/mutation/${folder}/files-${slug}` } : {}),
  });
}
run("node", ["scripts/mutation-summary.mjs"]);
