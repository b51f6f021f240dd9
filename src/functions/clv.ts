import { clv, type PaymentTiming } from "../core";
import { broadcast, given, type ArgSpec } from "./broadcast";
import type { ExcelMatrix } from "./cells";
import type { ResultCell } from "./excelErrors";

const ABOVE_MINUS_ONE = { above: -1, says: "greater than -1 (-100%)" } as const;

/**
 * KAM.CLV's arguments and their limits (the core's, checked once for a single-cell argument so the call says why):
 * periods 0 or blank means no horizon (0 periods is never a valid horizon, and some Excel builds pass a blank cell as
 * 0); growth_rate and timing default to 0.
 */
const CLV_ARGS: readonly ArgSpec[] = [
  { name: "margin", blank: "required" },
  {
    name: "retention",
    blank: "required",
    limit: { min: 0, max: 1, says: "a rate between 0 and 1 (0%–100%): for 90% enter 0.9 or 90%" },
  },
  { name: "discount_rate", blank: "required", limit: ABOVE_MINUS_ONE },
  {
    name: "periods",
    blank: null,
    zeroIsBlank: true,
    limit: { min: 1, integer: true, says: "a whole number of periods, 1 or more (blank or 0: no horizon)" },
  },
  { name: "growth_rate", blank: 0, limit: ABOVE_MINUS_ONE },
  { name: "timing", blank: 0, limit: { oneOf: [0, 1], says: "0 (end of period) or 1 (start of period)" } },
];

export function clvCells(
  margin: ExcelMatrix,
  retention: ExcelMatrix,
  discountRate: ExcelMatrix,
  periods: ExcelMatrix,
  growthRate: ExcelMatrix,
  timing: ExcelMatrix,
): ResultCell[][] {
  return broadcast([margin, retention, discountRate, periods, growthRate, timing], CLV_ARGS, (v) =>
    clv(v[0], v[1], v[2], given(v[3]), v[4], v[5] as PaymentTiming),
  );
}
