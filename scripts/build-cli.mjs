// Builds the `kam` command ahead of time (package.json "bin"), so it starts without a TypeScript loader: esbuild
// bundles our modules into dist/cli/kam.js and leaves the npm packages (exceljs, csv-parse, zod) to node's require,
// loaded only by the command that needs them, so `kam --help` answers at once.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/kam.ts"],
  outfile: "dist/cli/kam.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  banner: { js: "#!/usr/bin/env node" },
  sourcemap: "linked",
  logLevel: "warning",
});
