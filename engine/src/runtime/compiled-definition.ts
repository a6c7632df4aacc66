import BpmnModdle from 'bpmn-moddle';
import * as Elements from 'bpmn-elements';
import serialize, { TypeResolver } from 'moddle-context-serializer';
import camundaDescriptor from 'camunda-bpmn-moddle/resources/camunda.json';
import { DurableTimerEventDefinition } from './durable-timer-event-definition';
import { MultiInstanceLoop } from './multi-instance/multi-instance-loop';
import {
  ScopedErrorEventDefinition,
  ScopedEscalationEventDefinition,
} from './scoped-catch-event-definitions';
import { TriggerableStartEvent } from './triggerable-start-event';

/**
 * A deployed definition turned into what bpmn-engine runs, once per process (parsing BPMN XML on
 * every task completion would dominate the cost of a step).
 *
 * Element overrides: service, send and business-rule tasks become wait states (the engine runs
 * their handlers as durable jobs and signals the result), and timers use the engine's clock.
 * An instance starts by one start event only (triggerable-start-event.ts), boundary events catch
 * only errors and escalations thrown inside their activity (scoped-catch-event-definitions.ts),
 * and multi-instance bodies can be entered at a position and re-open elements (multi-instance/).
 */
export interface CompiledDefinition {
  readonly id: string;
  readonly sourceContext: unknown;
}

const ELEMENT_OVERRIDES = {
  ServiceTask: Elements.SignalTask,
  SendTask: Elements.SignalTask,
  BusinessRuleTask: Elements.SignalTask,
  TimerEventDefinition: DurableTimerEventDefinition,
  StartEvent: TriggerableStartEvent,
  ErrorEventDefinition: ScopedErrorEventDefinition,
  EscalationEventDefinition: ScopedEscalationEventDefinition,
  MultiInstanceLoopCharacteristics: MultiInstanceLoop,
};

const typeResolver = TypeResolver({ ...Elements, ...ELEMENT_OVERRIDES } as never);

interface ModdleElementLike {
  $type: string;
  get(name: string): unknown;
  set(name: string, value: unknown): void;
}

export function createModdle(): BpmnModdle {
  return new BpmnModdle({ camunda: camundaDescriptor });
}

export async function compileDefinition(id: string, xml: string): Promise<CompiledDefinition> {
  const moddleContext = await createModdle().fromXML(xml);
  normalizeCollections(moddleContext);
  const sourceContext = serialize(moddleContext as never, typeResolver);
  return { id, sourceContext };
}

/** Camunda lets camunda:collection name a variable; bpmn-elements only evaluates expressions. */
function normalizeCollections(context: BpmnModdle.ImportResult): void {
  // Loop characteristics carry no id, so they are reached through their activity.
  for (const activity of Object.values(context.elementsById) as {
    loopCharacteristics?: ModdleElementLike;
  }[]) {
    const loop = activity.loopCharacteristics;
    if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') continue;
    const collection = loop.get('camunda:collection');
    if (
      typeof collection === 'string' &&
      /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(collection.trim())
    ) {
      loop.set('camunda:collection', `\${${collection.trim()}}`);
    }
  }
}
