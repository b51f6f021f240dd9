import { columnLetters } from "../core/accounts/address";
import { cellIndex } from "../report/cellRefs";
import { isFormula, ROW_TOKEN, type PlanCell } from "../report/plan";
import { rowOf, type sheetBlocks } from "../report/planCells";
import { shiftsLikePattern } from "../report/patternShift";
import { withFilePrefixes } from "./formulaPrefixes";

/**
 * Long runs of alike rows (a 100,000-row accounts table), written as sheet XML directly instead of through exceljs.
 *
 * exceljs builds a cell object, a style model and an XML string per cell: at 100,000 accounts that was a third of
 * `kam report`, and the pure-JavaScript re-deflate of its output another third. A run is a stretch of rows with the
 * same blocks, the same styles and no row height or merge of their own; exceljs writes the row before it (the
 * anchor), and the run's rows copy the anchor's style ids, so they look exactly as exceljs would have made them.
 * A formula that is the same pattern on every row goes in once as a shared formula (ECMA-376 Part 1, §18.3.1.40),
 * as Excel itself saves a filled-down column: a million rows then cost a million short cells, not a million copies
 * of a 300-character formula.
 */

type Block = ReturnType<typeof sheetBlocks>[number];

/** A block placed on the sheet: its rows, its top row and left column (1-based), and its order in the plan. */
export interface PlacedBlock {
  readonly block: Block;
  readonly row: number;
  readonly col: number;
  readonly order: number;
  /** The pattern of a pattern block (its cells are the same on every row, ROW_TOKEN aside). */
  readonly pattern?: readonly PlanCell[];
}

/** Rows from..to (inclusive) that all look like the anchor row `from - 1`, with the blocks that fill them. */
export interface Run {
  readonly from: number;
  readonly to: number;
  /** In plan order: a later block wins where two overlap. */
  readonly blocks: readonly PlacedBlock[];
}

/** Drops the characters XML 1.0 cannot hold, as exceljs does for the rows it writes (its `xmlEncode`). */
const NOT_IN_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g; // eslint-disable-line no-control-regex

