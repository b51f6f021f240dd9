import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { churnRate, kamError, retentionRate } from "../../src/core";

describe("churnRate and retentionRate", () => {
  it("matches hand-checked values", () => {
    expect(retentionRate(100, 95, 5)).toBe(0.9);
    expect(churnRate(100, 95, 5)).toBeCloseTo(0.1, 15);
    // the KAM programme example: 1,000 key accounts, 957 of them still there a year later → 4.3% churn
    expect(churnRate(1000, 957)).toBeCloseTo(0.043, 15);
    expect(churnRate(50, 50)).toBe(0);
    expect(churnRate(50, 3, 3)).toBe(1);
  });

  it("reports impossible counts, naming the count and its value", () => {
    expect(churnRate(0, 0)).toEqual(
      kamError("div0", "at_start", "at_start is 0: with no accounts at the start there is no rate to compute."),
    );
    expect(churnRate(-1, 0)).toEqual(
      kamError("num", "at_start", "at_start is -1; a count of accounts cannot be negative."),
    );
    expect(churnRate(10, -1)).toEqual(
      kamError("num", "at_end", "at_end is -1; a count of accounts cannot be negative."),
    );
    expect(churnRate(10, 5, -1)).toEqual(kamError("num", "acquired", "acquired is -1; a count cannot be negative."));
    expect(churnRate(10, 5, 6)).toEqual(
      kamError(
        "num",
        "acquired",
        "acquired (6) is more than at_end (5): new accounts are part of the accounts at the end.",
      ),
    );
    // 12 at the end of which 1 new: 11 retained of 10
    expect(churnRate(10, 12, 1)).toEqual(
      kamError(
        "num",
        "at_end",
        "at_end − acquired = 11 accounts retained, more than the 10 at the start: check the counts, or give the " +
          "accounts acquired during the period.",
      ),
    );
    expect(churnRate(Number.NaN, 1)).toEqual(kamError("value", "at_start", "at_start must be a number of accounts."));
    expect(churnRate(1, Number.NaN)).toEqual(kamError("value", "at_end", "at_end must be a number of accounts."));
    expect(churnRate(1, 1, Number.NaN)).toEqual(
      kamError("value", "acquired", "acquired must be a number of accounts."),
    );
  });

  it("is, by definition, the share of the accounts at the start lost during the period", () => {
    // Farris et al.'s definition worked on a list of accounts: each account at the start is kept or lost, new ones
    // join; the counts S, E, N are what an analyst would count, and churn must be (lost at start) / S.
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 500 }), fc.nat(300), (kept, joined) => {
        const atStart = kept.length;
        const lost = kept.filter((k) => !k).length;
        const atEnd = atStart - lost + joined;
        const c = churnRate(atStart, atEnd, joined) as number;
        return Math.abs(c - lost / atStart) <= 1e-15;
      }),
    );
  });

  it("churn + retention = 1 and both lie in [0, 1] for every possible base", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(5000),
        (S, keep, N) => {
          const retained = Math.floor(S * keep);
          const c = churnRate(S, retained + N, N) as number;
          const r = retentionRate(S, retained + N, N) as number;
          return Math.abs(c + r - 1) < 1e-15 && c >= 0 && c <= 1 && r >= 0 && r <= 1;
        },
      ),
    );
  });
});
