import {
  emptyForm,
  variablesOf,
  type FieldModel,
  type FormModel,
} from '../../../designer/src/modules/form-designer/model/form-model';
import {
  blankField,
  modelToSchema,
  sameSchema,
  schemaToModel,
  SchemaImportError,
  type JsonSchema,
} from '../../../designer/src/modules/form-designer/model/schema-model';

function ids() {
  let n = 0;
  return () => `id${(n += 1)}`;
}

function field(kind: FieldModel['kind'], key: string, patch: Partial<FieldModel> = {}): FieldModel {
  return { ...blankField(key, kind, key, key), rest: { 'x-decorator': 'FormItem' }, ...patch };
}

/** A reply form as the template library writes it: every kind the palette offers. */
const replySchema: JsonSchema = {
  type: 'object',
  'x-cf': {
    title: '答复函',
    reads: ['suggestion', 'deputyName'],
    writes: [
      'replyCode',
      'reason',
      'replyText',
      'email',
      'handledOn',
      'score',
      'contacts',
      'leadUnit',
      'files',
      'channels',
      'items',
    ],
  },
  properties: {
    suggestion: {
      type: 'string',
      title: '建议内容',
      'x-decorator': 'FormItem',
      'x-component': 'ReadOnlyText',
    },
    replyCode: {
      type: 'string',
      title: '答复类别',
      required: true,
      enum: [
        { label: 'A 类（已解决或采纳）', value: 'A' },
        { label: 'B 类（正在解决）', value: 'B' },
        { label: 'C 类（留作参考）', value: 'C' },
      ],
      'x-decorator': 'FormItem',
      'x-component': 'Radio.Group',
    },
    reason: {
      type: 'string',
      title: '说明理由',
      'x-decorator': 'FormItem',
      'x-component': 'Input.TextArea',
      'x-reactions': {
        dependencies: ['replyCode'],
        when: "{{ $deps[0] === 'C' }}",
        fulfill: { state: { visible: true } },
        otherwise: { state: { visible: false } },
      },
    },
    replyText: {
      type: 'string',
      title: '答复正文',
      description: '写明办理措施与结果',
      minLength: 10,
      maxLength: 2000,
      'x-decorator': 'FormItem',
      'x-component': 'Input.TextArea',
      'x-component-props': { rows: 6, placeholder: '请输入' },
    },
    email: {
      type: 'string',
      title: '联系邮箱',
      format: 'email',
      'x-validator': [{ pattern: '^\\S+@example\\.cn$', message: '请使用单位邮箱' }],
      'x-decorator': 'FormItem',
      'x-component': 'Input',
    },
    handledOn: {
      type: 'string',
      title: '办结日期',
      format: 'date',
      'x-decorator': 'FormItem',
      'x-component': 'DatePicker',
    },
    score: {
      type: 'integer',
      title: '评分',
      minimum: 0,
      maximum: 100,
      'x-decorator': 'FormItem',
      'x-component': 'NumberPicker',
    },
    contacts: {
      type: 'array',
      title: '联系人',
      items: { type: 'string' },
      'x-decorator': 'FormItem',
      'x-component': 'UserPicker',
      'x-component-props': { multiple: true, role: 'unit' },
    },
    leadUnit: {
      type: 'string',
      title: '主办单位',
      'x-decorator': 'FormItem',
      'x-component': 'UnitPicker',
    },
    files: {
      type: 'array',
      title: '附件',
      maxItems: 5,
      'x-decorator': 'FormItem',
      'x-component': 'Attachments',
    },
    channels: {
      type: 'array',
      title: '沟通方式',
      enum: [
        { label: '面商', value: 'meet' },
        { label: '电话', value: 'phone' },
      ],
      minItems: 1,
      'x-decorator': 'FormItem',
      'x-component': 'Checkbox.Group',
    },
    items: {
      type: 'array',
      title: '整改事项',
      'x-decorator': 'FormItem',
      'x-component': 'ArrayTable',
      items: {
        type: 'object',
        properties: {
          c1: {
            type: 'void',
            'x-component': 'ArrayTable.Column',
            'x-component-props': { title: '事项', width: 240 },
            properties: {
              item: {
                type: 'string',
                required: true,
                'x-decorator': 'FormItem',
                'x-component': 'Input',
              },
            },
          },
          c2: {
            type: 'void',
            'x-component': 'ArrayTable.Column',
            'x-component-props': { title: '状态' },
            properties: {
              status: {
                type: 'string',
                enum: ['完成', '推进中', '未完成'],
                'x-decorator': 'FormItem',
                'x-component': 'Select',
              },
            },
          },
          ops: {
            type: 'void',
            'x-component': 'ArrayTable.Column',
            'x-component-props': { title: '操作' },
            properties: { remove: { type: 'void', 'x-component': 'ArrayTable.Remove' } },
          },
        },
      },
      properties: { add: { type: 'void', title: '添加', 'x-component': 'ArrayTable.Addition' } },
    },
  },
};

