/**
 * The part of the Office.js Excel API that reading the selection and saving settings use, as structural types.
 * Excel.RequestContext satisfies them; so does the recording fake in test/fakes, which keeps the adapter testable
 * without Excel. Every member is ExcelApi 1.10 or older (the shared runtime's floor) except Application's separators
 * (ExcelApi 1.11, read only where supported); docs/office-js-apis.md lists each with its set and reference page.
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
  /** The block around the top-left cell, bounded by blank rows and columns (Ctrl+A in a table). */
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
