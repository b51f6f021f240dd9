/**
 * The string enums of Excel and Office from @types/office-js, read from the installed package (resolved as a package,
 * so the fakes also work bundled elsewhere: bench/ runs them from node_modules/.cache). A browser bundle cannot read
 * files: test/support/officeFakeBundle.ts replaces this module with the same tables, computed in Node.
 */
import { readFileSync } from "node:fs";
import { enumsOfNamespace, enumValues } from "./excelEnumTable";

const declarations = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");

export const EXCEL_ENUM_TABLE = enumsOfNamespace(declarations, "Excel");
export const OFFICE_ENUM_TABLE = enumsOfNamespace(declarations, "Office");

/** Excel's enum name → its values. */
export const EXCEL_ENUMS: ReadonlyMap<string, readonly string[]> = enumValues(EXCEL_ENUM_TABLE);
