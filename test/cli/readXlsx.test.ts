/**
 * The `kam` command's .xlsx reader: workbooks written here with exceljs, read back as Excel's Office.js hands a
 * selection to the add-in (Range.values and numberFormat: cached formula results, error values as their text, dates as
 * serial numbers, merged cells' value in the top-left cell only), and the files it refuses with one sentence.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/cli/inputError";
import { readXlsxTable } from "../../src/cli/readXlsx";
import { detectMapping, validateAccounts } from "../../src/core";

const dir = mkdtempSync(join(tmpdir(), "kam-readxlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

/** 2019-03-15 as Excel stores it in the 1900 date system: 43,466 is 2019-01-01, plus 31 + 28 + 14 days. */
const MARCH_15_2019 = 43539;
const utcDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/**
 * Sheet "Accounts": a title at C3 over a blank row, a two-row header (Revenue merged over FY24 | FY25) on rows 5-6,
 * accounts on rows 7-9; column J hidden, row 9 hidden (a filter). Sheet "Q4 Notes": a small table at A1.
 */
async function writeAccountsWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Accounts");
  ws.getCell("C3").value = "Key accounts FY25";
  ws.getCell("C3").font = { bold: true, size: 14 };
  const header = ["Account", "Owner", "Revenue", null, "Margin", "Customer since", "Strategic", "Website", "Growth"];
  header.forEach((h, j) => (ws.getRow(5).getCell(3 + j).value = h));
  ws.mergeCells("E5:F5");
  ws.getCell("E6").value = "FY24";
  ws.getCell("F6").value = "FY25";

  ws.getCell("C7").value = "Acme";
  ws.getCell("D7").value = { richText: [{ text: "Ann", font: { bold: true } }, { text: " Lee" }] };
  ws.getCell("E7").value = { error: "#N/A" };
  ws.getCell("F7").value = 120000;
  ws.getCell("G7").value = 0.25;
  ws.getCell("H7").value = utcDate(2019, 3, 15);
  ws.getCell("I7").value = true;
  ws.getCell("J7").value = { text: "acme.com", hyperlink: "https://acme.com" };
  ws.getCell("K7").value = { formula: "F7/E7-1", result: { error: "#N/A" } };

  ws.getCell("C8").value = "Globex";
  ws.getCell("D8").value = "Bo Chen";
  ws.getCell("E8").value = 80000;
  ws.getCell("F8").value = { formula: "E8*1.1", result: 88000 };
  ws.getCell("G8").value = { formula: "0.3", result: 0.3 };
  ws.getCell("I8").value = false;
  ws.getCell("J8").value = "globex.com";
  ws.getCell("K8").value = { formula: "F8/E8-1", result: 0.1, shareType: "shared", ref: "K8:K9" } as ExcelJS.CellValue;

  ws.getCell("C9").value = "Initech";
  ws.getCell("D9").value = { formula: "D7", result: "Ann Lee" };
  ws.getCell("E9").value = 50000;
  ws.getCell("F9").value = { formula: "E9/0", result: { error: "#DIV/0!" } };
  ws.getCell("G9").value = 0.1;
  ws.getCell("I9").value = { formula: "F9>E9", result: false };
  ws.getCell("K9").value = { sharedFormula: "K8", result: -0.05 };

  for (const cell of ["G7", "G8", "G9"]) ws.getCell(cell).numFmt = "0%";
  ws.getCell("H7").numFmt = "yyyy-mm-dd";
  ws.getColumn("J").hidden = true;
  ws.getRow(9).hidden = true;

  const notes = wb.addWorksheet("Q4 Notes");
  notes.addRow(["Account", "Revenue"]);
  notes.addRow(["Acme", 1]);
  await wb.xlsx.writeFile(path);
}

