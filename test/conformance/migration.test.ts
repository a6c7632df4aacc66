import type { InstanceDoc, MigrationRequest } from '../../engine/src';
import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  fixture,
  staff,
} from '../support/engine-harness';

describe('migration between deployment versions', () => {
  let h: EngineHarness;
  // the district's form catalog: examine-form is at version 3 when v2 is deployed
  const formVersions = new Map<string, number>();
  const v1v2 = { district: DISTRICT, processKey: 'permit', fromVersion: 1, toVersion: 2 };
  const mapping = { review: 'examine' };

  beforeAll(async () => {
    h = await createEngineHarness({
      forms: { currentVersion: async (_district, formKey) => formVersions.get(formKey) ?? 1 },
    });
    await h.engine.deploy(fixture('migration-v1'), { district: DISTRICT });
  });
  afterAll(() => h.dispose());

  const start = () =>
    h.engine.startInstance({ processKey: 'permit', district: DISTRICT, starter: 'registrar' });
  const open = (instanceId: string) => h.engine.tasks.openTasksOf(instanceId);
  /** Registered: waiting in review, whose 10-working-day timer is due at the end of Monday 03-16. */
  async function inReview(): Promise<InstanceDoc> {
    h.clock.set('2026-03-02T09:00:00+08:00');
    const instance = await start();
    await h.engine.tasks.complete((await open(instance._id))[0]._id, staff('registrar'), {
      no: 'A-1',
    });
    return h.engine.getInstance(instance._id);
  }
  /** The instance's waits and its open tasks tell the same story, on the instance's version. */
  async function expectConsistent(instanceId: string) {
    const doc = await h.engine.getInstance(instanceId);
    const tasks = await open(instanceId);
    expect(tasks.map((t) => t._id).sort()).toEqual(
      doc.waits.flatMap((w) => (w.taskId ? [w.taskId] : [])).sort(),
    );
    for (const task of tasks) {
      expect(task).toMatchObject({ version: doc.version, definitionId: doc.definitionId });
      expect(doc.waits.find((w) => w.taskId === task._id)).toMatchObject({
        activityId: task.activityId,
        executionId: task.executionId,
      });
    }
    return { doc, tasks };
  }

  describe('with v1 and v2 deployed', () => {
    let registering: InstanceDoc;
    let reviewing: InstanceDoc;
    let archiving: InstanceDoc;
    let suspended: InstanceDoc;

    beforeAll(async () => {
      registering = await start();
      reviewing = await inReview();
      archiving = await inReview();
      await h.engine.tasks.complete((await open(archiving._id))[0]._id, staff('c', 'office'), {});
      suspended = await inReview();
      await h.engine.suspendInstance(suspended._id);
      formVersions.set('examine-form', 3);
      await h.engine.deploy(fixture('migration-v2'), { district: DISTRICT });
    });

    it('plans per instance: what maps where, and what does not map and why', async () => {
      const plan = await h.engine.migration.plan({ ...v1v2, mapping });
      const planned = new Map(plan.instances.map((i) => [i.instanceId, i]));
      expect(planned.get(registering._id)?.activities).toEqual([
        { activityId: 'register', targetActivityId: 'register' },
      ]);
      expect(planned.get(reviewing._id)?.activities).toEqual([
        { activityId: 'review', targetActivityId: 'examine' },
      ]);
      expect(planned.get(suspended._id)?.status).toBe('suspended');
      expect(planned.has(archiving._id)).toBe(false);
      expect(plan.unmapped).toEqual([
        {
          instanceId: archiving._id,
          activityId: 'archive',
          reason: 'no mapping given, and version 2 has no activity archive',
        },
      ]);

      // without the rename, review does not map either; a dry run changes nothing
      const bare = await h.engine.migration.plan({ ...v1v2, mapping: {} });
      expect(bare.unmapped.map((u) => [u.instanceId, u.activityId])).toContainEqual([
        reviewing._id,
        'review',
      ]);
      expect((await h.engine.getInstance(reviewing._id)).rev).toBe(reviewing.rev);
    });

    it('refuses the same version twice and versions that do not exist', async () => {
      await expect(
        h.engine.migration.plan({ ...v1v2, toVersion: 1, mapping }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(
        h.engine.migration.plan({ ...v1v2, toVersion: 9, mapping }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('moves a waiting task to the renamed activity: same task, new version and form, assignee, claim and draft kept, timer due time kept', async () => {
      const [review] = await open(reviewing._id);
      await h.engine.tasks.claim(review._id, staff('clerk', 'office'));
      await h.engine.tasks.saveDraft(review._id, staff('clerk'), { opinion: '初步意见' });
      const oldTimer = (await h.engine.getInstance(reviewing._id)).timers[0];
      expect(oldTimer.dueAt.toISOString()).toBe('2026-03-16T15:59:59.999Z');

      h.clock.set('2026-03-05T10:00:00+08:00'); // three days later: a fresh P10WD would be due 03-19
      const result = await h.engine.migration.migrate({
        ...v1v2,
        mapping,
        instanceIds: [reviewing._id],
        userId: 'admin',
      });
      expect(result.migrated.map((m) => m.instanceId)).toEqual([reviewing._id]);
      expect(result.failed).toEqual([]);

      const { doc, tasks } = await expectConsistent(reviewing._id);
      expect(doc).toMatchObject({ version: 2, status: 'running', variables: { no: 'A-1' } });
      expect(tasks).toHaveLength(1);
      expect(tasks[0]).toMatchObject({
        _id: review._id,
        activityId: 'examine',
        name: '审查（新）',
        formKey: 'examine-form',
        formVersion: 3,
        assignee: 'clerk',
        claimedAt: expect.any(Date),
        draft: { opinion: '初步意见' },
      });
      const [timer] = doc.timers;
      expect(timer.activityId).toBe('late');
      expect(timer.dueAt.toISOString()).toBe(oldTimer.dueAt.toISOString());
      expect((await h.engine.jobs.get(oldTimer.jobId))?.status).toBe('cancelled');
      expect((await h.engine.jobs.get(timer.jobId))?.dueAt.toISOString()).toBe(
        oldTimer.dueAt.toISOString(),
      );
      const migrated = (await h.engine.history(reviewing._id)).find(
        (e) => e.type === 'instance.migrated',
      );
      expect(migrated?.userId).toBe('admin');
      expect(JSON.parse(migrated!.data!)).toMatchObject({
        fromVersion: 1,
        toVersion: 2,
        activities: [{ activityId: 'review', targetActivityId: 'examine' }],
      });

      // it runs on v2 from here, also in a fresh engine: examine → the added sign task → end
      const restarted = await h.restart();
      await restarted.tasks.complete(review._id, staff('clerk'), { opinion: '同意' });
      const [sign] = await restarted.tasks.openTasksOf(reviewing._id);
      expect(sign).toMatchObject({ activityId: 'sign', version: 2 });
      expect((await restarted.jobs.get(timer.jobId))?.status).toBe('cancelled');
      await restarted.tasks.complete(sign._id, staff('chair', 'council'), {});
      expect((await restarted.getInstance(reviewing._id)).status).toBe('completed');
    });

    it('migrates the rest, leaves the instance that does not map untouched and reports it', async () => {
      const before = await h.engine.getInstance(archiving._id);
      const result = await h.engine.migration.migrate({ ...v1v2, mapping });
      expect(result.migrated.map((m) => m.instanceId).sort()).toEqual(
        [registering._id, suspended._id].sort(),
      );
      expect(result.unmapped.map((u) => u.instanceId)).toEqual([archiving._id]);
      const after = await h.engine.getInstance(archiving._id);
      expect(after).toMatchObject({ version: 1, rev: before.rev, state: before.state });

      // the registering instance continues on v2
      await expectConsistent(registering._id);
      const [register] = await open(registering._id);
      await h.engine.tasks.complete(register._id, staff('registrar'), {});
      expect((await open(registering._id)).map((t) => t.activityId)).toEqual(['examine']);
    });

    it('a suspended instance stays suspended: its moved timer waits for resume, then keeps its due time', async () => {
      const doc = await h.engine.getInstance(suspended._id);
      expect(doc).toMatchObject({ version: 2, status: 'suspended' });
      const [timer] = doc.timers;
      expect(timer.dueAt.toISOString()).toBe('2026-03-16T15:59:59.999Z');
      expect((await h.engine.jobs.get(timer.jobId))?.dueAt.getUTCFullYear()).toBe(9999);

      await h.engine.resumeInstance(suspended._id);
      expect((await h.engine.jobs.get(timer.jobId))?.dueAt.toISOString()).toBe(
        '2026-03-16T15:59:59.999Z',
      );
      // the kept timer fires on v2's path: examine is cancelled, escalate opens
      h.clock.set('2026-03-17T09:00:00+08:00');
      await h.engine.runDueJobs();
      const { tasks } = await expectConsistent(suspended._id);
      expect(tasks.map((t) => t.activityId)).toEqual(['escalate']);
    });

    it('a migration racing a completion of the moved task: both land in order, tasks and waits agree', async () => {
      const request = { ...v1v2, mapping: { review: 'examine', archive: 'sign' } };
      for (let round = 0; round < 3; round++) {
        const instance = await inReview();
        const [review] = await open(instance._id);
        const [migration, completion] = await Promise.allSettled([
          h.engine.migration.migrate({ ...request, instanceIds: [instance._id] }),
          h.engine.tasks.complete(review._id, staff('clerk', 'office'), {}),
        ]);
        expect(migration.status).toBe('fulfilled');
        const { doc, tasks } = await expectConsistent(instance._id);
        expect(doc.version).toBe(2);
        const status = (await h.engine.tasks.get(review._id)).status;
        if (completion.status === 'fulfilled') {
          // completed first (then archive → sign was migrated), or after the task had moved
          expect(status).toBe('completed');
          expect(tasks.map((t) => t.activityId)).toEqual(['sign']);
        } else {
          // migrated first: the completion saw its task move under it
          expect(completion.reason).toMatchObject({ code: 'CONFLICT' });
          expect(status).toBe('open');
          expect(tasks.map((t) => t.activityId)).toEqual(['examine']);
        }
      }
    });
  });

  it('keeps the due time of a waiting timer catch event', async () => {
    await h.deployFixture('intermediate-timer');
    h.clock.set('2026-03-02T09:00:00+08:00');
    const instance = await h.engine.startInstance({
      processKey: 'intermediate-timer',
      district: DISTRICT,
      starter: 'u',
    });
    await h.deployFixture('intermediate-timer');
    h.clock.set('2026-04-01T09:00:00+08:00');
    const request: MigrationRequest = {
      district: DISTRICT,
      processKey: 'intermediate-timer',
      fromVersion: 1,
      toVersion: 2,
      mapping: {},
    };
    expect((await h.engine.migration.plan(request)).instances[0].activities).toEqual([
      { activityId: 'wait', targetActivityId: 'wait' },
    ]);
    await h.engine.migration.migrate(request);
    const doc = await h.engine.getInstance(instance._id);
    expect(doc.version).toBe(2);
    expect(doc.timers.map((t) => t.dueAt.toISOString())).toEqual(['2026-09-02T01:00:00.000Z']);
    h.clock.set('2026-09-02T09:00:00+08:00');
    await h.engine.runDueJobs();
    expect((await open(instance._id)).map((t) => [t.activityId, t.version])).toEqual([
      ['check', 2],
    ]);
  });
});
