import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { E2eBrowser, screenshot } from '../support/e2e-browser';
import { e2eApi, e2eApiSignIn } from '../support/e2e-api';
import { DEMO } from '../support/e2e-env';
import { exportBpmn, importBpmn, panelGroup, selectElement } from '../support/e2e-diagram';

/**
 * 示范区's administrator configures steps in the process designer with pickers instead of typed
 * text (issue 13): candidate people from the directory, a timer in working days with the dates it
 * would fire on the district's calendar, the process a call activity calls with its variables,
 * and a message name other deployed processes wait for. A file from Camunda Modeler with the same
 * attributes opens, shows them in the pickers and is exported unchanged.
 */

const FIXTURES = join(__dirname, '..', 'fixtures', 'designer');
const STAMP = Date.now().toString(36);

let browser: E2eBrowser;
let cookie: string;
let officeId: string;
const letters = `e2e-letters-${STAMP}`;

// a deployed process that waits for 材料补正 (receive task) and starts on 收到来信
const LETTERS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="http://congressflow.test">
  <bpmn:message id="m-start" name="收到来信" />
  <bpmn:message id="m-fix" name="材料补正" />
  <bpmn:process id="${letters}" name="来信办理" isExecutable="true">
    <bpmn:startEvent id="received" name="来信">
      <bpmn:messageEventDefinition id="med1" messageRef="m-start" />
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="received" targetRef="wait" />
    <bpmn:receiveTask id="wait" name="等待补正" messageRef="m-fix" />
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="done" />
    <bpmn:endEvent id="done" name="办结" />
  </bpmn:process>
