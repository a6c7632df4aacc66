/**
 * API benchmark: the inbox and task completion over HTTP on the real server, with many open tasks
 * across districts on a fresh database; then the same reads on the driver alone.
 *
 *   node -r @swc-node/register bench/api/run.ts [--tasks 100000] [--districts 10] [--users 50]
 *        [--samples 50] [--completions 320] [--concurrency 16]
 *
 * Prints numbers only; see bench/README.md and docs/performance.md ("API").
 */
import { loadavg } from 'node:os';
import { WORKFLOW_PLATFORM } from '../../server/src/platform/platform.tokens';
import type { WorkflowPlatform } from '../../server/src/workflow';
import { machine, positiveFlags } from '../common/cli';
import { type LatencySummary, ms } from '../engine/stats';
import { startBenchServer } from './bench-server';
import { Clients, completions, inboxLatency, profileHttpCompletions } from './measure';
import { readPaths } from './read-paths';
import { seedWorld } from './seed-world';

interface Options {
  tasks: number;
  districts: number;
  users: number;
  samples: number;
  completions: number;
  concurrency: number;
}

async function main(): Promise<void> {
  const options: Options = positiveFlags({
    tasks: '100000',
    districts: '10',
    users: '50',
    samples: '50',
    completions: '320',
    concurrency: '16',
  });
  console.log('# API benchmark');
  console.log(machine());
  console.log(`load average at the start (1, 5, 15 min): ${load()}`);
  await overHttp(options);
  console.log(`\nload average at the end (1, 5, 15 min): ${load()}`);
  if (summary) console.log(`\n${summary}`);
}

async function overHttp(options: Options): Promise<void> {
  console.log(
    `run: ${options.tasks} open tasks in ${options.districts} districts × ${options.users} users; ${options.samples} inbox samples per view; ${options.completions} completions at concurrency ${options.concurrency}`,
  );
  const server = await startBenchServer();
  try {
    console.log(`database: ${server.database.kind} ${server.database.version}`);
    const seeding = performance.now();
    const world = await seedWorld(server, {
      districts: options.districts,
      usersPerDistrict: options.users,
      tasks: options.tasks,
      // the completions measured under load, then 20 more profiled one at a time
      realPerDistrict: Math.ceil((options.completions + 20) / options.districts),
      log: (line) => process.stderr.write(`${line}\n`),
    });
    console.log(`seeded ${world.openTasks} open tasks in ${seconds(performance.now() - seeding)}`);

    const clients = new Clients(server.base);
    await inboxLatency(world, clients, 'mine', Math.min(5, options.samples)); // warm-up
    console.log('\n## inbox over HTTP (first page of 50, by due, one request at a time)');
    const inboxP95: Record<string, number> = {};
    for (const view of ['mine', 'claimable'] as const) {
      const result = await inboxLatency(world, clients, view, options.samples);
      printLatency(`GET /api/tasks?view=${view}`, result);
      console.log(`  mean items on the page: ${result.meanItems.toFixed(1)}`);
      inboxP95[view] = result.p95;
    }

    console.log(`\n## task completion over HTTP (concurrency ${options.concurrency})`);
    const done = await completions(world, clients, options.completions, options.concurrency);
    printLatency('POST /api/tasks/:id/complete', done.latency);
    console.log(`completions/s: ${done.perSecond.toFixed(1)} (${seconds(done.elapsedMs)})`);

    const profiled = Math.min(20, world.realTasks.length - options.completions);
    if (profiled > 0) {
      const profile = await profileHttpCompletions(
        world,
        clients,
        server.database.connection.getClient(),
        options.completions,
        profiled,
      );
      console.log(
        `\n## one completion over HTTP, uncontended (${profile.completions} completions)`,
      );
      console.log(
        `mean: ${ms(profile.meanMs)}, of which waiting for the database: ${ms(profile.meanDatabaseMs)}; round trips: ${profile.roundTrips.toFixed(1)}`,
      );
      for (const c of profile.commands)
        console.log(`  ${c.perCompletion.toFixed(2)} × ${c.command}: ${ms(c.meanMs)} each`);
    }

    const middle = world.districts[Math.floor(world.districts.length / 2)];
    console.log('\n## the same reads on the engine alone');
    console.log(
      `(district ${middle.code}, one of ${world.districts.length}, ${world.openTasks} open tasks in all)`,
    );
    const engine = server.app.get<WorkflowPlatform>(WORKFLOW_PLATFORM).engine;
    const users = middle.users.map((user) => user.id);
    for (const { label, latency } of await readPaths(engine, middle.code, users, options.samples))
      printLatency(label, latency);
    summary = `bench-api open_tasks=${world.openTasks} inbox_p95_ms=${inboxP95.mine.toFixed(1)} claimable_p95_ms=${inboxP95.claimable.toFixed(1)} complete_p95_ms=${done.latency.p95.toFixed(1)} completions_per_s=${done.perSecond.toFixed(1)}`;
  } finally {
    await server.close();
  }
}

/** The one line of figures the performance aims are read from; printed last. */
let summary: string | undefined;

function printLatency(label: string, s: LatencySummary): void {
  console.log(`${label}: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (n=${s.count})`);
}

const seconds = (elapsedMs: number) => `${(elapsedMs / 1000).toFixed(1)} s`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(', ');

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
