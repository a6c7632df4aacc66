import { isEngineError } from '../../engine/src';
import { createEngineHarness, DISTRICT, type EngineHarness } from '../support/engine-harness';

/**
 * Instances started without a business key get one from their process's pattern
 * (camunda:properties businessKeyPattern): numbered per district and per year, without repeats
 * however many starts race, and anew in each year of the district's local time.
 */

const process = (key: string, pattern: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:extensionElements>
      <camunda:properties>
        <camunda:property name="businessKeyPattern" value="${pattern}" />
      </camunda:properties>
    </bpmn:extensionElements>
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:userTask id="work" name="办理" camunda:formKey="work-form" camunda:assignee="starter" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('business keys from a pattern', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
    await h.engine.deploy(process('suggestion', 'JY-{yyyy}-{seq:4}'), { district: DISTRICT });
  });
  afterAll(() => h.dispose());

  const start = (district = DISTRICT, extra: { businessKey?: string; instanceId?: string } = {}) =>
    h.engine.startInstance({ processKey: 'suggestion', district, starter: 'staff', ...extra });

  it('numbers the starts of a year one after another, and keeps a key given at start', async () => {
    h.clock.set('2026-03-02T09:00:00+08:00');
    expect((await start()).businessKey).toBe('JY-2026-0001');
    expect((await start()).businessKey).toBe('JY-2026-0002');
    expect((await start(DISTRICT, { businessKey: '人工编号-1' })).businessKey).toBe('人工编号-1');
    expect((await start()).businessKey).toBe('JY-2026-0003');
  });

  it('gives 16 racing starts 16 different, consecutive keys', async () => {
    const keys = (await Promise.all(Array.from({ length: 16 }, () => start()))).map(
      (instance) => instance.businessKey,
    );
    expect(new Set(keys).size).toBe(16);
    expect([...keys].sort()).toEqual(
      Array.from({ length: 16 }, (_, i) => `JY-2026-${String(i + 4).padStart(4, '0')}`),
    );
  });

  it('starts again at 1 in the new year of the district’s local time, and per district', async () => {
    // 16:30 UTC on 31 December is 00:30 on 1 January in Beijing
    h.clock.set('2026-12-31T16:30:00Z');
    expect((await start()).businessKey).toBe('JY-2027-0001');
    await h.engine.deploy(process('suggestion', 'JY-{yyyy}-{seq:4}'), { district: 'other' });
    expect((await start('other')).businessKey).toBe('JY-2027-0001');
    expect((await start()).businessKey).toBe('JY-2027-0002');
  });

  it('takes no second number when a start is repeated with its instance id', async () => {
    const first = await start(DISTRICT, { instanceId: 'fixed-id' });
    const again = await start(DISTRICT, { instanceId: 'fixed-id' });
    expect(again._id).toBe(first._id);
    expect(again.businessKey).toBe(first.businessKey);
    const next = await start();
    expect(Number(next.businessKey!.slice(-4))).toBe(Number(first.businessKey!.slice(-4)) + 1);
  });

  it('refuses a deployment whose pattern cannot number anything', async () => {
    const refused = await h.engine
      .deploy(process('broken', 'JY-{yyyy}'), { district: DISTRICT })
      .catch((error: unknown) => error);
    expect(isEngineError(refused, 'DEPLOYMENT_INVALID')).toBe(true);
    expect(JSON.stringify((refused as { details?: unknown }).details)).toContain(
      'exactly one {seq}',
    );
  });
});
