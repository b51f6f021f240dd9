import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kamError, revenueRetention } from "../../src/core";

describe("revenueRetention", () => {
  it("matches the doc comment's examples", () => {
    // one account grows 100 → 120, the other churns: NRR = 120/200 = 0.6
    expect(revenueRetention([100, 100], [120, null], "net")).toBeCloseTo(0.6, 15);
    // 100 → 120 capped at 100, 100 → 50: GRR = 150/200 = 0.75
    expect(revenueRetention([100, 100], [120, 50], "gross")).toBeCloseTo(0.75, 15);
  });

  it("matches the usual bridge from starting revenue (start + expansion − contraction − churn)", () => {
    // start 100, expansion +20 (50 → 70), contraction −5 (30 → 25), churn −10 (10 → blank), 10 unchanged, and a new
    // account (prior blank, current 40) left out: NRR = (100 + 20 − 5 − 10)/100 = 1.05, GRR = (100 − 5 − 10)/100 = 0.85
    const prior = [50, 30, 10, 10, null];
    const current = [70, 25, null, 10, 40];
    expect(revenueRetention(prior, current, "net")).toBeCloseTo(1.05, 15);
    expect(revenueRetention(prior, current, "gross")).toBeCloseTo(0.85, 15);
    // a prior of 0 is a new account too
    expect(revenueRetention([50, 30, 10, 10, 0], current, "net")).toBeCloseTo(1.05, 15);
  });

  it("reports mismatched lengths, negative revenue and no revenue at the start", () => {
    expect(revenueRetention([1, 2], [1], "net")).toEqual(
      kamError("value", "current", "prior has 2 accounts but current has 1: give one current revenue per account."),
    );
    expect(revenueRetention([1, -2], [1, 1], "net")).toEqual(
      kamError("num", "prior row 2", "prior row 2 is -2; a revenue cannot be negative."),
    );
    expect(revenueRetention([1, 2], [1, -1], "gross")).toEqual(
      kamError("num", "current row 2", "current row 2 is -1; a revenue cannot be negative."),
    );
    const noStart = kamError(
      "div0",
      "prior",
      "no account has a prior revenue above 0: there is no revenue at the start.",
    );
    expect(revenueRetention([null, 0], [5, 5], "net")).toEqual(noStart);
    expect(revenueRetention([], [], "gross")).toEqual(noStart);
  });

  const accounts = fc.array(
    fc.tuple(
      fc.double({ min: 0.01, max: 1e9, noNaN: true }),
      fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: null }),
    ),
    { minLength: 1, maxLength: 50 },
  );

  it("0 ≤ GRR ≤ 1 and GRR ≤ NRR for any accounts", () => {
    fc.assert(
      fc.property(accounts, (rows) => {
        const prior = rows.map((r) => r[0]);
        const current = rows.map((r) => r[1]);
        const net = revenueRetention(prior, current, "net") as number;
        const gross = revenueRetention(prior, current, "gross") as number;
        return gross >= 0 && gross <= 1 + 1e-12 && gross <= net * (1 + 1e-12);
      }),
    );
  });

  it("GRR = NRR when no account grew, and neither depends on the currency unit", () => {
    fc.assert(
      fc.property(accounts, fc.double({ min: 0.001, max: 1000, noNaN: true }), (rows, unit) => {
        const prior = rows.map((r) => r[0]);
        const shrunk = rows.map((r) => (r[1] === null ? null : Math.min(r[0], r[1])));
        const net = revenueRetention(prior, shrunk, "net") as number;
        const scaled = revenueRetention(
          prior.map((p) => p * unit),
          shrunk.map((c) => (c === null ? null : c * unit)),
          "net",
        ) as number;
        return net === revenueRetention(prior, shrunk, "gross") && Math.abs(scaled - net) <= 1e-9 * Math.max(1, net);
      }),
    );
  });
});