const G = "General";
const ACCOUNTS_TABLE = {
  sheet: "Accounts",
  top: 2,
  left: 2,
  values: [
    ["Key accounts FY25", null, null, null, null, null, null, null, null],
    [null, null, null, null, null, null, null, null, null],
    ["Account", "Owner", "Revenue", null, "Margin", "Customer since", "Strategic", "Website", "Growth"],
    [null, null, "FY24", "FY25", null, null, null, null, null],
    ["Acme", "Ann Lee", "#N/A", 120000, 0.25, MARCH_15_2019, true, "acme.com", "#N/A"],
    ["Globex", "Bo Chen", 80000, 88000, 0.3, null, false, "globex.com", 0.1],
    ["Initech", "Ann Lee", 50000, "#DIV/0!", 0.1, null, false, null, -0.05],
  ],
  numberFormats: [
    [G, G, G, G, G, G, G, G, G],
    [G, G, G, G, G, G, G, G, G],
    [G, G, G, G, G, G, G, G, G],
    [G, G, G, G, G, G, G, G, G],
    [G, G, G, G, "0%", "yyyy-mm-dd", G, G, G],
    [G, G, G, G, "0%", G, G, G, G],
    [G, G, G, G, "0%", G, G, G, G],
  ],
  hiddenColumns: [false, false, false, false, false, false, false, true, false],
  hiddenRows: [6],
};

beforeAll(async () => {
  await writeAccountsWorkbook(at("accounts.xlsx"));
});

describe("readXlsxTable: values as Office.js hands them over", () => {
  it("reads the first sheet's used range: title and blank rows kept below its top, merged header, cached results", async () => {
    expect(await readXlsxTable(at("accounts.xlsx"))).toEqual(ACCOUNTS_TABLE);
  });

  it("reads a sheet named case-insensitively", async () => {
    expect(await readXlsxTable(at("accounts.xlsx"), { sheet: "q4 NOTES" })).toEqual({
      sheet: "Q4 Notes",
      top: 0,
      left: 0,
      values: [
        ["Account", "Revenue"],
        ["Acme", 1],
      ],
      numberFormats: [
        [G, G],
        [G, G],
      ],
      hiddenColumns: [false, false],
      hiddenRows: [],
    });
  });

  it("reads the same table when the shared strings and the workbook part come before the sheet and styles after", async () => {
    // Excel and LibreOffice order the zip's parts differently from exceljs; the streaming reader then reads the sheet
    // before the styles, so number formats are resolved once the whole file has been read.
    const source = await JSZip.loadAsync(readFileSync(at("accounts.xlsx")));
    const names = Object.keys(source.files).filter((n) => !source.files[n].dir);
    const first = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"];
    const order = [...first, "xl/sharedStrings.xml", ...names.filter((n) => n.startsWith("xl/worksheets/"))];
    const reordered = new JSZip();
    for (const name of [...order, ...names.filter((n) => !order.includes(n))]) {
      reordered.file(name, await source.files[name].async("uint8array"));
    }
    expect(names.slice().sort()).toEqual([...new Set([...order, ...names])].sort());
    writeFileSync(at("reordered.xlsx"), await reordered.generateAsync({ type: "nodebuffer" }));
    expect(await readXlsxTable(at("reordered.xlsx"))).toEqual(ACCOUNTS_TABLE);
  });

  it("gives dates of a 1904-system workbook as 1900-system serials, and leaves its plain numbers alone", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Dates");
    ws.addRow(["Account", "Customer since", "Revenue"]);
    ws.addRow(["Acme", utcDate(2019, 3, 15), 42077]);
    ws.getCell("B2").numFmt = "d mmm yyyy";
    await wb.xlsx.writeFile(at("dates1904.xlsx"));
    const zip = await JSZip.loadAsync(readFileSync(at("dates1904.xlsx")));
    // exceljs stores the date as 1904-system serial 42077 (= 43539 − 1462) and flags the workbook
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain('date1904="1"');
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toContain("<v>42077</v>");
    const table = await readXlsxTable(at("dates1904.xlsx"));
    expect(table.values).toEqual([
      ["Account", "Customer since", "Revenue"],
      ["Acme", MARCH_15_2019, 42077],
    ]);
  });

  it("reports progress every 10,000 rows", async () => {
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: at("big.xlsx") });
    const ws = writer.addWorksheet("Accounts");
    ws.addRow(["Account", "Revenue"]).commit();
    for (let i = 1; i <= 25_000; i++) ws.addRow([`Account ${i}`, i * 10]).commit();
    ws.commit();
    await writer.commit();
    const progress: number[] = [];
    const table = await readXlsxTable(at("big.xlsx"), { onRows: (n) => progress.push(n) });
    expect(progress).toEqual([10_000, 20_000]);
    expect(table.values).toHaveLength(25_001);
    expect(table.values[25_000]).toEqual(["Account 25000", 250_000]);
  });
});

