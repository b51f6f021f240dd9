import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  excelMedian,
  isKamError,
  kamError,
  MIN_SEGMENT_OWNERS,
  totalAccountValue,
  whitespace,
  whitespaceOfRows,
  type WhitespaceResult,
} from "../../src/core";

function ok(r: ReturnType<typeof whitespace>): WhitespaceResult {
  if (isKamError(r)) throw new Error(r.message);
  return r;
}

describe("whitespace (issue 19, part 2: hand-worked)", () => {
  it("sums, over the products an account lacks, the median revenue among its segment's owners", () => {
    // Three products A, B, C; segment "North" has accounts 1–4, "South" 5–6 (blank = not owned, 0 = not owned).
    //          A     B     C
    // 1 North  10    100   —
    // 2 North  20    —     5
    // 3 North  30    300   —
    // 4 North  —     200   0
    // 5 South  40    —     —
    // 6 South  —     —     7
    const rows = [
      [10, 100, null],
      [20, null, 5],
      [30, 300, null],
      [null, 200, 0],
      [40, null, null],
      [null, null, 7],
    ];
    const segments = ["North", "North", "North", "North", "South", "South"];
    const r = ok(whitespaceOfRows(rows, segments));
    // Benchmarks. North owners: A {10, 20, 30} (3, median 20); B {100, 300, 200} (3, median 200); C {5} (1 < 3:
    // all owners {5, 7}, median 6). South owners: A {40} → all {10, 20, 30, 40}, median (20 + 30)/2 = 25;
    // B none → all {100, 200, 300}, median 200; C {7} → all, 6.
    expect(r.benchmarks.segments).toEqual(["North", "South"]);
    expect(r.benchmarks.segment).toEqual([
      [20, 200, 6],
      [25, 200, 6],
    ]);
    expect(r.benchmarks.owners).toEqual([
      [3, 3, 1],
      [1, 0, 1],
    ]);
    expect(r.benchmarks.all).toEqual([25, 200, 6]);
    // Potentials: 1 lacks C → 6; 2 lacks B → 200; 3 lacks C → 6; 4 lacks A and C → 20 + 6 = 26;
    // 5 lacks B and C → 200 + 6 = 206; 6 lacks A and B → 25 + 200 = 225.
    expect(Array.from(r.potential)).toEqual([6, 200, 6, 26, 206, 225]);
    expect(Array.from(r.owned)).toEqual([2, 2, 2, 1, 1, 1]);
    // Total account value = revenue + potential; revenue here is the row's sum (1: 110 + 6 = 116, …).
    const revenue = rows.map((row) => row.reduce<number>((t, x) => t + (x ?? 0), 0));
    expect(Array.from(totalAccountValue(revenue, r.potential))).toEqual([116, 225, 336, 226, 246, 232]);
    // A blank revenue (NaN) counts as 0: the account's value is its potential alone.
    expect(Array.from(totalAccountValue(Float64Array.of(Number.NaN, 100), Float64Array.of(50, 20)))).toEqual([50, 120]);
  });

  it("compares accounts over all owners without segments, and 0 for a product nobody owns", () => {
    // A: owners {1, 3} → median 2; B: owners {4} → 4; C: nobody → 0.
    const r = ok(
      whitespaceOfRows([
        [1, null, null],
        [3, 4, null],
        [null, null, 0],
      ]),
    );
    expect(Array.from(r.potential)).toEqual([4, 0, 6]);
    expect(r.benchmarks.segments).toEqual([]);
  });

  it("reads segments as Excel compares text (case and surrounding spaces aside); a blank segment uses all owners", () => {
    // A's owners in "north" (any case): 1, 2, 3 → median 2; all owners 1, 2, 3, 100 → 2.5.
    const rows = [[1], [2], [3], [100], [null], [null]];
    const r = ok(whitespaceOfRows(rows, ["North", "NORTH ", " north", null, "north", null]));
    expect(r.benchmarks.segments).toEqual(["North"]);
    expect(Array.from(r.potential)).toEqual([0, 0, 0, 0, 2, 2.5]);
  });

  it("names a segment as first written without its surrounding spaces, and keeps letters that are not a case pair apart", () => {
    const r = ok(whitespace([], [" North ", "NORTH", "north "]));
    expect(r.benchmarks.segments).toEqual(["North"]);
    // Dotless ı is a letter of its own, not a case of i (Unicode's default case folding keeps them apart), though
    // both upper-case to I: "Izmir" and "ızmir" are two segments, and the owners of one are not the other's.
    const rows = [[10], [20], [30], [100], [null], [null]];
    const two = ok(whitespaceOfRows(rows, ["Izmir", "Izmir", "IZMIR", "ızmir", "izmir", "ızmir"]));
    expect(two.benchmarks.segments).toEqual(["Izmir", "ızmir"]);
    expect(two.benchmarks.owners).toEqual([[3], [1]]);
    // Izmir's owners 10, 20, 30 → median 20; ızmir has one owner, so all owners' median: (20 + 30)/2 = 25
    expect(two.benchmarks.segment).toEqual([[20], [25]]);
    expect(Array.from(two.potential)).toEqual([0, 0, 0, 0, 20, 25]);
  });

  it("gives accounts without product columns nothing owned and no potential, one per segment given", () => {
    const r = ok(whitespace([], ["North", null, " north"]));
    expect(Array.from(r.owned)).toEqual([0, 0, 0]);
    expect(Array.from(r.potential)).toEqual([0, 0, 0]);
    expect(r.benchmarks).toEqual({ segments: ["North"], segment: [[]], owners: [[]], all: [] });
    expect(ok(whitespaceOfRows([]))).toEqual(ok(whitespace([])));
    expect(ok(whitespace([]))).toEqual({
      owned: new Int32Array(0),
      potential: new Float64Array(0),
      benchmarks: { segments: [], segment: [], owners: [], all: [] },
    });
  });

  it("takes the median as Excel's MEDIAN: the mean of the two middle values of an even count", () => {
    // Excel: MEDIAN(4, 1, 3, 2) = 2.5, MEDIAN(5, 1, 9) = 5 (Hyndman–Fan type 7 at p = 0.5).
    expect(excelMedian([4, 1, 3, 2])).toBe(2.5);
    expect(excelMedian([5, 1, 9])).toBe(5);
  });

  it("refuses a negative or infinite revenue, ragged rows and segments of another length, naming the cell", () => {
    expect(
      whitespaceOfRows([
        [1, 2],
        [3, -4],
      ]),
    ).toEqual(
      kamError("num", "product_revenue", "product_revenue row 2, product 2 is -4; a revenue cannot be negative."),
    );
    expect(whitespaceOfRows([[1, Infinity]])).toEqual(
      kamError("value", "product_revenue", "product_revenue row 1, product 2 is not a finite number."),
    );
    expect(whitespaceOfRows([[1, Number.NaN]])).toEqual(
      kamError("value", "product_revenue", "product_revenue row 1, product 2 is not a finite number."),
    );
    expect(whitespaceOfRows([[1], [Number.NaN]])).toEqual(
      kamError("value", "product_revenue", "product_revenue row 2, product 1 is not a finite number."),
    );
    expect(whitespaceOfRows([[1, 2], [3]])).toEqual(
      kamError("value", "product_revenue", "product_revenue row 2 has 1 products but row 1 has 2."),
    );
    expect(whitespaceOfRows([[1], [2]], ["a"])).toEqual(
      kamError("value", "segments", "segments has 1 rows but product_revenue has 2: give one segment per account row."),
    );
    expect(whitespaceOfRows([[], []])).toEqual(
      kamError("value", "product_revenue", "product_revenue has no product column."),
    );
    expect(whitespace([Float64Array.of(1, 2), Float64Array.of(1)])).toEqual(
      kamError("value", "product_revenue", "product_revenue: product 2 has 1 accounts but product 1 has 2."),
    );
  });
});

