/**
 * validateAccounts at the edges the mutation run of src/core found untested (issue 21): the wording and cell of each
 * issue kind, the ranges per field, the NPS scale and margin basis detection thresholds, hidden rows listed by sheet
 * row, blanks in status and flag columns, and the totals row found by its sum. Every expected message, cell and value
 * is worked by hand from the table in the test.
 */
import { describe, expect, it } from "vitest";
import {
  applyOverrides,
  detectMapping,
  validateAccounts,
  type ColumnMapping,
  type TableInput,
} from "../../../src/core";

const at = (values: unknown[][], extra: Partial<TableInput> = {}): TableInput => ({
  sheet: "KA",
  top: 0,
  left: 0,
  values,
  ...extra,
});
const validate = (input: TableInput) => validateAccounts(input, detectMapping(input));
const ADVICE = "read like the others. Show them, or select only the rows to use.";

describe("hidden rows", () => {
  const rows = [["Account", "Revenue"], ...Array.from({ length: 8 }, (_, i) => [`A${i + 1}`, 10 * (i + 1)])];

  it("when Excel cannot say which: one warning over the whole selection", () => {
    const t = validate(at(rows, { hiddenRows: "some", top: 4, left: 1 }));
    expect(t.issues).toEqual([
      {
        code: "hidden_rows",
        severity: "warning",
        // 9 rows × 2 columns from B5
        cell: "KA!B5:C13",
        message: `Some rows of the table are hidden (a filter?); they were ${ADVICE}`,
      },
    ]);
  });

  it("names two hidden rows by their sheet row, at the first one's account cell", () => {
    const swapped = rows.map(([a, r]) => [r, a]);
    const t = validate(at(swapped, { hiddenRows: [2, 5], left: 2 }));
    expect(t.issues).toEqual([
      {
        code: "hidden_rows",
        severity: "warning",
        cell: "KA!D3",
        message: `Rows 3, 6 are hidden (a filter?); they were ${ADVICE}`,
      },
    ]);
    expect(t.count).toBe(8);
  });

  it("lists the first five of seven and counts the rest; a hidden header row is no data row", () => {
    const t = validate(at(rows, { hiddenRows: [0, 1, 2, 3, 4, 5, 6, 7] }));
    expect(t.issues.map((i) => [i.cell, i.message])).toEqual([
      ["KA!A2", `Rows 2, 3, 4, 5, 6 and 2 more are hidden (a filter?); they were ${ADVICE}`],
    ]);
  });

  it("six hidden rows: five named and 1 more", () => {
    const t = validate(at(rows, { hiddenRows: [3, 4, 5, 6, 7, 8] }));
    expect(t.issues[0].message).toBe(`Rows 4, 5, 6, 7, 8 and 1 more are hidden (a filter?); they were ${ADVICE}`);
  });

  it("exactly five hidden rows are all named", () => {
    const t = validate(at(rows, { hiddenRows: [4, 5, 6, 7, 8] }));
    expect(t.issues[0].message).toBe(`Rows 5, 6, 7, 8, 9 are hidden (a filter?); they were ${ADVICE}`);
  });

  it("only the header row hidden: no warning", () => {
    expect(validate(at(rows, { hiddenRows: [0] })).issues).toEqual([]);
  });
});

