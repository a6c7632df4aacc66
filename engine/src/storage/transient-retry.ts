import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Storage errors that mean "try again": FerretDB on SQLite answers a write that found the
 * database locked by another writer with SQLITE_BUSY (seen under 16 concurrent steps), and the
 * MongoDB driver labels errors worth retrying.
 */
export function isTransientStorageError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { message, errorLabelSet } = error as { message?: unknown; errorLabelSet?: Set<string> };
  if (typeof message === 'string' && /SQLITE_BUSY|database is locked/.test(message)) return true;
  return (
    errorLabelSet instanceof Set &&
    (errorLabelSet.has('RetryableWriteError') || errorLabelSet.has('TransientTransactionError'))
  );
}

/**
 * Runs an idempotent storage operation, retrying transient errors a few times with a growing,
 * jittered pause; any other error, or the last transient one, is thrown.
 */
export async function retryTransient<T>(run: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isTransientStorageError(error)) throw error;
      await sleep(Math.random() * 20 * 2 ** attempt);
    }
  }
}
