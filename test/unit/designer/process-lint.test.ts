import { type ModdleElement } from '../../../designer/src/modules/process-designer/model/moddle-element';
import {
  lintProcess,
  type LintReferenceData,
} from '../../../designer/src/modules/process-designer/model/process-lint';

/** A stand-in for a bpmn-moddle element: properties by name, `camunda:x` read as `x`. */
function el(type: string, props: Record<string, unknown> = {}): ModdleElement {
  const element: ModdleElement = {
    $type: type,
    ...props,
    get(name: string) {
      return (this as Record<string, unknown>)[name.replace(/^camunda:/, '')];
    },
  };
  return element;
}

function processWith(...flowElements: ModdleElement[]): ModdleElement {
  const process = el('bpmn:Process', { id: 'suggestion', isExecutable: true, flowElements });
  return el('bpmn:Definitions', { rootElements: [process] });
}

const reference: LintReferenceData = {
  roleKeys: new Set(['council', 'office']),
  formKeys: new Set(['register']),
  handlers: new Map([
    [
      'notify',
      [
        { name: 'to', required: true },
        { name: 'title', required: true },
      ],
    ],
  ]),
};

const start = () => el('bpmn:StartEvent', { id: 'start', name: '开始' });

describe('lintProcess', () => {
  it('passes a small valid process', () => {
    const task = el('bpmn:UserTask', {
      id: 't',
      name: '登记',
      formKey: 'register',
      assignee: 'role:office',
      dueDate: 'P7WD',
    });
    expect(lintProcess(processWith(start(), task), reference)).toEqual([]);
  });

  it('reports what the engine would refuse on a user task', () => {
    const task = el('bpmn:UserTask', {
      id: 't',
      name: '登记',
      assignee: 'role:mayor',
      candidateGroups: 'office,unknown',
      dueDate: 'next week',
      priority: '120',
    });
    const keys = lintProcess(processWith(start(), task), reference).map((f) => [f.key, f.vars]);
    expect(keys).toEqual([
      ['missingForm', undefined],
      ['unknownRole', { role: 'mayor', source: 'assignee' }],
      ['unknownRole', { role: 'unknown', source: 'candidateGroups' }],
      ['dueDate', { text: 'next week' }],
      ['priority', { text: '120' }],
    ]);
  });

  it('asks for a condition on every non-default flow of a split and checks FEEL', () => {
    const gateway = el('bpmn:ExclusiveGateway', { id: 'gw', name: '受理？' });
    const yes = el('bpmn:SequenceFlow', {
      id: 'yes',
      conditionExpression: el('bpmn:FormalExpression', { body: '= accepted =' }),
    });
    const no = el('bpmn:SequenceFlow', { id: 'no' });
    const other = el('bpmn:SequenceFlow', { id: 'other' });
    Object.assign(gateway, { outgoing: [yes, no, other], incoming: [], default: other });
    const findings = lintProcess(processWith(start(), gateway, yes, no, other), reference);
    expect(findings.map((f) => [f.elementId, f.key])).toEqual([
      ['no', 'flowWithoutCondition'],
      ['yes', 'feel.incomplete'],
    ]);
    expect(findings[0].vars).toEqual({ gateway: '受理？' });
  });

  it('checks service handlers, multi-instance and refused constructs', () => {
    const io = el('camunda:InputOutput', {
      inputParameters: [el('camunda:InputParameter', { name: 'to', value: 'role:office' })],
    });
    const service = el('bpmn:ServiceTask', {
      id: 's',
      name: '通知',
      type: 'external',
      topic: 'notify',
      extensionElements: el('bpmn:ExtensionElements', { values: [io] }),
    });
    const vote = el('bpmn:UserTask', {
      id: 'v',
      name: '投票',
      formKey: 'register',
      assignee: 'starter',
      loopCharacteristics: el('bpmn:MultiInstanceLoopCharacteristics', { collection: 'voters' }),
    });
    const script = el('bpmn:ScriptTask', { id: 'x', name: '脚本' });
    const unknown = el('bpmn:ServiceTask', {
      id: 'u',
      name: '未知',
      type: 'external',
      topic: 'fax',
    });
    const keys = lintProcess(processWith(start(), service, vote, script, unknown), reference).map(
      (f) => [f.elementId, f.key],
    );
    expect(keys).toEqual([
      ['s', 'missingParameter'],
      ['v', 'loopElementVariable'],
      ['x', 'scriptTask'],
      ['u', 'unknownHandler'],
    ]);
  });

  it('accepts timer cycles by working days, as the engine does (R/P5WD, R3/P5WD, with a start)', () => {
    const timer = (id: string, type: string, cycle: string, props: Record<string, unknown> = {}) =>
      el(type, {
        id,
        name: id,
        ...props,
        eventDefinitions: [
          el('bpmn:TimerEventDefinition', {
            timeCycle: el('bpmn:FormalExpression', { body: cycle }),
          }),
        ],
      });
    const task = el('bpmn:UserTask', {
      id: 't',
      name: '办理',
      formKey: 'register',
      assignee: 'role:office',
    });
    const elements = [
      timer('weekly', 'bpmn:StartEvent', 'R/2026-03-02T09:00:00+08:00/P5WD'),
      task,
      timer('remind', 'bpmn:BoundaryEvent', 'R3/P5WD', {
        attachedToRef: task,
        cancelActivity: false,
      }),
      timer('wait', 'bpmn:IntermediateCatchEvent', 'R/P5WD'),
    ];
    expect(lintProcess(processWith(...elements), reference)).toEqual([]);
  });

  it('needs one executable process with a start event, and warns about unnamed nodes', () => {
    const findings = lintProcess(processWith(el('bpmn:EndEvent', { id: 'end' })), reference);
    expect(findings.map((f) => [f.key, f.severity])).toEqual([
      ['noStartEvent', 'error'],
      ['unnamed', 'warning'],
    ]);
    const none = el('bpmn:Definitions', {
      rootElements: [el('bpmn:Process', { id: 'p', isExecutable: false })],
    });
    expect(lintProcess(none, reference).map((f) => f.key)).toEqual(['noExecutableProcess']);
  });

  it('skips reference checks while the reference data is still loading', () => {
    const task = el('bpmn:UserTask', {
      id: 't',
      name: '登记',
      formKey: 'anything',
      assignee: 'role:any',
    });
    expect(lintProcess(processWith(start(), task), {})).toEqual([]);
  });
});
