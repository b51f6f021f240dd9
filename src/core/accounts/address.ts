/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A sheet name as Excel writes it in a reference: quoted when it has anything but letters, digits, underscores and
 * dots, or starts with a digit, with inner apostrophes doubled ('Account Data', 'Q1''s data').
 */
export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `'Account Data'!D17` for 0-based row and column on the sheet. */
export function cellAddress(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!${columnLetters(col)}${row + 1}`;
}

/** Parses "D17" or "$D$17" to 0-based row and column; undefined when it is not a cell reference. */
export function parseCell(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Splits "'Account Data'!B3:K120" into its sheet name and the top-left cell (0-based); undefined without either. */
export function parseRangeAddress(address: string): { sheet: string; row: number; col: number } | undefined {
  const bang = address.lastIndexOf("!");
  if (bang <= 0) return undefined;
  const rawSheet = address.slice(0, bang);
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const start = parseCell(address.slice(bang + 1).split(":")[0]);
  return start && { sheet, ...start };
}

/**
 * Splits "'Account Data'!B3:K120" (or "'Account Data'!D17") into the sheet name, unquoted, and the cells as Excel's
 * getRange takes them ("B3:K120"); undefined when it names no sheet or its cells are not A1 references. An issue's
 * cell goes back to Excel this way, so clicking it selects what the message names.
 */
export function splitRangeAddress(address: string): { sheet: string; range: string } | undefined {
  const at = parseRangeAddress(address);
  if (!at) return undefined;
  const range = address
    .slice(address.lastIndexOf("!") + 1)
    .replace(/\$/g, "")
    .trim();
  const [first, last, extra] = range.split(":");
  if (extra !== undefined || (last !== undefined && !parseCell(last))) return undefined;
  return { sheet: at.sheet, range: first.trim() + (last === undefined ? "" : `:${last.trim()}`) };
}
