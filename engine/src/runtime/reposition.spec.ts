import { BpmnSession } from './bpmn-session';
import { compileDefinition, type CompiledDefinition } from './compiled-definition';
import type { TimerService } from './durable-timer-event-definition';

const definitions = (process: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="t">${process}</bpmn:definitions>`;

/** draft → review (with a reminder) → decide: ok ends, otherwise back to draft. */
const LOOP = definitions(`
  <bpmn:process id="loop" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="draft" />
    <bpmn:userTask id="draft" />
    <bpmn:sequenceFlow id="f2" sourceRef="draft" targetRef="review" />
    <bpmn:userTask id="review" />
    <bpmn:boundaryEvent id="late" attachedToRef="review" cancelActivity="false">
      <bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f-late" sourceRef="late" targetRef="lateEnd" />
    <bpmn:endEvent id="lateEnd" />
    <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="decide" />
    <bpmn:exclusiveGateway id="decide" default="f-again" />
    <bpmn:sequenceFlow id="f-ok" sourceRef="decide" targetRef="end"><bpmn:conditionExpression>= ok = true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f-again" sourceRef="decide" targetRef="draft" />
    <bpmn:endEvent id="end" />
  </bpmn:process>`);

/** fork → a, b → join → after; votes is a multi-instance task before the fork. */
const PARALLEL = definitions(`
  <bpmn:process id="parallel" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="votes" />
    <bpmn:userTask id="votes">
      <bpmn:multiInstanceLoopCharacteristics camunda:collection="voters" camunda:elementVariable="voter" />
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f1" sourceRef="votes" targetRef="fork" />
    <bpmn:parallelGateway id="fork" />
    <bpmn:sequenceFlow id="fa" sourceRef="fork" targetRef="a" />
    <bpmn:sequenceFlow id="fb" sourceRef="fork" targetRef="b" />
    <bpmn:userTask id="a" />
    <bpmn:userTask id="b" />
    <bpmn:sequenceFlow id="fa-join" sourceRef="a" targetRef="join" />
    <bpmn:sequenceFlow id="fb-join" sourceRef="b" targetRef="join" />
    <bpmn:parallelGateway id="join" />
    <bpmn:sequenceFlow id="f2" sourceRef="join" targetRef="after" />
    <bpmn:userTask id="after" />
    <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>`);

const timers: TimerService = {
  now: () => new Date('2026-03-02T01:00:00Z'),
  expireAt: () => ({ expireAt: new Date('2026-03-03T01:00:00Z') }),
};

describe('moving tokens (reposition)', () => {
  const compiled = new Map<string, CompiledDefinition>();
  beforeAll(async () => {
    compiled.set('loop', await compileDefinition('loop', LOOP));
    compiled.set('parallel', await compileDefinition('parallel', PARALLEL));
  });
  const session = (name: string, variables: Record<string, unknown> = {}) =>
    BpmnSession.create({ definition: compiled.get(name)!, variables, timers });
  const waitingIds = (s: BpmnSession) =>
    s
      .waiting()
      .map((w) => w.activityId)
      .sort();
  const signal = (s: BpmnSession, activityId: string) =>
    s.signal(s.waiting().find((w) => w.activityId === activityId)!.executionId);
  /** Serializes and recovers into a new session, as after a restart. */
  const restored = async (s: BpmnSession, name: string, variables: Record<string, unknown>) => {
    const state = await s.serialize();
    s.stop();
    const next = session(name, variables);
    await next.recover(state);
    return next;
  };

  it('leaves a task without taking its flows, enters an earlier one, and the state restores', async () => {
    // given: waiting in review, with its reminder armed
    const s = session('loop');
    await s.start();
    signal(s, 'draft');
    expect(s.pendingTimers().map((t) => t.activityId)).toEqual(['late']);

    // when: review is left and draft entered
    s.moveTokens({ leave: ['review'], enter: ['draft'] });

    // then: only draft waits, the reminder went with review, nothing reached decide
    expect(waitingIds(s)).toEqual(['draft']);
    expect(s.pendingTimers()).toEqual([]);
    expect(s.tokenHolders()).toEqual(['draft']);
    expect(s.completed).toBe(false);

    // and after a restore the loop runs as if the token had always been there
    const variables: Record<string, unknown> = {};
    const t = await restored(s, 'loop', variables);
    expect(waitingIds(t)).toEqual(['draft']);
    signal(t, 'draft');
    expect(waitingIds(t)).toEqual(['review']);
    expect(t.pendingTimers().map((x) => x.activityId)).toEqual(['late']);
    signal(t, 'review'); // not ok: back to draft, once
    expect(waitingIds(t)).toEqual(['draft']);
    signal(t, 'draft');
    variables.ok = true;
    signal(t, 'review');
    expect(t.completed).toBe(true);
  });

  it('starts with tokens only at the given activities; no start event runs', async () => {
    const s = session('loop');
    await s.startAt(['review']);
    expect(waitingIds(s)).toEqual(['review']);
    expect(s.takeEvents().map((e) => e.activityId)).not.toContain('start');
    expect(s.pendingTimers().map((t) => t.activityId)).toEqual(['late']);

    const t = await restored(s, 'loop', { ok: true });
    expect(waitingIds(t)).toEqual(['review']);
    expect(t.pendingTimers().map((x) => x.activityId)).toEqual(['late']);
    signal(t, 'review');
    expect(t.completed).toBe(true);
  });

  it('leaves a whole multi-instance body; a join waiting for a branch shows as a token on its flow', async () => {
    const s = session('parallel', { voters: ['v1', 'v2'] });
    await s.start();
    expect(waitingIds(s)).toEqual(['votes', 'votes']);

    s.moveTokens({ leave: ['votes'], enter: ['a', 'b'] });
    expect(waitingIds(s)).toEqual(['a', 'b']);
    signal(s, 'a');
    expect(s.tokenHolders().sort()).toEqual(['b', 'fa-join']);

    const t = await restored(s, 'parallel', { voters: ['v1', 'v2'] });
    signal(t, 'b');
    expect(waitingIds(t)).toEqual(['after']);
    signal(t, 'after');
    expect(t.completed).toBe(true);
  });

  it('refuses impossible moves before touching anything', async () => {
    const s = session('loop');
    await s.start();
    const cases: [Parameters<BpmnSession['moveTokens']>[0], string][] = [
      [{ leave: ['review'], enter: [] }, 'CONFLICT'], // not active
      [{ leave: [], enter: ['nowhere'] }, 'INVALID_ARGUMENT'],
      [{ leave: [], enter: ['late'] }, 'INVALID_ARGUMENT'], // a boundary event
      [{ leave: [], enter: ['draft'] }, 'CONFLICT'], // already active
      [{ leave: ['draft'], enter: ['draft'] }, 'INVALID_ARGUMENT'],
      [{ leave: ['draft'], enter: ['review', 'nowhere'] }, 'INVALID_ARGUMENT'],
    ];
    for (const [move, code] of cases)
      expect(() => s.moveTokens(move)).toThrow(expect.objectContaining({ code }));
    expect(waitingIds(s)).toEqual(['draft']);
  });

  it('leaving the last token ends the process, as cancelling every activity does in Camunda', async () => {
    const s = session('loop');
    await s.start();
    s.moveTokens({ leave: ['draft'], enter: [] });
    expect(s.completed).toBe(true);
  });
});
