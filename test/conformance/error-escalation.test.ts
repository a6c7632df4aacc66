import { BpmnError, type ServiceHandler } from '../../engine/src';
import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

describe('errors and escalations', () => {
  let h: EngineHarness;
  const checks: unknown[] = [];
  const checkEligibility: ServiceHandler = {
    topic: 'check-eligibility',
    description: 'throws a BPMN error for ineligible cases',
    parameters: [],
    async execute({ variables }) {
      checks.push(variables.caseNo);
      if (variables.verdict === 'ineligible')
        throw new BpmnError('INELIGIBLE', '不属于受理范围', { refusal: '不属于受理范围' });
      if (variables.verdict === 'unknown')
        throw new BpmnError('UNMODELLED', 'no boundary for this');
      return { eligible: true };
    },
  };
  beforeAll(async () => {
    h = await createEngineHarness({ handlers: [checkEligibility] });
    for (const name of ['error-escalation', 'error-scope', 'error-service', 'call-child'])
      await h.deployFixture(name);
  });
  afterAll(() => h.dispose());

  const start = (processKey: string, variables: Record<string, unknown> = {}) =>
    h.engine.startInstance({ processKey, district: DISTRICT, starter: 'u1', variables });
  const openActivities = async (instanceId: string) =>
    (await h.engine.tasks.openTasksOf(instanceId)).map((t) => t.activityId).sort();
  const complete = async (instanceId: string, activityId: string, data = {}) => {
    const task = (await h.engine.tasks.openTasksOf(instanceId)).find(
      (t) => t.activityId === activityId,
    );
    await h.engine.tasks.complete(task!._id, staff('u1', 'office'), data);
  };

  it('an error end event in a sub-process is caught by the error boundary event on it', async () => {
    const instance = await start('error-escalation');
    expect(await openActivities(instance._id)).toEqual(['handle']);

    await complete(instance._id, 'handle', { outcome: 'reject' });

    expect(await openActivities(instance._id)).toEqual(['fix']);
    const doc = await h.engine.getInstance(instance._id);
    expect(doc.activeActivityIds).toEqual(['fix']);
    await complete(instance._id, 'fix');
    expect((await h.engine.getInstance(instance._id)).status).toBe('completed');
  });

  it('a non-interrupting escalation boundary event adds a path while the sub-process goes on', async () => {
    const instance = await start('error-escalation');
    await complete(instance._id, 'handle', { outcome: 'late' });

    expect(await openActivities(instance._id)).toEqual(['finish', 'urge']);
    await complete(instance._id, 'finish');
    expect(await openActivities(instance._id)).toEqual(['close', 'urge']);
  });

  it('an interrupting escalation boundary event ends the sub-process', async () => {
    const instance = await start('error-escalation');
    await complete(instance._id, 'handle', { outcome: 'giveUp' });

    expect(await openActivities(instance._id)).toEqual(['takeOver']);
    await complete(instance._id, 'takeOver');
    expect((await h.engine.getInstance(instance._id)).status).toBe('completed');
  });

  it('an error is caught only by the boundary event of the sub-process it was thrown in', async () => {
    const instance = await start('error-scope');
    expect(await openActivities(instance._id)).toEqual(['workA', 'workB']);

    await complete(instance._id, 'workA');

    expect(await openActivities(instance._id)).toEqual(['reworkA', 'workB']);
    await complete(instance._id, 'workB');
    await complete(instance._id, 'reworkA');
    expect((await h.engine.getInstance(instance._id)).status).toBe('completed');
    const fired = (await h.engine.history(instance._id)).filter(
      (e) => e.type === 'activity.left' && e.activityId === 'catchB',
    );
    expect(fired).toEqual([]);
  });

  it("a service handler's BpmnError takes the error boundary path: no retry, no incident", async () => {
    const instance = await start('error-service', { caseNo: 'E-1', verdict: 'ineligible' });
    await h.engine.runDueJobs();

    expect(await openActivities(instance._id)).toEqual(['explain']);
    const doc = await h.engine.getInstance(instance._id);
    expect(doc.status).toBe('running');
    expect(doc.variables.refusal).toBe('不属于受理范围');
    expect(checks.filter((c) => c === 'E-1')).toHaveLength(1);
    const [job] = await h.engine.jobs.find({ instanceId: instance._id, kind: 'service-task' });
    // finished by the step that took the boundary path: never retried
    expect(job).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect((await h.engine.history(instance._id)).map((e) => e.type)).toContain('error.thrown');
  });

  it('a BpmnError no boundary event catches fails the job like any error, then raises an incident', async () => {
    const instance = await start('error-service', { caseNo: 'E-2', verdict: 'unknown' });
    for (let attempt = 0; attempt < 3; attempt++) {
      await h.engine.runDueJobs();
      h.clock.advance(10 * 60 * 1000);
    }
    const doc = await h.engine.getInstance(instance._id);
    expect(doc.status).toBe('incident');
    expect(doc.incident?.message).toMatch(/no boundary for this/);
  });

  it('an error end event nothing catches ends its path like a none end event', async () => {
    const instance = await start('call-child');
    await complete(instance._id, 'review', { verdict: 'reject' });
    expect(await h.engine.getInstance(instance._id)).toMatchObject({ status: 'completed' });
  });
});
