import {
  compileFormSchema,
  type CompiledForm,
  validateFormData,
} from '../../../server/src/forms/validation';

function compile(schema: unknown): CompiledForm {
  const result = compileFormSchema(schema);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.form;
}

const form = (
  properties: Record<string, unknown>,
  writes = Object.keys(properties),
  reads: string[] = [],
) => compile({ type: 'object', 'x-cf': { title: '测试', reads, writes }, properties });

/** A reply letter (答复函) in the shape the templates use: codes, conditional fields, a table. */
const reply = compile({
  type: 'object',
  'x-cf': {
    title: '答复函',
    reads: ['suggestion'],
    writes: ['replyCode', 'explanation', 'plan', 'measures', 'contact', 'attachments', 'signedOn'],
  },
  properties: {
    suggestion: { type: 'object', title: '建议', 'x-component': 'ReadOnlyText' },
    layout: {
      type: 'void',
      'x-component': 'FormGrid',
      properties: {
        replyCode: {
          type: 'string',
          title: '答复类别',
          required: true,
          enum: [
            { label: 'A 已解决或采纳', value: 'A' },
            { label: 'B 正在解决或列入计划', value: 'B' },
            { label: 'C 留作参考', value: 'C' },
          ],
          'x-component': 'Radio.Group',
        },
        explanation: {
          type: 'string',
          title: '说明',
          maxLength: 20,
          'x-visible': false,
          'x-reactions': {
            dependencies: ['replyCode'],
            when: "{{ $deps[0] === 'C' }}",
            fulfill: { state: { visible: true, required: true } },
            otherwise: { state: { visible: false } },
          },
        },
        plan: {
          type: 'object',
          title: '计划',
          'x-reactions': {
            dependencies: { code: '.replyCode' },
            fulfill: { state: { display: "{{ $deps.code === 'B' ? 'visible' : 'none' }}" } },
          },
          properties: {
            timetable: { type: 'string', required: true, format: 'date' },
            steps: { type: 'string' },
          },
        },
      },
    },
    measures: {
      type: 'array',
      title: '措施',
      minItems: 1,
      maxItems: 3,
      items: {
        type: 'object',
        properties: {
          what: { type: 'string', required: true, 'x-validator': { whitespace: true } },
          status: { type: 'string', enum: ['完成', '推进中', '未完成'] },
          why: {
            type: 'string',
            'x-reactions': {
              dependencies: ['.status'],
              fulfill: { state: { required: "{{ $deps[0] === '未完成' }}" } },
            },
          },
        },
      },
    },
    contact: {
      type: 'object',
      properties: {
        email: { type: 'string', 'x-validator': 'email' },
        phone: { type: 'string', format: 'phone' },
        zip: { type: 'string', 'x-validator': { pattern: '^\\d{6}$', message: '邮编为 6 位数字' } },
      },
    },
    attachments: { type: 'array', items: { type: 'string' }, 'x-display': 'hidden' },
    signedOn: {
      type: 'string',
      'x-validator': [{ required: true, message: '请填写签发日期' }, 'date'],
    },
  },
});

const validReply = {
  replyCode: 'A',
  measures: [{ what: '增设公交线路', status: '完成' }],
  signedOn: '2026-03-01',
};

