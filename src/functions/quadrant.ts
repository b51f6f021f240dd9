import { kamError, SEGMENTS_2X2, segmentIndex, type KamError } from "../core";
import { broadcast, type ArgSpec } from "./broadcast";
import type { ExcelMatrix } from "./cells";
import { toExcelError, type ResultCell } from "./excelErrors";

/**
 * KAM.QUADRANT's scores: both required in every row (a blank is #N/A with its row, never a silent 0). A 0 is a real
 * score, so it is not read as a blank; the help says that some Excel builds pass an empty cell as 0.
 */
const SCORE_LIMIT = { min: 0, max: 100, says: "a score from 0 to 100" } as const;

const QUADRANT_ARGS: readonly ArgSpec[] = [
  { name: "attractiveness", blank: "required", limit: SCORE_LIMIT },
  { name: "strength", blank: "required", limit: SCORE_LIMIT },
];

const DEFAULT_CUT = 50;

/**
 * A cut-off for the whole call: omitted (null) is the default 50; it must lie above 0 and at most 100. A cut of 0
 * would put every account on the high side, and is what some Excel builds pass for an empty cell, so it is refused
 * with that explanation rather than guessed at.
 */
function readCut(cut: number | null | undefined, name: string): number | KamError {
  if (cut === null || cut === undefined) return DEFAULT_CUT;
  if (typeof cut !== "number" || !Number.isFinite(cut)) {
    return kamError("value", name, `${name} must be a number above 0 and at most 100 (default ${DEFAULT_CUT}).`);
  }
  if (cut === 0) {
    return kamError(
      "value",
      name,
      `${name} is 0, which puts every account on the high side; to use the default ${DEFAULT_CUT}, omit it ` +
        "(some Excel versions pass an empty cell as 0).",
    );
  }
  if (cut < 0 || cut > 100) {
    return kamError("value", name, `${name} is ${cut}; a cut-off lies above 0 and at most 100 on the 0–100 scores.`);
  }
  return cut;
}

function outOfRange(name: string, x: number): KamError {
  return kamError("num", name, `${name} is ${x}; a score runs from 0 to 100.`);
}

/**
 * KAM.QUADRANT over Excel's arguments: one segment name of the 2×2 portfolio grid per account (SEGMENTS_2X2, through
 * the core's segmentIndex; a score equal to its cut counts as high). Scores broadcast like the other functions, so
 * two columns give one name per row; a bad row gets its own error, a bad call throws one.
 */
export function quadrantCells(
  attractiveness: ExcelMatrix,
  strength: ExcelMatrix,
  attractivenessCut: number | null | undefined,
  strengthCut: number | null | undefined,
): ResultCell[][] {
  const aCut = readCut(attractivenessCut, "attractiveness_cut");
  if (typeof aCut !== "number") throw toExcelError(aCut);
  const sCut = readCut(strengthCut, "strength_cut");
  if (typeof sCut !== "number") throw toExcelError(sCut);
  const aCuts = [aCut];
  const sCuts = [sCut];
  const indices = broadcast([attractiveness, strength], QUADRANT_ARGS, (v) => {
    const a = v[0];
    const s = v[1];
    if (!(a >= 0 && a <= 100)) return outOfRange("attractiveness", a);
    if (!(s >= 0 && s <= 100)) return outOfRange("strength", s);
    return segmentIndex(a, s, aCuts, sCuts);
  });
  return indices.map((row) => row.map((cell) => (typeof cell === "number" ? SEGMENTS_2X2[cell].name : cell)));
}
