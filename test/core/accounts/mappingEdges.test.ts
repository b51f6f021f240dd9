/**
 * detectMapping and applyOverrides at the edges the mutation run of src/core found untested (issue 21): the
 * confidence and reason of each kind of match (exact synonym 1, a synonym inside the header 0.8, a close spelling
 * 0.6, a column titled by its year 0.7, by content 0.5 and 0.4), how many typos a close spelling may carry, the
 * content rules, which columns are offered as criteria, and what the analyst's choices replace.
 */
import { describe, expect, it } from "vitest";
import { applyOverrides, detectMapping, firstOfName, type TableInput } from "../../../src/core";

const at = (values: unknown[][], extra: Partial<TableInput> = {}): TableInput => ({
  sheet: "KA",
  top: 0,
  left: 0,
  values,
  ...extra,
});
const headerOf = (m: ReturnType<typeof detectMapping>) =>
  Object.fromEntries(Object.entries(m.fields).map(([f, c]) => [f, c!.header]));

describe("how sure each kind of match is, and why", () => {
  it("an exact synonym 1, a synonym inside a longer header 0.8, a close spelling 0.6", () => {
    const m = detectMapping(
      at([
        ["Client", "Account owner name", "Turnovr"],
        ["Acme", "Ann", 100],
      ]),
    );
    expect(m.fields).toEqual({
      account: { column: 0, header: "Client", confidence: 1, reason: 'header "Client" names Account' },
      owner: {
        column: 1,
        header: "Account owner name",
        confidence: 0.8,
        reason: 'header "Account owner name" contains "owner"',
      },
      revenue: { column: 2, header: "Turnovr", confidence: 0.6, reason: 'header "Turnovr" is close to "turnover"' },
    });
  });

  it("an exact match wins over a contained one for the same column, whatever the order of the synonyms", () => {
    // "account manager" is an exact owner synonym; "account" inside it would make it the account column at 0.8
    const m = detectMapping(
      at([
        ["Account manager", "Firm"],
        ["Ann", "Acme"],
        ["Bob", "Bolt"],
      ]),
    );
    expect(m.fields.owner).toEqual({
      column: 0,
      header: "Account manager",
      confidence: 1,
      reason: 'header "Account manager" names Account manager',
    });
  });

  it("a lone column titled by its year is the revenue, at 0.7", () => {
    const m = detectMapping(
      at([
        ["Account", "Owner", "2025"],
        ["Acme", "Ann", 100],
      ]),
    );
    expect(m.fields.revenue).toEqual({
      column: 2,
      header: "2025",
      confidence: 0.7,
      reason: '"2025" is a column titled by its year',
    });
    expect(m.fields.priorRevenue).toBeUndefined();
  });

  it("of three revenue years, the latest is revenue and the next prior revenue, at 0.9; the oldest is a candidate", () => {
    const m = detectMapping(
      at([
        ["Account", "Revenue 2024", "Revenue 2025", "Revenue 2023"],
        ["Acme", 100, 120, 90],
      ]),
    );
    expect(m.fields.revenue).toEqual({
      column: 2,
      header: "Revenue 2025",
      confidence: 0.9,
      reason: 'the later of two revenue years ("Revenue 2025")',
    });
    expect(m.fields.priorRevenue).toEqual({
      column: 1,
      header: "Revenue 2024",
      confidence: 0.9,
      reason: 'the earlier of two revenue years ("Revenue 2024")',
    });
    expect(m.numericColumns).toEqual([3]);
    expect(m.fields.account?.confidence).toBe(1);
  });

  it("bare years are not read as revenue where a header names the revenue", () => {
    const m = detectMapping(
      at([
        ["Account", "Revenue", "2024"],
        ["Acme", 100, 90],
      ]),
    );
    expect(headerOf(m)).toEqual({ account: "Account", revenue: "Revenue" });
    expect(m.numericColumns).toEqual([2]);
  });

  it("a year that is no plausible year (1850) does not title a revenue column", () => {
    const m = detectMapping(
      at([
        ["Account", "Owner", "Segment", "Region", "1850"],
        ["Acme", "Ann", "Large", "North", 100],
      ]),
    );
    expect(m.headerRow).toBe(0);
    expect(m.fields.revenue).toBeUndefined();
    expect(m.numericColumns).toEqual([4]);
  });
});

