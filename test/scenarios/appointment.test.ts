import { DISTRICT, type PlatformHarness } from '../support/platform-harness';
import {
  ABSTAIN,
  approved,
  makeStatement,
  MEETING,
  NO,
  nomination,
  PERSONNEL,
  takeExam,
  vote,
  votingOpen,
  YES,
} from './steps/appointment-steps';
import {
  calendar,
  completedInstance,
  COUNCIL,
  expectDeploysCleanly,
  LEADER,
  localDate,
  useHarness,
} from './steps/scenario-steps';

/**
 * 任命 (appointment) end to end on a real FerretDB and virtual time: 主任会议审查, 任前法律知识考试
 * with one resit, 供职发言, an anonymous vote counted by the platform against all members,
 * 双单颁发 (任命书 + 履职监督清单) and 向宪法宣誓. Users from test/support/platform-harness.ts:
 * 孙主任 (deputyAffairs, 选联工委) registers and runs the steps, 赵主任 (council) reviews,
 * 委员1–5 are the standing committee's members, 吴副主任 (council) administers the oath. The steps
 * and their form data: steps/appointment-steps.ts.
 */
jest.setTimeout(120_000);

describe('任命 appointment', () => {
  let h: PlatformHarness;
  const {
    open,
    activities: openActivities,
    complete,
    sent,
  } = useHarness(['appointment'], (harness) => (h = harness));
  const activities = async (instanceId: string) =>
    [...new Set(await openActivities(instanceId))].sort();
  const told = (instanceId: string) => sent(instanceId).map((n) => n.title);

  it('deploys without problems or warnings, with diagram shapes and edges for every element', async () => {
    await expectDeploysCleanly(
      h,
      'appointment.bpmn',
      ['startEvent', 'endEvent', 'userTask', 'serviceTask', 'exclusiveGateway', 'boundaryEvent'],
      40,
    );
    expect(await h.platform.startForm(DISTRICT, 'appointment')).toEqual({
      key: 'appointment-nominate',
      version: 1,
    });
  });

  it('runs the whole appointment: review, exam, statement, a counted vote, 双单颁发 and the oath', async () => {
    const id = await approved(h);
    expect((await h.variables(id)).supervisionItems).toEqual(
      (await h.platform.parameters.get(DISTRICT)).appointmentSupervisionItems,
    );
    const [exam] = await open(id, 'exam');
    expect(exam.candidateGroups).toEqual(['deputyAffairs']);
    // params.appointmentExamWindow = P10WD from the council's decision
    expect(exam.dueAt).toEqual(calendar.addWorkingDays(h.clock.now(), 10));
    const view = await h.platform.describeTask(exam._id);
    expect(view.readOnly).toMatchObject({ nomineeName: '张明', meetingName: MEETING });

    await takeExam(h, id, 88);
    expect(await h.variables(id)).toMatchObject({
      examAttempts: 1,
      examPassed: true,
      examHistory: [{ attempt: 1, score: 88, passScore: 60, passed: true }],
    });
    await makeStatement(h, id);
    const ballots = await open(id, 'castVote');
    expect(ballots.map((t) => t.assignee).sort()).toEqual([...h.users.member].sort());
    const ballotView = await h.platform.describeTask(ballots[0]._id);
    expect(ballotView.form).toMatchObject({ key: 'appointment-ballot', anonymous: true });

    await vote(h, id, [YES, YES, NO, YES, ABSTAIN]);
    const afterVote = await h.variables(id);
    expect(afterVote.voteResult).toEqual({
      electorate: 5,
      cast: 5,
      notCast: 0,
      base: 'all',
      baseCount: 5,
      yes: 3,
      no: 1,
      abstain: 1,
      invalid: 0,
      rule: 'majority',
      passed: true,
    });
    // the ballots went to the box: nothing in the variables or the history links a member to a mark
    expect(afterVote.castVoteOutputs).toEqual(
      Object.fromEntries(h.users.member.map((member) => [member, {}])),
    );
    const ballotHistory = await h.platform.engine.store.history
      .find({ instanceId: id, activityId: 'castVote' })
      .toArray();
    expect(ballotHistory.length).toBeGreaterThan(0);
    expect(
      ballotHistory.filter((e) => /satisfied|dissatisfied|basic/.test(JSON.stringify(e))),
    ).toEqual([]);

    await complete(PERSONNEL, 'issue', id, {
      letterNo: '××人常任〔2026〕3号',
      appointedOn: localDate(h.clock.now()),
      extraSupervisionItems: [{ title: '城乡公交一体化', detail: '每年向常委会报告一次推进情况' }],
      supervisionContact: '城建环保工委',
    });
    expect(await activities(id)).toEqual(['oath']);
    const [letter] = await h.documents(id);
    expect(letter).toMatchObject({
      key: 'appointment-letter',
      title: '任命书',
      number: '××人常任〔2026〕3号',
      activityId: 'renderLetter',
    });
    expect(letter.html).toContain('<p class="salutation">张明同志：</p>');
    expect(letter.html).toContain(
      `经${MEETING}于二〇二六年三月二日表决通过，决定任命你为××区交通运输局局长。`,
    );
    expect(letter.html).toContain('履职监督清单');
    expect(letter.html).toContain('（一）忠于宪法');
    expect(letter.html).toContain('二、岗位专项监督事项');
    expect(letter.html).toContain('（一）城乡公交一体化：每年向常委会报告一次推进情况');
    expect(letter.html).toContain('城建环保工委负责联系和跟踪清单落实');
    expect((await h.variables(id)).appointmentLetterId).toBe(letter._id);

    await complete(PERSONNEL, 'oath', id, {
      oathDate: localDate(h.clock.now()),
      oathForm: '单独宣誓',
      oathHost: LEADER,
    });
    await completedInstance(h, id);
    expect(told(id)).toEqual([
      '张明已被任命为××区交通运输局局长，已颁发任命书和履职监督清单并进行宪法宣誓',
    ]);
  });

  it('gives one resit after a failed exam, and withdraws the nomination when the resit fails too', async () => {
    const id = await approved(h, { nomineeName: '李华', proposedPosition: '××区教育局局长' });
    await takeExam(h, id, 52);
    const [resit] = await open(id, 'exam');
    // params.appointmentResitWindow = P5WD
    expect(resit.dueAt).toEqual(calendar.addWorkingDays(h.clock.now(), 5));
    expect(told(id)).toEqual(['李华任前法律知识考试不合格（52分），请安排补考']);
    const view = await h.platform.describeTask(resit._id);
    expect(view.readOnly).toMatchObject({
      examAttempts: 1,
      examHistory: [{ attempt: 1, score: 52, passed: false }],
    });
    await takeExam(h, id, 76);
    expect(await activities(id)).toEqual(['statement']);
    expect((await h.variables(id)).examHistory).toMatchObject([
      { attempt: 1, score: 52, passed: false },
      { attempt: 2, score: 76, passed: true },
    ]);

    const failing = await approved(h, {
      nomineeName: '王强',
      proposedPosition: '××区卫生健康局局长',
    });
    await complete(PERSONNEL, 'exam', failing, { examDate: '2026-03-02', examScore: 40 });
    await complete(PERSONNEL, 'exam', failing, { examDate: '2026-03-05', examScore: 59.5 });
    await completedInstance(h, failing);
    expect(await open(failing)).toEqual([]);
    expect(told(failing)).toEqual([
      '王强任前法律知识考试不合格（40分），请安排补考',
      '王强任前法律知识考试补考仍不合格，撤回任命××区卫生健康局局长的提请',
    ]);
    expect(await h.documents(failing)).toEqual([]);
  });

  it('refuses a vote without a majority of all members; the base and the rule are district parameters', async () => {
    // 3 of 5 members vote, 2 in favour: a majority of those voting, not of all members
    const id = await votingOpen(h, { nomineeName: '赵刚' });
    await vote(h, id, [YES, YES, NO]);
    expect(await open(id, 'castVote')).toHaveLength(2);
    await h.advance('PT1H59M');
    expect(await open(id, 'castVote')).toHaveLength(2);
    await h.advance('PT1M'); // params.appointmentVoteWindow = PT2H
    const failed = await completedInstance(h, id);
    expect(failed.variables.voteResult).toMatchObject({
      electorate: 5,
      cast: 3,
      notCast: 2,
      baseCount: 5,
      yes: 2,
      no: 1,
      passed: false,
    });
    expect(await h.documents(id)).toEqual([]);
    expect(told(id)).toEqual(['任命赵刚为××区交通运输局局长未获通过（赞成2票，计票基数5）']);

    // a district that counts only those voting passes the same vote …
    const saved = await h.platform.parameters.saved(DISTRICT);
    await h.platform.parameters.put(
      DISTRICT,
      { appointmentVoteBase: 'present' },
      { savedBy: 'u-office', expectedVersion: saved.version },
    );
    const present = await votingOpen(h, { nomineeName: '钱亮' });
    await vote(h, present, [YES, YES, NO]);
    await h.advance('PT2H');
    expect((await h.variables(present)).voteResult).toMatchObject({
      base: 'present',
      baseCount: 3,
      yes: 2,
      passed: true,
    });
    expect(await activities(present)).toEqual(['issue']);

    // … and one that asks for two thirds refuses 3 of 5
    await h.platform.parameters.put(
      DISTRICT,
      { appointmentVoteBase: 'all', appointmentPassRule: 'twoThirds' },
      { savedBy: 'u-office' },
    );
    const twoThirds = await votingOpen(h, { nomineeName: '孙丽' });
    await vote(h, twoThirds, [YES, YES, YES, NO, ABSTAIN]);
    expect((await h.variables(twoThirds)).voteResult).toMatchObject({
      yes: 3,
      baseCount: 5,
      rule: 'twoThirds',
      passed: false,
    });
    expect((await h.instance(twoThirds)).status).toBe('completed');
    await h.platform.parameters.put(DISTRICT, {}, { savedBy: 'u-office' }); // back to the defaults
  });

  it('ends when the council does not submit the nomination', async () => {
    const instance = await h.start('appointment', PERSONNEL, nomination({ nomineeName: '周平' }));
    await expect(
      complete(COUNCIL, 'councilReview', instance._id, {
        councilDecision: 'reject',
        councilMeetingDate: '2026-03-02',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'councilOpinion', message: '此项为必填' }],
    });
    await complete(COUNCIL, 'councilReview', instance._id, {
      councilDecision: 'reject',
      councilMeetingDate: '2026-03-02',
      councilOpinion: '考察材料不全，暂不提请。',
    });
    expect((await h.instance(instance._id)).status).toBe('completed');
    expect(h.notifier.sent.find((n) => n.instanceId === instance._id)).toMatchObject({
      title: '主任会议决定不提请常委会会议审议：任命周平为××区交通运输局局长',
      message: '考察材料不全，暂不提请。',
      userIds: expect.arrayContaining([PERSONNEL]),
    });
  });

  it('escapes what people typed in the 任命书', async () => {
    const id = await votingOpen(h, {
      nomineeName: '陈<b>伟</b>',
      proposedPosition: '<script>alert("x")</script>××区财政局局长',
    });
    await vote(h, id, [YES, YES, YES, YES, YES]);
    await complete(PERSONNEL, 'issue', id, {
      letterNo: '××人常任〔2026〕9号',
      appointedOn: '2026-03-02',
      extraSupervisionItems: [
        { title: '<img src=x onerror=alert(1)>', detail: '<script>1</script>' },
      ],
      supervisionContact: '财经工委',
    });
    const [letter] = await h.documents(id);
    expect(letter.html).toContain('陈&lt;b&gt;伟&lt;/b&gt;同志：');
    expect(letter.html).not.toContain('<script>');
    expect(letter.html).not.toContain('<img');
    expect(letter.html).not.toContain('<b>');
    expect(letter.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;××区财政局局长',
    );
  });
});
