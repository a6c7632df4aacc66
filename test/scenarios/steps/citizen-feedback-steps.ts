import type { PlatformHarness } from '../../support/platform-harness';
import { CITIZEN, completeIn, type FormData, OFFICE, TRANSPORT } from './scenario-steps';

/**
 * The steps of 群众意见直通车 (processes/citizen-feedback.bpmn) as
 * test/scenarios/citizen-feedback.test.ts takes them, with their usual form data: the citizen
 * submits with a mini-program account, 李秘书 (办公室) triages, 区交通运输局 replies.
 */

export const submission = (overrides: FormData = {}) => ({
  citizenName: '刘阿姨',
  citizenPhone: '13812345678',
  location: '城东街道幸福小区东门',
  category: '交通出行',
  content: '小区东门公交站台被占用，老人候车只能站在机动车道上，很危险。',
  attachments: [{ name: '站台照片.jpg' }],
  ...overrides,
});

export const reply = (overrides: FormData = {}) => ({
  handlingMeasures: '已清理占道摊点，恢复站台候车区域，并安排城管每日巡查。',
  handlingResult: 'resolved',
  replyText: '您反映的公交站台被占用问题已处理，站台已恢复使用，感谢您的监督。',
  handlerName: '陈科长',
  handlerPhone: '0851-12345678',
  ...overrides,
});

/** 码上提: the citizen submits; the instance's id. */
export const submit = (h: PlatformHarness, overrides: FormData = {}) =>
  h.start('citizen-feedback', CITIZEN, submission(overrides)).then((i) => i._id);

/** 办公室 triages the submission. */
export const triage = (h: PlatformHarness, id: string, data: FormData) =>
  completeIn(h, OFFICE, 'triage', id, data);

/** Submitted (the usual submission, changed by `overrides`) and sent by 办公室 to 区交通运输局 along `route`; the instance's id. */
export async function routedToTransport(
  h: PlatformHarness,
  route: string,
  details: FormData,
  overrides: FormData = {},
) {
  const id = await submit(h, overrides);
  await triage(h, id, { route, handlingUnit: 'unit-transport', ...details });
  return id;
}

/** The unit replies (the usual reply, changed by `overrides`). */
export const unitReplies = (h: PlatformHarness, id: string, overrides: FormData = {}) =>
  completeIn(h, TRANSPORT, 'handle', id, reply(overrides));

/** The citizen rates the reply. */
export const rateReply = (h: PlatformHarness, id: string, rating: string, ratingComment?: string) =>
  completeIn(h, CITIZEN, 'rate', id, { rating, ...(ratingComment && { ratingComment }) });
