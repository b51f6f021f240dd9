/**
 * A seeded generator of key-account tables as a telecom KAM team keeps them, for the demo, the tests and the
 * benchmarks: segments, owners, attractiveness criteria rated 1–5, relationship strength, share of wallet, revenue
 * FY23–FY25, gross margin, NPS answers, products, status, some churned and some new, and (on request) a few messy
 * cells on purpose: a number stored as text, a blank, a duplicate account, a "€1.2m".
 * Deterministic: the same seed gives the same table on every machine (seededRandom, no Math.random).
 */

import { seededRandom } from "./seededRandom";

export type Cell = string | number | boolean | null;

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
    rows.push([
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
      Math.max(1, Math.min(6, Math.round(1 + size * 0.5 + rnd() * 2))),
      relationship,
      Math.round(Math.min(0.95, Math.max(0.05, 0.1 + relationship * 0.12 + (rnd() - 0.5) * 0.3)) * 100) / 100,
      rating(1.5 + size),
      rating(2 + size * 0.5),
      rating(3),
      rnd() < 0.15 ? null : rating(2 + size * 0.4),
    ]);
  }
  if (options.messy && rows.length > 12) {
    rows[5][6] = String(rows[5][6]); // a number stored as text: read, with no issue
    rows[7][12] = null; // a blank relationship rating: strength from share of wallet alone
    rows[9][6] = "€1.2m"; // not a number: the row is left out, and named on the Issues sheet
    rows.push([...rows[3]]); // a duplicate account: left out, named
  }
  return rows;
}
