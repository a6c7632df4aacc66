import { ErrorEventDefinition, EscalationEventDefinition } from 'bpmn-elements';

type Handler = (this: CatchDefinition, routingKey: string, message: ThrownMessage) => unknown;

interface CatchDefinition {
  activity: { attachedTo?: { id: string } };
}

interface ParentRef {
  id?: string;
  path?: { id?: string }[];
}

interface ThrownMessage {
  content: { parent?: ParentRef };
}

/**
 * bpmn-elements broadcasts a thrown error or escalation to every catching event of the process
 * and lets each one match on the error or escalation alone: a boundary event on task A catches
 * an error end event in a parallel branch, or one that follows A after A completed. In BPMN a
 * boundary event catches only what is thrown inside the activity it is attached to, so a thrown
 * event reaches a boundary event only when that activity is among the thrower's enclosing scopes.
 * (Errors of the attached activity's own execution — a service handler's or a called process's
 * BPMN error — take bpmn-elements' other path, which is scoped already.)
 */
function thrownWithin(definition: CatchDefinition, message: ThrownMessage): boolean {
  const attachedTo = definition.activity.attachedTo?.id;
  if (!attachedTo) return true; // an event sub-process start: the whole process is its scope
  const parent = message.content.parent;
  const scopes = [parent?.id, ...(parent?.path ?? []).map((p) => p.id)];
  return scopes.includes(attachedTo);
}

function scoped(base: unknown, handlerName: string) {
  function ScopedDefinition(this: unknown, ...args: unknown[]): unknown {
    return (base as (...a: unknown[]) => unknown).apply(this, args);
  }
  const baseProto = (base as { prototype: Record<string, Handler> }).prototype;
  const proto = Object.create(baseProto) as Record<string, Handler>;
  proto[handlerName] = function (routingKey, message) {
    if (!thrownWithin(this, message)) return undefined;
    return baseProto[handlerName].call(this, routingKey, message);
  };
  ScopedDefinition.prototype = proto;
  return ScopedDefinition;
}

export const ScopedErrorEventDefinition = scoped(ErrorEventDefinition, '_onThrowApiMessage');
export const ScopedEscalationEventDefinition = scoped(EscalationEventDefinition, '_onCatchMessage');
