import { bpmnXml, validate } from './__fixtures__/bpmn-fixtures';

describe('naming rules', () => {
  it('warns about unnamed flow nodes without refusing the file', async () => {
    const xml = bpmnXml(
      `<bpmn:startEvent id="start" />
       <bpmn:task id="named" name="Named" />
       <bpmn:task id="blank" name="  " />
       <bpmn:sequenceFlow id="unnamed-flow" sourceRef="start" targetRef="named" />`,
    );

    const { problems, warnings } = await validate(xml);

    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      { elementId: 'start', message: 'bpmn:StartEvent has no name' },
      { elementId: 'blank', message: 'bpmn:Task has no name' },
    ]);
  });
});
