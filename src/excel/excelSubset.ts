/**
 * The part of the Office.js Excel API this add-in reads and writes, as structural types. Excel.RequestContext
 * satisfies them; so does the recording fake in test/fakes, which keeps the adapter testable without Excel and keeps
 * us honest about which APIs (and requirement sets) we rely on:
 * - getSelectedRange, Range.values/numberFormat/address, Worksheet.getRangeByIndexes: ExcelApi 1.1–1.7
 * - Range.columnHidden: ExcelApi 1.2; getUsedRangeOrNullObject: ExcelApi 1.4; workbook.settings: ExcelApi 1.4
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
  readonly isNullObject?: boolean;
  readonly worksheet: WorksheetSubset;
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
