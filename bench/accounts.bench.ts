/**
 * Reading account data: 100,000 rows × 15 columns (text numbers and blanks sprinkled in) through header detection,
 * column mapping and validation, as the taskpane does after reading a selection. Target (issue 4): under 300 ms.
 */
import { applyOverrides, detectMapping, validateAccounts, type TableInput } from "../src/core";
import { medianMs, seededRandom, type BenchRow } from "./harness";

const ROWS = 100_000;
const HEADERS = [
  "Account Name",
  "KAM",
  "Segment",
  "Region",
  "Industry",
  "Revenue FY24",
  "Revenue FY25",
  "GM %",
  "Churned?",
  "New account",
  "NPS score",
  "Modules in use",
  "Relationship strength",
  "Growth potential",
  "Strategic fit",
];

function table(): TableInput {
  const rand = seededRandom(4);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const values: unknown[][] = [HEADERS];
  for (let i = 0; i < ROWS; i++) {
    const revenue = Math.round(50_000 + rand() * 5_000_000);
    values.push([
      `Account ${i + 1}`,
      pick(["Lena", "Tom", "Ana", "Jon"]),
      pick(["Enterprise", "Mid-market", "SMB"]),
      pick(["DE", "FR", "NL", "IT"]),
      pick(["Retail", "Logistics", "Banking"]),
      rand() < 0.05 ? revenue.toLocaleString("en-US") : revenue,
      Math.round(revenue * (0.8 + rand() * 0.4)),
      rand() < 0.05 ? `${Math.round(rand() * 60)}%` : Math.round(rand() * 60) / 100,
      rand() < 0.06 ? "yes" : "no",
      rand() < 0.1,
      rand() < 0.1 ? "" : Math.floor(rand() * 11),
      1 + Math.floor(rand() * 5),
      1 + Math.floor(rand() * 5),
      1 + Math.floor(rand() * 5),
      1 + Math.floor(rand() * 5),
    ]);
  }
  return { sheet: "Account Data", top: 0, left: 0, values };
}

export async function run(): Promise<BenchRow[]> {
  const input = table();
  let accepted = 0;
  const ms = medianMs(() => {
    const mapping = applyOverrides(detectMapping(input), {
      criteria: [
        { column: 13, weight: 2 },
        { column: 14, weight: 1 },
      ],
    });
    accepted = validateAccounts(input, mapping).count;
  }, 5);
  return [
    {
      task: "map + validate 100,000 rows × 15 columns",
      ms,
      target: "< 300 ms",
      ok: ms < 300,
      note: `${accepted.toLocaleString("en-US")} accounts accepted`,
    },
  ];
}
