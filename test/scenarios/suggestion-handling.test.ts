import { DISTRICT, type PlatformHarness } from '../support/platform-harness';
import {
  AFFAIRS,
  calendar,
  CO_SIGNER,
  completedInstance,
  DEPUTY,
  EDUCATION,
  GOV_OFFICE,
  HEALTH,
  LEADER,
  localDate,
  runJobsAt,
  TRANSPORT,
  useHarness,
} from './steps/scenario-steps';
import {
  assigned,
  childOf,
  closeHandling,
  convene,
  feedback,
  fourPartyReview,
  giveOpinion,
  publish,
  replyA,
  submission,
} from './steps/suggestion-handling-steps';

/**
 * 代表建议办理 (suggestion-handling) with the shared 四方会审 (four-party-review), end to end on a real
 * FerretDB and virtual time, one test user per role (test/support/platform-harness.ts):
 * 代表1 领衔, 代表2 附议; 孙主任 代表工委; 周督查 政府督查室; 吴副主任 领衔督办; units
 * 区交通运输局 (主办), 区教育局 and 区卫生健康委员会 (协办). District parameters are the library
 * defaults (processes/parameters.json) unless a test saves its own. The steps and their form data:
 * steps/suggestion-handling-steps.ts.
 */
jest.setTimeout(120_000);

