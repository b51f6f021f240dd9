import {
  accountMetrics,
  applyOverrides,
  choicesFromSettings,
  detectMapping,
  portfolioChoicesFromSettings,
  portfolioOptions,
  proposeCriteria,
  revenuePeriods,
  type RevenuePeriod,
  settingsColumns,
  settingsReport,
  SETTINGS_VERSION,
  validateAccounts,
  type AccountTable,
  type ColumnMapping,
  type FieldId,
  type HistoryTables,
  type KamSettings,
  type MappingOverrides,
  type MedianCuts,
  type PortfolioChoices,
  type PortfolioOptions,
  type TableInput,
} from "../../core";
import { buildReport, type Report } from "./buildReport";

export interface PreparedReport {
  readonly mapping: ColumnMapping;
  readonly table: AccountTable;
  readonly options: PortfolioOptions;
  /** Absent when no account was accepted: `table.issues` says why. */
  readonly report?: Report;
  /** The settings to save with the workbook, so a colleague's rebuild makes the same sheets. */
  readonly settings: KamSettings;
  /** Sentences about choices made for the analyst: criteria proposed, saved columns not found. */
  readonly notes: readonly string[];
}

export interface PrepareOptions {
  /** Settings saved in a workbook or given to `kam --settings`: columns, criteria, weights, cut-offs, targets. */
  readonly saved?: KamSettings;
  readonly only?: "matrix" | "dashboard";
  /** Where the table came from, for the saved settings (the sheet and the range or file). */
  readonly source?: { readonly sheet: string; readonly address: string };
  /** The time the settings say they were saved (tests pass a fixed one). */
  readonly now?: Date;
  /** Choices made now (in the taskpane, or by a test) over the saved ones: grid, weights, cut-offs, targets. */
  readonly choices?: PortfolioChoices;
  /** Columns and criteria chosen now (in the taskpane) over the saved and detected ones. */
  readonly overrides?: MappingOverrides;
  /** The KAM History tables of an earlier build, as the host read them, to carry forward (issue 19, part 3). */
  readonly history?: HistoryTables;
}

/** The validated accounts and the options the report is built with, before the plan. */
export interface PreparedAccounts {
  readonly input: TableInput;
  readonly mapping: ColumnMapping;
  readonly table: AccountTable;
  readonly options: PortfolioOptions;
  readonly medianCuts: MedianCuts;
  /** Fields set to no column (saved so, or chosen now): saved as such, so detection never brings them back. */
  readonly unmapped: readonly FieldId[];
  /** The product block was chosen (saved, or now), possibly as none: saved as such. */
  readonly productsChosen: boolean;
  readonly notes: readonly string[];
}

/**
 * From the analyst's table to validated accounts and options: detect the columns, apply saved choices, propose
 * criteria where none are chosen, validate, and resolve median cut-offs on the scores.
 */
