import type { Document } from 'mongodb';
import type { Effect } from '../runtime/effects';

type TaskCloseEffect = Extract<Effect, { type: 'task.close' }>;
type TaskUpdateEffect = Extract<Effect, { type: 'task.update' }>;

/** One write of a task document, as the effect applier performs it. */
export interface TaskChange {
  taskId: string;
  /** The instance revision whose step decided the change; absent on outboxes of older engines. */
  rev?: number;
  set: Record<string, unknown>;
  unset: string[];
  /** A close applies to an open task only: a task ends once. */
  whileOpen: boolean;
}

/**
 * Why task writes are race-free without transactions: every decision about a task (claim,
 * delegate, complete, copy, draft…) is taken inside a step of its instance, and steps are
 * serialized by the revision claim (a unique insert). A step's task writes travel in its outbox,
 * and the instance document of revision n is written only once that outbox is applied in full
 * (by the step, or by whoever rolls its claim forward), while revision n+1 is decided from that
 * document. So the first write of revision n always lands on a task that has seen every earlier
 * revision, and all that can still arrive late is a repeated write of an older outbox (applied
 * twice at the same moment) — which the `changedAtRev` guard turns into a no-op instead of moving
 * the task back (storage/newer-write.ts).
 */
export function taskChangeOf(effect: TaskCloseEffect | TaskUpdateEffect): TaskChange {
  if (effect.type === 'task.close')
    return {
      taskId: effect.taskId,
      rev: effect.rev,
      set: {
        status: effect.status,
        completedAt: effect.at,
        ...(effect.by && { completedBy: effect.by }),
        ...(effect.output && { output: effect.output }),
      },
      unset: [],
      whileOpen: true,
    };
  return {
    taskId: effect.taskId,
    rev: effect.rev,
    set: { ...effect.set },
    unset: (effect.unset ?? []).map(String),
    whileOpen: false,
  };
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

/**
 * Gives every task write of a step the revision the step commits as, so actions need not know
 * it. Called on the step's effects right before they are serialized into the outbox.
 */
export function stampTaskRevisions(effects: Effect[], rev: number): void {
  for (const effect of effects) {
    if (effect.type === 'task.create') effect.task.changedAtRev ??= rev;
    if ((effect.type === 'task.close' || effect.type === 'task.update') && effect.rev === undefined)
      effect.rev = rev;
  }
}
