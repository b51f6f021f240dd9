import { kamError, type Result } from "./errors";

/**
 * Net and gross revenue retention of the accounts at the start of a period.
 *
 * NRR = Σ current / Σ prior,   GRR = Σ min(current, prior) / Σ prior,
 *
 * both over the accounts with prior revenue > 0 (the accounts at the start); a blank current revenue is an account
 * that churned and counts as 0. NRR includes expansion, GRR caps each account at its prior revenue, so GRR ≤ 1 and
 * GRR ≤ NRR. Source: the SaaS and key-account definitions of net and gross dollar retention (e.g. KeyBanc Capital
 * Markets SaaS survey; Bessemer Venture Partners, "State of the Cloud"). Rows whose prior revenue is blank or 0 are
 * new accounts and are left out of both sums.
 *
 * Errors: ranges of different lengths → `value`; a negative revenue → `num` naming its row; no account with prior
 * revenue → `div0`.
 *
 * @example revenueRetention([100, 100], [120, null], "net")   // => 0.6
 * @example revenueRetention([100, 100], [120, 50], "gross")   // => 0.75
 */
export function revenueRetention(
  prior: readonly (number | null)[],
  current: readonly (number | null)[],
  kind: "net" | "gross",
): Result<number> {
  if (prior.length !== current.length) {
    return kamError(
      "value",
      "current",
      `prior has ${prior.length} accounts but current has ${current.length}: give one current revenue per account.`,
    );
  }
  let start = 0;
  let kept = 0;
  for (let i = 0; i < prior.length; i++) {
    const p = prior[i];
    const c = current[i] ?? 0;
    if (p !== null && p < 0) return negative("prior", i, p);
    if (c < 0) return negative("current", i, c);
    if (p === null || p === 0) continue;
    start += p;
    kept += kind === "gross" && c > p ? p : c;
  }
  if (start === 0) {
    return kamError("div0", "prior", "no account has a prior revenue above 0: there is no revenue at the start.");
  }
  return kept / start;
}

function negative(argument: string, i: number, x: number) {
  return kamError("num", `${argument} row ${i + 1}`, `${argument} row ${i + 1} is ${x}; a revenue cannot be negative.`);
}