describe("issue wording per kind of column", () => {
  it("a flag that is not yes/no, a label that is a logical value, a negative revenue", () => {
    const t = validate(
      at([
        ["Account", "Owner", "Revenue", "New account"],
        ["A", "Ann", 10, "perhaps"],
        ["B", true, 20, "no"],
        ["C", "Cy", -5, "yes"],
        ["D", "Di", 0, ""],
        ["E", "Ed", 1, "active"],
      ]),
    );
    expect(t.issues).toEqual([
      {
        code: "bad_flag",
        severity: "error",
        cell: "KA!D2",
        field: "Acquired this period",
        value: "perhaps",
        message: 'Acquired this period is the text "perhaps"; expected yes/no, TRUE/FALSE or 1/0.',
      },
      {
        code: "not_a_number",
        severity: "error",
        cell: "KA!B3",
        field: "Account manager",
        value: true,
        message: "Account manager is the logical value TRUE; expected a name or id.",
      },
      {
        code: "out_of_range",
        severity: "error",
        cell: "KA!C4",
        field: "Revenue",
        value: -5,
        message: "Revenue is -5; it cannot be negative.",
      },
      {
        // a status word is no flag: "active" says nothing about being acquired
        code: "bad_flag",
        severity: "error",
        cell: "KA!D6",
        field: "Acquired this period",
        value: "active",
        message: 'Acquired this period is the text "active"; expected yes/no, TRUE/FALSE or 1/0.',
      },
    ]);
    expect(t.labels.account).toEqual(["D"]);
    expect(t.summary).toEqual({ read: 5, accepted: 1, rejected: 4, ignoredBlank: 0, ignoredTotals: 0 });
    // a blank flag is stored as −1, never as 0 (not acquired)
    expect(Array.from(t.acquired!)).toEqual([-1]);
  });

  it("an error value in a status column is error_value, a word it does not know is bad_status", () => {
    const t = validate(
      at([
        ["Account", "Status"],
        ["A", "#REF!"],
        ["B", "paused"],
        ["C", ""],
        ["D", "lost"],
      ]),
    );
    expect(t.issues.map((i) => [i.code, i.cell, i.message])).toEqual([
      ["error_value", "KA!B2", "Status is the error #REF!; expected a status such as active/churned, or yes/no."],
      ["bad_status", "KA!B3", 'Status is the text "paused"; expected a status such as active/churned, or yes/no.'],
    ]);
    expect(t.labels.account).toEqual(["C", "D"]);
    expect(Array.from(t.status!)).toEqual([-1, 1]);
  });

  it("a negative margin, relationship or criterion is read as it is: only amounts and counts cannot be negative", () => {
    const input = at([
      ["Account", "Gross margin", "Relationship", "Fit"],
      ["A", -0.1, -2, -3],
    ]);
    const m = applyOverrides(detectMapping(input), { criteria: [{ column: 3, weight: 1 }] });
    const t = validateAccounts(input, m);
    expect(t.issues).toEqual([]);
    expect([t.numbers.grossMargin![0], t.numbers.relationship![0], t.criteria[0].values[0]]).toEqual([-0.1, -2, -3]);
  });

  it("negative products or share of wallet are out of range", () => {
    const t = validate(
      at([
        ["Account", "Products", "Share of wallet"],
        ["A", -1, 0.5],
        ["B", 2, -0.5],
      ]),
    );
    expect(t.issues.map((i) => [i.cell, i.message])).toEqual([
      ["KA!B2", "Products in use is -1; it cannot be negative."],
      ["KA!C3", "Share of wallet is -0.5; it cannot be negative."],
    ]);
  });

  it("reports a row's problems left to right, whatever order the mapping lists them in", () => {
    const input = at([
      ["Account", "Fit", "Revenue"],
      ["A", "high", "lots"],
    ]);
    const m = applyOverrides(detectMapping(input), { criteria: [{ column: 1, weight: 1 }] });
    expect(validateAccounts(input, m).issues.map((i) => i.cell)).toEqual(["KA!B2", "KA!C2"]);
  });

  it("a criterion without a header is named by its place", () => {
    const input = at([
      ["Account", "Revenue", ""],
      ["A", 1, "x"],
    ]);
    const m = applyOverrides(detectMapping(input), { criteria: [{ column: 2, weight: 1 }] });
    const bad = validateAccounts(input, m).issues.find((i) => i.code === "not_a_number")!;
    expect([bad.field, bad.message]).toEqual(["criterion 1", 'criterion 1 is the text "x"; expected a number.']);
  });
});

