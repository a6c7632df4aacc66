import { ApiHarness } from '../support/api-app';
import { createWorld, openTaskId, settle, type WorkflowWorld } from './workflow.fixture';

/**
 * 退回 into a multi-instance step over HTTP: the task page lists the step's elements (who signed
 * which part); returning names one of them, and only that part is done again, by the same person.
 */

const KEY = 'rv-cosign';

const cosignXml = (signers: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs-${KEY}" targetNamespace="http://congressflow.test/api">
  <bpmn:process id="${KEY}" name="测试会签" isExecutable="true" camunda:candidateStarterGroups="deputy">
    <bpmn:startEvent id="start" name="申请" camunda:formKey="rv-apply" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="draft" />
    <bpmn:userTask id="draft" name="拟稿" camunda:formKey="rv-register" camunda:assignee="starter" />
    <bpmn:sequenceFlow id="f1" sourceRef="draft" targetRef="cosign" />
    <bpmn:userTask id="cosign" name="会签" camunda:formKey="rv-register" camunda:assignee="var:signer">
      <bpmn:multiInstanceLoopCharacteristics camunda:collection="= [${signers
        .map((id) => `&quot;${id}&quot;`)
        .join(', ')}]" camunda:elementVariable="signer" />
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="cosign" targetRef="review" />
    <bpmn:userTask id="review" name="复核" camunda:formKey="rv-register" camunda:assignee="starter" />
    <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end" />
    <bpmn:endEvent id="end" name="结束" />
  </bpmn:process>
</bpmn:definitions>`;

let api: ApiHarness;
let world: WorkflowWorld;
beforeAll(async () => {
  api = await ApiHarness.start();
  world = await createWorld(api);
  await world.platform.engine.deploy(cosignXml([world.committee.id, world.committee2.id]), {
    district: world.district,
    roleKeys: new Set(['committee', 'deputy']),
  });
});
afterAll(async () => {
  await api?.close();
});

/** Starts an instance and completes 拟稿, so that both signers have their part open. */
async function startAndDraft(title: string): Promise<string> {
  const started = await world.as.starter
    .post('/api/instances')
    .send({ processKey: KEY, data: { title } });
  expect(started.status).toBe(201);
  const instanceId = started.body.id as string;
  await settle(api);
  const draftId = await openTaskId(world, instanceId, 'draft');
  const drafted = await world.as.starter
    .post(`/api/tasks/${draftId}/complete`)
    .send({ data: { note: '初稿' } });
  expect(drafted.status).toBe(204);
  await settle(api);
  return instanceId;
}

async function partOf(instanceId: string, signer: 'committee' | 'committee2') {
  const open = await world.platform.engine.tasks.openTasksOf(instanceId);
  return open.find((task) => task.activityId === 'cosign' && task.assignee === world[signer].id)!;
}

async function openCosignTasks(instanceId: string) {
  const open = await world.platform.engine.tasks.openTasksOf(instanceId);
  return open.filter((task) => task.activityId === 'cosign').map((task) => task.assignee);
}

it('returns one signer’s part of a co-signed step, and only that part is done again', async () => {
  const instanceId = await startAndDraft('会签事项');
  expect((await openCosignTasks(instanceId)).sort()).toEqual(
    [world.committee.id, world.committee2.id].sort(),
  );
  for (const signer of ['committee', 'committee2'] as const) {
    const open = await world.platform.engine.tasks.openTasksOf(instanceId);
    const mine = open.find((task) => task.assignee === world[signer].id)!;
    const done = await world.as[signer]
      .post(`/api/tasks/${mine._id}/complete`)
      .send({ data: { note: `${signer} 同意` } });
    expect(done.status).toBe(204);
  }
  await settle(api);
  const reviewId = await openTaskId(world, instanceId, 'review');

  const page = await world.as.starter.get(`/api/tasks/${reviewId}`);
  expect(page.status).toBe(200);
  expect(page.body.returnTargets).toEqual([
    {
      activityId: 'cosign',
      name: '会签',
      elements: [
        { key: world.committee.id, completedBy: world.committee.id },
        { key: world.committee2.id, completedBy: world.committee2.id },
      ],
    },
    { activityId: 'draft', name: '拟稿' },
  ]);

  const wrong = await world.as.starter
    .post(`/api/tasks/${reviewId}/return`)
    .send({ targetActivityId: 'cosign', targetElement: 'nobody', reason: '请重签' });
  expect(wrong.status).toBe(400);
  expect(wrong.body.details).toEqual([
    { path: 'targetElement', message: '该环节没有这一份可退回的办理' },
  ]);
  expect(await openCosignTasks(instanceId)).toEqual([]);

  const returned = await world.as.starter
    .post(`/api/tasks/${reviewId}/return`)
    .send({ targetActivityId: 'cosign', targetElement: world.committee2.id, reason: '请补充意见' });
  expect(returned.status).toBe(200);
  expect(returned.body).toEqual({ activityId: 'cosign', name: '会签' });
  await settle(api);
  expect(await openCosignTasks(instanceId)).toEqual([world.committee2.id]);

  // once that part is signed again, the step is complete and 复核 opens again
  const again = (await world.platform.engine.tasks.openTasksOf(instanceId))[0]!;
  const redone = await world.as.committee2
    .post(`/api/tasks/${again._id}/complete`)
    .send({ data: { note: '已补充' } });
  expect(redone.status).toBe(204);
  await settle(api);
  expect(await openTaskId(world, instanceId, 'review')).not.toBe(reviewId);
});

it('a signer sends the whole case back from their part: the other part is withdrawn', async () => {
  const instanceId = await startAndDraft('退回拟稿');
  const part = await partOf(instanceId, 'committee');
  const page = await world.as.committee.get(`/api/tasks/${part._id}`);
  expect(page.body.actions).toContain('return');
  expect(page.body.returnTargets).toEqual([{ activityId: 'draft', name: '拟稿' }]);
  const returned = await world.as.committee
    .post(`/api/tasks/${part._id}/return`)
    .send({ reason: '拟稿依据不足' });
  expect(returned.status).toBe(200);
  expect(returned.body).toEqual({ activityId: 'draft', name: '拟稿' });
  await settle(api);
  expect(await openCosignTasks(instanceId)).toEqual([]);
  const open = await world.platform.engine.tasks.openTasksOf(instanceId);
  expect(open.map((task) => [task.activityId, task.assignee])).toEqual([
    ['draft', world.starter.id],
  ]);
});

it('a signer takes back their own part (取回) while the other is still signing', async () => {
  const instanceId = await startAndDraft('取回会签');
  const part = await partOf(instanceId, 'committee');
  const done = await world.as.committee
    .post(`/api/tasks/${part._id}/complete`)
    .send({ data: { note: '同意' } });
  expect(done.status).toBe(204);
  await settle(api);
  const page = await world.as.committee.get(`/api/tasks/${part._id}`);
  expect(page.body.actions).toContain('retrieve');
  const retrieved = await world.as.committee.post(`/api/tasks/${part._id}/retrieve`);
  expect(retrieved.status).toBe(200);
  await settle(api);
  expect((await openCosignTasks(instanceId)).sort()).toEqual(
    [world.committee.id, world.committee2.id].sort(),
  );
  expect((await partOf(instanceId, 'committee'))._id).toBe(retrieved.body.taskId);
});
