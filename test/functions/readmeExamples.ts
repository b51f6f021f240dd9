/**
 * The README's worked examples, read strictly (issue 21, item 6): an example is a row of a table headed
 * `| formula | result | what it says |`; the cells a formula names come from a sheet table in the same section, one
 * whose first column holds row numbers and whose columns are headed `A: …`, `B: …` (other columns are notes). A cell
 * is a number (optionally followed by a note in brackets), `(blank)` or text in double quotes; a formula is `=KAM.NAME(arguments)`, optionally
 * times a number; a result lists the result's cells row by row, separated by ", ". Anything else is an error, so a
 * table that drifts from the convention fails loudly instead of being skipped.
 */
import type { ExcelCell } from "../../src/functions/cells";

export interface ReadmeExample {
  /** 1-based line in README.md, for the test's name and its failure message. */
  readonly line: number;
  readonly formula: string;
  readonly result: readonly string[];
  readonly says: string;
  /** The section's sheet: "A1" → cell; a cell missing here is not in the README. */
  readonly sheet: ReadonlyMap<string, ExcelCell>;
}

const EXAMPLE_HEADER = ["formula", "result", "what it says"];

function tableCells(line: string): string[] {
  if (!line.startsWith("|") || !line.endsWith("|")) throw new Error(`not a table row: ${line}`);
  return line
    .slice(1, -1)
    .split("|")
    .map((c) => c.trim());
}

/** A shown number: an optional minus (ASCII or U+2212), digits with thousands commas, decimals, optional %. */
const SHOWN_NUMBER = /^([-−]?)(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?(%?)$/;

export function parseShownNumber(text: string): { value: number; decimals: number; percent: boolean } | undefined {
  const m = SHOWN_NUMBER.exec(text);
  if (!m) return undefined;
  const [, minus, whole, fraction = "", percent] = m;
  const value = Number(`${minus ? "-" : ""}${whole.replace(/,/g, "")}${fraction ? `.${fraction}` : ""}`);
  return { value, decimals: fraction.length, percent: percent === "%" };
}

function sheetCell(text: string, where: string): ExcelCell {
  if (text === "(blank)") return null;
  // Text in a cell (a segment name) is written in double quotes, so it cannot be taken for a number or a note.
  const quoted = /^"([^"]*)"$/.exec(text);
  if (quoted) return quoted[1];
  const m = /^(\S+)(?: \([^)]+\))?$/.exec(text);
  const shown = m ? parseShownNumber(m[1]) : undefined;
  if (!shown || shown.percent) throw new Error(`${where}: a sheet cell is a number or (blank), not "${text}"`);
  return shown.value;
}

export function readmeExamples(markdown: string): ReadmeExample[] {
  const lines = markdown.split("\n");
  const examples: ReadmeExample[] = [];
  let sheet = new Map<string, ExcelCell>();
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith("#")) sheet = new Map(); // a sheet belongs to its section
    if (!lines[i].startsWith("|")) continue;
    const start = i;
    const header = tableCells(lines[i]);
    const rows: { line: number; cells: string[] }[] = [];
    for (i += 2; i < lines.length && lines[i].startsWith("|"); i++)
      rows.push({ line: i + 1, cells: tableCells(lines[i]) });
    i--;
    if (header.join("|") === EXAMPLE_HEADER.join("|")) {
      for (const { line, cells } of rows) {
        const formula = /^`(=KAM\.[^`]+)`$/.exec(cells[0]);
        if (!formula || cells.length !== 3)
          throw new Error(`README line ${line}: an example row is \`=KAM.…\` | … | …`);
        examples.push({ line, formula: formula[1], result: cells[1].split(/, /), says: cells[2], sheet });
      }
    } else if (header[0] === "" && header.some((h) => /^[A-Z]: /.test(h))) {
      sheet = new Map(sheet);
      for (const { line, cells } of rows) {
        if (!/^\d+$/.test(cells[0])) throw new Error(`README line ${line}: a sheet row starts with its row number`);
        header.forEach((h, c) => {
          const column = /^([A-Z]): /.exec(h)?.[1];
          if (column) sheet.set(`${column}${cells[0]}`, sheetCell(cells[c], `README line ${line}`));
        });
      }
    } else if ([header, ...rows.map((r) => r.cells)].some((cells) => cells.some((c) => c.includes("=KAM.")))) {
      throw new Error(
        `README line ${start + 1}: a table of formulas needs the header | formula | result | what it says |`,
      );
    }
  }
  return examples;
}

/**
 * Lines outside the example tables that state a formula's result (`=KAM.…` followed by → or =): worked examples
 * written as prose, which no test would execute.
 */
export function proseExamples(markdown: string): string[] {
  return markdown
    .split("\n")
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => !text.startsWith("|") && /`=KAM\.[^`]*`\s*(→|=)/.test(text))
    .map(({ text, line }) => `line ${line}: ${text}`);
}

/** One parsed argument: a matrix as Excel passes a range or an array constant, or omitted. */
export type Argument = ExcelCell[][] | null;

function splitArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "{") depth++;
    if (ch === "}") depth--;
    if (ch === "," && depth === 0) {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  out.push(current.trim());
  return out;
}

/** An Excel number literal as the formula bar takes it: 10% is 0.1. */
function literal(text: string): number {
  const m = /^(-?\d+(?:\.\d+)?)(%?)$/.exec(text);
  if (!m) throw new Error(`"${text}" is not a number literal`);
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}

const columnIndex = (letter: string) => letter.charCodeAt(0) - 65;

function range(text: string, sheet: ReadonlyMap<string, ExcelCell>): ExcelCell[][] {
  const m = /^([A-Z])(\d+)(?::([A-Z])(\d+))?$/.exec(text);
  if (!m) throw new Error(`"${text}" is not a range`);
  const [c0, r0] = [columnIndex(m[1]), Number(m[2])];
  const [c1, r1] = m[3] ? [columnIndex(m[3]), Number(m[4])] : [c0, r0];
  const out: ExcelCell[][] = [];
  for (let r = r0; r <= r1; r++) {
    const row: ExcelCell[] = [];
    for (let c = c0; c <= c1; c++) {
      const address = `${String.fromCharCode(65 + c)}${r}`;
      if (!sheet.has(address)) throw new Error(`${address} is not in the section's sheet table`);
      row.push(sheet.get(address)!);
    }
    out.push(row);
  }
  return out;
}

export function parseArgument(text: string, sheet: ReadonlyMap<string, ExcelCell>): Argument {
  if (text === "") return null;
  const array = /^\{(.*)\}$/.exec(text);
  if (array) return array[1].split(";").map((row) => row.split(",").map((x) => literal(x.trim())));
  if (/^[A-Z]\d/.test(text)) return range(text, sheet);
  return [[literal(text)]];
}

export interface ParsedFormula {
  /** The id in functions.json: the name after the manifest's KAM. namespace. */
  readonly id: string;
  readonly args: readonly string[];
  /** A trailing `*k` (the README scales survival to accounts per 1,000). */
  readonly times: number;
}

export function parseFormula(formula: string): ParsedFormula {
  const m = /^=KAM\.([A-Z.]+)\((.*)\)(?:\*(\d+))?$/.exec(formula);
  if (!m) throw new Error(`"${formula}" is not =KAM.NAME(arguments) or =KAM.NAME(arguments)*number`);
  return { id: m[1], args: splitArguments(m[2]), times: m[3] ? Number(m[3]) : 1 };
}
