import { z } from "zod";
import { kamError, type Result } from "../errors";
import { FIELD_IDS } from "./fields";

/**
 * What the analyst chose, saved in the workbook so a colleague's rebuild makes the same sheets: columns by header
 * name (positions move when someone inserts a column; names rarely do), criteria and weights, thresholds, and the
 * CLV inputs. Versioned: a file saved by a newer add-in is refused with a message rather than misread.
 */
export const SETTINGS_VERSION = 1;

const threshold = z.union([z.literal("median"), z.number().finite()]);

export const kamSettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  savedAt: z.iso.datetime(),
  source: z.object({ sheet: z.string().min(1), address: z.string().min(1) }),
  /** Each field's column by header text; null: the analyst chose no column (detection must not bring one back). */
  columns: z.partialRecord(z.enum(FIELD_IDS), z.string().min(1).nullable()),
  criteria: z.array(z.object({ header: z.string().min(1), weight: z.number().finite().nonnegative() })),
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
});

export type KamSettings = z.infer<typeof kamSettingsSchema>;

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
