/**
 * A seeded generator of key-account tables as a telecom KAM team keeps them, for the demo, the tests and the
 * benchmarks: segments, owners, attractiveness criteria rated 1–5, relationship strength, share of wallet, revenue
 * FY23–FY25, gross margin, NPS answers, products, status, some churned and some new, the FY25 revenue split by
 * product (one "Product: …" column each, blank where not owned: the whitespace analysis), and (on request) a few messy
 * cells on purpose: a number stored as text, a blank, a duplicate account, a "€1.2m".
 * Deterministic: the same seed gives the same table on every machine (seededRandom, no Math.random).
 */

import { seededRandom } from "./seededRandom";

export type Cell = string | number | boolean | null;

/**
 * The product block: a telecom portfolio, each product with how often accounts take it (`weight`) and how large its
 * share of an account's revenue tends to be (`size`), so that the whitespace benchmarks differ by product.
 */
const PRODUCTS = [
  { name: "Connectivity", weight: 10, size: 3 },
  { name: "Mobile fleet", weight: 7, size: 2 },
  { name: "Cloud voice", weight: 5, size: 1.2 },
  { name: "SD-WAN", weight: 4, size: 1.5 },
  { name: "Security", weight: 3, size: 1 },
  { name: "IoT & telematics", weight: 2, size: 0.8 },
] as const;

export const SAMPLE_HEADERS = [
  "Account",
  "Account manager",
  "Segment",
  "Region",
  "Revenue FY23",
  "Revenue FY24",
  "Revenue FY25",
  "Gross margin %",
  "Status",
  "New account",
  "NPS",
  "Products",
  "Relationship strength",
  "Share of wallet",
  "Growth potential",
  "Strategic fit",
  "Margin potential",
  "Innovation partnership",
  ...PRODUCTS.map((p) => `Product: ${p.name}`),
] as const;

const PREFIXES = [
  "Nordic",
  "Atlas",
  "Helix",
  "Vertex",
  "Orion",
  "Baltic",
  "Alpine",
  "Iberia",
  "Rhine",
  "Danube",
  "Celtic",
  "Pioneer",
  "Summit",
  "Harbor",
  "Meridian",
  "Polar",
  "Sierra",
  "Crown",
  "Delta",
  "Union",
];
const SUFFIXES = [
  "Logistics",
  "Bank",
  "Retail",
  "Energy",
  "Health",
  "Motors",
  "Insurance",
  "Foods",
  "Airlines",
  "Pharma",
  "Media",
  "Steel",
  "Telecom Wholesale",
  "Utilities",
  "Hotels",
  "Chemicals",
  "Rail",
  "Shipping",
];
const FORMS = ["AG", "GmbH", "SA", "Ltd", "BV", "SpA", "AB", "Oy", "plc", "Group"];
const OWNERS = ["Anna Berg", "Luis Ortega", "Mira Patel", "Jonas Keller", "Chloé Martin", "Sven Olsen", "Priya Nair"];
const SEGMENTS = ["Enterprise", "Public sector", "Wholesale", "Mid-market"];
const REGIONS = ["DACH", "Nordics", "Benelux", "Iberia", "UK & Ireland", "France"];

export interface SampleOptions {
  readonly count?: number;
  readonly seed?: number;
  /** Add the messy cells (text number, blank, duplicate, "€1.2m"); the demo has them, a clean fixture not. */
  readonly messy?: boolean;
}

