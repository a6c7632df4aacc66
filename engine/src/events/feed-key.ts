import { randomBytes } from 'node:crypto';

const TIME_DIGITS = 12; // milliseconds in hex: enough until the year 10889
const COUNTER_DIGITS = 6;
const WRITER_DIGITS = 6;
const KEY_PATTERN = new RegExp(`^[0-9a-f]{${TIME_DIGITS + COUNTER_DIGITS + WRITER_DIGITS}}$`);

/**
 * Feed keys: fixed-width hex strings whose string order is time order — the time an event was
 * inserted, then a counter that keeps one writer's keys strictly increasing (also when its clock
 * stands still or steps back), then a random writer id that keeps two writers' keys distinct.
 * Two writers' keys are ordered by their clocks, which is why the feed reads only keys older than
 * a settle window (see event-feed.ts).
 */
export class FeedKeys {
  private lastMs = 0;
  private counter = 0;
  private readonly writer = randomBytes(WRITER_DIGITS / 2).toString('hex');

  next(at: Date): string {
    const ms = at.getTime();
    if (ms > this.lastMs) {
      this.lastMs = ms;
      this.counter = 0;
    } else {
      this.counter++;
    }
    return hex(this.lastMs, TIME_DIGITS) + hex(this.counter, COUNTER_DIGITS) + this.writer;
  }
}

/** The greatest key any writer can stamp at or before `at`. */
export function lastFeedKeyAt(at: Date): string {
  return hex(Math.max(0, at.getTime()), TIME_DIGITS) + 'f'.repeat(COUNTER_DIGITS + WRITER_DIGITS);
}

/** The time a key was stamped at, in milliseconds. */
export function feedKeyTime(key: string): number {
  return parseInt(key.slice(0, TIME_DIGITS), 16);
}

export function isFeedKey(value: unknown): value is string {
  return typeof value === 'string' && KEY_PATTERN.test(value);
}

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0').slice(-digits);
}
