/**
 * A small process for the workflow API tests (instances, inbox, notifications), deployed through
 * the platform the server runs: 登记 (the starter) → 审核 (committee, candidates, due in 2 days)
 * → a rendered notice document → end.
 */
import { NotificationFeedConsumer } from '../../server/src/notifications/notification-feed.consumer';
import { PlatformJobs } from '../../server/src/platform/platform-jobs';
import { WORKFLOW_PLATFORM } from '../../server/src/platform/platform.tokens';
import type { WorkflowPlatform } from '../../server/src/workflow';
import type { Agent, ApiHarness, TestUser } from '../support/api-app';

export const PROCESS_KEY = 'rv-review';

const REVIEW_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs-rv-review" targetNamespace="http://congressflow.test/api">
  <bpmn:process id="${PROCESS_KEY}" name="测试审批" isExecutable="true" camunda:candidateStarterGroups="deputy">
    <bpmn:startEvent id="start" name="申请" camunda:formKey="rv-apply" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="register" />
    <bpmn:userTask id="register" name="登记" camunda:formKey="rv-register" camunda:assignee="starter" />
    <bpmn:sequenceFlow id="f2" sourceRef="register" targetRef="approve" />
    <bpmn:userTask id="approve" name="审核" camunda:formKey="rv-approve" camunda:candidateGroups="committee" camunda:dueDate="P2D" camunda:priority="80" />
    <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="render" />
    <bpmn:serviceTask id="render" name="生成通知" camunda:type="external" camunda:topic="document.render">
      <bpmn:extensionElements>
        <camunda:inputOutput>
          <camunda:inputParameter name="template">notice</camunda:inputParameter>
          <camunda:inputParameter name="title">= "关于" + title + "的通知"</camunda:inputParameter>
        </camunda:inputOutput>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f4" sourceRef="render" targetRef="end" />
    <bpmn:endEvent id="end" name="结束" />
  </bpmn:process>
