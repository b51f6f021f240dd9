import { columnLetters } from "../../core";
import type { PlanCell } from "../plan";

/** One shown column of a ranked list: a header and the formula of one entry, given its Accounts row expression. */
export interface ListColumn {
  readonly header: string;
  /** The account's value in this column: an Accounts column range to INDEX into. */
  readonly range: string;
}

export interface RankedListSpec {
  readonly sheet: string;
  /** 1-based sheet row of the header; the list's first column, 0-based. */
  readonly top: number;
  readonly left: number;
  readonly length: number;
  /** The Accounts range to rank by, largest first (revenue, or attractiveness). */
  readonly key: string;
  readonly keyHeader: string;
  /** An array expression of 1/0 (or TRUE/FALSE) per account: which accounts the list may hold. */
  readonly filter: string;
  /** First data row of the Accounts sheet, to turn a sheet row into an INDEX position. */
  readonly firstRow: number;
  readonly columns: readonly ListColumn[];
}

/**
 * A live top-N list without dynamic arrays (Excel 2010+, LibreOffice): the k-th largest key among the accounts the
 * filter admits is AGGREGATE(14, 6, key/filter, k) (option 6 skips the #DIV/0! of filtered-out rows), and its
 * Accounts row is AGGREGATE(15, 6, ROW(key)/(filter·(key = v)), m), m counting equal keys above it, so ties list
 * every account once. Each cell is one pass over the accounts: 40 places over 100,000 accounts stay instant, and
 * the list re-ranks when the analyst edits a revenue, a weight or a cut-off.
 *
 * Layout: the columns, the key, then "Row": the account's row on the Accounts sheet.
 */
export function rankedList(spec: RankedListSpec): PlanCell[][] {
  const n = spec.columns.length;
  const keyCol = columnLetters(spec.left + n);
  const rowCol = columnLetters(spec.left + n + 1);
  const rows: PlanCell[][] = [[...spec.columns.map((c) => c.header), spec.keyHeader, "Row"]];
  const first = spec.top + 1;
  for (let k = 1; k <= spec.length; k++) {
    const r = spec.top + k;
    const v = `$${keyCol}${r}`;
    const row = `$${rowCol}${r}`;
    rows.push([
      ...spec.columns.map((c) => {
        // INDEX of an empty cell is 0: a blank NPS or owner must stay blank, not read as 0.
        const cell = `INDEX(${c.range},${row}-${spec.firstRow - 1})`;
        return { f: `IF(ISNUMBER(${row}),IF(${cell}="","",${cell}),"")` };
      }),
      { f: `IFERROR(AGGREGATE(14,6,${spec.key}/${spec.filter},${k}),"")` },
      {
        f:
          `IF(ISNUMBER(${v}),AGGREGATE(15,6,ROW(${spec.key})/(${spec.filter}*(${spec.key}=${v})),` +
          `COUNTIF($${keyCol}$${first}:${v},${v})),"")`,
      },
    ]);
  }
  return rows;
}
