import { type AssignmentResolver, type InstanceDoc, isEngineError } from '../../engine/src';
import { fromDatedJson } from '../../engine/src/runtime/effects';
import { MAX_STEP_MS } from '../../engine/src/runtime/revision-log';
import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';

const MINUTE = 60_000;

/** A step that takes longer than MAX_STEP_MS: its resolver moves the clock on, once. */
const slowOnce = { calls: 0 };
const slowResolver: AssignmentResolver = {
  prefix: 'slow',
  resolve(argument) {
    slowOnce.calls++;
    if (slowOnce.calls === 1) h.clock.advance(MAX_STEP_MS + 1);
    return [argument];
  },
};

const SLOW_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs-slow" targetNamespace="http://congressflow.test/fixtures">
  <bpmn:process id="slow-step" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="first" />
    <bpmn:userTask id="first" name="first" camunda:formKey="f" camunda:assignee="starter" />
    <bpmn:sequenceFlow id="f2" sourceRef="first" targetRef="second" />
    <bpmn:userTask id="second" name="second" camunda:formKey="f" camunda:assignee="slow:zoe" />
    <bpmn:sequenceFlow id="f3" sourceRef="second" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

let h: EngineHarness;

describe('revision pruning', () => {
  beforeAll(async () => {
    h = await createEngineHarness({ resolvers: [slowResolver] });
    await h.deployFixture('two-user-tasks');
    await h.engine.deploy(SLOW_PROCESS, { district: DISTRICT });
  });
  afterAll(() => h.dispose());

  const claimedRevs = async (instanceId: string) =>
    (await h.engine.store.revisions.find({ instanceId }).toArray())
      .map((c) => c.rev)
      .sort((a, b) => a - b);

  /** An instance with a few revisions: started, draft completed, review claimed and released twice. */
  async function busyInstance(): Promise<InstanceDoc> {
    const instance = await h.engine.startInstance({
      processKey: 'two-user-tasks',
      district: DISTRICT,
      starter: 'author',
    });
    const [draft] = await h.engine.tasks.openTasksOf(instance._id);
    await h.engine.tasks.complete(draft._id, staff('author'), { text: 'x' });
    const [review] = await h.engine.tasks.openTasksOf(instance._id);
    for (const user of ['ann', 'bob']) {
      await h.engine.tasks.claim(review._id, staff(user, 'office'));
      await h.engine.tasks.unclaim(review._id, staff(user, 'office'));
    }
    return h.engine.getInstance(instance._id);
  }

  it('deletes old claims but the current one and the one before; recent claims stay', async () => {
    const instance = await busyInstance();
    expect(instance.rev).toBe(6);
    expect(await claimedRevs(instance._id)).toEqual([1, 2, 3, 4, 5, 6]);

    // all of them are recent: nothing goes
    await h.engine.pruneRevisions();
    expect(await claimedRevs(instance._id)).toEqual([1, 2, 3, 4, 5, 6]);

    h.clock.advance(11 * MINUTE);
    const pruned = await h.engine.pruneRevisions();
    expect(pruned.deleted).toBeGreaterThanOrEqual(4);
    expect(await claimedRevs(instance._id)).toEqual([5, 6]);

    // the instance goes on as before: the next revision is claimed on top of the kept one
    const [review] = await h.engine.tasks.openTasksOf(instance._id);
    await h.engine.tasks.claim(review._id, staff('cai', 'office'));
    await h.engine.tasks.complete(review._id, staff('cai', 'office'), { ok: true });
    expect(await h.engine.getInstance(instance._id)).toMatchObject({ status: 'completed', rev: 8 });
    expect(await claimedRevs(instance._id)).toEqual([5, 6, 7, 8]);
  });

  it('refuses to prune claims younger than twice the longest a step may take', async () => {
    const error = await h.engine
      .pruneRevisions({ olderThan: new Date(h.clock.now().getTime() - MAX_STEP_MS) })
      .catch((e: unknown) => e);
    expect(isEngineError(error, 'INVALID_ARGUMENT')).toBe(true);
  });

  it('a crash between a claim and the instance write is rolled forward after pruning', async () => {
    const instance = await busyInstance();
    h.clock.advance(11 * MINUTE);
    const [review] = await h.engine.tasks.openTasksOf(instance._id);
    await h.engine.tasks.claim(review._id, staff('dan', 'office')); // revision 7
    // the crash: revision 7 was claimed, but the instance document never got past revision 6
    const claim6 = await h.engine.store.revisions.findOne({ _id: `${instance._id}:6` });
    const { _id, ...atRev6 } = fromDatedJson(claim6!.doc) as InstanceDoc;
    await h.engine.store.instances.replaceOne({ _id }, atRev6);
    expect((await h.engine.store.instances.findOne({ _id }))!.rev).toBe(6);

    h.clock.advance(11 * MINUTE);
    await h.engine.pruneRevisions();
    // claim 7 (beyond the document) and 6, 5 (current and the one before) are kept
    expect(await claimedRevs(_id)).toEqual([5, 6, 7]);

    const restarted = await h.restart(); // start-up recovery rolls revision 7 forward
    expect(await restarted.getInstance(_id)).toMatchObject({ rev: 7, outbox: null });
    expect(await restarted.tasks.get(review._id)).toMatchObject({ assignee: 'dan' });
    await restarted.tasks.complete(review._id, staff('dan', 'office'), {});
    expect(await restarted.getInstance(_id)).toMatchObject({ status: 'completed', rev: 8 });
    const claims = (await restarted.history(_id)).filter((e) => e.type === 'task.claimed');
    expect(claims.map((e) => e.userId)).toEqual(['ann', 'bob', 'dan']);
  });

  it('an action on an instance whose last claim was never written or applied rolls it forward first', async () => {
    const instance = await busyInstance();
    const [review] = await h.engine.tasks.openTasksOf(instance._id);
    const before = await h.engine.tasks.get(review._id);
    await h.engine.tasks.claim(review._id, staff('dan', 'office')); // revision 7
    // the crash: right after claiming 7, before the instance write and before any of its effects
    const claim6 = await h.engine.store.revisions.findOne({ _id: `${instance._id}:6` });
    const { _id, ...atRev6 } = fromDatedJson(claim6!.doc) as InstanceDoc;
    await h.engine.store.instances.replaceOne({ _id }, { ...atRev6, outbox: null });
    await h.engine.store.tasks.replaceOne({ _id: review._id }, before);
    await h.engine.store.history.deleteMany({ instanceId: _id, rev: 7 });

    // eve decides on the stale revision 6 (task unclaimed), loses the claim of 7, and decides again
    const lost = await h.engine.tasks
      .claim(review._id, staff('eve', 'office'))
      .catch((e: unknown) => e);
    expect(isEngineError(lost, 'CONFLICT')).toBe(true);
    expect(await h.engine.tasks.get(review._id)).toMatchObject({ assignee: 'dan' });
    expect(await h.engine.getInstance(_id)).toMatchObject({ rev: 7 });
    const claims = (await h.engine.history(_id)).filter((e) => e.type === 'task.claimed');
    expect(claims.map((e) => e.userId)).toEqual(['ann', 'bob', 'dan']);
    await h.engine.tasks.complete(review._id, staff('dan', 'office'), {});
    expect(await h.engine.getInstance(_id)).toMatchObject({ status: 'completed', rev: 8 });
  });

  it('a step that loaded longer ago than MAX_STEP_MS does not commit; it runs again on a fresh load', async () => {
    const instance = await h.engine.startInstance({
      processKey: 'slow-step',
      district: DISTRICT,
      starter: 'eve',
    });
    const [first] = await h.engine.tasks.openTasksOf(instance._id);
    slowOnce.calls = 0;
    await h.engine.tasks.complete(first._id, staff('eve'), {});
    expect(slowOnce.calls).toBe(2); // the first run took too long and was not committed
    const after = await h.engine.getInstance(instance._id);
    expect(after.rev).toBe(instance.rev + 1);
    expect(await claimedRevs(instance._id)).toEqual([1, 2]);
    expect((await h.engine.tasks.openTasksOf(instance._id)).map((t) => t.assignee)).toEqual([
      'zoe',
    ]);
  });
});
