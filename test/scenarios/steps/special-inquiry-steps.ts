import type { InstanceDoc } from '../../../engine/src';
import type { PlatformHarness } from '../../support/platform-harness';
import { castBallots, type FormData, overall, runningVoteOf } from './scenario-steps';

/**
 * The steps of 专题询问 (processes/special-inquiry.bpmn) as test/scenarios/special-inquiry.test.ts
 * takes them, each with its usual form data in one place: a test passes only what its story
 * changes. Every step completes in the instance `where` names.
 */
type Where = { instanceId: string };

export const [m1, m2, m3] = ['u-member-1', 'u-member-2', 'u-member-3'];
export const plan = {
  legalBasis: '《中华人民共和国各级人民代表大会常务委员会监督法》第四十六条至第五十条',
  combinedReport: 'specialReport',
  combinedReportTitle: '区人民政府关于2026年民生实事项目推进情况的报告',
  meetingForm: 'joint',
  plannedDate: '2026-05-20',
  chair: 'u-leader',
  questionerMembers: [m1, m2],
  questionerDeputies: ['u-deputy-1'],
  answeringUnits: ['unit-transport', 'unit-education'],
  respondents: [
    { unit: 'unit-transport', name: '张明', post: '局长' },
    { unit: 'unit-education', name: '王芳', post: '局长' },
  ],
  researchGroups: [
    { id: '1', name: '第一调研组', leader: m1, members: ['u-deputy-1'], focus: '城乡公交和道路' },
    { id: '2', name: '第二调研组', leader: m2, members: ['u-deputy-2'], focus: '学位供给' },
  ],
  researchDeadline: '2026-04-30',
  publicity: ['news', 'liveBroadcast'],
  planText: '一、指导思想\n二、询问议题\n三、时间安排\n四、工作要求',
};

export const researchReport = (group: string) => ({
  reportTitle: `关于民生实事项目推进情况的调研报告（${group}）`,
  researchActivities: [
    { date: '2026-04-10', method: 'inspection', place: '城区公交首末站', summary: '站点设施老旧' },
  ],
  findings: [
    { problem: '农村客运班线停运较多', unit: 'unit-transport', evidence: '走访 6 个乡镇' },
  ],
  recommendations: '加快推进城乡公交一体化。',
  reportText: '调研报告正文。',
});

/** The question list: the first question carries markup, to prove the documents escape it. */
export const questions = [
  {
    no: 1,
    questioner: m1,
    question: '农村客运班线停运后群众出行如何保障？<script>alert("x")</script>',
    background: '调研发现 12 条班线停运',
    unit: 'unit-transport',
    respondent: '张明',
    category: '交通',
  },
  {
    no: 2,
    questioner: 'u-deputy-1',
    question: '城区学位缺口如何解决？',
    unit: 'unit-education',
    respondent: '王芳',
  },
];
export const questionScope = '农村客运、学位供给两个方面。';

export const opinionItems = [
  { text: '加快农村客运班线恢复，建立停运预警机制。', unit: 'unit-transport' },
  { text: '科学编制学位供给规划，新建学校按期投用。', unit: 'unit-education' },
];

const unitReport = (round: number) => ({
  reportItems: [
    {
      itemNo: 1,
      measure: `第${round}轮：已恢复 8 条班线`,
      status: 'inProgress',
      plan: '年底前全部恢复',
    },
    { itemNo: 2, measure: '新建学校开工', status: 'done', evidence: '开工许可证' },
  ],
  reportSummary: '逐项研究处理情况报告。',
  reportSigner: '张明',
  reportDate: '2026-08-20',
});

/** 一: the committee drafts the work plan (the usual one, changed by `overrides`). */
export const draftPlan = (h: PlatformHarness, where: Where, overrides: FormData = {}) =>
  h.complete('u-committee', 'draftPlan', { ...plan, ...overrides }, where);

/** 一: the council approves the plan, or returns it with an opinion. */
export const decidePlan = (h: PlatformHarness, where: Where, decision: FormData) =>
  h.complete('u-council', 'approvePlan', decision, where);

/** 二: the committee combines the groups' reports and circulates the summary. */
export const summarizeResearch = (h: PlatformHarness, where: Where) =>
  h.complete(
    'u-committee',
    'summarizeResearch',
    {
      researchSummary: '综合调研报告。',
      problemList: [{ problem: '农村客运班线停运', unit: 'unit-transport', suggestion: '恢复' }],
      circulatedOn: '2026-05-06',
    },
    where,
  );

/** 四: the coordination meeting confirms the respondents and fixes the inquiry's date and place. */
export const holdCoordinationMeeting = (
  h: PlatformHarness,
  where: Where,
  overrides: FormData = {},
) =>
  h.complete(
    'u-committee',
    'coordinationMeeting',
    {
      coordinationDate: '2026-05-12',
      coordinationAttendees: '区交通运输局、区教育局、区政府办',
      coordinationMinutes: '确认应询人和会议议程。',
      confirmedRespondents: plan.respondents,
      inquiryDate: '2026-05-20',
      inquiryPlace: '区人大常委会第一会议室',
      ...overrides,
    },
    where,
  );

