import { type Agent, ApiHarness } from '../support/api-app';
import { expectHiddenFromOtherDistrict } from '../support/api-probes';

/**
 * What the process designer's pickers read (docs/api.md "Processes and forms", "District
 * administration"): the working-calendar preview of a timer, the variables of a process a call
 * activity calls, and the message names the district's processes use.
 */
jest.setTimeout(120_000);

const form = (
  title: string,
  fields: Record<string, object>,
  meta: { reads?: string[]; anonymous?: boolean } = {},
) => {
  const reads = meta.reads ?? [];
  return {
    type: 'object',
    'x-cf': {
      title,
      reads,
      writes: Object.keys(fields).filter((name) => !reads.includes(name)),
      ...(meta.anonymous && { anonymous: true }),
    },
    properties: fields,
  };
};

const definitions = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://congressflow.test">
${body}
</bpmn:definitions>`;

// a called process: its start form provides subject and voters; a review task reads subject and
// writes opinion; an anonymous ballot's answers never become variables
const REVIEW = definitions(`
  <bpmn:process id="review" name="审议" isExecutable="true">
    <bpmn:startEvent id="start" camunda:formKey="review-start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="opine" />
    <bpmn:userTask id="opine" name="提出意见" camunda:formKey="review-opinion" camunda:assignee="starter" />
    <bpmn:sequenceFlow id="f2" sourceRef="opine" targetRef="ballot" />
    <bpmn:userTask id="ballot" name="投票" camunda:formKey="review-ballot" camunda:assignee="starter" />
    <bpmn:sequenceFlow id="f3" sourceRef="ballot" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>`);

// waits for 材料补正 in a receive task and on a boundary event, starts on 收到来信, sends 办结通知
const LETTERS = definitions(`
  <bpmn:message id="m-start" name="收到来信" />
  <bpmn:message id="m-fix" name="材料补正" />
  <bpmn:message id="m-done" name="办结通知" />
  <bpmn:process id="letters" name="来信办理" isExecutable="true">
    <bpmn:startEvent id="received" name="来信">
      <bpmn:messageEventDefinition id="med1" messageRef="m-start" />
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="received" targetRef="wait" />
    <bpmn:receiveTask id="wait" name="等待补正" messageRef="m-fix" />
    <bpmn:boundaryEvent id="again" attachedToRef="wait" cancelActivity="false">
      <bpmn:messageEventDefinition id="med2" messageRef="m-fix" />
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="done" />
    <bpmn:endEvent id="done" name="办结">
      <bpmn:messageEventDefinition id="med3" messageRef="m-done" />
    </bpmn:endEvent>
  </bpmn:process>`);

let api: ApiHarness;
let admin: Agent;
let clerk: Agent;
let outsider: Agent;

beforeAll(async () => {
  api = await ApiHarness.start();
  // Wednesday 30 September 2026, 09:00 Beijing time: National Day (1–7 October) lies ahead
  api.clock.set('2026-09-30T09:00:00+08:00');
  let district: string;
  ({ district, agent: admin } = await api.districtAdmin());
  clerk = await api.loginAs(await api.createUser(district, { roles: ['office'] }));
  ({ agent: outsider } = await api.districtAdmin());
  const publish = (key: string, schema: object) =>
    admin.post(`/api/forms/${key}/versions`).send({ schema }).expect(201);
  await publish(
    'review-start',
    form('发起审议', {
      subject: { type: 'string', title: '审议事项' },
      voters: { type: 'array', title: '参加人员' },
    }),
  );
  await publish(
    'review-opinion',
    form(
      '审议意见',
      { subject: { type: 'string', title: '事项' }, opinion: { type: 'string', title: '意见' } },
      { reads: ['subject', 'deadline'] },
    ),
  );
  await publish(
    'review-ballot',
    form('测评票', { mark: { type: 'string', title: '评价' } }, { anonymous: true }),
  );
  await admin.post('/api/definitions').send({ xml: REVIEW }).expect(201);
  await admin.post('/api/definitions').send({ xml: LETTERS }).expect(201);
});
afterAll(async () => {
  await api?.close();
});

describe('GET /calendar/preview', () => {
  const preview = (query: Record<string, string>, agent = admin) =>
    agent.get('/api/calendar/preview').query(query);

  it('counts working days past the National Day holidays and the make-up Saturday', async () => {
    const response = await preview({ kind: 'timeDuration', value: 'P5WD' });
    expect(response.status).toBe(200);
    // 8 Oct (Thu), 9 (Fri), 10 (Sat, 调休), 12 (Mon), 13 (Tue): end of that day
    expect(response.body).toEqual({
      occurrences: [
        {
          at: new Date('2026-10-13T23:59:59.999+08:00').toISOString(),
          localDate: '2026-10-13',
          weekday: 2,
          workingDay: true,
        },
      ],
      total: 1,
    });
  });

  it('lists the occurrences of a cycle, at most `count` of a cycle that never ends', async () => {
    const bounded = await preview({ kind: 'timeCycle', value: 'R3/PT10M' });
    expect(bounded.body.total).toBe(3);
    expect(bounded.body.occurrences.map((o: { at: string }) => o.at)).toEqual([
      new Date('2026-09-30T09:10:00+08:00').toISOString(),
      new Date('2026-09-30T09:20:00+08:00').toISOString(),
      new Date('2026-09-30T09:30:00+08:00').toISOString(),
    ]);
    const monthly = await preview({
      kind: 'timeCycle',
      value: 'R/2026-10-01T09:00:00+08:00/P1M',
      count: '2',
    });
    expect(monthly.body).toEqual({
      occurrences: [
        expect.objectContaining({ localDate: '2026-10-01', workingDay: false }),
        expect.objectContaining({ localDate: '2026-11-01', workingDay: false }),
      ],
      total: null,
    });
  });

  it('follows the district’s own calendar once it has saved one', async () => {
    const { agent } = await api.districtAdmin();
    await agent
      .put('/api/calendar')
      .send({ holidays: ['2026-10-01', '2026-10-02', '2026-10-12'], workdays: [] })
      .expect(200);
    // its only days off are 1, 2 and 12 October: 5, 6, 7, 8, 9 are its first five working days
    const response = await preview({ kind: 'dueDate', value: 'P5WD' }, agent);
    expect(response.body.occurrences[0].localDate).toBe('2026-10-09');
    // the sixth skips the weekend and its own holiday on Monday the 12th
    const later = await preview({ kind: 'dueDate', value: 'P6WD' }, agent);
    expect(later.body.occurrences[0].localDate).toBe('2026-10-13');
  });

  it('answers 400 on the field for a bad kind, value or count', async () => {
    const response = await preview({ kind: 'timeWhenever', value: '', count: '0' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'count',
      'kind',
      'value',
    ]);
  });

  it('says why the engine refuses a value, and that an expression cannot be previewed', async () => {
    const notDate = await preview({ kind: 'timeDate', value: 'P5D' });
    expect(notDate.status).toBe(400);
    expect(notDate.body.details).toEqual([
      { path: 'value', message: expect.stringContaining("timeDate 'P5D' is not a date") },
    ]);
    const expression = await preview({ kind: 'timeDuration', value: '= params.window' });
    expect(expression.status).toBe(400);
    expect(expression.body.details).toEqual([
      { path: 'value', message: '表达式的值要到流程运行时才能算出，无法预览' },
    ]);
  });

  it('is for the district’s administrators', async () => {
    expect((await preview({ kind: 'dueDate', value: 'P1D' }, clerk)).status).toBe(403);
  });
});

describe('GET /definitions/:key/variables', () => {
  it('lists the start form’s fields and what task forms write and read, with their titles', async () => {
    const response = await admin.get('/api/definitions/review/variables');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      key: 'review',
      name: '审议',
      version: 1,
      variables: [
        { name: 'subject', title: '审议事项', startForm: true, written: false, read: true },
        { name: 'voters', title: '参加人员', startForm: true, written: false, read: false },
        { name: 'opinion', title: '意见', startForm: false, written: true, read: false },
        { name: 'deadline', startForm: false, written: false, read: true },
      ],
    });
  });

  it('reads a given version; 404 for a version or key the district does not have', async () => {
    const first = await admin.get('/api/definitions/review/variables?version=1');
    expect(first.body.version).toBe(1);
    expect((await admin.get('/api/definitions/review/variables?version=7')).status).toBe(404);
    expect((await admin.get('/api/definitions/nothing/variables')).status).toBe(404);
  });

  it('answers 400 on the field for a version that is not a number', async () => {
    const response = await admin.get('/api/definitions/review/variables?version=latest');
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ path: 'version', message: expect.any(String) }]);
  });

  it('hides another district’s processes', async () => {
    await expectHiddenFromOtherDistrict(
      outsider,
      { method: 'get', path: (key) => `/api/definitions/${key}/variables` },
      'review',
    );
  });
});

describe('GET /definitions/messages', () => {
  it('lists each message name with the processes that wait for or send it', async () => {
    const response = await admin.get('/api/definitions/messages');
    expect(response.status).toBe(200);
    const use = { processKey: 'letters', processName: '来信办理', version: 1 };
    expect(response.body).toEqual([
      {
        name: '办结通知',
        uses: [
          {
            ...use,
            elementId: 'done',
            elementName: '办结',
            elementType: 'endEvent',
            direction: 'throw',
          },
        ],
      },
      {
        name: '材料补正',
        uses: [
          {
            ...use,
            elementId: 'wait',
            elementName: '等待补正',
            elementType: 'receiveTask',
            direction: 'catch',
          },
          { ...use, elementId: 'again', elementType: 'boundaryEvent', direction: 'catch' },
        ],
      },
      {
        name: '收到来信',
        uses: [
          {
            ...use,
            elementId: 'received',
            elementName: '来信',
            elementType: 'startEvent',
            direction: 'catch',
          },
        ],
      },
    ]);
  });

  it('shows another district none of them', async () => {
    const response = await outsider.get('/api/definitions/messages');
    expect(response.status).toBe(200);
    expect(response.body).toEqual([]);
  });
});
