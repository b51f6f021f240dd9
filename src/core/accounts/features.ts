import type { FieldId } from "./fields";
import { FIELDS } from "./fields";
import type { ColumnMapping } from "./mapping";

export interface FeatureAvailability {
  readonly feature: string;
  readonly available: boolean;
  /** Why not, naming the columns to map. */
  readonly reason?: string;
}

/** A need that is no single field: the criteria, or a block of product revenue columns. */
type Need = FieldId | "criteria" | "productBlock";

const NEED_LABELS: Readonly<Record<"criteria" | "productBlock", string>> = {
  criteria: "attractiveness criteria",
  productBlock: 'product revenue columns ("Product: name")',
};

/** What each report feature needs; any one of the `anyOf` groups switches it on. */
const NEEDS: readonly { feature: string; anyOf: readonly (readonly Need[])[] }[] = [
  {
    feature: "Segmentation matrix",
    anyOf: [
      ["criteria", "relationship"],
      ["criteria", "shareOfWallet"],
    ],
  },
  { feature: "Revenue and revenue growth", anyOf: [["revenue", "priorRevenue"]] },
  { feature: "Retention and churn", anyOf: [["status"]] },
  { feature: "Net and gross revenue retention", anyOf: [["revenue", "priorRevenue", "status"]] },
  { feature: "Customer lifetime value", anyOf: [["grossMargin", "status"]] },
  { feature: "NPS", anyOf: [["nps"]] },
  { feature: "Cross-sell ratio", anyOf: [["products"], ["productBlock"]] },
  { feature: "Whitespace and total account value", anyOf: [["productBlock"]] },
  { feature: "Tables by account manager", anyOf: [["owner"]] },
  { feature: "Tables by segment", anyOf: [["segment"]] },
];

/**
 * Which report features the mapped columns allow, and for the others which columns are missing: a feature that
 * needs an unmapped field is switched off with a reason, never computed from a guess.
 */
export function availableFeatures(mapping: ColumnMapping): FeatureAvailability[] {
  const has = (f: Need) =>
    f === "criteria"
      ? mapping.criteria.length > 0
      : f === "productBlock"
        ? (mapping.productBlock?.length ?? 0) > 0
        : mapping.fields[f] !== undefined;
  return NEEDS.map(({ feature, anyOf }) => {
    if (anyOf.some((group) => group.every(has))) return { feature, available: true };
    const missing = anyOf[0]
      .filter((f) => !has(f))
      .map((f) => (f === "criteria" || f === "productBlock" ? NEED_LABELS[f] : FIELDS[f].label));
    return { feature, available: false, reason: `needs ${missing.join(" and ")}` };
  });
}
