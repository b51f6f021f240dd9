import type { AccountIssue } from "./table";

/** Each issue code in a few words, for a heading over the issues of that kind (the taskpane, the Issues sheet). */
export const ISSUE_KINDS: Readonly<Record<AccountIssue["code"], string>> = {
  single_cell: "One cell selected",
  no_header: "No header row",
  no_data: "No data rows",
  missing_column: "Missing column",
  no_header_name: "Column without a header",
  duplicate_header: "Repeated header",
  hidden_column: "Hidden column",
  hidden_rows: "Hidden rows",
  not_a_number: "Not a number",
  error_value: "Excel error value",
  out_of_range: "Out of range",
  missing_account: "No account name",
  duplicate_account: "Repeated account",
  bad_status: "Unclear status",
  bad_flag: "Unclear yes or no",
  totals_row: "Totals row",
};

/** The issues of one kind and severity, in the order they were found. */
export interface IssueGroup {
  readonly code: AccountIssue["code"];
  readonly label: string;
  readonly severity: AccountIssue["severity"];
  readonly issues: readonly AccountIssue[];
}

/**
 * Issues grouped by kind and severity: errors (rows left out) before warnings, and within each in the order their
 * first issue was found, which is the table's reading order.
 */
export function groupIssues(issues: readonly AccountIssue[]): IssueGroup[] {
  const groups = new Map<
    string,
    { code: AccountIssue["code"]; severity: AccountIssue["severity"]; issues: AccountIssue[] }
  >();
  for (const issue of issues) {
    const key = `${issue.severity}:${issue.code}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { code: issue.code, severity: issue.severity, issues: [] }));
    group.issues.push(issue);
  }
  const all = [...groups.values()].map((g) => ({ ...g, label: ISSUE_KINDS[g.code] }));
  return [...all.filter((g) => g.severity === "error"), ...all.filter((g) => g.severity === "warning")];
}
