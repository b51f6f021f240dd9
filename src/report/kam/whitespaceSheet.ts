import {
  columnLetters,
  isKamError,
  MIN_SEGMENT_OWNERS,
  totalAccountValue,
  whitespace,
  type AccountTable,
  type WhitespaceResult,
} from "../../core";
import { ROW_TOKEN, type ConditionalFormat, type PlanCell, type RangeStyle, type SheetPlan } from "../plan";
import { absoluteRef } from "../sheetRefs";
import type { AccountsLayout } from "./accountsSheet";
import { COLOURS, FORMATS, grid, header, note, section, title } from "./look";
import {
  allOwnersMedianFormula,
  opportunityFormula,
  opportunityPositionFormula,
  opportunityValueFormula,
  ownersFormula,
  segmentMedianFormula,
} from "./whitespaceFormulas";

export const WHITESPACE_SHEET = "Whitespace";
/** The top opportunities listed: each entry is one pass over the map, so the list costs the same at any size. */
export const TOP_OPPORTUNITIES = 20;
/** Segments with their own benchmark row, the largest first: beyond this the table stops being one screen. */
export const MAX_BENCHMARK_SEGMENTS = 30;

export interface WhitespaceReport {
  readonly sheet: SheetPlan;
  readonly notes: readonly string[];
  /** Products owned per account on this sheet, for the dashboard's products chart. */
  readonly productsOwned: string;
  /** The core's numbers for the same accounts, with the segments the sheet benchmarks (the others: all owners). */
  readonly result: WhitespaceResult & { readonly total: Float64Array; readonly segments: readonly (string | null)[] };
}

/**
 * The segments that get a benchmark row: those with at least MIN_SEGMENT_OWNERS accounts (a smaller one can never
 * have 3 owners, so it uses all owners anyway), at most MAX_BENCHMARK_SEGMENTS of the largest. Each account's segment
 * as the core should read it: its label where that segment is listed, else none (all owners), as the sheet does.
 */
export function benchmarkSegments(table: AccountTable): { labels: (string | null)[]; dropped: number } | undefined {
  const given = table.labels.segment;
  if (!given) return undefined;
  const count = new Map<string, number>();
  for (const s of given) if (s !== null) count.set(s.toLowerCase(), (count.get(s.toLowerCase()) ?? 0) + 1);
  const eligible = [...count].filter(([, n]) => n >= MIN_SEGMENT_OWNERS);
  const kept = new Set(
    eligible
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_BENCHMARK_SEGMENTS)
      .map(([k]) => k),
  );
  return {
    labels: given.map((s) => (s !== null && kept.has(s.toLowerCase()) ? s : null)),
    dropped: eligible.length - kept.size,
  };
}

/**
 * The Whitespace sheet (issue 19, part 2): the benchmark revenue per product (median among owners, per segment and
 * over all accounts) with the owners behind each, the top opportunities among active accounts, and per account its
 * revenue, products owned, whitespace potential and total account value beside the accounts × products map
 * ("owned", or the benchmark the account could add: a colour scale). Every number is a native formula over the
 * Accounts sheet; the rows follow the Accounts rows one for one. Undefined without a product block.
 */
