/**
 * Two real server processes over one database: a session made on one works on the other; the
 * same task completed through both at once succeeds once; and a process killed with SIGKILL while
 * sixteen clients complete tasks loses nothing and doubles nothing. Figures: docs/reliability.md.
 */
import { randomBytes } from 'node:crypto';
import type { HistoryDoc, InstanceDoc, TaskDoc } from '../../engine/src';
import {
  DEMO_DISTRICT,
  FleetDatabase,
  FleetUser,
  inPool,
  ServerFleet,
} from '../support/server-fleet';
import { testServerUri } from '../support/test-database';

const PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs-rel" targetNamespace="http://congressflow.test/reliability">
  <bpmn:process id="rel-approve" name="可靠性审批" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
    <bpmn:userTask id="approve" name="审批" camunda:assignee="var:reviewer" camunda:formKey="rel-approve-form" />
    <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const dbName = `rel_crash_${randomBytes(3).toString('hex')}`;
let fleet: ServerFleet;
let db: FleetDatabase;
let reviewer: string;

beforeAll(async () => {
  fleet = await ServerFleet.start(2, testServerUri(), dbName);
  db = await FleetDatabase.open(testServerUri(), dbName);
  await db.publishForm('rel-approve-form', {
    type: 'object',
    'x-cf': { title: '审批', reads: [], writes: ['ok'] },
    properties: { ok: { type: 'boolean', title: '同意' } },
  });
  await db.engine.deploy(PROCESS, { district: DEMO_DISTRICT });
  reviewer = await db.userId('office');
}, 180_000);

afterAll(async () => {
  await fleet?.stop();
  await db?.close();
});

async function startInstances(count: number): Promise<string[]> {
  const ids: string[] = [];
  await inPool(count, 8, async () => {
    const instance = await db.engine.startInstance({
      processKey: 'rel-approve',
      district: DEMO_DISTRICT,
      variables: { reviewer },
    });
    ids.push(instance._id);
  });
  return ids;
}

async function openTaskOf(instanceId: string): Promise<string> {
  const [task] = await db.engine.tasks.openTasksOf(instanceId);
  return task._id;
}

/** Everything the engine keeps of these instances, checked for losses and doubles. */
async function audit(instanceIds: string[]) {
  const store = db.engine.store;
  const filter = { instanceId: { $in: instanceIds } };
  const [instances, tasks, history] = await Promise.all([
    store.instances.find({ _id: { $in: instanceIds } }).toArray() as Promise<InstanceDoc[]>,
    store.tasks.find(filter).toArray() as Promise<TaskDoc[]>,
    store.history.find(filter).toArray() as Promise<HistoryDoc[]>,
  ]);
  // this process has each kind of event once per element of an instance
  const eventKeys = history.map((e) => `${e.instanceId}:${e.type}:${e.activityId}:${e.taskId}`);
  return {
    instances: instances.length,
    completedInstances: instances.filter((i) => i.status === 'completed').length,
    tasks: tasks.length,
    completedTasks: tasks.filter((t) => t.status === 'completed').length,
    openTasks: tasks.filter((t) => t.status === 'open').length,
    doubledEvents: eventKeys.length - new Set(eventKeys).size,
    completions: history.filter((e) => e.type === 'task.completed').length,
    pendingOutboxes: instances.filter((i) => i.outbox !== null).length,
  };
}

describe('two server processes over one database', () => {
  it('accept each other’s sessions', async () => {
    const user = await FleetUser.signIn(fleet.server(0), 'office');
    for (const server of [fleet.server(0), fleet.server(1)])
      expect((await user.send(server, 'GET', '/api/auth/me')).status).toBe(200);
  });

  it('complete a task sent to both at the same instant exactly once: one 204, one 409', async () => {
    const user = await FleetUser.signIn(fleet.server(0), 'office');
    const instanceIds = await startInstances(20);
    const outcomes: number[][] = [];
    for (const instanceId of instanceIds) {
      const path = `/api/tasks/${await openTaskOf(instanceId)}/complete`;
      const both = await Promise.all(
        [fleet.server(0), fleet.server(1)].map((server) =>
          user.send(server, 'POST', path, { data: { ok: true } }),
        ),
      );
      outcomes.push(both.map((answer) => answer.status).sort());
    }
    expect(outcomes).toEqual(instanceIds.map(() => [204, 409]));
    expect(await audit(instanceIds)).toEqual({
      instances: 20,
      completedInstances: 20,
      tasks: 20,
      completedTasks: 20,
      openTasks: 0,
      doubledEvents: 0,
      completions: 20,
      pendingOutboxes: 0,
    });
  });

  it('lose and double nothing when one is killed with SIGKILL while 16 clients complete tasks', async () => {
    const instanceIds = await startInstances(240);
    const queue = await Promise.all(instanceIds.map(openTaskOf));
    const user = await FleetUser.signIn(fleet.server(0), 'office');
    const acknowledged = new Set<string>();
    const statuses = new Map<number, number>();
    let done = 0;
    let killed = false;
    let restarted: Promise<unknown> | undefined;
    await inPool(queue.length, 16, async (index, worker) => {
      const taskId = queue[index];
      for (let attempt = 0; attempt < 60; attempt++) {
        // half the clients talk to server 0 while it runs; a proxy would send them on to 1
        const target = worker % 2 === 0 && fleet.servers[0] ? fleet.servers[0] : fleet.server(1);
        const answer = await user.send(target, 'POST', `/api/tasks/${taskId}/complete`, {
          data: { ok: true },
        });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status === 204) acknowledged.add(taskId);
        if (answer.status === 204 || answer.status === 409) break; // 409: an earlier try won
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      done++;
      if (!killed && done >= queue.length / 3) {
        killed = true;
        await fleet.kill(0);
        restarted = new Promise((resolve) => setTimeout(resolve, 2_000)).then(() =>
          fleet.restart(0),
        );
      }
    });
    await restarted;
    // every task is done once; the restarted process rolled forward whatever the kill cut short
    const after = await audit(instanceIds);
    const figures = { statuses: Object.fromEntries(statuses), acknowledged: acknowledged.size };
    console.log('kill -9 under load:', JSON.stringify({ ...figures, ...after }));
    expect(after).toEqual({
      instances: 240,
      completedInstances: 240,
      tasks: 240,
      completedTasks: 240,
      openTasks: 0,
      doubledEvents: 0,
      completions: 240,
      pendingOutboxes: 0,
    });
    for (const taskId of acknowledged)
      expect((await db.engine.tasks.get(taskId)).status).toBe('completed');
    // no 5xx from the process that stayed up, and the inbox lists agree: nothing left for office
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
    const mine = await user.send(fleet.server(1), 'GET', '/api/tasks?view=mine&limit=100');
    expect(mine.status).toBe(200);
    const left = (mine.body as { items: { instanceId: string }[] }).items.filter((item) =>
      instanceIds.includes(item.instanceId),
    );
    expect(left).toEqual([]);
  });
});
