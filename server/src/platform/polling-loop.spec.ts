import { PollingLoop } from './polling-loop';

describe('PollingLoop', () => {
  it('runs exclusive work and background polls one at a time', async () => {
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const loop = new PollingLoop(
      10_000,
      async () => {
        events.push('poll start');
        await gate;
        events.push('poll end');
        return false;
      },
      () => undefined,
    );
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const manual = loop.exclusive(async () => events.push('manual'));
    release();
    await manual;
    await loop.stop();
    expect(events).toEqual(['poll start', 'poll end', 'manual']);
  });

  it('polls again at once while there is more, reports errors, and stays off at interval 0', async () => {
    const errors: unknown[] = [];
    let polls = 0;
    const loop = new PollingLoop(
      10_000,
      async () => {
        polls++;
        if (polls === 2) throw new Error('database away');
        return polls < 3;
      },
      (error) => errors.push(error),
    );
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await loop.stop();
    expect(polls).toBe(2); // the failed poll waits for the interval
    expect(errors).toEqual([new Error('database away')]);

    let offPolls = 0;
    const off = new PollingLoop(
      0,
      async () => Boolean(offPolls++),
      () => undefined,
    );
    off.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await off.stop();
    expect(offPolls).toBe(0);
  });
});
