/** The marks a ballot can carry, as the ballot form stores them (labels are the form's business). */
export const MARKS = ['satisfied', 'basic', 'dissatisfied'] as const;
export type Mark = (typeof MARKS)[number];

export type PassRule = 'satisfied>half' | 'satisfiedOrBasic>half';
export type TallyBase = 'all' | 'present';
export type VoteScope = 'overall' | 'perItem' | 'both';

/** One anonymous ballot as the ballot form submits it. */
export interface BallotMarks {
  overall?: unknown;
  itemMarks?: unknown;
}

export interface VoteItem {
  key: string;
  title: string;
}

export interface TallyOptions {
  /** How many were entitled to vote (the voters collection). */
  electorate: number;
  passRule: PassRule;
  base: TallyBase;
  scope: VoteScope;
  items: VoteItem[];
}

export interface MarkCounts {
  satisfied: number;
  basic: number;
  dissatisfied: number;
  /** Ballots with no mark, several marks or an unknown mark. */
  invalid: number;
  valid: number;
  /** Shares of the base count (0 when the base is 0), rounded to 4 places. */
  satisfiedRate: number;
  satisfiedOrBasicRate: number;
  passed: boolean;
}

export interface TallyResult {
  electorate: number;
  cast: number;
  notCast: number;
  base: TallyBase;
  /** The denominator of "more than half": the electorate, or the ballots cast. */
  baseCount: number;
  rule: PassRule;
  scope: VoteScope;
  overall?: MarkCounts;
  items?: (VoteItem & MarkCounts)[];
  /** The overall result (scope overall/both), or every item passed (scope perItem). */
  passed: boolean;
}

export const PASS_RULES: readonly PassRule[] = ['satisfied>half', 'satisfiedOrBasic>half'];
export const TALLY_BASES: readonly TallyBase[] = ['all', 'present'];
export const VOTE_SCOPES: readonly VoteScope[] = ['overall', 'perItem', 'both'];

/**
 * Counts anonymous ballots. A ballot (or one item of it) counts for a choice only when it marks
 * exactly one of 满意/基本满意/不满意; none, several or an unknown mark make it invalid — as a paper
 * ballot with no tick or two ticks is. Passing means strictly more than half of the base.
 */
export function tallyBallots(ballots: readonly BallotMarks[], options: TallyOptions): TallyResult {
  const cast = ballots.length;
  const baseCount = options.base === 'all' ? options.electorate : cast;
  const count = (marks: unknown[]): MarkCounts => {
    const counts = { satisfied: 0, basic: 0, dissatisfied: 0, invalid: 0 };
    for (const entry of marks) {
      const mark = singleMark(entry);
      if (mark) counts[mark]++;
      else counts.invalid++;
    }
    const share = (n: number) =>
      baseCount > 0 ? Math.round((n / baseCount) * 10_000) / 10_000 : 0;
    const decisive =
      options.passRule === 'satisfied>half' ? counts.satisfied : counts.satisfied + counts.basic;
    return {
      ...counts,
      valid: marks.length - counts.invalid,
      satisfiedRate: share(counts.satisfied),
      satisfiedOrBasicRate: share(counts.satisfied + counts.basic),
      passed: baseCount > 0 && decisive * 2 > baseCount,
    };
  };

  const result: TallyResult = {
    electorate: options.electorate,
    cast,
    notCast: Math.max(0, options.electorate - cast),
    base: options.base,
    baseCount,
    rule: options.passRule,
    scope: options.scope,
    passed: false,
  };
  if (options.scope !== 'perItem') result.overall = count(ballots.map((b) => b.overall));
  if (options.scope !== 'overall')
    result.items = options.items.map((item) => ({
      ...item,
      ...count(ballots.map((b) => marksForItem(b.itemMarks, item.key))),
    }));
  result.passed = result.overall
    ? result.overall.passed
    : (result.items ?? []).length > 0 && result.items!.every((item) => item.passed);
  return result;
}

function singleMark(entry: unknown): Mark | undefined {
  const marks = typeof entry === 'string' ? [entry] : Array.isArray(entry) ? entry : [];
  return marks.length === 1 && (MARKS as readonly unknown[]).includes(marks[0])
    ? (marks[0] as Mark)
    : undefined;
}

/** The marks given to one item; an item listed twice on one ballot is invalid. */
function marksForItem(itemMarks: unknown, key: string): unknown {
  if (!Array.isArray(itemMarks)) return undefined;
  const rows = itemMarks.filter(
    (row): row is { key: unknown; marks: unknown } =>
      typeof row === 'object' && row !== null && (row as { key?: unknown }).key === key,
  );
  return rows.length === 1 ? rows[0].marks : undefined;
}
