import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import * as Elements from 'bpmn-elements';
import serialize, { TypeResolver } from 'moddle-context-serializer';
import { BpmnSession } from '../bpmn-session';
import { compileDefinition, createModdle, type CompiledDefinition } from '../compiled-definition';
import type { TimerService } from '../durable-timer-event-definition';
import { sessionExpressions } from '../session-expressions';

/** draft → votes (parallel, quorum) → tally → signs (sequential) → end. */
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="t">
  <bpmn:process id="loops" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="draft" />
    <bpmn:userTask id="draft" />
    <bpmn:sequenceFlow id="f1" sourceRef="draft" targetRef="votes" />
    <bpmn:userTask id="votes">
      <bpmn:multiInstanceLoopCharacteristics camunda:collection="\${voters}" camunda:elementVariable="voter">
        <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">= nrOfCompletedInstances &gt;= quorum</bpmn:completionCondition>
      </bpmn:multiInstanceLoopCharacteristics>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="votes" targetRef="tally" />
    <bpmn:userTask id="tally" />
    <bpmn:sequenceFlow id="f3" sourceRef="tally" targetRef="signs" />
    <bpmn:userTask id="signs">
      <bpmn:multiInstanceLoopCharacteristics isSequential="true" camunda:collection="\${signers}" camunda:elementVariable="signer" />
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f4" sourceRef="signs" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const timers: TimerService = {
  now: () => new Date('2026-03-02T01:00:00Z'),
  expireAt: () => ({ expireAt: new Date('2026-03-03T01:00:00Z') }),
};

