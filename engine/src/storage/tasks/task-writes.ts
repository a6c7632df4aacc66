import type { Document } from 'mongodb';

/**
 * One write of a task document, as the effect applier performs it (runtime/task-effects.ts makes
 * it from a step's effect; why its revision guard makes task writes race-free is told there).
 */
export interface TaskChange {
  taskId: string;
  /** The instance revision whose step decided the change; absent on outboxes of older engines. */
  rev?: number;
  set: Record<string, unknown>;
  unset: string[];
  /** A close applies to an open task only: a task ends once. */
  whileOpen: boolean;
}

/** The update of a change, and what the document must still be for it to apply. */
export function taskWriteOf(change: TaskChange): {
  update: Document;
  also: Record<string, string>;
} {
  const set = { ...change.set, ...(change.rev !== undefined && { changedAtRev: change.rev }) };
  const unset = change.unset.filter((field) => !(field in set));
  return {
    update: {
      $set: set,
      ...(unset.length > 0 && { $unset: Object.fromEntries(unset.map((f) => [f, ''])) }),
    },
    // without a revision (an outbox from before revisions were stamped) only a close is safe
    also: change.whileOpen || change.rev === undefined ? { status: 'open' } : {},
  };
}
