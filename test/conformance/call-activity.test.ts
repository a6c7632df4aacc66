import type { InstanceDoc, ServiceHandler } from '../../engine/src';
import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  fixture,
  staff,
} from '../support/engine-harness';

describe('call activities', () => {
  let h: EngineHarness;
  let flakyFailures = 0;
  const flaky: ServiceHandler = {
    topic: 'flaky',
    description: 'fails while flakyFailures > 0',
    parameters: [],
    async execute() {
      if (flakyFailures > 0) {
        flakyFailures--;
        throw new Error('document service unavailable');
      }
      return { rendered: true };
    },
  };
  beforeAll(async () => {
    h = await createEngineHarness({ handlers: [flaky] });
    for (const name of [
      'call-child',
      'call-parent',
      'call-outer',
      'call-appraisal',
      'call-multi-instance',
      'flaky-service',
      'call-failing-child',
    ])
      await h.deployFixture(name);
  });
  afterAll(() => h.dispose());

  const start = (
    processKey: string,
    variables: Record<string, unknown> = {},
    businessKey?: string,
  ) =>
    h.engine.startInstance({
      processKey,
      district: DISTRICT,
      starter: 'u1',
      variables,
      businessKey,
    });
  const childrenOf = (parentId: string) =>
    h.engine.store.instances.find({ 'parent.instanceId': parentId }).toArray();
  const openActivities = async (instanceId: string) =>
    (await h.engine.tasks.openTasksOf(instanceId)).map((t) => t.activityId).sort();
  const completeOnly = async (
    instanceId: string,
    data: Record<string, unknown> = {},
    user = staff('u1', 'office'),
  ) => {
    const [task] = await h.engine.tasks.openTasksOf(instanceId);
    await h.engine.tasks.complete(task._id, user, data);
  };

  it('starts the called process as a child with the in-mapping, and resumes the parent with the out-mapping', async () => {
    // given a parent entering its call activity
    const parent = await start('call-parent', { title: '预算审查', amount: 21 }, 'B-1');
    await h.engine.runDueJobs();

    // then the child runs the latest version, linked to the parent, with the business key
    const [child] = await childrenOf(parent._id);
    expect(child).toMatchObject({
      processKey: 'call-child',
      businessKey: 'B-1',
      status: 'running',
      variables: { subject: '预算审查', doubled: 42 },
      parent: { instanceId: parent._id, activityId: 'callReview' },
    });
    expect((await h.engine.getInstance(parent._id)).activeActivityIds).toContain('callReview');

    // when the child completes
    await completeOnly(child._id, { verdict: 'approve' });
    expect((await h.engine.getInstance(child._id)).status).toBe('completed');
    await h.engine.runDueJobs();

    // then the parent went on with the mapped variables
    expect(await openActivities(parent._id)).toEqual(['publish']);
    expect((await h.engine.getInstance(parent._id)).variables).toMatchObject({
      reviewVerdict: 'approve',
      summary: 'reviewed: 预算审查',
    });
    const history = (await h.engine.history(parent._id)).map((e) => e.type);
    expect(history).toEqual(expect.arrayContaining(['call.started', 'call.completed']));
  });

  it("routes the child's error end event to the error boundary event on the call activity", async () => {
    const parent = await start('call-parent', { title: 'x', amount: 1 });
    await h.engine.runDueJobs();
    const [child] = await childrenOf(parent._id);

    await completeOnly(child._id, { verdict: 'reject' });
    await h.engine.runDueJobs();

    expect(await h.engine.getInstance(child._id)).toMatchObject({
      status: 'completed',
      uncaughtError: { code: 'REJECTED' },
    });
    expect(await openActivities(parent._id)).toEqual(['rework']);
    expect((await h.engine.getInstance(parent._id)).variables.reviewVerdict).toBeUndefined();
  });

  it('cancelling the parent cancels its children, recursively', async () => {
    const outer = await start('call-outer', { title: 't', amount: 2 });
    await h.engine.runDueJobs();
    const [middle] = await childrenOf(outer._id);
    const [inner] = await childrenOf(middle._id);
    expect(inner.variables).toMatchObject({ subject: 't', doubled: 4 });
    expect(await openActivities(inner._id)).toEqual(['review']);

    await h.engine.cancelInstance(outer._id, '撤案', 'admin');
    await h.engine.runDueJobs();

    for (const id of [outer._id, middle._id, inner._id])
      expect((await h.engine.getInstance(id)).status).toBe('cancelled');
    const review = await h.engine.store.tasks.findOne({ instanceId: inner._id });
    expect(review?.status).toBe('cancelled');
  });

  it('passes variables="all" both ways', async () => {
    const outer = await start('call-outer', { title: '全部变量', amount: 5, extra: { a: 1 } });
    await h.engine.runDueJobs();
    const [middle] = await childrenOf(outer._id);
    expect(middle.variables).toEqual({ title: '全部变量', amount: 5, extra: { a: 1 } });
    const [inner] = await childrenOf(middle._id);
    await completeOnly(inner._id, { verdict: 'approve' });
    await h.engine.runDueJobs();
    await completeOnly(middle._id, { published: true });
    await h.engine.runDueJobs();

    const done = await h.engine.getInstance(outer._id);
    expect(done.status).toBe('completed');
    expect(done.variables).toMatchObject({ reviewVerdict: 'approve', published: true });
  });

  it('a multi-instance call activity starts one child per element and collects their outputs', async () => {
    const departments = ['财政局', '教育局', '卫健委'];
    const parent = await start('call-multi-instance', { departments, year: 2026 });
    await h.engine.runDueJobs();

    const children = await childrenOf(parent._id);
    expect(children.map((c) => c.variables.department).sort()).toEqual([...departments].sort());
    expect(new Set(children.map((c) => c.parent?.executionId)).size).toBe(3);
    for (const child of children) {
      expect(child.variables.year).toBe(2026);
      const [task] = await h.engine.tasks.openTasksOf(child._id);
      expect(task.candidateUsers).toEqual([child.variables.department]);
    }

    for (const [index, child] of children.entries()) {
      await completeOnly(
        child._id,
        { score: 90 + index },
        staff(child.variables.department as string),
      );
      await h.engine.runDueJobs();
      const stillWaiting = index < children.length - 1;
      expect(await openActivities(parent._id)).toEqual(stillWaiting ? [] : ['summarize']);
    }
    const outputs = (await h.engine.getInstance(parent._id)).variables.appraiseOutputs as Record<
      string,
      unknown
    >;
    expect(Object.keys(outputs).sort()).toEqual([...departments].sort());
    expect(outputs[children[0].variables.department as string]).toEqual({ score: 90 });
  });

  it("a suspended parent takes its child's result once it is resumed", async () => {
    const parent = await start('call-parent', { title: 'held', amount: 1 });
    await h.engine.runDueJobs();
    const [child] = await childrenOf(parent._id);
    await h.engine.suspendInstance(parent._id);

    await completeOnly(child._id, { verdict: 'approve' });
    await h.engine.runDueJobs();
    expect(await h.engine.getInstance(parent._id)).toMatchObject({
      status: 'suspended',
      activeActivityIds: expect.arrayContaining(['callReview']),
    });

    await h.engine.resumeInstance(parent._id);
    await h.engine.runDueJobs();
    expect(await openActivities(parent._id)).toEqual(['publish']);
  });

  it('resumes the parent after a crash between the child ending and the parent resuming', async () => {
    const parent = await start('call-parent', { title: 'crash', amount: 3 });
    await h.engine.runDueJobs();
    const [child] = await childrenOf(parent._id);
    await completeOnly(child._id, { verdict: 'approve' });

    // simulate the crash: the child's last step committed, but its outbox was never applied
    const committed = await h.engine.store.revisions.findOne({
      _id: `${child._id}:${(await h.engine.getInstance(child._id)).rev}`,
    });
    const outbox = (JSON.parse(committed!.doc) as InstanceDoc).outbox;
    expect(outbox).toContain('call-resume');
    await h.engine.store.instances.updateOne({ _id: child._id }, { $set: { outbox } });
    const db = h.db.connection.db!;
    await db.collection('jobs').deleteOne({ _id: `call-resume:${child._id}` as never });
    await db.collection('jobs_versions').deleteMany({ jobId: `call-resume:${child._id}` });
    expect(await h.engine.jobs.get(`call-resume:${child._id}`)).toBeNull();

    // a new engine process reconciles and runs the jobs
    const restarted = await h.restart({ owner: 'after-crash' });
    await restarted.runDueJobs();

    expect(await openActivities(parent._id)).toEqual(['publish']);
    expect((await h.engine.getInstance(parent._id)).variables.reviewVerdict).toBe('approve');
    const completed = (await h.engine.history(parent._id)).filter(
      (e) => e.type === 'call.completed',
    );
    expect(completed).toHaveLength(1);
  });

  it('a called process not deployed yet raises an incident at the call activity; deploying it and retrying starts it (version binding)', async () => {
    const report = await h.engine.validateDefinition(fixture('call-missing'), {
      district: DISTRICT,
    });
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([
      expect.objectContaining({
        elementId: 'callLater',
        message: expect.stringContaining("'deployed-later' is not deployed"),
      }),
    ]);
    await h.deployFixture('call-missing');
    const parent = await start('call-missing');
    for (let attempt = 0; attempt < 3; attempt++) {
      await h.engine.runDueJobs();
      h.clock.advance(10 * 60 * 1000);
    }
    const failed = await h.engine.getInstance(parent._id);
    expect(failed.status).toBe('incident');
    expect(failed.incident).toMatchObject({
      activityId: 'callLater',
      message: expect.stringContaining("'deployed-later' version 1 is not deployed"),
    });

    const later = fixture('call-appraisal').replace('id="call-appraisal"', 'id="deployed-later"');
    await h.engine.deploy(later, { district: DISTRICT });
    await h.engine.deploy(
      later
        .replace('id="selfReport"', 'id="selfReportV2"')
        .replace(/selfReport"/g, 'selfReportV2"'),
      {
        district: DISTRICT,
      },
    );
    await h.engine.retryIncident(parent._id);
    await h.engine.runDueJobs();

    expect((await h.engine.getInstance(parent._id)).status).toBe('running');
    const [child] = await childrenOf(parent._id);
    expect(child.version).toBe(1);
    expect(await openActivities(child._id)).toEqual(['selfReport']);
  });

  it("shows a child's incident at its call activity; retrying the parent retries the child", async () => {
    flakyFailures = 3;
    const parent = await start('call-failing-child');
    await h.engine.runDueJobs();
    const [child] = await childrenOf(parent._id);
    for (let attempt = 0; attempt < 3; attempt++) {
      h.clock.advance(10 * 60 * 1000);
      await h.engine.runDueJobs();
    }
    expect((await h.engine.getInstance(child._id)).status).toBe('incident');
    expect(await h.engine.getInstance(parent._id)).toMatchObject({
      status: 'incident',
      incident: {
        activityId: 'callFlaky',
        childInstanceId: child._id,
        message: expect.stringContaining('document service unavailable'),
      },
    });

    await h.engine.retryIncident(parent._id);
    await h.engine.runDueJobs();

    expect((await h.engine.getInstance(child._id)).status).toBe('completed');
    const done = await h.engine.getInstance(parent._id);
    expect(done.status).toBe('completed');
    expect(done.incident).toBeFalsy();
  });

  it('refuses a call activity without calledElement and unsupported bindings', async () => {
    const xml = fixture('call-missing')
      .replace('calledElement="deployed-later" ', '')
      .replace(
        'camunda:calledElementBinding="version"',
        'camunda:calledElementBinding="deployment"',
      );
    const error = await h.engine.deploy(xml, { district: DISTRICT }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DEPLOYMENT_INVALID' });
    expect((error as { details: { elementId: string; message: string }[] }).details).toEqual([
      expect.objectContaining({
        elementId: 'callLater',
        message: expect.stringContaining('needs calledElement'),
      }),
      expect.objectContaining({
        elementId: 'callLater',
        message: expect.stringContaining('"deployment" is not supported'),
      }),
    ]);
  });
});
