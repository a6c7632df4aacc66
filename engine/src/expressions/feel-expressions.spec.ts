import { runInNewContext } from 'node:vm';
import { EngineError } from '../engine.error';
import {
  evaluateCondition,
  evaluateExpression,
  expressionBody,
  isExpression,
  renderTemplate,
  validateExpression,
  validateTemplate,
} from './feel-expressions';

function thrown(action: () => unknown): EngineError {
  try {
    action();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected an EngineError');
}

describe('isExpression / expressionBody', () => {
  it('recognises both forms', () => {
    expect(isExpression('= amount > 10')).toBe(true);
    expect(isExpression('  =dueDate')).toBe(true);
    expect(isExpression('${amount > 10}')).toBe(true);
    expect(isExpression('${ {a: "}"}.a }')).toBe(true);
    expect(expressionBody('= amount > 10')).toBe('amount > 10');
    expect(expressionBody('${ amount > 10 }')).toBe('amount > 10');
  });

  it('leaves plain text and templates alone', () => {
    for (const text of ['P3M', 'role:council', 'Reply to ${title}', '${a} and ${b}', '${a']) {
      expect(isExpression(text)).toBe(false);
      expect(expressionBody(text)).toBe(text);
    }
  });
});

describe('evaluateExpression', () => {
  it('does arithmetic and comparison', () => {
    expect(evaluateExpression('= 1 + 2 * 3', {})).toBe(7);
    expect(evaluateExpression('= (price - discount) / 2', { price: 100, discount: 20 })).toBe(40);
    expect(evaluateExpression('${amount >= 10}', { amount: 10 })).toBe(true);
    expect(evaluateExpression('= amount != 10', { amount: 10 })).toBe(false);
  });

  it('combines with and / or', () => {
    const variables = { amount: 50, urgent: false, level: 'district' };
    expect(evaluateExpression('= amount > 10 and urgent', variables)).toBe(false);
    expect(evaluateExpression('= amount > 100 or level = "district"', variables)).toBe(true);
  });

  it('calls string functions', () => {
    expect(evaluateExpression('= upper case(name)', { name: 'abc' })).toBe('ABC');
    expect(evaluateExpression('= string length(title)', { title: '五个字标题' })).toBe(5);
    expect(evaluateExpression('= contains(title, "budget")', { title: 'the budget' })).toBe(true);
    expect(evaluateExpression('= "No. " + string(n)', { n: 7 })).toBe('No. 7');
    expect(evaluateExpression('= substring before(code, "-")', { code: 'A-17' })).toBe('A');
  });

  it('calls list functions and quantifiers', () => {
    const variables = { units: ['a', 'b', 'c'], scores: [3, 9, 4] };
    expect(evaluateExpression('= count(units)', variables)).toBe(3);
    expect(evaluateExpression('= sum(scores)', variables)).toBe(16);
    expect(evaluateExpression('= some s in scores satisfies s > 8', variables)).toBe(true);
    expect(evaluateExpression('= every s in scores satisfies s > 3', variables)).toBe(false);
    expect(evaluateExpression('= for s in scores return s * 2', variables)).toEqual([6, 18, 8]);
    expect(evaluateExpression('= list contains(units, "b")', variables)).toBe(true);
  });

  it('reads paths and filters', () => {
    const variables = {
      form: { applicant: { name: 'Li', age: 41 } },
      votes: [
        { by: 'a', yes: true },
        { by: 'b', yes: false },
        { by: 'c', yes: true },
      ],
    };
    expect(evaluateExpression('= form.applicant.name', variables)).toBe('Li');
    expect(evaluateExpression('= count(votes[yes = true])', variables)).toBe(2);
    expect(evaluateExpression('= votes[yes = true].by', variables)).toEqual(['a', 'c']);
    expect(evaluateExpression('= votes[2].by', variables)).toBe('b');
  });

  it('compares ISO date strings through date()', () => {
    const variables = { received: '2026-02-27', deadline: '2026-03-01T09:00:00+08:00' };
    expect(evaluateCondition('= date(received) <= date("2026-03-01")', variables)).toBe(true);
    expect(evaluateCondition('= date(received) > date("2026-03-01")', variables)).toBe(false);
    expect(
      evaluateCondition(
        '= date and time(deadline) < date and time("2026-03-02T00:00:00+08:00")',
        variables,
      ),
    ).toBe(true);
  });

  it('returns dates, times and durations as ISO strings, so results stay JSON', () => {
    expect(evaluateExpression('= date(d) + duration("P1M")', { d: '2026-01-31' })).toBe(
      '2026-02-28',
    );
    expect(evaluateExpression('= duration("P3M")', {})).toBe('P3M');
    expect(evaluateExpression('= {due: date("2026-03-01"), n: [1, null]}', {})).toEqual({
      due: '2026-03-01',
      n: [1, null],
    });
    expect(evaluateExpression('= function(x) x', {})).toBeNull();
  });

  it('is null-safe: missing variables and properties give null', () => {
    expect(evaluateExpression('= missing', {})).toBeNull();
    expect(evaluateExpression('= form.applicant.name', { form: null })).toBeNull();
    expect(evaluateExpression('= a.b.c', {})).toBeNull();
    expect(evaluateExpression('= missing = null', {})).toBe(true);
  });

  it('treats bare text as FEEL, as in a condition body', () => {
    expect(evaluateExpression('amount * 2', { amount: 4 })).toBe(8);
  });

  it('cannot reach process, prototypes or globals', () => {
    const variables = { form: { title: 'x' }, list: [1] };
    for (const text of [
      '= process',
      '= constructor',
      '= globalThis',
      '= require',
      '= process.env',
      '= form.constructor',
      '= form.__proto__',
      '= form.constructor.constructor',
      '= toString',
      '= Object',
    ]) {
      expect(evaluateExpression(text, variables)).toBeNull();
    }
    // A path on a list maps over its items, which have no such key either.
    expect(evaluateExpression('= list.constructor', variables)).toEqual([null]);
    expect(evaluateExpression('= string length(string(process))', {})).toBeNull();
    expect(evaluateExpression('= form', variables)).toEqual({ title: 'x' });
  });

  it('throws INVALID_ARGUMENT with the message on a syntax error', () => {
    const error = thrown(() => evaluateExpression('= amount > ', { amount: 1 }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe(
      'FEEL syntax error at column 12: the expression ends too early (incomplete comparison) in "= amount > "',
    );
    expect(thrown(() => evaluateExpression('${a', {})).message).toMatch(/never closed/);
    expect(thrown(() => evaluateExpression('=', {})).message).toBe('the expression is empty');
  });
});

describe('evaluateCondition', () => {
  it('is true only for boolean true', () => {
    expect(evaluateCondition('= amount > 10', { amount: 11 })).toBe(true);
    expect(evaluateCondition('= amount > 10', { amount: 9 })).toBe(false);
    expect(evaluateCondition('= amount > 10', {})).toBe(false);
    expect(evaluateCondition('= "true"', {})).toBe(false);
    expect(evaluateCondition('= 1', {})).toBe(false);
    expect(evaluateCondition('= [true]', {})).toBe(false);
  });
});

describe('validateExpression', () => {
  it('accepts valid expressions without evaluating them', () => {
    expect(validateExpression('= amount > 10 and count(units) > 0')).toBeNull();
    expect(validateExpression('${date(received) < date("2026-03-01")}')).toBeNull();
    expect(validateExpression('= missing.deeply.nested')).toBeNull();
  });

  it('reports the first error with its position in the original text', () => {
    expect(validateExpression('= (1 + 2')).toBe(
      'FEEL syntax error at column 9: the expression ends too early (incomplete parenthesized expression) in "= (1 + 2"',
    );
    expect(validateExpression('${x + * 2}')).toBe(
      'FEEL syntax error at column 7: unexpected "*" in "${x + * 2}"',
    );
    expect(validateExpression('= sum([1, 2)')).toBe(
      'FEEL syntax error at column 12: unexpected ")" in "= sum([1, 2)"',
    );
    expect(validateExpression('= a +\n  b +')).toMatch(/^FEEL syntax error at line 2, column 6:/);
    expect(validateExpression('= "unclosed')).toMatch(/column 3: unexpected/);
  });

  it('reports malformed braces and empty expressions', () => {
    expect(validateExpression('${amount > 1')).toMatch(/'\$\{' at column 1 is never closed/);
    expect(validateExpression('${a} b')).toMatch(/unexpected text after the closing '}'/);
    expect(validateExpression('=  ')).toBe('the expression is empty');
  });

  it('agrees with evaluateExpression', () => {
    for (const text of ['= 1 +', '= if a then 1', '= [1, 2', '= f(1,', '= {a: }']) {
      const message = validateExpression(text);
      expect(message).toMatch(/^FEEL syntax error at column \d+: /);
      expect(thrown(() => evaluateExpression(text, {})).message).toBe(message);
    }
  });
});

describe('renderTemplate', () => {
  const variables = { title: '关于道路改造的建议', count: 3, tags: ['a', 'b'], missing: null };

  it('fills ${} placeholders with text', () => {
    expect(renderTemplate('Reply to ${title}', variables)).toBe('Reply to 关于道路改造的建议');
    expect(renderTemplate('${count} items, ${count * 2} pages', variables)).toBe(
      '3 items, 6 pages',
    );
    expect(renderTemplate('tags: ${tags}; none: [${missing}]', variables)).toBe(
      'tags: ["a","b"]; none: []',
    );
    expect(renderTemplate('${ {a: "}"}.a } ok', {})).toBe('} ok');
  });

  it('evaluates a whole "=" expression', () => {
    expect(renderTemplate('= "Reply to " + title', variables)).toBe('Reply to 关于道路改造的建议');
    expect(renderTemplate('= count > 2', variables)).toBe('true');
  });

  it('returns text without placeholders unchanged', () => {
    expect(renderTemplate('No placeholders, {not one}, $ sign', variables)).toBe(
      'No placeholders, {not one}, $ sign',
    );
  });

  it('throws INVALID_ARGUMENT on a broken placeholder', () => {
    expect(thrown(() => renderTemplate('Reply to ${title', variables)).message).toBe(
      "'${' at column 10 is never closed with '}'",
    );
    expect(thrown(() => renderTemplate('Sum ${1 +}', variables)).code).toBe('INVALID_ARGUMENT');
  });

  it('validates templates', () => {
    expect(validateTemplate('Reply to ${title} by ${date(due)}')).toBeNull();
    expect(validateTemplate('Reply ${title} ${1 +}')).toMatch(/column 21: the expression ends/);
    expect(validateTemplate('Reply ${title')).toMatch(/never closed/);
    expect(validateTemplate('= 1 +')).toMatch(/FEEL syntax error/);
  });
});

describe('values from another realm', () => {
  it('keeps plain objects made by another realm (structuredClone copies, sandboxes)', () => {
    const foreign = runInNewContext('({ groups: [{ name: "一组", size: 3 }] })') as object;
    expect(Object.getPrototypeOf(foreign)).not.toBe(Object.prototype);
    expect(evaluateExpression('= groups[1]', foreign as Record<string, unknown>)).toEqual({
      name: '一组',
      size: 3,
    });
  });
});
