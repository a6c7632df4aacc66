import { isEngineError, type TaskDoc } from '../../engine/src';
import {
  createEngineHarness,
  DISTRICT,
  type EngineHarness,
  staff,
} from '../support/engine-harness';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixtureText = (name: string) =>
  readFileSync(join(__dirname, '..', 'fixtures', 'engine', `${name}.bpmn`), 'utf8');

describe('return (退回) and retrieve (取回)', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await createEngineHarness();
    await h.deployFixture('three-step-approval');
    await h.deployFixture('parallel-review');
    await h.deployFixture('multi-instance');
  });
  afterAll(() => h.dispose());

  const open = async (instanceId: string) => h.engine.tasks.openTasksOf(instanceId);
  const only = async (instanceId: string): Promise<TaskDoc> => {
    const tasks = await open(instanceId);
    expect(tasks).toHaveLength(1);
    return tasks[0];
  };
  const events = async (instanceId: string, type: string) =>
    (await h.engine.history(instanceId))
      .filter((e) => e.type === type)
      .map((e) => ({ ...e, data: e.data ? JSON.parse(e.data) : undefined }));

  /** draft by the starter, review claimed and completed by clerk: waiting in approve. */
  async function atApproval(starter = 'drafter') {
    h.clock.set('2026-03-02T09:00:00+08:00');
    const instance = await h.engine.startInstance({
      processKey: 'three-step-approval',
      district: DISTRICT,
      starter,
    });
    await h.engine.tasks.complete((await only(instance._id))._id, staff(starter), { text: '初稿' });
    const review = await only(instance._id);
    await h.engine.tasks.claim(review._id, staff('clerk', 'office'));
    await h.engine.tasks.complete(review._id, staff('clerk', 'office'), { opinion: '同意' });
    return { instance, approve: await only(instance._id) };
  }

  describe('return', () => {
    it('offers nothing from a task whose element says returnable=false, and refuses a return', async () => {
      const xml = fixtureText('three-step-approval')
        .replaceAll('three-step-approval', 'no-return-approval')
        .replace(
          '<bpmn:userTask id="approve" name="批准" camunda:formKey="approve-form" camunda:candidateGroups="council" />',
          `<bpmn:userTask id="approve" name="批准" camunda:formKey="approve-form" camunda:candidateGroups="council">
      <bpmn:extensionElements>
        <camunda:properties><camunda:property name="returnable" value="false" /></camunda:properties>
      </bpmn:extensionElements>
    </bpmn:userTask>`,
        );
      expect(xml).toContain('name="returnable"');
      await h.engine.deploy(xml, { district: DISTRICT });
      const instance = await h.engine.startInstance({
        processKey: 'no-return-approval',
        district: DISTRICT,
        starter: 'drafter',
      });
      await h.engine.tasks.complete((await only(instance._id))._id, staff('drafter'), {});
      const review = await only(instance._id);
      // review may still be returned: the property is on approve only
      expect((await h.engine.tasks.returnTargets(review._id)).map((t) => t.activityId)).toEqual([
        'draft',
      ]);
      await h.engine.tasks.claim(review._id, staff('clerk', 'office'));
      await h.engine.tasks.complete(review._id, staff('clerk', 'office'), {});
      const approve = await only(instance._id);
      expect(await h.engine.tasks.returnTargets(approve._id)).toEqual([]);
      const refused = await h.engine.tasks
        .returnTask(approve._id, staff('chair', 'council'), {
          reason: '退回',
          targetActivityId: 'review',
        })
        .catch((error: unknown) => error);
      expect(isEngineError(refused) && refused.code).toBe('INVALID_ARGUMENT');
      expect((await only(instance._id))._id).toBe(approve._id);
    });

    it('lists earlier completed tasks, most recent first, and returns to the last one by default', async () => {
      const { instance, approve } = await atApproval();
      expect(approve.activityId).toBe('approve');
      const targets = await h.engine.tasks.returnTargets(approve._id);
      expect(targets.map((t) => [t.activityId, t.completedBy])).toEqual([
        ['review', 'clerk'],
        ['draft', 'drafter'],
      ]);

      const went = await h.engine.tasks.returnTask(approve._id, staff('chair', 'council'), {
        reason: '意见不充分',
      });
      expect(went.activityId).toBe('review');

      // the returned task ends as returned; review opens again, for whoever completed it last time
      expect(await h.engine.tasks.get(approve._id)).toMatchObject({
        status: 'returned',
        completedBy: 'chair',
      });
      expect(await only(instance._id)).toMatchObject({
        activityId: 'review',
        assignee: 'clerk',
        candidateGroups: ['office'],
      });
      const [returned] = await events(instance._id, 'task.returned');
      expect(returned).toMatchObject({
        taskId: approve._id,
        userId: 'chair',
        data: { reason: '意见不充分', from: 'approve', to: 'review', assignee: 'clerk' },
      });
      expect((await h.engine.getInstance(instance._id)).activeActivityIds.sort()).toEqual([
        'review',
        'reviewReminder',
      ]);

      // the process goes on from there as usual
      const review = await only(instance._id);
      await h.engine.tasks.complete(review._id, staff('clerk'), { opinion: '已补充' });
      const approveAgain = await only(instance._id);
      await h.engine.tasks.complete(approveAgain._id, staff('chair', 'council'), {});
      expect((await h.engine.getInstance(instance._id)).status).toBe('completed');
    });

    it('returns to an explicit target further back; leaves the boundary timer of the left task behind and arms it again on re-entry', async () => {
      h.clock.set('2026-03-02T09:00:00+08:00');
      const instance = await h.engine.startInstance({
        processKey: 'three-step-approval',
        district: DISTRICT,
        starter: 'drafter',
      });
      await h.engine.tasks.complete((await only(instance._id))._id, staff('drafter'), {});
      const review = await only(instance._id);
      const [reminder] = (await h.engine.getInstance(instance._id)).timers;
      expect(reminder.activityId).toBe('reviewReminder');

      h.clock.set('2026-03-03T09:00:00+08:00');
      await h.engine.tasks.returnTask(review._id, staff('clerk', 'office'), {
        targetActivityId: 'draft',
        reason: '请重写',
      });
      const doc = await h.engine.getInstance(instance._id);
      expect(doc.timers).toEqual([]);
      expect((await h.engine.jobs.get(reminder.jobId))?.status).toBe('cancelled');
      expect(await only(instance._id)).toMatchObject({ activityId: 'draft', assignee: 'drafter' });

      // the reminder is armed again, from the new entry: Tuesday 03-03 + 3 working days
      await h.engine.tasks.complete((await only(instance._id))._id, staff('drafter'), {});
      const [again] = (await h.engine.getInstance(instance._id)).timers;
      expect(again.activityId).toBe('reviewReminder');
      expect(again.jobId).not.toBe(reminder.jobId);
      expect(again.dueAt.toISOString()).toBe('2026-03-06T15:59:59.999Z');
    });

    it('refuses without a reason, by someone who may not work on the task, and to targets that were never completed', async () => {
      const { approve } = await atApproval();
      await expect(
        h.engine.tasks.returnTask(approve._id, staff('chair', 'council'), { reason: '  ' }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(
        h.engine.tasks.returnTask(approve._id, staff('outsider'), { reason: '退回' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        h.engine.tasks.returnTask(approve._id, staff('chair', 'council'), {
          targetActivityId: 'approve',
          reason: '退回',
        }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(
        h.engine.tasks.returnTask(approve._id, staff('chair', 'council'), {
          targetActivityId: 'nowhere',
          reason: '退回',
        }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });

      // the first task has nothing before it
      const fresh = await h.engine.startInstance({
        processKey: 'three-step-approval',
        district: DISTRICT,
        starter: 'drafter',
      });
      const draft = await only(fresh._id);
      expect(await h.engine.tasks.returnTargets(draft._id)).toEqual([]);
      const error = await h.engine.tasks
        .returnTask(draft._id, staff('drafter'), { reason: '退回' })
        .catch((e: unknown) => e);
      expect(isEngineError(error, 'INVALID_ARGUMENT')).toBe(true);
      expect(await only(fresh._id)).toMatchObject({ _id: draft._id, status: 'open' });
    });

    it('refuses to return one instance of a multi-instance task', async () => {
      const instance = await h.engine.startInstance({
        processKey: 'multi-instance',
        district: DISTRICT,
        starter: 'chair',
        variables: { rule: 'all', voters: ['v1', 'v2'] },
      });
      const [vote] = await open(instance._id);
      await expect(
        h.engine.tasks.returnTask(vote._id, staff(vote.assignee!), { reason: '退回' }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      expect(await open(instance._id)).toHaveLength(2);
    });

    it('within parallel branches: back along the own branch only; across the fork only once the branches have joined', async () => {
      const instance = await h.engine.startInstance({
        processKey: 'parallel-review',
        district: DISTRICT,
        starter: 'drafter',
      });
      await h.engine.tasks.complete((await only(instance._id))._id, staff('drafter'), {});
      const byActivity = async (id: string) =>
        (await open(instance._id)).find((t) => t.activityId === id)!;
      await h.engine.tasks.complete((await byActivity('legal'))._id, staff('lawyer'), {});

      // legalSign may go back to legal (same branch), not to draft: finance is still running
      const legalSign = await byActivity('legalSign');
      expect((await h.engine.tasks.returnTargets(legalSign._id)).map((t) => t.activityId)).toEqual([
        'legal',
      ]);
      await expect(
        h.engine.tasks.returnTask(legalSign._id, staff('lawyer-chief'), {
          targetActivityId: 'draft',
          reason: '退回起草',
        }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await h.engine.tasks.returnTask(legalSign._id, staff('lawyer-chief'), { reason: '重审' });
      expect((await open(instance._id)).map((t) => [t.activityId, t.assignee]).sort()).toEqual([
        ['finance', 'accountant'],
        ['legal', 'lawyer'],
      ]);

      // both branches done: decide is the only token, and may go back before the fork, not into one branch
      await h.engine.tasks.complete((await byActivity('legal'))._id, staff('lawyer'), {});
      await h.engine.tasks.complete((await byActivity('legalSign'))._id, staff('lawyer-chief'), {});
      await h.engine.tasks.complete((await byActivity('finance'))._id, staff('accountant'), {});
      const decide = await only(instance._id);
      expect((await h.engine.tasks.returnTargets(decide._id)).map((t) => t.activityId)).toEqual([
        'draft',
      ]);
      await h.engine.tasks.returnTask(decide._id, staff('drafter'), { reason: '重新起草' });
      await h.engine.tasks.complete((await only(instance._id))._id, staff('drafter'), {});
      expect((await open(instance._id)).map((t) => t.activityId).sort()).toEqual([
        'finance',
        'legal',
      ]);
      // and the join joins once more, with no token left over from the first round
      await h.engine.tasks.complete((await byActivity('legal'))._id, staff('lawyer'), {});
      await h.engine.tasks.complete((await byActivity('finance'))._id, staff('accountant'), {});
      await h.engine.tasks.complete((await byActivity('legalSign'))._id, staff('lawyer-chief'), {});
      await h.engine.tasks.complete((await only(instance._id))._id, staff('drafter'), {});
      expect((await h.engine.getInstance(instance._id)).status).toBe('completed');
    });

    it('a fresh engine over the same database continues a returned instance to the end', async () => {
      const { instance, approve } = await atApproval();
      await h.engine.tasks.returnTask(approve._id, staff('chair', 'council'), {
        targetActivityId: 'draft',
        reason: '重来',
      });
      const restarted = await h.restart();
      const draft = (await restarted.tasks.openTasksOf(instance._id))[0];
      expect(draft).toMatchObject({ activityId: 'draft', assignee: 'drafter' });
      await restarted.tasks.complete(draft._id, staff('drafter'), { text: '二稿' });
      const review = (await restarted.tasks.openTasksOf(instance._id))[0];
      await restarted.tasks.complete(review._id, staff('clerk', 'office'), {});
      const again = (await restarted.tasks.openTasksOf(instance._id))[0];
      await restarted.tasks.complete(again._id, staff('chair', 'council'), {});
      expect(await restarted.getInstance(instance._id)).toMatchObject({
        status: 'completed',
        variables: { text: '二稿', opinion: '同意' },
      });
    });

    it('a return racing a completion of the same task: one wins, the other gets CONFLICT', async () => {
      for (let round = 0; round < 3; round++) {
        const instance = await h.engine.startInstance({
          processKey: 'three-step-approval',
          district: DISTRICT,
          starter: 'drafter',
        });
        await h.engine.tasks.complete((await only(instance._id))._id, staff('drafter'), {});
        const review = await only(instance._id);
        const [returned, completed] = await Promise.allSettled([
          h.engine.tasks.returnTask(review._id, staff('clerk', 'office'), { reason: '退回' }),
          h.engine.tasks.complete(review._id, staff('clerk', 'office'), { ok: true }),
        ]);
        expect([returned.status, completed.status].sort()).toEqual(['fulfilled', 'rejected']);
        const lost = (
          returned.status === 'rejected' ? returned : completed
        ) as PromiseRejectedResult;
        expect(isEngineError(lost.reason, 'CONFLICT')).toBe(true);

        // the winner's outcome, and only the winner's
        const status = (await h.engine.tasks.get(review._id)).status;
        const next = await only(instance._id);
        if (returned.status === 'fulfilled') {
          expect([status, next.activityId]).toEqual(['returned', 'draft']);
        } else {
          expect([status, next.activityId]).toEqual(['completed', 'approve']);
        }
        const history = (await h.engine.history(instance._id)).map((e) => e.type);
        expect(history.filter((t) => t === 'task.returned' || t === 'task.completed')).toHaveLength(
          2,
        );
      }
    });

    it('racing the completion of the last task, a return gets CONFLICT even when the instance has ended', async () => {
      for (let round = 0; round < 3; round++) {
        const { approve } = await atApproval();
        const results = await Promise.allSettled([
          h.engine.tasks.complete(approve._id, staff('chair', 'council'), {}),
          h.engine.tasks.returnTask(approve._id, staff('chair', 'council'), { reason: '退回' }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(isEngineError(lost.reason, 'CONFLICT')).toBe(true);
      }
    });
  });

  describe('retrieve', () => {
    async function afterDraft(starter: string) {
      const instance = await h.engine.startInstance({
        processKey: 'three-step-approval',
        district: DISTRICT,
        starter,
        variables: { text: '' },
      });
      const draft = await only(instance._id);
      await h.engine.tasks.complete(draft._id, staff(starter), { text: '送审稿' });
      return { instance, draft, review: await only(instance._id) };
    }

    it('takes a completed task back while its next task is untouched: the next task ends as retrieved, the data comes back as a draft', async () => {
      const { instance, draft, review } = await afterDraft('author');
      const retrieved = await h.engine.tasks.retrieve(draft._id, staff('author'));
      expect(retrieved.map((t) => t._id)).toEqual([review._id]);

      expect((await h.engine.tasks.get(review._id)).status).toBe('retrieved');
      const reopened = await only(instance._id);
      expect(reopened).toMatchObject({
        activityId: 'draft',
        assignee: 'author',
        draft: { text: '送审稿' },
      });
      expect(reopened._id).not.toBe(draft._id);
      const doc = await h.engine.getInstance(instance._id);
      expect(doc.variables).toEqual({ text: '' }); // as before the completion
      expect(doc.timers).toEqual([]); // review's reminder went with it
      const [event] = await events(instance._id, 'task.retrieved');
      expect(event).toMatchObject({
        taskId: draft._id,
        userId: 'author',
        data: { left: ['review'], retrievedTaskIds: [review._id] },
      });

      // and it can be completed again
      await h.engine.tasks.complete(reopened._id, staff('author'), { text: '修改稿' });
      expect((await only(instance._id)).activityId).toBe('review');
      expect((await h.engine.getInstance(instance._id)).variables).toEqual({ text: '修改稿' });
    });

    it('only the user who completed it may retrieve', async () => {
      const { draft } = await afterDraft('author');
      await expect(h.engine.tasks.retrieve(draft._id, staff('someone'))).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it.each([
      ['claimed', (t: TaskDoc) => h.engine.tasks.claim(t._id, staff('clerk', 'office'))],
      ['commented', (t: TaskDoc) => h.engine.tasks.comment(t._id, staff('clerk'), '看过了')],
      [
        'drafted',
        // a draft changes no instance revision: the task itself tells
        (t: TaskDoc) =>
          h.engine.tasks.saveDraft(t._id, staff('clerk', 'office'), { opinion: '草' }),
      ],
      ['delegated', (t: TaskDoc) => h.engine.tasks.delegate(t._id, staff('clerk', 'office'), 'u9')],
      ['completed', (t: TaskDoc) => h.engine.tasks.complete(t._id, staff('clerk', 'office'), {})],
    ])('is too late once the next task was %s', async (_how, touch) => {
      const { instance, draft, review } = await afterDraft('author');
      await touch(review);
      const error = await h.engine.tasks
        .retrieve(draft._id, staff('author'))
        .catch((e: unknown) => e);
      expect(isEngineError(error, 'CONFLICT')).toBe(true);
      expect((await h.engine.history(instance._id)).map((e) => e.type)).not.toContain(
        'task.retrieved',
      );
    });

    it('is too late for a task whose next task has been retrieved already', async () => {
      const { draft } = await afterDraft('author');
      await h.engine.tasks.retrieve(draft._id, staff('author'));
      await expect(h.engine.tasks.retrieve(draft._id, staff('author'))).rejects.toMatchObject({
        code: 'CONFLICT',
      });
    });
  });
});
