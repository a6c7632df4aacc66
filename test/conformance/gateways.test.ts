import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

describe('gateways', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
    await h.deployFixture('exclusive-gateway');
    await h.deployFixture('parallel-join');
  });
  afterAll(() => h.dispose());

  const only = async (instanceId: string) => {
    const tasks = await h.engine.tasks.openTasksOf(instanceId);
    expect(tasks).toHaveLength(1);
    return tasks[0];
  };

  it('an exclusive gateway follows the FEEL condition, else the default flow, and loops back', async () => {
    const instance = await h.engine.startInstance({
      processKey: 'exclusive-gateway',
      district: DISTRICT,
      starter: 'u',
    });
    // rejected: the default flow leads to 修改, which loops back to 审批
    await h.engine.tasks.complete((await only(instance._id))._id, staff('u'), {
      approved: true,
      score: 40,
    });
    expect((await only(instance._id)).activityId).toBe('revise');
    await h.engine.tasks.complete((await only(instance._id))._id, staff('u'), {});
    expect((await only(instance._id)).activityId).toBe('decide');
    // approved with a passing score takes the conditional flow
    await h.engine.tasks.complete((await only(instance._id))._id, staff('u'), {
      approved: true,
      score: 75,
    });
    expect((await only(instance._id)).activityId).toBe('approved');
  });

  it('a parallel join waits for both branches', async () => {
    const instance = await h.engine.startInstance({
      processKey: 'parallel-join',
      district: DISTRICT,
      starter: 'u',
    });
    const tasks = await h.engine.tasks.openTasksOf(instance._id);
    expect(tasks.map((t) => [t.activityId, t.assignee]).sort()).toEqual([
      ['left', 'alice'],
      ['right', 'bob'],
    ]);
    await h.engine.tasks.complete(tasks.find((t) => t.activityId === 'left')!._id, staff('alice'), {
      l: 1,
    });
    expect((await only(instance._id)).activityId).toBe('right');
    await h.engine.tasks.complete(tasks.find((t) => t.activityId === 'right')!._id, staff('bob'), {
      r: 2,
    });
    const after = await only(instance._id);
    expect(after.activityId).toBe('after');
    expect((await h.engine.getInstance(instance._id)).variables).toEqual({ l: 1, r: 2 });
  });

  it('refuses a converging inclusive gateway and script tasks at deployment, listing every problem', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="bad" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:sequenceFlow id="a" sourceRef="s" targetRef="fork" />
    <bpmn:inclusiveGateway id="fork" />
    <bpmn:sequenceFlow id="b" sourceRef="fork" targetRef="script" />
    <bpmn:sequenceFlow id="c" sourceRef="fork" targetRef="task" />
    <bpmn:scriptTask id="script" scriptFormat="javascript"><bpmn:script>process.exit(1)</bpmn:script></bpmn:scriptTask>
    <bpmn:userTask id="task" />
    <bpmn:sequenceFlow id="d1" sourceRef="script" targetRef="merge" />
    <bpmn:sequenceFlow id="e" sourceRef="task" targetRef="merge" />
    <bpmn:inclusiveGateway id="merge" />
    <bpmn:sequenceFlow id="f" sourceRef="merge" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
    const error = await h.engine.deploy(xml, { district: DISTRICT }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DEPLOYMENT_INVALID' });
    const problems = (error as { details: { elementId: string }[] }).details.map(
      (p) => p.elementId,
    );
    expect(problems).toEqual(expect.arrayContaining(['script', 'merge', 'task']));
    await expect(h.engine.definitions.latest(DISTRICT, 'bad')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
