/** The engine never reads the system time directly, so tests can run months in milliseconds. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that moves only when told to; for tests and benchmarks. */
export class VirtualClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-01-05T09:00:00+08:00') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }

  advance(ms: number): Date {
    this.current += ms;
    return this.now();
  }
}
