/**
 * The in-page Office.js fake (test/fakes/inPageOffice.ts) as one classic script for the browser, bundled with esbuild
 * in memory. test/fakes/excelEnums.ts reads @types/office-js from disk, which a page cannot: the bundle gets a module
 * with the same tables instead, computed here in Node, so the page checks the very enum values the Node tests check.
 */
import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import { EXCEL_ENUM_TABLE, OFFICE_ENUM_TABLE } from "../fakes/excelEnums";
import type { InitialWorkbook } from "../fakes/inPageOffice";

const FAKES = join(__dirname, "..", "fakes");

const enumTables: Plugin = {
  name: "enum-tables",
  setup(b) {
    b.onResolve({ filter: /\/excelEnums$/ }, () => ({ path: "excelEnums", namespace: "enum-tables" }));
    b.onLoad({ filter: /.*/, namespace: "enum-tables" }, () => ({
      resolveDir: FAKES,
      loader: "ts",
      contents: [
        `import { enumValues } from "./excelEnumTable";`,
        `export const EXCEL_ENUM_TABLE = new Map(${JSON.stringify([...EXCEL_ENUM_TABLE])});`,
        `export const OFFICE_ENUM_TABLE = new Map(${JSON.stringify([...OFFICE_ENUM_TABLE])});`,
        `export const EXCEL_ENUMS = enumValues(EXCEL_ENUM_TABLE);`,
      ].join("\n"),
    }));
  },
};

/** The script served as office.js: the fake, then its installation over `workbook`. */
export async function officeFakeScript(workbook: InitialWorkbook): Promise<string> {
  const result = await build({
    entryPoints: [join(FAKES, "inPageOffice.ts")],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "__kamOfficeFake",
    platform: "browser",
    target: "chrome120",
    plugins: [enumTables],
    logLevel: "silent",
  });
  const { data, selection, officeTheme, excelApi } = workbook;
  const installed: InitialWorkbook = { data, selection, officeTheme, excelApi };
  return `${result.outputFiles[0].text}\n__kamOfficeFake.install(${JSON.stringify(installed)});\n`;
}
