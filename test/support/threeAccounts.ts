import type { Cell } from "../../samples/telecomAccounts";

/**
 * Three accounts with every column a report reads (revenue and prior revenue, NPS, strength, status, two criteria, two
 * products), one churned: the smallest table that fills every sheet of the report.
 */
export const THREE_ACCOUNTS: Cell[][] = [
  // prettier-ignore
  ["Account", "Revenue FY25", "Prior revenue", "NPS", "Relationship strength", "Status", "Growth potential",
    "Strategic fit", "Product: Cloud", "Product: Voice"],
  ["Atlas", 1000, 900, 9, 4, "Active", 5, 4, 600, 400],
  ["Borealis", 500, 600, 3, 2, "Churned", 2, 1, null, 500],
  ["Cygnus", 800, 700, 7, 5, "Active", 4, 5, 800, null],
];
/** The day the reports over THREE_ACCOUNTS are built. */
export const REPORT_DAY = new Date(Date.UTC(2026, 0, 2));
