import * as Elements from 'bpmn-elements';
import { EngineError } from '../../engine.error';
import {
  iterationExecutionId,
  LOOP_ENTRY,
  LOOP_SERVICE,
  type LoopControl,
  type LoopEntry,
  type LoopItem,
  type LoopPosition,
  type LoopRegistry,
} from './loop-position';

/** The slices of bpmn-elements' messages, broker and activity a loop body works with. */
export interface LoopMessage {
  fields: { routingKey?: string; redelivered?: boolean };
  content: Record<string, unknown>;
  properties: Record<string, unknown>;
}

type Handler = (routingKey: string, message: LoopMessage) => void;

interface LoopBroker {
  publish(
    exchange: string,
    routingKey: string,
    content: Record<string, unknown>,
    properties?: Record<string, unknown>,
  ): void;
  subscribeTmp(
    exchange: string,
    pattern: string,
    handler: Handler,
    options: Record<string, unknown>,
    queueOptions?: Record<string, unknown>,
  ): void;
  cancel(consumerTag: string): void;
}

export interface LoopActivity {
  id: string;
  broker: LoopBroker;
  environment: {
    resolveExpression(expression: unknown, message: unknown): unknown;
    settings: { batchSize?: number };
    getServiceByName(name: string): unknown;
  };
  /** The activity's current execution: what it holds postponed are the body and its iterations. */
  execution?: { getPostponed(): { content: Record<string, unknown> }[] };
}

/** The multi-instance loop characteristics as bpmn-moddle and the context serializer give them. */
export interface LoopDefinition {
  type?: string;
  behaviour?: {
    isSequential?: boolean;
    collection?: unknown;
    elementVariable?: string;
    loopCardinality?: unknown;
    completionCondition?: unknown;
  };
}

/** bpmn-elements exports RunError (an activity's failure to run) without declaring it. */
const { RunError } = Elements as unknown as {
  RunError: new (message: string, source: unknown) => Error;
};

const EXECUTE_TAG = '_execute-q-multi-instance-tag';
const API_TAG = '_api-multi-instance-tag';
/** Bookkeeping of the body's messages that is no business of its iterations. */
const BODY_ONLY = [LOOP_ENTRY, 'generation', 'running', 'discarded', 'preventComplete', 'state'];

/**
 * One run of a multi-instance body (parallel-body.ts, sequential-body.ts). It speaks the message
 * protocol of bpmn-elements' own loop characteristics — the same routing keys and the same
 * bookkeeping fields on the body's state messages (`index`, `running`, `discarded`, `output`) —
 * so states stored before this loop existed recover into it. What it adds: it runs over a list
 * of items (loop index + element) rather than 0..n-1, so a body can be entered over a few
 * elements or at a position (LoopEntry), and a completed element can be run again (reopen).
 */
export abstract class LoopBody implements LoopControl {
  readonly bodyExecutionId: string;
  protected readonly items: LoopItem[];
  protected output: unknown[];
  protected generation = 0;
  protected readonly entry: LoopEntry | undefined;
  /** Iterations left on purpose by a re-opening: their end moves the loop nowhere. */
  protected readonly superseded = new Set<string>();
  private readonly parent: Record<string, unknown>;
  private readonly elementVariable?: string;
  private readonly registry?: LoopRegistry;

  constructor(
    protected readonly activity: LoopActivity,
    private readonly definition: LoopDefinition,
    private readonly message: LoopMessage,
  ) {
    const content = message.content;
    this.bodyExecutionId = String(content.executionId);
    this.parent = adoptParent(content.parent as Record<string, unknown> | undefined, content);
    this.entry = content[LOOP_ENTRY] as LoopEntry | undefined;
    const behaviour = definition.behaviour ?? {};
    if (behaviour.collection) this.elementVariable = behaviour.elementVariable || 'item';
    this.items = this.entry ? this.entry.items : this.evaluateItems();
    const fresh = !message.fields.redelivered;
    const stored = Array.isArray(content.output) ? content.output : undefined;
    this.output = [...((fresh && this.entry?.output) || stored || [])];
    this.registry = activity.environment.getServiceByName(LOOP_SERVICE) as LoopRegistry | undefined;
  }

  get isSequential(): boolean {
    return !!this.definition.behaviour?.isSequential;
  }

  abstract execute(message: LoopMessage): void;
  abstract position(): LoopPosition;
  abstract reopen(index: number): string;
  protected abstract onIterationEnd(routingKey: string, message: LoopMessage): void;

  /** Listens for its iterations ending and for the body being stopped or discarded. */
  protected subscribe(): void {
    const broker = this.activity.broker;
    broker.subscribeTmp(
      'api',
      `activity.*.${this.bodyExecutionId}`,
      (_key, message) => {
        const type = message.properties.type;
        if (type === 'stop' || type === 'discard') this.stop();
      },
      { noAck: true, consumerTag: API_TAG },
      { priority: 400 },
    );
    broker.subscribeTmp(
      'execution',
      'execute.*',
      (routingKey, message) => {
        const { isMultiInstance, executionId } = message.content;
        if (!isMultiInstance || executionId === this.bodyExecutionId) return;
        if (['execute.completed', 'execute.discard', 'execute.cancel'].includes(routingKey))
          this.onIterationEnd(routingKey, message);
      },
      { noAck: true, consumerTag: EXECUTE_TAG, priority: 300 },
    );
    this.registry?.register(this.bodyExecutionId, this);
  }

