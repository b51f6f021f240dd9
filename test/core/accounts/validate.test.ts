import { describe, expect, it } from "vitest";
import { applyOverrides, availableFeatures, detectMapping, validateAccounts, type TableInput } from "../../../src/core";
import { messyAccounts } from "../../fixtures/messyAccounts";

/** A selection at A1 of a sheet, as the adapter hands it over. */
const sheetTable = (values: unknown[][], sheet = "S"): TableInput => ({ sheet, top: 0, left: 0, values });

describe("detectMapping on a messy table", () => {
  const mapping = () => detectMapping(messyAccounts);

  it("finds the header below the title and blank rows", () => {
    expect(mapping().headerRow).toBe(2);
  });

  it("maps columns by synonyms, year tags and close spellings", () => {
    const detected = mapping();
    const columns = Object.fromEntries(Object.entries(detected.fields).map(([f, m]) => [f, m!.column]));
    expect(columns).toEqual({
      account: 0,
      owner: 1,
      segment: 2,
      priorRevenue: 3,
      revenue: 4,
      grossMargin: 5,
      status: 6,
      nps: 7,
      products: 8,
    });
    expect(detected.fields.revenue!.reason).toBe('the later of two revenue years ("Revenue FY25")');
    expect(detected.numericColumns).toEqual([9, 10]);
  });

  it("switches features on and off with reasons", () => {
    const features = availableFeatures(mapping());
    expect(features.find((f) => f.feature === "Segmentation matrix")).toEqual({
      feature: "Segmentation matrix",
      available: false,
      reason: "needs attractiveness criteria and Relationship strength",
    });
    expect(features.find((f) => f.feature === "NPS")).toEqual({ feature: "NPS", available: true });
  });
});

describe("validateAccounts on a messy table", () => {
  const mapping = () =>
    applyOverrides(detectMapping(messyAccounts), {
      criteria: [
        { column: 9, weight: 2 },
        { column: 10, weight: 1 },
      ],
    });
  const validated = () => validateAccounts(messyAccounts, mapping());

  it("reports every problem with its cell, field, value and expectation", () => {
    expect(validated().issues).toEqual([
      {
        code: "hidden_column",
        severity: "warning",
        cell: "'Account Data'!E4",
        field: "Prior revenue",
        message: "Column E (Prior revenue) is hidden; it was read like the others.",
      },
      {
        code: "error_value",
        severity: "error",
        cell: "'Account Data'!F7",
        field: "Revenue",
        value: "#N/A",
        message: "Revenue is the error #N/A; expected a number.",
      },
      {
        code: "not_a_number",
        severity: "error",
        cell: "'Account Data'!F9",
        field: "Revenue",
        value: "1.234,5",
        message:
          'Revenue is the text "1.234,5" (a decimal comma, but this workbook writes a decimal point: enter it as a number); expected a number.',
      },
      {
        code: "bad_status",
        severity: "error",
        cell: "'Account Data'!H9",
        field: "Status",
        value: "maybe",
        message: 'Status is the text "maybe"; expected a status such as active/churned, or yes/no.',
      },
      {
        code: "out_of_range",
        severity: "error",
        cell: "'Account Data'!I9",
        field: "NPS",
        value: 11,
        message: "NPS is 11; NPS answers run from 0 to 10.",
      },
      {
        code: "duplicate_account",
        severity: "error",
        cell: "'Account Data'!B10",
        field: "Account",
        value: "Acme GmbH",
        message: '"Acme GmbH" appears again (first in row 5); each account must appear once. This row was left out.',
      },
      {
        code: "totals_row",
        severity: "warning",
        cell: "'Account Data'!B12",
        field: "Account",
        value: "Total",
        message: 'Row 12 ("Total") looks like a totals row; it was left out. If it is an account, keep the last rows.',
      },
    ]);
  });

  it("keeps good rows, reads text numbers and percentages, and counts what it left out", () => {
    const table = validated();
    expect(table.summary).toEqual({ read: 8, accepted: 3, rejected: 3, ignoredBlank: 1, ignoredTotals: 1 });
    expect(table.labels.account).toEqual(["Acme GmbH", "Globex", "Hooli"]);
    expect(Array.from(table.sourceRows)).toEqual([4, 5, 10]);
    expect(Array.from(table.numbers.priorRevenue!)).toEqual([1200000, 450000, 0]);
    expect(Array.from(table.numbers.grossMargin!)).toEqual([0.32, 0.28, 0.4]);
    expect(Array.from(table.status!)).toEqual([0, 1, 0]);
    expect(Array.from(table.numbers.nps!)).toEqual([9, 4, Number.NaN]);
    expect(table.labels.owner).toEqual(["Lena", "Tom", null]);
    expect(Array.from(table.criteria[0].values)).toEqual([5, 2, 4]);
    expect(table.npsScale).toBe("survey");
    expect(table.marginBasis).toBe("percent");
  });
});

