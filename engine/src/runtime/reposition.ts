import type { EventEmitter } from 'node:events';
import { EngineError } from '../engine.error';
import { LOOP_ENTRY, type LoopEntry } from './multi-instance/loop-position';

/**
 * Process instance modification (Camunda's "cancel activity instance" + "start before activity")
 * on a live bpmn-engine execution: leave some active activity executions without taking their
 * outgoing flows, and start some activities as if a token had just arrived.
 *
 * This file is the one place that reaches past bpmn-elements' public API, and says where:
 * - leaving: bpmn-elements discards an activity by discarding its outgoing flows too, which would
 *   push discard tokens downstream (into joins and loops). It has its own way to leave without
 *   them — `ignoreOutbound` on the execution's completion content, used by the event-based
 *   gateway — but no API to ask for it, so we set that flag on the execution's root message
 *   before the ordinary discard API call.
 * - entering: `activity.run()` on a child of the running process execution is what the process
 *   itself does for start activities; the process execution tracks the new run from its events,
 *   exactly as for a token that arrived by a flow, so the state serializes and recovers as usual.
 * - entering with a given execution id (a migration keeps a call activity's, so that its called
 *   instance, whose id and link derive from it, stays attached): the activity's next execution id
 *   is set where `activity.init()` would set it, in the activity's `exec` map.
 * - entering a multi-instance activity over some elements or at a position: the run message
 *   carries a LoopEntry, which the engine's own loop reads (multi-instance/).
 * - starting with tokens only at given activities (a migration): a new process execution whose
 *   start activities do nothing for the duration of the start (their init and run replaced on
 *   the instance, then restored), then the activities entered.
 *
 * Scope: activities directly in the process, not inside a sub-process (a sub-process activity
 * itself may be left or entered as a whole).
 */
export interface TokenMove {
  /** Activities to leave, by element id: every active execution of each (a whole multi-instance body). */
  leave: string[];
  /** Activities to start, by element id, or with how to enter them. */
  enter: (string | EnterSpec)[];
}

/** How one activity is entered. */
export interface EnterSpec {
  activityId: string;
  /** The execution id the new execution takes (default: a new one). */
  executionId?: string;
  /** For a multi-instance activity: the elements, or the position, it is entered with. */
  loop?: LoopEntry;
}

/** The slices of bpmn-elements objects this file reads. */
interface ChildApi {
  id: string;
  type: string;
  executionId: string;
  discard(): void;
}

interface ChildActivity {
  id: string;
  type: string;
  isRunning: boolean;
  behaviour?: { loopCharacteristics?: unknown };
  isStart: boolean;
  attachedTo: unknown;
  triggeredByEvent?: boolean;
  broker: { cancel(consumerTag: string): void };
  execution?: Record<symbol, { content: Record<string, unknown> } | undefined>;
  init(content?: Record<string, unknown>): void;
  run(content?: Record<string, unknown>): void;
}

interface ProcessExecutionLike {
  getPostponed(): ChildApi[];
  getActivityById(id: string): ChildActivity | undefined;
  getActivities(): ChildActivity[];
}

interface ProcessLike {
  id: string;
  execution?: ProcessExecutionLike;
  context: { getActivities(scopeId: string): ChildActivity[] };
}

interface DefinitionLike {
  getRunningProcesses(): ProcessLike[];
}

/** What reposition needs of bpmn-engine's Engine. */
export interface RepositionableEngine {
  execution?: { definitions: DefinitionLike[] } | null;
}

const EXECUTE_MESSAGE = Symbol.for('executeMessage');
const EXEC = Symbol.for('exec');
const NOT_ENTERABLE = new Set(['bpmn:BoundaryEvent', 'bpmn:StartEvent']);

/** Moves tokens in the running process; validates everything before touching anything. */
export function moveTokens(engine: RepositionableEngine, move: TokenMove): void {
  const execution = runningProcess(engine).execution!;
  const postponed = execution.getPostponed();
  const leaving = [...new Set(move.leave)].flatMap((activityId) => {
    const apis = postponed.filter((p) => p.id === activityId);
    if (apis.length === 0)
      throw new EngineError(
        'CONFLICT',
        `activity ${activityId} is not active at the process level`,
      );
    return apis;
  });
  const specs = move.enter.map((e) => (typeof e === 'string' ? { activityId: e } : e));
  if (new Set(specs.map((e) => e.activityId)).size !== specs.length)
    throw new EngineError('INVALID_ARGUMENT', 'an activity can be entered once in one move');
  const entering = specs.map((spec) => ({ spec, activity: enterable(execution, spec.activityId) }));
  for (const { spec, activity } of entering) {
    if (move.leave.includes(activity.id))
      throw new EngineError(
        'INVALID_ARGUMENT',
        `activity ${activity.id} cannot be left and entered in one move`,
      );
    if (activity.isRunning)
      throw new EngineError('CONFLICT', `activity ${activity.id} is already active`);
    if (spec.loop && !activity.behaviour?.loopCharacteristics)
      throw new EngineError('INVALID_ARGUMENT', `activity ${activity.id} is not multi-instance`);
  }
  // Enter first: leaving the last active activity would complete the process.
  for (const { spec, activity } of entering) enter(activity, spec);
  for (const api of leaving) leave(execution, api);
}

