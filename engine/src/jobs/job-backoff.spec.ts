import { EngineError } from '../engine.error';
import { defaultBackoff, exponentialBackoff } from './job-backoff';

describe('exponentialBackoff', () => {
  it('waits 10 s, 20 s, 40 s ... by default', () => {
    expect([1, 2, 3, 4].map(defaultBackoff)).toEqual([10_000, 20_000, 40_000, 80_000]);
  });

  it('never waits longer than the ceiling, however many attempts failed', () => {
    expect(defaultBackoff(9)).toBe(2_560_000);
    expect(defaultBackoff(10)).toBe(3_600_000);
    expect(defaultBackoff(10_000)).toBe(3_600_000);
  });

  it('treats a zero or fractional attempt like the first one', () => {
    const backoff = exponentialBackoff({ initialMs: 1_000, factor: 3, maxMs: 100_000 });
    expect([0, 1, 1.5, 2, 3].map(backoff)).toEqual([1_000, 1_000, 1_000, 3_000, 9_000]);
  });

  it('refuses settings that would shrink or go negative', () => {
    expect(() => exponentialBackoff({ factor: 0.5 })).toThrow(EngineError);
    expect(() => exponentialBackoff({ initialMs: -1 })).toThrow(EngineError);
    expect(() => exponentialBackoff({ initialMs: 10, maxMs: 5 })).toThrow(EngineError);
  });
});