describe("whole-table problems", () => {
  const base = { sheet: "Sheet1", top: 0, left: 0 };
  it("a single cell, a header only, no header, no account column", () => {
    const single: TableInput = { ...base, values: [["Acme"]] };
    expect(validateAccounts(single, detectMapping(single)).issues[0]).toMatchObject({
      code: "single_cell",
      cell: "Sheet1!A1:A1",
    });
    const headerOnly: TableInput = {
      ...base,
      values: [
        ["Account", "Revenue"],
        ["", ""],
      ],
    };
    // a table-wide problem names the selection (A1:B2), not one cell
    expect(validateAccounts(headerOnly, detectMapping(headerOnly)).issues[0]).toMatchObject({
      code: "no_data",
      cell: "Sheet1!A1:B2",
      message: "The selection has a header row but no account rows below it.",
    });
    const numbersOnly: TableInput = {
      ...base,
      values: [
        [1, 2],
        [3, 4],
      ],
    };
    expect(validateAccounts(numbersOnly, detectMapping(numbersOnly)).issues[0]).toMatchObject({
      code: "no_header",
      cell: "Sheet1!A1:B2",
      message: expect.stringContaining("No header row found in the first 20 rows"),
    });
    const noAccount: TableInput = {
      ...base,
      values: [
        ["Revenue", "Margin"],
        [1, 2],
      ],
    };
    expect(validateAccounts(noAccount, detectMapping(noAccount)).issues[0]).toMatchObject({
      code: "missing_column",
      field: "account",
      cell: "Sheet1!A1:B2",
      message: 'No column names the account (e.g. "Account", "Customer"): choose it in the column mapping.',
    });
  });

  it("warns about a column with data but no header (a merged header cell)", () => {
    const merged: TableInput = {
      ...base,
      values: [
        ["Account", "Revenue", ""],
        ["Acme", 10, 11],
      ],
    };
    expect(validateAccounts(merged, detectMapping(merged)).issues).toEqual([
      {
        code: "no_header_name",
        severity: "warning",
        cell: "Sheet1!C1",
        message:
          "Column C has data but no header (merged header cells keep their name in the first column only): it was not read.",
      },
    ]);
  });

  it("detects an account-level NPS and a margin given as an amount", () => {
    const t: TableInput = {
      ...base,
      values: [
        ["Customer", "NPS", "Gross margin"],
        ["A", -20, 1000],
        ["B", 45, 2000],
      ],
    };
    const v = validateAccounts(t, detectMapping(t));
    expect([v.npsScale, v.marginBasis, v.count]).toEqual(["account", "amount", 2]);
  });
});

describe("a totals row with no label", () => {
  it("is recognised by its revenue being the sum of the rows above", () => {
    const t = sheetTable(
      [
        ["Account", "Revenue"],
        ["A", 100],
        ["B", 250],
        ["C", 50],
        ["", 400],
      ].map((r, i) => (i === 4 ? ["All accounts", 400] : r)),
      "Sheet1",
    );
    const v = validateAccounts(t, detectMapping(t));
    expect(v.labels.account).toEqual(["A", "B", "C"]);
    expect(v.summary).toEqual({ read: 4, accepted: 3, rejected: 0, ignoredBlank: 0, ignoredTotals: 1 });
    expect(v.issues).toEqual([
      {
        code: "totals_row",
        severity: "warning",
        cell: "Sheet1!B5",
        field: "Revenue",
        value: 400,
        message:
          "Row 5 has a revenue equal to the sum of the rows above: it looks like a totals row and was left out. " +
          "If it is an account, keep the last rows.",
      },
    ]);
  });
});

