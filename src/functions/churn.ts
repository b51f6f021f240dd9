import { churnRate } from "../core";
import { broadcast, type ArgSpec } from "./broadcast";
import type { ExcelMatrix } from "./cells";
import type { ResultCell } from "./excelErrors";

const COUNT = { min: 0, says: "a count of accounts, 0 or more" } as const;

const CHURN_ARGS: readonly ArgSpec[] = [
  { name: "at_start", blank: "required", limit: COUNT },
  { name: "at_end", blank: "required", limit: COUNT },
  { name: "acquired", blank: 0, limit: COUNT },
];

/** KAM.CHURN's arguments: counts at the start and end of the period, and accounts acquired (blank: 0). */
export function churnCells(atStart: ExcelMatrix, atEnd: ExcelMatrix, acquired: ExcelMatrix): ResultCell[][] {
  return broadcast([atStart, atEnd, acquired], CHURN_ARGS, (v) => churnRate(v[0], v[1], v[2]));
}
