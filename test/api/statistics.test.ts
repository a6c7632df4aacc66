import type { TaskActor } from '../../engine/src';
import { PlatformJobs } from '../../server/src/platform/platform-jobs';
import { WORKFLOW_PLATFORM } from '../../server/src/platform/platform.tokens';
import type { WorkflowPlatform } from '../../server/src/workflow';
import { type Agent, ApiHarness, type TestUser } from '../support/api-app';

/**
 * GET /statistics on a district running a small stand-in for 代表建议办理: the same process key and
 * the same variable names the real template writes (server/src/statistics/process-figures.ts), so
 * every figure can be predicted exactly. test/api/cloning.test.ts checks them on the real template.
 */
const STAND_IN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://congressflow.test">
  <bpmn:process id="suggestion-handling" name="代表建议办理" isExecutable="true" camunda:candidateStarterGroups="deputy">
    <bpmn:startEvent id="start" name="提出建议" camunda:formKey="stub-submit" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handle" />
    <bpmn:userTask id="handle" name="办理并答复" camunda:formKey="stub-handle" camunda:candidateGroups="unit" camunda:dueDate="P5D" />
    <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="feedback" />
    <bpmn:userTask id="feedback" name="征询意见" camunda:formKey="stub-feedback" camunda:assignee="starter" />
    <bpmn:sequenceFlow id="f3" sourceRef="feedback" targetRef="statistics" />
    <bpmn:serviceTask id="statistics" name="汇总办理统计" camunda:type="external" camunda:topic="set-variables">
      <bpmn:extensionElements>
        <camunda:inputOutput>
          <camunda:inputParameter name="statistics">= {onTime: not(late)}</camunda:inputParameter>
        </camunda:inputOutput>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f4" sourceRef="statistics" targetRef="end" />
    <bpmn:endEvent id="end" name="办结" />
  </bpmn:process>