function escapeText(text: string): string {
  return text
    .replace(NOT_IN_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * Consecutive rows written as XML text, produced on demand so a million rows never exist at once; `xml` gets the
 * style ids exceljs gave the `after` row's cells (column letters → id) and the first free shared-formula id.
 */
export interface RowRun {
  readonly after: number;
  readonly xml: (anchorStyles: ReadonlyMap<string, string>, sharedFrom: number) => Iterable<string>;
  /** How many shared-formula ids the run uses, so the next run of the sheet starts after them. */
  readonly sharedIds: number;
}

/**
 * A run as XML, a few hundred rows per piece. A column the anchor row styles gets a styled empty cell where the run
 * has no value, as exceljs writes one.
 */
export function rowRun(run: Run): RowRun {
  const widths = run.blocks.map((b) => b.pattern?.length ?? rowOf(b.block.rows, run.from - b.row)?.length ?? 0);
  // A column whose last block is a pattern with a formula there always shows that formula: shared when it shifts.
  const sharedAt = new Map<number, { f: string; id: number }>();
  const blockColumns = new Set<number>();
  run.blocks.forEach((b, i) => {
    for (let j = 0; j < widths[i]; j++) blockColumns.add(b.col + j);
  });
  for (const col of [...blockColumns].sort((a, b) => a - b)) {
    let i = run.blocks.length - 1;
    while (!(col >= run.blocks[i].col && col < run.blocks[i].col + widths[i])) i--;
    const cell = run.blocks[i].pattern?.[col - run.blocks[i].col];
    if (cell !== undefined && isFormula(cell) && shiftsLikePattern(cell.f))
      sharedAt.set(col, { f: withFilePrefixes(cell.f), id: sharedAt.size });
  }
  return {
    after: run.from - 1,
    sharedIds: sharedAt.size,
    xml: (anchorStyles, sharedFrom) => runRows(run, blockColumns, sharedAt, anchorStyles, sharedFrom),
  };
}

function* runRows(
  run: Run,
  blockColumns: ReadonlySet<number>,
  sharedAt: ReadonlyMap<number, { f: string; id: number }>,
  anchorStyles: ReadonlyMap<string, string>,
  sharedFrom: number,
): Iterable<string> {
  const columns = new Set(blockColumns);
  for (const letters of anchorStyles.keys()) columns.add(cellIndex(`${letters}1`).col);
  const cols = [...columns].sort((a, b) => a - b);
  const letters = cols.map((col) => columnLetters(col - 1)); // columnLetters counts from 0
  const styles = letters.map((l) => (anchorStyles.has(l) ? ` s="${anchorStyles.get(l)}"` : ""));
  const shared = cols.map((col) => sharedAt.get(col));
  const values: PlanCell[] = new Array<PlanCell>(cols.length);
  const colIndex = new Map(cols.map((c, i) => [c, i]));
  const ROWS_PER_PIECE = 256;
  let piece = "";
  for (let r = run.from; r <= run.to; r++) {
    values.fill(null);
    for (const b of run.blocks) {
      const cells = rowOf(b.block.rows, r - b.row);
      if (!cells) continue;
      for (let j = 0; j < cells.length; j++) {
        const v = cells[j];
        if (v !== null && v !== undefined) values[colIndex.get(b.col + j)!] = v;
      }
    }
    let xml = `<row r="${r}">`;
    for (let i = 0; i < cols.length; i++) {
      const ref = `${letters[i]}${r}`;
      const s = shared[i];
      if (!s) xml += cellXml(ref, styles[i], values[i]);
      else if (r > run.from) xml += `<c r="${ref}"${styles[i]}><f t="shared" si="${sharedFrom + s.id}"/></c>`;
      else
        xml +=
          `<c r="${ref}"${styles[i]}><f t="shared" ref="${ref}:${letters[i]}${run.to}" si="${sharedFrom + s.id}">` +
          `${escapeText(s.f.split(ROW_TOKEN).join(String(r)))}</f></c>`;
    }
    piece += `${xml}</row>`;
    if ((r - run.from) % ROWS_PER_PIECE === ROWS_PER_PIECE - 1) {
      yield piece;
      piece = "";
    }
  }
  if (piece) yield piece;
}

/** One cell as exceljs writes it, but text inline (`t="inlineStr"`) so no shared-string table grows with the rows. */
function cellXml(ref: string, style: string, v: PlanCell): string {
  if (v === null) return style ? `<c r="${ref}"${style}/>` : "";
  if (typeof v === "number") return `<c r="${ref}"${style}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "string") {
    // xml:space="preserve" only where XML would otherwise lose spaces: a million names save 20 MB of it.
    const space = /^\s|\s$|\s\s|[\t\n\r]/.test(v) ? ' xml:space="preserve"' : "";
    return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escapeText(v)}</t></is></c>`;
  }
  return `<c r="${ref}"${style}><f>${escapeText(withFilePrefixes(v.f))}</f></c>`;
}

/** Column letters → style id of each cell exceljs wrote in row `row` of a sheet part. */
export function rowStyles(sheetXml: string, row: number): Map<string, string> {
  const out = new Map<string, string>();
  const start = rowStart(sheetXml, row);
  if (start < 0) return out;
  const end = sheetXml.indexOf("</row>", start);
  const xml = sheetXml.slice(start, end < 0 ? undefined : end);
  for (const m of xml.matchAll(/<c r="([A-Z]+)\d+"([^>]*)>/g)) {
    const s = /\ss="(\d+)"/.exec(m[2])?.[1];
    if (s) out.set(m[1], s);
  }
  return out;
}

/** Where `<row r="row" …>` starts in a sheet part, from `from` on (-1 if absent): not `<row r="10"` for row 1. */
export function rowStart(sheetXml: string, row: number, from = 0): number {
  const tag = `<row r="${row}"`;
  for (let at = sheetXml.indexOf(tag, from); at >= 0; at = sheetXml.indexOf(tag, at + 1)) {
    const next = sheetXml[at + tag.length];
    if (next === " " || next === ">" || next === "/") return at;
  }
  return -1;
}