describe('schemaToModel', () => {
  it('reads every palette kind into the builder', () => {
    // given the reply form, when it is imported
    const { model, warnings } = schemaToModel(replySchema, ids());
    // then every field is editable and nothing is kept as custom
    expect(warnings).toEqual([]);
    expect(model.title).toBe('答复函');
    expect(model.extraReads).toEqual(['deputyName']);
    expect(model.fields.map((f) => [f.key, f.kind])).toEqual([
      ['suggestion', 'display'],
      ['replyCode', 'radio'],
      ['reason', 'textarea'],
      ['replyText', 'textarea'],
      ['email', 'text'],
      ['handledOn', 'date'],
      ['score', 'number'],
      ['contacts', 'user'],
      ['leadUnit', 'unit'],
      ['files', 'attachment'],
      ['channels', 'checkbox'],
      ['items', 'table'],
    ]);
    const byKey = Object.fromEntries(model.fields.map((f) => [f.key, f]));
    expect(byKey.suggestion.readsEarlierValue).toBe(true);
    expect(byKey.replyCode.required).toBe(true);
    expect(byKey.replyCode.options[2]).toEqual({ label: 'C 类（留作参考）', value: 'C' });
    expect(byKey.reason.visibility).toEqual({
      field: 'replyCode',
      operator: 'equals',
      values: ['C'],
    });
    expect(byKey.replyText.validation).toEqual({ minLength: 10, maxLength: 2000 });
    expect(byKey.replyText.placeholder).toBe('请输入');
    expect(byKey.replyText.componentProps).toEqual({ rows: 6 });
    expect(byKey.email.validation).toEqual({
      format: 'email',
      pattern: '^\\S+@example\\.cn$',
      patternMessage: '请使用单位邮箱',
    });
    expect(byKey.score.integer).toBe(true);
    expect(byKey.contacts.multiple).toBe(true);
    expect(byKey.contacts.componentProps).toEqual({ role: 'unit' });
    expect(byKey.items.columns.map((c) => [c.key, c.kind, c.label, c.required])).toEqual([
      ['item', 'text', '事项', true],
      ['status', 'select', '状态', false],
    ]);
    expect(byKey.items.columns[0].columnProps).toEqual({ width: 240 });
  });

  it('keeps what it cannot edit as a custom field, unchanged', () => {
    const schema: JsonSchema = {
      type: 'object',
      'x-cf': { title: '测评', reads: ['items'], writes: ['marks'] },
      properties: {
        marks: {
          type: 'array',
          title: '测评',
          'x-component': 'BallotItems',
          'x-component-props': { source: 'items' },
        },
        odd: { type: 'number', title: '奇怪的输入框', 'x-component': 'Input' },
      },
    };
    const { model, warnings } = schemaToModel(schema, ids());
    expect(model.fields.map((f) => f.kind)).toEqual(['custom', 'custom']);
    expect(warnings.map((w) => [w.key, w.field])).toEqual([
      ['customField', 'marks'],
      ['customField', 'odd'],
    ]);
    expect(modelToSchema(model).properties).toEqual(schema.properties);
  });

  it('keeps a reaction it cannot read as it was', () => {
    const reaction = {
      dependencies: ['a'],
      fulfill: { state: { required: '{{ $deps[0] > 3 }}' } },
    };
    const schema: JsonSchema = {
      type: 'object',
      'x-cf': { title: 't', reads: [], writes: ['b'] },
      properties: { b: { type: 'string', 'x-component': 'Input', 'x-reactions': reaction } },
    };
    const { model } = schemaToModel(schema, ids());
    expect(model.fields[0].kind).toBe('text');
    expect(model.fields[0].visibility).toBeNull();
    expect(model.fields[0].rest['x-reactions']).toEqual(reaction);
  });

  it('folds a parent required list into the fields and orders by x-index', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['b'],
      'x-cf': { title: 't', writes: ['a', 'b'] },
      properties: {
        a: { type: 'string', 'x-component': 'Input', 'x-index': 2 },
        b: { type: 'string', 'x-component': 'Input', 'x-index': 1 },
      },
    };
    const { model } = schemaToModel(schema, ids());
    expect(model.fields.map((f) => [f.key, f.required])).toEqual([
      ['b', true],
      ['a', false],
    ]);
  });

  it('refuses what is no form at all', () => {
    expect(() => schemaToModel([], ids())).toThrow(SchemaImportError);
    expect(() => schemaToModel({ type: 'string' }, ids())).toThrow(SchemaImportError);
  });

  it('warns about a missing x-cf', () => {
    const { warnings } = schemaToModel({ type: 'object', properties: {} }, ids());
    expect(warnings).toEqual([{ key: 'noMeta' }]);
  });
});

