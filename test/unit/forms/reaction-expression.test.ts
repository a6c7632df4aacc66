import {
  evaluate,
  parseExpression,
  readTemplateValue,
} from '../../../server/src/forms/validation/expression';

const run = (text: string, scope: Record<string, unknown> = {}) =>
  evaluate(parseExpression(text), scope);

describe('the restricted reaction-expression language', () => {
  it.each([
    ["$deps[0] === 'C'", { $deps: ['C'] }, true],
    ["$deps[0] === 'C'", { $deps: ['A'] }, false],
    ["$deps[0] !== 'C'", { $deps: ['A'] }, true],
    ["['B', 'C'].includes($deps[0])", { $deps: ['B'] }, true],
    ["['B', 'C'].includes($deps[0])", { $deps: ['A'] }, false],
    [
      '$values.rating === "dissatisfied" && !$values.contacted',
      { $values: { rating: 'dissatisfied', contacted: false } },
      true,
    ],
    ['$values.a || $values.b', { $values: { a: 0, b: 'x' } }, 'x'],
    ['$self.value > 10', { $self: { value: 11 } }, true],
    ['$self.value >= 10', { $self: { value: 'ten' } }, false],
    ['$deps.code == null', { $deps: { code: undefined } }, true],
    ['$deps.code == 0', { $deps: { code: '0' } }, false],
    ["$deps[0] ? 'visible' : 'none'", { $deps: [true] }, 'visible'],
    ["$deps[0] ? 'visible' : 'none'", { $deps: [''] }, 'none'],
    ['$record.kind === "B" && $index === 1', { $record: { kind: 'B' }, $index: 1 }, true],
    ['$values.items.length > 0', { $values: { items: [1] } }, true],
    ["$values['key with space']", { $values: { 'key with space': 3 } }, 3],
    ['$form.values.x', { $form: { values: { x: 'y' } } }, 'y'],
    ["'退办'.includes($deps[0])", { $deps: ['退'] }, true],
    ['($deps[0] === 1 || $deps[0] === 2) && !($deps[1])', { $deps: [2, false] }, true],
    ['$values.missing.deeper', { $values: {} }, undefined],
  ])('%s → %p', (text, scope, expected) => {
    expect(run(text, scope)).toEqual(expected);
  });

  it.each([
    ['alert(1)', '不支持的名称'],
    ['$deps.constructor', '不允许访问'],
    ["$values['__proto__']", '不允许访问'],
    ['$deps[0].toString()', '只允许 includes'],
    ['$deps.map(x)', '只允许 includes'],
    ['(field) => field.value', '不支持的字符'],
    ['$values.a = 1', '不支持的字符'],
    ['new Date()', '不支持的名称'],
    ['`template`', '不支持的字符'],
    ['window.location', '不支持的名称'],
    ['$deps[0] ===', '表达式不完整'],
    ["'unterminated", '结束引号'],
    ['$deps[0] $deps[1]', '多余的内容'],
    ['this.x', '不支持的名称'],
    ['$deps[0]; process.exit()', '不支持的字符'],
  ])('refuses %s', (text, message) => {
    expect(() => parseExpression(text)).toThrow(message);
  });

  it('never reads through prototypes, even with a computed key', () => {
    // the key is computed at run time, so the parser cannot see it; the evaluator refuses it
    expect(run('$values[$deps[0]]', { $values: {}, $deps: ['constructor'] })).toBeUndefined();
    expect(run('$deps[0].length', { $deps: [{ length: 5 }] })).toBe(5);
    expect(run("$deps['toString']", { $deps: [] })).toBeUndefined();
  });

  it('reads literals and whole {{ }} templates only', () => {
    expect(readTemplateValue(true)).toEqual({ kind: 'literal', value: true });
    expect(readTemplateValue('none')).toEqual({ kind: 'literal', value: 'none' });
    expect(readTemplateValue(" {{ $deps[0] === 'C' }} ").kind).toBe('expression');
    expect(() => readTemplateValue('a {{ $deps[0] }}')).toThrow('整体');
    expect(() => readTemplateValue('{{ }}')).toThrow('为空');
  });
});
