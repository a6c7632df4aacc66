import { messageRefsOf, signalDefinitionsOf } from './event-extractors';
import { childOf, eventDefinitionsOf, idOf, textOf, type ModdleElement } from './moddle-element';
import { type ProcessRule } from './validation-rule';

/** Activities a BPMN error can come out of: thrown inside, by a service handler, or by a called process. */
const errorThrowing = new Set([
  'bpmn:SubProcess',
  'bpmn:CallActivity',
  'bpmn:ServiceTask',
  'bpmn:SendTask',
  'bpmn:BusinessRuleTask',
]);

/** Activities an escalation can come out of: thrown inside, or by a called process. */
const escalationThrowing = new Set(['bpmn:SubProcess', 'bpmn:CallActivity']);

function definitionsOfType(node: ModdleElement, type: string): ModdleElement[] {
  return eventDefinitionsOf(node).filter((definition) => definition.$type === type);
}

const boundaryEvents: ProcessRule = {
  name: 'boundary-events',
  check({ model, report }) {
    for (const boundary of model.nodesOfType('bpmn:BoundaryEvent')) {
      const id = idOf(boundary);
      const attached = childOf(boundary, 'attachedToRef');
      const attachedType = attached?.$type ?? '';
      if (
        definitionsOfType(boundary, 'bpmn:ErrorEventDefinition').length > 0 &&
        !errorThrowing.has(attachedType)
      )
        report.warning(
          id,
          `this error boundary event never fires: a ${attachedType} throws no BPMN errors (sub-processes, call activities and service tasks do)`,
        );
      if (
        definitionsOfType(boundary, 'bpmn:EscalationEventDefinition').length > 0 &&
        !escalationThrowing.has(attachedType)
      )
        report.warning(
          id,
          `this escalation boundary event never fires: escalations are caught on the sub-process they are thrown in or on the call activity whose process throws them, not on a ${attachedType}`,
        );
      const waitsForMessageOrSignal =
        messageRefsOf(boundary).length > 0 || signalDefinitionsOf(boundary).length > 0;
      if (waitsForMessageOrSignal && boundary['cancelActivity'] === false)
        report.warning(
          id,
          'a non-interrupting message or signal boundary event fires once per activation of its activity',
        );
    }
  },
};

// Error codes are what boundary events match on, and all a called process passes to its caller.
const thrownErrorCodes: ProcessRule = {
  name: 'thrown-error-codes',
  check({ model, report }) {
    for (const node of model.nodesOfType('bpmn:EndEvent')) {
      for (const definition of definitionsOfType(node, 'bpmn:ErrorEventDefinition')) {
        const error = childOf(definition, 'errorRef');
        if (!error || textOf(error, 'errorCode') === undefined)
          report.warning(
            idOf(node),
            `${error ? `error '${idOf(error)}' has no errorCode` : 'this error end event names no bpmn:error'}: only error boundary events without an error reference catch it, and a calling process cannot`,
          );
      }
    }
  },
};

export const boundaryEventRules: readonly ProcessRule[] = [boundaryEvents, thrownErrorCodes];
