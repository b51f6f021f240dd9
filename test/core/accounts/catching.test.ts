/**
 * Tests that catch what the mutation spot-check found uncaught (issue 21, items 2 and 4): the polarity of a yes/no
 * status column, hidden rows of a table that does not start in row 1, close spellings the mapping claims to match,
 * and the totals-row rule (the last or last-but-one named row, notes after it).
 */
import { describe, expect, it } from "vitest";
import { detectMapping, validateAccounts, type TableInput } from "../../../src/core";

const at = (values: unknown[][], top = 0, left = 0, extra: Partial<TableInput> = {}): TableInput => ({
  sheet: "Key accounts",
  top,
  left,
  values,
  ...extra,
});

describe("a yes/no status column", () => {
  it('reads "Active: yes" as active and "Active: no" as churned, never the other way round', () => {
    const t = validateAccounts(
      at([
        ["Account", "Active"],
        ["A", "yes"],
        ["B", "no"],
        ["C", "TRUE"],
        ["D", "FALSE"],
      ]),
      detectMapping(
        at([
          ["Account", "Active"],
          ["A", "yes"],
        ]),
      ),
    );
    expect(Array.from(t.status!)).toEqual([0, 1, 0, 1]); // 1 = churned
  });

  it('reads "Churned: yes" as churned', () => {
    const input = at([
      ["Account", "Churned"],
      ["A", "yes"],
      ["B", "no"],
    ]);
    expect(Array.from(validateAccounts(input, detectMapping(input)).status!)).toEqual([1, 0]);
  });
});

describe("a table that does not start in row 1", () => {
  it("names hidden rows by their sheet row, not their place in the selection", () => {
    const input = at(
      [
        ["Account", "Revenue"],
        ["A", 1],
        ["B", 2],
        ["C", 3],
      ],
      9,
      2,
      { hiddenRows: [2] },
    );
    const t = validateAccounts(input, detectMapping(input));
    const hidden = t.issues.find((i) => i.code === "hidden_rows")!;
    // Selection row 2 is sheet row 12 (top 9 is row 10); the account column is C.
    expect(hidden.cell).toBe("'Key accounts'!C12");
    expect(hidden.message).toMatch(/^Row 12 is hidden/);
  });
});

describe("close spellings the mapping claims to match", () => {
  it('maps "Reveune" to revenue and "Acount manager" to the owner, saying they are close spellings', () => {
    const m = detectMapping(
      at([
        ["Acount", "Acount manager", "Reveune"],
        ["A", "Ann", 5],
      ]),
    );
    expect(m.fields.revenue?.header).toBe("Reveune");
    expect(m.fields.revenue?.reason).toMatch(/close to "revenue"/);
    expect(m.fields.owner?.header).toBe("Acount manager");
    expect(m.fields.owner?.confidence).toBeLessThan(1);
    expect(m.fields.account?.header).toBe("Acount");
  });

  it("does not take an unrelated header for a close spelling", () => {
    const m = detectMapping(
      at([
        ["Account", "Venue", "Revisions"],
        ["A", "Hall", 2],
      ]),
    );
    expect(m.fields.revenue).toBeUndefined();
  });
});

describe("the totals row", () => {
  const rows = (tail: unknown[][]) => [["Account", "Revenue"], ["A", 100], ["B", 200], ["C", 50], ...tail];

  it("is the last named row, with a notes row after it", () => {
    const input = at(
      rows([
        ["Total", 350],
        ["Source: CRM export, 1 Dec", null],
      ]),
    );
    const t = validateAccounts(input, detectMapping(input));
    expect(t.labels.account).toEqual(["A", "B", "C", "Source: CRM export, 1 Dec"]);
    expect(t.summary.ignoredTotals).toBe(1);
    expect(t.issues.find((i) => i.code === "totals_row")!.cell).toBe("'Key accounts'!A5");
  });

  it("is found as the last but one named row, and not further up", () => {
    const lastButOne = at(
      rows([
        ["Total", 350],
        ["Z", 10],
      ]),
    );
    expect(validateAccounts(lastButOne, detectMapping(lastButOne)).summary.ignoredTotals).toBe(1);
    const higher = at(
      rows([
        ["Total", 350],
        ["Y", 5],
        ["Z", 10],
      ]),
    );
    const t = validateAccounts(higher, detectMapping(higher));
    expect(t.summary.ignoredTotals).toBe(0);
    expect(t.labels.account).toContain("Total");
  });

  it("is kept as an account when the analyst says the last rows are accounts", () => {
    const input = at(rows([["Total Energies", 350]]));
    const t = validateAccounts(input, detectMapping(input), { totalsRow: "keep" });
    expect(t.labels.account).toContain("Total Energies");
    expect(t.summary.ignoredTotals).toBe(0);
  });
});
