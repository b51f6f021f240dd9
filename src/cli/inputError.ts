/**
 * A problem with the user's input file (missing, not a workbook or CSV, an unknown sheet): the `kam` command prints
 * its message, one plain sentence, and exits 1. Anything else that goes wrong is an internal error.
 */
export class InputError extends Error {
  override readonly name = "InputError";
}
