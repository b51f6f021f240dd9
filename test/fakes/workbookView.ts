/** A block of selected cells: 0-based first row and column, and its size; `areas` > 1 for a Ctrl+click selection. */
export interface FakeSelection {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  areas?: number;
}

/**
 * What the analyst sees of a workbook: the active sheet and the selection. `range.select()` and
 * `worksheet.activate()` change it at the sync that carries them; `getSelectedRange()` reads it. One object may be
 * shared by several fakes, so that what one selects another reads.
 */
export interface WorkbookView {
  activeSheet?: string;
  selection?: FakeSelection;
}
