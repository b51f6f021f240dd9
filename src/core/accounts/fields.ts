/**
 * The canonical account fields the add-in understands, each read from one column of the analyst's table, with the
 * header names analysts actually use (English, and the common German, French and Spanish ones: KAM programmes are
 * run in those languages too). Only `account` is required; each other field switches features on.
 */
export const FIELD_IDS = [
  "account",
  "owner",
  "segment",
  "region",
  "industry",
  "revenue",
  "priorRevenue",
  "grossMargin",
  "status",
  "acquired",
  "nps",
  "products",
  "relationship",
  "shareOfWallet",
] as const;
export type FieldId = (typeof FIELD_IDS)[number];

/** How a field's cells are read: text labels, numbers, an active/churned status, or a yes/no flag. */
export type FieldKind = "label" | "number" | "status" | "flag";

export interface FieldDefinition {
  readonly id: FieldId;
  readonly kind: FieldKind;
  /** What the analyst sees in messages and the taskpane. */
  readonly label: string;
  /** Header names (normalised: lower case, words separated by one space) that mean this field. */
  readonly synonyms: readonly string[];
}

export const FIELDS: Readonly<Record<FieldId, FieldDefinition>> = {
  account: {
    id: "account",
    kind: "label",
    label: "Account",
    synonyms: [
      "account",
      "account name",
      "account id",
      "customer",
      "customer name",
      "client",
      "company",
      "key account",
      "name",
      // German, French, Spanish
      "kunde",
      "kundenname",
      "firma",
      "unternehmen",
      "nom du client",
      "societe",
      "cliente",
      "empresa",
    ],
  },
  owner: {
    id: "owner",
    kind: "label",
    label: "Account manager",
    synonyms: [
      "owner",
      "kam",
      "key account manager",
      "account manager",
      "account owner",
      "manager",
      "sales rep",
      "am",
      "betreuer",
      "kundenbetreuer",
      "verantwortlich",
      "responsable",
      "gestor",
    ],
  },
  segment: {
    id: "segment",
    kind: "label",
    label: "Segment",
    synonyms: ["segment", "tier", "customer segment", "class", "kundensegment", "segmento"],
  },
  region: {
    id: "region",
    kind: "label",
    label: "Region",
    synonyms: ["region", "country", "territory", "market", "geo", "land", "gebiet", "pays", "pais"],
  },
  industry: {
    id: "industry",
    kind: "label",
    label: "Industry",
    synonyms: ["industry", "sector", "vertical", "branche", "secteur", "industrie"],
  },
  revenue: {
    id: "revenue",
    kind: "number",
    label: "Revenue",
    synonyms: [
      "revenue",
      "arr",
      "sales",
      "turnover",
      "annual revenue",
      "current revenue",
      "revenue current",
      "mrr",
      "umsatz",
      "jahresumsatz",
      "erlos",
      "chiffre d affaires",
      "ventas",
      "ingresos",
    ],
  },
  priorRevenue: {
    id: "priorRevenue",
    kind: "number",
    label: "Prior revenue",
    synonyms: [
      "prior revenue",
      "prior year revenue",
      "previous revenue",
      "last year revenue",
      "revenue prior",
      "revenue ly",
      "py revenue",
      "umsatz vorjahr",
      "vorjahresumsatz",
      "vorjahr",
    ],
  },
  grossMargin: {
    id: "grossMargin",
    kind: "number",
    label: "Gross margin",
    synonyms: [
      "gross margin",
      "margin",
      "gm",
      "gross profit",
      "contribution margin",
      "margin %",
      "gm %",
      "marge",
      "bruttomarge",
      "deckungsbeitrag",
      "deckungsbeitrag %",
      "rohertrag",
      "marge brute",
      "margen",
    ],
  },
  status: {
    id: "status",
    kind: "status",
    label: "Status",
    synonyms: [
      "status",
      "churned",
      "churn",
      "active",
      "lost",
      "account status",
      "customer status",
      "client status",
      "churn flag",
      "is churned",
      "kundenstatus",
      "gekundigt",
      "verloren",
      "aktiv",
      "statut",
      "estado",
    ],
  },
  acquired: {
    id: "acquired",
    kind: "flag",
    label: "Acquired this period",
    synonyms: [
      "acquired",
      "new",
      "new account",
      "new this period",
      "won",
      "new logo",
      "is new",
      "neukunde",
      "neu",
      "nouveau",
      "nuevo",
    ],
  },
  nps: {
    id: "nps",
    kind: "number",
    label: "NPS",
    synonyms: ["nps", "nps score", "net promoter score", "likelihood to recommend", "recommend", "ltr"],
  },
  products: {
    id: "products",
    kind: "number",
    label: "Products in use",
    synonyms: [
      "products",
      "modules",
      "modules in use",
      "products in use",
      "number of products",
      "product count",
      "solutions",
      "produkte",
      "anzahl produkte",
      "module",
      "produits",
      "productos",
    ],
  },
  relationship: {
    id: "relationship",
    kind: "number",
    label: "Relationship strength",
    synonyms: [
      "relationship",
      "relationship strength",
      "relationship score",
      "relative strength",
      "strength",
      "supplier position",
      "beziehung",
      "beziehungsstarke",
      "lieferantenposition",
    ],
  },
  shareOfWallet: {
    id: "shareOfWallet",
    kind: "number",
    label: "Share of wallet",
    synonyms: ["share of wallet", "sow", "wallet share", "share of spend", "lieferanteil", "part de portefeuille"],
  },
};

/**
 * A header as compared: lower case, accents and punctuation removed, fiscal-year tags ("FY25", "2024") and units in
 * brackets dropped, words separated by one space. "Revenue FY25 (€)" → "revenue".
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .replace(/\b(fy|cy|gj|q[1-4])\s*'?\d{2,4}\b|\b(19|20)\d{2}\b/g, " ")
    .replace(/[^a-z0-9%]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/** The fiscal or calendar year a header names ("Revenue FY24" → 2024, "Sales 2025" → 2025), if any. */
export function headerYear(header: string): number | undefined {
  const fy = /\b(?:fy|cy|gj)\s*'?(\d{2}|\d{4})\b/i.exec(header);
  if (fy) return fy[1].length === 2 ? 2000 + Number(fy[1]) : Number(fy[1]);
  const year = /\b((?:19|20)\d{2})\b/.exec(header);
  return year ? Number(year[1]) : undefined;
}
