/**
 * Two server processes over one database with a thousand timers falling due within a minute:
 * each fires exactly once, counted by what it does (the task after it, the history event), not by
 * log lines. Figures: docs/reliability.md.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_DISTRICT, FleetDatabase, inPool, ServerFleet } from '../support/server-fleet';
import { testServerUri } from '../support/test-database';

const TIMERS = 1000;
const PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs-rel-timer" targetNamespace="http://congressflow.test/reliability">
  <bpmn:process id="rel-timer" name="定时复查" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:intermediateCatchEvent id="wait" name="等待">
      <bpmn:timerEventDefinition><bpmn:timeDuration>PT30S</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="check" />
    <bpmn:userTask id="check" name="复查" camunda:formKey="rel-check-form" camunda:assignee="var:reviewer" />
    <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const dbName = `rel_timers_${randomBytes(3).toString('hex')}`;
let fleet: ServerFleet;
let db: FleetDatabase;

beforeAll(async () => {
  fleet = await ServerFleet.start(2, testServerUri(), dbName);
  db = await FleetDatabase.open(testServerUri(), dbName);
  await db.publishForm('rel-check-form', {
    type: 'object',
    'x-cf': { title: '复查', reads: [], writes: [] },
    properties: {},
  });
  await db.engine.deploy(PROCESS, { district: DEMO_DISTRICT });
}, 180_000);

afterAll(async () => {
  await fleet?.stop();
  await db?.close();
});

it('fires each of a thousand timers exactly once across two server processes', async () => {
  const reviewer = await db.userId('office');
  const instanceIds: string[] = [];
  const started = Date.now();
  await inPool(TIMERS, 8, async () => {
    const instance = await db.engine.startInstance({
      processKey: 'rel-timer',
      district: DEMO_DISTRICT,
      variables: { reviewer },
    });
    instanceIds.push(instance._id);
  });
  const startedIn = Date.now() - started;
  expect(startedIn).toBeLessThan(60_000); // all due within a minute of each other

  const history = db.engine.store.history;
  const fired = () => history.countDocuments({ type: 'timer.fired' });
  const deadline = Date.now() + 240_000;
  while ((await fired()) < TIMERS && Date.now() < deadline) await sleep(1_000);
  await sleep(3_000); // a second firing would land by now

  const tasks = await db.engine.store.tasks
    .find({ activityId: 'check' }, { projection: { instanceId: 1 } })
    .toArray();
  const perInstance = new Map<string, number>();
  for (const task of tasks)
    perInstance.set(task.instanceId, (perInstance.get(task.instanceId) ?? 0) + 1);
  // who fired them: the lease entries of the timer jobs name their process
  const leases = await db.connection
    .collection('jobs_versions')
    .find({ 'state.status': 'running' }, { projection: { 'state.lockOwner': 1 } })
    .toArray();
  const byProcess = new Map<string, number>();
  for (const lease of leases) {
    const owner = String((lease.state as { lockOwner?: string }).lockOwner);
    byProcess.set(owner, (byProcess.get(owner) ?? 0) + 1);
  }
  console.log(
    'timers:',
    JSON.stringify({
      startedInMs: startedIn,
      fired: await fired(),
      tasksAfterTimer: tasks.length,
      leasesByProcess: [...byProcess.values()],
    }),
  );

  expect(await fired()).toBe(TIMERS);
  expect(tasks).toHaveLength(TIMERS);
  expect(new Set(perInstance.keys())).toEqual(new Set(instanceIds));
  expect([...perInstance.values()].every((count) => count === 1)).toBe(true);
  expect(byProcess.size).toBe(2); // both processes took part
}, 360_000);
