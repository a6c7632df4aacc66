import {
  findClosingBrace,
  splitTemplate,
  UnclosedPlaceholderError,
  wholeExpression,
} from './expression-text';

describe('findClosingBrace', () => {
  it('matches nested braces and skips strings and comments', () => {
    expect(findClosingBrace('{a}', 0)).toBe(2);
    expect(findClosingBrace('{ {a: 1}.a }', 0)).toBe(11);
    expect(findClosingBrace('{ "}" }', 0)).toBe(6);
    expect(findClosingBrace('{ "\\"}" }', 0)).toBe(8);
    expect(findClosingBrace('{ a /* } */ }', 0)).toBe(12);
    expect(findClosingBrace('{ a // }\n }', 0)).toBe(10);
    expect(findClosingBrace('{ "}', 0)).toBe(-1);
  });
});

describe('wholeExpression', () => {
  it('locates the body and its offset', () => {
    expect(wholeExpression('= a')).toEqual({ body: ' a', offset: 1 });
    expect(wholeExpression('  ${a}  ')).toEqual({ body: 'a', offset: 4 });
    expect(wholeExpression('${a} ${b}')).toBeNull();
    expect(wholeExpression('a = b')).toBeNull();
  });
});

describe('splitTemplate', () => {
  it('separates text and placeholders', () => {
    expect(splitTemplate('Hi ${name}, see ${ {a: "}"}.a }!')).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'expression', source: { body: 'name', offset: 5 } },
      { kind: 'text', text: ', see ' },
      { kind: 'expression', source: { body: ' {a: "}"}.a ', offset: 18 } },
      { kind: 'text', text: '!' },
    ]);
    expect(splitTemplate('')).toEqual([]);
  });

  it('throws on an unclosed placeholder, with its position', () => {
    expect(() => splitTemplate('ok ${a} then ${b')).toThrow(UnclosedPlaceholderError);
    try {
      splitTemplate('ok ${a} then ${b');
    } catch (error) {
      expect((error as UnclosedPlaceholderError).position).toBe(13);
    }
  });
});
