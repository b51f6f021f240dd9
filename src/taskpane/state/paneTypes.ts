import type { KamError, KamSettings, TableInput } from "../../core";

/** The data the taskpane's state holds; plain values, so the state can be tested without React or Office. */

export interface CriterionWeight {
  readonly column: number;
  readonly weight: number;
}

/** Saved KAM settings as loadSettings (src/excel/workbookSettings.ts) found them. */
export interface SavedSettings {
  readonly settings?: KamSettings;
  readonly problems: readonly KamError[];
}

/** A table read from Excel, and the range to save so that Rebuild reads it again. */
export interface TableRead {
  readonly input: TableInput;
  readonly source: { readonly sheet: string; readonly address: string };
  /** The block read when one cell was clicked ("'Account Data'!A1:R251"). */
  readonly expandedTo?: string;
}

export interface Progress {
  /** The step as the adapter names it: "Reading 5,000 rows", "Writing Accounts 3 of 5". */
  readonly step: string;
  readonly done: number;
  readonly total: number;
}

/** What a build wrote, for the MessageBar. */
export interface BuildOutcome {
  /** Every sheet written, as named in the workbook. */
  readonly sheets: readonly string[];
  /** Sheets that took a new name because a sheet of the analyst's had the planned one. */
  readonly renamed: readonly { readonly planned: string; readonly used: string }[];
  /** What was left out, and why, one sentence each (KPIs without their columns, an older Excel's missing features). */
  readonly skipped: readonly string[];
  readonly accounts: number;
  readonly leftOut: number;
  /** The settings saved to the workbook with the sheets. */
  readonly settings: KamSettings;
}

export type BuildChoice = "both" | "matrix" | "dashboard";
