import { EngineError, isEngineError } from '../engine.error';
import { bpmnXml, withStart } from './__fixtures__/bpmn-fixtures';
import { validProcessXml } from './__fixtures__/valid-process';
import { parseBpmn } from './bpmn-parser';
import { type ParsedProcess } from './deployment.types';

async function mainProcess(): Promise<ParsedProcess> {
  const parsed = await parseBpmn(validProcessXml);
  const found = parsed.processes.find((process) => process.key === 'review-request');
  if (!found) throw new Error('fixture process missing');
  return found;
}

describe('parseBpmn', () => {
  it('lists every process of a collaboration, executable or not', async () => {
    const parsed = await parseBpmn(validProcessXml);

    expect(parsed.processes.map((p) => [p.key, p.isExecutable])).toEqual([
      ['review-request', true],
      ['requester', false],
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads the process header, start form and distinct form keys', async () => {
    const process = await mainProcess();

    expect(process.name).toBe('Fixture');
    expect(process.startFormKey).toBe('request-start');
    expect(process.formKeys).toEqual([
      'request-start',
      'request-register',
      'request-review',
      'request-chase',
    ]);
  });

  it('reads user tasks with assignment, dates, priority and multi-instance', async () => {
    const { userTasks } = await mainProcess();

    expect(userTasks).toHaveLength(3);
    expect(userTasks[0]).toEqual({
      id: 'register',
      name: 'Register request',
      formKey: 'request-register',
      assignee: 'starter',
      candidateUsers: ['var:helpers', 'user:u-42'],
      candidateGroups: ['office', 'council'],
      dueDate: 'P7WD',
      followUpDate: '= dueDate',
      priority: '80',
    });
    expect(userTasks[1].multiInstance).toEqual({
      sequential: false,
      collection: 'reviewers',
      elementVariable: 'reviewer',
      completionCondition: '${nrOfCompletedInstances >= 2}',
    });
    expect(userTasks[2]).toMatchObject({ id: 'chase', candidateGroups: ['council'] });
  });

  it('reads service tasks with their topic and input parameters, lists and maps as JSON', async () => {
    const { serviceTasks } = await mainProcess();

    expect(serviceTasks).toEqual([
      {
        id: 'notify',
        name: 'Send reminder',
        type: 'bpmn:ServiceTask',
        topic: 'send-mail',
        parameters: {
          template: 'reminder',
          to: '= assignee',
          cc: '["office","council"]',
          headers: '{"priority":"high"}',
        },
      },
    ]);
  });

  it('reads boundary, intermediate and start timers', async () => {
    const { timers } = await mainProcess();

    expect(timers).toEqual([
      {
        elementId: 'remind',
        kind: 'timeDuration',
        value: 'P3D',
        eventType: 'boundary',
        attachedToRef: 'register',
        cancelActivity: false,
      },
      {
        elementId: 'cool-off',
        kind: 'timeDate',
        value: '2026-03-01T09:00:00+08:00',
        eventType: 'intermediate',
      },
      {
        elementId: 'monthly',
        kind: 'timeCycle',
        value: 'R/2026-01-10T09:00:00+08:00/P1M',
        eventType: 'start',
      },
    ]);
  });

  it('reads call activities with their variable mappings', async () => {
    const { callActivities } = await mainProcess();

    expect(callActivities).toEqual([
      {
        id: 'vote',
        name: 'Vote',
        calledElement: 'vote',
        inputs: [
          { source: 'topic', target: 'subject' },
          { sourceExpression: '= amount * 2', target: 'double' },
        ],
        outputs: [{ all: true }],
        multiInstance: { sequential: true, loopCardinality: '3' },
      },
    ]);
  });

  it('reads messages and signals by kind', async () => {
    const { messages, signals } = await mainProcess();

    expect(messages).toEqual([
      { elementId: 'wait-answer', messageName: 'answer', kind: 'catch' },
      { elementId: 'confirm', messageName: 'confirmation', kind: 'receiveTask' },
      { elementId: 'withdrawn', messageName: 'withdrawal', kind: 'boundary' },
    ]);
    expect(signals).toEqual([{ elementId: 'announce', signalName: 'request-done' }]);
  });

  it('lists every flow node with its type, sub-process contents included', async () => {
    const { flowNodes } = await mainProcess();

    expect(flowNodes).toContainEqual({
      id: 'register',
      type: 'bpmn:UserTask',
      name: 'Register request',
    });
    expect(flowNodes).toContainEqual({
      id: 'chase',
      type: 'bpmn:UserTask',
      name: 'Chase',
      parentId: 'chasing',
    });
    expect(flowNodes.map((node) => node.id)).not.toContain('f-start');
    expect(flowNodes).toHaveLength(22);
  });

  it('reads message start events and throw events', async () => {
    const parsed = await parseBpmn(
      bpmnXml(
        `<bpmn:startEvent id="by-mail"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>
         <bpmn:endEvent id="reply"><bpmn:messageEventDefinition messageRef="r" /></bpmn:endEvent>`,
        { extra: '<bpmn:message id="m" name="incoming" /><bpmn:message id="r" name="reply" />' },
      ),
    );

    expect(parsed.processes[0].messages).toEqual([
      { elementId: 'by-mail', messageName: 'incoming', kind: 'start' },
      { elementId: 'reply', messageName: 'reply', kind: 'throw' },
    ]);
    expect(parsed.processes[0].startFormKey).toBeUndefined();
  });

  it('reports what the XML reader remarked on as warnings', async () => {
    const parsed = await parseBpmn(withStart('<bpmn:userTask id="t" camunda:fromKey="x" />'));

    expect(parsed.warnings).toEqual([
      { elementId: 't', message: 'unknown attribute <camunda:fromKey>' },
    ]);
  });

  it('throws DEPLOYMENT_INVALID with the problems when the XML does not parse', async () => {
    const error: unknown = await parseBpmn('<bpmn:definitions').catch((e: unknown) => e);

    expect(isEngineError(error, 'DEPLOYMENT_INVALID')).toBe(true);
    expect((error as EngineError).message).toContain('the BPMN XML does not parse');
    expect((error as EngineError).details).toEqual([
      { elementId: '', message: expect.stringContaining('the BPMN XML does not parse') },
    ]);
  });

  it('throws DEPLOYMENT_INVALID when the document is not BPMN', async () => {
    await expect(parseBpmn('<html><body /></html>')).rejects.toBeInstanceOf(EngineError);
    await expect(parseBpmn('<html><body /></html>')).rejects.toMatchObject({
      code: 'DEPLOYMENT_INVALID',
    });
  });
});