  protected stop(): void {
    this.activity.broker.cancel(EXECUTE_TAG);
    this.activity.broker.cancel(API_TAG);
    this.registry?.unregister(this.bodyExecutionId);
  }

  /** The body ends: completed, or discarded when every iteration was. */
  protected complete(allDiscarded = false): void {
    this.stop();
    const { [LOOP_ENTRY]: _entry, ...content } = this.bodyContent();
    this.activity.broker.publish(
      'execution',
      allDiscarded ? 'execute.discard' : 'execute.completed',
      { ...content, output: this.output },
    );
  }

  /** Records the body's bookkeeping on its own message, which is what its stored state keeps. */
  protected publishState(routingKey: string, fields: Record<string, unknown>): void {
    this.activity.broker.publish('execution', routingKey, {
      ...this.bodyContent(),
      ...fields,
      ...(this.generation > 0 && { generation: this.generation }),
      preventComplete: true,
    });
  }

  /** Starts one iteration; returns its execution id. */
  protected startIteration(item: LoopItem, extra: Record<string, unknown> = {}): string {
    const executionId = iterationExecutionId(this.bodyExecutionId, item.index, this.generation);
    const content: Record<string, unknown> = { ...this.bodyContent() };
    for (const key of BODY_ONLY) delete content[key];
    this.activity.broker.publish('execution', 'execute.start', {
      ...content,
      isRootScope: undefined,
      executionId,
      isMultiInstance: true,
      parent: cloneParent(this.parent),
      index: item.index,
      ...(this.elementVariable && { [this.elementVariable]: item.element }),
      ...extra,
    });
    return executionId;
  }

  protected completionConditionMet(message: LoopMessage): boolean {
    const condition = this.definition.behaviour?.completionCondition;
    if (!condition) return false;
    return !!this.activity.environment.resolveExpression(condition, {
      fields: { ...message.fields },
      content: { ...message.content, loopOutput: this.output },
      properties: { ...message.properties },
    });
  }

  protected positionOf(index: number): number {
    return this.items.findIndex((item) => item.index === index);
  }

  protected itemAt(index: number): LoopItem {
    const item = this.items.find((i) => i.index === index);
    if (!item)
      throw new EngineError(
        'CONFLICT',
        `element ${index} is not one of multi-instance body ${this.bodyExecutionId}`,
      );
    return item;
  }

  /** Loop indexes of the iterations the activity holds now. */
  protected openIndexes(): number[] {
    return (this.activity.execution?.getPostponed() ?? [])
      .map((api) => api.content)
      .filter((c) => c.isMultiInstance && c.executionId !== this.bodyExecutionId)
      .map((c) => Number(c.index));
  }

  protected positionWith(next: number): LoopPosition {
    return {
      bodyExecutionId: this.bodyExecutionId,
      isSequential: this.isSequential,
      items: this.items.map((item) => ({ ...item })),
      output: [...this.output],
      open: this.openIndexes(),
      next,
      generation: this.generation,
    };
  }

  private bodyContent(): Record<string, unknown> {
    return {
      ...this.message.content,
      loopCardinality: this.items.length,
      isSequential: this.isSequential,
      output: undefined,
    };
  }

  /** The collection (or count) as bpmn-elements reads it: evaluated against the body's message. */
  private evaluateItems(): LoopItem[] {
    const { behaviour = {} } = this.definition;
    const resolve = (expression: unknown) =>
      this.activity.environment.resolveExpression(expression, this.message);
    const collection = behaviour.collection ? resolve(behaviour.collection) : undefined;
    const elements = Array.isArray(collection) ? (collection as unknown[]) : undefined;
    let count = elements?.length;
    if (behaviour.loopCardinality) {
      const value = resolve(behaviour.loopCardinality);
      if ((value !== undefined && Number.isNaN(Number(value))) || Number(value) < 0)
        throw new RunError(
          `<${this.activity.id}> invalid loop cardinality >${value}<`,
          this.message,
        );
      if (value !== undefined) count = Math.min(Number(value), elements?.length ?? Infinity);
    }
    if (count === undefined)
      throw new RunError(
        `<${this.activity.id}> cardinality or collection is required in multi-instance loops`,
        this.message,
      );
    return Array.from({ length: count }, (_, index) =>
      elements ? { index, element: elements[index] } : { index },
    );
  }
}

/** The body becomes the innermost parent of its iterations (bpmn-elements' parent path). */
function adoptParent(
  parent: Record<string, unknown> | undefined,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const self = { id: body.id, type: body.type, executionId: body.executionId };
  if (!parent) return self;
  const path = (parent.path as Record<string, unknown>[] | undefined)?.map((p) => ({ ...p })) ?? [];
  path.unshift({ id: parent.id, type: parent.type, executionId: parent.executionId });
  return { ...parent, ...self, path };
}

function cloneParent(parent: Record<string, unknown>): Record<string, unknown> {
  const path = parent.path as Record<string, unknown>[] | undefined;
  return { ...parent, ...(path && { path: path.map((p) => ({ ...p })) }) };
}

export function numberOr(value: unknown, fallback: number): number {
  const number = Number(value);
  return value === undefined || value === null || Number.isNaN(number) ? fallback : number;
}
