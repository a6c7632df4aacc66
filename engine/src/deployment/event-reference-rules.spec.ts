import { problemAt, validate, withStart } from './__fixtures__/bpmn-fixtures';

const messages = '<bpmn:message id="named" name="answer" /><bpmn:message id="unnamed" />';
const signals = '<bpmn:signal id="sig" name="done" /><bpmn:signal id="nameless" />';

describe('event reference rules', () => {
  it.each([
    ['intermediateCatchEvent', ''],
    ['boundaryEvent', 'attachedToRef="work"'],
  ])('needs a messageRef on a message %s', async (element, attributes) => {
    const xml = withStart(
      `<bpmn:task id="work" name="Work" />
       <bpmn:${element} id="ev" name="Ev" ${attributes}><bpmn:messageEventDefinition /></bpmn:${element}>`,
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([problemAt('ev', 'needs a messageRef naming a bpmn:message')]);
  });

  it('needs a messageRef on a receive task and a message start event', async () => {
    const xml = withStart(
      `<bpmn:receiveTask id="receive" name="Receive" />
       <bpmn:startEvent id="by-message" name="By message"><bpmn:messageEventDefinition /></bpmn:startEvent>`,
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([
      problemAt('receive', 'needs a messageRef'),
      problemAt('by-message', 'needs a messageRef'),
    ]);
  });

  it('needs a name on the referenced message', async () => {
    const xml = withStart(
      `<bpmn:intermediateCatchEvent id="ev" name="Ev">
         <bpmn:messageEventDefinition messageRef="unnamed" />
       </bpmn:intermediateCatchEvent>`,
      { extra: messages },
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([problemAt('ev', "message 'unnamed' has no name")]);
  });

  it('lets a message throw event go without a message', async () => {
    const xml = withStart(
      '<bpmn:endEvent id="end" name="End"><bpmn:messageEventDefinition /></bpmn:endEvent>',
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([]);
  });

  it('refuses implementations on message events', async () => {
    const xml = withStart(
      `<bpmn:endEvent id="end" name="End">
         <bpmn:messageEventDefinition messageRef="named" camunda:class="com.example.Send" />
       </bpmn:endEvent>`,
      { extra: messages },
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([
      problemAt('end', 'message events cannot run an implementation (camunda:class)'),
    ]);
  });

  it('needs a named signalRef on signal events', async () => {
    const xml = withStart(
      `<bpmn:intermediateThrowEvent id="no-ref" name="No ref"><bpmn:signalEventDefinition /></bpmn:intermediateThrowEvent>
       <bpmn:intermediateCatchEvent id="no-name" name="No name">
         <bpmn:signalEventDefinition signalRef="nameless" />
       </bpmn:intermediateCatchEvent>
       <bpmn:intermediateCatchEvent id="fine" name="Fine"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:intermediateCatchEvent>`,
      { extra: signals },
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([
      problemAt('no-ref', 'needs a signalRef naming a bpmn:signal'),
      problemAt('no-name', "signal 'nameless' has no name"),
    ]);
  });
});
