import { expressionSource, isExpressionText, splitList } from './expression-text';

describe('isExpressionText', () => {
  it.each(['= amount > 10', '=x', '  = a', '${amount > 10}', ' ${a} '])('accepts %p', (text) => {
    expect(isExpressionText(text)).toBe(true);
  });

  it('matches braces, so a brace inside a FEEL string does not end the expression', () => {
    expect(isExpressionText('${ {a: "}"}.a }')).toBe(true);
    expect(isExpressionText('${a} + ${b}')).toBe(false);
  });

  it.each(['amount > 10', 'P3D', '${unclosed', 'a = b', '#{juel}', ''])('rejects %p', (text) => {
    expect(isExpressionText(text)).toBe(false);
  });
});

describe('expressionSource', () => {
  it('strips the = marker and the ${ } wrapper', () => {
    expect(expressionSource('= amount > 10')).toBe('amount > 10');
    expect(expressionSource('${ amount > 10 }')).toBe('amount > 10');
    expect(expressionSource('plain')).toBe('plain');
  });
});

describe('splitList', () => {
  it('splits on commas and drops blanks', () => {
    expect(splitList(' office, council ,, ')).toEqual(['office', 'council']);
    expect(splitList(undefined)).toEqual([]);
  });

  it('keeps a whole-value expression in one piece', () => {
    expect(splitList('${pick(a, b)}')).toEqual(['${pick(a, b)}']);
    expect(splitList('${a},${b}')).toEqual(['${a}', '${b}']);
  });
});