describe("rows without an account name", () => {
  it("are an error naming the account cell, unless the row already has one", () => {
    const t = validate(
      at(
        [
          ["Revenue", "Account"],
          [1, "A"],
          [2, ""],
          ["#N/A", null],
          [3, "B"],
        ],
        { top: 2, left: 3 },
      ),
    );
    expect(t.issues).toEqual([
      {
        code: "missing_account",
        severity: "error",
        cell: "KA!E5",
        field: "Account",
        message: "Row 5 has data but no account name.",
      },
      {
        code: "error_value",
        severity: "error",
        cell: "KA!D6",
        field: "Revenue",
        value: "#N/A",
        message: "Revenue is the error #N/A; expected a number.",
      },
    ]);
    expect(Array.from(t.sourceRows)).toEqual([3, 6]);
    expect(t.summary).toEqual({ read: 4, accepted: 2, rejected: 2, ignoredBlank: 0, ignoredTotals: 0 });
  });

  it("a repeated name in another case is a duplicate, naming the row of the first", () => {
    const t = validate(
      at(
        [
          ["Revenue", "Account"],
          [1, "Acme"],
          [2, "Bolt"],
          [3, "ACME"],
          [4, "acme"],
        ],
        { top: 1, left: 1 },
      ),
    );
    const again = (cell: string, name: string) => ({
      code: "duplicate_account",
      severity: "error",
      cell,
      field: "Account",
      value: name,
      message: `"${name}" appears again (first in row 3); each account must appear once. This row was left out.`,
    });
    expect(t.issues).toEqual([again("KA!C5", "ACME"), again("KA!C6", "acme")]);
    expect(t.labels.account).toEqual(["Acme", "Bolt"]);
  });

  it("a row that has an error is not also taken as the first of its name", () => {
    const t = validate(
      at([
        ["Account", "Revenue"],
        ["Acme", "lots"],
        ["Acme", 2],
      ]),
    );
    expect(t.issues.map((i) => i.code)).toEqual(["not_a_number"]);
    expect(Array.from(t.numbers.revenue!)).toEqual([2]);
  });

  it("blank rows are counted, trailing ones are not read", () => {
    const t = validate(
      at([
        ["Account", "Revenue"],
        ["A", 1],
        [null, ""],
        ["B", 2],
        ["", null],
        [null, null],
      ]),
    );
    expect(t.summary).toEqual({ read: 3, accepted: 2, rejected: 0, ignoredBlank: 1, ignoredTotals: 0 });
  });
});

describe("a single cell", () => {
  it("names that cell as the selection, wherever it is", () => {
    const t = validate(at([["Acme"]], { top: 4, left: 2, sheet: "Q1 data" }));
    expect(t.issues).toEqual([
      {
        code: "single_cell",
        severity: "error",
        cell: "'Q1 data'!C5:C5",
        message: "Only one cell is selected: select the whole account table, headers included.",
      },
    ]);
    expect(t.summary).toEqual({ read: 0, accepted: 0, rejected: 0, ignoredBlank: 0, ignoredTotals: 0 });
  });

  it("one row of two cells is no single cell", () => {
    expect(validate(at([["Account", "Revenue"]])).issues.map((i) => i.code)).toEqual(["no_data"]);
  });
});

describe("the NPS scale", () => {
  const npsTable = (answers: number[]) => at([["Account", "NPS"], ...answers.map((a, i) => [`A${i + 1}`, a])]);

  it("is the survey scale with one answer above 10 among ten (a typo), reported", () => {
    const t = validate(npsTable([9, 10, 0, 7, 8, 6, 3, 9, 10, 12]));
    expect(t.npsScale).toBe("survey");
    expect(t.issues.map((i) => [i.cell, i.message])).toEqual([["KA!B11", "NPS is 12; NPS answers run from 0 to 10."]]);
  });

  it("is the account scale with two values beyond 0–10 whole numbers, where -100 and 100 are in range", () => {
    const t = validate(npsTable([9, 10, 35, 7.5, 100, 101]));
    expect(t.npsScale).toBe("account");
    expect(t.issues.map((i) => [i.cell, i.message])).toEqual([
      ["KA!B7", "NPS is 101; an account NPS runs from -100 to 100."],
    ]);
    expect(Array.from(t.numbers.nps!)).toEqual([9, 10, 35, 7.5, 100]);
  });

  it("is the account scale as soon as one value is negative", () => {
    const t = validate(npsTable([5, -100, -101]));
    expect(t.npsScale).toBe("account");
    expect(t.issues.map((i) => i.message)).toEqual(["NPS is -101; an account NPS runs from -100 to 100."]);
  });

  it("needs beyond-scale values in a tenth of the answers once there are more than twenty", () => {
    const survey = Array.from({ length: 30 }, (_, i) => i % 11);
    // 3 of 30 beyond: 3 ≥ max(2, 3) is the account scale; 2 of 30 is not
    expect(validate(npsTable([...survey.slice(0, 27), 20, 30, 40])).npsScale).toBe("account");
    expect(validate(npsTable([...survey.slice(0, 28), 20, 30])).npsScale).toBe("survey");
  });

  it("reads 0 and 10 as survey answers", () => {
    const t = validate(npsTable([0, 10, 5]));
    expect([t.npsScale, t.issues]).toEqual(["survey", []]);
  });
});

