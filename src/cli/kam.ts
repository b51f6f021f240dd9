/**
 * The `kam` command: the KAM workbook from a CSV or .xlsx, without Excel. Errors a user can fix are one sentence and
 * an exit code (1: nothing usable in the input, 2: usage); anything else is an internal error, said in one sentence
 * too, never a stack trace (KAM_DEBUG=1 prints it).
 */
import { HELP, parseCommand, UsageError } from "./args";
import { InputError } from "./inputError";

export async function main(argv: readonly string[], io = { stdout: process.stdout, stderr: process.stderr }) {
  try {
    const cmd = parseCommand(argv);
    if (cmd.kind === "help") {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (cmd.kind === "settings") return await (await import("./settingsCommand")).runSettings(cmd.from, io);
    return await (await import("./reportCommand")).runReport(cmd, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${e.message}\nkam --help says how to use it.\n`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr.write(`${e.message}\n`);
      return 1;
    }
    io.stderr.write(`kam stopped on an internal error: ${(e as Error)?.message ?? String(e)}\n`);
    if (process.env.KAM_DEBUG) io.stderr.write(`${(e as Error)?.stack ?? ""}\n`);
    return 3;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
