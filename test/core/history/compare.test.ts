import fc from "fast-check";
import { DRIVER_TIE } from "../../../src/core/scoreParts";
import { describe, expect, it } from "vitest";
import {
  accountAt,
  compareSnapshots,
  isKamError,
  kpiSeries,
  makeScoreSpec,
  movingCriterion,
  scoreParts,
  scoreRow,
  snapshotAccounts,
  type AccountSnapshot,
  type ScoreSpec,
  type Snapshot,
} from "../../../src/core";

const CRITERIA = ["Growth", "Margin", "Fit"];

/**
 * An account snapshot from ratings, weighted 3, 2, 1, scored and split by the core (makeScoreSpec, scoreRow,
 * scoreParts), cut at 50 on both axes. The spec is made per call, inside the test, where a mutant is switched on.
 */
function account(name: string, ratings: (number | null)[], strength: number): AccountSnapshot {
  const spec = makeScoreSpec([3, 2, 1]) as ScoreSpec;
  const score = scoreRow(ratings, spec) as number;
  const parts = scoreParts(ratings, spec) as (number | null)[];
  const quadrant = score >= 50 ? (strength >= 50 ? "Strategic" : "Star") : strength >= 50 ? "Status" : "Streamline";
  return { account: name, attractiveness: score, strength, quadrant, revenue: 1000, totalValue: 1000, parts };
}

const snapshot = (label: string, accounts: AccountSnapshot[], kpis = [{ kpi: "KPI_NRR", value: 1 }]): Snapshot => ({
  label,
  criteria: CRITERIA,
  kpis,
  accounts: snapshotAccounts(accounts, CRITERIA.length),
});

/** A snapshot's accounts as rows (accountAt), for looking one up by name. */
const rowsOf = (s: Snapshot) => Array.from({ length: s.accounts.count }, (_, i) => accountAt(s.accounts, i));

