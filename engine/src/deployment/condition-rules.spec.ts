import { problemAt, validate, withStart } from './__fixtures__/bpmn-fixtures';

function conditionalFlow(condition: string, attributes = 'xsi:type="bpmn:tFormalExpression"') {
  return withStart(
    `<bpmn:task id="next" name="Next" />
     <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="next">
       <bpmn:conditionExpression ${attributes}>${condition}</bpmn:conditionExpression>
     </bpmn:sequenceFlow>`,
  );
}

describe('condition rules', () => {
  it.each(['= amount > 10', '${amount > 10}'])('accepts the condition %p', async (condition) => {
    const { problems } = await validate(conditionalFlow(condition));

    expect(problems).toEqual([]);
  });

  it('reports what the FEEL check says about a broken condition', async () => {
    const { problems } = await validate(conditionalFlow('= (amount > 10'));

    expect(problems).toEqual([problemAt('flow', 'condition: unbalanced parentheses')]);
  });

  it('refuses a condition that is not marked as an expression', async () => {
    const { problems } = await validate(conditionalFlow('amount &gt; 10'));

    expect(problems).toEqual([problemAt('flow', 'must be an expression')]);
  });

  it('refuses an empty condition', async () => {
    const { problems } = await validate(conditionalFlow(''));

    expect(problems).toEqual([problemAt('flow', 'condition is empty')]);
  });

  it('refuses script conditions', async () => {
    const { problems } = await validate(
      conditionalFlow('amount > 10', 'xsi:type="bpmn:tFormalExpression" language="javascript"'),
    );

    expect(problems).toEqual([problemAt('flow', 'script conditions are not supported')]);
  });
});
