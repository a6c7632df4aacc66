import { isExpressionText } from './expression-text';
import { messageRefsOf, readTimers, signalDefinitionsOf } from './event-extractors';
import { childOf, eventDefinitionsOf, idOf, nameOf, type ModdleElement } from './moddle-element';
import { type ProcessModel } from './process-model';
import { type ProcessRule } from './validation-rule';

/** Names of the messages and signals a node catches or throws, with the element that names them. */
function namedReferences(node: ModdleElement): { kind: string; name: string; refId: string }[] {
  const found: { kind: string; name: string; refId: string }[] = [];
  for (const { message } of messageRefsOf(node)) {
    const name = nameOf(message);
    if (name !== undefined) found.push({ kind: 'message', name, refId: idOf(message) });
  }
  for (const definition of signalDefinitionsOf(node)) {
    const signal = childOf(definition, 'signalRef');
    const name = nameOf(signal);
    if (name !== undefined) found.push({ kind: 'signal', name, refId: idOf(signal) });
  }
  return found;
}

// Correlation and broadcasts match names as written: an expression would never match anything.
const literalEventNames: ProcessRule = {
  name: 'literal-event-names',
  check({ model, report }) {
    for (const node of model.flowNodes) {
      for (const { kind, name, refId } of namedReferences(node)) {
        if (isExpressionText(name) || name.includes('${'))
          report.problem(
            idOf(node),
            `${kind} '${refId}' is named by an expression ('${name}'); ${kind}s are matched by their name as written`,
          );
      }
    }
  },
};

const processStartEvents: ProcessRule = {
  name: 'process-start-events',
  check({ model, report }) {
    const starts = model.topLevelNodes().filter((node) => node.$type === 'bpmn:StartEvent');
    const none = starts.filter((start) => eventDefinitionsOf(start).length === 0);
    // an instance starts by one start event; with two none start events it would run both
    for (const extra of none.slice(1))
      report.problem(idOf(extra), 'a process has at most one none start event');
    const byName = new Map<string, string>();
    for (const start of starts) {
      for (const { kind, name } of namedReferences(start)) {
        const key = `${kind}\u0000${name}`;
        const first = byName.get(key);
        if (first === undefined) byName.set(key, idOf(start));
        else
          report.problem(
            idOf(start),
            `start events '${first}' and '${idOf(start)}' both start by ${kind} '${name}'; one would be chosen at random`,
          );
      }
      for (const timer of readTimers(start)) {
        if (isExpressionText(timer.value))
          report.problem(
            idOf(start),
            `a timer start event is scheduled before any instance (or variable) exists: write ${timer.kind} as a literal value, e.g. R/2026-01-10T09:00:00+08:00/P1M`,
          );
      }
    }
  },
};

// The engine starts event sub-processes from outside by a correlated message or a broadcast
// signal, and only those directly in the process (bpmn-elements would start none by itself).
const eventSubProcessStarts: ProcessRule = {
  name: 'event-sub-process-starts',
  check({ model, report }) {
    for (const subProcess of eventSubProcesses(model)) {
      if (model.parentOf(subProcess) === undefined) continue;
      for (const start of childNodes(subProcess)) {
        if (start.$type === 'bpmn:StartEvent' && namedReferences(start).length > 0)
          report.problem(
            idOf(subProcess),
            'an event sub-process started by a message or signal must be placed directly in the process, not inside a sub-process',
          );
      }
    }
  },
};

function eventSubProcesses(model: ProcessModel): ModdleElement[] {
  return model.flowNodes.filter(
    (node) => node.$type === 'bpmn:SubProcess' && node['triggeredByEvent'] === true,
  );
}

function childNodes(container: ModdleElement): ModdleElement[] {
  const value = container['flowElements'];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

export const eventStartRules: readonly ProcessRule[] = [
  literalEventNames,
  processStartEvents,
  eventSubProcessStarts,
];
