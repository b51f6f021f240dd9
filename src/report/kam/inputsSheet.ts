import { columnLetters } from "../../core";
import type { AccountTable, KpiId, PortfolioOptions } from "../../core";
import { KPI_IDS } from "../../core";
import type { PlanCell, RangeStyle, SheetPlan } from "../plan";
import { absoluteRef } from "../sheetRefs";
import {
  COLOURS,
  FORMATS,
  header,
  LABEL_MAX_WIDTH,
  labelWidth,
  note,
  section,
  title,
  wrappedHeaderHeight,
} from "./look";

export const INPUTS_SHEET = "KAM Inputs";

/** Where each input lives, as absolute references for the other sheets' formulas. */
export interface InputRefs {
  /** The criteria weights as one row ('KAM Inputs'!$B$6:$E$6), the orientation of each account's ratings. */
  readonly weights?: string;
  readonly scaleMin: string;
  readonly scaleMax: string;
  readonly relationshipWeight: string;
  readonly relationshipMin: string;
  readonly relationshipMax: string;
  readonly shareWeight: string;
  readonly shareScale: string;
  readonly attractivenessCuts: readonly string[];
  readonly strengthCuts: readonly string[];
  /** The segment names, one column, top-left cell of the grid first. */
  readonly segmentNames: string;
  readonly segmentName: (k: number) => string;
  readonly segmentStrategy: (k: number) => string;
  readonly discountRate: string;
  readonly atRiskThreshold: string;
  readonly target: (id: KpiId) => string;
  /** The portfolio retention rate CLV uses, computed from the accounts (not an input): absent without one. */
  readonly retention?: string;
}

const ref = (cell: string) => absoluteRef(INPUTS_SHEET, cell);
/** Columns B on (the values, the segment grid, the criteria): a criterion's column widens to its name. */
const COLUMN_WIDTH = 16;
const GRID_LABELS_2 = ["high, high", "high, low", "low, high", "low, low"];
const BANDS_3 = ["high", "medium", "low"];

/**
 * The labelled inputs block every generated formula reads: criteria weights, rating scales, the strength weights,
 * the matrix cut-offs and segment names, the discount rate, the at-risk threshold and KPI targets. Blue cells are
 * for the analyst to edit; the other sheets follow.
 */
