import type { StepContext } from '../runtime/step-context';
import type { TaskDoc } from '../storage/documents';

/**
 * Where retrieving one element task of a multi-instance activity (取回 of one element) puts the
 * token back. While the activity is still active, the element runs again inside its running body
 * (a sequential body leaves the element its completion started, which the caller closes):
 * other elements keep their tasks. Once the completion ended the activity, the activities it
 * started are left and the activity is entered over that element alone, with its loop index and
 * element — the variables are already back to before the completion, so the other elements'
 * outputs stay collected and the activity ends again when this element completes.
 *
 * `next` are the activities the completion started; empty while the activity is still active.
 */
export function reopenRetrievedElement(ctx: StepContext, task: TaskDoc, next: string[]): void {
  const loop = task.loop!;
  if (ctx.session.tokenHolders().includes(task.activityId)) {
    ctx.session.reopenElement(task.activityId, loop.index);
    return;
  }
  ctx.session.moveTokens({
    leave: next,
    enter: [
      {
        activityId: task.activityId,
        loop: { items: [{ index: loop.index, element: loop.element }] },
      },
    ],
  });
}

/** The activity executions this step opened: the retrieved element's new iteration among them. */
export function reopenedWaits(ctx: StepContext, task: TaskDoc) {
  const known = new Set(ctx.instance.waits.map((w) => w.executionId));
  return ctx.session
    .waiting()
    .filter(
      (w) =>
        w.activityId === task.activityId &&
        !known.has(w.executionId) &&
        (task.loop === undefined || w.index === task.loop.index),
    );
}
