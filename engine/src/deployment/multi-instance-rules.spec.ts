import { problemAt, validate, withStart } from './__fixtures__/bpmn-fixtures';

function multiInstance(attributes: string, content = ''): string {
  return withStart(
    `<bpmn:task id="each" name="Each">
       <bpmn:multiInstanceLoopCharacteristics ${attributes}>${content}</bpmn:multiInstanceLoopCharacteristics>
     </bpmn:task>`,
  );
}

const cardinality = (value: string) =>
  `<bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">${value}</bpmn:loopCardinality>`;
const completion = (value: string) =>
  `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${value}</bpmn:completionCondition>`;

describe('multi-instance rules', () => {
  it.each([
    ['a collection', 'camunda:collection="units" camunda:elementVariable="unit"', ''],
    ['a collection expression', 'camunda:collection="= units" camunda:elementVariable="unit"', ''],
    ['a cardinality', 'isSequential="true"', cardinality('3')],
    ['a cardinality expression', '', cardinality('${count}')],
  ])('accepts %s', async (_label, attributes, content) => {
    const { problems } = await validate(multiInstance(attributes, content));

    expect(problems).toEqual([]);
  });

  it('needs a collection or a cardinality', async () => {
    const { problems } = await validate(multiInstance(''));

    expect(problems).toEqual([
      problemAt(
        'each',
        'multi-instance needs camunda:collection (with camunda:elementVariable) or loopCardinality',
      ),
    ]);
  });

  it('needs an element variable with a collection', async () => {
    const { problems } = await validate(multiInstance('camunda:collection="units"'));

    expect(problems).toEqual([
      problemAt('each', 'camunda:collection needs camunda:elementVariable'),
    ]);
  });

  it('refuses a cardinality that is neither a number nor an expression', async () => {
    const { problems } = await validate(multiInstance('', cardinality('many')));

    expect(problems).toEqual([
      problemAt('each', "loopCardinality 'many' must be a non-negative integer"),
    ]);
  });

  it('checks the completion condition as an expression', async () => {
    const broken = await validate(multiInstance('', cardinality('3') + completion('= (done')));
    const bare = await validate(multiInstance('', cardinality('3') + completion('done')));

    expect(broken.problems).toEqual([
      problemAt('each', 'completionCondition: unbalanced parentheses'),
    ]);
    expect(bare.problems).toEqual([problemAt('each', 'must be an expression')]);
  });
});
