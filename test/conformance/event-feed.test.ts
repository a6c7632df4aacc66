import {
  type EngineEvent,
  type EventFeedQuery,
  isEngineError,
  type ProcessEngine,
} from '../../engine/src';
import {
  createEngineHarness,
  DAY,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

const SETTLE_MS = 2_000;

describe('event feed', () => {
  let h: EngineHarness;
  const heard: EngineEvent[] = [];

  beforeAll(async () => {
    h = await createEngineHarness({ onEvent: (event) => void heard.push(event) });
    await h.deployFixture('two-user-tasks');
  });
  afterAll(() => h.dispose());

  /** Everything the feed hands out from `after` on, page by page (as a consumer polls). */
  async function drain(engine: ProcessEngine, query: EventFeedQuery = {}) {
    const events: EngineEvent[] = [];
    let after = query.after;
    for (;;) {
      const page = await engine.feed.read({ ...query, after, limit: 7 });
      events.push(...page.events);
      if (page.events.length === 0) return { events, cursor: after };
      after = page.nextCursor ?? undefined;
    }
  }

  const start = (starter: string, engine = h.engine) =>
    engine.startInstance({ processKey: 'two-user-tasks', district: DISTRICT, starter });

  it('hands out each event once, in order, after the settle window, resuming from a cursor', async () => {
    const { cursor: before } = await drain(h.engine);
    const instance = await start('ann');
    const [draft] = await h.engine.tasks.openTasksOf(instance._id);
    await h.engine.tasks.complete(draft._id, staff('ann'), {});

    // just written: still inside the settle window
    expect((await h.engine.feed.read({ after: before })).events).toEqual([]);
    h.clock.advance(SETTLE_MS);
    const { events, cursor } = await drain(h.engine, { after: before });
    const history = await h.engine.history(instance._id);
    expect(events.map((e) => e.id)).toEqual(history.map((e) => e._id));
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['instance.started', 'task.created', 'task.completed']),
    );
    // the cursor of the last event resumes after it: nothing again
    expect((await drain(h.engine, { after: cursor })).events).toEqual([]);
    // each event's own cursor resumes right after that event
    const fourth = events[3];
    expect((await drain(h.engine, { after: fourth.cursor })).events.map((e) => e.id)).toEqual(
      events.slice(4).map((e) => e.id),
    );
  });

  it('carries what notifications need: assigned, claimable, reminded, completed', async () => {
    const { cursor } = await drain(h.engine);
    const instance = await start('bob');
    const [draft] = await h.engine.tasks.openTasksOf(instance._id);
    await h.engine.tasks.remind(draft._id, staff('boss'), '请尽快');
    await h.engine.tasks.complete(draft._id, staff('bob'), {});
    h.clock.advance(SETTLE_MS);
    const events = (
      await drain(h.engine, {
        after: cursor,
        types: ['task.created', 'task.reminded', 'task.completed'],
      })
    ).events;
    expect(events.map((e) => [e.type, e.activityId])).toEqual([
      ['task.created', 'draft'],
      ['task.reminded', 'draft'],
      ['task.completed', 'draft'],
      ['task.created', 'review'],
    ]);
    expect(events[0]).toMatchObject({ taskId: draft._id, data: { assignee: 'bob' } }); // assigned
    expect(events[1]).toMatchObject({ userId: 'boss', data: { to: 'bob', message: '请尽快' } });
    expect(events[2]).toMatchObject({ userId: 'bob' });
    expect(events[3].data).toMatchObject({ candidateGroups: ['office'] }); // claimable
    expect(events[3].data.assignee).toBeUndefined();
  });

  it('marks a task overdue once its due date passes, and not when it was finished in time', async () => {
    const { cursor } = await drain(h.engine);
    const late = await start('late');
    const onTime = await start('punctual');
    const [lateTask] = await h.engine.tasks.openTasksOf(late._id);
    const [onTimeTask] = await h.engine.tasks.openTasksOf(onTime._id);
    await h.engine.tasks.complete(onTimeTask._id, staff('punctual'), {});
    expect(await h.engine.jobs.get(`task-due:${onTimeTask._id}`)).toMatchObject({
      status: 'cancelled',
    });

    h.clock.set(new Date(lateTask.dueAt!.getTime() + 1));
    await h.engine.runDueJobs();
    h.clock.advance(SETTLE_MS);
    const overdue = (await drain(h.engine, { after: cursor, types: ['task.overdue'] })).events;
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      taskId: lateTask._id,
      instanceId: late._id,
      data: { dueAt: lateTask.dueAt!.toISOString(), assignee: 'late' },
    });
    // the due job ran once and is done; running jobs again adds nothing
    await h.engine.runDueJobs();
    h.clock.advance(DAY);
    expect(
      (await drain(h.engine, { after: overdue[0].cursor, types: ['task.overdue'] })).events,
    ).toEqual([]);
  });

  it('calls onEvent right after events are stored, with the same ids the feed hands out', async () => {
    heard.length = 0;
    const { cursor } = await drain(h.engine);
    const instance = await start('cai');
    expect(heard.map((e) => e.type)).toEqual(
      expect.arrayContaining(['instance.started', 'task.created']),
    );
    h.clock.advance(SETTLE_MS);
    const fed = (await drain(h.engine, { after: cursor })).events.filter(
      (e) => e.instanceId === instance._id,
    );
    expect(fed.map((e) => e.id)).toEqual(heard.map((e) => e.id));
  });

  it('two engines writing at once: the feed has every event exactly once', async () => {
    const { cursor } = await drain(h.engine);
    const other = await h.restart();
    const instances = await Promise.all(
      Array.from({ length: 8 }, (_, i) => start(`w${i}`, i % 2 === 0 ? h.engine : other)),
    );
    await Promise.all(
      instances.map(async (instance, i) => {
        const engine = i % 2 === 0 ? other : h.engine;
        const [draft] = await engine.tasks.openTasksOf(instance._id);
        await engine.tasks.complete(draft._id, staff(`w${i}`), {});
      }),
    );
    h.clock.advance(SETTLE_MS);
    const fed = (await drain(other, { after: cursor })).events;
    const ids = fed.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const written = (
      await Promise.all(instances.map((instance) => h.engine.history(instance._id)))
    ).flat();
    expect([...ids].sort()).toEqual(written.map((e) => e._id).sort());
    // within one instance the feed keeps the instance's own order
    for (const instance of instances) {
      const own = fed.filter((e) => e.instanceId === instance._id).map((e) => [e.rev, e.seq]);
      expect(own).toEqual([...own].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    }
  });

  it('an event whose outbox is applied again after a crash is still delivered to readers past it', async () => {
    const instance = await start('dan');
    h.clock.advance(SETTLE_MS);
    const { cursor } = await drain(h.engine); // the reader is past everything so far
    // a committed step whose effects never ran: its history event exists only in the outbox
    const lost = {
      _id: `${instance._id}:99:0`,
      instanceId: instance._id,
      district: DISTRICT,
      rev: 99,
      seq: 0,
      at: { __date: h.clock.now().toISOString() },
      type: 'test.recovered',
    };
    await h.engine.store.instances.updateOne(
      { _id: instance._id },
      { $set: { outbox: JSON.stringify([{ type: 'history', events: [lost] }]) } },
    );
    const restarted = await h.restart(); // reconcile applies the outbox
    h.clock.advance(SETTLE_MS);
    const events = (await drain(restarted, { after: cursor })).events;
    expect(events.map((e) => e.id)).toEqual([lost._id]);
  });

  it('a crash between the history insert and the feed insert still reaches the feed', async () => {
    const instance = await start('eli');
    h.clock.advance(SETTLE_MS);
    const { cursor } = await drain(h.engine);
    // the step's history was stored, its feed entries were not, and its outbox is pending again
    const history = await h.engine.history(instance._id);
    await h.engine.store.feed.deleteMany({ instanceId: instance._id });
    const events = history.map(({ at, ...event }) => ({
      ...event,
      at: { __date: at.toISOString() },
    }));
    await h.engine.store.instances.updateOne(
      { _id: instance._id },
      { $set: { outbox: JSON.stringify([{ type: 'history', events }]) } },
    );
    const restarted = await h.restart();
    h.clock.advance(SETTLE_MS);
    const fed = (await drain(restarted, { after: cursor })).events;
    expect(fed.map((e) => e.id)).toEqual(history.map((e) => e._id));
    expect(await restarted.history(instance._id)).toHaveLength(history.length); // not twice
  });

  it('prunes consumed entries from the feed and keeps the history', async () => {
    const instance = await start('fay');
    h.clock.advance(8 * DAY);
    const recent = await start('gus');
    h.clock.advance(SETTLE_MS);
    const { deleted } = await h.engine.feed.prune(); // default: older than 7 days
    expect(deleted).toBeGreaterThan(0);
    const left = (await drain(h.engine)).events.map((e) => e.instanceId);
    expect(left).not.toContain(instance._id);
    expect(left).toContain(recent._id);
    expect((await h.engine.history(instance._id)).length).toBeGreaterThan(0);
    const tooRecent = await h.engine.feed.prune(h.clock.now()).catch((e: unknown) => e);
    expect(isEngineError(tooRecent, 'INVALID_ARGUMENT')).toBe(true);
  });

  it('refuses a cursor it did not make and a bad limit', async () => {
    for (const query of [{ after: 'bm9wZQ' }, { limit: 0 }, { limit: 5000 }])
      expect(
        isEngineError(await h.engine.feed.read(query).catch((e: unknown) => e), 'INVALID_ARGUMENT'),
      ).toBe(true);
  });
});
