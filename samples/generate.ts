/**
 * Writes the bundled sample, samples/kam-sample-accounts.csv: 250 seeded telecom key accounts with a few messy
 * cells on purpose (see telecomAccounts.ts), as a CRM export writes CSV (csv-stringify: quotes where needed, CRLF).
 * Run: npx tsx samples/generate.ts. The output is committed, so `npm run demo` needs no generator.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { telecomAccounts } from "./telecomAccounts";

export const SAMPLE_CSV = join(__dirname, "kam-sample-accounts.csv");

if (require.main === module) {
  const rows = telecomAccounts({ count: 250, seed: 2026, messy: true });
  writeFileSync(SAMPLE_CSV, stringify(rows, { record_delimiter: "windows" }));
  console.log(`${SAMPLE_CSV}: ${rows.length - 1} rows under the header`);
}
