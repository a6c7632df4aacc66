import { EngineError } from '../engine.error';

export const DUPLICATE_KEY = 11000;

interface WriteFailure {
  index: number;
  code?: unknown;
}

/**
 * The indexes of the documents an unordered insertMany refused as duplicates, or null when it
 * failed for another reason. A bulk error lists each failure; a lone insert fails with the code.
 */
export function duplicateIndexes(error: unknown, count: number): Set<number> | null {
  const { code, writeErrors } = (error ?? {}) as {
    code?: unknown;
    writeErrors?: WriteFailure | WriteFailure[];
  };
  const failures = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  if (failures.length === 0) return code === DUPLICATE_KEY && count === 1 ? new Set([0]) : null;
  if (failures.some((failure) => failure.code !== DUPLICATE_KEY)) return null;
  return new Set(failures.map((failure) => failure.index));
}

/** Driver errors leave the job store as EngineError STORAGE_FAILED, with the cause kept. */
export async function guard<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    if (cause instanceof EngineError) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new EngineError('STORAGE_FAILED', `Job store: cannot ${what}: ${reason}`, undefined, {
      cause,
    });
  }
}
