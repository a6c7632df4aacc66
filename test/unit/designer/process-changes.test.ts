import {
  compareOutlines,
  hasChanges,
  type ProcessOutline,
} from '../../../designer/src/modules/process-designer/model/process-changes';

const v1: ProcessOutline = {
  processId: 'suggestion',
  processName: '代表建议办理',
  elements: [
    { id: 'start', type: 'startEvent', name: '提出建议', settings: {} },
    {
      id: 'register',
      type: 'userTask',
      name: '审查登记',
      settings: { formKey: 'register', assignee: 'role:deputyAffairs' },
    },
    { id: 'assign', type: 'task', name: '交办', settings: {} },
    {
      id: 'f1',
      type: 'sequenceFlow',
      name: '',
      settings: { sourceRef: 'start', targetRef: 'register' },
    },
  ],
};

describe('compareOutlines', () => {
  it('lists added, removed, renamed and changed elements', () => {
    // given version 2 renames a task, retypes another, adds a gateway and drops a flow
    const v2: ProcessOutline = {
      processId: 'suggestion',
      processName: '代表建议办理（新）',
      elements: [
        { id: 'start', type: 'startEvent', name: '提出建议', settings: {} },
        {
          id: 'register',
          type: 'userTask',
          name: '审查并登记',
          settings: { formKey: 'register-v2', assignee: 'role:deputyAffairs', dueDate: 'P7WD' },
        },
        { id: 'assign', type: 'userTask', name: '交办', settings: { formKey: 'assign' } },
        { id: 'gw', type: 'exclusiveGateway', name: '是否受理', settings: {} },
      ],
    };
    // when compared
    const changes = compareOutlines(v1, v2);
    // then each difference is reported once
    expect(changes.processRenamed).toEqual({ from: '代表建议办理', to: '代表建议办理（新）' });
    expect(changes.added.map((e) => e.id)).toEqual(['gw']);
    expect(changes.removed.map((e) => e.id)).toEqual(['f1']);
    expect(changes.renamed).toEqual([
      { id: 'register', type: 'userTask', from: '审查登记', to: '审查并登记' },
    ]);
    expect(changes.changed).toEqual([
      {
        id: 'register',
        type: 'userTask',
        name: '审查并登记',
        settings: [
          { key: 'dueDate', before: undefined, after: 'P7WD' },
          { key: 'formKey', before: 'register', after: 'register-v2' },
        ],
      },
      {
        id: 'assign',
        type: 'userTask',
        name: '交办',
        settings: [{ key: 'formKey', before: undefined, after: 'assign' }],
        typeChange: { from: 'task', to: 'userTask' },
      },
    ]);
    expect(hasChanges(changes)).toBe(true);
  });

  it('finds nothing between equal versions', () => {
    expect(hasChanges(compareOutlines(v1, structuredClone(v1)))).toBe(false);
  });
});
