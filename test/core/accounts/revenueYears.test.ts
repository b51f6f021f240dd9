/**
 * Which columns detectMapping reads as revenue by year (issue 21, found by the mutation run of src/core): only revenue
 * columns count as dated revenue, and bare years are read only where no header names revenue or prior revenue.
 */
import { describe, expect, it } from "vitest";
import { detectMapping, type TableInput } from "../../../src/core";

const at = (values: unknown[][]): TableInput => ({ sheet: "KA", top: 0, left: 0, values });
const headerOf = (m: ReturnType<typeof detectMapping>) =>
  Object.fromEntries(Object.entries(m.fields).map(([f, c]) => [f, c!.header]));

describe("revenue by year", () => {
  it("pairs revenue columns only: a dated margin is the margin, not the prior revenue", () => {
    // "Avg margin 2024" is the margin at 0.8 (a word it contains): a prior revenue by year (0.9) would take it
    const m = detectMapping(
      at([
        ["Account", "Revenue 2025", "Avg margin 2024"],
        ["Acme", 100, 0.3],
      ]),
    );
    expect(headerOf(m)).toEqual({ account: "Account", revenue: "Revenue 2025", grossMargin: "Avg margin 2024" });
  });

  it("reads no bare year as revenue where a header names only the prior revenue (Vorjahresumsatz)", () => {
    // "Vorjahresumsatz" names the prior revenue and contains no revenue synonym as a word
    const m = detectMapping(
      at([
        ["Kunde", "Vorjahresumsatz", "2025"],
        ["Müller GmbH", 90, 100],
      ]),
    );
    expect(headerOf(m)).toEqual({ account: "Kunde", priorRevenue: "Vorjahresumsatz" });
    expect(m.numericColumns).toEqual([2]);
  });
});
