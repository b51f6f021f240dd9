import { mapColumns, mapPattern } from "../report/planCells";
import type { PlanCell, WorkbookPlan } from "../report/plan";

/**
 * Table names are unique in the whole workbook and share one namespace with defined names (office-js #551: a clash
 * is InvalidArgument). A planned table whose name another table or name already holds — a copy of the report the
 * add-in no longer owns, an analyst's table — takes the first free "Name_2", "Name_3", …, and every structured
 * reference to it (`KamAccounts[Revenue]`) follows, as sheet references follow a renamed sheet.
 */
export function freeTableNames(planned: readonly string[], taken: Iterable<string>): Map<string, string> {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const renames = new Map<string, string>();
  for (const name of planned) {
    let free = name;
    for (let n = 2; used.has(free.toLowerCase()); n++) free = `${name.slice(0, 250)}_${n}`;
    used.add(free.toLowerCase());
    if (free !== name) renames.set(name, free);
  }
  return renames;
}

const IDENTIFIER = /[A-Za-z0-9_.\\\u00C0-\uFFFF]/;

/** Rewrites structured references `Old[...]` (case-insensitive, outside string literals) to the new table names. */
export function renameTablesInFormula(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0 || !formula.includes("[")) return formula;
  const lower = new Map([...renames].map(([from, to]) => [from.toLowerCase(), to]));
  let out = "";
  for (let i = 0; i < formula.length;) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (IDENTIFIER.test(ch) && (i === 0 || !IDENTIFIER.test(formula[i - 1]))) {
      let j = i;
      while (j < formula.length && IDENTIFIER.test(formula[j])) j++;
      const word = formula.slice(i, j);
      out += formula[j] === "[" ? (lower.get(word.toLowerCase()) ?? word) : word;
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** The plan with its structured references following renamed tables (cells, conditional formats, defined names). */
export function renameTables(plan: WorkbookPlan, renames: ReadonlyMap<string, string>): WorkbookPlan {
  if (renames.size === 0) return plan;
  const fix = (f: string) => renameTablesInFormula(f, renames);
  const cell = (c: PlanCell): PlanCell => (typeof c === "object" && c !== null ? { f: fix(c.f) } : c);
  return {
    sheets: plan.sheets.map((s) => ({
      ...s,
      blocks: s.blocks.map((b) => ({ ...b, rows: b.rows.map((r) => r.map(cell)) })),
      columns: s.columns?.map((b) => mapColumns(b, fix)),
      patterns: s.patterns?.map((b) => mapPattern(b, fix)),
      conditionalFormats: s.conditionalFormats?.map((c) =>
        c.type === "cellValue"
          ? { ...c, formula1: fix(c.formula1), formula2: c.formula2 === undefined ? undefined : fix(c.formula2) }
          : c,
      ),
      tables: s.tables?.map((t) => ({ ...t, name: renames.get(t.name) ?? t.name })),
    })),
    names: plan.names?.map((n) => ({ ...n, refersTo: fix(n.refersTo) })),
  };
}
