import { z } from "zod";
import { kamError, type Result } from "../errors";
import { KPI_IDS } from "../portfolio/kpiIds";
import { FIELD_IDS } from "./fields";

/**
 * What the analyst chose, saved in the workbook so a colleague's rebuild makes the same sheets: columns by header
 * name (positions move when someone inserts a column; names rarely do), criteria and weights, thresholds, and the
 * CLV inputs. Versioned: a file saved by a newer add-in is refused with a message rather than misread.
 */
export const SETTINGS_VERSION = 1;

const threshold = z.union([z.literal("median"), z.number().finite()]);

/** A rating scale whose ends are named in the message, so the analyst knows which of the saved scales is wrong. */
const ratingScale = (field: string) =>
  z.object({ min: z.number().finite(), max: z.number().finite() }).refine((s) => s.max > s.min, {
    message: `${field}.max must be greater than ${field}.min`,
  });

/** One axis's cut-offs on the 0–100 score; their count is checked against the grid on the whole report below. */
const axisCuts = (field: string) =>
  z
    .array(
      z
        .number({ error: `${field} must hold numbers` })
        .finite()
        .min(0, `${field} must lie in 0–100`)
        .max(100, `${field} must lie in 0–100`),
    )
    .refine((cuts) => cuts.every((c, i) => i === 0 || c > cuts[i - 1]), {
      // An equal pair would leave a band with no account that could ever fall in it: a grid cell that is always empty.
      message: `${field} must be in strictly ascending order`,
    });

/**
 * The report's choices (PortfolioOptions in src/core/portfolio/options.ts, less the criteria weights, which
 * `criteria` already holds by header). Optional as a whole, so settings saved before it still read, and optional
 * inside: a missing choice takes the same default as in `portfolioOptions`. The limits are the report's own: the
 * grid is 2×2 or 3×3, the score axes run 0–100, and the lists stay readable on one screen.
 */
export const reportSettingsSchema = z
  .object({
    grid: z.union([z.literal(2), z.literal(3)], { error: "report.grid must be 2 or 3" }).optional(),
    cuts: z
      .object({
        attractiveness: axisCuts("report.cuts.attractiveness").optional(),
        strength: axisCuts("report.cuts.strength").optional(),
      })
      .optional(),
    segments: z
      .array(
        z.object({
          name: z
            .string()
            .min(1, "report.segments: a segment name must not be empty")
            .max(40, "report.segments: a segment name must be at most 40 characters"),
          strategy: z.string().max(200, "report.segments: a strategy must be at most 200 characters"),
        }),
      )
      .refine((segments) => new Set(segments.map((s) => s.name.toLowerCase())).size === segments.length, {
        // The workbook counts and lists accounts by segment name with COUNTIF-style lookups, which ignore case.
        message: "report.segments must have distinct names (case does not count)",
      })
      .optional(),
    strength: z
      .object({
        weights: z
          .object({
            relationship: z.number().finite().nonnegative("report.strength.weights.relationship must be 0 or more"),
            shareOfWallet: z.number().finite().nonnegative("report.strength.weights.shareOfWallet must be 0 or more"),
          })
          .refine((w) => w.relationship + w.shareOfWallet > 0, {
            // Strength is the weighted mean of the two: with both weights 0 it divides by zero on every account.
            message: "report.strength.weights must not both be 0",
          })
          .optional(),
        relationshipScale: ratingScale("report.strength.relationshipScale").optional(),
        shareOfWalletScale: z
          .union([z.literal(1), z.literal(100)], { error: "report.strength.shareOfWalletScale must be 1 or 100" })
          .optional(),
      })
      .optional(),
    atRiskThreshold: z
      .number()
      .finite()
      .min(0, "report.atRiskThreshold must lie in 0–1")
      .max(1, "report.atRiskThreshold must lie in 0–1")
      .optional(),
    topN: z
      .number()
      .int("report.topN must be a whole number from 1 to 200")
      .min(1, "report.topN must be a whole number from 1 to 200")
      .max(200, "report.topN must be a whole number from 1 to 200")
      .optional(),
    listPerSegment: z
      .number()
      .int("report.listPerSegment must be a whole number from 1 to 50")
      .min(1, "report.listPerSegment must be a whole number from 1 to 50")
      .max(50, "report.listPerSegment must be a whole number from 1 to 50")
      .optional(),
    targets: z
      .partialRecord(z.enum(KPI_IDS), z.number({ error: "report.targets: a target must be a number" }))
      .optional(),
  })
  .superRefine((report, ctx) => {
    // Checked against the grid that will be built: the saved one, else portfolioOptions' default of 2×2.
    const grid = report.grid ?? 2;
    const shape = `a ${grid}×${grid} grid${report.grid === undefined ? " (report.grid, default 2)" : ""}`;
    for (const axis of ["attractiveness", "strength"] as const) {
      const cuts = report.cuts?.[axis];
      if (cuts && cuts.length !== grid - 1) {
        ctx.addIssue({
          code: "custom",
          path: ["cuts", axis],
          message: `report.cuts.${axis} must hold ${grid - 1} cut-off${grid === 2 ? "" : "s"} for ${shape}, not ${cuts.length}`,
        });
      }
    }
    if (report.segments && report.segments.length !== grid * grid) {
      ctx.addIssue({
        code: "custom",
        path: ["segments"],
        message: `report.segments must hold ${grid * grid} segments for ${shape}, not ${report.segments.length}`,
      });
    }
  });

