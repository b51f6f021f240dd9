import { isBlank, numberRules, readNumber, type TextNumberRules } from "./cellValues";
import { FIELD_IDS, FIELDS, headerYear, normaliseHeader, type FieldId } from "./fields";
import { detectHeaderRow, isYear, twoRowHeaders } from "./headerRow";
import { detectProductBlock, productMatches, type ProductMatch } from "./productBlock";
import type { TableInput } from "./table";

/** One column chosen for a field, with how sure the detection is and why, for the taskpane to show. */
export interface ColumnMatch {
  /** 0-based column within the selection. */
  readonly column: number;
  readonly header: string;
  /** 1 = set by the analyst or an exact synonym; lower = a guess to confirm. */
  readonly confidence: number;
  readonly reason: string;
}

/** An attractiveness criterion: a numeric column and its weight in KAM.SCORE. */
export interface CriterionMatch extends ColumnMatch {
  readonly weight: number;
}

export interface ColumnMapping {
  /** 0-based row of the header within the selection; -1 when none was found. */
  readonly headerRow: number;
  /** 0-based row where the data starts: below the header, or below a second header row ("FY24 | FY25"). */
  readonly dataRow?: number;
  readonly headers: readonly string[];
  readonly fields: Readonly<Partial<Record<FieldId, ColumnMatch>>>;
  readonly criteria: readonly CriterionMatch[];
  /** Unmapped columns whose cells are numbers: the candidates for criteria. */
  readonly numericColumns: readonly number[];
  /** The product block (revenue per product, see productBlock.ts), left to right; absent or empty: none. */
  readonly productBlock?: readonly ProductMatch[];
}

interface Candidate {
  field: FieldId;
  column: number;
  confidence: number;
  reason: string;
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring): insertions,
 * deletions, substitutions and swaps of two neighbouring letters each cost 1, so "Reveune" is 1 from "revenue" and
 * "Acount manager" 1 from "account manager", while "Venue" is 2 from "revenue". Stops early beyond `limit`.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}

/** Typos a header may carry and still name a synonym: one in a word of 5–7 letters, two from 8, none below 5. */
function closeSpelling(header: string, synonym: string): boolean {
  const allowed = synonym.length >= 8 ? 2 : synonym.length >= 5 ? 1 : 0;
  return allowed > 0 && header !== synonym && editDistance(header, synonym, allowed) <= allowed;
}

/**
 * Synonyms that name a field only as the whole header: inside a longer one they mean something else ("New products",
 * "Churn risk", "Active users", "Contact name", "Status date" are not acquired, status or account).
 */
const WHOLE_HEADER_ONLY = new Set([
  "new",
  "neu",
  "won",
  "lost",
  "active",
  "aktiv",
  "churn",
  "churned",
  "status",
  "name",
  "am",
]);

/**
 * Words that make a header an assessment of the field rather than the field itself: "Margin potential", "Revenue
 * growth potential" and "Relationship rating" are criteria rated on a scale, so containing "margin" or "revenue" must
 * not map them to the gross margin or the revenue.
 */
const ASSESSMENT = /\b(potential|rating|score|fit|attractiveness|outlook|forecast|target)\b/;
/** The fields that are amounts or counts, which an assessment header never is. */
const AMOUNTS: ReadonlySet<FieldId> = new Set(["revenue", "priorRevenue", "grossMargin", "products"]);

function nameCandidates(header: string, column: number): Candidate[] {
  const n = normaliseHeader(header);
  if (n === "") return [];
  const assessment = ASSESSMENT.test(n);
  const out: Candidate[] = [];
  for (const field of FIELD_IDS) {
    let best: Candidate | undefined;
    for (const synonym of FIELDS[field].synonyms) {
      let c: Candidate | undefined;
      if (n === synonym)
        c = { field, column, confidence: 1, reason: `header "${header}" names ${FIELDS[field].label}` };
      else if (
        synonym.length >= 3 &&
        !WHOLE_HEADER_ONLY.has(synonym) &&
        !(assessment && AMOUNTS.has(field)) &&
        ` ${n} `.includes(` ${synonym} `)
      ) {
        c = { field, column, confidence: 0.8, reason: `header "${header}" contains "${synonym}"` };
      } else if (closeSpelling(n, synonym)) {
        c = { field, column, confidence: 0.6, reason: `header "${header}" is close to "${synonym}"` };
      }
      if (c && (!best || c.confidence > best.confidence)) best = c;
    }
    if (best) out.push(best);
  }
  return out;
}

/**
 * Two revenue columns tagged with years: the later is this period's revenue, the earlier the prior period's. Where
 * no header names revenue at all, columns titled only by a year ("2024", "2025") are read as revenue by year, with
 * less confidence and a reason that says so.
 */