describe("compareSnapshots", () => {
  it("names the criterion whose part moved most with the account (hand-worked)", () => {
    // Weights 3, 2, 1 on 1–5: Σw·(max − min) = 24. Before: ratings 2, 2, 2 → parts 12.5, 8.33, 4.17, score 25
    // (Streamline at strength 60 → Status). After: 2, 5, 4 → parts 12.5, 33.33, 12.5, score 58.33: Strategic.
    // Part changes 0, +25, +8.33: Margin moved it.
    const before = snapshot("2026-09-30T00:00:00.000Z", [account("Acme", [2, 2, 2], 60)]);
    const after = snapshot("2026-12-31T00:00:00.000Z", [account("ACME ", [2, 5, 4], 60)]);
    const [move] = compareSnapshots(before, after);
    expect(move).toMatchObject({ account: "ACME ", from: "Status", to: "Strategic", criterion: "Margin" });
    expect(move.partChange).toBeCloseTo(25, 12);
    expect(move.attractivenessChange).toBeCloseTo((100 * 14) / 24 - 25, 12);
    // Down again: 1, 5, 1 → parts 0, 33.33, 0, score 33.33; changes −12.5, 0, −12.5: a tie, the leftmost (Growth).
    const [down] = compareSnapshots(after, snapshot("2027-03-31T00:00:00.000Z", [account("Acme", [1, 5, 1], 60)]));
    expect(down).toMatchObject({ from: "Strategic", to: "Status", criterion: "Growth" });
  });

  it("gives no criterion where only strength moved the account", () => {
    const before = snapshot("a", [account("Acme", [5, 5, 5], 40)]);
    const after = snapshot("b", [account("Acme", [5, 5, 5], 70)]);
    expect(compareSnapshots(before, after)).toMatchObject([{ from: "Star", to: "Strategic", criterion: null }]);
  });

  it("skips accounts new, gone or without a quadrant", () => {
    const before = snapshot("a", [
      account("Old", [1, 1, 1], 10),
      { ...account("Blank", [5, 5, 5], 10), quadrant: null },
    ]);
    const after = snapshot("b", [account("New", [5, 5, 5], 90), account("Blank", [1, 1, 1], 10)]);
    expect(compareSnapshots(before, after)).toEqual([]);
  });

  it("skips an account without a quadrant now, and one whose quadrant differs only in case and spaces", () => {
    const before = snapshot("a", [account("Gone", [5, 5, 5], 90), account("Same", [5, 5, 5], 90)]);
    const after = snapshot("b", [
      { ...account("Gone", [1, 1, 1], 10), quadrant: null },
      { ...account("Same", [5, 5, 5], 90), quadrant: " strategic " },
    ]);
    expect(compareSnapshots(before, after)).toEqual([]);
    // Spaces on the earlier side too (a History sheet typed by hand).
    const spaced = snapshot("a", [{ ...account("Same", [5, 5, 5], 90), quadrant: " Strategic  " }]);
    expect(compareSnapshots(spaced, snapshot("b", [account("Same", [5, 5, 5], 90)]))).toEqual([]);
  });

  it("matches accounts by name as Excel compares text: Straße AG and STRASSE AG are two accounts", () => {
    // Upper-casing would fold ß into SS and take one for the other; Excel's = and lower-casing do not.
    const before = snapshot("a", [account("Straße AG", [5, 5, 5], 90)]);
    const after = snapshot("b", [account("STRASSE AG", [1, 1, 1], 10)]);
    expect(compareSnapshots(before, after)).toEqual([]);
  });

  it("lists the moves by current revenue, largest first, a blank revenue last, then by name", () => {
    const names = ["Delta", "Core", "Bolt", "Acme", "Beta"];
    const revenues = [500, null, 2000, 2000, null];
    const before = snapshot(
      "a",
      names.map((n) => account(n, [1, 1, 1], 10)),
    );
    const after = snapshot(
      "b",
      names.map((n, i) => ({ ...account(n, [5, 5, 5], 10), revenue: revenues[i] })),
    );
    expect(compareSnapshots(before, after).map((m) => [m.account, m.revenue])).toEqual([
      ["Acme", 2000],
      ["Bolt", 2000],
      ["Delta", 500],
      ["Beta", null],
      ["Core", null],
    ]);
  });

  const ratings = fc
    .array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), { minLength: 3, maxLength: 3 })
    .filter((r) => r.some((x) => x !== null));
  const accounts = fc.uniqueArray(
    fc.tuple(
      fc.string({ minLength: 1, maxLength: 6 }),
      ratings,
      ratings,
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 0, max: 100 }),
    ),
    {
      selector: (t) => t[0].trim().toLowerCase(),
      maxLength: 20,
    },
  );

  it("property: a move's criterion is the one with the largest signed part change", () => {
    fc.assert(
      fc.property(accounts, (rows) => {
        const before = snapshot(
          "a",
          rows.map(([n, r1, , s1]) => account(n, r1, s1)),
        );
        const after = snapshot(
          "b",
          rows.map(([n, , r2, , s2]) => account(n, r2, s2)),
        );
        for (const move of compareSnapshots(before, after)) {
          const then = rowsOf(before).find((a) => a.account === move.account)!;
          const now = rowsOf(after).find((a) => a.account === move.account)!;
          const d = now.attractiveness! - then.attractiveness!;
          if (d === 0) {
            expect(move.criterion).toBeNull();
            continue;
          }
          const signed = CRITERIA.map((_, j) => Math.sign(d) * ((now.parts[j] ?? 0) - (then.parts[j] ?? 0)));
          const j = CRITERIA.indexOf(move.criterion!);
          expect(signed[j]).toBeGreaterThanOrEqual(Math.max(...signed) - 1e-9);
          // The parts sum to the score, so the criterion moved with the account.
          expect(signed[j]).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("property: a snapshot compared with itself has no moves", () => {
    fc.assert(
      fc.property(accounts, (rows) => {
        const s = snapshot(
          "a",
          rows.map(([n, r, , st]) => account(n, r, st)),
        );
        expect(compareSnapshots(s, s)).toEqual([]);
      }),
    );
  });

  it("movingCriterion matches criteria by header across snapshots", () => {
    // The previous snapshot lists the criteria in another order (fit 5, growth 3, margin 2); now Growth 5, Margin 12,
    // Fit 5: changes +2, +10, 0, so Margin (index 1 of the current criteria) by 10.
    const then: AccountSnapshot = { ...account("A", [1, 1, 1], 0), attractiveness: 10, parts: [5, 3, 2] };
    const now: AccountSnapshot = { ...then, attractiveness: 22, parts: [5, 12, 5] };
    expect(movingCriterion(then, now, ["fit", "growth", "margin"], CRITERIA)).toEqual({ index: 1, change: 10 });
    expect(isKamError(movingCriterion(then, { ...now, attractiveness: 10 }, CRITERIA, CRITERIA))).toBe(false);
    expect(movingCriterion(then, { ...now, attractiveness: 10 }, CRITERIA, CRITERIA)).toBeUndefined();
  });

  it("movingCriterion names no criterion when none of both snapshots moved with the score", () => {
    // Then Growth 5, Margin 5 (score 10); now a new criterion Reach adds 8 and Margin falls by 1: the score rose by 7,
    // but neither common criterion rose, so none is named (not Growth with a change of 0, not Margin with -1).
    const then: AccountSnapshot = { ...account("A", [1, 1], 0), attractiveness: 10, parts: [5, 5] };
    const now: AccountSnapshot = { ...then, attractiveness: 17, parts: [5, 4, 8] };
    expect(movingCriterion(then, now, ["growth", "margin"], ["growth", "margin", "reach"])).toBeUndefined();
    // Growth up 1 as well: Growth is named, by 1.
    const up = { ...now, attractiveness: 18, parts: [6, 4, 8] };
    expect(movingCriterion(then, up, ["growth", "margin"], ["growth", "margin", "reach"])).toEqual({
      index: 0,
      change: 1,
    });
    // A fall: the criterion that fell most, never one that rose.
    const down = { ...then, attractiveness: 7, parts: [6, 1] };
    expect(movingCriterion(then, down, ["growth", "margin"], ["growth", "margin"])).toEqual({ index: 1, change: -4 });
  });

  it("movingCriterion counts a change exactly DRIVER_TIE below the largest as a tie (the leftmost wins)", () => {
    const edge = 1 - Math.abs(1) * DRIVER_TIE;
    const then: AccountSnapshot = { ...account("A", [1, 1], 0), attractiveness: 10, parts: [0, 0] };
    const now: AccountSnapshot = { ...then, attractiveness: 12, parts: [edge, 1] };
    expect(movingCriterion(then, now, ["growth", "margin"], ["growth", "margin"])).toEqual({ index: 0, change: edge });
    // Just outside the tie: the larger change wins.
    const apart = { ...now, parts: [1 - 4 * DRIVER_TIE, 1] };
    expect(movingCriterion(then, apart, ["growth", "margin"], ["growth", "margin"])?.index).toBe(1);
  });
});

describe("kpiSeries", () => {
  it("lists each KPI's value per snapshot, null where a snapshot lacks it", () => {
    const a = snapshot("a", [], [{ kpi: "KPI_NRR", value: 1.02 }]);
    const b = snapshot(
      "b",
      [],
      [
        { kpi: "KPI_NRR", value: 1.05 },
        { kpi: "KPI_NPS", value: 31 },
      ],
    );
    expect(kpiSeries([a, b])).toEqual({
      labels: ["a", "b"],
      series: [
        { kpi: "KPI_NRR", values: [1.02, 1.05] },
        { kpi: "KPI_NPS", values: [null, 31] },
      ],
    });
  });
});
