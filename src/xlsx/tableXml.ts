import { escapeXml } from "./chartXml";

/** An Excel table as the .xlsx package stores it: its range and the header texts already in the sheet's cells. */
export interface TablePart {
  readonly name: string;
  /** The whole table, header row included, e.g. "A1:D4". */
  readonly ref: string;
  /** Header cell texts, left to right: Excel repairs a file whose column names differ from its header cells. */
  readonly columns: readonly string[];
  readonly style: string;
}

/** The table part (xl/tables/tableN.xml, ECMA-376 Part 1, 18.5.1): ids are unique in the workbook. */
export function tablePartXml(t: TablePart, id: number): string {
  const columns = t.columns.map((name, i) => `<tableColumn id="${i + 1}" name="${escapeXml(name)}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeXml(t.name)}" ` +
    `displayName="${escapeXml(t.name)}" ref="${t.ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${t.ref}"/>` +
    `<tableColumns count="${t.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" ` +
    `showColumnStripes="0"/></table>`
  );
}