describe("a last row that only looks like a sum", () => {
  it.each([
    ["two equal accounts around a zero", [500, 0, 500]],
    ["one dominant account and a tiny one lost in rounding", [1e9, 1e-300, 1e9]],
  ])("is kept: %s", (_, revenues) => {
    const t = sheetTable([["Account", "Revenue"], ...revenues.map((r, i) => [`Account ${i + 1}`, r])], "Sheet1");
    const v = validateAccounts(t, detectMapping(t));
    expect(v.count).toBe(3);
    expect(v.issues).toEqual([]);
  });
});

describe("the analyst's word on the last rows", () => {
  it("keeps a last row that looks like a total, labelled or summed, when told to", () => {
    const t = sheetTable(
      [
        ["Account", "Revenue"],
        ["Acme", 100],
        ["Bolt", 250],
        ["Total Energies", 350],
      ],
      "Sheet1",
    );
    const detected = validateAccounts(t, detectMapping(t));
    expect(detected.labels.account).toEqual(["Acme", "Bolt"]);
    expect(detected.issues.map((i) => i.code)).toEqual(["totals_row"]);
    const kept = validateAccounts(t, detectMapping(t), { totalsRow: "keep" });
    expect(kept.labels.account).toEqual(["Acme", "Bolt", "Total Energies"]);
    expect(kept.issues).toEqual([]);
    const summed = { ...t, values: t.values.map((r, i) => (i === 3 ? ["Cargo", 350] : r)) };
    expect(validateAccounts(summed, detectMapping(summed)).count).toBe(2);
    expect(validateAccounts(summed, detectMapping(summed), { totalsRow: "keep" }).count).toBe(3);
  });
});

describe("a German account table", () => {
  it("maps by German headers and fiscal-year tags, and reads German statuses and flags", () => {
    const t: TableInput = {
      sheet: "Kunden",
      top: 0,
      left: 0,
      separators: { decimal: ",", group: "." },
      values: [
        ["Kunde", "Kundenbetreuer", "Branche", "Umsatz GJ24", "Umsatz GJ25", "Deckungsbeitrag %", "Status", "Neukunde"],
        ["Müller GmbH", "Lena Maier", "Maschinenbau", "1.200.000", 1350000, 0.31, "aktiv", "nein"],
        ["Schulz AG", "Jonas Weber", "Chemie", 800000, "750.000", "28 %", "gekündigt", "ja"],
      ],
    };
    const mapping = detectMapping(t);
    const columns = Object.fromEntries(Object.entries(mapping.fields).map(([k, v]) => [k, v?.header]));
    expect(columns).toEqual({
      account: "Kunde",
      owner: "Kundenbetreuer",
      industry: "Branche",
      revenue: "Umsatz GJ25",
      priorRevenue: "Umsatz GJ24",
      grossMargin: "Deckungsbeitrag %",
      status: "Status",
      acquired: "Neukunde",
    });
    const v = validateAccounts(t, mapping);
    expect(v.issues).toEqual([]);
    expect(Array.from(v.numbers.revenue!)).toEqual([1350000, 750000]);
    expect(Array.from(v.numbers.priorRevenue!)).toEqual([1200000, 800000]);
    expect(Array.from(v.numbers.grossMargin!)).toEqual([0.31, 0.28]);
    expect(Array.from(v.status!)).toEqual([0, 1]);
    expect(Array.from(v.acquired!)).toEqual([0, 1]);
  });
});

