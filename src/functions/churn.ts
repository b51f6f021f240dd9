import { churnRate } from "../core";
import { broadcast, type ArgSpec } from "./broadcast";
import type { ExcelMatrix } from "./cells";
import type { ResultCell } from "./excelErrors";

const CHURN_ARGS: readonly ArgSpec[] = [
  { name: "at_start", blank: "required" },
  { name: "at_end", blank: "required" },
  { name: "acquired", blank: 0 },
];

/** KAM.CHURN's arguments: counts at the start and end of the period, and accounts acquired (blank: 0). */
export function churnCells(
  atStart: ExcelMatrix,
  atEnd: ExcelMatrix,
  acquired: ExcelMatrix,
): ResultCell[][] | CustomFunctions.Error {
  return broadcast([atStart, atEnd, acquired], CHURN_ARGS, (v) => churnRate(v[0], v[1], v[2]));
}
