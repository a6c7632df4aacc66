import type { ServiceHandler } from '../../engine/src';
import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

describe('service tasks', () => {
  let h: EngineHarness;
  let failuresLeft = 0;
  const calls: unknown[] = [];
  const double: ServiceHandler = {
    topic: 'double',
    description: 'doubles value',
    parameters: [{ name: 'value', description: 'a number', required: true }],
    async execute({ parameters }) {
      calls.push(parameters);
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error('downstream unavailable');
      }
      return { doubled: Number(parameters.value) * 2 };
    },
  };
  beforeAll(async () => {
    h = await createEngineHarness({ handlers: [double] });
    await h.deployFixture('service-task');
  });
  afterAll(() => h.dispose());

  it('runs the registered handler with FEEL-evaluated parameters and continues with its output', async () => {
    const instance = await h.engine.startInstance({
      processKey: 'service-task',
      district: DISTRICT,
      starter: 'u',
      variables: { amount: 20 },
    });
    expect(await h.engine.tasks.openTasksOf(instance._id)).toEqual([]);
    await h.engine.runDueJobs();
    expect(calls.at(-1)).toEqual({ value: 21 });
    const [look] = await h.engine.tasks.openTasksOf(instance._id);
    expect(look.activityId).toBe('look');
    expect((await h.engine.getInstance(instance._id)).variables).toMatchObject({
      amount: 20,
      doubled: 42,
    });
    await h.engine.tasks.complete(look._id, staff('u'), {});
  });

  it('a failing handler retries with backoff, then raises an incident that can be retried by hand', async () => {
    failuresLeft = 3;
    const instance = await h.engine.startInstance({
      processKey: 'service-task',
      district: DISTRICT,
      starter: 'u',
      variables: { amount: 1 },
    });
    await h.engine.runDueJobs(); // attempt 1 fails
    for (let i = 0; i < 2; i++) {
      h.clock.advance(10 * 60 * 1000);
      await h.engine.runDueJobs();
    }
    const doc = await h.engine.getInstance(instance._id);
    expect(doc.status).toBe('incident');
    expect(doc.incident?.message).toMatch(/downstream unavailable/);
    expect((await h.engine.history(instance._id)).map((e) => e.type)).toContain('incident.raised');

    await h.engine.retryIncident(instance._id);
    await h.engine.runDueJobs();
    const after = await h.engine.getInstance(instance._id);
    expect(after.status).toBe('running');
    expect(after.variables.doubled).toBe(4);
  });

  it('refuses a deployment naming an unknown handler, with the element id', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="unknown-handler" isExecutable="true">
    <bpmn:startEvent id="s" name="s" />
    <bpmn:sequenceFlow id="a" sourceRef="s" targetRef="svc" />
    <bpmn:serviceTask id="svc" name="x" camunda:type="external" camunda:topic="launch-rockets" />
    <bpmn:sequenceFlow id="b" sourceRef="svc" targetRef="e" />
    <bpmn:endEvent id="e" name="e" />
  </bpmn:process>
</bpmn:definitions>`;
    const error = await h.engine.deploy(xml, { district: DISTRICT }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DEPLOYMENT_INVALID' });
    expect((error as { details: { elementId: string; message: string }[] }).details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          elementId: 'svc',
          message: expect.stringContaining('launch-rockets'),
        }),
      ]),
    );
  });
});
