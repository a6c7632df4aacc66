import { type LatencySummary, runPool, summarize } from '../engine/stats';
import { BenchClient } from './bench-server';
import { type BenchUser, type BenchWorld, PASSWORD } from './seed-world';

/** Signed-in clients by username, made on first use (sign-in is not measured). */
export class Clients {
  private readonly clients = new Map<string, Promise<BenchClient>>();

  constructor(private readonly base: string) {}

  of(user: BenchUser): Promise<BenchClient> {
    let client = this.clients.get(user.username);
    if (!client) {
      client = BenchClient.login(this.base, user.username, PASSWORD);
      this.clients.set(user.username, client);
    }
    return client;
  }
}

/** `GET /api/tasks?view=<view>` (first page, the default 50 by due) for random users, one at a time. */
export async function inboxLatency(
  world: BenchWorld,
  clients: Clients,
  view: 'mine' | 'claimable',
  samples: number,
): Promise<LatencySummary & { meanItems: number }> {
  const times: number[] = [];
  let items = 0;
  for (let i = 0; i < samples; i++) {
    const district = world.districts[i % world.districts.length];
    const user = district.users[(i * 7) % district.users.length];
    const client = await clients.of(user);
    const started = performance.now();
    const page = (await client.get(`/api/tasks?view=${view}`)) as { items: unknown[] };
    times.push(performance.now() - started);
    items += page.items.length;
  }
  return { ...summarize(times), meanItems: items / samples };
}

/** Completes the real tasks over HTTP, `concurrency` at a time. */
export async function completions(
  world: BenchWorld,
  clients: Clients,
  count: number,
  concurrency: number,
): Promise<{ latency: LatencySummary; perSecond: number; elapsedMs: number }> {
  const tasks = world.realTasks.slice(0, count);
  await Promise.all(tasks.map((task) => clients.of(task.assignee))); // sign in first
  const times: number[] = [];
  const started = performance.now();
  await runPool(tasks.length, concurrency, async (i) => {
    const task = tasks[i];
    const client = await clients.of(task.assignee);
    const t = performance.now();
    await client.post(`/api/tasks/${task.taskId}/complete`, {
      data: { approved: true, opinion: '同意' },
    });
    times.push(performance.now() - t);
  });
  const elapsedMs = performance.now() - started;
  return {
    latency: summarize(times),
    perSecond: (tasks.length * 1000) / elapsedMs,
    elapsedMs,
  };
}

/** Database commands of one completion over HTTP, by command and collection, with their time. */
export interface HttpCompletionProfile {
  completions: number;
  meanMs: number;
  meanDatabaseMs: number;
  roundTrips: number;
  commands: { command: string; perCompletion: number; meanMs: number }[];
}

interface CommandEvents {
  on(event: string, listener: (event: never) => void): unknown;
  removeListener(event: string, listener: (event: never) => void): unknown;
}

/**
 * Completes `count` more real tasks one at a time and records every command the server sends
 * meanwhile (its background loops included): what one completion costs without contention.
 */
export async function profileHttpCompletions(
  world: BenchWorld,
  clients: Clients,
  client: CommandEvents,
  from: number,
  count: number,
): Promise<HttpCompletionProfile> {
  const tasks = world.realTasks.slice(from, from + count);
  await Promise.all(tasks.map((task) => clients.of(task.assignee)));
  const counts = new Map<string, { count: number; ms: number }>();
  const keyOf = new Map<number, string>();
  let databaseMs = 0;
  let recording = false;
  const started = (event: {
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
  const finished = (event: { requestId: number; duration: number }) => {
    const key = keyOf.get(event.requestId);
    if (key === undefined) return;
    keyOf.delete(event.requestId);
    databaseMs += event.duration;
    counts.get(key)!.ms += event.duration;
  };
  client.on('commandStarted', started);
  client.on('commandSucceeded', finished);
  client.on('commandFailed', finished);
  let totalMs = 0;
  try {
    for (const task of tasks) {
      const signedIn = await clients.of(task.assignee);
      recording = true;
      const t = performance.now();
      await signedIn.post(`/api/tasks/${task.taskId}/complete`, {
        data: { approved: true, opinion: '同意' },
      });
      totalMs += performance.now() - t;
      recording = false;
    }
  } finally {
    client.removeListener('commandStarted', started);
    client.removeListener('commandSucceeded', finished);
    client.removeListener('commandFailed', finished);
  }
  const n = Math.max(1, tasks.length);
  const commands = [...counts]
    .map(([command, c]) => ({ command, perCompletion: c.count / n, meanMs: c.ms / c.count }))
    .sort((a, b) => b.perCompletion * b.meanMs - a.perCompletion * a.meanMs);
  return {
    completions: tasks.length,
    meanMs: totalMs / n,
    meanDatabaseMs: databaseMs / n,
    roundTrips: commands.reduce((sum, c) => sum + c.perCompletion, 0),
    commands,
  };
}
