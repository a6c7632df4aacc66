import { problemAt, validate, withStart } from './__fixtures__/bpmn-fixtures';

describe('construct rules', () => {
  it('refuses script tasks, saying why', async () => {
    const { problems } = await validate(
      withStart('<bpmn:scriptTask id="script" name="Script" scriptFormat="javascript" />'),
    );

    expect(problems).toEqual([
      problemAt(
        'script',
        'script tasks are not supported: bpmn-engine runs scripts in node:vm, which is no sandbox; use a service task with a registered handler or an expression',
      ),
    ]);
  });

  it.each([
    ['<bpmn:complexGateway id="x" name="X" />', 'complex gateways are not supported'],
    ['<bpmn:transaction id="x" name="X" />', 'transaction sub-processes are not supported'],
    ['<bpmn:adHocSubProcess id="x" name="X" />', 'ad-hoc sub-processes are not supported'],
    ['<bpmn:manualTask id="x" name="X" />', 'manual tasks are not supported'],
  ])('refuses %s', async (content, fragment) => {
    const { problems } = await validate(withStart(content));

    expect(problems).toEqual([problemAt('x', fragment)]);
  });

  it('refuses unsupported constructs nested in a sub-process', async () => {
    const xml = withStart(
      `<bpmn:subProcess id="sub" name="Sub">
         <bpmn:scriptTask id="inner-script" name="Script" />
       </bpmn:subProcess>`,
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([problemAt('inner-script', 'script tasks are not supported')]);
  });

  it.each([
    ['conditionalEventDefinition', 'conditional events are not supported'],
    ['cancelEventDefinition', 'cancel events are not supported'],
  ])('refuses %s', async (definition, fragment) => {
    const xml = withStart(
      `<bpmn:intermediateCatchEvent id="ev" name="Event"><bpmn:${definition} /></bpmn:intermediateCatchEvent>`,
    );

    const { problems } = await validate(xml);

    expect(problems).toContainEqual(problemAt('ev', fragment));
  });

  it('refuses listeners and generated forms', async () => {
    const xml = withStart(
      `<bpmn:userTask id="t" name="T" camunda:formKey="simple-form">
         <bpmn:extensionElements>
           <camunda:taskListener event="create" class="com.example.Listener" />
           <camunda:formData><camunda:formField id="f" type="string" /></camunda:formData>
         </bpmn:extensionElements>
       </bpmn:userTask>
       <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="t">
         <bpmn:extensionElements><camunda:executionListener event="take" expression="\${x}" /></bpmn:extensionElements>
       </bpmn:sequenceFlow>`,
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([
      problemAt('t', 'task listeners are not supported'),
      problemAt('t', 'camunda:formData (generated forms) is not supported'),
      problemAt('flow', 'execution listeners are not supported'),
    ]);
  });

  it('refuses standard loops', async () => {
    const xml = withStart(
      `<bpmn:task id="loop" name="Loop"><bpmn:standardLoopCharacteristics /></bpmn:task>`,
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([problemAt('loop', 'standard loops are not supported')]);
  });

  it('accepts plain tasks, sub-processes and terminate, error and escalation events', async () => {
    const xml = withStart(
      `<bpmn:task id="plain" name="Plain" />
       <bpmn:subProcess id="sub" name="Sub">
         <bpmn:startEvent id="sub-start" name="Sub start" />
         <bpmn:endEvent id="sub-error" name="Failed"><bpmn:errorEventDefinition /></bpmn:endEvent>
       </bpmn:subProcess>
       <bpmn:intermediateThrowEvent id="esc" name="Escalate"><bpmn:escalationEventDefinition /></bpmn:intermediateThrowEvent>
       <bpmn:endEvent id="stop" name="Stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>`,
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([]);
  });
});
