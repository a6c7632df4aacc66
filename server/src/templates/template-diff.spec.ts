import { formOutline } from './form-outline';
import { diffTemplate, isEmptyDiff, type TemplateContent } from './template-diff';

const content = (overrides: Partial<TemplateContent> = {}): TemplateContent => ({
  processes: [
    {
      key: 'p',
      hash: 'p1',
      elements: [
        { id: 'start', type: 'startEvent', name: '开始' },
        { id: 'review', type: 'userTask', name: '审查' },
      ],
    },
  ],
  forms: [{ key: 'f', hash: 'f1', fields: [{ path: 'opinion', type: 'string', title: '意见' }] }],
  documents: ['notice'],
  ...overrides,
});

describe('diffTemplate', () => {
  it('finds nothing between equal versions', () => {
    expect(isEmptyDiff(diffTemplate(content(), content()))).toBe(true);
  });

  it('names elements and fields added, removed and renamed, and whole files added or removed', () => {
    const next = content({
      processes: [
        {
          key: 'p',
          hash: 'p2',
          elements: [
            { id: 'review', type: 'userTask', name: '审查登记' },
            { id: 'assign', type: 'userTask', name: '交办' },
          ],
        },
        { key: 'q', hash: 'q1', elements: [] },
      ],
      forms: [],
      documents: ['notice', 'minutes'],
    });
    expect(diffTemplate(content(), next)).toEqual({
      processes: [
        {
          key: 'p',
          change: 'modified',
          elements: {
            added: [{ id: 'assign', type: 'userTask', name: '交办' }],
            removed: [{ id: 'start', type: 'startEvent', name: '开始' }],
            renamed: [{ id: 'review', from: '审查', to: '审查登记' }],
          },
        },
        { key: 'q', change: 'added', elements: { added: [], removed: [], renamed: [] } },
      ],
      forms: [
        {
          key: 'f',
          change: 'removed',
          fields: {
            added: [],
            removed: [{ path: 'opinion', type: 'string', title: '意见' }],
            renamed: [],
          },
        },
      ],
      documents: { added: ['minutes'], removed: [] },
    });
  });

  it('shows a file whose text changed without any named change as modified with empty lists', () => {
    const next = content({ forms: [{ ...content().forms[0], hash: 'f2' }] });
    expect(diffTemplate(content(), next).forms).toEqual([
      { key: 'f', change: 'modified', fields: { added: [], removed: [], renamed: [] } },
    ]);
  });
});

describe('formOutline', () => {
  it('lists data fields by path, leaving layout containers out and marking array rows', () => {
    const schema = {
      type: 'object',
      properties: {
        grid: {
          type: 'void',
          properties: { title: { type: 'string', title: '标题' } },
        },
        items: {
          type: 'array',
          title: '明细',
          items: { type: 'object', properties: { amount: { type: 'number', title: '金额' } } },
        },
      },
    };
    expect(formOutline(schema)).toEqual([
      { path: 'title', type: 'string', title: '标题' },
      { path: 'items', type: 'array', title: '明细' },
      { path: 'items[].amount', type: 'number', title: '金额' },
    ]);
  });
});