describe("the gross margin's basis", () => {
  const margins = (values: unknown[], formats?: string[]) =>
    at([["Account", "Gross margin"], ...values.map((v, i) => [`A${i + 1}`, v])], {
      numberFormats: formats && [["General", "General"], ...formats.map((f) => ["General", f])],
    });

  it("is a percentage when the first data cell is formatted as one, whatever the values", () => {
    expect(validate(margins([35, 40], ["0%", "0%"])).marginBasis).toBe("percent");
    expect(validate(margins([35, 40], ["#,##0", "#,##0"])).marginBasis).toBe("amount");
  });

  it("is an amount as soon as one value is beyond ±1, a share while all are within", () => {
    expect(validate(margins([0.3, 1, -1, 0.2])).marginBasis).toBe("percent");
    expect(validate(margins([0.3, -1.5])).marginBasis).toBe("amount");
    expect(validate(margins(["x", 0.5, 250])).marginBasis).toBe("amount");
  });
});

describe("a totals row found by its sum", () => {
  const revenues = (values: unknown[]) => at([["Account", "Revenue"], ...values.map((v, i) => [`A${i + 1}`, v])]);

  it("skips blank revenues in the sum", () => {
    const t = validate(revenues([100, null, 250, 350]));
    expect(t.labels.account).toEqual(["A1", "A2", "A3"]);
    expect(t.issues.map((i) => [i.cell, i.value])).toEqual([["KA!B5", 350]]);
  });

  it("allows for rounding (1e-9 of the total), not more", () => {
    expect(validate(revenues([0.1, 0.2, 0.30000000000000004])).count).toBe(2);
    expect(validate(revenues([0.1, 0.2, 0.3])).count).toBe(2);
    expect(validate(revenues([100, 200, 300.001])).count).toBe(3);
  });

  it("takes the tolerance relative to the total: 1 in 3·10^9 is rounding, and exactly 10^-9 of it still is", () => {
    expect(validate(revenues([1e9, 2e9, 3000000001])).count).toBe(2);
    // 1e-9 · 1e9 is exactly 1, and 1e9 − (5e8 + 499999999) is exactly 1
    expect(validate(revenues([5e8, 499999999, 1e9])).count).toBe(2);
  });

  it("counts as parts only rows above a billionth of the total", () => {
    // 1e-9 of a total of 1 is not above the tolerance (1e-9): one part only, so the last row is an account
    expect(validate(revenues([1e-9, 0.999999999, 1])).count).toBe(3);
  });

  it("is never a last row of 0, nor a sum with fewer than two parts", () => {
    expect(validate(revenues([0, 0, 0])).count).toBe(3);
    expect(validate(revenues([300, 0, 300])).count).toBe(3);
    expect(validate(revenues([1e-12, 100, 100])).count).toBe(3);
  });
});

describe("hidden columns", () => {
  it("warn once per mapped column, naming the header cell and the field", () => {
    const t = validate(
      at(
        [
          ["Account", "Notes", "Revenue"],
          ["A", "x", 1],
        ],
        { hiddenColumns: [false, true, true], top: 1, left: 1 },
      ),
    );
    expect(t.issues).toEqual([
      {
        code: "hidden_column",
        severity: "warning",
        cell: "KA!D2",
        field: "Revenue",
        message: "Column D (Revenue) is hidden; it was read like the others.",
      },
    ]);
  });
});

