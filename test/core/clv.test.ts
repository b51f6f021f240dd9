import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clv, kamError } from "../../src/core";

/** Direct summation of the defining series, the reference every closed form is checked against. */
function clvBySummation(m: number, r: number, d: number, T: number, g: number, timing: 0 | 1): number {
  let total = 0;
  if (timing === 0) for (let t = 1; t <= T; t++) total += (m * (1 + g) ** (t - 1) * r ** t) / (1 + d) ** t;
  else for (let t = 0; t < T; t++) total += (m * (1 + g) ** t * r ** t) / (1 + d) ** t;
  return total;
}

describe("clv", () => {
  it("matches hand-checked values", () => {
    expect(clv(100, 0.8, 0.1, null)).toBeCloseTo(80 / 0.3, 10); // m r/(1+d−r) = 266.67
    expect(clv(100, 0.8, 0.1, null, 0, 1)).toBeCloseTo(110 / 0.3, 10); // m (1+d)/(1+d−r) = 366.67
    expect(clv(100, 0.8, 0.1, 1)).toBeCloseTo(80 / 1.1, 12); // one period, end: m r/(1+d)
    expect(clv(100, 0.8, 0.1, 1, 0, 1)).toBe(100); // one period, start: the certain first margin
    // two periods, end, 5% growth: 100·0.8/1.1 + 105·0.64/1.21 = 72.7273 + 55.5372 = 128.2645
    expect(clv(100, 0.8, 0.1, 2, 0.05)).toBeCloseTo(128.26446281, 7);
  });

  it("equals Excel's PV for a certain annuity (retention 1, no growth)", () => {
    // PV(10%, 5, -100, 0, 1) = 416.9865446 (Excel/LibreOffice), and PV(10%, 5, -100) = 379.0786769
    expect(clv(100, 1, 0.1, 5, 0, 1)).toBeCloseTo(416.9865446, 6);
    expect(clv(100, 1, 0.1, 5, 0, 0)).toBeCloseTo(379.0786769, 6);
  });

  it("handles q = 1 exactly (retention × growth equal to discount)", () => {
    // r(1+g) = 1+d → every term equals m r/(1+d): T terms
    expect(clv(100, 1, 0.1, 10, 0.1)).toBeCloseTo(10 * (100 / 1.1), 9);
  });

  it("reports bad arguments with the code the issue asks for and a message naming the argument and its value", () => {
    const rate = "it must be a rate between 0 and 1 (0%–100%).";
    expect(clv(100, 1.2, 0.1, null)).toEqual(kamError("num", "retention", `retention is 1.2; ${rate}`));
    expect(clv(100, -0.1, 0.1, null)).toEqual(kamError("num", "retention", `retention is -0.1; ${rate}`));
    expect(clv(100, Number.NaN, 0.1, null)).toEqual(
      kamError("value", "retention", "retention must be a number between 0 and 1."),
    );
    expect(clv(100, 0.9, -1, 5)).toEqual(
      kamError("num", "discount_rate", "discount_rate is -1; it must be greater than -1 (-100%)."),
    );
    expect(clv(100, 0.9, 0.1, 5, -1)).toEqual(
      kamError("num", "growth_rate", "growth_rate is -1; it must be greater than -1 (-100%)."),
    );
    const whole = "it must be a whole number of periods, 1 or more.";
    expect(clv(100, 0.9, 0.1, 0)).toEqual(kamError("num", "periods", `periods is 0; ${whole}`));
    expect(clv(100, 0.9, 0.1, 2.5)).toEqual(kamError("num", "periods", `periods is 2.5; ${whole}`));
    expect(clv(100, 0.9, 0.1, 5, 0, 2 as 0)).toEqual(
      kamError("num", "timing", "timing is 2; use 0 (end of period) or 1 (start of period)."),
    );
    expect(clv(Number.NaN, 0.9, 0.1, 5)).toEqual(kamError("value", "margin", "margin must be a number."));
    // r(1+g) ≥ 1+d with no horizon: 1 ≥ 1 and 0.95·1.2 = 1.14 ≥ 1.1; the horizon is the argument to give
    const infinite = kamError(
      "num",
      "periods",
      "With no horizon (periods blank) the value is infinite: retention × (1 + growth_rate) must be below " +
        "1 + discount_rate. Give a number of periods, a lower growth or a higher discount rate.",
    );
    expect(clv(100, 1, 0, null)).toEqual(infinite);
    expect(clv(100, 0.95, 0.1, null, 0.2)).toEqual(infinite);
  });

  it("accepts a horizon of at least 1,000 periods", () => {
    expect(clv(100, 0.9, 0.1, 1000)).toBeCloseTo(clv(100, 0.9, 0.1, null) as number, 9);
  });
});

const inputs = fc.record({
  m: fc.double({ min: -1e4, max: 1e6, noNaN: true }),
  r: fc.double({ min: 0, max: 1, noNaN: true }),
  d: fc.double({ min: -0.5, max: 1, noNaN: true }),
  g: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  T: fc.integer({ min: 1, max: 200 }),
  timing: fc.constantFrom<0 | 1>(0, 1),
});

describe("clv properties", () => {
  it("equals direct summation of its defining series", () => {
    fc.assert(
      fc.property(inputs, ({ m, r, d, g, T, timing }) => {
        const closed = clv(m, r, d, T, g, timing) as number;
        const summed = clvBySummation(m, r, d, T, g, timing);
        return Math.abs(closed - summed) <= 1e-9 * Math.max(1, Math.abs(summed));
      }),
    );
  });

  it("rises to the infinite-horizon value as periods grow (positive margin)", () => {
    fc.assert(
      fc.property(inputs, ({ m, r, d, g, timing }) => {
        const q = (r * (1 + g)) / (1 + d);
        if (!(q < 0.95) || m <= 0) return true;
        const limit = clv(m, r, d, null, g, timing) as number;
        let previous = -Infinity;
        for (const T of [1, 5, 20, 100, 1000]) {
          const v = clv(m, r, d, T, g, timing) as number;
          if (v < previous - 1e-9 * limit || v > limit * (1 + 1e-12)) return false;
          previous = v;
        }
        return Math.abs(previous - limit) <= 1e-9 * limit;
      }),
    );
  });

  it("with one period and timing 0 is m·r/(1+d)", () => {
    fc.assert(
      fc.property(
        inputs,
        ({ m, r, d, g }) =>
          Math.abs((clv(m, r, d, 1, g) as number) - (m * r) / (1 + d)) <= 1e-9 * Math.max(1, Math.abs(m)),
      ),
    );
  });
});