describe("columns titled by their year", () => {
  const table = (header: unknown[], a: unknown, b: unknown) =>
    sheetTable([["Key account overview"], [], header, ["Acme", "Lena", a, 120], ["Bolt", "Jonas", b, 180]]);

  it("are a header over revenue figures: the later year is revenue, the earlier prior revenue, said with less confidence", () => {
    const m = detectMapping(table(["Account", "Owner", 2024, 2025], 100, 200));
    expect(m.headerRow).toBe(2);
    expect(m.fields.revenue).toMatchObject({ header: "2025", confidence: 0.7 });
    expect(m.fields.priorRevenue).toMatchObject({ header: "2024", confidence: 0.7 });
  });

  it("are data when more years stand below them (a 'customer since' column), so that row is no header", () => {
    const t = sheetTable([["Key account overview"], [], ["Acme", "Lena", 2019, 90], ["Bolt", "Jonas", 2020, 180]]);
    expect(detectMapping(t).headerRow).toBe(-1);
  });
});

describe("a two-row header (a group name merged over its columns)", () => {
  it("combines the group with each column below it, and reads the data from the row after", () => {
    const t = sheetTable([
      ["Account", "Revenue", null, "NPS", null],
      [null, "FY24", "FY25", null, null],
      ["Acme", 100, 120, 8, null],
      ["Bolt", 200, 180, 9, null],
    ]);
    const m = detectMapping(t);
    expect(m.headers).toEqual(["Account", "Revenue FY24", "Revenue FY25", "NPS", ""]);
    expect([m.fields.revenue?.header, m.fields.priorRevenue?.header]).toEqual(["Revenue FY25", "Revenue FY24"]);
    const v = validateAccounts(t, m);
    expect(v.issues).toEqual([]);
    expect(Array.from(v.sourceRows)).toEqual([2, 3]);
    expect(Array.from(v.numbers.revenue!)).toEqual([120, 180]);
  });

  it("is not taken from a first row of accounts under a header with a blank cell", () => {
    const t = sheetTable([
      ["Account", null, "Owner"],
      ["Acme", "x", "Lena"],
      ["Bolt", "y", "Jonas"],
    ]);
    const m = detectMapping(t);
    expect(m.headers).toEqual(["Account", "", "Owner"]);
    expect(validateAccounts(t, m).labels.account).toEqual(["Acme", "Bolt"]);
  });
});

describe("two columns with the same name", () => {
  it("read the first by that name, map the copy to nothing, and say so", () => {
    const t = sheetTable([
      ["Account", "Revenue", "Revenue"],
      ["Acme", 100, 120],
      ["Bolt", 200, 180],
    ]);
    const m = detectMapping(t);
    expect(Object.values(m.fields).map((f) => f!.column)).toEqual([0, 1]);
    expect(validateAccounts(t, m).issues).toEqual([
      {
        code: "duplicate_header",
        severity: "warning",
        cell: "S!C1",
        value: "Revenue",
        message:
          'Column C has the same name as column B ("Revenue"): only column B is read by that name. Rename one, ' +
          "or choose it in the column mapping.",
      },
    ]);
  });
});

describe("short synonyms inside longer headers", () => {
  it("do not map 'Churn risk', 'Active users', 'Contact name' or 'Status date' to status or account", () => {
    const headers = ["Customer", "Contact name", "Churn risk", "Active users", "Status date", "Customer status"];
    const t = sheetTable([headers, ["Acme", "Lena", 3, 40, 45000, "active"]]);
    const m = detectMapping(t);
    expect(Object.fromEntries(Object.entries(m.fields).map(([f, c]) => [f, headers[c!.column]]))).toEqual({
      account: "Customer",
      status: "Customer status",
    });
  });
});

describe("NPS found by content", () => {
  const table = (header: string, answers: number[]) =>
    sheetTable([["Account", header], ...answers.map((a, i) => [`Account ${i + 1}`, a])]);

  it("is a column of 0–10 answers under a score header, not a 1–5 criterion rating", () => {
    expect(detectMapping(table("Survey score", [9, 10, 6, 8, 3, 7])).fields.nps?.header).toBe("Survey score");
    const rating = detectMapping(table("Strategic fit rating", [4, 5, 2, 3, 5, 1]));
    expect(rating.fields.nps).toBeUndefined();
    expect(rating.numericColumns).toEqual([1]);
  });
});
