import type { AccountTable } from "../../core";
import type { AccountsLayout } from "./accountsSheet";

/**
 * NPS of the active accounts that meet extra COUNTIFS criteria (`criteria`: "range,criterion" pairs, e.g. one
 * portfolio cell or one customer segment), as the NPS KPI defines it: 0–10 answers give 100 × (share 9–10 − share
 * 0–6), an account-level NPS its mean. Blank where no account answered.
 */
export function segmentNpsFormula(table: AccountTable, layout: AccountsLayout, criteria: string): string {
  const N = layout.range("nps");
  const A = layout.range("active");
  if (table.npsScale === "account") return `IFERROR(AVERAGEIFS(${N},${criteria},${A},TRUE),"")`;
  const count = (c: string) => `COUNTIFS(${criteria},${A},TRUE,${N},"${c}")`;
  return `IFERROR(100*(${count(">=9")}-${count("<=6")})/${count(">=0")},"")`;
}