/** 09:00 China time of a date. */
const at = (date: string, time = '09:00') => new Date(`${date}T${time}:00+08:00`);
describe('代表建议办理 · 四方会审', () => {
  let h: PlatformHarness;
  const {
    activities,
    complete,
    sent: notifications,
  } = useHarness(['suggestion-handling'], (harness) => (h = harness));

  it('plain path: 登记 → 主办与两家协办 → 协办意见 → A 类答复 → 满意 → 办结, with documents and statistics', async () => {
    h.clock.set(at('2026-04-27'));
    const id = await assigned(
      h,
      {},
      {
        suggestion:
          '一、开展线网评估；二、开通接驳线路<script>alert("x")</script>；三、公开征求意见。',
      },
    );
    expect(await activities(id)).toEqual(['coInput', 'coInput', 'handle', 'returnRequest']);
    const v = await h.variables(id);
    expect(v).toMatchObject({
      replyDueDate: '2026-07-27', // 交办 + params.replyDeadline (P3M)
      coInputDueDate: '2026-05-27', // + params.coHandlingInputDeadline (P1M)
      replyDueLimit: '2026-10-27', // + params.replyDeadlineExtended (P6M)
      explanationCodes: ['C'],
      planCodes: ['B'],
      handlingRound: 1,
    });
    expect(notifications(id, 'assigned')[0]?.userIds).toEqual(
      expect.arrayContaining(['u-transport-1', 'u-education-1', 'u-health-1', GOV_OFFICE]),
    );

    await complete(EDUCATION, 'coInput', id, {
      coOpinion: '学校周边线路调整请与我局对接上下学时段。',
      coContactPerson: '刘老师',
      coContactPhone: '13900139000',
    });
    await complete(HEALTH, 'coInput', id, {
      coOpinion: '建议在区人民医院设置公交首末站。',
      coMeasures: '配合提供就诊高峰数据。',
      coContactPerson: '何主任',
      coContactPhone: '13700137000',
    });
    // both co-units have answered: their opinions are collected for the lead unit's reply
    expect((await h.variables(id)).coInputs).toEqual([
      expect.objectContaining({
        unit: 'unit-education',
        opinion: '学校周边线路调整请与我局对接上下学时段。',
      }),
      expect.objectContaining({
        unit: 'unit-health',
        measures: '配合提供就诊高峰数据。',
        contactPerson: '何主任',
      }),
    ]);

    // the return window (params.returnWindow, P7WD) closes; the lead unit handles and replies
    await h.advance('P20D');
    expect(await activities(id)).toEqual(['handle']);
    // the form is validated on the server: a contact log is mandatory (params.deputyContactRequired)
    // and a code that needs an explanation (params.replyCodes, C) cannot go without one
    const refusedPaths = (data: Record<string, unknown>) =>
      complete(TRANSPORT, 'handle', id, data).then(
        () => [],
        (error: { details?: { path: string }[] }) =>
          (error.details ?? []).map((d) => d.path).sort(),
      );
    expect(await refusedPaths(replyA({ contactLog: [] }))).toEqual(['contactLog']);
    expect(await refusedPaths(replyA({ replyCode: 'C' }))).toEqual(['replyExplanation']);
    await complete(TRANSPORT, 'handle', id, replyA());
    expect(await activities(id)).toEqual(['feedback']);
    expect(notifications(id, 'completed')[0]?.userIds.sort()).toEqual([DEPUTY, CO_SIGNER].sort());

    await feedback(h, id, '满意', '2026-06-15');
    // not a key item, 满意, code A: 四方会审 is optional — 代表工委 decides
    expect((await h.variables(id)).fourPartyRequired).toBe(false);
    await closeHandling(h, id, '2026-06-16');
    await publish(h, id, '2026-06-20', '新开通接驳线路两条，调整重复线路三条，代表满意。');

    const done = await completedInstance(h, id);
    expect(done.variables.statistics).toMatchObject({
      onTime: true,
      replyCode: 'A',
      satisfaction: '满意',
      satisfied: true,
      rounds: 1,
      fourPartyReviews: 0,
      published: true,
    });
    expect(notifications(id, 'reminder')).toHaveLength(0);
    expect(notifications(id, 'overdue')).toHaveLength(0);

    const documents = await h.documents(id);
    expect(documents.map((d) => d.key)).toEqual(['assignment-notice', 'reply-letter']);
    const [notice, letter] = documents;
    expect(notice.number).toBe('××人大常委会代建交〔2026〕12号');
    expect(notice.html).toContain('关于优化城区公交线网的建议');
    expect(notice.html).toContain('二〇二六年七月二十七日'); // the reply deadline
    expect(notice.html).toContain('7个工作日'); // the return window, from params
    expect(notice.html).toMatch(/区教育局|unit-education/); // the co-handling units are addressed
    expect(notice.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(notice.html).not.toContain('<script>');
    expect(letter.html).toContain('A类');
    expect(letter.html).toContain('已新开通接驳线路两条');
    expect(letter.html).toContain('签发人：王局长');
    expect(letter.html).toContain('二〇二六年六月十日'); // signed on the reply date
  });

  it('退办: a return on working day 6 across 劳动节 is reassigned; on working day 8 it is refused', async () => {
    // 交办 on Wednesday 29 April 2026; 1–5 May is 劳动节 and Saturday 9 May a make-up working day
    const assignedAt = at('2026-04-29');
    const day6 = calendar.addWorkingDays(assignedAt, 6);
    const day8 = calendar.addWorkingDays(assignedAt, 8);
    expect(localDate(day6)).toBe('2026-05-11');
    expect(localDate(day8)).toBe('2026-05-13');

    h.clock.set(assignedAt);
    const returned = await assigned(h);
    const refused = await assigned(h);

    await runJobsAt(h, at('2026-05-11', '10:00'));
    await complete(TRANSPORT, 'returnRequest', returned, {
      returnReason: '公交线网规划由区住建局负责，不属于我局职责范围。',
      returnSuggestedUnit: 'unit-health',
    });
    await complete(AFFAIRS, 'returnReview', returned, {
      returnApproved: true,
      returnReviewOpinion: '同意退办，改由区卫生健康委员会主办。',
    });
    // the whole handling (lead and co-units) is withdrawn and the suggestion comes back to 交办
    expect(await activities(returned)).toEqual(['assign']);
    expect(await h.variables(returned)).toMatchObject({
      returnCount: 1,
      returnHistory: [{ unit: 'unit-transport', reason: expect.stringContaining('住建局') }],
    });
    await complete(AFFAIRS, 'assign', returned, {
      refNo: '××人大常委会代建交〔2026〕13号',
      assignedOn: '2026-05-11',
      leadUnit: 'unit-health',
      coUnits: [],
      keyItem: false,
    });
    const reassigned = await h.openTasks(returned);
    expect(reassigned.map((t) => t.activityId).sort()).toEqual(['handle', 'returnRequest']);
    expect(reassigned.find((t) => t.activityId === 'handle')?.candidateUsers).toEqual([HEALTH]);
    expect((await h.variables(returned)).replyDueDate).toBe('2026-08-11');

    // the other suggestion: the window has closed by working day 8, and with it the option
    const option = (await h.openTasks(refused)).find((t) => t.activityId === 'returnRequest')!;
    await runJobsAt(h, at('2026-05-13', '10:00'));
    expect(await activities(refused)).toEqual(['coInput', 'coInput', 'handle']);
    await expect(
      h.platform.completeTask(option._id, h.actor(TRANSPORT), {
        returnReason: '公交线网规划由区住建局负责，不属于我局职责范围。',
      }),
    ).rejects.toThrow();
    await expect(
      complete(TRANSPORT, 'returnRequest', refused, { returnReason: '不属于我局职责范围的事项。' }),
    ).rejects.toThrow(/0 open 'returnRequest'/);
  });

  it('a key item cannot leave 四方会审 until all four parties have given their opinion', async () => {
    h.clock.set(at('2026-03-02'));
    const id = await assigned(h, { keyItem: true, supervisingLeader: LEADER, coUnits: [] });
    await h.advance('P3D');
    // replying ends the handling: the 退办 option still open in the window is withdrawn with it
    expect(await activities(id)).toEqual(['handle', 'returnRequest']);
    await complete(TRANSPORT, 'handle', id, replyA());
    expect(await activities(id)).toEqual(['feedback']);
    await feedback(h, id, '满意', '2026-03-20');
    expect(await h.variables(id)).toMatchObject({
      fourPartyRequired: true,
      fourPartyReason: '重点督办建议',
    });

    const child = await childOf(h, id);
    expect(child.processKey).toBe('four-party-review');
    expect(child.variables).toMatchObject({
      subject: '关于优化城区公交线网的建议',
      deputy: DEPUTY,
      handlingUnit: 'unit-transport',
      reviewReason: '重点督办建议',
    });
    await convene(h, child._id, '2026-03-25');
    expect(await activities(child._id)).toEqual([
      'deputyOpinion',
      'govOpinion',
      'supervisorOpinion',
      'unitOpinion',
    ]);
    const give = (party: 'deputy' | 'unit' | 'gov' | 'supervisor') =>
      giveOpinion(h, child._id, party, 'confirm', `${party}：认可答复，线路调整已见成效。`);
    await give('deputy');
    await give('unit');
    await give('gov');
    // three of four: no decision can be taken, and the suggestion stays in 四方会审
    expect(await activities(child._id)).toEqual(['supervisorOpinion']);
    await expect(
      complete(AFFAIRS, 'decide', child._id, {
        decision: 'confirm',
        conclusion: '确认答复，予以办结。',
      }),
    ).rejects.toThrow(/0 open 'decide'/);
    expect((await h.instance(id)).activeActivityIds).toEqual(['fourPartyReview']);

    await give('supervisor');
    await complete(AFFAIRS, 'decide', child._id, {
      decision: 'confirm',
      conclusion: '四方一致认可答复，建议予以办结，继续跟踪城东新区线路。',
    });
    expect((await h.instance(child._id)).status).toBe('completed');
    const [minutes] = await h.documents(child._id);
    expect(minutes.key).toBe('review-minutes');
    expect(minutes.title).toBe('《关于优化城区公交线网的建议》四方会审纪要');
    for (const party of ['deputy', 'unit', 'gov', 'supervisor'])
      expect(minutes.html).toContain(`${party}：认可答复，线路调整已见成效。`);
    expect(minutes.html).toContain('二〇二六年三月二十五日');

    // back in the suggestion: the key item goes to the supervising leader, then publication
    expect(await activities(id)).toEqual(['keySupervision']);
    await complete(LEADER, 'keySupervision', id, {
      superviseRecords: [
        {
          superviseDate: '2026-03-10',
          superviseMethod: '实地督办',
          superviseContent: '实地察看新开通线路。',
        },
      ],
      superviseConclusion: '办理扎实，同意办结。',
    });
    await publish(
      h,
      id,
      '2026-03-30',
      '重点建议经四方会审确认办结，新开通线路运行良好，代表满意。',
    );
    expect((await h.instance(id)).variables.statistics).toMatchObject({
      keyItem: true,
      fourPartyReviews: 1,
    });
  });

  it('不满意 → 四方会审 → 重新办理 → 满意', async () => {
    h.clock.set(at('2026-06-01'));
    const id = await assigned(h, { coUnits: ['unit-education'] });
    await complete(EDUCATION, 'coInput', id, {
      coOpinion: '配合调整学校周边线路。',
      coContactPerson: '刘老师',
      coContactPhone: '13900139000',
    });
    await h.advance('P1M');
    await expect(
      complete(TRANSPORT, 'handle', id, replyA({ replyCode: 'B' })),
    ).rejects.toMatchObject({
      details: [
        expect.objectContaining({ path: 'replyPlan' }),
        expect.objectContaining({ path: 'replyPlanDeadline' }),
      ],
    });
    await complete(
      TRANSPORT,
      'handle',
      id,
      replyA({
        replyCode: 'B',
        replyPlan: '城东新区接驳线路列入明年公交线网调整计划。',
        replyPlanDeadline: '2027-06-30',
      }),
    );
    await expect(
      complete(DEPUTY, 'feedback', id, {
        contactMade: false,
        satisfaction: '不满意',
        feedbackDate: '2026-07-05',
      }),
    ).rejects.toMatchObject({
      details: [
        expect.objectContaining({ path: 'dissatisfactionReasons' }),
        expect.objectContaining({ path: 'feedbackComment' }),
      ],
    });
    await complete(DEPUTY, 'feedback', id, {
      contactMade: false,
      satisfaction: '不满意',
      dissatisfactionReasons: ['未与代表沟通联系', '所提问题未解决'],
      feedbackComment: '城东新区问题没有解决，也没有与我沟通。',
      feedbackDate: '2026-07-05',
    });
    expect(await h.variables(id)).toMatchObject({
      fourPartyRequired: true,
      fourPartyReason: '代表评价不满意',
    });

    await fourPartyReview(h, id, {
      decision: 'rehandle',
      rehandleRequirements: '会同区住建局研究城东新区线路，当面向代表说明。',
      conclusion: '办理不到位，由区交通运输局重新办理并限期答复。',
    });
    // re-handling: a new deadline from the meeting day (params.rehandlingDeadline, P1M), no new return window
    expect(await h.variables(id)).toMatchObject({
      handlingRound: 2,
      replyDueDate: '2026-08-01', // 会审 on 2026-07-01 + P1M
      fourPartyReviewCount: 1,
    });
    expect(await activities(id)).toEqual(['handle']);
    expect(notifications(id, 'returned')).toHaveLength(1);
    await complete(
      TRANSPORT,
      'handle',
      id,
      replyA({
        replyResults: '城东新区接驳线路已于七月开通，并当面向代表通报。',
        replyDate: '2026-07-20',
      }),
    );
    await feedback(h, id, '满意', '2026-07-22');
    await closeHandling(h, id, '2026-07-23');
    await publish(h, id, '2026-07-25', '经四方会审重新办理，城东新区接驳线路已开通，代表满意。');
    const done = await completedInstance(h, id);
    expect(done.variables.statistics).toMatchObject({
      satisfaction: '满意',
      rounds: 2,
      fourPartyReviews: 1,
      replyCode: 'A',
    });
    expect((await h.documents(id)).map((d) => d.key)).toEqual([
      'assignment-notice',
      'reply-letter',
      'reply-letter',
    ]);
  });

  it('审查登记: returned for revision, resubmitted and merged; or withdrawn by the deputy', async () => {
    h.clock.set(at('2026-03-02'));
    const merged = await h.start('suggestion-handling', DEPUTY, submission());
    await complete(AFFAIRS, 'register', merged._id, {
      registerDecision: 'return',
      registerOpinion: '建议内容不够具体，请补充拟调整的线路和站点。',
    });
    expect(await activities(merged._id)).toEqual(['revise']);
    await complete(DEPUTY, 'revise', merged._id, {
      reviseAction: 'resubmit',
      title: '关于优化城东新区公交线路的建议',
      category: '城乡建设与管理',
      situation: '城东新区入住人口已超过三万，目前仅有一条公交线路经过，高峰时段候车超过二十分钟。',
      analysis: '新区建设快于公交配套，线路规划未随人口变化调整。',
      suggestion:
        '一、新开通城东新区至火车站的公交线路；二、在新区学校、医院增设站点；三、高峰时段加密班次。',
    });
    expect(await h.variables(merged._id)).toMatchObject({
      title: '关于优化城东新区公交线路的建议',
    });
    await complete(AFFAIRS, 'register', merged._id, {
      registerDecision: 'merge',
      mergedInto: '8',
      registerOpinion: '与第8号建议内容相同，并案办理。',
    });
    expect((await h.instance(merged._id)).status).toBe('completed');
    expect(notifications(merged._id, 'info')[0]).toMatchObject({
      userIds: [DEPUTY, CO_SIGNER],
      title: '您提出的建议《关于优化城东新区公交线路的建议》已并入第8号建议办理',
    });

    const withdrawn = await h.start('suggestion-handling', DEPUTY, submission());
    await complete(AFFAIRS, 'register', withdrawn._id, {
      registerDecision: 'return',
      registerOpinion: '所提问题属于市级事权，建议向市人大代表反映。',
    });
    await expect(
      complete(DEPUTY, 'revise', withdrawn._id, { reviseAction: 'withdraw' }),
    ).rejects.toMatchObject({ details: [{ path: 'withdrawReason', message: expect.any(String) }] });
    await complete(DEPUTY, 'revise', withdrawn._id, {
      reviseAction: 'withdraw',
      withdrawReason: '同意代表工委意见，撤回本建议。',
    });
    await completedInstance(h, withdrawn._id);
    expect(
      (await h.platform.engine.history(withdrawn._id)).some((e) => e.activityId === 'withdrawn'),
    ).toBe(true);
  });

  it('延期: an approved extension moves the deadline, never past params.replyDeadlineExtended', async () => {
    h.clock.set(at('2026-09-01'));
    const id = await assigned(h, { coUnits: [] });
    expect(await h.variables(id)).toMatchObject({
      replyDueDate: '2026-12-01',
      replyDueLimit: '2027-03-01',
    });
    await h.advance('P1M');
    await expect(
      complete(TRANSPORT, 'handle', id, { handleAction: 'extension' }),
    ).rejects.toMatchObject({
      details: expect.arrayContaining([expect.objectContaining({ path: 'extensionReason' })]),
    });
    await complete(TRANSPORT, 'handle', id, {
      handleAction: 'extension',
      extensionReason: '线网调整须经市交通部门审批，审批周期较长。',
      extensionRequestedDate: '2027-05-01',
    });
    await complete(AFFAIRS, 'extensionReview', id, {
      extensionApproved: true,
      extensionDueDate: '2027-05-01',
    });
    expect(await h.variables(id)).toMatchObject({ replyDueDate: '2027-03-01', extensionCount: 1 });
    const [handle] = await h.openTasks(id);
    expect(handle.activityId).toBe('handle');
    expect(handle.dueAt?.toISOString()).toBe('2027-03-01T15:59:59.999Z');
    // the old deadline passes without escalation; the timers follow the new one
    await runJobsAt(h, at('2026-12-05'));
    expect(notifications(id, 'overdue')).toHaveLength(0);
    const timers = (await h.instance(id)).timers.filter((t) => t.activityId === 'overdueTimer');
    expect(timers.map((t) => t.dueAt.toISOString())).toEqual(['2027-03-01T15:59:59.000Z']);
  });

  it('代表工委 may call an optional 四方会审, which re-codes the reply', async () => {
    h.clock.set(at('2026-10-12'));
    const id = await assigned(h, { coUnits: [] });
    await h.advance('P20D');
    await complete(TRANSPORT, 'handle', id, replyA());
    await feedback(h, id, '基本满意', '2026-11-03');
    expect((await h.variables(id)).fourPartyRequired).toBe(false);
    await complete(AFFAIRS, 'resultReview', id, {
      reviewChoice: 'fourParty',
      resultReviewDate: '2026-11-04',
      resultReviewOpinion: '答复称问题已解决，但城东新区线路尚未开通，提请四方会审。',
    });
    const childId = await fourPartyReview(h, id, {
      decision: 'recode',
      newReplyCode: 'B',
      conclusion: '问题正在解决，答复类别调整为B类，继续跟踪。',
    });
    expect((await h.instance(childId)).variables.reviewReason).toBe('代表工委提请');
    await publish(h, id, '2026-11-10', '经四方会审，答复类别由A类调整为B类，继续跟踪办理。');
    const done = await h.instance(id);
    expect(done.variables).toMatchObject({ replyCode: 'B', fourPartyDecision: 'recode' });
    expect(done.variables.statistics).toMatchObject({ replyCode: 'B', fourPartyReviews: 1 });
    const [minutes] = await h.documents(childId);
    expect(minutes.html).toContain('调整为B类');
  });

  it('不满意 beyond params.maxRehandlingRounds goes to 主任会议 (四方会审 optional by params)', async () => {
    await h.platform.parameters.put(DISTRICT, {
      fourPartyReviewWhen: ['keyItem'],
      maxRehandlingRounds: 1,
    });
    h.clock.set(at('2026-02-02'));
    const id = await assigned(h, { coUnits: [] });
    await h.advance('P15D');
    const dissatisfied = {
      contactMade: true,
      satisfaction: '不满意',
      dissatisfactionReasons: ['所提问题未解决'],
      feedbackComment: '线路仍未开通，群众意见很大。',
      feedbackDate: '2026-02-20',
    };
    await complete(TRANSPORT, 'handle', id, replyA());
    await complete(DEPUTY, 'feedback', id, dissatisfied);
    expect((await h.variables(id)).fourPartyRequired).toBe(false);
    await complete(AFFAIRS, 'resultReview', id, {
      reviewChoice: 'rehandle',
      resultReviewDate: '2026-02-24',
      resultReviewOpinion: '请于重新办理期限内开通线路并当面向代表说明。',
    });
    expect(await h.variables(id)).toMatchObject({
      handlingRound: 2,
      replyDueDate: '2026-03-24', // 审查日期 + params.rehandlingDeadline (P1M)
      rehandleRequirements: '请于重新办理期限内开通线路并当面向代表说明。',
    });
    await complete(TRANSPORT, 'handle', id, replyA({ replyDate: '2026-03-10' }));
    await complete(DEPUTY, 'feedback', id, { ...dissatisfied, feedbackDate: '2026-03-12' });
    await complete(AFFAIRS, 'resultReview', id, {
      reviewChoice: 'rehandle',
      resultReviewDate: '2026-03-13',
      resultReviewOpinion: '仍未解决，再次退回重新办理。',
    });
    expect(await activities(id)).toEqual(['council']);
    await complete('u-council', 'council', id, {
      councilDecision: 'interview',
      councilMeetingDate: '2026-03-20',
      councilOpinion: '约谈区交通运输局主要负责人，限期开通线路。',
    });
    expect(await activities(id)).toEqual(['publish']);
  });

  it('an overdue reply is reminded at the configured lead times and escalated at the due date', async () => {
    await h.platform.parameters.put(DISTRICT, {
      reminderLeadTimes: ['P10D', 'P2D'],
      overdueReminderCycle: 'P5D',
    });
    h.clock.set(at('2026-09-01'));
    const id = await assigned(h, { coUnits: [] });
    expect((await h.variables(id)).replyDueDate).toBe('2026-12-01');

    await runJobsAt(h, at('2026-11-21', '08:59'));
    expect(notifications(id, 'reminder')).toHaveLength(0);
    await runJobsAt(h, at('2026-11-21', '09:00')); // 10 days before the due date
    expect(notifications(id, 'reminder')).toHaveLength(1);
    expect(notifications(id, 'reminder')[0].userIds.sort()).toEqual([
      'u-transport-1',
      'u-transport-2',
    ]);
    await runJobsAt(h, at('2026-11-29', '09:00')); // 2 days before
    expect(notifications(id, 'reminder')).toHaveLength(2);

    await runJobsAt(h, at('2026-12-01', '23:59'));
    expect(notifications(id, 'overdue')).toHaveLength(0);
    await runJobsAt(h, at('2026-12-02', '00:00')); // the due date has passed
    const [escalation] = notifications(id, 'overdue');
    expect(escalation.userIds).toEqual(
      expect.arrayContaining(['u-transport-1', GOV_OFFICE, AFFAIRS]),
    );
    expect((await h.variables(id)).overdue).toBe(true);
    await h.advance('P5D'); // params.overdueReminderCycle
    expect(notifications(id, 'overdue')).toHaveLength(2);

    await complete(TRANSPORT, 'handle', id, replyA({ replyDate: '2026-12-08' }));
    await h.advance('P1D');
    expect(notifications(id, 'overdue')).toHaveLength(2);
    await feedback(h, id, '基本满意', '2026-12-10');
    await closeHandling(h, id, '2026-12-11');
    await complete(AFFAIRS, 'publish', id, {
      publishDecision: 'withhold',
      withholdReason: '代表要求不公开。',
      handlingReport: '承办单位逾期答复，经政府督查室和代表工委督办后答复代表。',
    });
    expect((await h.instance(id)).variables.statistics).toMatchObject({
      onTime: false,
      satisfied: true,
      published: false,
    });
  });
});
