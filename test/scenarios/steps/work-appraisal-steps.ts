import type { InstanceDoc } from '../../../engine/src';
import { DISTRICT, type PlatformHarness } from '../../support/platform-harness';
import { castBallots, runningVoteOf } from './scenario-steps';

/**
 * The steps of 工作评议 (processes/work-appraisal.bpmn) and its per-department track
 * (work-appraisal-track) as test/scenarios/work-appraisal.test.ts takes them, with their usual
 * form data. Every step of a track completes in the track instance `where` names.
 */
type Where = { instanceId: string };

export const voters = ['u-member-1', 'u-member-2', 'u-member-3'];
export const dimensionKeys = ['law', 'decisions', 'opinions', 'lawful', 'style'];
export const departments = [
  { unit: 'unit-transport', unitName: '区交通运输局', user: 'u-transport-1' },
  { unit: 'unit-education', unitName: '区教育局', user: 'u-education-1' },
  { unit: 'unit-health', unitName: '区卫生健康委员会', user: 'u-health-1' },
];
export type Department = (typeof departments)[number];

export const team = (d: { unit: string; unitName: string }) => ({
  unit: d.unit,
  unitName: d.unitName,
  leader: 'u-leader',
  members: ['u-member-4', 'u-deputy-1'],
});
export const plan = {
  appraisalTeams: departments.map(team),
  useDefaultDimensions: true,
  selfReportDue: '2026-04-15',
  investigationDue: '2026-05-31',
  appraisalMeetingDate: '2026-06-25',
  voterMembers: voters.slice(0, 2),
  voterDeputies: ['u-member-3'],
  planText: '一、评议对象\n二、评议内容\n三、方法步骤\n四、工作要求',
};

/** The instances of `processKey` that `parentId` called. */
export const childrenOf = async (
  h: PlatformHarness,
  parentId: string,
  processKey: string,
): Promise<InstanceDoc[]> =>
  (await h.platform.engine.listInstances({ district: DISTRICT, processKey })).filter(
    (i) => i.parent?.instanceId === parentId,
  );

/** Every voter casts in the track's running vote: overall mark plus the same on every dimension. */
export async function castVote(h: PlatformHarness, trackId: string, marks: string[][]) {
  const vote = await runningVoteOf(h, trackId);
  await castBallots(
    h,
    vote._id,
    voters,
    marks.map((mark) => ({
      overall: mark,
      itemMarks: dimensionKeys.map((key) => ({ key, marks: mark })),
    })),
  );
  return vote;
}

/** 调查 and 评议 of one department: its self report, the team's investigation, the meeting. */
export async function investigateAndAppraise(h: PlatformHarness, d: Department, where: Where) {
  await h.complete(
    d.user,
    'selfReport',
    {
      selfReportTitle: `${d.unitName}关于2026年度工作的自查报告`,
      achievements: '主要工作和成效。',
      selfProblems: '存在的问题。',
      nextMeasures: '下一步措施。',
      selfReportSigner: '局长',
      selfReportDate: '2026-04-10',
    },
    where,
  );
  await h.complete(
    'u-leader',
    'investigate',
    {
      investigationActivities: [
        { date: '2026-05-10', method: 'forum', place: '服务对象座谈', summary: '反映办事效率' },
      ],
      questionnaires: 120,
      investigationReport: `关于${d.unitName}工作的调查报告。`,
      publicOpinions: [{ source: 'public', opinion: '办事要跑多次', count: 12 }],
      opinionSummary: '意见汇总。',
    },
    where,
  );
  await h.complete(
    'u-office',
    'appraisalMeeting',
    {
      appraisalHeldOn: '2026-06-25',
      meetingSession: '区第十八届人大常委会第二十八次会议',
      unitReportSummary: '部门负责人报告要点。',
      groupReportSummary: '评议组报告要点。',
      speeches: [{ speaker: 'u-member-1', summary: '建议提高审批效率。' }],
    },
    where,
  );
}

/** 评议意见书: drafted by the committee, approved by the council, sent by the office. */
export async function sendOpinion(h: PlatformHarness, d: Department, where: Where) {
  await h.complete(
    'u-committee',
    'draftOpinion',
    {
      opinionAssessment: `${d.unitName}工作总体较好。`,
      opinionProblems: '服务效能有待提高。',
      opinionItems: [{ text: '压缩审批时限。' }, { text: '加强窗口作风建设。' }],
    },
    where,
  );
  await h.complete('u-council', 'approveOpinion', { opinionDecision: 'approve' }, where);
  await h.complete(
    'u-office',
    'sendOpinion',
    { opinionNumber: '××人大常委会〔2026〕30号', sentOn: '2026-07-03' },
    where,
  );
}

/** 整改方案 with its 台账 → 整改报告 → 跟踪检查, round `round`. */
export async function rectify(h: PlatformHarness, d: Department, round: number, where: Where) {
  await h.complete(
    d.user,
    'rectificationPlan',
    {
      planSummary: `第${round}轮整改方案。`,
      ledger: [
        {
          item: '审批时限过长',
          measure: '推行并联审批',
          standard: '审批时限压缩一半',
          owner: '行政审批科 李科长',
          deadline: '2026-09-30',
          status: 'inProgress',
        },
      ],
    },
    where,
  );
  await h.complete(
    d.user,
    'rectificationReport',
    {
      ledgerProgress: [{ itemNo: 1, status: 'done', result: '已压缩至 5 个工作日' }],
      rectificationReportText: `第${round}轮整改报告。`,
      reportSigner: '局长',
      reportDate: '2026-09-25',
    },
    where,
  );
  await h.complete(
    'u-leader',
    'followUpCheck',
    {
      followUpMethods: ['inspection'],
      ledgerVerified: 'verified',
      followUpFindings: '台账事项已落实。',
      followUpOpinion: '提请整改测评。',
    },
    where,
  );
}
