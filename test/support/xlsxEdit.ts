/**
 * Edits number cells in a written .xlsx the way an analyst would type over them, so a test can recalculate the file
 * again and see the formulas follow. The sheet XML is changed in place: the cell's <v> gets the new number.
 */
import JSZip from "jszip";

export interface CellEdit {
  readonly sheet: string;
  readonly address: string;
  readonly value: number;
}

export async function editCells(xlsx: Buffer, edits: readonly CellEdit[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  for (const e of edits) {
    const id = new RegExp(`<sheet\\b[^>]*name="${escape(e.sheet)}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
    const target = id && new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    if (!target) throw new Error(`No sheet "${e.sheet}" in the workbook`);
    const path = `xl/${target.replace(/^\/?xl\//, "")}`;
    const xml = await zip.file(path)!.async("string");
    const cell = new RegExp(`<c r="${e.address}"([^>]*?)(/>|>[\\s\\S]*?</c>)`);
    if (!cell.test(xml)) throw new Error(`No cell ${e.sheet}!${e.address} to edit`);
    zip.file(
      path,
      xml.replace(
        cell,
        (_, attrs: string) => `<c r="${e.address}"${attrs.replace(/\s*t="\w+"/, "")}><v>${e.value}</v></c>`,
      ),
    );
  }
  return zip.generateAsync({ type: "nodebuffer" });
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
