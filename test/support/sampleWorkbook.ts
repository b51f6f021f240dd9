/**
 * The workbook the taskpane's browser test opens: the demo sample (samples/kam-sample-accounts.csv, made by
 * samples/generate.ts from the seeded generator with these options) on a sheet "Account Data" from A1, with the
 * cells typed as a workbook holds them (numbers as numbers, the sample's messy cells as they are: a number stored as
 * text stays text) and the number formats an analyst would give the columns.
 */
import { telecomAccounts } from "../../samples/telecomAccounts";
import type { InitialWorkbook } from "../fakes/inPageOffice";

export const DATA_SHEET = "Account Data";

const FORMATS: Readonly<Record<string, string>> = {
  "Revenue FY23": "#,##0",
  "Revenue FY24": "#,##0",
  "Revenue FY25": "#,##0",
  "Gross margin %": "0.0%",
  "Share of wallet": "0%",
};

export function sampleWorkbook(): InitialWorkbook & { readonly headers: readonly string[]; readonly rows: number } {
  const values = telecomAccounts({ count: 250, seed: 2026, messy: true });
  const headers = values[0].map(String);
  const cells = values.map((row) => row.map((v) => v ?? ""));
  const formats = values.map((row, i) => headers.map((h) => (i > 0 && FORMATS[h]) || "General"));
  return {
    data: [{ name: DATA_SHEET, cells, formats }],
    // A workbook opens with A1 of its first sheet selected.
    selection: { sheet: DATA_SHEET, row: 0, col: 0, rows: 1, cols: 1 },
    headers,
    rows: values.length,
  };
}