/** 五: the office records the inquiry meeting: answers rated per question, one commitment. */
export const holdInquiryMeeting = (h: PlatformHarness, where: Where, overrides: FormData = {}) =>
  h.complete(
    'u-office',
    'inquiryMeeting',
    {
      inquiryHeldOn: '2026-05-20',
      presidedBy: 'u-leader',
      attendance: '应到 27 人，实到 25 人',
      ratePerQuestion: true,
      answers: [
        { questionNo: 1, answerBy: '张明', answerSummary: '年内恢复全部班线', rating: 'basic' },
        { questionNo: 2, answerBy: '王芳', answerSummary: '新建两所学校', rating: 'satisfied' },
      ],
      commitments: [
        {
          questionNo: 1,
          unit: 'unit-transport',
          content: '年底前恢复全部停运班线',
          deadline: '2026-12-31',
        },
      ],
      ...overrides,
    },
    where,
  );

/** 五: the committee drafts the 审议意见书 from the two opinion items. */
export const compileOpinion = (h: PlatformHarness, where: Where, overrides: FormData = {}) =>
  h.complete(
    'u-committee',
    'compileOpinion',
    {
      opinionAssessment: '民生实事项目总体推进有力。',
      opinionProblems: '部分项目进度滞后。',
      opinionItems,
      ...overrides,
    },
    where,
  );

/** 五: the council approves the 审议意见书. */
export const approveOpinion = (h: PlatformHarness, where: Where) =>
  h.complete('u-council', 'approveOpinion', { opinionDecision: 'approve' }, where);

/** 五: the office sends the 审议意见书 under `opinionNumber` on `sentOn`. */
export const sendOpinion = (
  h: PlatformHarness,
  where: Where,
  opinionNumber: string,
  sentOn: string,
) => h.complete('u-office', 'sendOpinion', { opinionNumber, sentOn }, where);

/** 六: the vote failed; the committee gives notice of new requirements for another round. */
export const requireRerectification = (
  h: PlatformHarness,
  where: Where,
  rerectifyNoticeOn: string,
  rerectifyRequirements: string,
) =>
  h.complete(
    'u-committee',
    'reviewVoteResult',
    { rerectifyNoticeOn, rerectifyRequirements },
    where,
  );

/** 六: both answering units report on the round, each by one of its users. */
export async function unitsReport(
  h: PlatformHarness,
  where: Where,
  round: number,
  transportUser = 'u-transport-1',
) {
  await h.complete(transportUser, 'rectify', unitReport(round), where);
  await h.complete('u-education-1', 'rectify', unitReport(round), where);
}

/** 六: the government's office sends the district government's report on the round. */
export const submitGovReport = (h: PlatformHarness, where: Where, overrides: FormData = {}) =>
  h.complete(
    'u-gov-office',
    'govReport',
    {
      govReportText: '区人民政府研究处理情况报告。',
      govReportSigner: '区长',
      govReportSubmittedOn: '2026-08-25',
      ...overrides,
    },
    where,
  );

/** 六: the committee follows the reports up and calls the three members to vote. */
export const followUp = (h: PlatformHarness, where: Where, overrides: FormData = {}) =>
  h.complete(
    'u-committee',
    'followUp',
    {
      followUpMethods: ['inspection'],
      followUpFindings: '班线恢复不到位。',
      followUpOpinion: '提请测评。',
      voteMeeting: '区第十八届人大常委会第三十次会议',
      voters: [m1, m2, m3],
      ...overrides,
    },
    where,
  );

/** The one satisfaction vote the inquiry is running; the three members cast `marks` in it. */
export async function castVote(
  h: PlatformHarness,
  parentId: string,
  marks: string[][],
): Promise<InstanceDoc> {
  const vote = await runningVoteOf(h, parentId);
  await castBallots(h, vote._id, [m1, m2, m3], overall(marks));
  return vote;
}

/** Stages one to five, up to the 审议意见书 being drafted (the plan approved at the first try). */
export async function throughOpinion(h: PlatformHarness, where: Where) {
  await draftPlan(h, where);
  await decidePlan(h, where, { planDecision: 'approve' });
  await h.complete(m1, 'research', researchReport('第一组'), where);
  await h.complete(m2, 'research', researchReport('第二组'), where);
  await summarizeResearch(h, where);
  const { questionDisclosure } = await h.variables(where.instanceId);
  await h.complete(
    'u-committee',
    'fixQuestions',
    { questions, ...(questionDisclosure === 'scope' && { questionScope }) },
    where,
  );
  await holdCoordinationMeeting(h, where, { inquiryNotice: '请应询人提前十分钟到场。' });
  await holdInquiryMeeting(h, where);
  await compileOpinion(h, where);
}
