import type { TaskDoc } from '../storage/documents';
import { taskWriteOf } from '../storage/tasks/task-writes';
import type { Effect } from './effects';
import { stampTaskRevisions, taskChangeOf } from './task-effects';

describe('task writes', () => {
  const at = new Date('2026-03-02T01:00:00Z');

  it('stamps the step revision on every task write that has none', () => {
    const effects: Effect[] = [
      { type: 'task.create', task: { _id: 't1' } as TaskDoc },
      { type: 'task.update', taskId: 't2', set: { assignee: 'u' } },
      { type: 'task.close', taskId: 't3', status: 'completed', at, rev: 3 },
      { type: 'job.cancel', jobId: 'j' },
    ];
    stampTaskRevisions(effects, 7);
    expect(effects).toEqual([
      { type: 'task.create', task: { _id: 't1', changedAtRev: 7 } },
      { type: 'task.update', taskId: 't2', set: { assignee: 'u' }, rev: 7 },
      { type: 'task.close', taskId: 't3', status: 'completed', at, rev: 3 },
      { type: 'job.cancel', jobId: 'j' },
    ]);
  });

  it('a close applies to an open task only and records who and when', () => {
    const change = taskChangeOf({
      type: 'task.close',
      taskId: 't',
      status: 'completed',
      at,
      by: 'u',
      output: { ok: true },
      rev: 5,
    });
    expect(taskWriteOf(change)).toEqual({
      update: {
        $set: {
          status: 'completed',
          completedAt: at,
          completedBy: 'u',
          output: { ok: true },
          changedAtRev: 5,
        },
      },
      also: { status: 'open' },
    });
  });

  it('an update sets and removes fields; a field both set and removed stays set', () => {
    const change = taskChangeOf({
      type: 'task.update',
      taskId: 't',
      set: { owner: 'a' },
      unset: ['assignee', 'claimedAt', 'owner'],
      rev: 6,
    });
    expect(taskWriteOf(change)).toEqual({
      update: {
        $set: { owner: 'a', changedAtRev: 6 },
        $unset: { assignee: '', claimedAt: '' },
      },
      also: {},
    });
  });
});
