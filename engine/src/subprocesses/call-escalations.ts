import { isEngineError } from '../engine.error';
import { escalationCatchFor, type EventCatalog, eventCatalogOf } from '../runtime/event-catalog';
import type { InstanceRunner } from '../runtime/instance-runner';
import type { LoadedDefinition } from '../runtime/loaded-definition';
import type { EscalationRecord, InstanceDoc } from '../storage/documents';
import { childInstanceId } from './call-activity.hook';
import { type ParentLink, waitingParent } from './parent-link';

export interface CallEscalationDeps {
  runner: InstanceRunner;
  definition(definitionId: string): Promise<LoadedDefinition>;
}

/**
 * Passes the escalations a called instance did not catch to its call activity, where an
 * escalation boundary event with that code (or one without a code) takes them; nothing else
 * does (escalations are not errors). Interrupting, the parent leaves by the boundary event and
 * the child is cancelled like any call left early; non-interrupting, the boundary path runs and
 * the call keeps waiting for the child.
 *
 * The child lists every escalation it threw (`uncaughtEscalations`), and each delivery hands over
 * all of them that the parent has not taken yet, in order, inside one step of the parent that
 * also records them as taken (`takenEscalations`). So the jobs may run in any order, twice, or
 * after the child ended: each escalation is taken once.
 */
export class CallEscalations {
  constructor(private readonly deps: CallEscalationDeps) {}

  async deliver(child: InstanceDoc): Promise<void> {
    const thrown = child.uncaughtEscalations ?? [];
    if (thrown.length === 0) return;
    const link = await waitingParent(this.deps.runner, child);
    if (!link) return;
    const parent = await this.deps.runner.load(link.instanceId);
    const { deployment } = await this.deps.definition(parent.definitionId);
    const catalog = await eventCatalogOf(deployment);
    const wanted = thrown.filter(
      (escalation) =>
        escalationCatchFor(catalog, link.activityId, escalation.code) !== undefined &&
        !parent.takenEscalations?.includes(takenKey(child, escalation)),
    );
    if (wanted.length === 0) return;

    try {
      await this.handOver(child, link, catalog, wanted);
    } catch (error) {
      // suspended or ended since it was read: a resumption asks the children again
      if (isEngineError(error, 'INSTANCE_NOT_RUNNING')) return;
      throw error;
    }
  }

  private async handOver(
    child: InstanceDoc,
    link: ParentLink,
    catalog: EventCatalog,
    wanted: EscalationRecord[],
  ): Promise<void> {
    await this.deps.runner.step(
      link.instanceId,
      (ctx) => {
        const taken = stillCalled(ctx.instance);
        for (const escalation of wanted) {
          if (taken.includes(takenKey(child, escalation))) continue;
          if (!ctx.session.waiting().some((w) => w.executionId === link.executionId)) break;
          const boundary = escalationCatchFor(catalog, link.activityId, escalation.code)!;
          const caught = ctx.session.escalate({
            boundaryEventId: boundary.elementId,
            attachedToId: link.activityId,
            ...(boundary.escalationRef !== undefined && { escalationRef: boundary.escalationRef }),
            interrupting: boundary.interrupting,
            escalation: {
              ...(escalation.code !== undefined && { code: escalation.code }),
              ...(escalation.name !== undefined && { name: escalation.name }),
              calledInstanceId: child._id,
            },
          });
          if (!caught) continue;
          taken.push(takenKey(child, escalation));
          ctx.history.push({
            type: 'call.escalated',
            activityId: link.activityId,
            data: {
              childInstanceId: child._id,
              code: escalation.code ?? null,
              thrownBy: escalation.activityId,
              caughtBy: boundary.elementId,
              interrupting: boundary.interrupting,
            },
          });
        }
        ctx.patch.takenEscalations = taken;
      },
      ['running', 'incident'],
    );
  }
}

/** How a parent records that it took one escalation of a child. */
function takenKey(child: InstanceDoc, escalation: EscalationRecord): string {
  return `${child._id}:${escalation.key}`;
}

/** The taken escalations of children whose call activity still waits: no other can come again. */
function stillCalled(parent: Readonly<InstanceDoc>): string[] {
  const children = new Set(
    parent.waits
      .filter((w) => w.kind === 'callActivity')
      .map((w) => childInstanceId(parent._id, w.executionId)),
  );
  return (parent.takenEscalations ?? []).filter((key) =>
    children.has(key.slice(0, key.indexOf(':'))),
  );
}
