import type { FieldId } from "../../core";
import { prepareAccounts, type PreparedAccounts } from "../../report/kam/prepareReport";
import { numberTexts, parseTyped, withText, type NumberKey, type NumberTexts } from "./numberEdits";
import type { BuildOutcome, Progress, SavedSettings, TableRead } from "./paneTypes";

/**
 * The taskpane as a state machine, without React or Office: start → reading → mapped (mapping, choices, issues) →
 * building (step, i of n) → done, and back to where it was, with a message, when a read or build fails or is
 * cancelled. Whatever is computed comes from the core and the report (prepareAccounts); the reducer only keeps what
 * the analyst chose and what Excel answered.
 */
export type Phase = "start" | "reading" | "mapped" | "building" | "done";

export interface PaneMessage {
  readonly intent: "error" | "warning";
  readonly text: string;
}

export interface PaneState {
  readonly phase: Phase;
  /** Undefined until the workbook has been asked. */
  readonly saved?: SavedSettings;
  readonly table?: TableRead;
  /** The accounts as saved settings and detection map them: what the controls start from. */
  readonly base?: PreparedAccounts;
  /** The accounts with the analyst's columns and criteria: the mapping, the issues and the counts shown. */
  readonly prepared?: PreparedAccounts;
  /** Columns the analyst chose (null: no column). */
  readonly fields: Readonly<Partial<Record<FieldId, number | null>>>;
  readonly numbers?: NumberTexts;
  readonly progress?: Progress;
  readonly outcome?: BuildOutcome;
  readonly message?: PaneMessage;
}

export type PaneAction =
  | { readonly type: "savedLoaded"; readonly saved: SavedSettings }
  | { readonly type: "readStarted" }
  | { readonly type: "readDone"; readonly table: TableRead }
  | { readonly type: "buildStarted" }
  | { readonly type: "progress"; readonly progress: Progress }
  | { readonly type: "built"; readonly outcome: BuildOutcome }
  /** A read or build that failed (`intent` error) or was cancelled (warning), with the sentence to show. */
  | { readonly type: "failed"; readonly message: PaneMessage }
  | { readonly type: "fieldChosen"; readonly field: FieldId; readonly column: number | null }
  | { readonly type: "criterionAdded"; readonly column: number }
  | { readonly type: "criterionRemoved"; readonly column: number }
  | { readonly type: "numberTyped"; readonly key: NumberKey; readonly text: string }
  | { readonly type: "messageDismissed" }
  | { readonly type: "outcomeDismissed" };

export const initialPaneState: PaneState = { phase: "start", fields: {} };

export function isBusy(state: PaneState): boolean {
  return state.phase === "reading" || state.phase === "building";
}

/** Where the pane rests when nothing runs: with a table read, its mapping; else the start. */
function resting(state: PaneState): Phase {
  return state.table ? "mapped" : "start";
}

/**
 * The accounts with the analyst's columns and criteria. Weights do not change which rows are read, so typing one
 * does not come here (validating 100,000 rows takes most of a second); choosing a column does.
 */
function prepared(state: PaneState): PreparedAccounts | undefined {
  if (!state.table || !state.numbers) return undefined;
  return prepareAccounts(state.table.input, {
    saved: state.saved?.settings,
    overrides: {
      fields: state.fields,
      criteria: state.numbers.weights.map((w) => ({ column: w.column, weight: parseTyped(w.text) ?? 0 })),
    },
    source: state.table.source,
  });
}

/** After an edit of the columns or criteria: the accounts prepared again. */
function remap(state: PaneState): PaneState {
  return { ...state, prepared: prepared(state) };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "savedLoaded":
      return { ...state, saved: action.saved };
    case "readStarted":
    case "buildStarted":
      if (isBusy(state)) return state;
      return {
        ...state,
        phase: action.type === "readStarted" ? "reading" : "building",
        progress: undefined,
        message: undefined,
        outcome: undefined,
      };
    case "progress":
      return isBusy(state) ? { ...state, progress: action.progress } : state;
    case "readDone": {
      // An answer belongs to the run that asked for it: none other is waiting for it.
      if (state.phase !== "reading") return state;
      const base = prepareAccounts(action.table.input, {
        saved: state.saved?.settings,
        source: action.table.source,
      });
      return {
        ...state,
        phase: "mapped",
        table: action.table,
        base,
        prepared: base,
        fields: {},
        numbers: numberTexts(base.mapping.criteria, base.options),
        progress: undefined,
      };
    }
    case "built":
      if (state.phase !== "building") return state;
      return {
        ...state,
        phase: "done",
        outcome: action.outcome,
        progress: undefined,
        saved: { settings: action.outcome.settings, problems: [] },
      };
    case "failed":
      if (!isBusy(state)) return { ...state, message: action.message };
      return { ...state, phase: resting(state), progress: undefined, message: action.message };
    case "messageDismissed":
      return { ...state, message: undefined };
    case "outcomeDismissed":
      return { ...state, outcome: undefined, phase: state.phase === "done" ? resting(state) : state.phase };
  }
  // The edits: only while a table is read and nothing runs.
  if (isBusy(state) || !state.numbers) return state;
  switch (action.type) {
    case "fieldChosen":
      return remap({ ...state, fields: { ...state.fields, [action.field]: action.column } });
    case "criterionAdded": {
      if (state.numbers.weights.some((w) => w.column === action.column)) return state;
      const weights = [...state.numbers.weights, { column: action.column, text: "1" }];
      return remap({ ...state, numbers: { ...state.numbers, weights } });
    }
    case "criterionRemoved": {
      // The score needs a criterion: the last one stays (its weight can still be changed).
      if (state.numbers.weights.length <= 1) return state;
      const weights = state.numbers.weights.filter((w) => w.column !== action.column);
      return remap({ ...state, numbers: { ...state.numbers, weights } });
    }
    case "numberTyped":
      return { ...state, numbers: withText(state.numbers, action.key, action.text) };
  }
}