/** The headers detectMapping gives a one-column table headed `header` beside "Account". */
const mapped = (header: string) =>
  headerOf(
    detectMapping(
      at([
        ["Account", header],
        ["Acme", 5],
      ]),
    ),
  );

describe("close spellings", () => {
  it("allow one typo in a synonym of 5–7 letters", () => {
    expect(mapped("Revnue")).toEqual({ account: "Account", revenue: "Revnue" });
    expect(mapped("Rvnue")).toEqual({ account: "Account" });
    // a swap of two neighbouring letters is one typo
    expect(mapped("Marign")).toEqual({ account: "Account", grossMargin: "Marign" });
  });

  it("allow two typos from 8 letters, not three", () => {
    expect(mapped("Acount managr")).toEqual({ account: "Account", owner: "Acount managr" });
    expect(mapped("Acont managr")).toEqual({ account: "Account" });
    // two swaps in a 15-letter synonym
    expect(mapped("Raltionship strnegth")).toEqual({ account: "Account" });
    expect(mapped("Relatoinship strnegth")).toEqual({ account: "Account", relationship: "Relatoinship strnegth" });
  });

  it("allow none below 5 letters", () => {
    expect(mapped("Npx")).toEqual({ account: "Account" });
    expect(mapped("Arrr")).toEqual({ account: "Account" });
  });

  it("do not take a header much shorter or longer than the synonym", () => {
    expect(mapped("Revenue growth by channel")).toEqual({ account: "Account", revenue: "Revenue growth by channel" });
    expect(
      detectMapping(
        at([
          ["Account", "Revenue growth by channel"],
          ["Acme", 5],
        ]),
      ).fields.revenue?.confidence,
    ).toBe(0.8);
    expect(mapped("Sales tax")).toEqual({ account: "Account", revenue: "Sales tax" });
  });
});

describe("matches by content, for fields no header names", () => {
  it("the account: a column of distinct text, at 0.5", () => {
    const m = detectMapping(
      at([
        ["Partner", "Revenue"],
        ["Acme", 1],
        ["Bolt", 2],
        ["Cargo", 3],
      ]),
    );
    expect(m.fields.account).toEqual({
      column: 0,
      header: "Partner",
      confidence: 0.5,
      reason: '"Partner" holds distinct text in every row',
    });
  });

  it("not a column where text repeats or numbers are mixed in", () => {
    const repeated = detectMapping(
      at([
        ["Partner", "Revenue"],
        ["Acme", 1],
        ["Acme", 2],
        ["Bolt", 3],
      ]),
    );
    expect(repeated.fields.account).toBeUndefined();
    const mixed = detectMapping(
      at([
        ["Partner", "Revenue"],
        ["Acme", 1],
        [17, 2],
        ["Bolt", 3],
      ]),
    );
    expect(mixed.fields.account).toBeUndefined();
  });

  it("NPS: five or more whole answers 0–10 reaching above 5 under a score header, at 0.4", () => {
    const table = (answers: unknown[]) =>
      at([["Account", "Survey result score"], ...answers.map((a, i) => [`A${i + 1}`, a])]);
    expect(detectMapping(table([9, 10, 6, 8, 3])).fields.nps).toEqual({
      column: 1,
      header: "Survey result score",
      confidence: 0.4,
      reason: '"Survey result score" holds whole numbers 0–10, like NPS answers',
    });
    expect(detectMapping(table([9, 10, 6, 8])).fields.nps).toBeUndefined(); // four answers
    expect(detectMapping(table([9, 10, 6, 8, 11])).fields.nps).toBeUndefined(); // 11 is no answer
    expect(detectMapping(table([9, 10, 6, 8, 7.5])).fields.nps).toBeUndefined(); // nor is 7.5
    expect(detectMapping(table([1, 2, 3, 4, 5, 5])).fields.nps).toBeUndefined(); // a 1–5 rating
    expect(detectMapping(table([0, 0, 0, 6, 0])).fields.nps?.column).toBe(1); // 6 is above 5
  });

  it("the gross margin: a column formatted as a percentage under a margin header, at 0.5", () => {
    const input = at(
      [
        ["Account", "GM ratio", "Win ratio"],
        ["Acme", 0.3, 0.5],
      ],
      {
        numberFormats: [
          ["General", "General", "General"],
          ["General", "0.0%", "0%"],
        ],
      },
    );
    const m = detectMapping(input);
    expect(m.fields.grossMargin).toEqual({
      column: 1,
      header: "GM ratio",
      confidence: 0.5,
      reason: '"GM ratio" is formatted as a percentage',
    });
    const plain = detectMapping({ ...input, numberFormats: undefined });
    expect(plain.fields.grossMargin).toBeUndefined();
    expect(plain.numericColumns).toEqual([1, 2]);
  });
});

