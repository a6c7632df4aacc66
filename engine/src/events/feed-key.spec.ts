import { FeedKeys, isFeedKey, lastFeedKeyAt } from './feed-key';

describe('feed keys', () => {
  it('sort as strings in the order they were made, also when the clock stands still or steps back', () => {
    const keys = new FeedKeys();
    const at = new Date('2026-03-02T01:00:00Z');
    const made = [
      keys.next(at),
      keys.next(at),
      keys.next(new Date(at.getTime() - 5_000)),
      keys.next(new Date(at.getTime() + 1)),
    ];
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
    expect(made.every(isFeedKey)).toBe(true);
  });

  it('two writers never make the same key, and time orders them', () => {
    const [a, b] = [new FeedKeys(), new FeedKeys()];
    const at = new Date('2026-03-02T01:00:00Z');
    expect(a.next(at)).not.toBe(b.next(at));
    expect(a.next(new Date(at.getTime() + 1)) < b.next(new Date(at.getTime() + 2))).toBe(true);
  });

  it('lastFeedKeyAt is at or after every key of that moment and before every later one', () => {
    const keys = new FeedKeys();
    const at = new Date('2026-03-02T01:00:00Z');
    const limit = lastFeedKeyAt(at);
    expect(keys.next(at) <= limit).toBe(true);
    expect(keys.next(at) <= limit).toBe(true);
    expect(keys.next(new Date(at.getTime() + 1)) > limit).toBe(true);
    expect(isFeedKey('not-a-key')).toBe(false);
  });
});
