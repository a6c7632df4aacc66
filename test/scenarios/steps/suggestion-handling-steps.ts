import type { InstanceDoc } from '../../../engine/src';
import type { PlatformHarness } from '../../support/platform-harness';
import {
  AFFAIRS,
  CO_SIGNER,
  completeIn,
  DEPUTY,
  type FormData,
  GOV_OFFICE,
  LEADER,
  localDate,
  TRANSPORT,
} from './scenario-steps';

/**
 * The steps of 代表建议办理 (processes/suggestion-handling.bpmn) and the called 四方会审
 * (four-party-review) as test/scenarios/suggestion-handling.test.ts takes them, with their usual
 * form data. One test user per role (test/support/platform-harness.ts): 代表1 领衔, 代表2 附议;
 * 孙主任 代表工委; 周督查 政府督查室; 吴副主任 领衔督办; units 区交通运输局 (主办), 区教育局 and
 * 区卫生健康委员会 (协办).
 */

export const submission = (overrides: FormData = {}) => ({
  sessionType: '大会期间',
  sessionName: '区第十八届人民代表大会第四次会议',
  leadDeputy: DEPUTY,
  coSigners: [CO_SIGNER],
  contactPhone: '13800138000',
  title: '关于优化城区公交线网的建议',
  category: '城乡建设与管理',
  situation: '城区公交线路重复率高，新建小区周边公交覆盖不足，群众出行不便，早晚高峰候车时间长。',
  analysis: '公交线网规划多年未调整，与城市发展和人口分布不匹配，站点设置缺乏统筹。',
  suggestion:
    '一、开展公交线网优化评估；二、为新建小区开通接驳线路；三、调整重复线路并公开征求意见；四、优化高峰时段发车间隔。',
  publicAgreed: true,
  ...overrides,
});

export const contactLog = [
  {
    contactDate: '2026-05-12',
    contactMethod: '走访面商',
    contactPerson: '代表1',
    contactContent: '当面听取代表对线网调整的意见，代表同意先行试点。',
  },
];

export const replyA = (overrides: FormData = {}) => ({
  handleAction: 'reply',
  contactLog,
  replyCode: 'A',
  replyMeasures: '组织开展城区公交线网评估，召开座谈会两次，征集市民意见三百余条。',
  replyResults: '已新开通接驳线路两条，调整重复线路三条，高峰发车间隔缩短至八分钟。',
  replySigner: '王局长',
  replyDate: '2026-06-10',
  replyContactPerson: '陈科长',
  replyContactPhone: '0851-12345678',
  ...overrides,
});

/** The process the suggestion `parentId` is running as a called activity. */
export async function childOf(h: PlatformHarness, parentId: string): Promise<InstanceDoc> {
  const child = await h.platform.engine.store.instances.findOne({
    'parent.instanceId': parentId,
    status: 'running',
  });
  if (!child) throw new Error(`instance ${parentId} has no running called process`);
  return child;
}

/** 代表 submits; 代表工委 registers it and assigns it on the current (virtual) day. */
export async function assigned(
  h: PlatformHarness,
  assignment: FormData = {},
  overrides: FormData = {},
) {
  const instance = await h.start('suggestion-handling', DEPUTY, submission(overrides));
  await completeIn(h, AFFAIRS, 'register', instance._id, {
    registerDecision: 'accept',
    suggestionNo: '12',
  });
  await completeIn(h, AFFAIRS, 'assign', instance._id, {
    refNo: '××人大常委会代建交〔2026〕12号',
    assignedOn: localDate(h.clock.now()),
    leadUnit: 'unit-transport',
    coUnits: ['unit-education', 'unit-health'],
    keyItem: false,
    assignOpinion: '请会同教育、卫健部门统筹研究学校、医院周边线路。',
    ...assignment,
  });
  return instance._id;
}

/** Who gives each party's opinion in 四方会审, at which step. */
const PARTIES = {
  deputy: { user: DEPUTY, activityId: 'deputyOpinion' },
  unit: { user: TRANSPORT, activityId: 'unitOpinion' },
  gov: { user: GOV_OFFICE, activityId: 'govOpinion' },
  supervisor: { user: AFFAIRS, activityId: 'supervisorOpinion' },
};

/** 代表工委 convenes the called 四方会审 `childId` on `meetingDate`. */
export const convene = (h: PlatformHarness, childId: string, meetingDate: string) =>
  completeIn(h, AFFAIRS, 'convene', childId, {
    meetingDate,
    meetingPlace: '区人大常委会第一会议室',
    meetingForm: '现场会审',
    meetingHost: LEADER,
  });

/** One party's attendee, assessment and opinion in 四方会审 `childId`. */
export const giveOpinion = (
  h: PlatformHarness,
  childId: string,
  party: keyof typeof PARTIES,
  assessment: string,
  text: string,
) =>
  completeIn(h, PARTIES[party].user, PARTIES[party].activityId, childId, {
    [`${party}Attendee`]: `${party}出席人`,
    [`${party}Assessment`]: assessment,
    [`${party}Opinion`]: text,
  });

/** The four parties give their opinions in the called 四方会审 and the decision is taken. */
export async function fourPartyReview(h: PlatformHarness, parentId: string, decision: FormData) {
  const child = await childOf(h, parentId);
  await convene(h, child._id, localDate(h.clock.now()));
  await giveOpinion(
    h,
    child._id,
    'deputy',
    'rehandle',
    '线路调整尚未覆盖城东新区，群众仍反映强烈。',
  );
  await giveOpinion(
    h,
    child._id,
    'unit',
    'confirm',
    '已按计划完成第一批线路调整，城东新区列入下一批。',
  );
  await giveOpinion(
    h,
    child._id,
    'gov',
    'rehandle',
    '建议交通部门会同住建部门限期解决城东新区问题。',
  );
  await giveOpinion(
    h,
    child._id,
    'supervisor',
    'rehandle',
    '办理不到位，应当重新办理并限期答复代表。',
  );
  await completeIn(h, AFFAIRS, 'decide', child._id, decision);
  return child._id;
}

/** The lead deputy's feedback on the reply, having been contacted. */
export const feedback = (
  h: PlatformHarness,
  id: string,
  satisfaction: string,
  feedbackDate: string,
) => completeIn(h, DEPUTY, 'feedback', id, { contactMade: true, satisfaction, feedbackDate });

/** 代表工委 reviews the result and closes the handling. */
export const closeHandling = (h: PlatformHarness, id: string, resultReviewDate: string) =>
  completeIn(h, AFFAIRS, 'resultReview', id, { reviewChoice: 'close', resultReviewDate });

/** 代表工委 publishes the handling report. */
export const publish = (
  h: PlatformHarness,
  id: string,
  publishedOn: string,
  handlingReport: string,
) =>
  completeIn(h, AFFAIRS, 'publish', id, {
    publishDecision: 'publish',
    publishedOn,
    handlingReport,
  });
