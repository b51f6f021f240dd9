import type { NumberSeparators } from "./cellValues";

/** The analyst's selection as Excel hands it over: a block of cell values at a known place on a named sheet. */
export interface TableInput {
  /** Name of the sheet the selection is on, for cell addresses in messages. */
  readonly sheet: string;
  /** 0-based sheet row and column of values[0][0]. */
  readonly top: number;
  readonly left: number;
  readonly values: readonly (readonly unknown[])[];
  /** Number formats of the same shape, where known ("0%", "#,##0"). */
  readonly numberFormats?: readonly (readonly string[])[];
  /** Per column of the selection: hidden in the sheet. */
  readonly hiddenColumns?: readonly boolean[];
  /** Rows of the selection (0-based, as in `values`) hidden in the sheet, by a filter or by hand; "some" when Excel
   * could not say which. */
  readonly hiddenRows?: readonly number[] | "some";
  /** How this workbook writes numbers, for numbers stored as text; absent: "." decimal, "," thousands. */
  readonly separators?: NumberSeparators;
}

/** One problem or notice about the source data, with the cell it concerns (zod's issue model). */
export interface AccountIssue {
  readonly code:
    | "single_cell"
    | "no_header"
    | "no_data"
    | "missing_column"
    | "no_header_name"
    | "duplicate_header"
    | "hidden_column"
    | "hidden_rows"
    | "not_a_number"
    | "error_value"
    | "out_of_range"
    | "missing_account"
    | "duplicate_account"
    | "bad_status"
    | "bad_flag"
    | "totals_row";
  /** `error`: the row is left out. `warning`: read as stated, for the analyst to know. */
  readonly severity: "error" | "warning";
  /** `'Account Data'!D17`, or the range for a whole-table issue. */
  readonly cell: string;
  readonly field?: string;
  readonly value?: unknown;
  readonly message: string;
}
