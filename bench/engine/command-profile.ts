import type { Connection } from 'mongoose';
import type { ProcessEngine } from '../../engine/src';
import { type CommandCost, CommandRecorder } from '../common/command-recorder';

export interface CompletionProfile {
  completions: number;
  /** Database commands per completion, by command and collection ('update engine_instances'), with their mean time. */
  commandsPerCompletion: CommandCost[];
  roundTripsPerCompletion: number;
  /** Mean wall time of a completion, and the part spent waiting for database commands. */
  meanMs: number;
  meanDatabaseMs: number;
}

/**
 * Completes the tasks of `instances` fresh instances one at a time, on the database as the run
 * left it, and records every database command each completion sends: what a completion costs
 * without contention, split into database time and engine (CPU) time.
 */
export async function profileCompletions(
  engine: ProcessEngine,
  connection: Connection,
  target: { district: string; processKey: string; instances: number },
): Promise<CompletionProfile> {
  return CommandRecorder.listen(connection.getClient(), async (recorder) => {
    let completions = 0;
    let totalMs = 0;
    for (let i = 0; i < target.instances; i++) {
      const actor = { userId: 'profiler', groups: [] };
      const instance = await engine.startInstance({
        processKey: target.processKey,
        district: target.district,
        starter: actor.userId,
      });
      for (;;) {
        const [task] = await engine.tasks.openTasksOf(instance._id);
        if (!task) break;
        totalMs += await recorder.time(() =>
          engine.tasks.complete(task._id, actor, { profiled: true }),
        );
        completions++;
      }
    }
    const perCompletion = recorder.costs(completions);
    return {
      completions,
      commandsPerCompletion: perCompletion,
      roundTripsPerCompletion: perCompletion.reduce((sum, c) => sum + c.perCompletion, 0),
      meanMs: totalMs / completions,
      meanDatabaseMs: recorder.databaseMs / completions,
    };
  });
}

/** Documents and bytes per engine collection, as the run left them. */
export async function collectionSizes(
  connection: Connection,
): Promise<{ name: string; count: number; avgBytes: number }[]> {
  const db = connection.db!;
  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((name) => name.startsWith('engine_') || name === 'jobs')
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const stats = (await db.command({ collStats: name })) as {
        count?: number;
        avgObjSize?: number;
      };
      return { name, count: stats.count ?? 0, avgBytes: Math.round(stats.avgObjSize ?? 0) };
    }),
  );
}
