import { fakeContext, problemAt, validate, withStart } from './__fixtures__/bpmn-fixtures';

function userTask(attributes: string): string {
  return withStart(
    `<bpmn:userTask id="task" name="Task" camunda:formKey="simple-form" ${attributes} />`,
  );
}

describe('assignment rules', () => {
  it.each([
    'starter',
    'var:leadReviewer',
    'user:u-42',
    'role:council',
    '= lead',
    '${lead}',
    'user:u-1, var:other',
  ])('accepts the assignee %p', async (assignee) => {
    const { problems } = await validate(userTask(`camunda:assignee="${assignee}"`));

    expect(problems).toEqual([]);
  });

  it('refuses an unknown assignment prefix and lists the known ones', async () => {
    const { problems } = await validate(userTask('camunda:assignee="boss:me"'));

    expect(problems).toEqual([
      problemAt(
        'task',
        "unknown assignment prefix 'boss' in camunda:assignee; known: role, starter, user, var",
      ),
    ]);
  });

  it('refuses a reference without a prefix, and one without an argument', async () => {
    const { problems } = await validate(
      userTask('camunda:assignee="u-42" camunda:candidateUsers="var:, user:ok"'),
    );

    expect(problems).toEqual([
      problemAt('task', "camunda:assignee 'u-42' is not a prefix:argument reference"),
      problemAt('task', "camunda:candidateUsers 'var:' lacks an argument"),
    ]);
  });

  it('refuses a bare starter when no resolver handles it', async () => {
    const { problems } = await validate(
      userTask('camunda:assignee="starter"'),
      fakeContext({ assignmentPrefixes: new Set(['user']) }),
    );

    expect(problems).toEqual([
      problemAt('task', "camunda:assignee 'starter' is not a prefix:argument"),
    ]);
  });

  it('refuses a role reference to an unknown role', async () => {
    const { problems } = await validate(userTask('camunda:candidateUsers="role:ghosts"'));

    expect(problems).toEqual([
      problemAt('task', "unknown role 'ghosts' in camunda:candidateUsers; known: council, office"),
    ]);
  });

  it('checks expressions inside a reference list', async () => {
    const { problems } = await validate(userTask('camunda:candidateUsers="user:a, = (b"'));

    expect(problems).toEqual([problemAt('task', 'unbalanced parentheses')]);
  });

  it('refuses candidate groups that are not role keys', async () => {
    const { problems } = await validate(
      userTask('camunda:candidateGroups="office, strangers, role:council, role:visitors"'),
    );

    expect(problems).toEqual([
      problemAt('task', "unknown role 'strangers' in camunda:candidateGroups"),
      problemAt('task', "unknown role 'visitors' in camunda:candidateGroups"),
    ]);
  });

  it('accepts any role key when the context lists none', async () => {
    const { problems } = await validate(
      userTask('camunda:candidateGroups="anyone" camunda:assignee="role:whoever"'),
      fakeContext({ roleKeys: undefined }),
    );

    expect(problems).toEqual([]);
  });

  it('checks a whole-value candidate-groups expression', async () => {
    const { problems } = await validate(userTask('camunda:candidateGroups="${pick(a, b}"'));

    expect(problems).toEqual([problemAt('task', 'camunda:candidateGroups')]);
  });
});
