/**
 * Cancelling a long read or build from the taskpane. Office.js cannot stop a sync once sent, so the adapters look at
 * the AbortSignal before each sync only: what earlier syncs wrote stays, and the batch queued since is never sent
 * (Excel.run does not sync a batch whose function threw).
 */

/** How far a long operation has got: the step now under way ("Writing Accounts 3 of 5"), and a count for a bar. */
export type OnProgress = (step: string, done: number, total: number) => void;

export interface Cancellable {
  readonly onProgress?: OnProgress;
  readonly signal?: AbortSignal;
}

/** The analyst cancelled. `lastWritten` is the step of the last sync that reached Excel, if any wrote anything. */
export class Cancelled extends Error {
  override readonly name = "AbortError";

  constructor(
    readonly lastWritten: string | undefined,
    message = lastWritten
      ? `Cancelled: nothing after ${lowerFirst(lastWritten)} was written.`
      : "Cancelled: nothing was written.",
  ) {
    super(message);
  }
}

export function isCancelled(error: unknown): error is Cancelled {
  return error instanceof Cancelled;
}

/** Stops before the next sync when the analyst has cancelled. */
export function throwIfCancelled(signal: AbortSignal | undefined, lastWritten: string | undefined): void {
  if (signal?.aborted) throw new Cancelled(lastWritten);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
