import { describe, expect, it } from "vitest";
import {
  applyOverrides,
  choicesFromSettings,
  detectMapping,
  parseSettings,
  serializeSettings,
  settingsColumns,
  type KamSettings,
  type TableInput,
} from "../../../src/core";

const table = (headers: string[]): TableInput => ({
  sheet: "Accounts",
  top: 0,
  left: 0,
  values: [headers, headers.map((_, j) => (j === 0 ? "Acme" : j))],
});

const base = {
  version: 1 as const,
  savedAt: "2026-11-24T08:00:00.000Z",
  source: { sheet: "Accounts", address: "Accounts!A1:F2" },
  scale: { min: 1, max: 5 },
  thresholds: { attractiveness: "median" as const, strength: 50 },
  discountRate: 0.1,
};

describe("choices saved in the workbook", () => {
  it("come back on a colleague's table whose columns moved, with the same fields and criteria", () => {
    const mine = table(["Client", "Sales FY25", "Sales FY24", "Growth potential", "Access", "Owner"]);
    const chosen = applyOverrides(detectMapping(mine), {
      fields: { account: 0, revenue: 1, priorRevenue: 2, owner: 5 },
      criteria: [
        { column: 3, weight: 2 },
        { column: 4, weight: 1 },
      ],
    });
    const saved: KamSettings = { ...base, ...settingsColumns(chosen) };
    const loaded = parseSettings(serializeSettings(saved)) as KamSettings;

    const theirs = table(["Owner", "Access", "Client", "Notes", "sales fy 24", "Sales FY25", "Growth potential"]);
    const { overrides, notFound } = choicesFromSettings(detectMapping(theirs), loaded);
    const mapping = applyOverrides(detectMapping(theirs), overrides);
    const byField = Object.fromEntries(Object.entries(mapping.fields).map(([f, m]) => [f, m!.header]));
    expect(byField).toEqual({
      account: "Client",
      revenue: "Sales FY25",
      priorRevenue: "sales fy 24",
      owner: "Owner",
    });
    expect(mapping.criteria.map((c) => [c.header, c.weight, c.reason])).toEqual([
      ["Growth potential", 2, "saved in this workbook"],
      ["Access", 1, "saved in this workbook"],
    ]);
    expect(notFound).toEqual([]);
  });

  it("say which saved columns are gone, and let detection take those fields again", () => {
    const saved: KamSettings = {
      ...base,
      columns: { account: "Customer", revenue: "Revenue FY25" },
      criteria: [{ header: "Strategic fit", weight: 3 }],
    };
    const now = table(["Customer", "Revenue FY26", "Revenue FY25 restated"]);
    const { overrides, notFound } = choicesFromSettings(detectMapping(now), saved);
    expect(overrides.fields).toEqual({ account: 0 });
    expect(notFound).toEqual([
      'The saved column "Revenue FY25" (Revenue) is not in the selected table; Revenue is detected again.',
      'The saved criterion "Strategic fit" is not in the selected table; the score leaves it out.',
    ]);
    const mapping = applyOverrides(detectMapping(now), overrides);
    expect(mapping.fields.revenue?.header).toBe("Revenue FY26");
  });

  it("keep a field the analyst set to no column unmapped, even where detection would find one", () => {
    const t = table(["Account", "Revenue", "NPS score"]);
    const chosen = applyOverrides(detectMapping(t), { fields: { nps: null } });
    const saved = parseSettings(serializeSettings({ ...base, ...settingsColumns(chosen, ["nps"]) })) as KamSettings;
    expect(saved.columns.nps).toBeNull();
    const { overrides } = choicesFromSettings(detectMapping(t), saved);
    expect(applyOverrides(detectMapping(t), overrides).fields.nps).toBeUndefined();
    expect(detectMapping(t).fields.nps?.header).toBe("NPS score");
  });
});

describe("a saved column found by its header (issue 21)", () => {
  it("takes the column of the same text over an earlier one that only normalises alike, the saved text trimmed", () => {
    const mapping = detectMapping(table(["Account", "Revenue (EUR)", "Revenue"]));
    for (const revenue of ["Revenue", " Revenue "]) {
      const { overrides, notFound } = choicesFromSettings(mapping, { ...base, columns: { revenue }, criteria: [] });
      expect(overrides.fields).toEqual({ revenue: 2 });
      expect(notFound).toEqual([]);
    }
  });

  it("finds a column loosely (same words and year) in the first column too", () => {
    const mapping = detectMapping(table(["Revenue (EUR) FY25", "Account"]));
    const columns = { revenue: "Revenue FY25" };
    const { overrides, notFound } = choicesFromSettings(mapping, { ...base, columns, criteria: [] });
    expect(overrides.fields).toEqual({ revenue: 0 });
    expect(notFound).toEqual([]);
  });
});

describe("choices on columns without a header (issue 21)", () => {
  it("are not saved (a column is found again by its header), and the rest saves", () => {
    const t = table(["Account", "", "Revenue", "Growth potential", "Product: Cloud voice", ""]);
    const chosen = applyOverrides(detectMapping(t), {
      fields: { account: 0, revenue: 2, owner: 1 },
      criteria: [
        { column: 1, weight: 1 },
        { column: 3, weight: 2 },
      ],
      productColumns: [4, 5],
    });
    const saved = settingsColumns(chosen);
    expect(saved).toEqual({
      columns: { account: "Account", revenue: "Revenue" },
      criteria: [{ header: "Growth potential", weight: 2 }],
      products: ["Product: Cloud voice"],
    });
    expect(() => serializeSettings({ ...base, ...saved })).not.toThrow();
  });
});
