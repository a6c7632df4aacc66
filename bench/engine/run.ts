/**
 * Engine benchmark: a five-user-task process driven to the end through the engine's public API
 * on a fresh database, then the same BPMN on bare bpmn-engine in memory for comparison.
 *
 *   node -r @swc-node/register bench/engine/run.ts [--instances 2000] [--concurrency 16] [--profile 10]
 *
 * Prints numbers only; see bench/README.md and docs/performance.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProcessEngine, systemClock } from '../../engine/src';
import { flagValues, machine, positive } from '../common/cli';
import { openBenchDatabase } from './bench-database';
import { driveBareEngine } from './bare-driver';
import { collectionSizes, profileCompletions } from './command-profile';
import { driveEngine } from './engine-driver';
import { type LatencySummary, ms, perSecond } from './stats';

const DISTRICT = 'bench-district';
const PROCESS_KEY = 'bench-five-user-tasks';

async function main(): Promise<void> {
  const values = flagValues({ instances: '2000', concurrency: '16', profile: '10' });
  const instances = positive(values.instances, 'instances');
  const concurrency = positive(values.concurrency, 'concurrency');
  const profiled = Number(values.profile);
  const xml = readFileSync(join(__dirname, 'five-user-tasks.bpmn'), 'utf8');

  console.log('# engine benchmark');
  console.log(machine());
  console.log(`run: ${instances} instances × 5 user tasks, concurrency ${concurrency}`);

  const database = await openBenchDatabase();
  try {
    console.log(`database: ${database.server}`);
    const engine = await ProcessEngine.create({
      connection: database.connection,
      clock: systemClock,
    });
    await engine.deploy(xml, { district: DISTRICT });

    const step = Math.max(1, Math.round(instances / 10));
    // the host's background work, as the server runs it: folding the inbox lists every 2 s
    let compacting = Promise.resolve();
    const compaction = setInterval(() => {
      compacting = compacting.then(() => engine.compactTaskLists().then(() => undefined));
    }, 2_000);
    const ours = await driveEngine({
      engine,
      district: DISTRICT,
      processKey: PROCESS_KEY,
      instances,
      concurrency,
      onProgress: (done) => {
        if (done % step === 0) process.stderr.write(`  ${done}/${instances} instances\n`);
      },
    });
    clearInterval(compaction);
    await compacting;
    const bare = await driveBareEngine(xml, instances, concurrency);

    const ourCompletions = perSecond(ours.completions, ours.elapsedMs);
    const bareCompletions = perSecond(bare.completions, bare.elapsedMs);
    console.log('\n## CongressFlow engine (durable, %s)', database.server);
    console.log(`elapsed: ${(ours.elapsedMs / 1000).toFixed(1)} s`);
    console.log(`instances/s: ${perSecond(ours.instances, ours.elapsedMs).toFixed(1)}`);
    console.log(`task completions/s: ${ourCompletions.toFixed(1)}`);
    printLatency('completion latency', ours.completion);
    printLatency('start latency', ours.start);
    printLatency('next-task lookup (getInstance)', ours.nextTask);
    console.log(
      `failed calls: ${[...ours.failures.values()].reduce((a, b) => a + b, 0)}, instances given up: ${ours.abandoned}`,
    );
    for (const [message, count] of ours.failures) console.log(`  ${count} × ${message}`);

    console.log('\n## bare bpmn-engine (in memory, no persistence)');
    console.log(`elapsed: ${(bare.elapsedMs / 1000).toFixed(1)} s`);
    console.log(`instances/s: ${perSecond(bare.instances, bare.elapsedMs).toFixed(1)}`);
    console.log(`task completions/s: ${bareCompletions.toFixed(1)}`);
    printLatency('completion latency', bare.completion);

    console.log('\n## ratio');
    console.log(
      `our completions/s are ${((100 * ourCompletions) / bareCompletions).toFixed(2)} % of bare bpmn-engine's (1 : ${(bareCompletions / ourCompletions).toFixed(0)})`,
    );

    console.log('\n## collections after the run');
    for (const c of await collectionSizes(database.connection))
      console.log(`${c.name}: ${c.count} documents, ${c.avgBytes} bytes on average`);

    console.log('\n## reads on the full database (median of 5)');
    const someInstance = (await engine.listInstances({ district: DISTRICT }))[0]._id;
    const reads: [string, () => Promise<unknown>][] = [
      [
        'inbox page (assignee, open, by due, 20)',
        () =>
          engine.tasks.query({
            district: DISTRICT,
            assignee: 'user-7',
            status: 'open',
            sort: 'due',
            limit: 20,
          }),
      ],
      [
        'inbox count (completed by a user)',
        () => engine.tasks.count({ district: DISTRICT, completedBy: 'user-7' }),
      ],
      ['openTasksOf(instance)', () => engine.tasks.openTasksOf(someInstance)],
      ['getInstance', () => engine.getInstance(someInstance)],
      ['event feed page (100)', () => engine.feed.read({ limit: 100 })],
      [
        'historyOfUser page (20)',
        () => engine.historyOfUser('user-7', { district: DISTRICT, limit: 20 }),
      ],
    ];
    for (const [label, read] of reads) console.log(`${label}: ${ms(await median(read))}`);

    if (profiled > 0) {
      const profile = await profileCompletions(engine, database.connection, {
        district: DISTRICT,
        processKey: PROCESS_KEY,
        instances: profiled,
      });
      console.log(
        `\n## one completion, uncontended (${profile.completions} completions on the full database)`,
      );
      console.log(
        `mean: ${ms(profile.meanMs)}, of which waiting for the database: ${ms(profile.meanDatabaseMs)}`,
      );
      console.log(`round trips per completion: ${profile.roundTripsPerCompletion.toFixed(1)}`);
      for (const c of profile.commandsPerCompletion)
        console.log(`  ${c.perCompletion.toFixed(2)} × ${c.command}: ${ms(c.meanMs)} each`);
    }
    // the one line of figures the performance aims are read from (always the last line)
    console.log(
      `\nbench-engine completions_per_s=${ourCompletions.toFixed(1)} p95_ms=${ours.completion.p95.toFixed(1)} share_of_bare_pct=${((100 * ourCompletions) / bareCompletions).toFixed(1)} instances=${instances}`,
    );
  } finally {
    await database.close();
  }
}

async function median(read: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await read();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[2];
}

function printLatency(label: string, s: LatencySummary): void {
  console.log(
    `${label}: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)} (n=${s.count})`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