export function prepareAccounts(input: TableInput, o: PrepareOptions = {}): PreparedAccounts {
  const notes: string[] = [];
  let mapping = detectMapping(input);
  // The saved choices first, then those made now over them.
  const chosen: MappingOverrides[] = [];
  if (o.saved) {
    const saved = choicesFromSettings(mapping, o.saved);
    chosen.push(saved.overrides);
    notes.push(...saved.notFound);
  }
  if (o.overrides) chosen.push(o.overrides);
  const unmapped = new Set<FieldId>();
  const productsChosen = chosen.some((c) => c.productColumns !== undefined);
  for (const overrides of chosen) {
    mapping = applyOverrides(mapping, overrides);
    for (const [field, column] of Object.entries(overrides.fields ?? {}) as [FieldId, number | null][])
      if (column === null) unmapped.add(field);
      else unmapped.delete(field);
  }
  let scale = o.saved?.scale;
  if (mapping.criteria.length === 0) {
    const proposal = proposeCriteria(input, mapping);
    mapping = applyOverrides(mapping, {
      criteria: proposal.criteria.map((c) => ({ column: c.column, weight: c.weight })),
      reason: "proposed: rated in every row",
    });
    scale ??= proposal.scale;
    notes.push(proposal.reason);
  }
  const table = validateAccounts(input, mapping, { totalsRow: o.saved?.totalsRow });
  const { medianCuts: savedMedian, ...saved } = o.saved
    ? portfolioChoicesFromSettings(o.saved)
    : { medianCuts: {} as MedianCuts };
  // A cut chosen now replaces a saved "median" on its axis.
  const medianCuts: MedianCuts = {
    ...(savedMedian.attractiveness && !o.choices?.cuts?.attractiveness ? { attractiveness: true } : {}),
    ...(savedMedian.strength && !o.choices?.cuts?.strength ? { strength: true } : {}),
  };
  let options = portfolioOptions(table, { ...saved, ...(scale ? { scale } : {}), ...o.choices });
  if (medianCuts.attractiveness || medianCuts.strength) {
    // Scores do not depend on the cut-offs: compute them once, then cut at their median.
    const m = accountMetrics(table, options, undefined);
    options = {
      ...options,
      cuts: {
        attractiveness: medianCuts.attractiveness ? [median(m.attractiveness)] : options.cuts.attractiveness,
        strength: medianCuts.strength ? [median(m.strength)] : options.cuts.strength,
      },
    };
  }
  return { input, mapping, table, options, medianCuts, unmapped: [...unmapped], productsChosen, notes };
}

/**
 * The accounts as the report needs them, without the table as read: a host reading a million rows (`kam`) lets the
 * cells go (several hundred MB) before the workbook is built from these.
 */
export type AccountsForReport = Omit<PreparedAccounts, "input"> & { readonly periods: readonly RevenuePeriod[] };

export function accountsForReport(input: TableInput, o: PrepareOptions = {}): AccountsForReport {
  const { input: read, ...accounts } = prepareAccounts(input, o);
  return { ...accounts, periods: revenuePeriods(read, accounts.mapping, accounts.table) };
}

/**
 * From the analyst's table to the KAM workbook, the one wiring the taskpane and `kam` share: prepareAccounts, then
 * the plan, and the choices described as settings to save.
 */
export function prepareReport(input: TableInput, o: PrepareOptions = {}): PreparedReport {
  return reportFromAccounts(accountsForReport(input, o), o);
}

/** prepareReport's second half: the plan and the settings for accounts already prepared (accountsForReport). */
export function reportFromAccounts(accounts: AccountsForReport, o: PrepareOptions = {}): PreparedReport {
  const { mapping, table, options, medianCuts, unmapped, productsChosen, notes, periods } = accounts;
  const headers = Object.fromEntries(Object.entries(mapping.fields).map(([f, m]) => [f, m!.header || undefined]));
  // The snapshot is labelled with the time the settings say they were saved: one build, one time.
  const now = (o.now ?? new Date()).toISOString();
  const report =
    table.count === 0
      ? undefined
      : buildReport({
          table,
          options,
          only: o.only,
          headers,
          periods,
          history: o.history,
          snapshotLabel: now,
        });
  const settings: KamSettings = {
    version: SETTINGS_VERSION,
    savedAt: now,
    source: o.source ?? { sheet: table.sheet, address: "A1" },
    ...settingsColumns(mapping, unmapped, productsChosen),
    scale: options.scale,
    thresholds: {
      attractiveness: medianCuts.attractiveness ? "median" : options.cuts.attractiveness[0],
      strength: medianCuts.strength ? "median" : options.cuts.strength[0],
    },
    discountRate: options.discountRate,
    ...(o.saved?.totalsRow ? { totalsRow: o.saved.totalsRow } : {}),
    report: settingsReport(options, medianCuts),
  };
  return { mapping, table, options, report, settings, notes };
}

/** Excel's MEDIAN over the numbers (NaN = blank is left out); 50 when there are none. */
function median(values: Float64Array): number {
  const xs = Array.from(values)
    .filter((x) => !Number.isNaN(x))
    .sort((a, b) => a - b);
  if (xs.length === 0) return 50;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}