export function inputsSheet(
  table: AccountTable,
  options: PortfolioOptions,
  kpiLabels: Readonly<Record<KpiId, string>>,
  retentionFormula: string | undefined,
): { sheet: SheetPlan; refs: InputRefs } {
  const rows: PlanCell[][] = [];
  const styles: RangeStyle[] = [];
  const editable: string[] = [];
  // push returns the new length: the row number (1-based) the row was put on
  const put = (row: PlanCell[]) => rows.push(row);
  put(["KAM inputs"]);
  put(["Edit the blue cells: the Accounts, Portfolio Matrix and KPI Dashboard sheets follow."]);
  put([]);
  const k = table.criteria.length;
  const critSection = put(["Attractiveness criteria"]);
  styles.push(section(`A${critSection}:F${critSection}`));
  let weights: string | undefined;
  // Each criterion's column as wide as its name (up to 24), and the header row as tall as a longer name then wraps to.
  const rowHeights: Record<number, number> = { 1: 24 };
  const criterionWidths: Record<string, number> = {};
  if (k > 0) {
    const names = put(["Criterion", ...table.criteria.map((c) => c.header)]);
    const labels = table.criteria.map((c) => ({
      text: c.header,
      width: labelWidth(c.header, COLUMN_WIDTH, LABEL_MAX_WIDTH),
    }));
    labels.forEach((l, j) => (criterionWidths[columnLetters(j + 1)] = l.width));
    const height = wrappedHeaderHeight(labels);
    if (height) rowHeights[names] = height;
    const w = put(["Weight", ...options.criteriaWeights]);
    const last = columnLetters(k);
    put([
      "Share of the score",
      ...table.criteria.map((_, j) => ({ f: `${columnLetters(j + 1)}${w}/SUM($B$${w}:$${last}$${w})` })),
    ]);
    styles.push(header(`A${names}:${last}${names}`), { range: `B${w + 1}:${last}${w + 1}`, numberFormat: "0%" });
    editable.push(`B${w}:${last}${w}`);
    weights = ref(`B${w}:${last}${w}`);
  } else
    put(["No criteria chosen: choose attractiveness criteria (rated columns) in the taskpane or the settings file."]);
  const scaleMin = put(["Rating scale, lowest", options.scale.min]);
  const scaleMax = put(["Rating scale, highest", options.scale.max]);
  editable.push(`B${scaleMin}:B${scaleMax}`);
  put([]);
  const st = options.strength;
  const strengthSection = put(["Relative strength"]);
  styles.push(section(`A${strengthSection}:F${strengthSection}`));
  const relW = put(["Relationship strength, weight", st.relationshipWeight]);
  const relMin = put(["Relationship strength, lowest rating", st.relationshipScale.min]);
  const relMax = put(["Relationship strength, highest rating", st.relationshipScale.max]);
  const shareW = put(["Share of wallet, weight", st.shareOfWalletWeight]);
  const shareScale = put(["Share of wallet written out of (1 = 0.35, 100 = 35)", st.shareOfWalletScale]);
  editable.push(`B${relW}:B${shareScale}`);
  put([]);
  const matrixSection = put(["Portfolio matrix"]);
  styles.push(section(`A${matrixSection}:F${matrixSection}`));
  const cutA = put(["Attractiveness cut-off (a score equal to it counts as high)", ...options.cuts.attractiveness]);
  const cutS = put(["Strength cut-off", ...options.cuts.strength]);
  const cutLast = columnLetters(options.cuts.attractiveness.length);
  editable.push(`B${cutA}:${cutLast}${cutS}`);
  styles.push({ range: `B${cutA}:${cutLast}${cutS}`, numberFormat: FORMATS.score });
  const segHead = put(["Cell (attractiveness, strength)", "Segment", "Strategy"]);
  styles.push(header(`A${segHead}:C${segHead}`));
  const firstSeg = segHead + 1;
  options.segments.forEach((s, i) => {
    const label = options.grid === 2 ? GRID_LABELS_2[i] : `${BANDS_3[Math.floor(i / 3)]}, ${BANDS_3[i % 3]}`;
    put([label, s.name, s.strategy]);
  });
  const lastSeg = firstSeg + options.segments.length - 1;
  editable.push(`B${firstSeg}:C${lastSeg}`);
  put([]);
  const valueSection = put(["Value and risk"]);
  styles.push(section(`A${valueSection}:F${valueSection}`));
  const discount = put(["Discount rate per year (CLV)", options.discountRate]);
  const risk = put(["At risk when revenue fell by more than", options.atRiskThreshold]);
  editable.push(`B${discount}:B${risk}`);
  const retention = retentionFormula
    ? put(["Retention rate, from the accounts (CLV uses it)", { f: retentionFormula }])
    : undefined;
  styles.push({ range: `B${discount}:B${retention ?? risk}`, numberFormat: FORMATS.percent });
  put([]);
  const targetSection = put(["KPI targets (optional)"]);
  styles.push(section(`A${targetSection}:F${targetSection}`));
  const targetHead = put(["KPI", "Target"]);
  styles.push(header(`A${targetHead}:B${targetHead}`));
  const targetRow = new Map<KpiId, number>();
  for (const id of KPI_IDS) targetRow.set(id, put([kpiLabels[id], options.targets[id] ?? null]));
  editable.push(`B${targetHead + 1}:B${targetHead + KPI_IDS.length}`);

  styles.unshift(title("A1"), note("A2"));
  for (const range of editable) styles.push({ range, fill: COLOURS.input, border: { edges: "all", style: "thin" } });
  const width = Math.max(...rows.map((r) => r.length));
  const block = rows.map((r) => [...r, ...new Array<PlanCell>(width - r.length).fill(null)]);
  const sheet: SheetPlan = {
    name: INPUTS_SHEET,
    tabColor: COLOURS.input,
    showGridlines: false,
    rowHeights,
    columnWidths: {
      A: 52,
      // B and C hold cut-offs, segments and targets; every column after them is a criterion's
      B: COLUMN_WIDTH,
      C: COLUMN_WIDTH,
      ...criterionWidths,
    },
    blocks: [{ at: "A1", rows: block }],
    styles,
  };
  return {
    sheet,
    refs: {
      weights,
      scaleMin: ref(`B${scaleMin}`),
      scaleMax: ref(`B${scaleMax}`),
      relationshipWeight: ref(`B${relW}`),
      relationshipMin: ref(`B${relMin}`),
      relationshipMax: ref(`B${relMax}`),
      shareWeight: ref(`B${shareW}`),
      shareScale: ref(`B${shareScale}`),
      attractivenessCuts: options.cuts.attractiveness.map((_, j) => ref(`${columnLetters(j + 1)}${cutA}`)),
      strengthCuts: options.cuts.strength.map((_, j) => ref(`${columnLetters(j + 1)}${cutS}`)),
      segmentNames: ref(`B${firstSeg}:B${lastSeg}`),
      segmentName: (i) => ref(`B${firstSeg + i}`),
      segmentStrategy: (i) => ref(`C${firstSeg + i}`),
      discountRate: ref(`B${discount}`),
      atRiskThreshold: ref(`B${risk}`),
      target: (id) => ref(`B${targetRow.get(id)}`),
      retention: retention === undefined ? undefined : ref(`B${retention}`),
    },
  };
}
