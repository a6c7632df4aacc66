import type { InstanceDoc } from '../../engine/src';
import { DISTRICT, type PlatformHarness } from '../support/platform-harness';
import {
  rateReply,
  reply,
  routedToTransport,
  submission,
  submit,
  triage,
  unitReplies,
} from './steps/citizen-feedback-steps';
import {
  AFFAIRS,
  calendar,
  CITIZEN,
  completedInstance,
  DEPUTY,
  expectDeploysCleanly,
  OFFICE,
  runJobsAt,
  useHarness,
} from './steps/scenario-steps';

/**
 * 群众意见直通车 (citizen-feedback) end to end on a real FerretDB and virtual time: a citizen's
 * 码上提 submission, 办公室 triage by 会议提醒 / 信访转办 / 社情民意专项交办 to a unit or into a deputy's
 * suggestion (the called 代表建议办理), the unit's reply within the district deadline with a reminder
 * and an overdue notice, the citizen's rating and the 不满意 loop. The citizen submits with a
 * mini-program account (`c-citizen-1`, no role) and rates as the instance's starter; 李秘书 is 办公室,
 * 区交通运输局 the unit, 代表1 the deputy, 孙主任 代表工委 in the called process. The steps and their
 * form data: steps/citizen-feedback-steps.ts.
 */
jest.setTimeout(120_000);

