import { columnLetters } from "../../core";
import type { CellBlock, PlanCell, RangeStyle } from "../plan";
import type { InputRefs } from "./inputsSheet";
import { note } from "./look";

/**
 * The inputs the Accounts formulas read, mirrored beside the table (one blank column right of it) as formulas that
 * point at the KAM Inputs sheet. Each row's formulas then say `$AB$3` where they would say `'KAM Inputs'!$B$13`:
 * at 100,000 accounts that is a third less formula text to build, send to Excel and store, and the analyst still
 * edits one place, KAM Inputs. The mirror is read-only by intent: its note says where to edit.
 */
export function accountsInputs(
  inputs: InputRefs,
  criteria: number,
  segments: number,
  left: number,
): { block: CellBlock; styles: RangeStyle[]; refs: InputRefs } {
  const labelCol = columnLetters(left);
  const valueCol = columnLetters(left + 1);
  const rows: PlanCell[][] = [["Inputs these formulas use (edit them on the KAM Inputs sheet)"]];
  const local = (label: string, source: string): string => {
    rows.push([label, { f: source }]);
    return `$${valueCol}$${rows.length}`;
  };
  let weights: string | undefined;
  if (inputs.weights) {
    const sources = expandRow(inputs.weights, criteria);
    rows.push(["Criteria weights", ...sources.map((f) => ({ f }))]);
    weights = `$${valueCol}$${rows.length}:$${columnLetters(left + criteria)}$${rows.length}`;
  }
  const refs: InputRefs = {
    ...inputs,
    weights,
    scaleMin: local("Rating scale, lowest", inputs.scaleMin),
    scaleMax: local("Rating scale, highest", inputs.scaleMax),
    relationshipWeight: local("Relationship strength, weight", inputs.relationshipWeight),
    relationshipMin: local("Relationship strength, lowest", inputs.relationshipMin),
    relationshipMax: local("Relationship strength, highest", inputs.relationshipMax),
    shareWeight: local("Share of wallet, weight", inputs.shareWeight),
    shareScale: local("Share of wallet written out of", inputs.shareScale),
    attractivenessCuts: inputs.attractivenessCuts.map((c, j) => local(`Attractiveness cut-off ${j + 1}`, c)),
    strengthCuts: inputs.strengthCuts.map((c, j) => local(`Strength cut-off ${j + 1}`, c)),
    discountRate: local("Discount rate", inputs.discountRate),
    atRiskThreshold: local("At-risk threshold", inputs.atRiskThreshold),
    retention: inputs.retention === undefined ? undefined : local("Retention rate", inputs.retention),
    segmentNames: "",
  };
  const firstSegment = rows.length + 1;
  for (let k = 0; k < segments; k++) local(`Segment ${k + 1}`, inputs.segmentName(k));
  const width = Math.max(...rows.map((r) => r.length));
  return {
    block: { at: `${labelCol}1`, rows: rows.map((r) => [...r, ...new Array<PlanCell>(width - r.length).fill(null)]) },
    styles: [
      note(`${labelCol}1`),
      { range: `${labelCol}2:${columnLetters(left + width - 1)}${rows.length}`, font: { color: "808080" } },
    ],
    refs: {
      ...refs,
      segmentNames: `$${valueCol}$${firstSegment}:$${valueCol}$${firstSegment + segments - 1}`,
      segmentName: (k) => `$${valueCol}$${firstSegment + k}`,
    },
  };
}

/** The cells of a one-row absolute range ('KAM Inputs'!$B$6:$E$6 → 'KAM Inputs'!$B$6, ..., $E$6). */
function expandRow(range: string, count: number): string[] {
  const m = /^(.*!)\$([A-Z]+)\$(\d+):\$[A-Z]+\$\d+$/.exec(range);
  if (!m) throw new Error(`not a one-row range: ${range}`);
  const first = m[2].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return Array.from({ length: count }, (_, j) => `${m[1]}$${columnLetters(first + j)}$${m[3]}`);
}
