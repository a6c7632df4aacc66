import type { PlatformHarness } from '../../support/platform-harness';
import { castBallots, type FormData, openAt, overall } from './scenario-steps';

/**
 * The steps of 满意度测评 (processes/satisfaction-vote.bpmn) as
 * test/scenarios/satisfaction-vote.test.ts takes them: 李秘书 (office) starts a vote of the five
 * members, who cast in order.
 */
export const startVote = (h: PlatformHarness, extra: FormData = {}) =>
  h.start('satisfaction-vote', 'u-office', {
    subject: '对区交通运输局落实审议意见情况的满意度测评',
    voters: h.users.member,
    ...extra,
  });

/** The ballots still open in the vote. */
export const ballotTasks = (h: PlatformHarness, voteId: string) => openAt(h, voteId, 'castBallot');

/** Members cast overall marks in order, the first `marks[0]`, starting at member `from` (0-based). */
export const castOverall = (h: PlatformHarness, voteId: string, marks: string[][], from = 0) =>
  castBallots(h, voteId, h.users.member.slice(from), overall(marks));
