import { fakeContext, problemAt, validate, withStart } from './__fixtures__/bpmn-fixtures';

function userTask(attributes: string): string {
  return withStart(`<bpmn:userTask id="task" name="Task" ${attributes} />`);
}

describe('user task rules', () => {
  it('needs a camunda:formKey on every user task', async () => {
    const { problems } = await validate(userTask(''));

    expect(problems).toEqual([problemAt('task', 'user task needs a camunda:formKey')]);
  });

  it('refuses a form key the platform does not know', async () => {
    const { problems } = await validate(userTask('camunda:formKey="nope"'));

    expect(problems).toEqual([problemAt('task', "unknown form 'nope'")]);
  });

  it('checks start-event form keys too', async () => {
    const xml = withStart('', {}).replace(
      '<bpmn:startEvent id="start" name="Start" />',
      '<bpmn:startEvent id="start" name="Start" camunda:formKey="missing-start" />',
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([problemAt('start', "unknown form 'missing-start'")]);
  });

  it('accepts any form key when the context lists none', async () => {
    const { problems } = await validate(
      userTask('camunda:formKey="anything"'),
      fakeContext({ formKeys: undefined }),
    );

    expect(problems).toEqual([]);
  });

  it.each(['P3M', 'P7WD', '2026-03-01', '= dueDate', '${dueDate}'])(
    'accepts the due date %p',
    async (spec) => {
      const { problems } = await validate(
        userTask(
          `camunda:formKey="simple-form" camunda:dueDate="${spec}" camunda:followUpDate="${spec}"`,
        ),
      );

      expect(problems).toEqual([]);
    },
  );

  it('refuses due and follow-up dates the due-date check rejects', async () => {
    const { problems } = await validate(
      userTask('camunda:formKey="simple-form" camunda:dueDate="soon" camunda:followUpDate="= (x"'),
    );

    expect(problems).toEqual([
      problemAt('task', 'camunda:dueDate: not a due date'),
      problemAt('task', 'camunda:followUpDate: unbalanced parentheses'),
    ]);
  });

  it.each(['0', '50', '100', '= urgency'])('accepts the priority %p', async (priority) => {
    const { problems } = await validate(
      userTask(`camunda:formKey="simple-form" camunda:priority="${priority}"`),
    );

    expect(problems).toEqual([]);
  });

  it.each(['101', '-1', 'high', '5.5'])('refuses the priority %p', async (priority) => {
    const { problems } = await validate(
      userTask(`camunda:formKey="simple-form" camunda:priority="${priority}"`),
    );

    expect(problems).toEqual([problemAt('task', 'camunda:priority')]);
    expect(problems[0].message).toContain('must be an integer from 0 to 100 or an expression');
  });
});
