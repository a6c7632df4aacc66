import { calledKey, collectIterationOutput, mapVariables } from './variable-mapping';

describe('call activity variable mapping', () => {
  const scope = { title: '预算', amount: 21, nested: { a: 1 } };

  it('maps sources, expressions and all variables to their targets', () => {
    expect(
      mapVariables(
        [
          { source: 'title', target: 'subject' },
          { sourceExpression: '= amount * 2', target: 'doubled' },
          { source: 'missing', target: 'stillMissing' },
        ],
        scope,
      ),
    ).toEqual({ subject: '预算', doubled: 42 });
    expect(mapVariables([{ all: true }], scope)).toEqual(scope);
  });

  it('copies values, so the callee cannot change the caller through them', () => {
    const mapped = mapVariables([{ source: 'nested', target: 'nested' }], scope);
    (mapped.nested as { a: number }).a = 2;
    expect(scope.nested.a).toBe(1);
  });

  it('resolves calledElement as written or by expression', () => {
    expect(calledKey('vote', {})).toBe('vote');
    expect(calledKey('= kind + "-review"', { kind: 'budget' })).toBe('budget-review');
    expect(() => calledKey('= missing', {})).toThrow(/not a process key/);
    expect(() => calledKey(undefined, {})).toThrow(/names no process/);
  });

  it('collects iteration outputs by element id, element or index', () => {
    const variables: Record<string, unknown> = {};
    collectIterationOutput(variables, 'appraise', { element: '财政局', index: 0 }, { score: 90 });
    collectIterationOutput(
      variables,
      'appraise',
      { element: { id: 'edu' }, index: 1 },
      { score: 80 },
    );
    collectIterationOutput(variables, 'appraise', { element: undefined, index: 2 }, { score: 70 });
    expect(variables.appraiseOutputs).toEqual({
      财政局: { score: 90 },
      edu: { score: 80 },
      '2': { score: 70 },
    });
  });
});