function revenueByYear(headers: readonly string[], candidates: Candidate[]): Candidate[] {
  let dated = candidates.filter((c) => c.field === "revenue" && headerYear(headers[c.column]) !== undefined);
  if (!candidates.some((c) => c.field === "revenue" || c.field === "priorRevenue")) {
    dated = headers.flatMap((h, column) =>
      /^\d{4}$/.test(h) && isYear(h)
        ? [{ field: "revenue" as const, column, confidence: 0.7, reason: `"${h}" is a column titled by its year` }]
        : [],
    );
    if (dated.length === 1) return [...candidates, dated[0]];
  }
  if (dated.length < 2) return candidates;
  dated.sort((a, b) => (headerYear(headers[b.column]) as number) - (headerYear(headers[a.column]) as number));
  const [latest, prior] = dated;
  const confidence = Math.min(0.9, latest.confidence);
  return [
    ...candidates.filter((c) => !(c.field === "revenue" && dated.includes(c))),
    {
      field: "revenue",
      column: latest.column,
      confidence,
      reason: `the later of two revenue years ("${headers[latest.column]}")`,
    },
    {
      field: "priorRevenue",
      column: prior.column,
      confidence,
      reason: `the earlier of two revenue years ("${headers[prior.column]}")`,
    },
  ];
}

function columnProfile(input: TableInput, rules: TextNumberRules, from: number, column: number) {
  const values = input.values;
  let filled = 0;
  let numbers = 0;
  let smallIntegers = 0;
  let max = Number.NEGATIVE_INFINITY;
  let texts = 0;
  const distinct = new Set<string>();
  for (let i = from; i < values.length && i < from + 500; i++) {
    const v = values[i][column];
    if (isBlank(v)) continue;
    filled++;
    const n = readNumber(v, rules);
    if (typeof n === "number") {
      numbers++;
      if (Number.isInteger(n) && n >= 0 && n <= 10) smallIntegers++;
      if (n > max) max = n;
    } else if (typeof v === "string") {
      texts++;
      distinct.add(v.trim().toLowerCase());
    }
  }
  return { filled, numbers, smallIntegers, max, texts, unique: distinct.size };
}

/** Guesses from cell contents, for fields no header named: the account column, NPS answers, a percent margin. */
function contentCandidates(
  input: TableInput,
  rules: TextNumberRules,
  headers: readonly string[],
  dataRow: number,
  taken: Set<number>,
  found: Set<FieldId>,
): Candidate[] {
  const out: Candidate[] = [];
  for (let j = 0; j < headers.length; j++) {
    if (taken.has(j)) continue;
    const p = columnProfile(input, rules, dataRow, j);
    if (p.filled === 0) continue;
    const header = headers[j];
    if (!found.has("account") && p.texts >= 0.9 * p.filled && p.unique >= 0.9 * p.texts) {
      out.push({
        field: "account",
        column: j,
        confidence: 0.5,
        reason: `"${header}" holds distinct text in every row`,
      });
      found.add("account");
    } else if (
      !found.has("nps") &&
      p.smallIntegers === p.filled &&
      p.filled >= 5 &&
      // answers above 5: a 1–5 "Strategic fit rating" is an attractiveness criterion, not a survey
      p.max > 5 &&
      /score|rating|survey/i.test(header)
    ) {
      out.push({
        field: "nps",
        column: j,
        confidence: 0.4,
        reason: `"${header}" holds whole numbers 0–10, like NPS answers`,
      });
      found.add("nps");
    } else if (
      !found.has("grossMargin") &&
      /%/.test(input.numberFormats?.[dataRow]?.[j] ?? "") &&
      /margin|gm/i.test(header)
    ) {
      out.push({
        field: "grossMargin",
        column: j,
        confidence: 0.5,
        reason: `"${header}" is formatted as a percentage`,
      });
      found.add("grossMargin");
    }
  }
  return out;
}

/**
 * Detects the header row and maps columns to the canonical fields: by header name (synonyms, then words contained,
 * then close spellings), by year tags for two revenue columns, and by content for what no header names. Each column
 * serves one field; the best-scoring pairs win. Criteria are left for the analyst to pick (numericColumns lists the
 * candidates); {@link applyOverrides} records their choices.
 */
