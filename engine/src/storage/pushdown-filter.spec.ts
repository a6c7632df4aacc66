import { andFilter } from './pushdown-filter';

describe('andFilter', () => {
  it('lifts plain equalities out of nested $and to the top level', () => {
    const due = new Date('2026-01-01T00:00:00Z');
    expect(
      andFilter([
        { $and: [{ district: 'd1' }, { status: 'open', dueAt: { $lt: due } }] },
        { assignee: 'u1' },
      ]),
    ).toEqual({ district: 'd1', status: 'open', assignee: 'u1', dueAt: { $lt: due } });
  });

  it('keeps operators, and a second equality on the same field, inside $and', () => {
    expect(
      andFilter([
        { district: 'd1', $or: [{ a: 1 }, { b: 2 }] },
        { district: 'd2' },
        { $or: [{ c: 3 }] },
      ]),
    ).toEqual({
      district: 'd1',
      $or: [{ a: 1 }, { b: 2 }],
      $and: [{ district: 'd2' }, { $or: [{ c: 3 }] }],
    });
  });

  it('treats objects, arrays and null as conditions, not equalities to lift', () => {
    expect(andFilter([{ a: null }, { b: ['x'] }, { a: { $exists: false } }])).toEqual({
      a: null,
      b: ['x'],
      $and: [{ a: { $exists: false } }],
    });
    expect(andFilter([])).toEqual({});
  });
});