// Revenues: mostly blank, some 0, else positive; a few segments, some accounts without one.
const revenueArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant<number | null>(null) },
  { weight: 1, arbitrary: fc.constant<number | null>(0) },
  { weight: 6, arbitrary: fc.double({ min: 1, max: 1e6, noNaN: true }) },
);
const blockArb = fc.integer({ min: 1, max: 5 }).chain((products) =>
  fc.array(
    fc.record({
      revenue: fc.array(revenueArb, { minLength: products, maxLength: products }),
      segment: fc.constantFrom<string | null>("A", "B", "C", null),
    }),
    { minLength: 1, maxLength: 25 },
  ),
);

function run(accounts: readonly { revenue: (number | null)[]; segment: string | null }[]): WhitespaceResult {
  return ok(
    whitespaceOfRows(
      accounts.map((a) => a.revenue),
      accounts.map((a) => a.segment),
    ),
  );
}

describe("whitespace properties", () => {
  it("gives an account that owns every product a potential of 0, and every account one of 0 or more", () => {
    fc.assert(
      fc.property(blockArb, (accounts) => {
        const r = run(accounts);
        return accounts.every(
          (a, i) => r.potential[i] >= 0 && (!a.revenue.every((x) => x !== null && x > 0) || r.potential[i] === 0),
        );
      }),
    );
  });

  it("counts as owned exactly the products with revenue above 0", () => {
    fc.assert(
      fc.property(blockArb, (accounts) => {
        const r = run(accounts);
        return accounts.every((a, i) => r.owned[i] === a.revenue.filter((x) => x !== null && x > 0).length);
      }),
    );
  });

  it("permutes its results as the rows are permuted", () => {
    fc.assert(
      fc.property(
        blockArb.chain((accounts) =>
          fc.tuple(fc.constant(accounts), fc.shuffledSubarray([...accounts.keys()], { minLength: accounts.length })),
        ),
        ([accounts, order]) => {
          const r = run(accounts);
          const s = run(order.map((i) => accounts[i]));
          return order.every((i, k) => s.potential[k] === r.potential[i] && s.owned[k] === r.owned[i]);
        },
      ),
    );
  });

  it("does not change a segment whose every product has 3 owners there when an owner joins another segment", () => {
    fc.assert(
      fc.property(blockArb, fc.double({ min: 1, max: 1e6, noNaN: true }), (accounts, x) => {
        const r = run(accounts);
        const a = r.benchmarks.segments.indexOf("A");
        if (a < 0 || !r.benchmarks.owners[a].every((k) => k >= MIN_SEGMENT_OWNERS)) return true;
        const products = accounts[0].revenue.length;
        const added = run([...accounts, { revenue: new Array<number>(products).fill(x), segment: "B" }]);
        return accounts.every((acc, i) => acc.segment !== "A" || added.potential[i] === r.potential[i]);
      }),
    );
  });

  it("benchmarks each product within its owners' range, so no potential exceeds the largest revenues it stands for", () => {
    fc.assert(
      fc.property(blockArb, (accounts) => {
        const r = run(accounts);
        const products = accounts[0].revenue.length;
        for (let p = 0; p < products; p++) {
          const owners = accounts.map((a) => a.revenue[p]).filter((x): x is number => x !== null && x > 0);
          const lo = owners.length ? Math.min(...owners) : 0;
          const hi = owners.length ? Math.max(...owners) : 0;
          for (const row of [r.benchmarks.all, ...r.benchmarks.segment]) if (row[p] < lo || row[p] > hi) return false;
        }
        return true;
      }),
    );
  });

  it("agrees with a sorted median written out from the definition", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }), (xs) => {
        const s = [...xs].sort((a, b) => a - b);
        const n = s.length;
        const expected = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return Math.abs(excelMedian([...xs]) - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
      }),
    );
  });
});
