import { bpmnXml, problemAt, validate, withStart } from './__fixtures__/bpmn-fixtures';

const messages = `<bpmn:message id="m-submit" name="submit" />
  <bpmn:message id="m-dynamic" name="\${kind}-reply" />
  <bpmn:signal id="s-open" name="= openSignal" />`;

function messageStart(id: string, messageRef = 'm-submit'): string {
  return `<bpmn:startEvent id="${id}" name="${id}"><bpmn:messageEventDefinition messageRef="${messageRef}" /></bpmn:startEvent>`;
}

describe('event start rules', () => {
  it('accepts a none start beside message and timer start events', async () => {
    const xml = withStart(
      `${messageStart('by-message')}
       <bpmn:startEvent id="monthly" name="Monthly">
         <bpmn:timerEventDefinition><bpmn:timeCycle>R/2026-01-10T09:00:00+08:00/P1M</bpmn:timeCycle></bpmn:timerEventDefinition>
       </bpmn:startEvent>`,
      { extra: messages },
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([]);
  });

  it('refuses a second none start event', async () => {
    const { problems } = await validate(withStart('<bpmn:startEvent id="again" name="Again" />'));

    expect(problems).toEqual([problemAt('again', 'at most one none start event')]);
  });

  it('refuses two start events for the same message', async () => {
    const xml = bpmnXml(`${messageStart('first')}${messageStart('second')}`, { extra: messages });

    const { problems } = await validate(xml);

    expect(problems).toEqual([
      problemAt('second', "start events 'first' and 'second' both start by message 'submit'"),
    ]);
  });

  it('refuses a timer start event whose value is an expression', async () => {
    const xml = withStart(
      `<bpmn:startEvent id="when" name="When">
         <bpmn:timerEventDefinition><bpmn:timeDate>= startDate</bpmn:timeDate></bpmn:timerEventDefinition>
       </bpmn:startEvent>`,
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([problemAt('when', 'write timeDate as a literal value')]);
  });

  it('refuses message and signal names written as expressions', async () => {
    const xml = withStart(
      `<bpmn:intermediateCatchEvent id="reply" name="Reply"><bpmn:messageEventDefinition messageRef="m-dynamic" /></bpmn:intermediateCatchEvent>
       <bpmn:intermediateThrowEvent id="open" name="Open"><bpmn:signalEventDefinition signalRef="s-open" /></bpmn:intermediateThrowEvent>`,
      { extra: messages },
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([
      problemAt('reply', "message 'm-dynamic' is named by an expression"),
      problemAt('open', "signal 's-open' is named by an expression"),
    ]);
  });

  it('refuses a message event sub-process inside a sub-process', async () => {
    const xml = withStart(
      `<bpmn:subProcess id="outer" name="Outer">
         <bpmn:startEvent id="outer-start" name="Outer start" />
         <bpmn:subProcess id="nested" name="Nested" triggeredByEvent="true">
           ${messageStart('nested-start')}
         </bpmn:subProcess>
       </bpmn:subProcess>`,
      { extra: messages },
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([problemAt('nested', 'must be placed directly in the process')]);
  });
});
