/**
 * The KAM.* calculations written as native Excel formulas (no leading "="), for the sheets the add-in generates:
 * a workbook shared with someone who lacks the add-in must still compute, so generated sheets never call KAM.*.
 * Each builder mirrors one core function exactly, and a test evaluates these formulas in a real spreadsheet engine
 * against the core on random cases. Only functions of Excel 2007 and LibreOffice are used (no LET, no LAMBDA, no
 * dynamic arrays), so Excel 2016/2019 recipients get the same numbers. References are A1 strings chosen by the caller.
 */

/** A number as formula text: the shortest round-trip form, with Excel's exponent spelling (1E-7, not 1e-7). */
function num(x: number): string {
  return Number.isInteger(x) ? String(x) : String(x).replace(/e([+-])/, "E$1");
}

/** A number literal, or a reference (a cell that holds the number) as given. */
function operand(x: number | string): string {
  return typeof x === "number" ? num(x) : x;
}

/**
 * Attractiveness score of one account, 0–100 (core: scoreRow). `ratings` and `weights` must have the same
 * orientation and length (e.g. B5:E5 and $B$2:$E$2); the scale bounds are numbers or cells holding them. Blank
 * ratings drop out of both sums via ISNUMBER, as in the core.
 *
 * 100·SUMPRODUCT(ISNUMBER(x)·w·(x−min)) / ((max−min)·SUMPRODUCT(ISNUMBER(x)·w))
 *
 * Where the core refuses a row the formula fails too, never a number the core would not give: a rating outside the
 * scale (a 0 on 1–5, a 6) or text among the ratings gives #N/A (the core: #NUM!, #VALUE!), and ratings only on
 * criteria weighted 0 divide by zero. A row with no rating at all is blank, not an error, so a table with a few
 * unrated accounts reads cleanly (the core says #N/A: nothing to score). IFERROR is avoided on purpose, since it
 * would hide a real error from the reader.
 */
export function scoreFormula(
  ratings: string,
  weights: string,
  scaleMin: number | string = 1,
  scaleMax: number | string = 5,
): string {
  const x = ratings;
  const lo = operand(scaleMin);
  const hi = operand(scaleMax);
  return (
    `IF(COUNTA(${x})=0,"",IF(OR(COUNTA(${x})>COUNT(${x}),MIN(${x})<${lo},MAX(${x})>${hi}),NA(),` +
    `100*SUMPRODUCT(ISNUMBER(${x})*${weights}*(${x}-${lo}))/((${hi}-${lo})*SUMPRODUCT(ISNUMBER(${x})*${weights}))))`
  );
}

/** References for the Main driver formula of one account row. */
export interface DriverRefs {
  /** The account's ratings, one row (B5:E5), as for scoreFormula. */
  readonly ratings: string;
  /** The criteria weights, the same orientation and length. */
  readonly weights: string;
  readonly scaleMin: string;
  readonly scaleMax: string;
  /** The criteria's headers, the same orientation and length ($B$1:$E$1): what the formula shows. */
  readonly headers: string;
  /** The account's attractiveness score cell (scoreFormula's result): blank or an error passes through. */
  readonly score: string;
  /** The attractiveness cut-off below which the driver is what holds the account back. */
  readonly cut: string;
}

/**
 * The header of the criterion that explains the score most (core: mainDriver): the largest w·(x − min), or, for an
 * account whose score is below the cut, the largest shortfall w·(max − x); only rated criteria count; values within a
 * relative 1E-12 of the largest tie (DRIVER_TIE), and MATCH takes the leftmost. A blank score (no rating) gives a blank
 * and an error score its error, since `score=""` fails on an error value.
 *
 * E = ISNUMBER(x)·w·((s<cut)·(max − x) + (s≥cut)·(x − min)) − NOT(ISNUMBER(x)): unrated criteria are −1, below every
 * rated one (≥ 0). One of the two products is an exact 0, so each value is the core's w·(x − min) or w·(max − x) to
 * the last bit. SUMPRODUCT makes MATCH and MAX take E as an array in Excel without dynamic arrays and in LibreOffice,
 * without an array (Ctrl+Shift+Enter) formula; IF is kept outside it, where it would not take arrays in old Excel.
 */
export function mainDriverFormula(refs: DriverRefs): string {
  const { ratings: x, weights: w, scaleMin: lo, scaleMax: hi, score: s, cut } = refs;
  const e = `(ISNUMBER(${x})*${w}*((${s}<${cut})*(${hi}-${x})+(${s}>=${cut})*(${x}-${lo}))-NOT(ISNUMBER(${x})))`;
  return `IF(${s}="","",INDEX(${refs.headers},SUMPRODUCT(MATCH(1,(${e}>=MAX(${e})*(1-1E-12))*1,0))))`;
}

/** References (or literal numbers) for the CLV formula's inputs. */
export interface ClvRefs {
  readonly margin: string;
  readonly retention: string;
  readonly discountRate: string;
  /** Whole periods; omit for an infinite horizon. */
  readonly periods?: string;
  /** Margin growth per period; omit for 0. */
  readonly growthRate?: string;
  /** 0 end of period (default), 1 start of period. A literal, since it changes the formula's shape. */
  readonly timing?: 0 | 1;
}

/**
 * Customer lifetime value (core: clv). With q = r(1+g)/(1+d) and first = m·r/(1+d) (timing 0) or m (timing 1):
 * finite horizon  first·IF(q=1, T, (1−q^T)/(1−q));  infinite horizon  first/(1−q).
 * The infinite form returns a negative or #DIV/0! value where the core reports "no finite value" (q ≥ 1): the report
 * builders check q < 1 with the core before writing it.
 */
export function clvFormula(refs: ClvRefs): string {
  const { margin: m, retention: r, discountRate: d } = refs;
  const g = refs.growthRate ?? "0";
  const q = `(${r}*(1+${g})/(1+${d}))`;
  const first = refs.timing === 1 ? `${m}` : `${m}*${r}/(1+${d})`;
  if (refs.periods === undefined) return `${first}/(1-${q})`;
  const t = refs.periods;
  return `${first}*IF(${q}=1,${t},(1-POWER(${q},${t}))/(1-${q}))`;
}

/** Customer retention rate (core: retentionRate): (E − N)/S. */
export function retentionFormula(atStart: string, atEnd: string, acquired = "0"): string {
  return `(${atEnd}-${acquired})/${atStart}`;
}

/** Churn rate (core: churnRate): 1 − (E − N)/S. */
export function churnFormula(atStart: string, atEnd: string, acquired = "0"): string {
  return `1-(${atEnd}-${acquired})/${atStart}`;
}
