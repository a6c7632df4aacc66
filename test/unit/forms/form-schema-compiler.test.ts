import { compileFormSchema } from '../../../server/src/forms/validation';

const problemsOf = (schema: unknown) => {
  const result = compileFormSchema(schema);
  return result.ok ? [] : result.problems;
};
const withField = (field: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  'x-cf': { title: '测试', writes: ['f', ...Object.keys(extra)] },
  properties: { f: field, ...extra },
});

describe('publishing a form schema', () => {
  it('accepts a well-formed schema', () => {
    const result = compileFormSchema(
      withField(
        {
          type: 'string',
          'x-component': 'Input',
          'x-component-props': { placeholder: '请输入', allowClear: true },
          'x-reactions': {
            dependencies: ['g'],
            when: "{{ ['B', 'C'].includes($deps[0]) }}",
            fulfill: { state: { visible: true, title: '{{ $deps[0] }}' } },
          },
        },
        { g: { type: 'string' } },
      ),
    );
    expect(result.ok).toBe(true);
  });

  it('requires a root object with x-cf title, reads and writes', () => {
    expect(problemsOf({ type: 'string' })).toEqual([
      { path: 'type', message: "表单根节点应为 type: 'object' 的对象" },
    ]);
    expect(problemsOf({ type: 'object', properties: {} })).toEqual([
      { path: 'x-cf', message: '缺少 x-cf：{ title, reads, writes }' },
    ]);
    expect(
      problemsOf({
        type: 'object',
        'x-cf': { title: '', reads: ['a'], writes: ['a', 'params', 'ghost'], owner: 'x' },
        properties: {
          a: { type: 'string' },
          params: { type: 'object' },
          loose: { type: 'string' },
        },
      }),
    ).toEqual([
      { path: 'x-cf.owner', message: 'x-cf 不支持 “owner”' },
      { path: 'x-cf.title', message: 'x-cf.title 应为非空文本' },
      { path: 'x-cf.writes', message: '“a” 不能同时在 reads 和 writes 中' },
      { path: 'x-cf.writes', message: '“params” 由平台维护，表单不能写入' },
      { path: 'properties.loose', message: '字段 “loose” 既不在 x-cf.reads 也不在 x-cf.writes 中' },
      { path: 'x-cf.writes', message: 'x-cf.writes 中的 “ghost” 不是表单的顶层字段' },
    ]);
  });

  it.each([
    [
      'a function-like reaction',
      { 'x-reactions': '{{ (field) => field.setValue(1) }}' },
      'properties.f.x-reactions',
      'x-reactions 只支持对象形式',
    ],
    [
      'fulfill.run',
      { 'x-reactions': { fulfill: { run: 'alert(1)' } } },
      'properties.f.x-reactions.fulfill.run',
      '不支持 run',
    ],
    [
      'a value-setting reaction',
      { 'x-reactions': { fulfill: { state: { value: '{{ 1 }}' } } } },
      'properties.f.x-reactions.fulfill.state.value',
      '联动不支持设置 “value”',
    ],
    [
      'an expression outside the subset',
      { 'x-reactions': { when: '{{ fetch("/x") }}', fulfill: { state: { visible: true } } } },
      'properties.f.x-reactions.when',
      '表达式超出允许范围',
    ],
    [
      'a call in component props',
      { 'x-component-props': { onChange: '{{ window.open() }}' } },
      'properties.f.x-component-props.onChange',
      '表达式超出允许范围',
    ],
    [
      'an unknown dependency',
      { 'x-reactions': { dependencies: ['nowhere'], fulfill: { state: { visible: true } } } },
      'properties.f.x-reactions.dependencies[0]',
      '没有对应的字段',
    ],
    [
      'a wildcard dependency',
      { 'x-reactions': { dependencies: ['list.*.x'], fulfill: { state: { visible: true } } } },
      'properties.f.x-reactions.dependencies[0]',
      '通配符',
    ],
    [
      'an unknown target',
      { 'x-reactions': { target: 'ghost', fulfill: { state: { visible: true } } } },
      'properties.f.x-reactions.target',
      '没有对应的字段',
    ],
    [
      'a bad display literal',
      { 'x-reactions': { fulfill: { state: { display: 'gone' } } } },
      'properties.f.x-reactions.fulfill.state.display',
      'display 应为',
    ],
    [
      'an expression in x-visible',
      { 'x-visible': "{{ $values.a === 'x' }}" },
      'properties.f.x-visible',
      '请改用 x-reactions',
    ],
    [
      'an unknown format',
      { type: 'string', format: 'postcode' },
      'properties.f.format',
      '不支持的格式',
    ],
    [
      'an unknown x-validator format',
      { type: 'string', 'x-validator': 'ssn' },
      'properties.f.x-validator',
      '不支持的格式',
    ],
    [
      'a function validator',
      { 'x-validator': { validator: '{{ (v) => v }}' } },
      'properties.f.x-validator.validator',
      'x-validator 不支持 “validator”',
    ],
    [
      'an invalid pattern',
      { type: 'string', pattern: '([a-z' },
      'properties.f.pattern',
      '不是有效的正则表达式',
    ],
    [
      'a catastrophic pattern',
      { type: 'string', pattern: '^(a+)+$' },
      'properties.f.pattern',
      '嵌套的重复',
    ],
    [
      'an unknown keyword',
      { type: 'string', $ref: '#/defs/x' },
      'properties.f.$ref',
      '不支持的关键字',
    ],
    ['oneOf', { oneOf: [] }, 'properties.f.oneOf', '不支持的关键字'],
    ['an unknown type', { type: 'money' }, 'properties.f.type', '不支持的类型'],
    [
      'items on a string',
      { type: 'string', items: { type: 'string' } },
      'properties.f.items',
      '只有 array',
    ],
    ['a bad minimum', { type: 'number', minimum: '1' }, 'properties.f.minimum', '应为数字'],
    ['an empty enum', { type: 'string', enum: [] }, 'properties.f.enum', '非空列表'],
    [
      'a required list naming a ghost',
      { type: 'object', required: ['x'], properties: { a: { type: 'string' } } },
      'properties.f.required[0]',
      '不是本对象的字段',
    ],
  ])('refuses %s, naming where', (_label, field, path, message) => {
    const problems = problemsOf(withField(field));
    expect(problems).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('refuses field names the database or the paths cannot hold', () => {
    const problems = problemsOf({
      type: 'object',
      'x-cf': { title: 't', writes: ['$where', 'a.b'] },
      properties: { $where: { type: 'string' }, 'a.b': { type: 'string' } },
    });
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['properties.$where', 'properties["a.b"]']),
    );
  });

  it('refuses a dependency that points into another array row', () => {
    const problems = problemsOf({
      type: 'object',
      'x-cf': { title: 't', writes: ['rows', 'flag'] },
      properties: {
        flag: {
          type: 'string',
          'x-reactions': { dependencies: ['rows.x'], fulfill: { state: { visible: true } } },
        },
        rows: { type: 'array', items: { type: 'object', properties: { x: { type: 'string' } } } },
      },
    });
    expect(problems).toEqual([
      {
        path: 'properties.flag.x-reactions.dependencies[0]',
        message: '路径 “rows.x” 没有对应的字段',
      },
    ]);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf(
      withField(
        { type: 'money', format: 'postcode', 'x-visible': 'yes' },
        { g: { type: 'array', items: [] } },
      ),
    );
    expect(problems.length).toBeGreaterThanOrEqual(4);
  });
});
