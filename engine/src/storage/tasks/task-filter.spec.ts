import { isEngineError } from '../../engine.error';
import { escapeRegex, pageLimit, taskFilterToQuery, taskOrder } from './task-filter';

describe('task filters', () => {
  // equalities stand at the top level: the embedded database only indexes those (andFilter)
  it('always scopes to the district and combines every condition', () => {
    expect(taskFilterToQuery({ district: 'd1' })).toEqual({ district: 'd1' });
    expect(
      taskFilterToQuery({ district: 'd1', assignee: 'u1', status: ['open', 'returned'] }),
    ).toEqual({ district: 'd1', assignee: 'u1', status: { $in: ['open', 'returned'] } });
  });

  it('candidates match unassigned tasks through the user or any of the groups', () => {
    expect(
      taskFilterToQuery({ district: 'd', candidateUser: 'u', candidateGroups: ['g'] }),
    ).toEqual({
      district: 'd',
      assignee: { $exists: false },
      $or: [{ candidateUsers: 'u' }, { candidateGroups: 'g' }],
    });
    expect(taskFilterToQuery({ district: 'd', candidateGroups: ['g', 'h'] })).toEqual({
      district: 'd',
      assignee: { $exists: false },
      candidateGroups: { $in: ['g', 'h'] },
    });
    expect(taskFilterToQuery({ district: 'd', candidateGroups: ['g'] })).toEqual({
      district: 'd',
      candidateGroups: 'g',
      assignee: { $exists: false },
    });
  });

  it('matches text literally: every regex metacharacter is escaped', () => {
    expect(escapeRegex('a.b*c (1) [x] ^$ | \\ / -')).toBe(
      'a\\.b\\*c \\(1\\) \\[x\\] \\^\\$ \\| \\\\ \\/ \\-',
    );
    const pattern = { $regex: 'BK\\-\\(4\\)', $options: 'i' };
    expect(taskFilterToQuery({ district: 'd', text: ' BK-(4) ' })).toEqual({
      district: 'd',
      $or: [{ name: pattern }, { processName: pattern }, { businessKey: pattern }],
    });
    expect(new RegExp(escapeRegex('.*'), 'i').test('anything')).toBe(false);
  });

  it('turns dates and priorities into ranges', () => {
    const before = new Date('2026-03-01T00:00:00Z');
    expect(
      taskFilterToQuery({ district: 'd', dueBefore: before, priority: { min: 40, max: 60 } }),
    ).toEqual({ district: 'd', dueAt: { $lt: before }, priority: { $gte: 40, $lte: 60 } });
  });

  it('refuses what would silently widen or break a query', () => {
    for (const bad of [
      () => taskFilterToQuery({ district: '' }),
      () => taskFilterToQuery({ district: 'd', dueAfter: new Date('x') }),
      () => taskOrder('sideways' as never),
      () => pageLimit(0),
      () => pageLimit(201),
      () => pageLimit(1.5),
    ])
      expect(isEngineError(catching(bad), 'INVALID_ARGUMENT')).toBe(true);
    expect(pageLimit(undefined)).toBe(50);
  });

  it('puts tasks without a due date last in both due orders, and ends every order with _id', () => {
    for (const sort of ['due', '-due'] as const) {
      const { phases } = taskOrder(sort);
      expect(phases.map((p) => p.match)).toEqual([
        { dueAt: { $exists: true } },
        { dueAt: { $exists: false } },
      ]);
    }
    for (const sort of ['due', '-due', 'created', '-created', 'priority'] as const)
      for (const phase of taskOrder(sort).phases)
        expect(phase.keys[phase.keys.length - 1].field).toBe('_id');
  });
});

function catching(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
