/**
 * The CSV reader against a real CSV writer (csv-stringify): any table of accounts written with any of the three
 * delimiters, CRLF or LF, quotes, delimiters and line breaks inside names, reads back as the same accounts, with each
 * row's line in the file.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { detectMapping, validateAccounts } from "../../src/core";
import { detectDelimiter, detectSeparators, readCsvTable } from "../../src/cli/readCsv";

const dir = mkdtempSync(join(tmpdir(), "kam-csv-"));
let n = 0;

const nameChar = fc.constantFrom(..."ab Zé\"',;\t\n\r-=+@".split(""), "\r\n", "GmbH", "Ø");
const name = fc
  .array(nameChar, { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(""))
  .filter((s) => /[A-Za-zéØ]/.test(s));

describe("readCsvTable", () => {
  it("reads back what csv-stringify writes: the same accounts, whatever the delimiter, quotes or line breaks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(name, fc.integer({ min: 0, max: 10_000_000 })), {
          minLength: 1,
          maxLength: 12,
          selector: ([account]) => account.trim().toLowerCase(),
        }),
        fc.constantFrom(",", ";", "\t"),
        fc.constantFrom("unix", "windows") as fc.Arbitrary<"unix" | "windows">,
        fc.boolean(),
        async (accounts, delimiter, eol, bom) => {
          const rows = [["Account", "Revenue"], ...accounts.map(([a, r]) => [a, String(r)])];
          const file = join(dir, `t${n++}.csv`);
          writeFileSync(file, `${bom ? "\uFEFF" : ""}${stringify(rows, { delimiter, record_delimiter: eol })}`);
          const t = await readCsvTable(file);
          expect(t.delimiter).toBe(delimiter);
          expect(t.values).toEqual(rows.map((r) => r.map((v) => (v.trim() === "" ? null : v))));
          // Each row's line: 1 + the line breaks before it.
          let line = 1;
          rows.forEach((r, i) => {
            expect(t.lines[i]).toBe(line);
            line += 1 + r.join("").split(/\r\n|\r|\n/).length - 1;
          });
          const table = validateAccounts(t, detectMapping(t));
          expect(table.labels.account).toEqual(accounts.map(([a]) => a.trim()));
          expect(Array.from(table.numbers.revenue!)).toEqual(accounts.map(([, r]) => r));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("detects the delimiter from the first line, outside quotes", () => {
    expect(detectDelimiter('"a;b;c",x,y\n')).toBe(",");
    expect(detectDelimiter("Kunde;Umsatz;Status\r\n")).toBe(";");
    expect(detectDelimiter("Account\tRevenue\n")).toBe("\t");
    expect(detectDelimiter("Account\n")).toBe(",");
  });

  it("reads decimal commas in a semicolon file where its numbers say so, and the decimal point elsewhere", () => {
    expect(detectSeparators([["1.234,5", "12,5", "7"]], ";")).toEqual({ decimal: ",", group: "." });
    expect(detectSeparators([["1,234.5", "12.5"]], ";")).toEqual({ decimal: ".", group: "," });
    expect(detectSeparators([["12,5"]], ",")).toEqual({ decimal: ".", group: "," });
  });
});