describe("readXlsxTable through the account model", () => {
  it("maps the two-row header and names the error cell by its address on the sheet", async () => {
    const input = await readXlsxTable(at("accounts.xlsx"));
    const mapping = detectMapping(input);
    expect(mapping.headerRow).toBe(2);
    expect(mapping.headers.slice(0, 4)).toEqual(["Account", "Owner", "Revenue FY24", "Revenue FY25"]);
    const table = validateAccounts(input, mapping);
    const errors = table.issues.filter((i) => i.code === "error_value");
    expect(errors).toContainEqual(
      expect.objectContaining({ cell: "Accounts!E7", value: "#N/A", message: expect.stringContaining("#N/A") }),
    );
    expect(errors).toContainEqual(expect.objectContaining({ cell: "Accounts!F9", value: "#DIV/0!" }));
  });
});

describe("readXlsxTable: files it refuses, with one sentence", () => {
  async function refusal(path: string, sheet?: string): Promise<InputError> {
    const error = await readXlsxTable(path, { sheet }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    const message = (error as InputError).message;
    expect(message).not.toMatch(/\n|\bat \S+:\d+/); // one sentence, no stack
    return error as InputError;
  }

  it("a missing file", async () => {
    expect((await refusal(at("nowhere.xlsx"))).message).toBe(`There is no file ${at("nowhere.xlsx")}.`);
  });

  it("a CSV renamed .xlsx", async () => {
    writeFileSync(at("renamed.xlsx"), "Account;Revenue\r\nAcme;1200\r\n");
    expect((await refusal(at("renamed.xlsx"))).message).toBe(
      `${at("renamed.xlsx")} is not an .xlsx or .xlsm workbook: it holds text (a CSV file should keep its .csv name).`,
    );
  });

  it("a file of zero bytes", async () => {
    writeFileSync(at("empty.xlsx"), "");
    expect((await refusal(at("empty.xlsx"))).message).toBe(`${at("empty.xlsx")} is empty (0 bytes), not a workbook.`);
  });

  it("an encrypted workbook (an OLE compound file, as Excel saves one with a password)", async () => {
    writeFileSync(at("locked.xlsx"), Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]));
    expect((await refusal(at("locked.xlsx"))).message).toMatch(/is password-protected or an old \.xls workbook/);
  });

  it("a zip archive that is not a workbook, and a truncated workbook", async () => {
    const zip = new JSZip();
    zip.file("readme.txt", "not a workbook");
    writeFileSync(at("other.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    expect((await refusal(at("other.xlsx"))).message).toMatch(/is a zip archive but not an \.xlsx or \.xlsm workbook/);
    writeFileSync(at("cut.xlsx"), readFileSync(at("accounts.xlsx")).subarray(0, 3000));
    expect((await refusal(at("cut.xlsx"))).message).toMatch(/could not be read as a workbook; it may be damaged/);
  });

  it("an unknown sheet name, listing the sheets", async () => {
    expect((await refusal(at("accounts.xlsx"), "Summary")).message).toBe(
      `${at("accounts.xlsx")} has no sheet named "Summary"; its sheets are "Accounts", "Q4 Notes".`,
    );
  });

  it("a sheet with no values", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Blank");
    await wb.xlsx.writeFile(at("blank.xlsx"));
    expect((await refusal(at("blank.xlsx"))).message).toBe(`The sheet "Blank" in ${at("blank.xlsx")} is empty.`);
  });
});
