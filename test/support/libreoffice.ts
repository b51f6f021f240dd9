/**
 * LibreOffice headless as a second, independent spreadsheet engine for tests (TESTING-NOTES.md): it recalculates
 * every formula of a workbook we wrote (a private profile sets OOXMLRecalcMode=0, "always recalculate"), and turns
 * workbooks into PDF and PNG pages for a person to look at. One profile directory per conversion.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import JSZip from "jszip";

const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
export const ARTIFACTS = resolve(__dirname, "../../test-artifacts");

function requireSoffice(): string {
  if (!SOFFICE) {
    throw new Error(
      "LibreOffice is not installed: apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils " +
        "(.ci/run does this).",
    );
  }
  return SOFFICE;
}

function profile(): string {
  const dir = mkdtempSync(join(tmpdir(), "kam-lo-profile-"));
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/** Converts `input` with LibreOffice headless, recalculating every formula on load (the profile above). */
export function convert(input: string, filter: string, outDir: string, timeoutMs = 120_000): string {
  execFileSync(
    requireSoffice(),
    [
      `-env:UserInstallation=file://${profile()}`,
      "--headless",
      "--norestore",
      "--convert-to",
      filter,
      "--outdir",
      outDir,
      input,
    ],
    { stdio: "pipe", timeout: timeoutMs },
  );
  const base = input
    .split("/")
    .pop()!
    .replace(/\.xlsx$/, "");
  const produced = `${base}.${filter.split(":")[0]}`;
  if (!existsSync(join(outDir, produced))) throw new Error(`LibreOffice produced nothing for ${input} (${filter})`);
  return join(outDir, produced);
}

/** Cell values as LibreOffice saved them after recalculating, read straight from the sheet XML. */
export interface RecalculatedWorkbook {
  value(sheet: string, address: string): number | string | boolean | { error: string } | undefined;
  /** Every cell holding an error value (#NAME?, #VALUE!, ...), sheet by sheet. */
  errors(): { sheet: string; address: string; error: string }[];
  /** Every cell with a value, sheet by sheet, as address → value. */
  cells(): ReadonlyMap<string, ReadonlyMap<string, number | string | boolean | { error: string }>>;
}

/**
 * Opens the workbook in LibreOffice, recalculates every formula, and returns what LibreOffice computed. Values are
 * read from the saved XML directly: exceljs drops a formula result of 0 when reading, which would hide real zeros.
 */
export async function recalculate(xlsx: Buffer): Promise<RecalculatedWorkbook> {
  const dir = mkdtempSync(join(tmpdir(), "kam-lo-"));
  const input = join(dir, "in.xlsx");
  writeFileSync(input, xlsx);
  const out = join(dir, "out");
  mkdirSync(out);
  const zip = await JSZip.loadAsync(readFileSync(convert(input, "xlsx:Calc MS Excel 2007 XML", out)));
  const text = async (path: string) => (await zip.file(path)?.async("string")) ?? "";
  const shared = [...(await text("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    decode([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("")),
  );
  const workbook = await text("xl/workbook.xml");
  const rels = await text("xl/_rels/workbook.xml.rels");
  const sheets = new Map<string, Map<string, number | string | boolean | { error: string }>>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
    const xml = await text(`xl/${target.replace(/^\/?xl\//, "")}`);
    const cells = new Map<string, number | string | boolean | { error: string }>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = /t="(\w+)"/.exec(c[2])?.[1] ?? "n";
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? "")?.[1];
      const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(c[3] ?? "")?.[1];
      if (type === "inlineStr" && inline !== undefined) cells.set(c[1], decode(inline));
      if (v === undefined) continue;
      if (type === "s") cells.set(c[1], shared[Number(v)]);
      else if (type === "str") cells.set(c[1], decode(v));
      else if (type === "b") cells.set(c[1], v === "1");
      else if (type === "e") cells.set(c[1], { error: v });
      else cells.set(c[1], Number(v));
    }
    sheets.set(decode(m[1]), cells);
  }
  return {
    cells: () => sheets,
    value: (sheet, address) => sheets.get(sheet)?.get(address),
    errors: () =>
      [...sheets].flatMap(([sheet, cells]) =>
        [...cells]
          .filter(([, v]) => typeof v === "object")
          .map(([address, v]) => ({ sheet, address, error: (v as { error: string }).error })),
      ),
  };
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Writes test-artifacts/<name>.pdf (one page per sheet) and <name>-N.png pages; returns the PNG paths. */
export function renderPictures(xlsx: Buffer, name: string): string[] {
  mkdirSync(ARTIFACTS, { recursive: true });
  // An earlier run's pages must not pass for this run's: remove them before converting.
  for (const f of readdirSync(ARTIFACTS)) {
    if (f === `${name}.pdf` || f === `${name}.xlsx` || (f.startsWith(`${name}-`) && f.endsWith(".png")))
      rmSync(join(ARTIFACTS, f));
  }
  const input = join(ARTIFACTS, `${name}.xlsx`);
  writeFileSync(input, xlsx);
  const pdf = convert(input, 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}', ARTIFACTS);
  execFileSync("pdftoppm", ["-png", "-r", "70", pdf, join(ARTIFACTS, name)], { stdio: "pipe" });
  return readdirSync(ARTIFACTS)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"))
    .map((f) => join(ARTIFACTS, f));
}

/** The text of one page (1-based) of a PDF that renderPictures made: what a reader of the PDF would find. */
export function pdfPageText(name: string, page: number): string {
  return execFileSync("pdftotext", ["-f", String(page), "-l", String(page), join(ARTIFACTS, `${name}.pdf`), "-"], {
    encoding: "utf8",
  });
}