describe('server-side form validation', () => {
  it('accepts valid data and reports nothing', () => {
    expect(validateFormData(reply, validReply)).toEqual([]);
  });

  it('reports every error at once, with dot/bracket paths and zh-CN messages', () => {
    const errors = validateFormData(reply, {
      replyCode: 'D',
      measures: [{ what: '   ', status: '未完成' }, { status: '拖延' }],
      contact: { email: 'not-mail', phone: '12345', zip: '1000' },
      signedOn: '2026-02-30',
      extra: 1,
    });
    expect(errors).toEqual([
      { path: 'replyCode', message: '不在可选范围内' },
      { path: 'measures[0].what', message: '不能只包含空白字符' },
      { path: 'measures[0].why', message: '此项为必填' },
      { path: 'measures[1].what', message: '此项为必填' },
      { path: 'measures[1].status', message: '不在可选范围内' },
      { path: 'contact.email', message: '请输入正确的电子邮箱地址' },
      { path: 'contact.phone', message: '请输入正确的电话号码' },
      { path: 'contact.zip', message: '邮编为 6 位数字' },
      { path: 'signedOn', message: '请输入正确的日期（YYYY-MM-DD）' },
      { path: 'extra', message: '表单中没有此字段' },
    ]);
  });

  it('uses the author message of a required x-validator', () => {
    const errors = validateFormData(reply, { ...validReply, signedOn: '' });
    expect(errors).toEqual([{ path: 'signedOn', message: '请填写签发日期' }]);
  });

  describe('conditional rules through x-reactions', () => {
    it('reply code C requires an explanation', () => {
      expect(validateFormData(reply, { ...validReply, replyCode: 'C' })).toEqual([
        { path: 'explanation', message: '此项为必填' },
      ]);
      expect(
        validateFormData(reply, { ...validReply, replyCode: 'C', explanation: '条件不具备' }),
      ).toEqual([]);
    });

    it('an explanation for a code other than C is refused (the browser would have dropped it)', () => {
      expect(validateFormData(reply, { ...validReply, explanation: '多余' })).toEqual([
        { path: 'explanation', message: '此项当前不显示，不能填写' },
      ]);
      expect(validateFormData(reply, { ...validReply, explanation: '' })).toEqual([]);
    });

    it('code B shows the plan object, whose own fields are then required', () => {
      expect(validateFormData(reply, { ...validReply, replyCode: 'B' })).toEqual([
        { path: 'plan.timetable', message: '此项为必填' },
      ]);
      expect(
        validateFormData(reply, {
          ...validReply,
          replyCode: 'B',
          plan: { timetable: '2026-06-30' },
        }),
      ).toEqual([]);
      expect(validateFormData(reply, { ...validReply, plan: { timetable: '2026-06-30' } })).toEqual(
        [{ path: 'plan', message: '此项当前不显示，不能填写' }],
      );
    });

    it('relative dependencies stay in their array row', () => {
      const errors = validateFormData(reply, {
        ...validReply,
        measures: [
          { what: 'a', status: '完成' },
          { what: 'b', status: '未完成' },
          { what: 'c', status: '未完成', why: '资金未到位' },
        ],
      });
      expect(errors).toEqual([{ path: 'measures[1].why', message: '此项为必填' }]);
    });

    it('evaluates chains whatever their order in the schema', () => {
      const chain = form({
        c: {
          type: 'string',
          'x-reactions': {
            dependencies: ['b'],
            fulfill: { state: { required: '{{ !!$deps[0] }}' } },
          },
        },
        b: {
          type: 'string',
          'x-visible': false,
          'x-reactions': {
            dependencies: ['a'],
            fulfill: { state: { visible: "{{ $deps[0] === 'yes' }}" } },
          },
        },
        a: { type: 'string' },
      });
      expect(validateFormData(chain, { a: 'yes', b: 'x' })).toEqual([
        { path: 'c', message: '此项为必填' },
      ]);
      // a hidden b has no value, so c is not required; b's value is refused
      expect(validateFormData(chain, { a: 'no', b: 'x' })).toEqual([
        { path: 'b', message: '此项当前不显示，不能填写' },
      ]);
    });

    it('supports target reactions, $values, $self and schema-form fulfilment', () => {
      const targeted = form({
        rating: {
          type: 'string',
          enum: ['满意', '基本满意', '不满意'],
          'x-reactions': {
            target: 'reasons',
            fulfill: { schema: { 'x-visible': "{{ $self.value === '不满意' }}", required: true } },
          },
        },
        reasons: { type: 'string', 'x-visible': false },
        withdraw: {
          type: 'boolean',
          'x-reactions': {
            target: 'withdrawReason',
            when: '{{ $values.withdraw === true }}',
            fulfill: { state: { display: 'visible', required: true } },
            otherwise: { state: { display: 'none' } },
          },
        },
        withdrawReason: { type: 'string' },
      });
      expect(validateFormData(targeted, { rating: '不满意', withdraw: false })).toEqual([
        { path: 'reasons', message: '此项为必填' },
      ]);
      expect(validateFormData(targeted, { rating: '满意', withdraw: true })).toEqual([
        { path: 'withdrawReason', message: '此项为必填' },
      ]);
      expect(validateFormData(targeted, { rating: '基本满意', withdraw: false })).toEqual([]);
    });

    it('a hidden void container hides the fields inside it', () => {
      const grouped = form(
        {
          kind: { type: 'string' },
          group: {
            type: 'void',
            'x-reactions': {
              dependencies: ['kind'],
              fulfill: { state: { visible: "{{ $deps[0] === '退办' }}" } },
            },
            properties: { reason: { type: 'string', required: true, minLength: 5 } },
          },
        },
        ['kind', 'reason'],
      );
      expect(validateFormData(grouped, { kind: '退办' })).toEqual([
        { path: 'reason', message: '此项为必填' },
      ]);
      expect(validateFormData(grouped, { kind: '退办', reason: '不属于' })).toEqual([
        { path: 'reason', message: '至少 5 个字符' },
      ]);
      expect(validateFormData(grouped, { kind: '接受' })).toEqual([]);
    });

    it('reactions can make a field read-only', () => {
      const locking = form({
        locked: { type: 'boolean' },
        amount: {
          type: 'number',
          'x-reactions': {
            dependencies: ['locked'],
            fulfill: { state: { readOnly: '{{ $deps[0] }}' } },
          },
        },
      });
      expect(validateFormData(locking, { locked: true, amount: 3 })).toEqual([
        { path: 'amount', message: '此项为只读，不能修改' },
      ]);
      expect(validateFormData(locking, { locked: false, amount: 3 })).toEqual([]);
    });
  });

  describe('visibility and read-only fields', () => {
    it('hidden fields are not required, but a kept value is still type-checked', () => {
      const hidden = form({
        a: { type: 'string', required: true, 'x-display': 'hidden' },
        b: { type: 'string', required: true, 'x-hidden': true },
        c: { type: 'string', required: true, 'x-display': 'none' },
      });
      expect(validateFormData(hidden, {})).toEqual([]);
      expect(validateFormData(hidden, { a: 3 })).toEqual([{ path: 'a', message: '应为文本' }]);
      expect(validateFormData(hidden, { c: 'x' })).toEqual([
        { path: 'c', message: '此项当前不显示，不能填写' },
      ]);
    });

    it('read-only fields accept nothing but their current value', () => {
      expect(
        validateFormData(
          reply,
          { ...validReply, suggestion: { title: 'x' } },
          { current: { suggestion: { title: 'x' } } },
        ),
      ).toEqual([]);
      expect(
        validateFormData(
          reply,
          { ...validReply, suggestion: { title: 'y' } },
          { current: { suggestion: { title: 'x' } } },
        ),
      ).toEqual([{ path: 'suggestion', message: '此项为只读，不能修改' }]);
      const flagged = form({
        a: { type: 'string', 'x-read-only': true },
        b: { type: 'string', 'x-pattern': 'readPretty' },
        c: { type: 'string', 'x-editable': false },
        d: { type: 'string', readOnly: true, required: true },
      });
      expect(validateFormData(flagged, { a: 'x', b: 'y', c: 'z' })).toEqual([
        { path: 'a', message: '此项为只读，不能修改' },
        { path: 'b', message: '此项为只读，不能修改' },
        { path: 'c', message: '此项为只读，不能修改' },
      ]);
    });

    it('reactions see the variables the form reads even when the browser does not send them', () => {
      const reading = form(
        {
          code: { type: 'string' },
          reason: {
            type: 'string',
            'x-reactions': {
              dependencies: ['code'],
              fulfill: { state: { required: "{{ $deps[0] === 'C' }}" } },
            },
          },
        },
        ['reason'],
        ['code'],
      );
      expect(validateFormData(reading, {}, { current: { code: 'C' } })).toEqual([
        { path: 'reason', message: '此项为必填' },
      ]);
      expect(validateFormData(reading, {}, { current: { code: 'A' } })).toEqual([]);
    });
  });

  describe('types, ranges and formats', () => {
    const typed = form({
      text: { type: 'string', minLength: 2, maxLength: 4 },
      count: { type: 'integer', minimum: 1, maximum: 10 },
      share: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      flag: { type: 'boolean' },
      day: { type: 'date' },
      at: { type: 'datetime' },
      tags: { type: 'array', items: { type: 'string', enum: ['甲', '乙'] }, uniqueItems: true },
      picks: {
        type: 'array',
        enum: ['满意', '基本满意', '不满意'],
        'x-validator': { max: 1, message: '只能选一项' },
      },
      money: { type: 'string', 'x-validator': { format: 'money' } },
      id: { type: 'string', format: 'idcard' },
      web: { type: 'string', format: 'url' },
      zh: { type: 'string', 'x-validator': 'zh' },
      opaque: { type: 'object' },
      anything: {},
    });

    it.each([
      ['text', 'a', '至少 2 个字符'],
      ['text', '人民代表大会', '最多 4 个字符'],
      ['text', 12, '应为文本'],
      ['count', 0, '不能小于 1'],
      ['count', 11, '不能大于 10'],
      ['count', 1.5, '应为整数'],
      ['count', '3', '应为整数'],
      ['share', 0, '必须大于 0'],
      ['share', 1, '必须小于 1'],
      ['share', Number.NaN, '应为数字'],
      ['flag', 'true', '应为“是”或“否”'],
      ['day', '2026-13-01', '请输入正确的日期（YYYY-MM-DD）'],
      ['at', '2026-01-01 25:00', '请输入正确的日期时间'],
      ['tags', ['甲', '甲'], '不能有重复项'],
      ['tags', '甲', '应为列表'],
      ['picks', ['满意', '不满意'], '只能选一项'],
      ['money', '12.345', '请输入正确的金额'],
      ['id', '11010519491231002Y', '请输入正确的身份证号码'],
      ['id', '110105194912310021', '请输入正确的身份证号码'],
      ['web', 'ftp://x', '请输入正确的网址'],
      ['zh', '人大abc', '只能输入中文'],
      ['opaque', [1], '应为一组字段（对象）'],
    ])('%s = %p → %s', (field, value, message) => {
      expect(validateFormData(typed, { [field]: value })).toEqual([{ path: field, message }]);
    });

    it.each([
      ['text', '人大'],
      ['count', 10],
      ['share', 0.5],
      ['flag', false],
      ['day', '2024-02-29'],
      ['at', '2026-01-01T09:00:00+08:00'],
      ['at', '2026-01-01 09:00'],
      ['tags', ['甲', '乙']],
      ['picks', ['不满意']],
      ['money', '12.30'],
      ['id', '11010519491231002X'],
      ['web', 'https://www.npc.gov.cn/'],
      ['zh', '人民代表大会'],
      ['opaque', { any: { thing: 1 } }],
      ['anything', [1, 'two']],
      ['text', null],
    ])('%s = %p is fine', (field, value) => {
      expect(validateFormData(typed, { [field]: value })).toEqual([]);
    });

    it('checks array sizes and item schemas', () => {
      expect(validateFormData(typed, { tags: ['甲', '丙'] })).toEqual([
        { path: 'tags[1]', message: '不在可选范围内' },
      ]);
      expect(validateFormData(reply, { ...validReply, measures: [] })).toEqual([]);
      const required = form({
        list: { type: 'array', required: true, items: { type: 'number' }, maxItems: 2 },
      });
      expect(validateFormData(required, { list: [] })).toEqual([
        { path: 'list', message: '此项为必填' },
      ]);
      expect(validateFormData(required, { list: [1, 'x', 3] })).toEqual([
        { path: 'list', message: '最多 2 项' },
        { path: 'list[1]', message: '应为数字' },
      ]);
    });

    it('refuses data that is not an object', () => {
      expect(validateFormData(reply, ['x'])).toEqual([{ path: '', message: '提交的数据应为对象' }]);
    });

    it('takes the parent required list as well as required: true', () => {
      const listed = compile({
        type: 'object',
        'x-cf': { title: 't', writes: ['a', 'b'] },
        required: ['a'],
        properties: { a: { type: 'string' }, b: { type: 'string' } },
      });
      expect(validateFormData(listed, { b: 'x' })).toEqual([{ path: 'a', message: '此项为必填' }]);
    });
  });
});

