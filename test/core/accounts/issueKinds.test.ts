import { describe, expect, it } from "vitest";
import { groupIssues, ISSUE_KINDS, validateAccounts, detectMapping, type TableInput } from "../../../src/core";
import { messyAccounts } from "../../fixtures/messyAccounts";

describe("groupIssues", () => {
  it("groups the account model's issues by kind, errors first, each issue kept once and in reading order", () => {
    const table = validateAccounts(messyAccounts, detectMapping(messyAccounts));
    const groups = groupIssues(table.issues);
    expect(groups.flatMap((g) => g.issues)).toHaveLength(table.issues.length);
    expect(new Set(groups.flatMap((g) => g.issues))).toEqual(new Set(table.issues));
    const severities = groups.map((g) => g.severity);
    expect(severities).toEqual([...severities].sort()); // "error" < "warning"
    for (const g of groups) {
      expect(g.issues.every((i) => i.code === g.code && i.severity === g.severity)).toBe(true);
      expect(g.label).toBe(ISSUE_KINDS[g.code]);
      const order = g.issues.map((i) => table.issues.indexOf(i));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it("counts repeated kinds together: two bad numbers and a repeated account", () => {
    const input: TableInput = {
      sheet: "Account Data",
      top: 0,
      left: 0,
      values: [
        ["Account", "Revenue"],
        ["Acme", 5],
        ["Bolt", "lots"],
        ["Acme", 12],
        ["Cato", "n/a?"],
      ],
    };
    const groups = groupIssues(validateAccounts(input, detectMapping(input)).issues);
    expect(groups.map((g) => [g.label, g.issues.map((i) => i.cell)])).toEqual([
      ["Not a number", ["'Account Data'!B3", "'Account Data'!B5"]],
      ["Repeated account", ["'Account Data'!A4"]],
    ]);
  });
});
