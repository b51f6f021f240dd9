/**
 * Functions newer than Excel 2007 are stored in the file with an `_xlfn.` prefix (ECMA-376 Part 1, §18.17.7 and
 * MS-XLSX 2.2.2): Excel shows `=MAXIFS(...)`, the file says `_xlfn.MAXIFS(...)`. exceljs writes formula text as given,
 * so without the prefix Excel and LibreOffice read an unknown name (#NAME?). Office.js takes the plain names.
 */
const NEWER_FUNCTIONS = [
  "AGGREGATE",
  "CEILING.MATH",
  "CONCAT",
  "COVARIANCE.S",
  "DAYS",
  "FLOOR.MATH",
  "FORECAST.LINEAR",
  "IFNA",
  "IFS",
  "MAXIFS",
  "MINIFS",
  "NORM.DIST",
  "NORM.INV",
  "NORM.S.DIST",
  "PERCENTILE.EXC",
  "PERCENTILE.INC",
  "PERCENTRANK.INC",
  "QUARTILE.INC",
  "RANK.AVG",
  "RANK.EQ",
  "STDEV.P",
  "STDEV.S",
  "SWITCH",
  "TEXTJOIN",
  "VAR.P",
  "VAR.S",
  "XLOOKUP",
  "XMATCH",
];
const PATTERN = new RegExp(
  `(?<![A-Za-z0-9_.])(${NEWER_FUNCTIONS.map((f) => f.replace(/\./g, "\\.")).join("|")})\\(`,
  "gi",
);

/** Adds `_xlfn.` to newer functions in a formula (outside string literals), for the file format only. */
export function withFilePrefixes(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(PATTERN, (_, name: string) => `_xlfn.${name.toUpperCase()}(`)))
    .join("");
}
