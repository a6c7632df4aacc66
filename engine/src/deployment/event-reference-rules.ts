import {
  catchingMessageKinds,
  messageKindOf,
  messageRefsOf,
  signalDefinitionsOf,
} from './event-extractors';
import { childOf, eventDefinitionsOf, idOf, nameOf, textOf } from './moddle-element';
import { type ProcessRule } from './validation-rule';

// A waiting message event is correlated by its message's name; without one nothing can reach it.
const messageReferences: ProcessRule = {
  name: 'message-references',
  check({ model, report }) {
    for (const node of model.flowNodes) {
      const kind = messageKindOf(node);
      if (kind === undefined || !catchingMessageKinds.has(kind)) continue;
      for (const { message } of messageRefsOf(node)) {
        if (!message) report.problem(idOf(node), 'needs a messageRef naming a bpmn:message');
        else if (nameOf(message) === undefined) {
          report.problem(idOf(node), `message '${idOf(message)}' has no name to correlate on`);
        }
      }
    }
  },
};

const signalReferences: ProcessRule = {
  name: 'signal-references',
  check({ model, report }) {
    for (const node of model.flowNodes) {
      for (const definition of signalDefinitionsOf(node)) {
        const signal = childOf(definition, 'signalRef');
        if (!signal) report.problem(idOf(node), 'needs a signalRef naming a bpmn:signal');
        else if (nameOf(signal) === undefined) {
          report.problem(idOf(node), `signal '${idOf(signal)}' has no name`);
        }
      }
    }
  },
};

const implementationAttributes = ['class', 'expression', 'delegateExpression', 'type', 'topic'];

// Camunda 7 lets message throw events run a delegate; the engine only publishes the message.
const messageImplementations: ProcessRule = {
  name: 'message-implementations',
  check({ model, report }) {
    for (const node of model.flowNodes) {
      for (const definition of eventDefinitionsOf(node)) {
        if (definition.$type !== 'bpmn:MessageEventDefinition') continue;
        const used = implementationAttributes.filter(
          (name) => textOf(definition, name) !== undefined,
        );
        if (used.length === 0) continue;
        report.problem(
          idOf(node),
          `message events cannot run an implementation (camunda:${used.join(', camunda:')}); use a send task with camunda:type="external"`,
        );
      }
    }
  },
};

export const eventReferenceRules: readonly ProcessRule[] = [
  messageReferences,
  signalReferences,
  messageImplementations,
];