export function whitespaceSheet(table: AccountTable, layout: AccountsLayout): WhitespaceReport | undefined {
  const products = table.productRevenue ?? [];
  const P = products.length;
  if (P === 0) return undefined;
  const n = table.count;
  const chosen = benchmarkSegments(table);
  const core = whitespace(
    products.map((p) => p.values),
    chosen?.labels,
  );
  if (isKamError(core)) throw new Error(`whitespace: ${core.message}`);
  const revenue = table.numbers.revenue ?? rowSums(table);
  const notes: string[] = [];
  if (chosen && chosen.dropped > 0)
    notes.push(
      `Whitespace: the ${MAX_BENCHMARK_SEGMENTS} largest customer segments have their own benchmarks; ` +
        `${chosen.dropped} smaller one${chosen.dropped === 1 ? " is" : "s are"} compared with all owners.`,
    );
  const names = core.benchmarks.segments;
  const S = names.length;
  const prod = (j: number) => layout.range(`productRevenue${j}`);
  const seg = layout.has("segment") ? layout.range("segment") : undefined;
  const letter = (j: number) => columnLetters(j);
  const blocks: { at: string; rows: PlanCell[][] }[] = [];
  const styles: RangeStyle[] = [title("A1"), { ...note("A2"), wrapText: true, verticalAlignment: "top" }];
  const lastBench = letter(P);
  // The top-opportunities list, below the benchmarks: account, segment, product, potential, and the map position.
  const listCols = ["Account", ...(seg ? ["Segment"] : []), "Product", "Potential", "Position"];
  // The summary on the left is as wide as the wider of the benchmarks (a column a product) and that list, so the
  // per-account table to its right never shares a column with it (one product and 30 accounts overwrote the list).
  const summaryLast = Math.max(P, listCols.length - 1);
  blocks.push({
    at: "A1",
    rows: [
      ["Whitespace and total account value"],
      [
        `What each account does not buy yet: for each product it lacks, the median revenue of that product among its ` +
          `segment's owners (all owners where the segment has fewer than ${MIN_SEGMENT_OWNERS}). Live formulas over the Accounts sheet.`,
      ],
    ],
  });

  // Benchmarks: segments × products, then "All accounts"; owners below, each median choosing by its owners cell.
  const benchTop = 5;
  const allRow = benchTop + 1 + S;
  const ownersTop = allRow + 3;
  const ownersAll = ownersTop + 1 + S;
  const headerRow = ["Segment", ...products.map((p) => p.product)];
  const benchRows: PlanCell[][] = [headerRow];
  const ownerRows: PlanCell[][] = [headerRow];
  names.forEach((name, s) => {
    const r = benchTop + 1 + s;
    const o = ownersTop + 1 + s;
    benchRows.push([
      name,
      ...products.map((_, j) => ({
        f: segmentMedianFormula(prod(j), seg!, `$A${r}`, `${letter(j + 1)}$${o}`, `${letter(j + 1)}$${allRow}`),
      })),
    ]);
    ownerRows.push([name, ...products.map((_, j) => ({ f: ownersFormula(prod(j), seg!, `$A${o}`) }))]);
  });
  benchRows.push(["All accounts", ...products.map((_, j) => ({ f: allOwnersMedianFormula(prod(j)) }))]);
  ownerRows.push(["All accounts", ...products.map((_, j) => ({ f: `COUNTIF(${prod(j)},">0")` }))]);
  blocks.push(
    { at: `A${benchTop - 1}`, rows: [["Benchmark revenue: the median among owners"]] },
    { at: `A${benchTop}`, rows: benchRows },
    { at: `A${ownersTop - 1}`, rows: [[`Owners (a segment with fewer than ${MIN_SEGMENT_OWNERS} uses all owners)`]] },
    { at: `A${ownersTop}`, rows: ownerRows },
  );
  styles.push(
    section(`A${benchTop - 1}:${lastBench}${benchTop - 1}`),
    header(`A${benchTop}:${lastBench}${benchTop}`),
    grid(`A${benchTop}:${lastBench}${allRow}`),
    { range: `B${benchTop + 1}:${lastBench}${allRow}`, numberFormat: FORMATS.moneyFull },
    { range: `A${allRow}:${lastBench}${allRow}`, font: { bold: true } },
    section(`A${ownersTop - 1}:${lastBench}${ownersTop - 1}`),
    header(`A${ownersTop}:${lastBench}${ownersTop}`),
    grid(`A${ownersTop}:${lastBench}${ownersAll}`),
    { range: `B${ownersTop + 1}:${lastBench}${ownersAll}`, numberFormat: FORMATS.count },
  );

  // Per account, on the Accounts rows (row r here is row r there, so each formula is its row's and Excel can copy the
  // first row down), right of the summary: inputs, the totals, a helper with the benchmark row, then the map.
  const left = summaryLast + 2;
  const first = layout.firstRow;
  const last = layout.lastRow;
  const cols = [
    "Account",
    ...(seg ? ["Segment"] : []),
    "Revenue",
    "Products owned",
    "Whitespace potential",
    "Total account value",
    ...(S > 0 ? ["Benchmark row"] : []),
  ];
  const c = (name: string) => letter(left + cols.indexOf(name));
  const mapLeft = left + cols.length;
  const mapFirst = letter(mapLeft);
  const mapLast = letter(mapLeft + P - 1);
  const tableLast = mapLast;
  const on = (key: Parameters<AccountsLayout["letter"]>[0]) => `'Accounts'!$${layout.letter(key)}${ROW_TOKEN}`;
  const ownRow = (col: string) => `$${col}${ROW_TOKEN}`;
  const benchmarks = `$B$${benchTop + 1}:$${lastBench}$${allRow}`;
  const pattern: PlanCell[] = [
    { f: on("account") },
    ...(seg ? [{ f: `IF(${on("segment")}="","",${on("segment")})` }] : []),
    {
      f: layout.has("revenue")
        ? `N(${on("revenue")})`
        : `SUM(${on("productRevenue0")}:$${layout.letter(`productRevenue${P - 1}`)}${ROW_TOKEN})`,
    },
    { f: `COUNTIF(${ownRow(mapFirst)}:${ownRow(mapLast)},"owned")` },
    { f: `SUM(${ownRow(mapFirst)}:${ownRow(mapLast)})` },
    { f: `${ownRow(c("Revenue"))}+${ownRow(c("Whitespace potential"))}` },
    // The account's row in the benchmark table: its segment's, else "All accounts" (a segment not listed, or none).
    ...(S > 0
      ? [{ f: `IFERROR(MATCH(${ownRow(c("Segment"))},$A$${benchTop + 1}:$A$${benchTop + S},0),${S + 1})` }]
      : []),
    ...products.map((_, j) => ({
      f: opportunityFormula(on(`productRevenue${j}`), benchmarks, S > 0 ? ownRow(c("Benchmark row")) : "1", j + 1),
    })),
  ];
  const mapHeader = products.map((p) => p.product);
  blocks.push({ at: `${letter(left)}1`, rows: [[...cols, ...mapHeader]] });
  styles.push(
    header(`${letter(left)}1:${tableLast}1`),
    { range: `${c("Revenue")}${first}:${c("Revenue")}${last}`, numberFormat: FORMATS.moneyFull },
    {
      range: `${c("Whitespace potential")}${first}:${c("Total account value")}${last}`,
      numberFormat: FORMATS.moneyFull,
    },
    { range: `${mapFirst}${first}:${mapLast}${last}`, numberFormat: FORMATS.moneyFull, horizontalAlignment: "right" },
    { range: `${c("Total account value")}${first}:${c("Total account value")}${last}`, font: { bold: true } },
  );
  if (S > 0)
    styles.push({ range: `${c("Benchmark row")}${first}:${c("Benchmark row")}${last}`, font: { color: "808080" } });
  const map = `$${mapFirst}$${first}:$${mapLast}$${last}`;
  const conditionalFormats: ConditionalFormat[] = [
    { type: "colorScale", range: `${mapFirst}${first}:${mapLast}${last}`, colors: ["FFFFFF", "FFE699", "F4B183"] },
    {
      type: "cellValue",
      range: `${mapFirst}${first}:${mapLast}${last}`,
      operator: "equal",
      formula1: '"owned"',
      fill: COLOURS.good,
      fontColor: COLOURS.goodText,
    },
  ];

  const listTop = ownersAll + 3;
  const listBottom = listTop + TOP_OPPORTUNITIES;
  const L = (name: string) => letter(listCols.indexOf(name));
  const value = L("Potential");
  const pos = L("Position");
  const listRows: PlanCell[][] = [listCols];
  const active = layout.range("active");
  for (let k = 1; k <= TOP_OPPORTUNITIES; k++) {
    const r = listTop + k;
    const q = `$${pos}${r}`;
    const whose = (col: string) => `IF(ISNUMBER(${q}),INDEX($${col}$${first}:$${col}$${last},INT(${q}/${P})+1),"")`;
    listRows.push([
      { f: whose(c("Account")) },
      ...(seg ? [{ f: whose(c("Segment")) }] : []),
      { f: `IF(ISNUMBER(${q}),INDEX($${mapFirst}$1:$${mapLast}$1,MOD(${q},${P})+1),"")` },
      { f: opportunityValueFormula(map, active, k) },
      {
        f: opportunityPositionFormula(
          map,
          active,
          `$${value}${r}`,
          `COUNTIF($${value}$${listTop + 1}:$${value}${r},$${value}${r})`,
          { row: first, column: mapLeft + 1 },
          P,
        ),
      },
    ]);
  }
  blocks.push(
    { at: `A${listTop - 1}`, rows: [["Top opportunities: active accounts, largest first"]] },
    { at: `A${listTop}`, rows: listRows },
  );
  styles.push(
    // band, header and grid as wide as the list itself (Position, its grey helper, included), not the benchmarks
    section(`A${listTop - 1}:${pos}${listTop - 1}`),
    header(`A${listTop}:${pos}${listTop}`),
    grid(`A${listTop}:${pos}${listBottom}`),
    { range: `${value}${listTop + 1}:${value}${listBottom}`, numberFormat: FORMATS.moneyFull },
    { range: `${pos}${listTop + 1}:${pos}${listBottom}`, font: { color: "808080" } },
  );

  // 16 characters: a product's name ("IoT & telematics") fits on one line.
  const widths: Record<string, number> = { A: 28, [letter(summaryLast + 1)]: 3, [letter(left)]: 28 };
  for (let j = 1; j <= summaryLast; j++) widths[letter(j)] = 16;
  for (let j = left + 1; j < mapLeft + P; j++) widths[letter(j)] = 14;
  return {
    sheet: {
      name: WHITESPACE_SHEET,
      tabColor: "C55A11",
      showGridlines: false,
      freeze: { rows: 1, columns: 0 },
      columnWidths: widths,
      rowHeights: { 1: 30 },
      merges: ["A2:" + `${lastBench}3`],
      blocks,
      patterns: [{ at: `${letter(left)}${first}`, count: n, pattern }],
      styles,
      conditionalFormats,
      print: { landscape: true },
    },
    notes,
    productsOwned: absoluteRef(WHITESPACE_SHEET, `$${c("Products owned")}$${first}:$${c("Products owned")}$${last}`),
    result: { ...core, total: totalAccountValue(revenue, core.potential), segments: chosen?.labels ?? [] },
  };
}

/** Each account's revenue as the sum of its product revenues (blanks 0): the revenue where no column gives one. */
function rowSums(table: AccountTable): Float64Array {
  const out = new Float64Array(table.count);
  for (const p of table.productRevenue ?? [])
    for (let i = 0; i < table.count; i++) if (!Number.isNaN(p.values[i])) out[i] += p.values[i];
  return out;
}
