import { readBpmnOutline } from './bpmn-outline';
import { mayStart } from './start-permission';

const bpmn = (attributes: string, start = '<bpmn:startEvent id="s" />') =>
  `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="p" name="流程" isExecutable="true" ${attributes}>
    ${start}
    <bpmn:subProcess id="sub" name="子流程"><bpmn:task id="inner" name="内部" /></bpmn:subProcess>
  </bpmn:process>
</bpmn:definitions>`;

describe('the candidate-starter convention', () => {
  it('lets holders of a listed role and listed users start, nobody else', async () => {
    const outline = (await readBpmnOutline(
      bpmn('camunda:candidateStarterGroups="deputy, office" camunda:candidateStarterUsers="u-7"'),
    ))!;
    expect(outline).toMatchObject({
      key: 'p',
      name: '流程',
      starterGroups: ['deputy', 'office'],
      starterUsers: ['u-7'],
      hasNoneStart: true,
    });
    expect(outline.elements.map((e) => e.id)).toEqual(['s', 'sub', 'inner']);
    expect(mayStart({ userId: 'u-1', roles: ['office'] }, outline)).toBe(true);
    expect(mayStart({ userId: 'u-7', roles: [] }, outline)).toBe(true);
    expect(mayStart({ userId: 'u-2', roles: ['council'] }, outline)).toBe(false);
  });

  it('offers nothing without candidate starters, or without a none start event', async () => {
    const none = (await readBpmnOutline(bpmn('')))!;
    expect(mayStart({ userId: 'u-1', roles: ['office'] }, none)).toBe(false);
    const message = (await readBpmnOutline(
      bpmn(
        'camunda:candidateStarterGroups="office"',
        '<bpmn:startEvent id="s"><bpmn:messageEventDefinition /></bpmn:startEvent>',
      ),
    ))!;
    expect(message.hasNoneStart).toBe(false);
    expect(mayStart({ userId: 'u-1', roles: ['office'] }, message)).toBe(false);
  });

  it('reads nothing from XML that does not parse', async () => {
    expect(await readBpmnOutline('<bpmn:definitions')).toBeUndefined();
  });
});
