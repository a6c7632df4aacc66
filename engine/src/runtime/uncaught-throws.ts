import type { EventEmitter } from 'node:events';

/** A BPMN error an error end or throw event raised that no error event in the instance caught. */
export interface UncaughtError {
  activityId: string;
  code?: string;
  name?: string;
}

/** An escalation a throw or end event raised that nothing in the instance caught. */
export interface UncaughtEscalation {
  activityId: string;
  /** The id of the bpmn:escalation thrown (its code is in the definition); absent when none is named. */
  escalationRef?: string;
  name?: string;
}

interface ThrownMessage {
  id?: string;
  code?: string;
  name?: string;
  type?: string;
  messageType?: string;
}

interface EventApi {
  id: string;
  executionId: string;
  content: Record<string, unknown>;
}

/**
 * Watches one session for errors and escalations that nothing in the instance catches, which a
 * calling instance may then catch at its call activity (subprocesses/).
 *
 * An error end or throw event publishes 'activity.throw'; whatever catches it publishes
 * 'activity.catch' naming the thrower as its source — often before the throw is reported. An
 * escalation is published as 'activity.escalate', and its catch (a boundary event, an event
 * sub-process) names no thrower: it is matched by the escalation it caught, so N catches of an
 * escalation account for N of its throws in the same step.
 */
export class UncaughtThrows {
  private readonly errors = new Map<string, UncaughtError>();
  private readonly caughtThrowers = new Set<string>();
  private readonly escalations: UncaughtEscalation[] = [];
  private readonly caughtEscalations = new Map<string, number>();

  constructor(listener: EventEmitter) {
    listener.on('activity.throw', (api: EventApi) => {
      const error = api.content.message as ThrownMessage | undefined;
      if (error?.type !== 'bpmn:Error') return;
      this.errors.set(api.executionId, {
        activityId: api.id,
        ...(error.code !== undefined && { code: String(error.code) }),
        ...(error.name !== undefined && { name: error.name }),
      });
    });
    listener.on('activity.escalate', (api: EventApi) => {
      const escalation = api.content.message as ThrownMessage | undefined;
      this.escalations.push({
        activityId: api.id,
        ...(escalation?.id !== undefined && { escalationRef: escalation.id }),
        ...(escalation?.name !== undefined && { name: escalation.name }),
      });
    });
    listener.on('activity.catch', (api: EventApi) => {
      const source = api.content.source as { executionId?: string } | undefined;
      if (source?.executionId) this.caughtThrowers.add(source.executionId);
      const caught = api.content.message as
        (ThrownMessage & { calledInstanceId?: string }) | undefined;
      // a called process's escalation taken at a call activity (activity-apis.ts) was not thrown here
      if (caught?.messageType === 'escalation' && caught.calledInstanceId === undefined) {
        const key = caught.id ?? '';
        this.caughtEscalations.set(key, (this.caughtEscalations.get(key) ?? 0) + 1);
      }
    });
  }

  /** BPMN errors thrown since the last call that no error event of the instance caught. */
  takeErrors(): UncaughtError[] {
    const errors = [...this.errors]
      .filter(([thrower]) => !this.caughtThrowers.has(thrower))
      .map(([, error]) => error);
    this.errors.clear();
    this.caughtThrowers.clear();
    return errors;
  }

  /** Escalations thrown since the last call that nothing in the instance caught, in order. */
  takeEscalations(): UncaughtEscalation[] {
    const uncaught = this.escalations.filter((escalation) => {
      const key = escalation.escalationRef ?? '';
      const caught = this.caughtEscalations.get(key) ?? 0;
      if (caught === 0) return true;
      this.caughtEscalations.set(key, caught - 1);
      return false;
    });
    this.escalations.length = 0;
    this.caughtEscalations.clear();
    return uncaught;
  }
}
