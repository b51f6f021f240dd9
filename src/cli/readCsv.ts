import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import { parse } from "csv-parse";
import type { NumberSeparators, TableInput } from "../core";
import { InputError } from "./inputError";

/** A CSV read as a table, with the line each row starts on (a quoted field may hold line breaks). */
export interface CsvTable extends TableInput {
  /** 1-based line of the file where each row of `values` starts. */
  readonly lines: readonly number[];
  readonly delimiter: string;
}

const DELIMITERS = [",", ";", "\t"] as const;

/**
 * The delimiter of the first line, outside quotes: the one of comma, semicolon and tab that occurs most (Excel
 * writes semicolons where the decimal mark is a comma, CRM exports often write tabs). Comma where none occurs.
 */
export function detectDelimiter(head: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const ch = head[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].reduce((best, c) => (c[1] > best[1] ? c : best), [",", 0])[0];
}

const COMMA_DECIMAL = /^-?(\d{1,3}(\.\d{3})+|\d+),\d+%?$/;
const POINT_DECIMAL = /^-?(\d{1,3}(,\d{3})+|\d+)\.\d+%?$/;

/**
 * How the file writes numbers: a semicolon file whose numbers mostly read "1.234,5" or "12,5" uses the decimal comma
 * (as Excel writes CSV in German, French or Spanish); anything else the decimal point. Only text numbers depend on
 * it; the account model then reads "1,234" as the file means it, and names a cell written the other way.
 */
export function detectSeparators(values: readonly (readonly unknown[])[], delimiter: string): NumberSeparators {
  if (delimiter !== ";") return { decimal: ".", group: "," };
  let comma = 0;
  let point = 0;
  for (const row of values.slice(0, 500)) {
    for (const v of row) {
      if (typeof v !== "string") continue;
      if (COMMA_DECIMAL.test(v)) comma++;
      else if (POINT_DECIMAL.test(v)) point++;
    }
  }
  return comma > point ? { decimal: ",", group: "." } : { decimal: ".", group: "," };
}

async function head(path: string): Promise<string> {
  const file = await open(path, "r").catch((e: NodeJS.ErrnoException) => {
    throw new InputError(
      e.code === "ENOENT" ? `${path} does not exist.` : `${path} cannot be read (${e.code ?? e.message}).`,
    );
  });
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
  } finally {
    await file.close();
  }
}

/** Strings up to this length are kept once however often they occur; longer ones are names and notes. */
const INTERN_UP_TO = 24;
const INTERN_CAP = 100_000;

/**
 * A cell as the table keeps it: blank as null, and short text shared between the cells that hold it. An account
 * table repeats its segments, regions, statuses and ratings on every row; a string per cell made a million rows of
 * 18 columns about 600 MB, one per distinct value about half that.
 */
function interner(): (v: string) => string | null {
  const seen = new Map<string, string>();
  return (v) => {
    if (v.trim() === "") return null;
    if (v.length > INTERN_UP_TO) return v;
    const kept = seen.get(v);
    if (kept !== undefined) return kept;
    if (seen.size < INTERN_CAP) seen.set(v, v);
    return v;
  };
}

/**
 * Reads a CSV as Excel and CRM exports write it (comma, semicolon or tab; UTF-8 with or without BOM; CRLF; quoted
 * fields with line breaks and doubled quotes), streaming, with csv-parse. Every cell stays text (blank: null), as a
 * pasted table would: the account model reads numbers from text by the file's own convention and names any cell it
 * cannot read, with the line it came from.
 */
export async function readCsvTable(path: string, onRows?: (rows: number) => void): Promise<CsvTable> {
  const delimiter = detectDelimiter(await head(path));
  const values: (string | null)[][] = [];
  const intern = interner();
  const lines: number[] = [];
  let nextLine = 1;
  const parser = createReadStream(path).pipe(
    parse({ delimiter, bom: true, relax_column_count: true, raw: true, skip_empty_lines: false }),
  );
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      values.push(record.map(intern));
      lines.push(nextLine);
      // The lines a record spans: its line breaks inside quotes, plus one (csv-parse's own line count takes a CRLF
      // inside quotes for two).
      nextLine += 1 + (raw.replace(/[\r\n]+$/, "").match(/\r\n|\r|\n/g)?.length ?? 0);
      if (onRows && values.length % 10_000 === 0) onRows(values.length);
    }
  } catch (e) {
    throw new InputError(`${basename(path)} is not a CSV that can be read: ${(e as Error).message}`);
  }
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  for (const row of values) while (row.length < width) row.push(null);
  return {
    sheet: basename(path),
    top: 0,
    left: 0,
    values,
    lines,
    delimiter,
    separators: detectSeparators(values, delimiter),
  };
}
