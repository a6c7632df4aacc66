import { E2eBrowser, screenshot } from '../support/e2e-browser';
import { e2eApi, e2eApiSignIn } from '../support/e2e-api';
import { DEMO } from '../support/e2e-env';

/**
 * 退回 into a co-signed step from the task page (issue 13): two people sign, the starter reviews
 * and sends back only 陈静's part; the dialog offers the part by her name, and only she gets the
 * task again.
 */

const STAMP = Date.now().toString(36);
const KEY = `e2e-cosign-${STAMP}`;
const FORM = `e2e-cosign-note-${STAMP}`;
const BUSINESS_KEY = `HQ-${STAMP}`;

let browser: E2eBrowser;
const call = (path: string, init?: Parameters<typeof e2eApi>[2]) =>
  e2eApi(browser.baseUrl, path, init);

beforeAll(async () => {
  browser = await E2eBrowser.launch();
});
afterAll(async () => {
  await browser?.close();
});

async function userId(cookie: string, name: string): Promise<string> {
  const found = await call(`/api/directory/users?q=${encodeURI(name)}`, { cookie });
  return (found.body as unknown as { id: string }[])[0]!.id;
}

async function openTasks(cookie: string): Promise<{ id: string; name: string }[]> {
  const mine = await call(`/api/tasks?view=mine&q=${BUSINESS_KEY}`, { cookie });
  return (mine.body as unknown as { items: { id: string; name: string }[] }).items;
}

it('sends one signer’s part of a co-signed step back, by her name', async () => {
  const admin = await e2eApiSignIn(browser.baseUrl, DEMO.districtAdmin);
  const [office, unit, deputy] = [
    await e2eApiSignIn(browser.baseUrl, DEMO.office),
    await e2eApiSignIn(browser.baseUrl, DEMO.unitEducation),
    await e2eApiSignIn(browser.baseUrl, DEMO.deputy),
  ];
  const [officeId, unitId] = [await userId(admin, '孙晓梅'), await userId(admin, '陈静')];
  const me = await call('/api/auth/me', { cookie: deputy });
  const deputyId = (me.body as unknown as { id: string }).id;

  const schema = {
    type: 'object',
    'x-cf': { title: '会签意见', reads: [], writes: ['note'] },
    properties: {
      note: { type: 'string', title: '意见', 'x-decorator': 'FormItem', 'x-component': 'Input' },
    },
  };
  expect(
    (await call(`/api/forms/${FORM}/versions`, { method: 'POST', cookie: admin, body: { schema } }))
      .status,
  ).toBe(201);
  const signers = [officeId, unitId].map((id) => `&quot;${id}&quot;`).join(', ');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs-${KEY}" targetNamespace="http://congressflow.test/e2e">
  <bpmn:process id="${KEY}" name="会签测试" isExecutable="true" camunda:candidateStarterUsers="${deputyId}">
    <bpmn:startEvent id="start" name="发起" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="cosign" />
    <bpmn:userTask id="cosign" name="会签" camunda:formKey="${FORM}" camunda:assignee="var:signer">
      <bpmn:multiInstanceLoopCharacteristics camunda:collection="= [${signers}]" camunda:elementVariable="signer" />
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="cosign" targetRef="review" />
    <bpmn:userTask id="review" name="复核" camunda:formKey="${FORM}" camunda:assignee="starter" />
    <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end" />
    <bpmn:endEvent id="end" name="结束" />
  </bpmn:process>
</bpmn:definitions>`;
  expect(
    (await call('/api/definitions', { method: 'POST', cookie: admin, body: { xml } })).status,
  ).toBe(201);
  const started = await call('/api/instances', {
    method: 'POST',
    cookie: deputy,
    body: { processKey: KEY, data: {}, businessKey: BUSINESS_KEY },
  });
  expect(started.status).toBe(201);

  // both sign (through the API: the signing itself is not what this test is about)
  for (const signer of [office, unit]) {
    const [task] = await openTasks(signer);
    const done = await call(`/api/tasks/${task!.id}/complete`, {
      method: 'POST',
      cookie: signer,
      body: { data: { note: '同意' } },
    });
    expect(done.status).toBe(204);
  }

  // the starter reviews in the browser and sends 陈静's part back
  let review: { id: string; name: string } | undefined;
  for (let tries = 0; !review && tries < 50; tries++) {
    review = (await openTasks(deputy)).find((task) => task.name === '复核');
    if (!review) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const page = await browser.signIn(DEMO.deputy, { next: `/tasks/${review!.id}` });
  await page
    .getByRole('button', { name: /退\s*回/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: '退回' });
  await dialog.getByText('退回给').waitFor();
  await dialog.locator('.ant-select', { hasText: '全部（整个环节重新办理）' }).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: '陈静办理的一份' })
    .click();
  await dialog.getByLabel('退回理由').fill('请补充经费测算');
  await screenshot(page, 'return-one-part');
  const returned = page.waitForResponse((r) => r.url().endsWith('/return'));
  await dialog.getByRole('button', { name: /退\s*回/ }).click();
  expect((await returned).status()).toBe(200);
  await page.waitForURL((url) => url.pathname.startsWith('/inbox'));

  expect((await openTasks(unit)).map((task) => task.name)).toEqual(['会签']);
  expect(await openTasks(office)).toEqual([]);

  // leave 陈静's inbox as the other browser tests expect it
  const instanceId = (started.body as unknown as { id: string }).id;
  const cancelled = await call(`/api/instances/${instanceId}/cancel`, {
    method: 'POST',
    cookie: admin,
    body: { reason: '测试结束' },
  });
  expect(cancelled.status).toBe(200);
});
