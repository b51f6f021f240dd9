import { describe, expect, it } from "vitest";
import { groupIssues, ISSUE_KINDS, validateAccounts, detectMapping, type TableInput } from "../../../src/core";
import { messyAccounts } from "../../fixtures/messyAccounts";

describe("groupIssues", () => {
  it("groups the account model's issues by kind, errors first, each issue kept once and in reading order", () => {
    const table = validateAccounts(messyAccounts, detectMapping(messyAccounts));
    const groups = groupIssues(table.issues);
    // The messy table's seven issues (test/core/accounts/validate.test.ts lists them with their cells): the five
    // errors in reading order, then the two warnings, each kind once
    expect(groups.map((g) => [g.code, g.issues.map((i) => i.cell)])).toEqual([
      ["error_value", ["'Account Data'!F7"]],
      ["not_a_number", ["'Account Data'!F9"]],
      ["bad_status", ["'Account Data'!H9"]],
      ["out_of_range", ["'Account Data'!I9"]],
      ["duplicate_account", ["'Account Data'!B10"]],
      ["hidden_column", ["'Account Data'!E4"]],
      ["totals_row", ["'Account Data'!B12"]],
    ]);
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
