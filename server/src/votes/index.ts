export {
  tallyBallots,
  MARKS,
  PASS_RULES,
  TALLY_BASES,
  VOTE_SCOPES,
  type BallotMarks,
  type Mark,
  type MarkCounts,
  type PassRule,
  type TallyBase,
  type TallyOptions,
  type TallyResult,
  type VoteItem,
  type VoteScope,
} from './vote-tally';
export { BallotBox, ballotBoxId, type BallotTask } from './ballot-box';
export { voteTallyHandler, type VoteTallyDeps } from './vote-tally.handler';
