import type { PlatformHarness } from '../../support/platform-harness';
import {
  AFFAIRS,
  castBallots,
  completeIn,
  COUNCIL,
  type FormData,
  localDate,
  overall,
} from './scenario-steps';

/**
 * The steps of 任命 (processes/appointment.bpmn) as test/scenarios/appointment.test.ts takes them,
 * with their usual form data: 孙主任 (deputyAffairs) registers and runs the steps, 赵主任 (council)
 * reviews, 委员1–5 vote.
 */
/** 孙主任 of 选联工委 registers the nomination and runs the steps. */
export const PERSONNEL = AFFAIRS;
export const MEETING = '××区第十八届人民代表大会常务委员会第二十次会议';

/** Vote marks. */
export const YES = 'satisfied';
export const NO = 'dissatisfied';
export const ABSTAIN = 'basic';

export const nomination = (overrides: FormData = {}) => ({
  nominatingOrgan: '区人民政府',
  nominationDocNo: '××府任〔2026〕3号',
  proposedPosition: '××区交通运输局局长',
  nominationReason: '该同志政治坚定，熟悉交通运输工作，经区委研究，提请任命。',
  nomineeName: '张明',
  gender: '男',
  birthDate: '1978-05-12',
  ethnicity: '汉族',
  politicalStatus: '中共党员',
  education: '大学本科、工学学士',
  currentPosition: '××区交通运输局副局长',
  resume:
    '2000.07—2010.03 ××区公路管理段技术员、副段长\n2010.03—2026.02 ××区交通运输局科长、副局长',
  ...overrides,
});

/** Nominated, approved by the council for the meeting; the instance's id. */
export async function approved(h: PlatformHarness, overrides: FormData = {}) {
  const instance = await h.start('appointment', PERSONNEL, nomination(overrides));
  await completeIn(h, COUNCIL, 'councilReview', instance._id, {
    councilDecision: 'submit',
    councilMeetingDate: localDate(h.clock.now()),
    meetingName: MEETING,
  });
  return instance._id;
}

/** 任前法律知识考试, sat today with `score`. */
export const takeExam = (h: PlatformHarness, id: string, score: number) =>
  completeIn(h, PERSONNEL, 'exam', id, { examDate: localDate(h.clock.now()), examScore: score });

/** 供职发言 today, before all members: each then holds a ballot. */
export const makeStatement = (h: PlatformHarness, id: string) =>
  completeIn(h, PERSONNEL, 'statement', id, {
    meetingDate: localDate(h.clock.now()),
    statementSummary: '坚持依法行政，推进城乡公交一体化，接受人大监督。',
    members: h.users.member,
  });

/** Passed the exam, made the statement: every member now holds a ballot. */
export async function votingOpen(h: PlatformHarness, overrides: FormData = {}) {
  const id = await approved(h, overrides);
  await takeExam(h, id, 88);
  await makeStatement(h, id);
  return id;
}

/** Member i votes `marks[i]`. */
export const vote = (h: PlatformHarness, id: string, marks: string[]) =>
  castBallots(h, id, h.users.member, overall(marks), 'castVote');