</bpmn:definitions>`;

function fixture(name: string, key: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8')
    .replaceAll('__KEY__', key)
    .replaceAll('__OFFICE__', officeId);
}

beforeAll(async () => {
  browser = await E2eBrowser.launch();
  cookie = await e2eApiSignIn(browser.baseUrl, DEMO.districtAdmin);
  const found = await e2eApi(browser.baseUrl, `/api/directory/users?q=${encodeURI('孙晓梅')}`, {
    cookie,
  });
  officeId = (found.body as unknown as { id: string; name: string }[])[0].id;
  const deployed = await e2eApi(browser.baseUrl, '/api/definitions', {
    method: 'POST',
    cookie,
    body: { xml: LETTERS },
  });
  expect(deployed.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
});

/** The designer with the plain steps (no people, a one-day wait, nothing called, no message). */
async function openPlainSteps(key: string): Promise<Page> {
  const admin = await browser.signIn(DEMO.districtAdmin, { next: '/admin/processes' });
  await importBpmn(admin, `${key}.bpmn`, fixture('plain-steps.bpmn', key));
  return admin;
}

/** An attribute or element of the exported file, by a regular expression's first group. */
function written(xml: string, pattern: RegExp): string | undefined {
  return pattern.exec(xml)?.[1];
}

it('candidate people are chosen from the district directory by name', async () => {
  const admin = await openPlainSteps(`e2e-people-${STAMP}`);
  await selectElement(admin, 'Activity_review');
  const who = await panelGroup(admin, '办理人');
  const search = who.getByPlaceholder('添加人员：输入姓名搜索');
  await search.fill('孙晓');
  const result = who.locator('.cf-person-result', { hasText: '孙晓梅' });
  await result.getByText('区人大常委会办公室').waitFor();
  await result.click();
  await who.locator('.cf-chip', { hasText: '孙晓梅 · 区人大常委会办公室' }).waitFor();
  await search.fill('陈');
  await who.locator('.cf-person-result', { hasText: '陈静' }).click();
  await who.locator('.cf-chip', { hasText: '陈静 · 区教育局' }).waitFor();
  await screenshot(admin, 'process-designer-candidate-people');

  const xml = await exportBpmn(admin);
  const ids = written(xml, /camunda:candidateUsers="([^"]*)"/)?.split(',');
  expect(ids).toHaveLength(2);
  expect(ids?.[0]).toBe(`user:${officeId}`);
  expect(ids?.[1]).toMatch(/^user:/);

  // removing one keeps the other
  await who.getByRole('button', { name: `移除 ${ids?.[0]}` }).click();
  await who.locator('.cf-chip', { hasText: '孙晓梅' }).waitFor({ state: 'detached' });
  expect(written(await exportBpmn(admin), /camunda:candidateUsers="([^"]*)"/)).toBe(ids?.[1]);
});

/** The dates the engine computes for the district (GET /calendar/preview), as the panel lists them. */
async function enginePreview(kind: string, value: string) {
  const answer = await e2eApi(
    browser.baseUrl,
    `/api/calendar/preview?kind=${kind}&value=${encodeURIComponent(value)}&count=5`,
    { cookie },
  );
  expect(answer.status).toBe(200);
  return answer.body as unknown as {
    occurrences: { localDate: string; workingDay: boolean }[];
    total: number | null;
  };
}

it('a timer in working days, then repeating every 5 working days, preview their dates on the district calendar', async () => {
  const admin = await openPlainSteps(`e2e-timer-${STAMP}`);
  await selectElement(admin, 'Event_wait');
  const timer = await panelGroup(admin, '定时器');
  const entry = timer.locator('.cf-timer');
  const kind = entry.locator('select').first();
  expect(await kind.inputValue()).toBe('duration');

  // wait 5 working days: one date, a working day, the one the engine computes
  const wait = entry.getByRole('group', { name: '等待' });
  await wait.getByLabel('单位').selectOption({ label: '个工作日' });
  await wait.getByLabel('数量').fill('5');
  await wait.getByLabel('数量').blur();
  await entry.locator('code.cf-timer-text', { hasText: /^P5WD$/ }).waitFor();
  const due = await enginePreview('timeDuration', 'P5WD');
  expect(due.occurrences).toHaveLength(1);
  expect(due.occurrences[0].workingDay).toBe(true);
  await entry.locator('.cf-preview-date', { hasText: due.occurrences[0].localDate }).waitFor();
  await screenshot(admin, 'process-designer-timer-working-days');

  // repeatedly: switching keeps the period (every 5 working days), 3 times; each date the
  // engine's own schedule gives is a working day of the district calendar
  await kind.selectOption({ label: '按周期重复' });
  const every = entry.getByRole('group', { name: '每隔' });
  expect(await every.getByLabel('数量').inputValue()).toBe('5');
  expect(await every.getByLabel('单位').locator('option:checked').innerText()).toBe('个工作日');
  await entry.getByLabel('次数').fill('3');
  await entry.getByLabel('次数').blur();
  await entry.locator('code.cf-timer-text', { hasText: /^R3\/P5WD$/ }).waitFor();
  const cycle = await enginePreview('timeCycle', 'R3/P5WD');
  expect(cycle.total).toBe(3);
  expect(cycle.occurrences.map((o) => o.workingDay)).toEqual([true, true, true]);
  const dates = entry.locator('.cf-preview-date');
  await dates.nth(2).waitFor();
  expect(await dates.allInnerTexts()).toEqual(cycle.occurrences.map((o) => o.localDate));
  await entry.getByText('共触发 3 次。').waitFor();
  await screenshot(admin, 'process-designer-timer-cycle');

  // calendar time repeats too: every week
  await every.getByLabel('单位').selectOption({ label: '周' });
  await every.getByLabel('数量').fill('1');
  await every.getByLabel('数量').blur();
  await entry.locator('code.cf-timer-text', { hasText: /^R3\/P1W$/ }).waitFor();

  const xml = await exportBpmn(admin);
  expect(xml).toContain(
    '<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R3/P1W</bpmn:timeCycle>',
  );
  expect(xml).not.toContain('timeDuration');
});

it('a call activity picks a deployed process and maps its variables', async () => {
  const admin = await openPlainSteps(`e2e-call-${STAMP}`);
  await selectElement(admin, 'Activity_vote');
  const call = await panelGroup(admin, '调用流程');
  await call
    .locator('[data-entry-id="cf-called-element"] select')
    .selectOption({ value: 'satisfaction-vote' });
  const passed = call.locator('[data-entry-id="cf-in-mappings"]');
  const add = passed.getByLabel('添加变量映射');
  // the called process's variables, from its forms, are offered once it is chosen
  await add.locator('option[value="subject"]').waitFor({ state: 'attached' });
  await add.selectOption({ value: 'subject' });
  const row = passed.locator('.cf-mapping').first();
  await row.getByLabel('本流程变量').fill('topic');
  await row.getByLabel('本流程变量').blur();
  await passed.getByLabel('传入本流程的全部变量').waitFor();
  const back = call.locator('[data-entry-id="cf-out-mappings"]');
  await back.getByLabel('添加变量映射').selectOption({ value: '*other*' });
  const out = back.locator('.cf-mapping').first();
  await out.getByLabel('被调用流程变量').fill('tally');
  await out.getByLabel('被调用流程变量').blur();
  await out.getByLabel('本流程变量').fill('voteResult');
  await out.getByLabel('本流程变量').blur();
  await screenshot(admin, 'process-designer-call-activity');

  const xml = await exportBpmn(admin);
  expect(xml).toContain('calledElement="satisfaction-vote"');
  expect(xml).toMatch(/<camunda:in source="topic" target="subject" \/>/);
  expect(xml).toMatch(/<camunda:out source="tally" target="voteResult" \/>/);
});

it('a message name is picked from those other deployed processes wait for', async () => {
  const admin = await openPlainSteps(`e2e-message-${STAMP}`);
  await selectElement(admin, 'Activity_fix');
  const message = await panelGroup(admin, '消息');
  const entry = message.locator('[data-entry-id="cf-message-name"]');
  const select = entry.locator('select');
  await select.locator('option', { hasText: '材料补正' }).waitFor({ state: 'attached' });
  await select.selectOption({ value: '材料补正' });
  await entry.getByText('等待此消息的流程：来信办理。').waitFor();
  await screenshot(admin, 'process-designer-message-name');

  const xml = await exportBpmn(admin);
  const id = written(xml, /<bpmn:message id="([^"]+)" name="材料补正" \/>/);
  expect(id).toBeDefined();
  expect(xml).toContain(
    `<bpmn:receiveTask id="Activity_fix" name="等待补正材料" messageRef="${id}">`,
  );
});

it('the business-key pattern is checked as it is typed and previews the first number', async () => {
  const admin = await openPlainSteps(`e2e-numbering-${STAMP}`);
  // a click on empty canvas shows the process itself in the panel
  const canvas = await admin.locator('.djs-container').boundingBox();
  await admin.mouse.click(canvas!.x + canvas!.width - 40, canvas!.y + canvas!.height - 40);
  const numbering = await panelGroup(admin, '业务编号');
  const input = numbering.locator('#bio-properties-panel-cf-business-key-pattern');

  // what the engine would refuse is said on the entry (and publishing is refused)
  await input.fill('JY-{yyyy}');
  await numbering.getByText('业务编号规则须有且只有一个流水号 {seq} 或 {seq:N}。').waitFor();
  await input.fill('JY-{year}-{seq}');
  await numbering
    .getByText('业务编号规则中 {year} 不是可用字段，请用 {yyyy}、{yy}、{MM}、{dd} 或 {seq:N}。')
    .waitFor();

  await input.fill('YJ-{yyyy}-{seq:4}');
  const year = new Date().getFullYear();
  await numbering.getByText(`示例（今天的第 1 号）：YJ-${year}-0001`).waitFor();
  await numbering.locator('.bio-properties-panel-error').waitFor({ state: 'detached' });
  await screenshot(admin, 'process-designer-business-key');
  const xml = await exportBpmn(admin);
  expect(xml).toMatch(
    /<camunda:properties>\s*<camunda:property name="businessKeyPattern" value="YJ-\{yyyy\}-\{seq:4\}" \/>\s*<\/camunda:properties>/,
  );

  // unpublished changes: leaving for the list asks first, and 继续编辑 stays
  await admin.getByRole('button', { name: /流程列表/ }).click();
  const leave = admin.locator('.ant-modal-confirm', { hasText: '离开设计器？' });
  await leave.waitFor();
  await leave.getByRole('button', { name: '继续编辑' }).click();
  await leave.waitFor({ state: 'detached' });
  expect(await input.inputValue()).toBe('YJ-{yyyy}-{seq:4}');

  // emptied, the property goes and the process is numbered no more
  await input.fill('');
  await numbering.getByText(/不填则不编号/).waitFor();
  expect(await exportBpmn(admin)).not.toContain('businessKeyPattern');
});

it('a step can be closed to 退回, written as the engine reads it', async () => {
  const admin = await openPlainSteps(`e2e-returnable-${STAMP}`);
  await selectElement(admin, 'Activity_review');
  const group = await panelGroup(admin, '办理期限、优先级与退回');
  const checkbox = group.getByLabel('允许退回到之前的环节');
  expect(await checkbox.isChecked()).toBe(true);
  await checkbox.uncheck();
  expect(await exportBpmn(admin)).toMatch(
    /<camunda:properties>\s*<camunda:property name="returnable" value="false" \/>\s*<\/camunda:properties>/,
  );
  await checkbox.check();
  const restored = await exportBpmn(admin);
  expect(restored).not.toContain('name="returnable"');
  expect(restored).toMatch(/<bpmn:userTask id="Activity_review" [^>]*>\s*<bpmn:incoming>/);
});

it('a Camunda Modeler file keeps its people, timer, call and message through the pickers', async () => {
  const key = `e2e-modeler-${STAMP}`;
  const original = fixture('camunda-modeler-review.bpmn', key);
  const admin = await browser.signIn(DEMO.districtAdmin, { next: '/admin/processes' });
  await importBpmn(admin, `${key}.bpmn`, original);
  const untouched = await exportBpmn(admin);

  // each picker shows what the file says
  await selectElement(admin, 'Activity_review');
  const who = await panelGroup(admin, '办理人');
  await who.locator('.cf-chip', { hasText: '孙晓梅 · 区人大常委会办公室' }).waitFor();
  await who.locator('.cf-chip', { hasText: '变量：reviewers' }).waitFor();

  await selectElement(admin, 'Event_wait');
  const timer = (await panelGroup(admin, '定时器')).locator('.cf-timer');
  expect(await timer.locator('select').first().inputValue()).toBe('cycle');
  await timer.locator('code.cf-timer-text', { hasText: 'R3/PT10M' }).waitFor();
  await timer.locator('.cf-preview-list li').nth(2).waitFor();

  await selectElement(admin, 'Activity_vote');
  const call = await panelGroup(admin, '调用流程');
  expect(await call.locator('[data-entry-id="cf-called-element"] select').inputValue()).toBe(
    'satisfaction-vote',
  );
  const passed = call.locator('[data-entry-id="cf-in-mappings"] .cf-mapping');
  expect(await passed.count()).toBe(2);
  expect(await passed.nth(1).getByLabel('本流程变量').inputValue()).toBe('topic');
  expect(await passed.nth(1).getByLabel('被调用流程变量').inputValue()).toBe('subject');

  await selectElement(admin, 'Activity_fix');
  const message = await panelGroup(admin, '消息');
  expect(await message.locator('[data-entry-id="cf-message-name"] select').inputValue()).toBe(
    '材料补正',
  );
  await screenshot(admin, 'process-designer-camunda-modeler-file');

  // looked at through every picker, the file is exported exactly as it was opened
  const exported = await exportBpmn(admin);
  expect(exported).toBe(untouched);
  for (const kept of [
    `camunda:candidateUsers="user:${officeId},var:reviewers"`,
    '<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R3/PT10M</bpmn:timeCycle>',
    'calledElement="satisfaction-vote"',
    '<camunda:in source="params" target="params" />',
    '<camunda:in source="topic" target="subject" />',
    '<camunda:out source="tally" target="voteResult" />',
    '<bpmn:message id="Message_2k1" name="材料补正" />',
    'messageRef="Message_2k1"',
  ]) {
    expect(exported).toContain(kept);
  }
  // and bpmn-js writes what Camunda Modeler wrote (same serializer), but for the exporter
  expect(exported.replace(/exporter="[^"]*" exporterVersion="[^"]*"/, '')).toBe(
    original.replace(/exporter="[^"]*" exporterVersion="[^"]*"/, ''),
  );
});
