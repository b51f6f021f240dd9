import { parseArgs } from "node:util";

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const HELP = `kam: the KAM workbook (KPI dashboard, portfolio matrix, accounts, inputs, issues) from a table

Usage:
  kam report INPUT -o OUT.xlsx [options]   build the workbook from a CSV or an .xlsx/.xlsm
  kam settings                             print the default settings (JSON)
  kam settings --from WORKBOOK.xlsx        print the settings saved in a workbook

Options for report:
  -o, --out FILE          the workbook to write (.xlsx)
      --sheet NAME        the sheet to read in an .xlsx input (default: the first)
      --settings FILE     settings JSON (as saved by the add-in, or by kam settings) to build with
      --only KIND         matrix or dashboard (default: both)
      --history FILE      an earlier output of kam report: its KAM History is carried forward and this build's
                          snapshot appended (KPI trends and quadrant moves on the dashboard)
      --json              print the KPIs and issue counts as JSON on stdout
      --force             replace OUT if it exists (otherwise an existing OUT is never touched)
  -h, --help              this help

Exit codes: 0 built (warnings allowed), 1 nothing usable in the input, 2 usage.`;

export type Command =
  | { readonly kind: "help" }
  | {
      readonly kind: "report";
      readonly input: string;
      readonly out: string;
      readonly sheet?: string;
      readonly settings?: string;
      readonly only?: "matrix" | "dashboard";
      readonly history?: string;
      readonly json: boolean;
      readonly force: boolean;
    }
  | { readonly kind: "settings"; readonly from?: string };

/** The command line as a command, or a UsageError saying what is wrong in one sentence. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string", short: "o" },
        sheet: { type: "string" },
        settings: { type: "string" },
        only: { type: "string" },
        history: { type: "string" },
        json: { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        from: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional.*$/s, "."));
  }
  const { values: v, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (v.help || command === undefined || command === "help") return { kind: "help" };
  if (command === "settings") {
    if (rest.length > 0) throw new UsageError(`kam settings takes no input file (got ${rest.join(" ")}); use --from.`);
    return { kind: "settings", from: v.from };
  }
  if (command !== "report") throw new UsageError(`Unknown command "${command}": use kam report or kam settings.`);
  if (rest.length !== 1) throw new UsageError("kam report takes one input file: kam report INPUT -o OUT.xlsx.");
  if (!v.out) throw new UsageError("Say where to write the workbook: -o OUT.xlsx.");
  if (!/\.xlsx$/i.test(v.out)) throw new UsageError(`The output must be an .xlsx file, not ${v.out}.`);
  if (v.history !== undefined && !/\.xls[xm]$/i.test(v.history))
    throw new UsageError(`--history takes an earlier output of kam report (.xlsx), not ${v.history}.`);
  if (v.only !== undefined && v.only !== "matrix" && v.only !== "dashboard")
    throw new UsageError(`--only takes matrix or dashboard, not "${v.only}".`);
  return {
    kind: "report",
    input: rest[0],
    out: v.out,
    sheet: v.sheet,
    settings: v.settings,
    only: v.only as "matrix" | "dashboard" | undefined,
    history: v.history,
    json: v.json ?? false,
    force: v.force ?? false,
  };
}
