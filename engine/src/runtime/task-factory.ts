import type { AssignmentContext, AssignmentResolvers } from '../assignment';
import { resolveDueDate, type WorkingCalendar } from '../calendar';
import { clockFunctions, evaluateExpression, isExpression } from '../expressions';
import type { DeploymentDoc, InstanceDoc, TaskDoc } from '../storage/documents';
import type { WaitState } from './bpmn-session';
import type { UserTaskModel } from './process-model';

export interface TaskFactoryInput {
  instance: Pick<
    InstanceDoc,
    '_id' | 'definitionId' | 'processKey' | 'version' | 'district' | 'businessKey' | 'starter'
  >;
  deployment: Pick<DeploymentDoc, 'formBindings' | 'name'>;
  wait: WaitState;
  model: UserTaskModel;
  variables: Record<string, unknown>;
  calendar: WorkingCalendar;
  now: Date;
  rev: number;
}

export function taskIdFor(instanceId: string, executionId: string): string {
  return `${instanceId}:${executionId}`;
}

/**
 * The instance a task id belongs to, without reading the task: bpmn-elements makes execution ids
 * broker-safe (no ':'), so the instance id is everything before the last ':'. Undefined for a text
 * that is no task id.
 */
export function instanceIdOfTask(taskId: string): string | undefined {
  const at = typeof taskId === 'string' ? taskId.lastIndexOf(':') : -1;
  return at > 0 && at < taskId.length - 1 ? taskId.slice(0, at) : undefined;
}

/** Builds the task document for a user task the process now waits in: assignment, dates, form. */
export async function buildTask(
  input: TaskFactoryInput,
  resolvers: AssignmentResolvers,
): Promise<TaskDoc> {
  const { instance, wait, model, now } = input;
  const element = model.elementVariable ? wait.content[model.elementVariable] : undefined;
  const scope = {
    ...input.variables,
    ...(model.elementVariable && { [model.elementVariable]: element }),
    loopCounter: wait.index,
  };
  const assignment: AssignmentContext = {
    district: instance.district,
    starter: instance.starter,
    variables: scope,
  };

  const users = async (refs: string[]): Promise<string[]> => {
    const lists = await Promise.all(
      refs.map((ref) => resolveRef(ref, scope, assignment, resolvers)),
    );
    return [...new Set(lists.flat())];
  };
  const assignees = model.assignee ? await users([model.assignee]) : [];
  const candidateUsers = await users(model.candidateUsers);
  const date = (spec?: string) => {
    if (!spec) return undefined;
    const text = isExpression(spec)
      ? String(evaluateExpression(spec, { ...scope, ...clockFunctions(now, input.calendar) }) ?? '')
      : spec;
    return text ? resolveDueDate(text, { now, calendar: input.calendar }) : undefined;
  };
  const priority = model.priority
    ? Number(
        isExpression(model.priority) ? evaluateExpression(model.priority, scope) : model.priority,
      )
    : 50;

  return {
    _id: taskIdFor(instance._id, wait.executionId),
    instanceId: instance._id,
    definitionId: instance.definitionId,
    processKey: instance.processKey,
    version: instance.version,
    activityId: wait.activityId,
    executionId: wait.executionId,
    district: instance.district,
    ...(instance.businessKey !== undefined && { businessKey: instance.businessKey }),
    ...(input.deployment.name !== undefined && { processName: input.deployment.name }),
    ...(instance.starter !== undefined && { starter: instance.starter }),
    name: model.name ?? model.id,
    ...(model.formKey && {
      formKey: model.formKey,
      formVersion: input.deployment.formBindings.find((b) => b.formKey === model.formKey)?.version,
    }),
    // One resolved user is the assignee; several become candidates who claim.
    ...(assignees.length === 1 && { assignee: assignees[0] }),
    candidateUsers: [...new Set([...candidateUsers, ...(assignees.length > 1 ? assignees : [])])],
    candidateGroups: model.candidateGroups,
    viewers: [],
    priority: Number.isFinite(priority) ? priority : 50,
    ...(date(model.dueDate) && { dueAt: date(model.dueDate) }),
    ...(date(model.followUpDate) && { followUpAt: date(model.followUpDate) }),
    ...(wait.index !== undefined && {
      loop: { index: wait.index, element: element ?? null, elementVariable: model.elementVariable },
    }),
    status: 'open',
    createdAt: now,
    instanceRev: input.rev,
    changedAtRev: input.rev,
  };
}

async function resolveRef(
  ref: string,
  scope: Record<string, unknown>,
  ctx: AssignmentContext,
  resolvers: AssignmentResolvers,
): Promise<string[]> {
  if (!isExpression(ref)) return resolvers.resolve(ref, ctx);
  const value = evaluateExpression(ref, scope);
  if (Array.isArray(value)) return value.map(String);
  return value === null || value === undefined || value === '' ? [] : [String(value)];
}
