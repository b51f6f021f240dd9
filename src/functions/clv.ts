import { clv, type PaymentTiming } from "../core";
import { broadcast, given, type ArgSpec } from "./broadcast";
import type { ExcelMatrix } from "./cells";
import type { ResultCell } from "./excelErrors";

/**
 * KAM.CLV's arguments: periods 0 or blank means no horizon (0 periods is never a valid horizon, and some Excel
 * builds pass a blank cell as 0); growth_rate and timing default to 0.
 */
const CLV_ARGS: readonly ArgSpec[] = [
  { name: "margin", blank: "required" },
  { name: "retention", blank: "required" },
  { name: "discount_rate", blank: "required" },
  { name: "periods", blank: null, zeroIsBlank: true },
  { name: "growth_rate", blank: 0 },
  { name: "timing", blank: 0 },
];

export function clvCells(
  margin: ExcelMatrix,
  retention: ExcelMatrix,
  discountRate: ExcelMatrix,
  periods: ExcelMatrix,
  growthRate: ExcelMatrix,
  timing: ExcelMatrix,
): ResultCell[][] | CustomFunctions.Error {
  return broadcast([margin, retention, discountRate, periods, growthRate, timing], CLV_ARGS, (v) =>
    clv(v[0], v[1], v[2], given(v[3]), v[4], v[5] as PaymentTiming),
  );
}
