import { type CalendarData, CHINA_MAINLAND_CALENDAR, type ServiceHandler } from '../../engine/src';
import {
  createEngineHarness,
  DAY,
  DISTRICT,
  type EngineHarness,
  fixture,
} from '../support/engine-harness';

/** Shows an instant in Beijing time, for readable expectations. */
const beijing = (date: Date) =>
  new Date(date.getTime() + 8 * 3_600_000).toISOString().replace('.000Z', '+08:00');

describe('timer cycles by working days (P<n>WD)', () => {
  let h: EngineHarness;
  // the district calendar, as the host would read it from its settings on every use
  let calendar: CalendarData = structuredClone(CHINA_MAINLAND_CALENDAR);
  // what each reminder did: the instance it was for, and when (virtual time) it was sent
  const sent: { instanceId: string; at: string }[] = [];
  const sendReminder: ServiceHandler = {
    topic: 'send-reminder',
    description: 'records the reminder',
    parameters: [],
    async execute({ instance }) {
      sent.push({ instanceId: instance.id, at: beijing(h.clock.now()) });
      return {};
    },
  };
  beforeAll(async () => {
    h = await createEngineHarness({
      calendar: () => Promise.resolve(calendar),
      handlers: [sendReminder],
    });
    await h.deployFixture('working-day-reminder');
    await h.deployFixture('working-day-catch');
  });
  afterAll(() => h.dispose());

  const start = (processKey: string) =>
    h.engine.startInstance({ processKey, district: DISTRICT, starter: 'staff' });
  const pendingTimers = async (instanceId: string) =>
    (await h.engine.getInstance(instanceId)).timers.map((t) => [t.activityId, beijing(t.dueAt)]);
  const openActivities = async (instanceId: string) =>
    (await h.engine.tasks.openTasksOf(instanceId)).map((t) => t.activityId).sort();
  const remindersOf = (instanceId: string) =>
    sent.filter((r) => r.instanceId === instanceId).map((r) => r.at);
  const historyOf = async (instanceId: string, type: string) =>
    (await h.engine.history(instanceId)).filter((e) => e.type === type);
  /** Polls the scheduler at a moment of virtual time. */
  const runAt = async (at: string) => {
    h.clock.set(at);
    await h.engine.runDueJobs();
  };

  it('reminds every 5 working days (R3/P5WD) across a weekend and the Qingming holiday, three times', async () => {
    // Wednesday 2026-04-01 10:00. Five working days on: Thu 04-02, Fri 04-03, (Sat 04-04 to
    // Mon 04-06 清明 and the weekend), Tue 04-07, Wed 04-08, Thu 04-09 — at the same hour
    h.clock.set('2026-04-01T10:00:00+08:00');
    const instance = await start('working-day-reminder');
    expect(await pendingTimers(instance._id)).toEqual([['remind', '2026-04-09T10:00:00+08:00']]);

    await runAt('2026-04-09T09:59:59+08:00');
    expect(remindersOf(instance._id)).toEqual([]);

    await runAt('2026-04-09T10:00:00+08:00');
    expect(remindersOf(instance._id)).toEqual(['2026-04-09T10:00:00+08:00']);
    // Fri 04-10, Mon 04-13, Tue 04-14, Wed 04-15, Thu 04-16
    expect(await pendingTimers(instance._id)).toEqual([['remind', '2026-04-16T10:00:00+08:00']]);

    // the scheduler polls late: the next repetition still counts from the due time, not from now
    await runAt('2026-04-16T15:30:00+08:00');
    expect(remindersOf(instance._id)).toHaveLength(2);
    expect(await pendingTimers(instance._id)).toEqual([['remind', '2026-04-23T10:00:00+08:00']]);

    await runAt('2026-04-23T10:00:00+08:00');
    expect(await pendingTimers(instance._id)).toEqual([]);

    // R3: nothing more, however long the task stays open
    await runAt(new Date(Date.parse('2026-04-23T10:00:00+08:00') + 60 * DAY).toISOString());
    expect(remindersOf(instance._id)).toEqual([
      '2026-04-09T10:00:00+08:00',
      '2026-04-16T15:30:00+08:00',
      '2026-04-23T10:00:00+08:00',
    ]);
    expect(await openActivities(instance._id)).toEqual(['handle']);
    expect(await historyOf(instance._id, 'timer.fired')).toHaveLength(3);
    const scheduled = await historyOf(instance._id, 'timer.scheduled');
    expect(scheduled.map((e) => beijing(new Date(JSON.parse(e.data!).dueAt as string)))).toEqual([
      '2026-04-09T10:00:00+08:00',
      '2026-04-16T10:00:00+08:00',
      '2026-04-23T10:00:00+08:00',
    ]);
  });

  it('counts each repetition on the calendar in force when it is computed: a holiday added later moves it', async () => {
    // Monday 2026-03-02 09:00: every 5 working days is every Monday while no holiday intervenes
    h.clock.set('2026-03-02T09:00:00+08:00');
    const instance = await start('working-day-reminder');
    await runAt('2026-03-09T09:00:00+08:00');
    expect(await pendingTimers(instance._id)).toEqual([['remind', '2026-03-16T09:00:00+08:00']]);

    // the district declares two extra days off after the second reminder was scheduled
    const before = calendar;
    calendar = { ...before, holidays: [...before.holidays, '2026-03-12', '2026-03-18'] };
    try {
      // the one already scheduled keeps its due time, as every scheduled due time does …
      await runAt('2026-03-16T09:00:00+08:00');
      // … the next one counts on the new calendar: Tue 17, (Wed 18 off), Thu 19, Fri 20, Mon 23, Tue 24
      expect(await pendingTimers(instance._id)).toEqual([['remind', '2026-03-24T09:00:00+08:00']]);
      await runAt('2026-03-23T09:00:00+08:00');
      expect(remindersOf(instance._id)).toHaveLength(2);
      await runAt('2026-03-24T09:00:00+08:00');
      expect(remindersOf(instance._id)).toEqual([
        '2026-03-09T09:00:00+08:00',
        '2026-03-16T09:00:00+08:00',
        '2026-03-24T09:00:00+08:00',
      ]);
    } finally {
      calendar = before;
    }
  });

  it('a timer catch event with a working-day cycle waits for its next occurrence, once', async () => {
    // Tuesday 2026-03-03: R/2026-03-02T09:00/P5WD next falls on Monday 03-09 09:00
    h.clock.set('2026-03-03T10:00:00+08:00');
    const instance = await start('working-day-catch');
    expect(await pendingTimers(instance._id)).toEqual([
      ['nextMeeting', '2026-03-09T09:00:00+08:00'],
    ]);

    await runAt('2026-03-09T09:00:00+08:00');
    expect(await openActivities(instance._id)).toEqual(['report']);
    expect(await pendingTimers(instance._id)).toEqual([]);
  });

  it('a timer start event R/2026-03-02T09:00:00+08:00/P5WD starts an instance every 5 working days', async () => {
    h.clock.set('2026-03-02T08:00:00+08:00');
    const deployment = await h.engine.deploy(fixture('working-day-start'), { district: DISTRICT });
    const pendingStart = async () =>
      (await h.engine.jobs.find({ kind: 'timer-start', district: DISTRICT, status: 'pending' }))
        .filter((job) => job.payload.definitionId === deployment._id)
        .map((job) => beijing(job.dueAt));
    // Mondays while no holiday intervenes; from Monday 03-30: Tue 31, Wed 04-01, Thu 02, Fri 03,
    // (04-04 to 04-06 清明 and the weekend), Tue 04-07; then Wed 08, Thu 09, Fri 10, Mon 13, Tue 14
    const expected = [
      '2026-03-02T09:00:00+08:00',
      '2026-03-09T09:00:00+08:00',
      '2026-03-16T09:00:00+08:00',
      '2026-03-23T09:00:00+08:00',
      '2026-03-30T09:00:00+08:00',
      '2026-04-07T09:00:00+08:00',
      '2026-04-14T09:00:00+08:00',
    ];
    try {
      for (const due of expected) {
        expect(await pendingStart()).toEqual([due]);
        await runAt(due.replace('T09:00:00', 'T08:59:59'));
        await runAt(due);
      }
      const started = await h.engine.listInstances({
        district: DISTRICT,
        processKey: 'working-day-start',
      });
      expect(started.map((i) => beijing(i.startedAt)).sort()).toEqual(expected);
      expect(await pendingStart()).toEqual(['2026-04-21T09:00:00+08:00']);
    } finally {
      await h.engine.setDefinitionActive(deployment._id, false);
    }
  });

  it('after downtime the missed repetitions fire in turn, and the rhythm keeps its due times', async () => {
    // last in this file: the second engine's scheduler walks its slots to this date, and the
    // database is shared, so no test may set the clock back behind it afterwards
    h.clock.set('2026-07-06T09:00:00+08:00');
    const instance = await start('working-day-reminder');
    // nobody polls over Monday 07-13 and Monday 07-20; a fresh server starts on Friday 07-24
    h.clock.set('2026-07-24T11:00:00+08:00');
    const restarted = await h.restart({ owner: 'after-downtime' });
    await restarted.runDueJobs();
    expect(remindersOf(instance._id)).toEqual([
      '2026-07-24T11:00:00+08:00',
      '2026-07-24T11:00:00+08:00',
    ]);
    expect(await pendingTimers(instance._id)).toEqual([['remind', '2026-07-27T09:00:00+08:00']]);
  });
});