describe('群众意见直通车 citizen feedback', () => {
  let h: PlatformHarness;
  const { open, activities, complete, sent } = useHarness(
    ['citizen-feedback'],
    (harness) => (h = harness),
  );

  it('deploys without problems or warnings, with diagram shapes and edges for every element', async () => {
    await expectDeploysCleanly(
      h,
      'citizen-feedback.bpmn',
      [
        'startEvent',
        'endEvent',
        'userTask',
        'serviceTask',
        'callActivity',
        'exclusiveGateway',
        'boundaryEvent',
      ],
      60,
    );
  });

  it('checks the 码上提 form: name optional, phone, location, category and content required', async () => {
    await expect(
      h.platform.startInstance(DISTRICT, 'citizen-feedback', CITIZEN, {
        citizenPhone: '12345',
        location: ' ',
        content: '太短',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: expect.arrayContaining([
        { path: 'citizenPhone', message: expect.any(String) },
        { path: 'location', message: '不能只包含空白字符' },
        { path: 'category', message: '此项为必填' },
        { path: 'content', message: expect.stringContaining('10') },
      ]),
    });
    const id = await submit(h, { citizenName: undefined, attachments: undefined });
    const [task] = await open(id, 'triage');
    expect(task.candidateGroups).toEqual(['office']);
    // params.citizenFeedbackTriageDeadline = P2WD
    expect(task.dueAt).toEqual(calendar.addWorkingDays(h.clock.now(), 2));
    expect((await h.platform.describeTask(task._id)).readOnly).toMatchObject({
      citizenPhone: '13812345678',
      content: submission().content,
    });
  });

  it('会议提醒: the unit fixes and replies, the citizen is satisfied — and never sees who the citizen is', async () => {
    const id = await routedToTransport(h, 'meeting', {
      meetingName: '主任会议',
      meetingDate: '2026-03-02',
      triageOpinion: '请三日内清理并答复群众。',
    });
    expect(sent(id, 'assigned')).toEqual([
      expect.objectContaining({
        title: '会议提醒：主任会议提醒办理群众反映的问题（城东街道幸福小区东门）',
        message: '请三日内清理并答复群众。',
        userIds: ['u-transport-1', 'u-transport-2'],
      }),
    ]);
    const [handle] = await open(id, 'handle');
    expect(handle.candidateUsers.sort()).toEqual(['u-transport-1', 'u-transport-2']);
    // params.citizenFeedbackReplyDeadline = P5WD: 马上办、及时回
    expect(handle.dueAt).toEqual(calendar.addWorkingDays(h.clock.now(), 5));
    const view = await h.platform.describeTask(handle._id);
    expect(view.readOnly).toMatchObject({ route: 'meeting', meetingName: '主任会议' });
    expect(view.readOnly).not.toHaveProperty('citizenName');
    expect(view.readOnly).not.toHaveProperty('citizenPhone');

    await unitReplies(h, id);
    expect(sent(id, 'completed')).toEqual([
      expect.objectContaining({
        title: '您反映的问题已答复，请查看并评价',
        message: reply().replyText,
        userIds: [CITIZEN],
      }),
    ]);
    const [rate] = await open(id, 'rate');
    expect(rate.assignee).toBe(CITIZEN);
    expect((await h.platform.describeTask(rate._id)).readOnly).toMatchObject({
      replyText: reply().replyText,
      handlingResult: 'resolved',
    });
    await rateReply(h, id, 'satisfied');
    const done = await completedInstance(h, id);
    expect(done.variables).toMatchObject({ rating: 'satisfied', handlingRound: 1 });
  });

  it('社情民意专项交办: reminds the unit at the district offset, then marks it overdue at the deadline', async () => {
    const id = await routedToTransport(
      h,
      'special',
      { assignRequirements: '请会同街道专项整治，五个工作日内答复。' },
      { location: '城西菜市场', content: '菜市场周边夜间噪音扰民，多次反映未解决。' },
    );
    expect(sent(id, 'assigned')[0]).toMatchObject({
      title: '社情民意专项交办：请办理群众反映的问题（城西菜市场）',
      message: '请会同街道专项整治，五个工作日内答复。',
    });
    const assignedAt = h.clock.now();
    const remindAt = calendar.addWorkingDays(assignedAt, 3); // params.citizenFeedbackReminderAfter
    const overdueAt = calendar.addWorkingDays(assignedAt, 5); // params.citizenFeedbackReplyDeadline

    await runJobsAt(h, new Date(remindAt.getTime() - 60_000));
    expect(sent(id, 'reminder')).toEqual([]);
    await runJobsAt(h, remindAt);
    expect(sent(id, 'reminder')).toEqual([
      expect.objectContaining({
        title: '群众反映的问题（城西菜市场）请抓紧办理并答复，马上办、及时回',
        userIds: ['u-transport-1', 'u-transport-2'],
      }),
    ]);
    expect(sent(id, 'overdue')).toEqual([]);
    await runJobsAt(h, overdueAt);
    expect(sent(id, 'overdue')).toEqual([
      expect.objectContaining({
        title: '群众反映的问题（城西菜市场）已超过答复期限，请立即办理并答复',
        userIds: expect.arrayContaining(['u-transport-1', OFFICE]),
      }),
    ]);
    // the notices leave the task with the unit
    expect(await activities(id)).toEqual(['handle']);
    await unitReplies(h, id, { handlingResult: 'inProgress', plannedCompletion: '2026-04-30' });
    expect(await activities(id)).toEqual(['rate']);
  });

  it('信访转办 and 不满意: back to the unit once, then to the office', async () => {
    const id = await routedToTransport(h, 'petition', {
      petitionNo: '信〔2026〕15号',
    });
    expect(sent(id, 'assigned')[0].title).toBe(
      '信访转办（信〔2026〕15号）：请办理群众反映的问题（城东街道幸福小区东门）',
    );
    await unitReplies(h, id);
    await expect(rateReply(h, id, 'dissatisfied')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'ratingComment', message: '此项为必填' }],
    });
    await rateReply(h, id, 'dissatisfied', '第二天摊点又回来了。');
    // round 2: the unit sees why the citizen was not satisfied
    expect(sent(id, 'returned')).toEqual([
      expect.objectContaining({
        title: '群众对答复不满意，请重新办理（城东街道幸福小区东门）',
        message: '第二天摊点又回来了。',
      }),
    ]);
    const [again] = await open(id, 'handle');
    expect((await h.platform.describeTask(again._id)).readOnly).toMatchObject({
      handlingRound: 2,
      ratingComment: '第二天摊点又回来了。',
    });
    await unitReplies(h, id, { replyText: '已设置隔离护栏，杜绝占道，欢迎继续监督。' });
    expect(sent(id, 'completed').map((n) => n.message)).toEqual([
      reply().replyText,
      '已设置隔离护栏，杜绝占道，欢迎继续监督。',
    ]);
    await rateReply(h, id, 'dissatisfied', '护栏挡住了盲道。');
    // params.citizenFeedbackMaxRehandling = 1: no third round, the office takes it
    expect(await activities(id)).toEqual(['officeReview']);
    await complete(OFFICE, 'officeReview', id, {
      officeConclusion: 'supervised',
      officeMeasures: '约谈交通运输局，督促调整护栏位置并保留盲道。',
      officeReply: '已督促有关部门调整护栏位置，保留盲道，请继续监督。',
    });
    const done = await completedInstance(h, id);
    expect(done.variables).toMatchObject({ handlingRound: 2, officeConclusion: 'supervised' });
    expect(sent(id, 'completed').at(-1)).toMatchObject({
      title: '您反映的问题已由人大常委会办公室研究处理',
      userIds: [CITIZEN],
    });
  });

  it('转为代表建议: the deputy may hand it back; adopted, it runs as a 代表建议办理 and the citizen hears the result', async () => {
    const id = await submit(h, { content: '城东片区公交线路少，早晚高峰挤不上车，希望增开线路。' });
    await triage(h, id, {
      route: 'suggestion',
      leadDeputy: DEPUTY,
      triageOpinion: '涉及线网规划，宜转为代表建议。',
    });
    const [draft] = await open(id, 'draftSuggestion');
    expect(draft.assignee).toBe(DEPUTY);
    // params.citizenFeedbackDeputyDeadline = P10WD
    expect(draft.dueAt).toEqual(calendar.addWorkingDays(h.clock.now(), 10));
    await complete(DEPUTY, 'draftSuggestion', id, {
      deputyDecision: 'decline',
      declineReason: '本人不熟悉该片区，建议转其他代表。',
    });
    const [retriage] = await open(id, 'triage');
    expect((await h.platform.describeTask(retriage._id)).readOnly).toMatchObject({
      declineReason: '本人不熟悉该片区，建议转其他代表。',
    });
    await triage(h, id, { route: 'suggestion', leadDeputy: DEPUTY });
    await complete(DEPUTY, 'draftSuggestion', id, {
      deputyDecision: 'adopt',
      suggestionTitle: '关于增开城东片区公交线路的建议',
      suggestionCategory: '城乡建设与管理',
      suggestionSituation: '城东片区近年新建小区多，公交线路少，早晚高峰群众挤不上车，反映强烈。',
      suggestionAnalysis: '公交线网调整滞后于城市发展，新建片区缺少接驳线路和发车班次。',
      suggestionText:
        '一、开展城东片区公交需求调查；二、增开至城区的公交线路；三、高峰时段加密班次。',
      deputyPhone: '13900000001',
      publicAgreed: true,
    });
    const child = await calledSuggestion(id);
    expect(child.variables).toMatchObject({
      leadDeputy: DEPUTY,
      contactPhone: '13900000001',
      title: '关于增开城东片区公交线路的建议',
      category: '城乡建设与管理',
      sessionType: '闭会期间',
      coSigners: [],
      suggestionAttachments: [{ name: '站台照片.jpg' }],
      publicAgreed: true,
      params: await h.platform.parameters.get(DISTRICT),
    });
    expect(await activities(child._id)).toEqual(['register']);
    // the citizen's case waits for the suggestion; here 代表工委 merges it into another one
    await complete(AFFAIRS, 'register', child._id, {
      registerDecision: 'merge',
      mergedInto: '5',
      registerOpinion: '与第5号建议内容相同，并案办理。',
    });
    expect((await h.instance(child._id)).status).toBe('completed');
    const parent = await h.variables(id);
    expect(parent.suggestionOutcome).toMatchObject({
      registerDecision: 'merge',
      mergedInto: '5',
      registerOpinion: '与第5号建议内容相同，并案办理。',
      replyCode: null,
    });
    expect(await activities(id)).toEqual(['replySuggestion']);
    await complete(OFFICE, 'replySuggestion', id, {
      handlingResult: 'inProgress',
      replyText: '您反映的问题已由代表1代表提出建议，并入第5号代表建议办理，办理结果将及时告知。',
    });
    await rateReply(h, id, 'dissatisfied', '希望尽快开通。');
    // a suggestion is not sent back to a unit: the office takes a dissatisfied rating
    expect(await activities(id)).toEqual(['officeReview']);
  });

  it('不予受理 tells the citizen why, and an unrated reply closes after the rating window', async () => {
    const rejected = await submit(h, {
      content: '建议把小区名字改成更好听的名字，大家都觉得不好听。',
    });
    await triage(h, rejected, {
      route: 'reject',
      rejectReason: '小区命名不属于人大监督事项，请向民政部门咨询。',
    });
    expect((await h.instance(rejected)).status).toBe('completed');
    expect(sent(rejected)).toEqual([
      expect.objectContaining({
        title: '您反映的问题不予受理',
        message: '小区命名不属于人大监督事项，请向民政部门咨询。',
        userIds: [CITIZEN],
      }),
    ]);

    const id = await routedToTransport(h, 'meeting', {
      meetingName: '常委会会议',
      meetingDate: '2026-03-02',
    });
    await unitReplies(h, id);
    await h.advance('P6DT23H'); // params.citizenFeedbackRatingWindow = P7D
    expect(await activities(id)).toEqual(['rate']);
    await h.advance('PT1H');
    const done = await completedInstance(h, id);
    expect(done.variables.rating).toBe('unrated');
  });

  async function calledSuggestion(parentId: string): Promise<InstanceDoc> {
    const child = await h.platform.engine.store.instances.findOne({
      'parent.instanceId': parentId,
      processKey: 'suggestion-handling',
    });
    if (!child) throw new Error(`instance ${parentId} called no suggestion-handling`);
    return child;
  }
});
