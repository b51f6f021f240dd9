import type { PlanCell } from "../report/plan";
import { isFormula } from "../report/plan";

/**
 * How one plan cell goes into Range.formulas, and which number format it needs first.
 *
 * Excel reads a string written through `values` or `formulas` as if typed: "=…" (and "+…", "-…", "@…") becomes a
 * formula (excel.range.yml), "12%" a number, "1/2" a date. Whether a text ("@") number format set first prevents the
 * formula reading is not documented (OFFICE-NOTES: unsettled), and the UI's quote prefix is not documented for the
 * API either. So:
 * - plain text gets the "@" format, which keeps "12%" or "1/2" as the text it is;
 * - text starting with = + - @ is written as a formula that returns that text, `="=HYPERLINK(""…"")"`, in a General
 *   cell: its value is the exact string whatever either unsettled rule does, and it reads correctly without the
 *   add-in. String constants in formulas are limited to 255 characters, so long text is joined from pieces;
 * - so is text starting with an apostrophe ("'t Hooft BV"): a leading apostrophe written into a cell is dropped
 *   (office-js #6687), as the UI's text prefix;
 * - such text too long for a formula (Excel's limit is 8,192 characters; the pieces' quotes and "&" add about 1.2%,
 *   more where the text holds quotes) goes in with the quote prefix instead, in an "@" cell: Excel drops the
 *   apostrophe (office-js #6687) and keeps the rest as text, and the "@" format keeps it text should a build read
 *   the prefix differently. Only long text takes this route, so short text never depends on it.
 */
const FORMULA_START = /^[=+\-@']/;
const MAX_LITERAL = 255;
/** Excel's limit on the length of a formula, "=" included. */
export const MAX_FORMULA_CHARS = 8192;

export function textAsFormula(text: string): string {
  const pieces: string[] = [];
  for (let i = 0; i < text.length;) {
    let end = Math.min(i + MAX_LITERAL, text.length);
    // Never split a surrogate pair: each piece travels to Excel as JSON, where half an emoji is not a character.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(`"${text.slice(i, end).replace(/"/g, '""')}"`);
    i = end;
  }
  return `=${pieces.join("&") || '""'}`;
}

/** null leaves a cell as it is (Office.js: null in a 2-D array is "no change"), as the .xlsx writer skips it. */
export interface CellWrite {
  readonly formulas: (string | number | boolean | null)[][];
  readonly numberFormat: (string | null)[][];
}

/**
 * The formulas and number formats that write `rows` of a block exactly as planned. A new or emptied sheet is General
 * throughout, so a cell that needs General gets null (no change) unless `overlaps` says an earlier block may have
 * set "@" there: number formats are a third of the bytes, and most cells need none.
 */
export function cellWrites(rows: readonly (readonly PlanCell[])[], overlaps = false): CellWrite {
  const general = overlaps ? "General" : null;
  const formulas: (string | number | boolean | null)[][] = new Array(rows.length);
  const numberFormat: (string | null)[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const f: (string | number | boolean | null)[] = new Array(row.length);
    const n: (string | null)[] = new Array(row.length);
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v === "number" || typeof v === "boolean") {
        f[j] = v;
        n[j] = general;
      } else if (v === null) {
        f[j] = null;
        n[j] = null;
      } else if (isFormula(v)) {
        f[j] = `=${v.f}`;
        n[j] = general;
      } else if (FORMULA_START.test(v)) {
        const formula = textAsFormula(v);
        if (formula.length <= MAX_FORMULA_CHARS) {
          f[j] = formula;
          n[j] = general;
        } else {
          f[j] = `'${v}`;
          n[j] = "@";
        }
      } else {
        f[j] = v;
        n[j] = "@";
      }
    }
    formulas[i] = f;
    numberFormat[i] = n;
  }
  return { formulas, numberFormat };
}

/** A block's rows: an array, or a pattern block's rows made on demand (report/planCells.ts). */
export interface BlockRows {
  readonly length: number;
  slice(start: number, end: number): readonly (readonly PlanCell[])[];
}
