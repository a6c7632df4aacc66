import { problemAt, validate, withStart } from './__fixtures__/bpmn-fixtures';

function call(attributes: string): string {
  return withStart(
    `<bpmn:callActivity id="call" name="Call" calledElement="vote" ${attributes} />`,
  );
}

describe('called element binding rules', () => {
  it.each([
    ['latest by default', ''],
    ['latest', 'camunda:calledElementBinding="latest"'],
    ['a version', 'camunda:calledElementBinding="version" camunda:calledElementVersion="2"'],
  ])('accepts %s', async (_label, attributes) => {
    const { problems, warnings } = await validate(call(attributes));

    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('needs a version number for the version binding', async () => {
    const { problems } = await validate(
      call('camunda:calledElementBinding="version" camunda:calledElementVersion="v2"'),
    );

    expect(problems).toEqual([
      problemAt(
        'call',
        "needs camunda:calledElementVersion, a version number such as 1; found 'v2'",
      ),
    ]);
  });

  it.each(['deployment', 'versionTag'])('refuses the %s binding', async (binding) => {
    const { problems } = await validate(call(`camunda:calledElementBinding="${binding}"`));

    expect(problems).toEqual([
      problemAt('call', `calledElementBinding="${binding}" is not supported`),
    ]);
  });

  it('warns about a version without the version binding, and about a tenant', async () => {
    const { problems, warnings } = await validate(
      call('camunda:calledElementVersion="3" camunda:calledElementTenantId="t1"'),
    );

    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      problemAt('call', 'calledElementVersion is ignored'),
      problemAt('call', 'calledElementTenantId is ignored'),
    ]);
  });
});