export function detectMapping(input: TableInput): ColumnMapping {
  const headerRow = detectHeaderRow(input.values);
  if (headerRow < 0) return { headerRow, headers: [], fields: {}, criteria: [], numericColumns: [] };
  const twoRows = twoRowHeaders(input.values, headerRow);
  const headers = twoRows ?? input.values[headerRow].map((h) => (isBlank(h) ? "" : String(h).trim()));
  const dataRow = headerRow + (twoRows ? 2 : 1);
  const rules = numberRules(input.separators);
  // A header repeated to the right ("Revenue", "Revenue") names its first column only: the copy is not a near match.
  const first = firstOfName(headers);
  // Product columns first: "Products Connectivity" under a "Products" group is a product's revenue, not the count.
  const productBlock = detectProductBlock(input, headerRow, headers, twoRows !== undefined);
  const inBlock = new Set(productBlock.map((p) => p.column));
  let candidates = headers.flatMap((h, j) => (first[j] === j && !inBlock.has(j) ? nameCandidates(h, j) : []));
  candidates = revenueByYear(headers, candidates);
  candidates.sort((a, b) => b.confidence - a.confidence || a.column - b.column);
  const fields: Partial<Record<FieldId, ColumnMatch>> = {};
  const taken = new Set<number>(inBlock);
  for (const c of candidates) {
    if (fields[c.field] || taken.has(c.column)) continue;
    fields[c.field] = { column: c.column, header: headers[c.column], confidence: c.confidence, reason: c.reason };
    taken.add(c.column);
  }
  for (const c of contentCandidates(input, rules, headers, dataRow, taken, new Set(Object.keys(fields) as FieldId[]))) {
    fields[c.field] = { column: c.column, header: headers[c.column], confidence: c.confidence, reason: c.reason };
    taken.add(c.column);
  }
  const numericColumns = headers
    .map((_, j) => j)
    .filter((j) => !taken.has(j) && headers[j] !== "")
    .filter((j) => {
      const p = columnProfile(input, rules, dataRow, j);
      return p.filled > 0 && p.numbers >= 0.9 * p.filled;
    });
  return { headerRow, dataRow, headers, fields, criteria: [], numericColumns, productBlock };
}

/**
 * For each column, the first column with the same name (case aside): its own index unless the name came earlier.
 * Blank names are never the same.
 */
export function firstOfName(headers: readonly string[]): number[] {
  const first = new Map<string, number>();
  return headers.map((h, j) => {
    const key = h.toLowerCase();
    if (key === "") return j;
    if (!first.has(key)) first.set(key, j);
    return first.get(key)!;
  });
}

/** What the analyst set in the taskpane: a column (or none) per field, and the criteria with their weights. */
export interface MappingOverrides {
  readonly fields?: Readonly<Partial<Record<FieldId, number | null>>>;
  readonly criteria?: readonly { readonly column: number; readonly weight: number }[];
  /** The product block's columns, left to right; [] for none (detection's block is dropped). */
  readonly productColumns?: readonly number[];
  /** Why these choices hold, shown with each: "set by you" unless said ("saved in this workbook"). */
  readonly reason?: string;
}

/** Applies the analyst's choices on top of a detected mapping; what they set is certain (confidence 1). */
export function applyOverrides(mapping: ColumnMapping, overrides: MappingOverrides): ColumnMapping {
  const fields: Partial<Record<FieldId, ColumnMatch>> = { ...mapping.fields };
  for (const [field, column] of Object.entries(overrides.fields ?? {}) as [FieldId, number | null][]) {
    if (column === null) {
      delete fields[field];
      continue;
    }
    for (const other of FIELD_IDS) if (other !== field && fields[other]?.column === column) delete fields[other];
    const reason = overrides.reason ?? "set by you";
    fields[field] = { column, header: mapping.headers[column] ?? "", confidence: 1, reason };
  }
  const criteria = overrides.criteria
    ? overrides.criteria.map((c) => ({
        column: c.column,
        header: mapping.headers[c.column] ?? "",
        confidence: 1,
        reason: overrides.reason ?? "chosen by you",
        weight: c.weight,
      }))
    : mapping.criteria;
  return { ...mapping, fields, criteria, productBlock: productBlockAfter(mapping, overrides, fields, criteria) };
}

/**
 * The block after the analyst's choices: the one chosen (its columns no longer serve a field the same choices did not
 * set), else the detected one; either way without a column a field or a criterion now reads, as each column serves
 * one purpose.
 */
function productBlockAfter(
  mapping: ColumnMapping,
  overrides: MappingOverrides,
  fields: Partial<Record<FieldId, ColumnMatch>>,
  criteria: readonly CriterionMatch[],
): ProductMatch[] {
  let block = mapping.productBlock ?? [];
  if (overrides.productColumns) {
    block = productMatches(mapping.headers, overrides.productColumns, overrides.reason ?? "chosen by you");
    const chosen = new Set(overrides.productColumns);
    for (const field of FIELD_IDS) {
      if (overrides.fields?.[field] === undefined && chosen.has(fields[field]?.column ?? -1)) delete fields[field];
    }
  }
  const used = new Set([...Object.values(fields).map((m) => m!.column), ...criteria.map((c) => c.column)]);
  return block.filter((p) => !used.has(p.column));
}
