/**
 * The part of the Office.js Excel API this add-in reads and writes, as structural types. Excel.RequestContext
 * satisfies them; so does the recording fake in test/fakes, which keeps the adapter testable without Excel and keeps
 * us honest about which APIs (and requirement sets) we rely on:
 * - getSelectedRange, Range.values/numberFormat/address, Worksheet.getRangeByIndexes: ExcelApi 1.1–1.7
 * - Range.columnHidden/rowHidden: ExcelApi 1.2; getUsedRangeOrNullObject: ExcelApi 1.4; workbook.settings: 1.4
 * - Range.getSpecialCellsOrNullObject("Visible"), RangeAreas.address: ExcelApi 1.9 (only when some rows are hidden)
 * - Range.getSurroundingRegion: ExcelApi 1.7 (a single selected cell stands for its table)
 * - Worksheet.visibility: ExcelApi 1.1
 * - Application.decimalSeparator/thousandsSeparator: ExcelApi 1.11 (read only where supported)
 */
export interface RangeSubset {
  load(properties: string): unknown;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: unknown[][];
  readonly numberFormat: string[][];
  readonly columnHidden: boolean;
  /** true: every row hidden; false: none; null: some. */
  readonly rowHidden: boolean | null;
  readonly isNullObject?: boolean;
  readonly worksheet: WorksheetSubset;
  getSpecialCellsOrNullObject(cellType: "Visible"): RangeAreasSubset;
  /** The block around the top-left cell, bounded by blank rows and columns (Ctrl+A in a table): ExcelApi 1.7. */
  getSurroundingRegion(): RangeSubset;
}

export interface RangeAreasSubset {
  load(properties: string): unknown;
  /** The areas, comma-separated: "'Account Data'!B2:L5,'Account Data'!B7:L13". */
  readonly address: string;
  readonly isNullObject?: boolean;
}

export interface WorksheetSubset {
  load(properties: string): unknown;
  readonly name: string;
  visibility: string;
  readonly isNullObject?: boolean;
  getRange(address: string): RangeSubset;
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): RangeSubset;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeSubset;
}

export interface SettingSubset {
  load(properties: string): unknown;
  readonly value: unknown;
  readonly isNullObject?: boolean;
}

export interface WorkbookSubset {
  getSelectedRange(): RangeSubset;
  readonly worksheets: {
    getItemOrNullObject(name: string): WorksheetSubset;
    add(name: string): WorksheetSubset;
  };
  readonly settings: {
    add(key: string, value: unknown): unknown;
    getItemOrNullObject(key: string): SettingSubset;
  };
}

export interface ApplicationSubset {
  load(properties: string): unknown;
  readonly decimalSeparator: string;
  readonly thousandsSeparator: string;
}

export interface ContextSubset {
  readonly workbook: WorkbookSubset;
  readonly application: ApplicationSubset;
  sync(): Promise<void>;
}