/** The table as Excel hands it over: a header row, then one row per account. */
export function telecomAccounts(options: SampleOptions = {}): Cell[][] {
  const count = options.count ?? 250;
  const rnd = seededRandom(options.seed ?? 2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const rating = (centre: number) => Math.max(1, Math.min(5, Math.round(centre + (rnd() - 0.5) * 3)));
  // The product block draws from a stream of its own, so every other column is what it was before the block existed.
  const productRnd = seededRandom(((options.seed ?? 2026) ^ 0x5bd1e995) >>> 0);
  // How many accounts took each name so far: the second "Vertex Telecom Ltd" is "Vertex Telecom Ltd 2" (a counter, not
  // a search for a free number, which at a million accounts would try each number again for every account).
  const taken = new Map<string, number>();
  const rows: Cell[][] = [[...SAMPLE_HEADERS]];
  for (let i = 0; i < count; i++) {
    const plain = `${pick(PREFIXES)} ${pick(SUFFIXES)} ${pick(FORMS)}`;
    const times = (taken.get(plain) ?? 0) + 1;
    taken.set(plain, times);
    const name = times === 1 ? plain : `${plain} ${times}`;
    const segment = pick(SEGMENTS);
    const size = segment === "Enterprise" ? 3 : segment === "Wholesale" ? 2.2 : segment === "Public sector" ? 1.6 : 0.6;
    // Log-normal-ish revenue: a few large accounts carry the portfolio, as in real KAM programmes.
    const base = Math.round(size * 400_000 * Math.exp(1.1 * (rnd() + rnd() + rnd() - 1.5)));
    const isNew = rnd() < 0.08;
    const churned = !isNew && rnd() < 0.05;
    const trend = 1 + (rnd() - 0.35) * 0.4;
    const fy23 = isNew ? null : Math.round(base / trend);
    const fy24 = isNew ? null : base;
    const fy25 = churned ? 0 : Math.round((isNew ? base * 0.5 : base) * trend);
    const relationship = rating(2.2 + size * 0.6);
    const nps = churned ? null : Math.max(0, Math.min(10, Math.round(7.5 + (trend - 1) * 8 + (rnd() - 0.5) * 6)));
    // Products in use, drawn where the row has always drawn them (so the columns after keep their values); a churned
    // account has none left (its FY25 revenue is 0), and the block holds as many.
    const productCount = () => {
      const drawn = Math.max(1, Math.min(6, Math.round(1 + size * 0.5 + rnd() * 2)));
      return churned ? 0 : drawn;
    };
    const row: Cell[] = [
      name,
      pick(OWNERS),
      segment,
      pick(REGIONS),
      fy23,
      fy24,
      fy25,
      Math.round((0.18 + rnd() * 0.3) * 1000) / 1000,
      churned ? "Churned" : "Active",
      isNew ? "yes" : "no",
      rnd() < 0.1 ? null : nps,
      productCount(),
      relationship,
      Math.round(Math.min(0.95, Math.max(0.05, 0.1 + relationship * 0.12 + (rnd() - 0.5) * 0.3)) * 100) / 100,
      rating(1.5 + size),
      rating(2 + size * 0.5),
      rating(3),
      rnd() < 0.15 ? null : rating(2 + size * 0.4),
    ];
    row.push(...productRevenue(fy25, row[SAMPLE_HEADERS.indexOf("Products")] as number, productRnd));
    rows.push(row);
  }
  if (options.messy && rows.length > 12) {
    rows[5][6] = String(rows[5][6]); // a number stored as text: read, with no issue
    rows[7][12] = null; // a blank relationship rating: strength from share of wallet alone
    rows[9][6] = "€1.2m"; // not a number: the row is left out, and named on the Issues sheet
    rows.push([...rows[3]]); // a duplicate account: left out, named
  }
  return rows;
}

/**
 * The account's revenue split over `count` products drawn by popularity (without repeats), in PRODUCTS' order, blank
 * for the others: the parts are whole and add up to the revenue exactly, so the block and the revenue agree.
 */
function productRevenue(revenue: number, count: number, rnd: () => number): (number | null)[] {
  const owned: number[] = [];
  while (owned.length < count) {
    const left = PRODUCTS.map((p, j): number => (owned.includes(j) ? 0 : p.weight));
    let r = rnd() * left.reduce((t, w) => t + w, 0);
    let j = 0;
    while (r >= left[j] || left[j] === 0) r -= left[j++];
    owned.push(j);
  }
  owned.sort((a, b) => a - b);
  const shares = owned.map((j) => PRODUCTS[j].size * (0.6 + 0.8 * rnd()));
  const total = shares.reduce((t, x) => t + x, 0);
  const out: (number | null)[] = PRODUCTS.map(() => null);
  let given = 0;
  owned.forEach((j, k) => {
    const part = k === owned.length - 1 ? revenue - given : Math.max(1, Math.round((revenue * shares[k]) / total));
    out[j] = part;
    given += part;
  });
  return out;
}
