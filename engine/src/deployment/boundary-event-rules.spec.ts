import { problemAt, validate, withStart } from './__fixtures__/bpmn-fixtures';

const refs = `<bpmn:error id="e-coded" name="Coded" errorCode="REJECTED" />
  <bpmn:error id="e-uncoded" name="Uncoded" />
  <bpmn:escalation id="esc" name="Late" escalationCode="LATE" />
  <bpmn:message id="m" name="withdraw" />`;

function boundary(id: string, attachedTo: string, definition: string, attributes = ''): string {
  return `<bpmn:boundaryEvent id="${id}" name="${id}" attachedToRef="${attachedTo}" ${attributes}>${definition}</bpmn:boundaryEvent>`;
}

const activities = `<bpmn:userTask id="task" name="Task" camunda:formKey="simple-form" camunda:assignee="starter" />
  <bpmn:serviceTask id="service" name="Service" camunda:type="external" camunda:topic="send-mail" />
  <bpmn:subProcess id="sub" name="Sub"><bpmn:startEvent id="sub-start" name="Sub start" /></bpmn:subProcess>
  <bpmn:callActivity id="call" name="Call" calledElement="vote" />`;

describe('boundary event rules', () => {
  it('accepts error boundaries on activities that throw errors, escalations on sub-processes and call activities', async () => {
    const error = '<bpmn:errorEventDefinition errorRef="e-coded" />';
    const xml = withStart(
      `${activities}
       ${boundary('on-service', 'service', error)}
       ${boundary('on-sub', 'sub', error)}
       ${boundary('on-call', 'call', error)}
       ${boundary('late', 'sub', '<bpmn:escalationEventDefinition escalationRef="esc" />', 'cancelActivity="false"')}
       ${boundary('esc-on-call', 'call', '<bpmn:escalationEventDefinition escalationRef="esc" />')}
       ${boundary('any-on-call', 'call', '<bpmn:escalationEventDefinition />', 'cancelActivity="false"')}`,
      { extra: refs },
    );

    const { problems, warnings } = await validate(xml);

    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('warns about boundary events that never fire', async () => {
    const xml = withStart(
      `${activities}
       ${boundary('on-task', 'task', '<bpmn:errorEventDefinition errorRef="e-coded" />')}
       ${boundary('esc-on-service', 'service', '<bpmn:escalationEventDefinition escalationRef="esc" />')}`,
      { extra: refs },
    );

    const { problems, warnings } = await validate(xml);

    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      problemAt('on-task', 'a bpmn:UserTask throws no BPMN errors'),
      problemAt('esc-on-service', 'not on a bpmn:ServiceTask'),
    ]);
  });

  it('warns that a non-interrupting message boundary event fires once', async () => {
    const xml = withStart(
      `${activities}
       ${boundary('withdrawn', 'task', '<bpmn:messageEventDefinition messageRef="m" />', 'cancelActivity="false"')}`,
      { extra: refs },
    );

    const { warnings } = await validate(xml);

    expect(warnings).toEqual([problemAt('withdrawn', 'fires once per activation')]);
  });

  it('warns about error end events without an error code', async () => {
    const xml = withStart(
      `<bpmn:endEvent id="no-code" name="No code"><bpmn:errorEventDefinition errorRef="e-uncoded" /></bpmn:endEvent>
       <bpmn:endEvent id="no-ref" name="No ref"><bpmn:errorEventDefinition /></bpmn:endEvent>`,
      { extra: refs },
    );

    const { problems, warnings } = await validate(xml);

    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      problemAt('no-code', "error 'e-uncoded' has no errorCode"),
      problemAt('no-ref', 'names no bpmn:error'),
    ]);
  });
});
