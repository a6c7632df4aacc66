/** Splits an expression into tokens; anything outside the language is a positioned error. */
export type Token =
  | { type: 'string'; value: string; at: number }
  | { type: 'number'; value: number; at: number }
  | { type: 'identifier'; value: string; at: number }
  | { type: 'punctuator'; value: string; at: number }
  | { type: 'end'; at: number };

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
    this.name = 'ExpressionSyntaxError';
  }
}

// Longest first, so '===' is not read as '==' followed by '='.
const PUNCTUATORS = [
  '===',
  '!==',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '<',
  '>',
  '!',
  '(',
  ')',
  '[',
  ']',
  '.',
  ',',
  '?',
  ':',
];
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (char === "'" || char === '"') {
      const { value, end } = readString(text, i);
      tokens.push({ type: 'string', value, at: i });
      i = end;
      continue;
    }
    const number = /^(?:\d+(?:\.\d+)?|\.\d+)/.exec(text.slice(i));
    if (number) {
      tokens.push({ type: 'number', value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    const identifier = /^[$A-Za-z_][$\w]*/.exec(text.slice(i));
    if (identifier) {
      tokens.push({ type: 'identifier', value: identifier[0], at: i });
      i += identifier[0].length;
      continue;
    }
    const punctuator = PUNCTUATORS.find((p) => text.startsWith(p, i));
    if (punctuator) {
      tokens.push({ type: 'punctuator', value: punctuator, at: i });
      i += punctuator.length;
      continue;
    }
    throw new ExpressionSyntaxError(`不支持的字符 “${char}”`, i);
  }
  tokens.push({ type: 'end', at: text.length });
  return tokens;
}

function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === quote) return { value, end: i + 1 };
    if (char === '\\') {
      const escaped = ESCAPES[text[i + 1]];
      if (escaped === undefined) throw new ExpressionSyntaxError('不支持的转义字符', i);
      value += escaped;
      i++;
    } else value += char;
  }
  throw new ExpressionSyntaxError('字符串缺少结束引号', start);
}
