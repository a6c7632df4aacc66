/**
 * The database killed (FerretDB and every PostgreSQL process, SIGKILL) while clients complete
 * tasks, then started again on the same port and data: the server reports itself unhealthy,
 * recovers by itself, and no acknowledged completion is lost. Figures: docs/reliability.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { InstanceDoc, TaskDoc } from '../../engine/src';
import { consoleLog } from '../../server/src/database/database-log';
import { EmbeddedDatabase } from '../../server/src/database/embedded-database';
import { ensureFerretDbBinary } from '../../server/src/database/ferretdb-binary';
import { freeLoopbackPort } from '../../server/src/database/free-port';
import {
  DEMO_DISTRICT,
  FleetDatabase,
  FleetUser,
  inPool,
  ServerFleet,
} from '../support/server-fleet';
import { TEST_RUNS_DIR, TOOLS_DIR } from '../support/test-env';

const PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs-rel-db" targetNamespace="http://congressflow.test/reliability">
  <bpmn:process id="rel-db" name="数据库重启" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
    <bpmn:userTask id="approve" name="审批" camunda:formKey="rel-db-form" camunda:assignee="var:reviewer" />
    <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const embeddedOnly = process.env.MONGODB_URI ? describe.skip : describe;
const quiet = { info: () => undefined, warn: consoleLog.warn };

embeddedOnly('the database killed and started again under load', () => {
  const dbName = `rel_db_${randomBytes(3).toString('hex')}`;
  let dataDir: string;
  let port: number;
  let database: EmbeddedDatabase;
  let fleet: ServerFleet;
  let db: FleetDatabase;

  const start = async () =>
    EmbeddedDatabase.start({
      binary: await ensureFerretDbBinary(TOOLS_DIR, quiet),
      dataDir,
      log: quiet,
      port,
    });

  beforeAll(async () => {
    mkdirSync(TEST_RUNS_DIR, { recursive: true });
    dataDir = mkdtempSync(join(TEST_RUNS_DIR, 'dbkill-'));
    port = await freeLoopbackPort();
    database = await start();
    fleet = await ServerFleet.start(1, database.uri, dbName);
    db = await FleetDatabase.open(database.uri, dbName);
    await db.publishForm('rel-db-form', {
      type: 'object',
      'x-cf': { title: '审批', reads: [], writes: ['ok'] },
      properties: { ok: { type: 'boolean', title: '同意' } },
    });
    await db.engine.deploy(PROCESS, { district: DEMO_DISTRICT });
  }, 180_000);

  afterAll(async () => {
    await fleet?.stop();
    await db?.close(false);
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports unhealthy, recovers by itself, and keeps every acknowledged completion', async () => {
    const reviewer = await db.userId('office');
    const instanceIds: string[] = [];
    await inPool(150, 8, async () => {
      const instance = await db.engine.startInstance({
        processKey: 'rel-db',
        district: DEMO_DISTRICT,
        variables: { reviewer },
      });
      instanceIds.push(instance._id);
    });
    const taskIds = await Promise.all(
      instanceIds.map(async (id) => (await db.engine.tasks.openTasksOf(id))[0]._id),
    );
    const server = fleet.server(0);
    const user = await FleetUser.signIn(server, 'office');
    const acknowledged = new Set<string>();
    const statuses = new Map<number, number>();
    const health: number[] = [];
    let done = 0;
    let outage: Promise<void> | undefined;

    await inPool(taskIds.length, 8, async (index) => {
      const taskId = taskIds[index];
      for (let attempt = 0; attempt < 120; attempt++) {
        const answer = await user.send(server, 'POST', `/api/tasks/${taskId}/complete`, {
          data: { ok: true },
        });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status === 204) acknowledged.add(taskId);
        if (answer.status === 204 || answer.status === 409) break;
        await sleep(500);
      }
      done++;
      if (!outage && done >= taskIds.length / 3) {
        outage = (async () => {
          killDatabase(database, dataDir);
          // unhealthy while it is down
          for (let i = 0; i < 30 && !health.includes(503); i++) {
            health.push((await server.health().catch(() => ({ status: 0 }))).status);
            await sleep(500);
          }
          database = await start();
          // healthy again without anyone touching the server
          for (let i = 0; i < 120 && health.at(-1) !== 200; i++) {
            await sleep(500);
            health.push((await server.health().catch(() => ({ status: 0 }))).status);
          }
        })();
      }
    });
    await outage;

    // a step the outage cut short after its claim is finished by the server on its own
    const store = db.engine.store;
    const unfinished = () =>
      store.instances.countDocuments({ _id: { $in: instanceIds }, status: { $ne: 'completed' } });
    for (let i = 0; i < 60 && (await unfinished()) > 0; i++) await sleep(500);
    const instances = (await store.instances
      .find({ _id: { $in: instanceIds } })
      .toArray()) as InstanceDoc[];
    const tasks = (await store.tasks
      .find({ instanceId: { $in: instanceIds } })
      .toArray()) as TaskDoc[];
    const completions = await store.history.countDocuments({
      instanceId: { $in: instanceIds },
      type: 'task.completed',
    });
    console.log(
      'database killed under load:',
      JSON.stringify({
        statuses: Object.fromEntries(statuses),
        acknowledged: acknowledged.size,
        health: [...new Set(health)],
        completions,
      }),
    );
    expect(health).toContain(503);
    expect(health.at(-1)).toBe(200);
    expect(tasks).toHaveLength(taskIds.length);
    expect(tasks.every((task) => task.status === 'completed')).toBe(true);
    expect(instances.every((instance) => instance.status === 'completed')).toBe(true);
    expect(instances.every((instance) => instance.outbox === null)).toBe(true);
    expect(completions).toBe(taskIds.length);
    for (const taskId of acknowledged)
      expect(tasks.find((task) => task._id === taskId)?.status).toBe('completed');
  }, 300_000);
});

/** SIGKILL to FerretDB, the postmaster and every process the postmaster started. */
function killDatabase(database: EmbeddedDatabase, dataDir: string): void {
  const postmaster = Number(
    readFileSync(join(dataDir, 'postgres', 'cluster', 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return (
          readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1] ===
          String(postmaster)
        );
      } catch {
        return false;
      }
    })
    .map(Number);
  for (const pid of [database.ferretdb.pid, postmaster, ...children])
    if (pid !== undefined) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
}
