import { DISTRICT, type PlatformHarness } from '../support/platform-harness';
import {
  approveOpinion,
  castVote,
  compileOpinion,
  decidePlan,
  draftPlan,
  followUp,
  holdCoordinationMeeting,
  holdInquiryMeeting,
  m1,
  m2,
  opinionItems,
  questions,
  questionScope,
  requireRerectification,
  researchReport,
  sendOpinion,
  submitGovReport,
  summarizeResearch,
  throughOpinion,
  unitsReport,
} from './steps/special-inquiry-steps';
import { B, completedInstance, D, runJobsAt, S, useHarness } from './steps/scenario-steps';

/**
 * 专题询问 end to end on the real platform: the six stages, the council's return loop, research
 * groups in parallel, the question list told to the answering units as the district decides,
 * reminders before the report deadline, the shared satisfaction vote called once per round, the
 * re-rectification loop bounded by the district parameter, and the escalation to the council.
 * The steps and their form data: steps/special-inquiry-steps.ts.
 */
describe('special inquiry (专题询问)', () => {
  let h: PlatformHarness;

  const topic = '政府民生实事项目推进情况';
  const { open: tasksAt, sent: sentTo } = useHarness(
    ['special-inquiry'],
    (harness) => (h = harness),
    120_000,
  );

  it('runs the six stages: a returned plan, parallel research groups, a failed vote re-rectified, then passed', async () => {
    const inquiry = await h.start('special-inquiry', 'u-committee', {
      topic,
      year: 2026,
      source: 'plan',
      background: '民生实事项目事关群众切身利益。',
    });
    const where = { instanceId: inquiry._id };
    expect((await h.variables(inquiry._id)).questionDisclosure).toBe('scope');

    // 一、制定工作方案: the council returns the plan once; the committee revises it
    await draftPlan(h, where);
    await decidePlan(h, where, {
      planDecision: 'return',
      planReviewOpinion: '请补充调研对象和时间安排。',
    });
    const [revise] = await tasksAt(inquiry._id, 'draftPlan');
    expect(revise.candidateGroups).toEqual(['committee']);
    const view = await h.platform.describeTask(revise._id);
    expect(view.readOnly).toMatchObject({
      topic,
      planRound: 2,
      planReviewOpinion: '请补充调研对象和时间安排。',
    });
    await draftPlan(h, where, { planText: '修改后的方案' });
    // returning needs a reason: the form says so, and the server checks it
    const [approval] = await tasksAt(inquiry._id, 'approvePlan');
    await h.platform.engine.tasks.claim(approval._id, h.actor('u-council'));
    await expect(
      h.platform.completeTask(approval._id, h.actor('u-council'), { planDecision: 'return' }),
    ).rejects.toMatchObject({ details: [{ path: 'planReviewOpinion', message: '此项为必填' }] });
    await decidePlan(h, where, { planDecision: 'approve' });
    const planned = sentTo(inquiry._id, 'info')[0];
    expect(planned.title).toBe(`专题询问工作方案已经主任会议同意：${topic}`);
    expect(planned.userIds).toEqual(
      expect.arrayContaining(['u-leader', m1, m2, 'u-deputy-1', 'u-deputy-2', 'u-transport-1']),
    );

    // 二、开展调查研究: both groups work at the same time, each leader on its own report
    const research = await tasksAt(inquiry._id, 'research');
    expect(research.map((t) => t.assignee).sort()).toEqual([m1, m2]);
    expect(research[0].dueAt).toEqual(new Date('2026-04-30T23:59:59.999+08:00'));
    await h.complete(m2, 'research', researchReport('第二组'), where);
    expect(await tasksAt(inquiry._id, 'summarizeResearch')).toHaveLength(0);
    await h.complete(m1, 'research', researchReport('第一组'), where);
    const outputs = (await h.variables(inquiry._id)).researchOutputs as Record<string, unknown>;
    expect(Object.keys(outputs).sort()).toEqual(['1', '2']);
    expect(outputs['2']).toMatchObject({ reportTitle: expect.stringContaining('第二组') });
    await summarizeResearch(h, where);
    expect(sentTo(inquiry._id).some((n) => n.title === `专题调研报告已印发：${topic}`)).toBe(true);

    // 三、确定询问问题: under the default parameter only the scope is told, and it is required
    const [fix] = await tasksAt(inquiry._id, 'fixQuestions');
    await h.platform.engine.tasks.claim(fix._id, h.actor('u-committee'));
    await expect(
      h.platform.completeTask(fix._id, h.actor('u-committee'), { questions }),
    ).rejects.toMatchObject({ details: [{ path: 'questionScope', message: '此项为必填' }] });
    await h.complete('u-committee', 'fixQuestions', { questions, questionScope }, where);
    const scopeNotice = sentTo(inquiry._id).find((n) => n.title === `专题询问范围：${topic}`);
    expect(scopeNotice?.message).toBe(questionScope);
    expect(scopeNotice?.userIds.sort()).toEqual([
      'u-education-1',
      'u-transport-1',
      'u-transport-2',
    ]);
    expect(sentTo(inquiry._id).some((n) => n.title.startsWith('专题询问问题清单'))).toBe(false);

    // 四、召开协调会 and 五、专题询问 (record, 审议意见书 due five days after the meeting)
    await holdCoordinationMeeting(h, where);
    const meetingNotice = sentTo(inquiry._id).find((n) => n.title.startsWith('专题询问会议通知'));
    expect(meetingNotice?.message).toBe('会议定于 2026-05-20 在区人大常委会第一会议室举行。');
    expect(meetingNotice?.userIds).toEqual(
      expect.arrayContaining(['u-leader', m1, 'u-gov-office']),
    );
    h.clock.set('2026-05-20T17:00:00+08:00');
    await holdInquiryMeeting(h, where, { meetingSummary: '询问气氛热烈。' });
    const [compile] = await tasksAt(inquiry._id, 'compileOpinion');
    expect(compile.dueAt).toEqual(new Date('2026-05-25T23:59:59.999+08:00'));
    await compileOpinion(h, where);
    await approveOpinion(h, where);
    const [send] = await tasksAt(inquiry._id, 'sendOpinion');
    expect(send.dueAt).toEqual(new Date('2026-05-27T17:00:00+08:00'));
    h.clock.set('2026-05-28T10:00:00+08:00');
    await sendOpinion(h, where, '××人大常委会〔2026〕18号', '2026-05-28');
    expect(await h.variables(inquiry._id)).toMatchObject({
      rectificationRound: 1,
      reportDueDate: '2026-08-28',
    });

    // the documents carry the scenario's data, escaped
    const documents = await h.documents(inquiry._id);
    const list = documents.find((d) => d.key === 'question-list')!;
    expect(list.title).toBe(`关于${topic}专题询问的问题清单`);
    expect(list.html).toContain('城区学位缺口如何解决？');
    expect(list.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(list.html).not.toContain('<script>');
    expect(list.html).toContain('二〇二六年五月二十日');
    expect(list.html).toContain('农村客运、学位供给两个方面。');
    const opinion = documents.find((d) => d.key === 'review-opinion')!;
    expect(opinion).toMatchObject({
      title: `关于${topic}专题询问的审议意见`,
      number: '××人大常委会〔2026〕18号',
    });
    expect(opinion.html).toContain('××区人民政府：');
    expect(opinion.html).toContain('（一）加快农村客运班线恢复，建立停运预警机制。');
    expect(opinion.html).toContain('（二）科学编制学位供给规划');
    expect(opinion.html).toContain('于二〇二六年八月二十八日前将研究处理情况书面报告常委会');
    expect(opinion.html).toContain('年底前恢复全部停运班线');
    expect(opinion.html).toContain('二〇二六年十二月三十一日');
    expect((await h.variables(inquiry._id)).opinionDocumentId).toBe(opinion._id);

    // 六、跟踪监督: each answering unit reports; a reminder comes before the deadline
    const rectify = await tasksAt(inquiry._id, 'rectify');
    expect(rectify.map((t) => t.candidateUsers.sort())).toEqual(
      expect.arrayContaining([['u-transport-1', 'u-transport-2'], ['u-education-1']]),
    );
    expect(rectify[0].dueAt).toEqual(new Date('2026-08-28T23:59:59.999+08:00'));
    await h.advance('P76D'); // 2026-08-12 10:00: the first reminder (15 days before) has not come
    expect(sentTo(inquiry._id, 'reminder')).toHaveLength(0);
    await h.advance('P1D'); // 2026-08-13 10:00
    const [reminder] = sentTo(inquiry._id, 'reminder');
    expect(reminder.title).toBe(`研究处理情况报告即将到期：${topic}`);
    expect(reminder.userIds.sort()).toEqual(['u-education-1', 'u-transport-1', 'u-transport-2']);
    await unitsReport(h, where, 1);
    expect(Object.keys((await h.variables(inquiry._id)).rectifyOutputs as object).sort()).toEqual([
      'unit-education',
      'unit-transport',
    ]);
    await submitGovReport(h, where);
    await followUp(h, where);
    const firstVote = await castVote(h, inquiry._id, [S, D, D]);
    expect(firstVote.variables.subject).toBe(`对${topic}专题询问审议意见研究处理情况的满意度测评`);
    expect(firstVote.variables.items).toEqual([]); // voteScope overall: no items on the ballot
    expect((await h.variables(inquiry._id)).voteResult).toMatchObject({ passed: false, cast: 3 });

    // not passed: the committee sets new requirements, and the units report again
    await requireRerectification(h, where, '2026-09-10', '逐条说明班线恢复时间表。');
    expect(await h.variables(inquiry._id)).toMatchObject({
      rectificationRound: 2,
      reportDueDate: '2026-11-10',
    });
    const again = sentTo(inquiry._id, 'returned')[0];
    expect(again.message).toBe(
      '请于 2026-11-10 前重新逐项报告研究处理情况。逐条说明班线恢复时间表。',
    );
    expect(await tasksAt(inquiry._id, 'rectify')).toHaveLength(2);
    await unitsReport(h, where, 2, 'u-transport-2'); // the unit's other user this time
    await submitGovReport(h, where, {
      govReportText: '再次报告。',
      govReportSubmittedOn: '2026-11-01',
    });
    await followUp(h, where, {
      followUpMethods: ['briefing'],
      followUpFindings: '已整改。',
      followUpOpinion: '提请再次测评。',
      voteMeeting: '区第十八届人大常委会第三十二次会议',
    });
    const secondVote = await castVote(h, inquiry._id, [S, B, D]);
    expect(secondVote.variables.subject).toBe(
      `对${topic}专题询问审议意见研究处理情况的满意度测评（第2轮）`,
    );

    const done = await completedInstance(h, inquiry._id);
    expect(done.variables.roundsHistory).toEqual([
      expect.objectContaining({ round: 1, passed: false, reportDueDate: '2026-08-28' }),
      expect.objectContaining({ round: 2, passed: true, reportDueDate: '2026-11-10' }),
    ]);
    expect(sentTo(inquiry._id, 'completed').map((n) => n.title)).toContain(
      `专题询问审议意见研究处理情况满意度测评通过：${topic}`,
    );
    expect(await h.openTasks(inquiry._id)).toHaveLength(0);
    // no reminder timer outlives its round
    expect(done.timers).toEqual([]);
  }, 300_000);

  it('escalates to the council when every round fails, after the district maximum of re-rectifications', async () => {
    const saved = await h.platform.parameters.saved(DISTRICT);
    await h.platform.parameters.put(
      DISTRICT,
      { questionDisclosure: 'fullList', maxRectificationRounds: 2, voteScope: 'both' },
      { savedBy: 'u-office', expectedVersion: saved.version },
    );
    const inquiry = await h.start('special-inquiry', 'u-committee', {
      topic: '义务教育优质均衡发展',
      year: 2026,
      source: 'council',
      background: '群众关注学位供给。',
    });
    await h.platform.parameters.put(DISTRICT, {}, { savedBy: 'u-office' }); // back to the defaults
    const where = { instanceId: inquiry._id };
    await throughOpinion(h, where);

    // the full question list went to the answering units
    const listNotice = sentTo(inquiry._id).find((n) => n.title.startsWith('专题询问问题清单'));
    expect(listNotice?.message).toContain(
      '询问问题共 2 个：1.农村客运班线停运后群众出行如何保障？',
    );
    expect(sentTo(inquiry._id).some((n) => n.title.startsWith('专题询问范围'))).toBe(false);

    await h.complete(
      'u-council',
      'approveOpinion',
      { opinionDecision: 'return', opinionReviewOpinion: '意见要更具体。' },
      where,
    );
    expect((await h.variables(inquiry._id)).opinionRound).toBe(2);
    await compileOpinion(h, where, { opinionAssessment: '总体评价。', opinionProblems: '问题。' });
    await approveOpinion(h, where);
    h.clock.set('2026-08-14T10:00:00+08:00');
    await sendOpinion(h, where, '××人大常委会〔2026〕21号', '2026-08-14');
    expect((await h.variables(inquiry._id)).reportDueDate).toBe('2026-11-14');

    // nobody reports in time: both reminders, then an overdue notice every params.overdueReminderCycle
    await runJobsAt(h, '2026-11-15T10:00:00+08:00');
    expect(sentTo(inquiry._id, 'reminder')).toHaveLength(2);
    const [overdue] = sentTo(inquiry._id, 'overdue');
    expect(overdue.title).toBe('研究处理情况报告已逾期：义务教育优质均衡发展');
    expect(overdue.userIds.sort()).toEqual([
      'u-committee',
      'u-education-1',
      'u-gov-office',
      'u-transport-1',
      'u-transport-2',
    ]);
    await h.advance('P7D');
    expect(sentTo(inquiry._id, 'overdue')).toHaveLength(2);

    for (const round of [1, 2, 3]) {
      expect((await h.variables(inquiry._id)).rectificationRound).toBe(round);
      await unitsReport(h, where, round);
      await submitGovReport(h, where, { govReportText: `第${round}轮报告。` });
      await followUp(h, where, {
        followUpMethods: ['survey'],
        followUpFindings: '整改不到位。',
        voteMeeting: `第${round}次测评会议`,
      });
      const vote = await castVote(h, inquiry._id, [D, D, S]);
      // counted item by item (this instance started under voteScope "both"): one item per opinion
      expect(vote.variables.items).toEqual([
        { key: 'item1', title: `第1条：${opinionItems[0].text}` },
        { key: 'item2', title: `第2条：${opinionItems[1].text}` },
      ]);
      if (round < 3)
        await requireRerectification(
          h,
          where,
          ['2026-09-01', '2026-11-02'][round - 1],
          '继续整改。',
        );
    }

    // after the second re-rectification failed too, the council decides
    expect((await h.openTasks(inquiry._id)).map((t) => t.activityId)).toEqual(['escalate']);
    const [escalation] = await tasksAt(inquiry._id, 'escalate');
    expect(escalation.candidateGroups).toEqual(['council']);
    const [decide] = await tasksAt(inquiry._id, 'escalate');
    await h.platform.engine.tasks.claim(decide._id, h.actor('u-council'));
    await expect(
      h.platform.completeTask(decide._id, h.actor('u-council'), {
        escalationMeasures: ['interview'],
        escalationOpinion: '约谈区交通运输局主要负责人。',
      }),
    ).rejects.toMatchObject({ details: [{ path: 'interviewDate', message: '此项为必填' }] });
    await h.complete(
      'u-council',
      'escalate',
      {
        escalationMeasures: ['writtenInspection', 'interview'],
        escalationOpinion: '责令作出书面检查，并约谈主要负责人。',
        interviewDate: '2026-12-15',
        inspectionDueDate: '2026-12-31',
      },
      where,
    );
    const done = await completedInstance(h, inquiry._id);
    expect((done.variables.roundsHistory as { passed: boolean }[]).map((r) => r.passed)).toEqual([
      false,
      false,
      false,
    ]);
    const decision = sentTo(inquiry._id).find((n) =>
      n.title.startsWith('专题询问跟踪监督：主任会议处理决定'),
    );
    expect(decision?.message).toBe('责令作出书面检查，并约谈主要负责人。');
    const history = await h.platform.engine.history(inquiry._id);
    const entered = history.filter((e) => e.type === 'activity.entered').map((e) => e.activityId);
    expect(entered).toContain('escalated');
    expect(entered).not.toContain('closed');
    expect(entered.filter((a) => a === 'vote')).toHaveLength(3);
  }, 300_000);
});