describe("the engine's multi-instance loop", () => {
  let compiled: CompiledDefinition;
  beforeAll(async () => {
    compiled = await compileDefinition('loops', XML);
  });
  const base = () => ({ voters: ['v1', 'v2', 'v3'], signers: ['s1', 's2', 's3'], quorum: 9 });
  const session = (variables: Record<string, unknown>) =>
    BpmnSession.create({ definition: compiled, variables, timers });
  const waits = (s: BpmnSession, activityId: string) =>
    s.waiting().filter((w) => w.activityId === activityId);
  const elements = (s: BpmnSession, activityId: string, variable: string) =>
    waits(s, activityId)
      .map((w) => `${w.index}:${String(w.content[variable])}`)
      .sort();
  const signal = (s: BpmnSession, activityId: string, index?: number) =>
    s.signal(
      waits(s, activityId).find((w) => index === undefined || w.index === index)!.executionId,
      {
        done: index ?? true,
      },
    );
  const restored = async (s: BpmnSession, variables: Record<string, unknown>) => {
    const state = await s.serialize();
    s.stop();
    const next = session(variables);
    await next.recover(state);
    return next;
  };
  async function atVotes(variables = base()) {
    const s = session(variables);
    await s.start();
    signal(s, 'draft');
    return s;
  }

  it('runs a parallel body as bpmn-elements does, tells its position, and recovers it', async () => {
    const variables = base();
    let s = await atVotes(variables);
    expect(elements(s, 'votes', 'voter')).toEqual(['0:v1', '1:v2', '2:v3']);
    signal(s, 'votes', 1);

    s = await restored(s, variables);
    const position = s.loopPosition('votes');
    expect(position).toMatchObject({ isSequential: false, next: 3, generation: 0 });
    expect(position.open.sort()).toEqual([0, 2]);
    expect(position.items).toEqual([
      { index: 0, element: 'v1' },
      { index: 1, element: 'v2' },
      { index: 2, element: 'v3' },
    ]);
    expect(position.output[1]).toEqual({ done: 1 });

    signal(s, 'votes', 0);
    signal(s, 'votes', 2);
    expect(s.waiting().map((w) => w.activityId)).toEqual(['tally']);
  });

  it('re-opens a completed element inside a running parallel body: a new execution, counted again only once it completes', async () => {
    const variables = { ...base(), quorum: 2 };
    let s = await atVotes(variables);
    signal(s, 'votes', 1);
    const body = s.loopPosition('votes').bodyExecutionId;

    const executionId = s.reopenElement('votes', 1);
    expect(executionId).toBe(`${body}_1_1`);
    expect(elements(s, 'votes', 'voter')).toEqual(['0:v1', '1:v2', '2:v3']);
    expect(() => s.reopenElement('votes', 1)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );

    s = await restored(s, variables);
    signal(s, 'votes', 0); // one completed: the quorum of two is not met, v2's earlier vote is forgotten
    expect(waits(s, 'votes')).toHaveLength(2);
    signal(s, 'votes', 1);
    expect(s.waiting().map((w) => w.activityId)).toEqual(['tally']);
  });

  it('re-opens the element before the running one in a sequential body; the later ones run again in order', async () => {
    const variables = { ...base(), quorum: 1 };
    let s = await atVotes(variables);
    signal(s, 'votes', 0);
    signal(s, 'tally');
    signal(s, 'signs'); // s1
    expect(elements(s, 'signs', 'signer')).toEqual(['1:s2']);
    expect(() => s.reopenElement('signs', 2)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );

    s.reopenElement('signs', 0);
    expect(elements(s, 'signs', 'signer')).toEqual(['0:s1']);
    s = await restored(s, variables);
    expect(s.loopPosition('signs')).toMatchObject({ open: [0], next: 1, generation: 1 });
    for (const signer of ['s1', 's2', 's3']) {
      expect(waits(s, 'signs').map((w) => w.content.signer)).toEqual([signer]);
      signal(s, 'signs');
    }
    expect(s.completed).toBe(true);
  });

  it('enters a multi-instance activity over some elements only, keeping their loop indexes', async () => {
    const variables = { ...base(), quorum: 1 };
    let s = await atVotes(variables);
    signal(s, 'votes', 0);
    s.moveTokens({
      leave: ['tally'],
      enter: [{ activityId: 'votes', loop: { items: [{ index: 2, element: 'v3' }] } }],
    });
    expect(elements(s, 'votes', 'voter')).toEqual(['2:v3']);

    s = await restored(s, variables);
    expect(s.loopPosition('votes')).toMatchObject({ items: [{ index: 2, element: 'v3' }] });
    signal(s, 'votes', 2);
    expect(s.waiting().map((w) => w.activityId)).toEqual(['tally']);
  });

  it('enters at the position of another body: its outputs count, its open elements run, with a kept execution id', async () => {
    const variables = { ...base(), quorum: 2 };
    let s = session(variables);
    await s.startAt([
      {
        activityId: 'votes',
        executionId: 'votes_kept',
        loop: {
          items: base().voters.map((element, index) => ({ index, element })),
          output: [{ done: 0 }],
          open: [1, 2],
          next: 3,
          generation: 0,
        },
      },
    ]);
    expect(
      waits(s, 'votes')
        .map((w) => w.executionId)
        .sort(),
    ).toEqual(['votes_kept_1', 'votes_kept_2']);
    s = await restored(s, variables);
    signal(s, 'votes', 2); // with the earlier output, two are complete
    expect(s.waiting().map((w) => w.activityId)).toEqual(['tally']);
  });

  /** The state bpmn-elements' own loop leaves after the given signals (activity, place among its waits). */
  async function legacyState(variables: Record<string, unknown>, signals: [string, number][]) {
    const legacy = serialize(
      (await createModdle().fromXML(XML)) as never,
      TypeResolver(Elements as never),
    );
    const engine = new Engine({
      name: 'legacy',
      sourceContext: legacy,
      expressions: sessionExpressions(() => variables),
    } as never);
    type Api = { id: string; executionId: string; getExecuting?(): Api[] };
    const execution = (await engine.execute({
      listener: new EventEmitter(),
    } as never)) as unknown as {
      getPostponed(): Api[];
      signal(message: unknown): void;
    };
    for (const [id, place] of signals) {
      // what waits: an activity, or the iterations of a multi-instance body
      const waiting = execution
        .getPostponed()
        .flatMap((api) => (api.getExecuting?.().length ? api.getExecuting() : [api]))
        .filter((api) => api.id === id);
      execution.signal({ id, executionId: waiting[place].executionId });
    }
    const stored = (await engine.getState()) as { definitions: { source?: unknown }[] };
    for (const definition of stored.definitions) delete definition.source; // as BpmnSession stores it
    engine.stop();
    return JSON.stringify(stored);
  }

  it("recovers a parallel body stored by bpmn-elements' own loop", async () => {
    const variables = base();
    const s = session(variables);
    await s.recover(
      await legacyState(variables, [
        ['draft', 0],
        ['votes', 1],
      ]),
    );
    expect(s.loopPosition('votes')).toMatchObject({ next: 3 });
    expect(s.loopPosition('votes').open.sort()).toEqual([0, 2]);
    signal(s, 'votes', 0);
    signal(s, 'votes', 2);
    expect(s.waiting().map((w) => w.activityId)).toEqual(['tally']);
  });

  it("recovers a sequential body stored by bpmn-elements' own loop", async () => {
    const variables = { ...base(), quorum: 1 };
    const s = session(variables);
    await s.recover(
      await legacyState(variables, [
        ['draft', 0],
        ['votes', 0],
        ['tally', 0],
        ['signs', 0],
      ]),
    );
    expect(elements(s, 'signs', 'signer')).toEqual(['1:s2']);
    expect(s.loopPosition('signs')).toMatchObject({ open: [1], next: 2 });
    signal(s, 'signs');
    signal(s, 'signs');
    expect(s.completed).toBe(true);
  });
});