describe("the columns offered as criteria", () => {
  it("are unmapped, named columns with numbers in at least 9 of 10 filled cells", () => {
    const rows = Array.from({ length: 10 }, (_, i) => [
      `A${i + 1}`,
      i,
      i === 0 ? "n/a" : i, // 9 of 10 numbers
      i < 2 ? "n/a" : i, // 8 of 10
      i,
      null,
    ]);
    const m = detectMapping(at([["Account", "Fit", "Access", "Volume", "", "Empty"], ...rows]));
    expect(m.numericColumns).toEqual([1, 2]);
  });
});

describe("firstOfName", () => {
  it("gives each column the first column of its name, case aside; blank names are never the same", () => {
    expect(firstOfName(["Revenue", "", "revenue", "", "NPS", "REVENUE"])).toEqual([0, 1, 0, 3, 4, 0]);
  });
});

describe("applyOverrides", () => {
  const input = at([
    ["Account", "Revenue", "Prior revenue", "Fit", "Access"],
    ["Acme", 100, 90, 4, 3],
  ]);
  const detected = () => detectMapping(input);

  it("sets a field with certainty, and a column then serves that field only", () => {
    const m = applyOverrides(detected(), { fields: { revenue: 2 } });
    expect(m.fields.revenue).toEqual({ column: 2, header: "Prior revenue", confidence: 1, reason: "set by you" });
    expect(m.fields.priorRevenue).toBeUndefined();
    expect(m.fields.account?.column).toBe(0);
  });

  it("removes a field set to none, and says why each choice holds when told", () => {
    const m = applyOverrides(detected(), {
      fields: { priorRevenue: null, nps: 4 },
      criteria: [{ column: 3, weight: 2 }],
      reason: "saved in this workbook",
    });
    expect(m.fields.priorRevenue).toBeUndefined();
    expect(m.fields.nps).toEqual({ column: 4, header: "Access", confidence: 1, reason: "saved in this workbook" });
    expect(m.criteria).toEqual([
      { column: 3, header: "Fit", confidence: 1, reason: "saved in this workbook", weight: 2 },
    ]);
  });

  it("names criteria chosen by the analyst, a column beyond the headers with an empty name", () => {
    const mapping = detected();
    const m = applyOverrides(mapping, {
      criteria: [
        { column: 4, weight: 1 },
        { column: 7, weight: 0.5 },
      ],
    });
    expect(m.criteria).toEqual([
      { column: 4, header: "Access", confidence: 1, reason: "chosen by you", weight: 1 },
      { column: 7, header: "", confidence: 1, reason: "chosen by you", weight: 0.5 },
    ]);
    expect(applyOverrides(mapping, { fields: { owner: 9 } }).fields.owner?.header).toBe("");
  });

  it("keeps the detected criteria when none are given", () => {
    const withCriteria = applyOverrides(detected(), { criteria: [{ column: 3, weight: 1 }] });
    expect(applyOverrides(withCriteria, { fields: { nps: 4 } }).criteria).toEqual(withCriteria.criteria);
  });
});

