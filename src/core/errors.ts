/**
 * Domain errors of the calculation core, as values.
 *
 * Modelled on zod's issues and HyperFormula's CellError: plain readonly data with a machine code and a message that
 * names the argument, so one core can serve cells (mapped to `CustomFunctions.Error` in src/functions), the taskpane
 * (a MessageBar) and the command line (stderr) without any of them parsing strings.
 *
 * Codes follow Excel's error values, because that is where most of them end up:
 * - `value`: wrong kind of input (text where a number belongs, mismatched shapes)      → #VALUE!
 * - `num`:   a number outside the domain of the formula (negative count, rate ≥ 100%) → #NUM!
 * - `div0`:  a division by zero the formula cannot avoid (no accounts at the start)   → #DIV/0!
 * - `na`:    nothing to compute (a row with no rating)                                 → #N/A
 */
export type KamErrorCode = "value" | "num" | "div0" | "na";

export interface KamError {
  readonly kind: "KamError";
  readonly code: KamErrorCode;
  /** The argument (or field) at fault, as the analyst named it: `retention`, `ratings row 3`. */
  readonly argument: string;
  /** A sentence the analyst understands, naming the argument and what was expected. */
  readonly message: string;
}

/** Builds a KamError. Frozen so that a shared error value can be returned for many cells safely. */
export function kamError(code: KamErrorCode, argument: string, message: string): KamError {
  return Object.freeze({ kind: "KamError", code, argument, message });
}

/** True for a KamError; the one test every caller of a `T | KamError` result uses. */
export function isKamError(value: unknown): value is KamError {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "KamError";
}

/** A result that is either a value or a domain error. Numbers stay unboxed on the hot path. */
export type Result<T> = T | KamError;
