/**
 * A write that did not happen, in words the sidebar can show. Every write is one transaction:
 * when it fails, nothing of it was kept.
 */
export class CaselineWriteError extends Error {
  override readonly name = 'CaselineWriteError';
  constructor(
    /** A sentence for the user. */
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
  }
}

/** Words for an IndexedDB failure; the previous state is always intact. */
export function describeDbError(error: unknown): string {
  const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? (error as Error).name : '';
  const kept = 'Nothing was changed.';
  switch (name) {
    case 'CaselineWriteError':
      return (error as CaselineWriteError).userMessage;
    case 'QuotaExceededError':
      return `The browser's storage for Caseline is full, so the change was not saved. ${kept} Export a backup and free some space (Settings → Retention).`;
    case 'ConstraintError':
      return `The change clashes with a record already saved (the same id twice). ${kept}`;
    case 'InvalidStateError':
    case 'TransactionInactiveError':
      return `The database was closed while saving (the browser may be shutting down). ${kept} Try again.`;
    case 'AbortError':
      return `Saving was interrupted. ${kept} Try again.`;
    case 'DataError':
      return `The change contained a value the database cannot store. ${kept}`;
    default:
      return `The change could not be saved${error instanceof Error && error.message ? ` (${error.message})` : ''}. ${kept}`;
  }
}

/** Runs one transaction's work; on any failure aborts it and throws a CaselineWriteError. */
export async function inOneTransaction<T>(tx: { abort(): void; done: Promise<void> }, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already aborted or finished
    }
    await tx.done.catch(() => undefined);
    throw error instanceof CaselineWriteError ? error : new CaselineWriteError(describeDbError(error), { cause: error });
  }
}

/** Starts a transaction; a closed or closing database becomes a CaselineWriteError. */
export function beginTransaction<T>(create: () => T): T {
  try {
    return create();
  } catch (error) {
    throw new CaselineWriteError(describeDbError(error), { cause: error });
  }
}