/** The execution id of an activity active directly in the process (a multi-instance body's). */
export function activeExecutionId(engine: RepositionableEngine, activityId: string): string {
  const api = runningProcess(engine)
    .execution!.getPostponed()
    .find((p) => p.id === activityId);
  if (!api)
    throw new EngineError('CONFLICT', `activity ${activityId} is not active at the process level`);
  return api.executionId;
}

/**
 * Starts a new execution of the engine's (single executable) process with tokens only in the
 * given activities: no start event runs, nothing before them happens.
 */
export async function startWithTokensAt(
  engine: RepositionableEngine & {
    execute(options: Record<string, unknown>): Promise<unknown>;
  },
  listener: EventEmitter,
  activities: (string | EnterSpec)[],
): Promise<void> {
  if (activities.length === 0)
    throw new EngineError('INVALID_ARGUMENT', 'a positioned start needs at least one activity');
  const heldBack: ChildActivity[] = [];
  // The process announces itself (process.enter) before its execution starts its start
  // activities (init, then run): for this start, both do nothing.
  const holdBackStarts = (api: { owner?: ProcessLike; type?: string }) => {
    const process = api.owner;
    if (api.type !== 'bpmn:Process' || !process?.context) return;
    for (const activity of process.context.getActivities(process.id)) {
      if (!activity.isStart || heldBack.includes(activity)) continue;
      for (const method of ['init', 'run'])
        Object.defineProperty(activity, method, { value: () => undefined, configurable: true });
      heldBack.push(activity);
    }
  };
  listener.on('process.enter', holdBackStarts);
  try {
    await engine.execute({ listener });
  } finally {
    listener.off('process.enter', holdBackStarts);
    // Back to the prototype's methods: the activities are entered below, and recovered later.
    for (const activity of heldBack) {
      delete (activity as Partial<ChildActivity>).init;
      delete (activity as Partial<ChildActivity>).run;
    }
  }
  moveTokens(engine, { leave: [], enter: activities });
}

/**
 * Ids of the elements holding a token at the process level: active activities (with their
 * boundary events) and sequence flows whose token waits at a join.
 */
export function tokenHolders(engine: RepositionableEngine): string[] {
  return runningProcess(engine)
    .execution!.getPostponed()
    .map((api) => api.id);
}

function runningProcess(engine: RepositionableEngine): ProcessLike {
  const process = engine.execution?.definitions
    .flatMap((d) => d.getRunningProcesses())
    .find((p) => p.execution);
  if (!process) throw new EngineError('CONFLICT', 'the process is not running');
  return process;
}

function enterable(execution: ProcessExecutionLike, activityId: string): ChildActivity {
  const activity = execution.getActivityById(activityId);
  if (!activity)
    throw new EngineError(
      'INVALID_ARGUMENT',
      `activity ${activityId} is not an activity directly in the process`,
    );
  if (NOT_ENTERABLE.has(activity.type) || activity.attachedTo || activity.triggeredByEvent)
    throw new EngineError('INVALID_ARGUMENT', `activity ${activityId} cannot be entered directly`);
  return activity;
}

function enter(activity: ChildActivity, spec: EnterSpec): void {
  if (spec.executionId) {
    const exec = (activity as unknown as Record<symbol, Map<string, unknown> | undefined>)[EXEC];
    if (!exec) throw new EngineError('CONFLICT', `activity ${activity.id} keeps no execution ids`);
    exec.set('initExecutionId', spec.executionId);
  }
  // As when a token arrives: stop listening for inbound tokens while running (resumed on leave).
  activity.broker.cancel('_run-on-inbound');
  activity.run(spec.loop ? { [LOOP_ENTRY]: spec.loop } : undefined);
}

function leave(execution: ProcessExecutionLike, api: ChildApi): void {
  const activity = execution.getActivityById(api.id);
  const root = activity?.execution?.[EXECUTE_MESSAGE];
  if (!root) throw new EngineError('CONFLICT', `activity ${api.id} is not executing`);
  root.content.ignoreOutbound = true;
  api.discard();
}