describe("close spellings at their limits", () => {
  it("give an 8-letter synonym two typos and a 5-letter one a swap", () => {
    // "Trnovr": "turnover" without its u and e
    expect(mapped("Trnovr")).toEqual({ account: "Account", revenue: "Trnovr" });
    expect(mapped("Saels")).toEqual({ account: "Account", revenue: "Saels" });
  });

  it("are not words two edits away that only share letters with a synonym", () => {
    // a salsa and a salle are two edits from "sales", "Rveneu" two swaps from "revenue": none is a typo of one
    expect(mapped("Salsa")).toEqual({ account: "Account" });
    expect(mapped("Salle")).toEqual({ account: "Account" });
    expect(mapped("Rveneu")).toEqual({ account: "Account" });
  });

  it("read a 3-letter synonym inside a header, but not a 2-letter one", () => {
    const m = detectMapping(
      at([
        ["Account", "Net ARR", "GM ratio"],
        ["Acme", 5, 0.3],
      ]),
    );
    expect(m.fields.revenue).toEqual({
      column: 1,
      header: "Net ARR",
      confidence: 0.8,
      reason: 'header "Net ARR" contains "arr"',
    });
    expect(m.fields.grossMargin).toBeUndefined();
  });
});

describe("years in headers", () => {
  it("title a column only when the header is four digits", () => {
    const m = detectMapping(
      at([
        ["Account", "Owner", "2025.0", "02024"],
        ["Acme", "Ann", 100, 90],
      ]),
    );
    expect(headerOf(m)).toEqual({ account: "Account", owner: "Owner" });
  });

  it("of two revenue years, leave the other fields as named", () => {
    const m = detectMapping(
      at([
        ["Account", "Revenue FY24", "Revenue FY25", "Owner"],
        ["Acme", 90, 100, "Ann"],
      ]),
    );
    expect(m.fields.account).toEqual({
      column: 0,
      header: "Account",
      confidence: 1,
      reason: 'header "Account" names Account',
    });
    expect(m.fields.owner?.confidence).toBe(1);
  });
});

describe("content rules at their thresholds", () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `Company ${i + 1}`);

  it("an account column may hold one number in ten, and repeat one name in ten", () => {
    const withId = names(9)
      .concat(["4711"])
      .map((v, i) => [i === 9 ? 4711 : v, i]);
    expect(detectMapping(at([["Partner", "Revenue"], ...withId])).fields.account?.column).toBe(0);
    const repeated = names(9)
      .concat(["Company 1"])
      .map((v, i) => [v, i]);
    expect(detectMapping(at([["Partner", "Revenue"], ...repeated])).fields.account?.column).toBe(0);
  });

  it("names that differ only in case or spaces are the same name", () => {
    const m = detectMapping(
      at([
        ["Partner", "Revenue"],
        ["Acme", 1],
        ["acme ", 2],
        ["Bolt", 3],
      ]),
    );
    expect(m.fields.account).toBeUndefined();
  });

  it("an empty column is no account column, and a column taken by name is not read again by content", () => {
    const m = detectMapping(
      at([
        ["Notes", "Owner", "Partner", "Revenue"],
        [null, "Ann", "Acme", 1],
        [null, "Bob", "Bolt", 2],
      ]),
    );
    expect(m.fields.account).toMatchObject({ column: 2, header: "Partner", confidence: 0.5 });
    expect(m.fields.owner).toMatchObject({ column: 1, confidence: 1 });
  });

  it("NPS by content: a negative answer is no answer, and a named NPS column is not replaced", () => {
    const table = (header: string, answers: unknown[], extra?: unknown[]) =>
      at([
        ["Account", header, ...(extra ? ["Survey score"] : [])],
        ...answers.map((a, i) => [`A${i + 1}`, a, ...(extra ? [extra[i]] : [])]),
      ]);
    expect(detectMapping(table("Survey score", [-1, 9, 10, 6, 8])).fields.nps).toBeUndefined();
    const named = detectMapping(table("NPS", [9, 10, 6, 8, 7], [1, 2, 3, 9, 10]));
    expect(named.fields.nps).toMatchObject({ column: 1, header: "NPS", confidence: 1 });
    expect(named.numericColumns).toEqual([2]);
  });

  it("reads at most 500 rows of a column", () => {
    // 500 answers 0–10, then an 11 in row 501 below the header: the first 500 decide
    const answers = [...Array.from({ length: 500 }, (_, i) => i % 11), 11];
    const m = detectMapping(at([["Account", "Survey score"], ...answers.map((a, i) => [`A${i + 1}`, a])]));
    expect(m.fields.nps?.column).toBe(1);
  });

  it("a percentage format is looked for in the first data row only, which may have no formats", () => {
    const m = detectMapping(
      at(
        [
          ["Account", "GM ratio"],
          ["Acme", 0.3],
        ],
        { numberFormats: [["General", "General"]] },
      ),
    );
    expect(m.fields.grossMargin).toBeUndefined();
  });
});

