/**
 * API benchmark: the inbox and task completion over HTTP on the real server, with many open tasks
 * across districts on a fresh database.
 *
 *   node -r @swc-node/register bench/api/run.ts [--tasks 100000] [--districts 10] [--samples 50]
 *        [--completions 320] [--concurrency 16]
 *
 * Prints numbers only; see bench/README.md and docs/performance.md ("API").
 */
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { type LatencySummary, ms } from '../engine/stats';
import { startBenchServer } from './bench-server';
import { Clients, completions, inboxLatency } from './measure';
import { seedWorld } from './seed-world';
import { inboxStorageExperiment } from './storage-experiment';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tasks: { type: 'string', default: '100000' },
      districts: { type: 'string', default: '10' },
      users: { type: 'string', default: '50' },
      samples: { type: 'string', default: '50' },
      completions: { type: 'string', default: '320' },
      concurrency: { type: 'string', default: '16' },
    },
  });
  const tasks = positive(values.tasks, 'tasks');
  const districts = positive(values.districts, 'districts');
  const users = positive(values.users, 'users');
  const samples = positive(values.samples, 'samples');
  const completionCount = positive(values.completions, 'completions');
  const concurrency = positive(values.concurrency, 'concurrency');
  const realPerDistrict = Math.ceil(completionCount / districts);

  console.log('# API benchmark');
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${gib(totalmem())} GiB RAM (${gib(freemem())} free), node ${process.version}`,
  );
  console.log(
    `run: ${tasks} open tasks in ${districts} districts × ${users} users; ${samples} inbox samples per view; ${completionCount} completions at concurrency ${concurrency}`,
  );
  console.log(
    `load average at the start (1, 5, 15 min): ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')}`,
  );
  const server = await startBenchServer();
  try {
    console.log(`database: ${server.database.kind} ${server.database.version}`);
    const seeding = performance.now();
    const world = await seedWorld(server, {
      districts,
      usersPerDistrict: users,
      tasks,
      realPerDistrict,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    console.log(`seeded ${world.openTasks} open tasks in ${seconds(performance.now() - seeding)}`);

    const clients = new Clients(server.base);
    await inboxLatency(world, clients, 'mine', Math.min(5, samples)); // warm-up, not reported
    console.log('\n## inbox over HTTP (first page of 50, by due, one request at a time)');
    for (const view of ['mine', 'claimable'] as const) {
      const result = await inboxLatency(world, clients, view, samples);
      printLatency(`GET /api/tasks?view=${view}`, result);
      console.log(`  mean items on the page: ${result.meanItems.toFixed(1)}`);
    }

    console.log(`\n## task completion over HTTP (concurrency ${concurrency})`);
    const done = await completions(world, clients, completionCount, concurrency);
    printLatency('POST /api/tasks/:id/complete', done.latency);
    console.log(`completions/s: ${done.perSecond.toFixed(1)} (${seconds(done.elapsedMs)})`);

    console.log('\n## the inbox query on the database (driver only, same data)');
    // a district in the middle of the collection: a scan that stops at its first match (findOne)
    // reads about half the rows, as it would on average
    const db = server.database.connection.db!;
    const middle = world.districts[Math.floor(world.districts.length / 2)];
    console.log(`(district ${middle.code}, ${world.openTasks} open tasks in the collection)`);
    for (const { label, latency } of await inboxStorageExperiment(
      db,
      middle.code,
      middle.users,
      samples,
    ))
      printLatency(label, latency);
    console.log(
      `\nload average at the end (1, 5, 15 min): ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')}`,
    );
  } finally {
    await server.close();
  }
}

function printLatency(label: string, s: LatencySummary): void {
  console.log(`${label}: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (n=${s.count})`);
}

function positive(text: string | undefined, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer`);
  return value;
}

const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(1);
const seconds = (elapsedMs: number) => `${(elapsedMs / 1000).toFixed(1)} s`;

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
