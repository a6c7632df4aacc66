import {
  literal,
  parseLiterals,
  reactionToRule,
  ruleToReaction,
} from '../../../designer/src/modules/form-designer/model/visibility-rule';
import { type VisibilityRule } from '../../../designer/src/modules/form-designer/model/form-model';

describe('visibility rules', () => {
  const rules: VisibilityRule[] = [
    { field: 'code', operator: 'equals', values: ['C'] },
    { field: 'code', operator: 'notEquals', values: [3] },
    { field: 'code', operator: 'oneOf', values: ['B', 'C'] },
    { field: 'tags', operator: 'contains', values: ['urgent'] },
    { field: 'done', operator: 'equals', values: [true] },
    { field: 'note', operator: 'filled', values: [] },
    { field: 'note', operator: 'empty', values: [] },
  ];

  it.each(rules)('reads back the reaction it writes: %o', (rule) => {
    expect(reactionToRule(ruleToReaction(rule))).toEqual(rule);
  });

  it('writes only the subset the server accepts', () => {
    // given a rule on a value with a quote, then its expression escapes it
    expect(ruleToReaction({ field: 'x', operator: 'equals', values: ["it's"] }).when).toBe(
      "{{ $deps[0] === 'it\\'s' }}",
    );
    expect(ruleToReaction({ field: 'x', operator: 'filled', values: [] }).when).toBe(
      "{{ $deps[0] != null && $deps[0] !== '' && $deps[0].length !== 0 }}",
    );
  });

  it('leaves other reactions alone', () => {
    expect(
      reactionToRule({ dependencies: ['a'], fulfill: { state: { visible: '{{$deps[0]}}' } } }),
    ).toBeNull();
    expect(
      reactionToRule({
        dependencies: ['a', 'b'],
        when: "{{ $deps[0] === 'x' }}",
        fulfill: { state: { visible: true } },
        otherwise: { state: { visible: false } },
      }),
    ).toBeNull();
    expect(
      reactionToRule({
        dependencies: ['a'],
        when: '{{ $deps[0] > 3 }}',
        fulfill: { state: { visible: true } },
        otherwise: { state: { visible: false } },
      }),
    ).toBeNull();
    expect(reactionToRule([{}])).toBeNull();
  });

  it('parses literal lists', () => {
    expect(parseLiterals(`'a', "b", 3, -1.5, true, false`)).toEqual([
      'a',
      'b',
      3,
      -1.5,
      true,
      false,
    ]);
    expect(parseLiterals(`'a\\'b'`)).toEqual(["a'b"]);
    expect(parseLiterals(`a`)).toBeNull();
    expect(parseLiterals(`'open`)).toBeNull();
    expect(literal('x\\y')).toBe("'x\\\\y'");
  });
});
