import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

describe('multi-instance user tasks', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
    await h.deployFixture('multi-instance');
    await h.deployFixture('sequential-multi-instance');
  });
  afterAll(() => h.dispose());

  const start = (rule: string, voters = ['v1', 'v2', 'v3', 'v4']) =>
    h.engine.startInstance({
      processKey: 'multi-instance',
      district: DISTRICT,
      starter: 'chair',
      variables: { rule, voters },
    });
  const openVotes = async (instanceId: string) =>
    (await h.engine.tasks.openTasksOf(instanceId)).filter((t) => t.activityId === 'vote');
  const vote = async (instanceId: string, voter: string, choice: string) => {
    const task = (await openVotes(instanceId)).find((t) => t.assignee === voter)!;
    await h.engine.tasks.complete(task._id, staff(voter), { choice });
  };

  it('creates one task per element, assigned by the element variable', async () => {
    const instance = await start('all');
    const tasks = await openVotes(instance._id);
    expect(tasks.map((t) => t.assignee).sort()).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(tasks.map((t) => t.loop?.index).sort()).toEqual([0, 1, 2, 3]);
  });

  it('all (会签): continues only when every element completed; outputs are keyed by element', async () => {
    const instance = await start('all', ['v1', 'v2']);
    await vote(instance._id, 'v1', '满意');
    expect(await openVotes(instance._id)).toHaveLength(1);
    await vote(instance._id, 'v2', '不满意');
    const tasks = await h.engine.tasks.openTasksOf(instance._id);
    expect(tasks.map((t) => t.activityId)).toEqual(['tally']);
    expect((await h.engine.getInstance(instance._id)).variables.voteOutputs).toEqual({
      v1: { choice: '满意' },
      v2: { choice: '不满意' },
    });
  });

  it('any one (或签): the first completion ends the others', async () => {
    const instance = await start('any');
    await vote(instance._id, 'v3', '满意');
    const tasks = await h.engine.tasks.openTasksOf(instance._id);
    expect(tasks.map((t) => t.activityId)).toEqual(['tally']);
    const cancelled = await h.engine.store.tasks.countDocuments({
      instanceId: instance._id,
      activityId: 'vote',
      status: 'cancelled',
    });
    expect(cancelled).toBe(3);
  });

  it('a count (2 of 4) and a fraction (half) complete at the right moment', async () => {
    const byCount = await start('count');
    await vote(byCount._id, 'v1', 'a');
    expect(await openVotes(byCount._id)).toHaveLength(3);
    await vote(byCount._id, 'v2', 'b');
    expect(await openVotes(byCount._id)).toHaveLength(0);

    const byFraction = await start('fraction', ['v1', 'v2', 'v3', 'v4', 'v5', 'v6']);
    await vote(byFraction._id, 'v1', 'a');
    await vote(byFraction._id, 'v2', 'a');
    expect(await openVotes(byFraction._id)).toHaveLength(4);
    await vote(byFraction._id, 'v3', 'a');
    expect(await openVotes(byFraction._id)).toHaveLength(0);
  });

  it('sequential: one task at a time, in collection order', async () => {
    const instance = await h.engine.startInstance({
      processKey: 'sequential-multi-instance',
      district: DISTRICT,
      starter: 'x',
      variables: { signers: ['s1', 's2', 's3'] },
    });
    for (const signer of ['s1', 's2', 's3']) {
      const open = await h.engine.tasks.openTasksOf(instance._id);
      expect(open.map((t) => t.assignee)).toEqual([signer]);
      await h.engine.tasks.complete(open[0]._id, staff(signer), { signed: true });
    }
    expect((await h.engine.getInstance(instance._id)).status).toBe('completed');
  });
});
