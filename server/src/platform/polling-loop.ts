/**
 * A background loop that runs `poll` every `intervalMs` (at once again while it reports more
 * work), one run at a time. `exclusive()` runs other work in the same queue, so a test or script
 * that drains by hand never races the background run. `stop()` waits for the run in progress.
 */
export class PollingLoop {
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private running = false;

  constructor(
    private readonly intervalMs: number,
    /** Resolves to true when more work is probably waiting. */
    private readonly poll: () => Promise<boolean>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts polling; an interval of 0 leaves the loop off. */
  start(): void {
    if (this.running || this.intervalMs <= 0) return;
    this.running = true;
    this.wakeIn(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.queue;
  }

  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private wakeIn(ms: number): void {
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    let more = false;
    try {
      more = await this.exclusive(this.poll);
    } catch (error) {
      this.onError(error);
    }
    if (this.running && !this.timer) this.wakeIn(more ? 0 : this.intervalMs);
  }
}
