import type { ConditionalFormat, PlanCell, WorkbookPlan } from "./plan";
import { mapColumns, mapPattern } from "./planCells";

/**
 * Sheet references in A1 formulas, for the one time a plan's sheet names change after it was built: the Office
 * renderer found a sheet of the user's with a planned name and used another. Every formula that pointed at the
 * planned name must then point at the new one, or it would quietly read the user's sheet.
 */

const IDENTIFIER = /[A-Za-z0-9_.\\\u00C0-\uFFFF]/;

/** A sheet name as a formula prefix: quoted always (valid for every name), apostrophes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A range on `sheet` as an absolute reference for a formula or a chart: 'KPI Dashboard'!$B$2:$B$9. */
export function absoluteRef(sheet: string, range: string): string {
  const abs = range
    .split(":")
    .map((cell) => cell.replace(/\$/g, "").replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
  return `${quoteSheet(sheet)}!${abs}`;
}

/**
 * Rewrites references to sheets named in `renames` (old name → new name, matched case-insensitively as Excel does):
 * `Data!A1`, `'Key accounts'!B2:C9`. Text inside string literals ("Data!A1") is left alone.
 */
export function renameSheetsInFormula(formula: string, renames: ReadonlyMap<string, string>): string {
  if (!formula.includes("!")) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = stringEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "'") {
      // A quoted sheet name: up to the closing apostrophe ('' is an escaped one).
      let j = i + 1;
      let name = "";
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      const target = formula[j + 1] === "!" ? renames.get(name.toLowerCase()) : undefined;
      out += target === undefined ? formula.slice(i, j + 1) : quoteSheet(target);
      i = j + 1;
    } else if (IDENTIFIER.test(ch) && (i === 0 || !IDENTIFIER.test(formula[i - 1]))) {
      let j = i;
      while (j < formula.length && IDENTIFIER.test(formula[j])) j++;
      const word = formula.slice(i, j);
      const target = formula[j] === "!" ? renames.get(word.toLowerCase()) : undefined;
      out += target === undefined ? word : quoteSheet(target);
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Index just past the string literal opening at `start` ("" inside is an escaped quote). */
function stringEnd(formula: string, start: number): number {
  let j = start + 1;
  while (j < formula.length) {
    if (formula[j] === '"' && formula[j + 1] === '"') j += 2;
    else if (formula[j] === '"') return j + 1;
    else j++;
  }
  return j;
}

/** The plan with sheets renamed (old → new) and every formula, conditional format and name following them. */
export function renameSheets(plan: WorkbookPlan, renames: ReadonlyMap<string, string>): WorkbookPlan {
  if (renames.size === 0) return plan;
  const lower = new Map([...renames].map(([from, to]) => [from.toLowerCase(), to]));
  const fix = (f: string) => renameSheetsInFormula(f, lower);
  const cell = (c: PlanCell): PlanCell => (typeof c === "object" && c !== null ? { f: fix(c.f) } : c);
  const cf = (c: ConditionalFormat): ConditionalFormat =>
    c.type === "cellValue"
      ? { ...c, formula1: fix(c.formula1), formula2: c.formula2 === undefined ? undefined : fix(c.formula2) }
      : c;
  return {
    sheets: plan.sheets.map((s) => ({
      ...s,
      name: lower.get(s.name.toLowerCase()) ?? s.name,
      blocks: s.blocks.map((b) => ({ ...b, rows: b.rows.map((r) => r.map(cell)) })),
      columns: s.columns?.map((b) => mapColumns(b, fix)),
      patterns: s.patterns?.map((b) => mapPattern(b, fix)),
      conditionalFormats: s.conditionalFormats?.map(cf),
    })),
    names: plan.names?.map((n) => ({ ...n, refersTo: fix(n.refersTo) })),
  };
}
