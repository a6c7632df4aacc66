import { problemAt, validate, withStart } from './__fixtures__/bpmn-fixtures';

function callActivity(attributes: string, extensions = ''): string {
  return withStart(
    `<bpmn:callActivity id="call" name="Call" ${attributes}>
       <bpmn:extensionElements>${extensions}</bpmn:extensionElements>
     </bpmn:callActivity>`,
  );
}

describe('call activity rules', () => {
  it('accepts a call by key with in and out mappings', async () => {
    const { problems } = await validate(
      callActivity(
        'calledElement="vote"',
        `<camunda:in source="a" target="b" /><camunda:in variables="all" />
         <camunda:out sourceExpression="= result" target="outcome" />`,
      ),
    );

    expect(problems).toEqual([]);
  });

  it('needs calledElement', async () => {
    const { problems } = await validate(callActivity(''));

    expect(problems).toEqual([problemAt('call', 'call activity needs calledElement')]);
  });

  it('checks a calledElement expression', async () => {
    const { problems } = await validate(callActivity('calledElement="= (child"'));

    expect(problems).toEqual([problemAt('call', 'calledElement: unbalanced parentheses')]);
  });

  it('refuses CMMN cases and Java variable mapping', async () => {
    const { problems } = await validate(
      callActivity('camunda:caseRef="case" camunda:variableMappingClass="com.example.Mapping"'),
    );

    expect(problems).toEqual([
      problemAt('call', 'call activity needs calledElement'),
      problemAt('call', 'camunda:caseRef (calling a CMMN case) is not supported'),
      problemAt('call', 'camunda:variableMappingClass is not supported'),
    ]);
  });

  it('refuses incomplete mappings and non-expression source expressions', async () => {
    const { problems } = await validate(
      callActivity(
        'calledElement="vote"',
        `<camunda:in source="a" /><camunda:out target="b" />
         <camunda:in sourceExpression="a + 1" target="c" />`,
      ),
    );

    expect(problems).toEqual([
      problemAt('call', 'camunda:in needs source or sourceExpression and a target'),
      problemAt('call', "camunda:in sourceExpression 'a + 1' must be an expression"),
      problemAt('call', 'camunda:out needs source or sourceExpression and a target'),
    ]);
  });
});
