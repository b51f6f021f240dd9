import { MIN_SEGMENT_OWNERS } from "../../core";

/**
 * The whitespace analysis (core whitespace, issue 19 part 2) as native formulas, for Excel 2010+ and LibreOffice
 * without the add-in and without array entry: AGGREGATE's array form (functions 14–19) takes a computed array as it
 * is, and its option 6 skips the error values a division by 0 or by FALSE leaves, which is how accounts are filtered.
 * Each benchmark cell is one pass over the accounts, each account's cell a lookup in the small benchmark table, so
 * the sheet grows linearly with the accounts (no formula compares every account with every other).
 */

/**
 * How many accounts of segment `segment` (a cell holding its name) own the product: revenue is a number above 0.
 * SUMPRODUCT, not COUNTIFS: a segment named "<50 staff" or "A*" would be a criterion there, not a name.
 */
export function ownersFormula(product: string, segments: string, segment: string): string {
  return `SUMPRODUCT((${segments}=${segment})*ISNUMBER(${product})*(${product}>0))`;
}

/**
 * The median revenue of a product among all its owners, 0 where nobody owns it: QUARTILE.INC(·, 2) through
 * AGGREGATE(17, 6, ·, 2), Excel's MEDIAN (Hyndman–Fan type 7 at 0.5), over the revenues divided by (revenue > 0) so
 * that blanks and 0s become #DIV/0! and are skipped. Text divides to #VALUE!, skipped too.
 */
export function allOwnersMedianFormula(product: string): string {
  return `IF(COUNTIF(${product},">0")>0,AGGREGATE(17,6,${product}/(${product}>0),2),0)`;
}

/**
 * The median among the segment's owners where it has at least MIN_SEGMENT_OWNERS of them (`owners`: the cell of
 * {@link ownersFormula}), else the all-owners median (`all`: the cell of {@link allOwnersMedianFormula}).
 */
export function segmentMedianFormula(product: string, segments: string, segment: string, owners: string, all: string) {
  return (
    `IF(${owners}>=${MIN_SEGMENT_OWNERS},` +
    `AGGREGATE(17,6,${product}/((${segments}=${segment})*(${product}>0)),2),${all})`
  );
}

/**
 * One cell of the accounts × products map: "owned" where the account's revenue from the product is above 0 (N():
 * text typed over a revenue is no revenue), else the benchmark in the account's row of the benchmark table
 * (`benchmarkRow`: its segment's row, or the all-owners row), column `product` (1-based).
 */
export function opportunityFormula(revenue: string, benchmarks: string, benchmarkRow: string, product: number): string {
  return `IF(N(${revenue})>0,"owned",INDEX(${benchmarks},${benchmarkRow},${product}))`;
}

/**
 * The k-th largest opportunity of the map among the accounts `active` admits (one TRUE/1 per map row), and where it
 * is: its 0-based position in the map read row by row, (row − first)·products + (column − first column). Equal
 * values take successive positions (`nth`: how many of them the list holds down to this entry), as rankedList does,
 * so every opportunity is listed once. "owned" cells divide to #VALUE!, blanks and 0s to #DIV/0!: skipped.
 */
export function opportunityValueFormula(map: string, active: string, k: number): string {
  return `IFERROR(AGGREGATE(14,6,${map}/(${active}*(${map}>0)),${k}),"")`;
}

export function opportunityPositionFormula(
  map: string,
  active: string,
  value: string,
  nth: string,
  corner: { readonly row: number; readonly column: number },
  products: number,
): string {
  const position = `((ROW(${map})-${corner.row})*${products}+COLUMN(${map})-${corner.column})`;
  return `IF(ISNUMBER(${value}),AGGREGATE(15,6,${position}/(${active}*(${map}=${value})),${nth}),"")`;
}