</bpmn:definitions>`;

const form = (title: string, properties: Record<string, object>) => ({
  type: 'object',
  'x-cf': { title, reads: [], writes: Object.keys(properties) },
  properties,
});
const FORMS = {
  'stub-submit': form('建议', {
    title: { type: 'string', required: true },
    leadUnit: { type: 'string', required: true },
  }),
  'stub-handle': form('答复', {
    replyCode: { type: 'string', required: true, enum: ['A', 'B', 'C'] },
    late: { type: 'boolean', required: true },
  }),
  'stub-feedback': form('评价', {
    satisfaction: { type: 'string', required: true, enum: ['满意', '基本满意', '不满意'] },
  }),
};

jest.setTimeout(120_000);

let api: ApiHarness;
let platform: WorkflowPlatform;
let district: string;
let admin: Agent;
let deputy: TestUser;
let handler: TestUser;
let units: { education: string; health: string };

beforeAll(async () => {
  api = await ApiHarness.start();
  platform = api.app.get<WorkflowPlatform>(WORKFLOW_PLATFORM);
  const adminOf = await api.districtAdmin();
  ({ district, agent: admin } = adminOf);
  units = {
    education: await api.createUnit(district, '区教育局'),
    health: await api.createUnit(district, '区卫健委'),
  };
  deputy = await api.createUser(district, { roles: ['deputy'] });
  handler = await api.createUser(district, { roles: ['unit'] });
  for (const [key, schema] of Object.entries(FORMS))
    await admin.post(`/api/forms/${key}/versions`).send({ schema }).expect(201);
  await admin.post('/api/definitions').send({ xml: STAND_IN }).expect(201);

  // 1: 区教育局, A, on time, 满意 · 3: 区卫健委, A, on time, 基本满意 · 4: 区卫健委, still handling
  // 2: 区教育局, B, five days late, 不满意
  const one = await submit('一', units.education);
  const three = await submit('三', units.health);
  await submit('四', units.health);
  const two = await submit('二', units.education);
  await reply(one, 'A', false);
  await reply(three, 'A', false);
  await rate(one, '满意');
  await rate(three, '基本满意');
  api.clock.advance(10 * 86_400_000);
  await reply(two, 'B', true);
  await rate(two, '不满意');
  admin = await api.loginAs(adminOf.user); // the clock moved past the session's idle time
});
afterAll(async () => {
  await api?.close();
});

async function submit(title: string, leadUnit: string): Promise<string> {
  const instance = await platform.startInstance(district, 'suggestion-handling', deputy.id, {
    title,
    leadUnit,
  });
  return instance._id;
}

async function completeOpen(instanceId: string, actor: TaskActor, data: Record<string, unknown>) {
  const [task] = await platform.engine.store.taskRepository.openOf(instanceId);
  await platform.completeTask(task._id, actor, data);
  await api.app.get(PlatformJobs).drain();
}
const reply = (id: string, replyCode: string, late: boolean) =>
  completeOpen(id, { userId: handler.id, groups: ['unit'] }, { replyCode, late });
const rate = (id: string, satisfaction: string) =>
  completeOpen(id, { userId: deputy.id, groups: ['deputy'] }, { satisfaction });

const rate3 = (count: number, total: number) => ({ count, total, rate: count / total });

describe('GET /statistics', () => {
  it('counts instances by process and status, deadlines kept, ratings, reply codes and units', async () => {
    const response = await admin.get('/api/statistics');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      byProcess: [
        {
          processKey: 'suggestion-handling',
          processName: '代表建议办理',
          total: 4,
          byStatus: { running: 1, completed: 3, cancelled: 0, suspended: 0, incident: 0 },
        },
      ],
      byStatus: { running: 1, completed: 3, cancelled: 0, suspended: 0, incident: 0 },
      onTimeRate: { tasks: rate3(2, 3), instances: rate3(2, 3) },
      satisfactionRate: rate3(2, 3),
      replyCodes: [
        { code: 'A', label: '所提问题已经解决或者采纳', count: 2, share: 2 / 3 },
        { code: 'B', label: '所提问题正在解决或者列入计划逐步解决', count: 1, share: 1 / 3 },
      ],
      units: [
        {
          unitId: units.education,
          name: '区教育局',
          total: 2,
          completed: 2,
          replied: 2,
          onTime: rate3(1, 2),
          satisfaction: rate3(1, 2),
          replyCodes: [
            { code: 'A', count: 1 },
            { code: 'B', count: 1 },
          ],
        },
        {
          unitId: units.health,
          name: '区卫健委',
          total: 2,
          completed: 1,
          replied: 1,
          onTime: rate3(1, 1),
          satisfaction: rate3(1, 1),
          replyCodes: [{ code: 'A', count: 1 }],
        },
      ],
    });
  });

  it('filters by process and by start time (from inclusive, to exclusive)', async () => {
    const none = (await admin.get('/api/statistics?processKey=special-inquiry')).body;
    expect(none.byProcess).toEqual([]);
    expect(none.onTimeRate.tasks).toEqual({ count: 0, total: 0, rate: null });
    expect(none.satisfactionRate.rate).toBeNull();

    const tomorrow = new Date(api.clock.now().getTime() + 86_400_000).toISOString();
    expect((await admin.get(`/api/statistics?from=${tomorrow}`)).body.byStatus.running).toBe(0);
    const all = await admin.get(`/api/statistics?processKey=suggestion-handling&to=${tomorrow}`);
    expect(all.body.byProcess[0].total).toBe(4);
  });

  it('refuses bad query values with their field', async () => {
    const response = await admin.get('/api/statistics?from=yesterday&colour=red');
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { path: 'from', message: expect.any(String) },
        { path: 'colour', message: '不允许的字段' },
      ]),
    );
    const backwards = await admin.get('/api/statistics?from=2026-02-01&to=2026-01-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.details).toEqual([{ path: 'to', message: expect.any(String) }]);
  });

  it('is for administrators and the congress staff; another district sees only its own', async () => {
    expect((await (await api.loginAs(deputy)).get('/api/statistics')).status).toBe(403);
    const office = await api.loginAs(await api.createUser(district, { roles: ['office'] }));
    expect((await office.get('/api/statistics')).body.byProcess[0].total).toBe(4);
    const { agent: outsider } = await api.districtAdmin();
    const theirs = (await outsider.get('/api/statistics')).body;
    expect(theirs.byProcess).toEqual([]);
    expect(theirs.units).toEqual([]);
    expect(theirs.replyCodes).toEqual([]);
  });
});
