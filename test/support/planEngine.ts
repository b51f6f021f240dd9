/**
 * A report plan's sheets evaluated by HyperFormula with the test engine's AGGREGATE (hyperformulaAggregate.ts): the
 * fast, in-process check of the formulas the LibreOffice tests recalculate, for the mutation run (which leaves
 * LibreOffice out). Values go in as they are, text as text (a leading apostrophe), formulas with "=".
 */
import type { CellValue, HyperFormula } from "hyperformula";
import type { PlanCell, SheetPlan } from "../../src/report/plan";
import { cellIndex } from "../../src/report/cellRefs";
import { rowOf, sheetBlocks } from "../../src/report/planCells";
import { buildWithAggregate } from "./hyperformulaAggregate";

/** HyperFormula knows TRUE and FALSE only as functions (TRUE()); Excel also as literals. Outside string literals. */
export const hfBooleans = (f: string) =>
  f
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 ? part : part.replace(/\b(TRUE|FALSE)\b(?!\()/g, "$1()")))
    .join("");

export interface PlanEngine {
  readonly hf: HyperFormula;
  /** A cell's value by sheet name and A1 address: a number, text, boolean, null for empty, or a DetailedCellError. */
  value(sheet: string, address: string): CellValue;
  /** Sets a cell's value, as a user typing it. */
  set(sheet: string, address: string, value: string | number | null): void;
  destroy(): void;
}

/** A plan's sheets as HyperFormula's arrays (blocks and pattern blocks row by row): values as they are, text as text
 * (a leading apostrophe), formulas with "=". */
export function planGrids(sheets: readonly SheetPlan[]): Record<string, (string | number | boolean | null)[][]> {
  const grids: Record<string, (string | number | boolean | null)[][]> = {};
  for (const s of sheets) {
    const grid: (string | number | boolean | null)[][] = [];
    for (const b of sheetBlocks(s)) {
      const at = cellIndex(b.at);
      for (let k = 0; k < b.rows.length; k++) {
        const row = rowOf(b.rows, k)!;
        const r = at.row - 1 + k;
        grid[r] ??= [];
        row.forEach((c: PlanCell, j) => {
          if (c === null) return;
          grid[r][at.col - 1 + j] = typeof c === "object" ? `=${hfBooleans(c.f)}` : typeof c === "string" ? `'${c}` : c;
        });
      }
    }
    grids[s.name] = Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? null));
  }
  return grids;
}

/** The sheets (with their blocks and pattern blocks expanded row by row) in one HyperFormula engine. */
export function planEngine(sheets: readonly SheetPlan[]): PlanEngine {
  const grids = planGrids(sheets);
  const hf = buildWithAggregate(grids, { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false });
  const where = (sheet: string, address: string) => {
    const { row, col } = cellIndex(address);
    const id = hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`no sheet ${sheet}`);
    return { sheet: id, row: row - 1, col: col - 1 };
  };
  return {
    hf,
    value: (sheet, address) => hf.getCellValue(where(sheet, address)),
    set: (sheet, address, value) =>
      void hf.setCellContents(where(sheet, address), typeof value === "string" ? `'${value}` : value),
    destroy: () => hf.destroy(),
  };
}

/** Runs `check` on the plan's sheets in one engine, destroyed afterwards whether the check passes or throws. */
export function withPlanEngine(plan: { readonly sheets: readonly SheetPlan[] }, check: (e: PlanEngine) => void): void {
  const engine = planEngine(plan.sheets);
  try {
    check(engine);
  } finally {
    engine.destroy();
  }
}
