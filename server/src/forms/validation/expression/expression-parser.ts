import {
  type BinaryOperator,
  type Expr,
  FORBIDDEN_PROPERTIES,
  SCOPE_NAMES,
  type ScopeName,
} from './expression-ast';
import { ExpressionSyntaxError, type Token, tokenize } from './expression-tokenizer';

const LITERAL_NAMES: Record<string, boolean | null | undefined> = {
  true: true,
  false: false,
  null: null,
  undefined: undefined,
};
const EQUALITY = new Set(['===', '!==', '==', '!=']);
const RELATIONAL = new Set(['<', '<=', '>', '>=']);

/**
 * A recursive-descent parser for the restricted language: JavaScript's precedence for the
 * operators it keeps (?: < || < && < equality < relational < ! < member access). It builds a
 * tree and never evaluates anything, so a refused construct costs nothing but an error message.
 */
export function parseExpression(text: string): Expr {
  return new Parser(tokenize(text)).parseWhole();
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  parseWhole(): Expr {
    const expr = this.conditional();
    const next = this.peek();
    if (next.type !== 'end')
      throw new ExpressionSyntaxError(`多余的内容 “${describe(next)}”`, next.at);
    return expr;
  }

  private conditional(): Expr {
    const test = this.logical('||');
    if (!this.accept('?')) return test;
    const consequent = this.conditional();
    this.expect(':');
    const alternate = this.conditional();
    return { kind: 'conditional', test, consequent, alternate };
  }

  private logical(operator: '&&' | '||'): Expr {
    const operand = () => (operator === '||' ? this.logical('&&') : this.equality());
    let left = operand();
    while (this.accept(operator)) left = { kind: 'logical', operator, left, right: operand() };
    return left;
  }

  private equality(): Expr {
    let left = this.relational();
    for (let op = this.acceptAny(EQUALITY); op; op = this.acceptAny(EQUALITY))
      left = { kind: 'binary', operator: op as BinaryOperator, left, right: this.relational() };
    return left;
  }

  private relational(): Expr {
    let left = this.unary();
    for (let op = this.acceptAny(RELATIONAL); op; op = this.acceptAny(RELATIONAL))
      left = { kind: 'binary', operator: op as BinaryOperator, left, right: this.unary() };
    return left;
  }

  private unary(): Expr {
    if (this.accept('!')) return { kind: 'not', operand: this.unary() };
    return this.postfix(this.primary());
  }

  private postfix(start: Expr): Expr {
    let expr = start;
    for (;;) {
      if (this.accept('.')) {
        const name = this.next();
        if (name.type !== 'identifier')
          throw new ExpressionSyntaxError('“.” 后面应为属性名', name.at);
        if (this.peekPunctuator('(')) expr = this.call(expr, name);
        else expr = this.member(expr, { kind: 'literal', value: name.value }, name.at);
      } else if (this.peekPunctuator('[')) {
        const open = this.next();
        const property = this.conditional();
        this.expect(']');
        expr = this.member(expr, property, open.at);
      } else if (this.peekPunctuator('(')) {
        throw new ExpressionSyntaxError('只允许调用 includes()', this.peek().at);
      } else return expr;
    }
  }

  private member(object: Expr, property: Expr, at: number): Expr {
    if (property.kind === 'literal' && FORBIDDEN_PROPERTIES.has(String(property.value)))
      throw new ExpressionSyntaxError(`不允许访问 “${String(property.value)}”`, at);
    return { kind: 'member', object, property };
  }

  private call(target: Expr, name: Token & { type: 'identifier' }): Expr {
    if (name.value !== 'includes')
      throw new ExpressionSyntaxError(`不支持的方法 “${name.value}()”，只允许 includes()`, name.at);
    this.expect('(');
    const argument = this.conditional();
    this.expect(')');
    return { kind: 'includes', target, argument };
  }

  private primary(): Expr {
    const token = this.next();
    switch (token.type) {
      case 'string':
      case 'number':
        return { kind: 'literal', value: token.value };
      case 'identifier':
        if (token.value in LITERAL_NAMES)
          return { kind: 'literal', value: LITERAL_NAMES[token.value] };
        if ((SCOPE_NAMES as readonly string[]).includes(token.value))
          return { kind: 'name', name: token.value as ScopeName };
        throw new ExpressionSyntaxError(
          `不支持的名称 “${token.value}”，可用：${SCOPE_NAMES.join('、')}`,
          token.at,
        );
      case 'punctuator':
        if (token.value === '(') {
          const inner = this.conditional();
          this.expect(')');
          return inner;
        }
        if (token.value === '[') return this.arrayLiteral();
        throw new ExpressionSyntaxError(`此处不应出现 “${token.value}”`, token.at);
      case 'end':
        throw new ExpressionSyntaxError('表达式不完整', token.at);
    }
  }

  private arrayLiteral(): Expr {
    const items: Expr[] = [];
    if (this.accept(']')) return { kind: 'array', items };
    do items.push(this.conditional());
    while (this.accept(','));
    this.expect(']');
    return { kind: 'array', items };
  }

  private peek(): Token {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position];
    if (token.type !== 'end') this.position++;
    return token;
  }

  private peekPunctuator(value: string): boolean {
    const token = this.peek();
    return token.type === 'punctuator' && token.value === value;
  }

  private accept(value: string): boolean {
    if (!this.peekPunctuator(value)) return false;
    this.position++;
    return true;
  }

  private acceptAny(values: ReadonlySet<string>): string | undefined {
    const token = this.peek();
    if (token.type !== 'punctuator' || !values.has(token.value)) return undefined;
    this.position++;
    return token.value;
  }

  private expect(value: string): void {
    const token = this.peek();
    if (!this.accept(value))
      throw new ExpressionSyntaxError(`应为 “${value}”，实际为 “${describe(token)}”`, token.at);
  }
}

function describe(token: Token): string {
  return token.type === 'end' ? '结尾' : String(token.value);
}
