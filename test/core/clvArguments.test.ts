/**
 * clv's refusals not covered by clv.test.ts (issue 21, found by the mutation run of src/core): a rate that is not a
 * number is #VALUE! naming it, a rate at its limit #NUM!, a horizon that is not a whole number #VALUE! or #NUM!, and
 * the order in which the arguments are checked (the first at fault is named).
 */
import { describe, expect, it } from "vitest";
import { clv, kamError } from "../../src/core";

describe("clv refuses", () => {
  it("a margin, a discount rate or a growth rate that is not a finite number, naming it (#VALUE!)", () => {
    expect(clv(Infinity, 0.9, 0.1, 5)).toEqual(kamError("value", "margin", "margin must be a number."));
    expect(clv(100, 0.9, Number.NaN, 5)).toEqual(kamError("value", "discount_rate", "discount_rate must be a number."));
    expect(clv(100, 0.9, Infinity, 5)).toEqual(kamError("value", "discount_rate", "discount_rate must be a number."));
    expect(clv(100, 0.9, 0.1, 5, Number.NaN)).toEqual(
      kamError("value", "growth_rate", "growth_rate must be a number."),
    );
    expect(clv(100, 0.9, 0.1, 5, Infinity)).toEqual(kamError("value", "growth_rate", "growth_rate must be a number."));
    expect(clv(100, Infinity, 0.1, 5)).toEqual(
      kamError("value", "retention", "retention must be a number between 0 and 1."),
    );
  });

  it("rates at or below -100% (#NUM!), and accepts them just above", () => {
    expect(clv(100, 0.9, -1.5, 5)).toEqual(
      kamError("num", "discount_rate", "discount_rate is -1.5; it must be greater than -1 (-100%)."),
    );
    expect(clv(100, 0.9, 0.1, 5, -2)).toEqual(
      kamError("num", "growth_rate", "growth_rate is -2; it must be greater than -1 (-100%)."),
    );
    // d = −0.5, one period at the end: 100·0.5/0.5 = 100; g = −0.5 over two periods: 100·0.5/1.1 + 50·0.25/1.21
    expect(clv(100, 0.5, -0.5, 1)).toBeCloseTo(100, 12);
    expect(clv(100, 0.5, 0.1, 2, -0.5)).toBeCloseTo(50 / 1.1 + 12.5 / 1.21, 12);
  });

  it("a horizon that is not a finite number (#VALUE!) or below 1 (#NUM!)", () => {
    expect(clv(100, 0.9, 0.1, Infinity)).toEqual(
      kamError("value", "periods", "periods must be a whole number of periods."),
    );
    expect(clv(100, 0.9, 0.1, Number.NaN)).toEqual(
      kamError("value", "periods", "periods must be a whole number of periods."),
    );
    expect(clv(100, 0.9, 0.1, -3)).toEqual(
      kamError("num", "periods", "periods is -3; it must be a whole number of periods, 1 or more."),
    );
  });

  it("names the first argument at fault, in the order margin, retention, discount, growth, timing, periods", () => {
    expect(clv(Number.NaN, 2, -2, 0, -2, 3 as 0)).toMatchObject({ argument: "margin" });
    expect(clv(100, 2, -2, 0, -2, 3 as 0)).toMatchObject({ code: "num", argument: "retention" });
    expect(clv(100, 0.5, -2, 0, -2, 3 as 0)).toMatchObject({ code: "num", argument: "discount_rate" });
    expect(clv(100, 0.5, 0.1, 0, -2, 3 as 0)).toMatchObject({ code: "num", argument: "growth_rate" });
    expect(clv(100, 0.5, 0.1, 0, 0, 3 as 0)).toMatchObject({ code: "num", argument: "timing" });
    expect(clv(100, 0.5, 0.1, 0, 0, 1)).toMatchObject({ code: "num", argument: "periods" });
  });

  it("takes retention 0 and 1 as rates: no margin after the first, and every margin kept", () => {
    expect(clv(100, 0, 0.1, 5)).toBe(0);
    expect(clv(100, 0, 0.1, 5, 0, 1)).toBe(100);
    // retention 1, d = 0.25, 2 periods at the end: 100/1.25 + 100/1.5625 = 80 + 64
    expect(clv(100, 1, 0.25, 2)).toBeCloseTo(144, 12);
  });
});

describe("clv's checks and sums at their edges", () => {
  it("takes retention 0 and 1 as valid when another argument is at fault, and names that one", () => {
    expect(clv(100, 0, -2, 5)).toMatchObject({ code: "num", argument: "discount_rate" });
    expect(clv(100, 1, -2, 5)).toMatchObject({ code: "num", argument: "discount_rate" });
  });

  it("sums the margins exactly to rounding where q is within 1e-12 of 1 (the textbook (1 − q^T)/(1 − q) is off by 4.5e-9)", () => {
    // retention 1, d = 1e-12, 10 periods at the end: Σ 100/(1 + d)^t = 1000 − 100·55·d + O(d²) = 1000 − 5.5e-9
    expect(clv(100, 1, 1e-12, 10)).toBeCloseTo(1000 - 5.5e-9, 10);
  });
});
