import type { FlowGraph, FlowNode } from '../runtime/flow-graph';
import type { InstanceDoc } from '../storage/documents';
import type { ActivityMove } from './migration.types';

/** How one instance's waiting activities land in the new version. */
export interface InstanceMapping {
  activities: ActivityMove[];
  unmapped: { activityId: string; reason: string }[];
  /** Timer element of the new version → the due time it keeps from the old timer. */
  keptDueTimes: Map<string, Date>;
}

export interface MappingInput {
  from: FlowGraph;
  to: FlowGraph;
  toVersion: number;
  instance: Pick<InstanceDoc, 'waits' | 'timers'>;
  mapping: Readonly<Record<string, string>>;
}

/**
 * Maps the activities an instance waits in (user and service tasks, receive tasks, message and
 * timer catch events) onto the new version. Supported: activities directly in the process, onto
 * an activity of the same type (and, for events, the same event definitions); a multi-instance
 * user task onto a multi-instance user task, whose body resumes at the old body's position.
 * Boundary timers are not waits of their own: they are re-armed with their activity, keeping
 * their due time when the new activity has a boundary timer of the same (or the mapped) id.
 */
export function mapInstance(input: MappingInput): InstanceMapping {
  const { from, to, instance } = input;
  const result: InstanceMapping = { activities: [], unmapped: [], keptDueTimes: new Map() };
  const targetOf = (id: string) => input.mapping[id] ?? (to.node(id) ? id : undefined);
  const refuse = (activityId: string, reason: string) =>
    result.unmapped.push({ activityId, reason });

  const waiting = new Map<string, string>(); // activity id → wait kind
  for (const wait of instance.waits) waiting.set(wait.activityId, wait.kind);
  for (const timer of instance.timers)
    if (!from.node(timer.activityId)?.attachedTo) waiting.set(timer.activityId, 'timer');
  if (waiting.size === 0) refuse('', 'the instance waits in no activity');

  const targets = new Map<string, string>(); // new id → old id
  for (const [activityId, kind] of waiting) {
    const targetId = targetOf(activityId);
    const reason = refusal(input, activityId, kind, targetId);
    if (reason) {
      refuse(activityId, reason);
      continue;
    }
    const other = targets.get(targetId!);
    if (other) {
      refuse(activityId, `${other} and ${activityId} both map to ${targetId}`);
      continue;
    }
    targets.set(targetId!, activityId);
    result.activities.push({ activityId, targetActivityId: targetId! });
  }

  for (const timer of instance.timers) {
    const node = from.node(timer.activityId);
    const host = node?.attachedTo ? targetOf(node.attachedTo) : undefined;
    const targetId = targetOf(timer.activityId);
    const target = targetId ? to.node(targetId) : undefined;
    if (!target) continue;
    // a boundary timer keeps its due time only on the activity its own activity maps to
    if (node?.attachedTo && target.attachedTo !== host) continue;
    result.keptDueTimes.set(targetId!, timer.dueAt);
  }
  return result;
}

function refusal(
  input: MappingInput,
  activityId: string,
  kind: string,
  targetId: string | undefined,
): string | undefined {
  const source = input.from.node(activityId);
  if (!source) return `the old version has no activity ${activityId}`;
  if (kind === 'callActivity') return 'call activities are not migrated';
  const structural = unsupported(source);
  if (structural) return structural;
  // an element wait is taken over by the element of the same loop index (loop-positions.ts)
  if (source.multiInstance && kind !== 'userTask')
    return 'only multi-instance user tasks are migrated';
  if (!targetId)
    return `no mapping given, and version ${input.toVersion} has no activity ${activityId}`;
  const target = input.to.node(targetId);
  if (!target) return `version ${input.toVersion} has no activity ${targetId}`;
  const targetStructural = unsupported(target);
  if (targetStructural) return `target ${targetId}: ${targetStructural}`;
  if (target.attachedTo || target.type === 'bpmn:StartEvent')
    return `target ${targetId} cannot be entered directly`;
  if (target.type !== source.type)
    return `${activityId} is a ${source.type}, ${targetId} a ${target.type}`;
  if (target.multiInstance !== source.multiInstance)
    return `${source.multiInstance ? activityId : targetId} is multi-instance, ${source.multiInstance ? targetId : activityId} is not`;
  if (target.eventKinds.join() !== source.eventKinds.join())
    return `${activityId} and ${targetId} wait for different events`;
  return undefined;
}

function unsupported(node: FlowNode): string | undefined {
  if (node.parentId) return 'activities inside a sub-process are not migrated';
  return undefined;
}
