import { type CommandCost, type CommandEvents, CommandRecorder } from '../common/command-recorder';
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
  commands: CommandCost[];
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
  return CommandRecorder.listen(client, async (recorder) => {
    let totalMs = 0;
    for (const task of tasks) {
      const signedIn = await clients.of(task.assignee);
      totalMs += await recorder.time(() =>
        signedIn.post(`/api/tasks/${task.taskId}/complete`, {
          data: { approved: true, opinion: '同意' },
        }),
      );
    }
    const n = Math.max(1, tasks.length);
    const commands = recorder.costs(n);
    return {
      completions: tasks.length,
      meanMs: totalMs / n,
      meanDatabaseMs: recorder.databaseMs / n,
      roundTrips: commands.reduce((sum, c) => sum + c.perCompletion, 0),
      commands,
    };
  });
}
