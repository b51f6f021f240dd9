/**
 * Two edges of the KPI definitions the mutation run of src/core found untested (issue 21): an NPS answer of 6 is a
 * detractor (0–6, Reichheld 2003), so the account is at risk; and without a prior revenue column the retention rate
 * names that column, even when revenue and status are missing too.
 */
import { describe, expect, it } from "vitest";
import { portfolioOptionsWith } from "../../fixtures/portfolioOptions";
import { accountMetrics, portfolioKpis, type AccountTable } from "../../../src/core";

function npsTable(answers: number[]): AccountTable {
  const count = answers.length;
  return {
    sheet: "S",
    count,
    sourceRows: Int32Array.from({ length: count }, (_, i) => i + 1),
    labels: {},
    numbers: { nps: Float64Array.from(answers) },
    status: new Int8Array(count),
    criteria: [],
    npsScale: "survey",
    issues: [],
    summary: { read: count, accepted: count, rejected: 0, ignoredBlank: 0, ignoredTotals: 0 },
  };
}

describe("accounts at risk by their NPS answer", () => {
  it("are the detractors, 0 to 6; a passive 7 is not", () => {
    const t = npsTable([6, 7, 0, 10]);
    const options = portfolioOptionsWith();
    expect(Array.from(accountMetrics(t, options, undefined).atRisk)).toEqual([1, 0, 1, 0]);
    expect(portfolioKpis(t, options).kpis.find((k) => k.id === "AtRisk")!.value).toBe(2);
  });
});

describe("the retention rate without a prior revenue column", () => {
  it("names that column, also when there is no revenue and no status either", () => {
    const options = portfolioOptionsWith();
    const reason = (t: AccountTable) => portfolioKpis(t, options).kpis.find((k) => k.id === "RetentionRate")!.reason;
    const why = "needs a Prior revenue column (last year's revenue per account)";
    expect(reason(npsTable([9]))).toBe(why);
    expect(reason({ ...npsTable([9]), status: undefined })).toBe(why);
  });
});