</bpmn:definitions>`;

const text = (title: string, extra: object = {}) => ({ type: 'string', title, ...extra });

const FORMS: Record<string, object> = {
  'rv-apply': {
    type: 'object',
    'x-cf': { title: '申请', reads: [], writes: ['title', 'amount', 'content', 'files'] },
    properties: {
      title: text('标题', { required: true, maxLength: 50 }),
      amount: { type: 'number', title: '金额', minimum: 0 },
      content: text('内容'),
      files: { type: 'array', title: '附件', maxItems: 10, 'x-component': 'Attachments' },
    },
  },
  'rv-register': {
    type: 'object',
    'x-cf': { title: '登记', reads: ['title'], writes: ['note'] },
    properties: { title: text('标题'), note: text('登记意见', { required: true }) },
  },
  'rv-approve': {
    type: 'object',
    'x-cf': { title: '审核', reads: ['title', 'note'], writes: ['approved'] },
    properties: {
      title: text('标题'),
      note: text('登记意见'),
      approved: { type: 'boolean', title: '同意', required: true },
    },
  },
};

export interface WorkflowWorld {
  district: string;
  platform: WorkflowPlatform;
  /** A deputy who starts instances. */
  starter: TestUser;
  /** Two holders of the candidate group of 审核. */
  committee: TestUser;
  committee2: TestUser;
  /** A supervisor (office) and the district administrator. */
  office: TestUser;
  admin: TestUser;
  /** Signed in, in the district, but involved in nothing. */
  stranger: TestUser;
  /** The administrator of another district. */
  outsider: TestUser;
  as: Record<
    'starter' | 'committee' | 'committee2' | 'office' | 'admin' | 'stranger' | 'outsider',
    Agent
  >;
}

/** Sessions end on the virtual clock too: after moving it by days, sign everyone in again. */
export async function advanceDays(api: ApiHarness, world: WorkflowWorld, days: number) {
  api.clock.advance(days * 86_400_000);
  for (const name of Object.keys(world.as) as (keyof WorkflowWorld['as'])[])
    world.as[name] = await api.loginAs(world[name]);
}

export async function createWorld(api: ApiHarness): Promise<WorkflowWorld> {
  const district = await api.createDistrict();
  const platform = api.app.get<WorkflowPlatform>(WORKFLOW_PLATFORM);
  const [starter, committee, committee2, office, admin, stranger] = await Promise.all([
    api.createUser(district, { name: '吴代表', roles: ['deputy'] }),
    api.createUser(district, { name: '钱委员', roles: ['committee'] }),
    api.createUser(district, { name: '孙委员', roles: ['committee'] }),
    api.createUser(district, { name: '李秘书', roles: ['office'] }),
    api.createUser(district, { name: '管理员', isDistrictAdmin: true }),
    api.createUser(district, { name: '路人', roles: ['member'] }),
  ]);
  const outsider = await api.createUser(await api.createDistrict('他区'), {
    isDistrictAdmin: true,
  });
  for (const [key, schema] of Object.entries(FORMS))
    await platform.forms.publish(district, key, schema);
  await platform.engine.deploy(REVIEW_XML, {
    district,
    roleKeys: new Set(['committee', 'office', 'deputy', 'member']),
  });
  const users = { starter, committee, committee2, office, admin, stranger, outsider };
  const entries = await Promise.all(
    Object.entries(users).map(async ([name, user]) => [name, await api.loginAs(user)] as const),
  );
  return { district, platform, ...users, as: Object.fromEntries(entries) as WorkflowWorld['as'] };
}

/** Runs every due job now (queued behind the background scheduler, never beside it). */
export function settle(api: ApiHarness): Promise<number> {
  return api.app.get(PlatformJobs).drain();
}

/** Lets the event feed's settle window pass on the virtual clock, then consumes the feed. */
export async function deliverNotifications(api: ApiHarness): Promise<void> {
  api.clock.advance(3_000);
  await api.app.get(NotificationFeedConsumer).catchUp();
}

/** Starts an instance as the starter through the API and runs its jobs. */
export async function startReview(
  api: ApiHarness,
  world: WorkflowWorld,
  data: Record<string, unknown> = { title: '修缮道路', amount: 12 },
  businessKey?: string,
): Promise<string> {
  const response = await world.as.starter
    .post('/api/instances')
    .send({ processKey: PROCESS_KEY, data, ...(businessKey && { businessKey }) });
  if (response.status !== 201)
    throw new Error(`start failed: ${response.status} ${JSON.stringify(response.body)}`);
  await settle(api);
  return response.body.id as string;
}

/** The id of the instance's open task at the activity. */
export async function openTaskId(
  world: WorkflowWorld,
  instanceId: string,
  activityId: string,
): Promise<string> {
  const open = await world.platform.engine.tasks.openTasksOf(instanceId);
  const task = open.find((candidate) => candidate.activityId === activityId);
  if (!task) throw new Error(`no open task at ${activityId} of ${instanceId}`);
  return task._id;
}

/** Registers (as the starter) so that 审核 opens; returns the 审核 task id. */
export async function register(
  api: ApiHarness,
  world: WorkflowWorld,
  instanceId: string,
): Promise<string> {
  const taskId = await openTaskId(world, instanceId, 'register');
  const response = await world.as.starter
    .post(`/api/tasks/${taskId}/complete`)
    .send({ data: { note: '材料齐全' } });
  if (response.status !== 204)
    throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  await settle(api);
  return openTaskId(world, instanceId, 'approve');
}

/** Completes 审核 as a committee member (claim first), then runs the document job. */
export async function approve(
  api: ApiHarness,
  world: WorkflowWorld,
  instanceId: string,
): Promise<void> {
  const taskId = await openTaskId(world, instanceId, 'approve');
  const claimed = await world.as.committee.post(`/api/tasks/${taskId}/claim`).send({});
  const done = await world.as.committee
    .post(`/api/tasks/${taskId}/complete`)
    .send({ data: { approved: true } });
  if (claimed.status !== 200 || done.status !== 204)
    throw new Error(
      `approve failed: ${claimed.status}/${done.status} ${JSON.stringify(done.body)}`,
    );
  await settle(api);
}

/** Runs a review to its end, which renders the 通知 document; returns the instance and document. */
export async function renderedDocument(
  api: ApiHarness,
  world: WorkflowWorld,
  data: Record<string, unknown>,
): Promise<{ instanceId: string; documentId: string }> {
  const instanceId = await startReview(api, world, data);
  await register(api, world, instanceId);
  await approve(api, world, instanceId);
  const list = await world.as.starter.get(`/api/instances/${instanceId}/documents`);
  const [document] = list.body as { id: string }[];
  if (!document) throw new Error(`no document on ${instanceId}: ${JSON.stringify(list.body)}`);
  return { instanceId, documentId: document.id };
}
