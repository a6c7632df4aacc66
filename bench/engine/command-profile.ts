import type { Connection } from 'mongoose';
import type { ProcessEngine } from '../../engine/src';

export interface CompletionProfile {
  completions: number;
  /** Database commands per completion, by command and collection ('update engine_instances'), with their mean time. */
  commandsPerCompletion: { command: string; perCompletion: number; meanMs: number }[];
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
  const client = connection.getClient();
  const counts = new Map<string, { count: number; ms: number }>();
  const keyOf = new Map<number, string>();
  let recording = false;
  let databaseMs = 0;
  const onStarted = (event: {
    requestId: number;
    commandName: string;
    command: Record<string, unknown>;
  }) => {
    if (!recording) return;
    const collection =
      event.commandName === 'getMore' ? event.command.collection : event.command[event.commandName];
    const key = `${event.commandName} ${String(collection)}`;
    keyOf.set(event.requestId, key);
    const entry = counts.get(key) ?? { count: 0, ms: 0 };
    entry.count++;
    counts.set(key, entry);
  };
  const onFinished = (event: { requestId: number; duration: number }) => {
    const key = keyOf.get(event.requestId);
    if (key === undefined) return;
    keyOf.delete(event.requestId);
    databaseMs += event.duration;
    counts.get(key)!.ms += event.duration;
  };
  client.on('commandStarted', onStarted);
  client.on('commandSucceeded', onFinished);
  client.on('commandFailed', onFinished);
  let completions = 0;
  let totalMs = 0;
  try {
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
        recording = true;
        const t = performance.now();
        await engine.tasks.complete(task._id, actor, { profiled: true });
        totalMs += performance.now() - t;
        recording = false;
        completions++;
      }
    }
  } finally {
    recording = false;
    client.off('commandStarted', onStarted);
    client.off('commandSucceeded', onFinished);
    client.off('commandFailed', onFinished);
  }
  const perCompletion = [...counts.entries()]
    .map(([command, { count, ms }]) => ({
      command,
      perCompletion: count / completions,
      meanMs: ms / count,
    }))
    .sort((a, b) => b.perCompletion * b.meanMs - a.perCompletion * a.meanMs);
  return {
    completions,
    commandsPerCompletion: perCompletion,
    roundTripsPerCompletion: perCompletion.reduce((sum, c) => sum + c.perCompletion, 0),
    meanMs: totalMs / completions,
    meanDatabaseMs: databaseMs / completions,
  };
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
