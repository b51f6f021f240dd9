/**
 * A formula as Excel writes it when the cell is copied `rows` down and `cols` right (copy and paste, Range.copyFrom):
 * each relative part of an A1 reference moves with the copy, each "$" part stays, and a reference moved off the sheet
 * becomes #REF!. Text in quotes, quoted sheet names and structured references ([...]) are left as they are; a name
 * followed by "(" is a function (LOG10), one followed by "!" a sheet (KPI1!A1). Checked against HyperFormula's copy
 * and paste in formulaShift.test.ts.
 */
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function columnLetters(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Quoted text, quoted sheet names and structured references: copied as they are. */
const LITERAL = /"(?:[^"]|"")*"|'(?:[^']|'')*'!|\[[^\]]*\]/g;
const BEFORE = String.raw`(?<![A-Za-z0-9_.$\\])`;
const AFTER = String.raw`(?![A-Za-z0-9_.(!\\])`;
const REFERENCE = new RegExp(
  [
    String.raw`${BEFORE}(\$?)([A-Za-z]{1,3})(\$?)(\d+)${AFTER}`, // B7, $B7, B$7
    String.raw`${BEFORE}(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})${AFTER}`, // B:D
    String.raw`${BEFORE}(\$?)(\d+):(\$?)(\d+)${AFTER}`, // 5:9
  ].join("|"),
  "g",
);

export function shiftFormula(formula: string, rows: number, cols: number): string {
  let out = "";
  let last = 0;
  for (const m of formula.matchAll(LITERAL)) {
    out += shiftCode(formula.slice(last, m.index), rows, cols) + m[0];
    last = m.index + m[0].length;
  }
  return out + shiftCode(formula.slice(last), rows, cols);
}

function shiftCode(code: string, rows: number, cols: number): string {
  return code.replace(REFERENCE, (whole, ...g: (string | undefined)[]) => {
    const col = (fixed: string, letters: string) => {
      const n = columnNumber(letters);
      if (n > MAX_COLUMNS) return undefined; // not a reference after all (a name such as "ABCD1" is not matched)
      const moved = fixed ? n : n + cols;
      return moved < 1 || moved > MAX_COLUMNS ? null : `${fixed}${columnLetters(moved)}`;
    };
    const row = (fixed: string, digits: string) => {
      const n = Number(digits);
      const moved = fixed ? n : n + rows;
      return moved < 1 || moved > MAX_ROWS ? null : `${fixed}${moved}`;
    };
    let parts: (string | null | undefined)[];
    if (g[1] !== undefined) parts = [col(g[0]!, g[1]), row(g[2]!, g[3]!)];
    else if (g[5] !== undefined) parts = [col(g[4]!, g[5]), ":", col(g[6]!, g[7]!)];
    else parts = [row(g[8]!, g[9]!), ":", row(g[10]!, g[11]!)];
    if (parts.includes(undefined)) return whole;
    return parts.includes(null) ? "#REF!" : parts.join("");
  });
}