describe("the header row as read", () => {
  it("no header row: nothing mapped and no headers", () => {
    expect(
      detectMapping(
        at([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toEqual({ headerRow: -1, headers: [], fields: {}, criteria: [], numericColumns: [] });
  });

  it("headers are trimmed", () => {
    const m = detectMapping(
      at([
        [" Account ", "Revenue  "],
        ["Acme", 1],
      ]),
    );
    expect(m.headers).toEqual(["Account", "Revenue"]);
  });

  it("of two exact names for one field, the left one wins", () => {
    const m = detectMapping(
      at([
        ["Account", "Sales", "Revenue"],
        ["Acme", 1, 2],
      ]),
    );
    expect(m.fields.revenue).toMatchObject({ column: 1, header: "Sales" });
    expect(m.numericColumns).toEqual([2]);
  });

  it("the copy of a header serves no field, not even one its first column gave up", () => {
    // "Account manager" is the owner (exact) and would be the account at 0.8; its copy must not become the account
    const m = detectMapping(
      at([
        ["Account manager", "Revenue", "Account manager"],
        ["Ann", 1, "x"],
        ["Ann", 2, "x"],
      ]),
    );
    expect(headerOf(m)).toEqual({ owner: "Account manager", revenue: "Revenue" });
    expect(m.fields.owner?.column).toBe(0);
  });
});

describe("the product block after the analyst's choices", () => {
  const input = at([
    ["Account", "Revenue", "Products", "Product: Fleet", "Product: Cloud"],
    ["Acme", 100, 2, 60, 40],
  ]);
  const detected = () => detectMapping(input);

  it("a chosen block says why, and takes its columns from the fields it did not set", () => {
    const m = applyOverrides(detected(), { productColumns: [2, 3, 4] });
    expect(m.productBlock).toEqual([
      { column: 2, header: "Products", product: "Products", confidence: 1, reason: "chosen by you" },
      { column: 3, header: "Product: Fleet", product: "Fleet", confidence: 1, reason: "chosen by you" },
      { column: 4, header: "Product: Cloud", product: "Cloud", confidence: 1, reason: "chosen by you" },
    ]);
    expect(m.fields.products).toBeUndefined();
    expect(m.fields.revenue?.column).toBe(1);
  });

  it("a column the same choices give a field, or a criterion reads, leaves the block", () => {
    const m = applyOverrides(detected(), {
      productColumns: [2, 3, 4],
      fields: { products: 2 },
      criteria: [{ column: 4, weight: 1 }],
    });
    expect(m.productBlock?.map((p) => p.column)).toEqual([3]);
    expect(m.fields.products).toMatchObject({ column: 2, confidence: 1 });
  });
});

describe("the best match per field", () => {
  it("is the surest of its synonyms: an exact name beats a word it contains, whichever synonym comes first", () => {
    // "revenue" inside "Annual revenue" (0.8) comes before the exact synonym "annual revenue" (1)
    const m = detectMapping(
      at([
        ["Account", "Annual revenue"],
        ["Acme", 5],
      ]),
    );
    expect(m.fields.revenue).toEqual({
      column: 1,
      header: "Annual revenue",
      confidence: 1,
      reason: 'header "Annual revenue" names Revenue',
    });
  });

  it("one revenue with a year is this period's revenue, and no other column becomes the prior one", () => {
    const m = detectMapping(
      at([
        ["Account", "Revenue 2025"],
        ["Acme", 5],
      ]),
    );
    expect(m.fields).toEqual({
      account: { column: 0, header: "Account", confidence: 1, reason: 'header "Account" names Account' },
      revenue: { column: 1, header: "Revenue 2025", confidence: 1, reason: 'header "Revenue 2025" names Revenue' },
    });
  });

  it("a bare year is no revenue where a header names the prior revenue", () => {
    const m = detectMapping(
      at([
        ["Account", "Prior revenue", "2025"],
        ["Acme", 5, 6],
      ]),
    );
    expect(headerOf(m)).toEqual({ account: "Account", priorRevenue: "Prior revenue" });
    expect(m.numericColumns).toEqual([2]);
  });
});
