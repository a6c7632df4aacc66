/**
 * bpmn-elements asks its environment for timers. We never let it arm a real setTimeout:
 * a timer becomes a job in the database (durable, no 24.8-day overflow, fired once by the
 * scheduler), and firing it means calling the callback captured here on a recovered engine.
 */
export interface CapturedTimer {
  /** What bpmn-elements registered the timer for: activity id, execution id, expireAt, ... */
  owner: TimerOwner | null;
  callback: (...args: unknown[]) => void;
  args: unknown[];
  delay: number;
  timerRef: unknown;
}

export interface TimerOwner {
  id: string;
  executionId: string;
  parent?: { id: string; executionId: string };
  timerType?: 'timeDuration' | 'timeDate' | 'timeCycle';
  timeDuration?: string;
  timeDate?: string;
  timeCycle?: string;
  expireAt?: Date | string;
  repeat?: number;
}

export class CapturedTimers {
  private readonly active = new Set<CapturedTimer>();

  get executing(): CapturedTimer[] {
    return [...this.active];
  }

  register(owner: TimerOwner) {
    return {
      setTimeout: (callback: CapturedTimer['callback'], delay: number, ...args: unknown[]) =>
        this.capture(owner, callback, delay, args),
      clearTimeout: (ref: CapturedTimer) => this.clearTimeout(ref),
    };
  }

  setTimeout(
    callback: CapturedTimer['callback'],
    delay: number,
    ...args: unknown[]
  ): CapturedTimer {
    return this.capture(null, callback, delay, args);
  }

  clearTimeout(ref: unknown): undefined {
    this.active.delete(ref as CapturedTimer);
    return undefined;
  }

  /** The pending timer of an activity execution (the timer event's own execution id). */
  find(executionId: string): CapturedTimer | undefined {
    return this.executing.find((t) => t.owner?.executionId === executionId);
  }

  private capture(
    owner: TimerOwner | null,
    callback: CapturedTimer['callback'],
    delay: number,
    args: unknown[],
  ): CapturedTimer {
    const timer: CapturedTimer = { owner, callback, delay, args, timerRef: null };
    this.active.add(timer);
    return timer;
  }
}