export type ReportSettings = z.infer<typeof reportSettingsSchema>;

export const kamSettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  savedAt: z.iso.datetime(),
  source: z.object({ sheet: z.string().min(1), address: z.string().min(1) }),
  /** Each field's column by header text; null: the analyst chose no column (detection must not bring one back). */
  columns: z.partialRecord(z.enum(FIELD_IDS), z.string().min(1).nullable()),
  criteria: z.array(z.object({ header: z.string().min(1), weight: z.number().finite().nonnegative() })),
  /**
   * The product block's columns by header, left to right (revenue per product: the whitespace analysis); [] for none,
   * so detection does not bring one back. Optional: absent, the block is detected from the headers.
   */
  products: z.array(z.string().min(1)).optional(),
  scale: z.object({ min: z.number().finite(), max: z.number().finite() }).refine((s) => s.max > s.min, {
    message: "scale.max must be greater than scale.min",
  }),
  thresholds: z.object({ attractiveness: threshold, strength: threshold }),
  discountRate: z.number().finite().gt(-1),
  /**
   * "keep": the analyst said the last rows are accounts, not totals (an account called "Total Energies", or one whose
   * revenue happens to equal the sum of the others). Optional, so settings saved before it still read.
   */
  totalsRow: z.enum(["detect", "keep"]).optional(),
  /**
   * The report's choices: grid, cut-offs, segments, strength, lists and targets. Where `cuts` is saved it wins over
   * `thresholds`, which stay for settings saved before it (see portfolioChoicesFromSettings).
   */
  report: reportSettingsSchema.optional(),
});

export type KamSettings = z.infer<typeof kamSettingsSchema>;

/**
 * The sheet that keeps a second copy of the settings in the workbook (very hidden), its JSON split over A1, A2, …
 * in parts below Excel's 32,767 characters a cell, each part behind PART_MARK. The add-in writes it beside
 * workbook.settings, `kam` into the .xlsx it writes, and both read either with {@link settingsFromCells}.
 */
export const SETTINGS_SHEET = "KAM Settings";
export const SETTINGS_CELL_CHARS = 30_000;
/**
 * Each part starts with this mark. A part of the JSON may start with anything ("=", "'", a digit): behind "~" it is
 * never read as a formula, a number or a date, and no apostrophe is needed — real Excel drops a leading apostrophe
 * written into a cell (office-js #6687), so a part starting with one would lose it.
 */
const PART_MARK = "~";

/** The settings as the cell texts of the settings sheet, A1 first. */
export function settingsCells(settings: KamSettings): string[] {
  const json = serializeSettings(settings);
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += SETTINGS_CELL_CHARS)
    parts.push(PART_MARK + json.slice(i, i + SETTINGS_CELL_CHARS));
  return parts;
}

/**
 * The JSON of the settings sheet's cells, A1 down to the first empty one (a shorter save leaves an empty cell after
 * its last part). Copies saved before the mark carried an apostrophe Excel dropped: their text is the part as it is.
 */
export function settingsFromCells(cells: readonly unknown[]): string {
  let json = "";
  for (const v of cells) {
    if (v === "" || v === null || v === undefined) break;
    const text = String(v);
    json += text.startsWith(PART_MARK) ? text.slice(PART_MARK.length) : text;
  }
  return json;
}

export function serializeSettings(settings: KamSettings): string {
  return JSON.stringify(kamSettingsSchema.parse(settings));
}

/**
 * Reads saved settings. Damaged or foreign text and settings of another version come back as an error naming the
 * first bad field, so the taskpane can fall back to detection and say why.
 */
export function parseSettings(text: string): Result<KamSettings> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return kamError(
      "value",
      "settings",
      "The saved KAM settings are not readable (damaged JSON); detection is used instead.",
    );
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === "number" && version !== SETTINGS_VERSION) {
    return kamError(
      "value",
      "settings",
      version > SETTINGS_VERSION
        ? `The saved KAM settings are version ${version}, newer than this add-in understands (${SETTINGS_VERSION}): update the add-in.`
        : `The saved KAM settings are version ${version}, from a release before settings were kept; detection is used instead.`,
    );
  }
  const parsed = kamSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return kamError(
      "value",
      "settings",
      `The saved KAM settings are invalid at ${issue.path.join(".") || "the top"}: ${issue.message}.`,
    );
  }
  return parsed.data;
}