describe('Formily layouts', () => {
  it('looks through ArrayTable columns and buttons', () => {
    const table = form({
      rows: {
        type: 'array',
        'x-component': 'ArrayTable',
        items: {
          type: 'object',
          properties: {
            column1: {
              type: 'void',
              'x-component': 'ArrayTable.Column',
              'x-component-props': { title: '事项' },
              properties: { title: { type: 'string', required: true } },
            },
            column2: {
              type: 'void',
              'x-component': 'ArrayTable.Column',
              properties: { remove: { type: 'void', 'x-component': 'ArrayTable.Remove' } },
            },
          },
        },
        properties: { add: { type: 'void', title: '添加', 'x-component': 'ArrayTable.Addition' } },
      },
    });
    expect(validateFormData(table, { rows: [{ title: '甲' }, {}] })).toEqual([
      { path: 'rows[1].title', message: '此项为必填' },
    ]);
    expect(validateFormData(table, { rows: [{ title: '甲', column1: 'x' }] })).toEqual([
      { path: 'rows[0].column1', message: '表单中没有此字段' },
    ]);
  });

  it('refuses keys the database cannot store inside free-form objects', () => {
    const free = form({ extra: { type: 'object' } });
    expect(validateFormData(free, { extra: { ok: { $gt: 1 }, 'a.b': 2 } })).toEqual([
      { path: 'extra.ok.$gt', message: '字段名不能以 $ 开头，也不能包含 “.”' },
      { path: 'extra.a.b', message: '字段名不能以 $ 开头，也不能包含 “.”' },
    ]);
  });
});
