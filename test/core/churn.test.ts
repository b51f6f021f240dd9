import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { churnRate, retentionRate } from "../../src/core";

describe("churnRate and retentionRate", () => {
  it("matches hand-checked values", () => {
    expect(retentionRate(100, 95, 5)).toBe(0.9);
    expect(churnRate(100, 95, 5)).toBeCloseTo(0.1, 15);
    // the KAM programme example: 1,000 key accounts, 957 of them still there a year later → 4.3% churn
    expect(churnRate(1000, 957)).toBeCloseTo(0.043, 15);
    expect(churnRate(50, 50)).toBe(0);
    expect(churnRate(50, 3, 3)).toBe(1);
  });

  it("reports impossible counts", () => {
    expect(churnRate(0, 0)).toMatchObject({ code: "div0", argument: "at_start" });
    expect(churnRate(-1, 0)).toMatchObject({ code: "num", argument: "at_start" });
    expect(churnRate(10, -1)).toMatchObject({ code: "num", argument: "at_end" });
    expect(churnRate(10, 5, -1)).toMatchObject({ code: "num", argument: "acquired" });
    expect(churnRate(10, 5, 6)).toMatchObject({ code: "num", argument: "acquired" });
    expect(churnRate(10, 12, 1)).toMatchObject({
      code: "num",
      message: expect.stringContaining("11 accounts retained"),
    });
    expect(churnRate(Number.NaN, 1)).toMatchObject({ code: "value" });
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
