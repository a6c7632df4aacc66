import { type BallotMarks, tallyBallots, type TallyOptions } from '../../../server/src/votes';

const S = ['satisfied'];
const B = ['basic'];
const D = ['dissatisfied'];
const overall = (...marks: unknown[]): BallotMarks[] => marks.map((m) => ({ overall: m }));
const options = (extra: Partial<TallyOptions> = {}): TallyOptions => ({
  electorate: 10,
  passRule: 'satisfied>half',
  base: 'all',
  scope: 'overall',
  items: [],
  ...extra,
});

describe('the satisfaction-vote tally', () => {
  it('counts choices, invalid ballots, turnout and rates against the base', () => {
    const result = tallyBallots(
      overall(S, S, S, B, B, D, [], ['satisfied', 'basic'], ['maybe']),
      options(),
    );
    expect(result).toEqual({
      electorate: 10,
      cast: 9,
      notCast: 1,
      base: 'all',
      baseCount: 10,
      rule: 'satisfied>half',
      scope: 'overall',
      overall: {
        satisfied: 3,
        basic: 2,
        dissatisfied: 1,
        invalid: 3,
        valid: 6,
        satisfiedRate: 0.3,
        satisfiedOrBasicRate: 0.5,
        passed: false,
      },
      passed: false,
    });
  });

  it.each([
    // rule, base, ballots (of 10 entitled), passed — "more than half" is strict
    ['satisfied>half', 'all', [S, S, S, S, S, B, B], false], // 5 of 10 is not more than half
    ['satisfied>half', 'all', [S, S, S, S, S, S, D], true], // 6 of 10
    ['satisfied>half', 'present', [S, S, S, S, B, D, D], true], // 4 of 7 present
    ['satisfiedOrBasic>half', 'all', [S, S, S, B, B, D, D], false], // 5 of 10
    ['satisfiedOrBasic>half', 'all', [S, S, S, B, B, B, D], true], // 6 of 10
    ['satisfiedOrBasic>half', 'present', [S, B, D, D], false], // 2 of 4
    ['satisfiedOrBasic>half', 'present', [S, B, B, D], true], // 3 of 4
  ] as const)('%s with base %s: %j → passed %s', (passRule, base, marks, passed) => {
    expect(tallyBallots(overall(...marks), options({ passRule, base })).passed).toBe(passed);
  });

  it('invalid ballots still count in the base of those present', () => {
    const result = tallyBallots(overall(S, S, [], []), options({ base: 'present' }));
    expect(result.baseCount).toBe(4);
    expect(result.overall?.passed).toBe(false);
  });

  it('nobody voting passes nothing and divides by nothing', () => {
    const result = tallyBallots([], options({ base: 'present' }));
    expect(result.overall).toMatchObject({ satisfiedRate: 0, passed: false });
    expect(result.passed).toBe(false);
  });

  it('tallies per item, with duplicated or missing items invalid', () => {
    const items = [
      { key: 'law', title: '贯彻执行法律法规' },
      { key: 'style', title: '工作作风' },
    ];
    const ballots: BallotMarks[] = [
      {
        itemMarks: [
          { key: 'law', marks: S },
          { key: 'style', marks: D },
        ],
      },
      {
        itemMarks: [
          { key: 'law', marks: S },
          { key: 'style', marks: S },
        ],
      },
      {
        itemMarks: [
          { key: 'law', marks: B },
          { key: 'law', marks: S },
        ],
      }, // law twice: invalid; style missing
      {
        itemMarks: [
          { key: 'law', marks: S },
          { key: 'style', marks: D },
          { key: 'ghost', marks: S },
        ],
      },
    ];
    const result = tallyBallots(ballots, options({ electorate: 4, scope: 'perItem', items }));
    expect(result.overall).toBeUndefined();
    expect(result.items).toEqual([
      expect.objectContaining({ key: 'law', satisfied: 3, basic: 0, invalid: 1, passed: true }),
      expect.objectContaining({
        key: 'style',
        satisfied: 1,
        dissatisfied: 2,
        invalid: 1,
        passed: false,
      }),
    ]);
    expect(result.passed).toBe(false);
  });

  it('both: each item is judged, and the overall vote decides `passed`', () => {
    const items = [{ key: 'a', title: '甲' }];
    const ballots: BallotMarks[] = [
      { overall: S, itemMarks: [{ key: 'a', marks: D }] },
      { overall: S, itemMarks: [{ key: 'a', marks: D }] },
    ];
    const result = tallyBallots(ballots, options({ electorate: 3, scope: 'both', items }));
    expect(result.overall?.passed).toBe(true);
    expect(result.items?.[0].passed).toBe(false);
    expect(result.passed).toBe(true);
  });
});
