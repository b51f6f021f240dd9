import { columnLetters, type ColumnMapping, type KamSettings } from "../../core";
import type { PrepareOptions } from "../../report/kam/prepareReport";
import { readNumbers, type ReadNumbers } from "./numberEdits";
import type { PaneMessage, PaneState } from "./paneState";
import type { BuildChoice, BuildOutcome } from "./paneTypes";

/** What the components show, read from the state: sentences and lists, no numbers of their own. */

const count = (n: number) => n.toLocaleString("en-US");
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** The number controls read and checked, or undefined before a table is read. */
export function numbersOf(state: Pick<PaneState, "numbers" | "base">): ReadNumbers | undefined {
  return state.numbers && state.base ? readNumbers(state.numbers, state.base.options.grid) : undefined;
}

/** Why the Build buttons are off, or undefined when a build can start. */
export function buildBlocker(state: PaneState, numbers = numbersOf(state)): string | undefined {
  if (!state.prepared || !numbers) return "Select the account table and click Use selection first.";
  if (state.prepared.table.count === 0) return "No row holds an account the report can use: the issues below say why.";
  if (!numbers.valid) return "Correct the settings marked above to build.";
  return undefined;
}

/** What prepareReport is given for a build: the saved settings, and the analyst's columns and choices over them. */
export function buildRequest(state: PaneState, choice: BuildChoice): PrepareOptions {
  const numbers = numbersOf(state);
  if (!state.table || !numbers?.valid) throw new Error(buildBlocker(state, numbers));
  return {
    saved: state.saved?.settings,
    overrides: { fields: state.fields, criteria: numbers.criteria },
    choices: numbers.choices,
    source: state.table.source,
    ...(choice === "both" ? {} : { only: choice }),
  };
}

/** The rows read, the accounts used and the rows left out, always shown with the issues. */
export function rowsSummary(state: PaneState): string | undefined {
  const s = state.prepared?.table.summary;
  if (!s) return undefined;
  const ignored = s.ignoredBlank + s.ignoredTotals;
  return (
    `${plural(s.read, "row")} read, ${plural(s.accepted, "account")} used, ${count(s.rejected)} ` +
    `${s.rejected === 1 ? "row" : "rows"} left out` +
    (ignored > 0 ? ` (${plural(ignored, "blank or totals row")} not counted)` : "") +
    "."
  );
}

/** One option per column of the table for a field's Dropdown, by header; a blank or repeated header by letter. */
export function columnOptions(
  mapping: ColumnMapping,
  left: number,
): { readonly value: string; readonly text: string }[] {
  const seen = new Map<string, number>();
  for (const h of mapping.headers) seen.set(h.toLowerCase(), (seen.get(h.toLowerCase()) ?? 0) + 1);
  return mapping.headers.map((h, j) => {
    const letter = columnLetters(left + j);
    const text = h === "" ? `Column ${letter}` : (seen.get(h.toLowerCase()) ?? 0) > 1 ? `${h} (column ${letter})` : h;
    return { value: String(j), text };
  });
}

/** A detected column's certainty and reason, as the caption under its Dropdown. */
export function matchCaption(match: { readonly confidence: number; readonly reason: string } | undefined): string {
  if (!match) return "No column found: choose one, or leave it out.";
  const sure = match.confidence >= 1 ? "certain" : `${Math.round(match.confidence * 100)}% sure, please check`;
  return `${match.reason[0].toUpperCase()}${match.reason.slice(1)} (${sure}).`;
}

/** The saved settings in a few lines: where the table was, when, and the main choices. */
export function savedSummary(settings: KamSettings): string[] {
  const saved = new Date(settings.savedAt);
  const when = Number.isNaN(saved.getTime())
    ? settings.savedAt
    : saved.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
  const grid = settings.report?.grid ?? 2;
  const mapped = Object.values(settings.columns).filter((c) => c !== null).length;
  return [
    `Table: ${settings.source.sheet}, ${settings.source.address}`,
    `Saved ${when}`,
    `${grid}×${grid} grid, ${plural(settings.criteria.length, "criterion", "criteria")}, ${plural(mapped, "column")} mapped`,
  ];
}

/** The success MessageBar's sentence. */
export function outcomeText(outcome: BuildOutcome): string {
  const left = outcome.leftOut > 0 ? `; ${plural(outcome.leftOut, "row")} left out (see the Issues sheet)` : "";
  return `Built ${listed(outcome.sheets)} from ${plural(outcome.accounts, "account")}${left}. Settings saved in the workbook.`;
}

/** The lines under it: sheets that took a new name, and what was left out. */
export function outcomeNotes(outcome: BuildOutcome): string[] {
  return [
    ...outcome.renamed.map(
      (r) => `A sheet of yours is called ${r.planned}, so the report's sheet is ${r.used}; yours was not touched.`,
    ),
    ...outcome.skipped,
  ];
}

function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * A failure as the MessageBar shows it: a cancel as a warning, anything else as an error in the sentence it carries
 * (Excel's codes are in words already, src/excel/excelErrors.ts); Excel's code is kept where the sentence lacks it,
 * for whoever the analyst reports it to.
 */
export function failureMessage(error: unknown): PaneMessage {
  const e = error as { name?: unknown; message?: unknown; code?: unknown } | null;
  if (e?.name === "AbortError") return { intent: "warning", text: String(e.message ?? "Cancelled.") };
  const text = typeof e?.message === "string" && e.message !== "" ? e.message : String(error);
  const code = typeof e?.code === "string" && !text.includes(e.code) ? ` (${e.code})` : "";
  return { intent: "error", text: `${text}${code}` };
}
