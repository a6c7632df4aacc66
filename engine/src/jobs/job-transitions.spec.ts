import * as rules from './job-transitions';
import type { JobState } from './job.types';

const t0 = new Date('2026-01-05T09:00:00Z');
const at = (ms: number): Date => new Date(t0.getTime() + ms);

function state(overrides: Partial<JobState> = {}): JobState {
  return {
    status: 'pending',
    dueAt: t0,
    attempts: 0,
    lockOwner: null,
    lockedUntil: null,
    lastError: null,
    updatedAt: t0,
    ...overrides,
  };
}

const running = (owner: string, until: Date): JobState =>
  state({ status: 'running', attempts: 1, lockOwner: owner, lockedUntil: until });

describe('job transitions', () => {
  it('leases a pending job once it is due, counting the attempt', () => {
    expect(rules.lease(state({ dueAt: at(1) }), 'a', t0, 1_000)).toBeNull();
    expect(rules.lease(state(), 'a', t0, 1_000)).toEqual(
      state({ status: 'running', attempts: 1, lockOwner: 'a', lockedUntil: at(1_000) }),
    );
  });

  it('takes over a running job only when its lease has run out', () => {
    expect(rules.lease(running('a', at(1_000)), 'b', at(999), 500)).toBeNull();
    expect(rules.lease(running('a', at(1_000)), 'b', at(1_000), 500)).toMatchObject({
      lockOwner: 'b',
      attempts: 2,
      lockedUntil: at(1_500),
    });
  });

  it('never leases a finished, cancelled or incident job', () => {
    for (const status of ['done', 'cancelled', 'incident'] as const)
      expect(rules.lease(state({ status }), 'a', at(10_000), 1)).toBeNull();
  });

  it('lets only the lease holder complete or fail a run', () => {
    const held = running('a', at(1_000));
    expect(rules.complete(held, 'b', t0)).toBeNull();
    expect(rules.fail(held, 'b', 'boom', null, t0)).toBeNull();
    expect(rules.complete(held, 'a', at(5))).toMatchObject({
      status: 'done',
      lockOwner: null,
      lockedUntil: null,
      updatedAt: at(5),
    });
  });

  it('puts a failed run back as pending at the retry time, or makes it an incident', () => {
    const held = running('a', at(1_000));
    expect(rules.fail(held, 'a', 'boom', at(10_000), t0)).toMatchObject({
      status: 'pending',
      dueAt: at(10_000),
      attempts: 1,
      lastError: 'boom',
      lockOwner: null,
    });
    expect(rules.fail(held, 'a', 'x'.repeat(10_000), null, t0)).toMatchObject({
      status: 'incident',
      lastError: 'x'.repeat(4_000),
    });
  });

  it('retries incidents only, from scratch and due at once', () => {
    expect(rules.retry(state(), t0)).toBeNull();
    expect(rules.retry(state({ status: 'incident', attempts: 3 }), at(7))).toMatchObject({
      status: 'pending',
      attempts: 0,
      dueAt: at(7),
    });
  });

  it('cancels anything not yet finished, and reschedules pending jobs only', () => {
    expect(rules.cancel(running('a', at(1)), t0)).toMatchObject({ status: 'cancelled' });
    expect(rules.cancel(state({ status: 'incident' }), t0)).toMatchObject({ status: 'cancelled' });
    expect(rules.cancel(state({ status: 'done' }), t0)).toBeNull();
    expect(rules.cancel(state({ status: 'cancelled' }), t0)).toBeNull();
    expect(rules.reschedule(state(), at(60_000), t0)).toMatchObject({ dueAt: at(60_000) });
    expect(rules.reschedule(running('a', at(1)), at(60_000), t0)).toBeNull();
  });
});
