import type { ProcessEngine } from '../../engine/src';
import { type LatencySummary, runPool, summarize } from './stats';

export interface DriveOptions {
  engine: ProcessEngine;
  district: string;
  processKey: string;
  instances: number;
  concurrency: number;
  onProgress?: (instancesDone: number) => void;
}

export interface DriveResult {
  elapsedMs: number;
  instances: number;
  completions: number;
  /** startInstance, until the first task exists. */
  start: LatencySummary;
  /** tasks.complete, until the next task exists (or the instance has ended). */
  completion: LatencySummary;
  /** getInstance: how the driver finds the next task (the instance's waits name it). */
  nextTask: LatencySummary;
  /** Calls that failed, by error message (the driver retries each call up to 3 times, as a user would). */
  failures: Map<string, number>;
  /** Instances given up after a call failed 3 times. */
  abandoned: number;
}

/**
 * Starts `instances` instances and completes every task of each through the public API, with
 * `concurrency` instances in flight. Each instance's tasks are done in order by its starter, who
 * finds the next one from the instance (a lookup by id) rather than an inbox query: on FerretDB
 * every query reads the whole task collection, which the profile measures separately.
 */
export async function driveEngine(options: DriveOptions): Promise<DriveResult> {
  const { engine, district, processKey } = options;
  const starts: number[] = [];
  const completions: number[] = [];
  const lookups: number[] = [];
  const failures = new Map<string, number>();
  let abandoned = 0;
  /** A call as a user makes it: on an error, again (3 tries); only successful calls are timed. */
  async function timed<T>(samples: number[], call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const t = performance.now();
      try {
        const result = await call();
        samples.push(performance.now() - t);
        return result;
      } catch (error) {
        const key = error instanceof Error ? error.message.slice(0, 120) : String(error);
        failures.set(key, (failures.get(key) ?? 0) + 1);
        if (attempt >= 3) throw error;
      }
    }
  }
  const began = performance.now();
  await runPool(
    options.instances,
    options.concurrency,
    async (index) => {
      const starter = `user-${index % 100}`;
      const actor = { userId: starter, groups: [] };
      try {
        const instance = await timed(starts, () =>
          engine.startInstance({ processKey, district, starter, businessKey: `BENCH-${index}` }),
        );
        for (let current = instance; ;) {
          const taskId = current.waits.find((wait) => wait.taskId)?.taskId;
          if (!taskId) break;
          await timed(completions, () =>
            engine.tasks.complete(taskId, actor, { [`${taskId.slice(-6)}Done`]: true }),
          );
          current = await timed(lookups, () => engine.getInstance(instance._id));
        }
      } catch {
        abandoned++;
      }
    },
    options.onProgress,
  );
  return {
    elapsedMs: performance.now() - began,
    instances: options.instances,
    completions: completions.length,
    start: summarize(starts),
    completion: summarize(completions),
    nextTask: summarize(lookups),
    failures,
    abandoned,
  };
}