describe("a totals row by its label", () => {
  it("is found above notes whose account cell is blank, and named at its account cell", () => {
    const t = validate(
      at(
        [
          ["Region", "Account", "Revenue", "Comment"],
          ["N", "A", 100, ""],
          ["S", "B", 200, ""],
          // a total that is not the sum: the label alone says so
          [null, "Grand total", 999, ""],
          [null, null, null, "exported 1 Dec"],
          [null, null, null, "checked by Ann"],
        ],
        { top: 3, left: 1 },
      ),
    );
    expect(t.labels.account).toEqual(["A", "B"]);
    expect(t.issues).toEqual([
      {
        code: "totals_row",
        severity: "warning",
        cell: "KA!C7",
        field: "Account",
        value: "Grand total",
        message:
          'Row 7 ("Grand total") looks like a totals row; it was left out. If it is an account, keep the last rows.',
      },
    ]);
    expect(t.summary).toEqual({ read: 5, accepted: 2, rejected: 0, ignoredBlank: 2, ignoredTotals: 1 });
  });

  it("is not a name that only starts like one", () => {
    const t = validate(
      at([
        ["Account", "Revenue"],
        ["A", 100],
        ["Totally Fresh Ltd", 300],
      ]),
    );
    expect(t.labels.account).toEqual(["A", "Totally Fresh Ltd"]);
  });
});

describe("what a row holds", () => {
  it("a blank owner after a named one is blank, not the name above", () => {
    const t = validate(
      at([
        ["Account", "Owner"],
        ["A", "Ann"],
        ["B", null],
        ["C", "  "],
      ]),
    );
    expect(t.labels.owner).toEqual(["Ann", null, null]);
  });

  it("no product block: no product revenue in the table at all", () => {
    const t = validate(
      at([
        ["Account", "Revenue"],
        ["A", 1],
      ]),
    );
    expect("productRevenue" in t).toBe(false);
  });
});

describe("a mapping saved earlier, on today's selection", () => {
  const saved = (headerRow: number): ColumnMapping => ({
    headerRow,
    headers: ["Revenue", "Account"],
    fields: {
      account: { column: 1, header: "Account", confidence: 1, reason: "saved in this workbook" },
      revenue: { column: 0, header: "Revenue", confidence: 1, reason: "saved in this workbook" },
    },
    criteria: [],
    numericColumns: [],
  });

  it("without a data row, reads from the row below the header", () => {
    const input = at([["Title"], ["Revenue", "Account"], [5, "A"], [7, "B"]]);
    const t = validateAccounts(input, saved(1));
    expect(Array.from(t.sourceRows)).toEqual([2, 3]);
    expect(Array.from(t.numbers.revenue!)).toEqual([5, 7]);
  });

  it("on a selection that is blank now, says there are no account rows", () => {
    const t = validateAccounts(
      at([
        [null, null],
        [null, ""],
      ]),
      saved(0),
    );
    expect(t.issues.map((i) => [i.code, i.cell])).toEqual([["no_data", "KA!A1:B2"]]);
  });

  it("with the account column's header cleared, reports each row without a name", () => {
    const input = at([
      ["Revenue", null],
      [5, null],
      [7, ""],
    ]);
    const t = validateAccounts(input, { ...saved(0), dataRow: 1 });
    expect(t.issues.map((i) => [i.code, i.cell])).toEqual([
      ["missing_account", "KA!B2"],
      ["missing_account", "KA!B3"],
    ]);
  });

  it("on an empty selection, names A1 as the place to look", () => {
    const empty = at([]);
    const t = validateAccounts(empty, detectMapping(empty));
    expect(t.issues.map((i) => [i.code, i.cell])).toEqual([["no_header", "KA!A1:A1"]]);
  });
});

describe("number formats of part of the selection", () => {
  it("read no percentage where the first data row has no format", () => {
    const t = validate(
      at(
        [
          ["Account", "Gross margin"],
          ["A", 35],
        ],
        { numberFormats: [["General", "0%"]] },
      ),
    );
    expect(t.marginBasis).toBe("amount");
  });
});
