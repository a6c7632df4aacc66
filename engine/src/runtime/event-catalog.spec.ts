import { bpmnXml } from '../deployment/__fixtures__/bpmn-fixtures';
import { catchesError, escalationCatchFor, readEventCatalog } from './event-catalog';

const xml = bpmnXml(
  `<bpmn:startEvent id="start" />
   <bpmn:startEvent id="by-message"><bpmn:messageEventDefinition messageRef="m-submit" /></bpmn:startEvent>
   <bpmn:startEvent id="monthly">
     <bpmn:timerEventDefinition><bpmn:timeCycle>R/2026-01-10T09:00:00+08:00/P1M</bpmn:timeCycle></bpmn:timerEventDefinition>
   </bpmn:startEvent>
   <bpmn:receiveTask id="confirm" messageRef="m-confirm" />
   <bpmn:subProcess id="work">
     <bpmn:intermediateCatchEvent id="wait-signal"><bpmn:signalEventDefinition signalRef="s-open" /></bpmn:intermediateCatchEvent>
   </bpmn:subProcess>
   <bpmn:boundaryEvent id="on-error" attachedToRef="work"><bpmn:errorEventDefinition errorRef="e-rejected" /></bpmn:boundaryEvent>
   <bpmn:boundaryEvent id="on-any-error" attachedToRef="call"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
   <bpmn:callActivity id="call" calledElement="vote" camunda:calledElementBinding="version" camunda:calledElementVersion="2">
     <bpmn:extensionElements><camunda:in source="a" target="b" /></bpmn:extensionElements>
     <bpmn:multiInstanceLoopCharacteristics camunda:collection="units" camunda:elementVariable="unit" />
   </bpmn:callActivity>
   <bpmn:intermediateThrowEvent id="announce"><bpmn:signalEventDefinition signalRef="s-open" /></bpmn:intermediateThrowEvent>
   <bpmn:subProcess id="aborting" triggeredByEvent="true">
     <bpmn:startEvent id="abort-start" isInterrupting="false"><bpmn:messageEventDefinition messageRef="m-abort" /></bpmn:startEvent>
   </bpmn:subProcess>`,
  {
    extra: `<bpmn:message id="m-submit" name="submit" /><bpmn:message id="m-confirm" name="confirm" />
      <bpmn:message id="m-abort" name="abort" /><bpmn:signal id="s-open" name="session-opened" />
      <bpmn:error id="e-rejected" name="Rejected" errorCode="REJECTED" />`,
  },
);

describe('event catalog', () => {
  it('lists what the engine needs to know about a process’s events', async () => {
    const catalog = await readEventCatalog(xml);

    expect(catalog.starts).toEqual([
      { elementId: 'start', trigger: 'none' },
      { elementId: 'by-message', trigger: 'message', name: 'submit' },
      {
        elementId: 'monthly',
        trigger: 'timer',
        timer: { kind: 'timeCycle', value: 'R/2026-01-10T09:00:00+08:00/P1M' },
      },
    ]);
    expect([...catalog.catches]).toEqual([
      ['confirm', { kind: 'message', name: 'confirm' }],
      ['wait-signal', { kind: 'signal', name: 'session-opened' }],
    ]);
    expect(catalog.eventSubProcesses).toEqual([
      {
        kind: 'message',
        name: 'abort',
        subProcessId: 'aborting',
        startEventId: 'abort-start',
        interrupting: false,
      },
    ]);
    expect(catalog.callActivities.get('call')).toMatchObject({
      calledElement: 'vote',
      binding: 'version',
      version: 2,
      multiInstance: true,
      elementVariable: 'unit',
      inputs: [{ source: 'a', target: 'b' }],
    });
    expect([...catalog.signalThrows]).toEqual([['announce', 'session-opened']]);
  });

  it('tells which error codes a boundary event catches', async () => {
    const catalog = await readEventCatalog(xml);

    expect(catchesError(catalog, 'work', 'REJECTED')).toBe(true);
    expect(catchesError(catalog, 'work', 'OTHER')).toBe(false);
    expect(catchesError(catalog, 'call', 'ANYTHING')).toBe(true);
    expect(catchesError(catalog, 'confirm', 'REJECTED')).toBe(false);
  });

  it('finds the escalation boundary event on a call activity by code, else the one without a code', async () => {
    const catalog = await readEventCatalog(
      bpmnXml(
        `<bpmn:callActivity id="call" calledElement="handling" />
         <bpmn:boundaryEvent id="on-late" attachedToRef="call" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="esc-late" /></bpmn:boundaryEvent>
         <bpmn:boundaryEvent id="on-any" attachedToRef="call"><bpmn:escalationEventDefinition /></bpmn:boundaryEvent>
         <bpmn:callActivity id="narrow" calledElement="handling" />
         <bpmn:boundaryEvent id="on-narrow" attachedToRef="narrow"><bpmn:escalationEventDefinition escalationRef="esc-late" /></bpmn:boundaryEvent>
         <bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="esc-stuck" /></bpmn:intermediateThrowEvent>`,
        {
          extra: `<bpmn:escalation id="esc-late" name="Late" escalationCode="LATE" />
            <bpmn:escalation id="esc-stuck" name="Stuck" escalationCode="STUCK" />`,
        },
      ),
    );

    expect(escalationCatchFor(catalog, 'call', 'LATE')).toEqual({
      elementId: 'on-late',
      escalationRef: 'esc-late',
      escalationCode: 'LATE',
      interrupting: false,
    });
    expect(escalationCatchFor(catalog, 'call', 'STUCK')).toEqual({
      elementId: 'on-any',
      interrupting: true,
    });
    expect(escalationCatchFor(catalog, 'call', undefined)?.elementId).toBe('on-any');
    expect(escalationCatchFor(catalog, 'narrow', 'STUCK')).toBeUndefined();
    expect([...catalog.escalationCodes]).toEqual([
      ['esc-late', 'LATE'],
      ['esc-stuck', 'STUCK'],
    ]);
  });
});