describe('modelToSchema', () => {
  it('round-trips the reply form to an equivalent schema', () => {
    const { model } = schemaToModel(replySchema, ids());
    const written = modelToSchema(model);
    // the table's tool column and addition are written in the builder's own way
    const { items: writtenItems, ...writtenRest } = written.properties as Record<
      string,
      JsonSchema
    >;
    const { items: originalItems, ...originalRest } = replySchema.properties as Record<
      string,
      JsonSchema
    >;
    expect(sameSchema(writtenRest, originalRest)).toBe(true);
    expect(writtenItems['x-component']).toBe(originalItems['x-component']);
    expect(written['x-cf']).toEqual({
      title: '答复函',
      reads: ['suggestion', 'deputyName'],
      writes: [
        'replyCode',
        'reason',
        'replyText',
        'email',
        'handledOn',
        'score',
        'contacts',
        'leadUnit',
        'files',
        'channels',
        'items',
      ],
    });
    // and reading it again gives the same model
    const again = schemaToModel(written, ids()).model;
    expect(strip(again)).toEqual(strip(model));
  });

  it('writes an array table the way @formily/antd-v5 renders it', () => {
    const model: FormModel = {
      ...emptyForm('整改'),
      fields: [
        field('table', 'ledger', {
          label: '整改台账',
          columns: [
            field('text', 'measure', { label: '措施' }),
            field('date', 'deadline', { label: '期限' }),
          ],
        }),
      ],
    };
    const ledger = (modelToSchema(model).properties as Record<string, JsonSchema>).ledger;
    expect(ledger.type).toBe('array');
    expect(ledger['x-component']).toBe('ArrayTable');
    const columns = (ledger.items as JsonSchema).properties as Record<string, JsonSchema>;
    expect(Object.keys(columns)).toEqual(['measureColumn', 'deadlineColumn', 'operations']);
    expect(columns.measureColumn).toEqual({
      type: 'void',
      'x-component': 'ArrayTable.Column',
      'x-component-props': { title: '措施' },
      properties: {
        measure: { type: 'string', 'x-decorator': 'FormItem', 'x-component': 'Input' },
      },
    });
    expect((columns.deadlineColumn.properties as Record<string, JsonSchema>).deadline.format).toBe(
      'date',
    );
    expect(ledger.properties).toEqual({
      add: { type: 'void', title: '添加一行', 'x-component': 'ArrayTable.Addition' },
    });
  });

  it('writes a visibility rule as a reaction of the restricted language', () => {
    const model: FormModel = {
      ...emptyForm('t'),
      fields: [
        field('select', 'category', { options: [{ label: '甲', value: 'a' }] }),
        field('text', 'detail', {
          visibility: { field: 'category', operator: 'oneOf', values: ['a', "b'c"] },
        }),
      ],
    };
    const detail = (modelToSchema(model).properties as Record<string, JsonSchema>).detail;
    expect(detail['x-reactions']).toEqual({
      dependencies: ['category'],
      when: "{{ ['a', 'b\\'c'].includes($deps[0]) }}",
      fulfill: { state: { visible: true } },
      otherwise: { state: { visible: false } },
    });
  });

  it('puts earlier values in reads and every other field in writes', () => {
    const model: FormModel = {
      ...emptyForm('t'),
      extraReads: ['title', 'shown'],
      fields: [field('display', 'shown', { readsEarlierValue: true }), field('text', 'answer')],
    };
    expect(variablesOf(model)).toEqual({ reads: ['shown', 'title'], writes: ['answer'] });
    expect(modelToSchema(model)['x-cf']).toEqual({
      title: 't',
      reads: ['shown', 'title'],
      writes: ['answer'],
    });
  });

  it('writes multiple choices as arrays and whole numbers as integer', () => {
    const model: FormModel = {
      ...emptyForm('t'),
      fields: [
        field('select', 'tags', {
          multiple: true,
          options: [{ label: '一', value: 1 }],
          validation: { maxItems: 3 },
        }),
        field('unit', 'units', { multiple: true }),
        field('number', 'count', { integer: true, validation: { minimum: 1 } }),
        field('radio', 'level', {
          options: [
            { label: '一', value: 1 },
            { label: '二', value: 2 },
          ],
        }),
      ],
    };
    const p = modelToSchema(model).properties as Record<string, JsonSchema>;
    expect(p.tags).toMatchObject({
      type: 'array',
      maxItems: 3,
      'x-component-props': { mode: 'multiple' },
    });
    expect(p.units).toMatchObject({
      type: 'array',
      items: { type: 'string' },
      'x-component-props': { multiple: true },
    });
    expect(p.count).toMatchObject({ type: 'integer', minimum: 1 });
    expect(p.level.type).toBe('number');
  });
});

function strip(model: FormModel): unknown {
  const fields = (list: FieldModel[]): unknown[] =>
    list.map(({ id: _id, columns, ...rest }) => ({ ...rest, columns: fields(columns) }));
  return { ...model, fields: fields(model.fields) };
}
