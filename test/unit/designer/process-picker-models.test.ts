import {
  formatCalledElement,
  formatCalledVersion,
  mappableVariables,
  mappingAttributes,
  parseCalledElement,
  parseCalledVersion,
  parseMapping,
  type CalledVariable,
} from '../../../designer/src/modules/process-designer/model/call-activity';
import {
  addCandidateUser,
  candidateUserIds,
  formatCandidateUsers,
  parseCandidateUsers,
  removeCandidate,
} from '../../../designer/src/modules/process-designer/model/candidate-users';
import {
  formatMessageName,
  messageChoices,
  parseMessageName,
} from '../../../designer/src/modules/process-designer/model/message-name';
import {
  formatTimer,
  parseTimer,
  switchTimerKind,
  type TimerSpec,
  type TimerValue,
} from '../../../designer/src/modules/process-designer/model/timer-spec';

describe('candidate users', () => {
  it.each([
    'user:u-1',
    'user:u-1,var:reviewers',
    'user:u-1, role:council ,starter',
    'demo,john',
    '${reviewers}',
    '= [lead, deputy]',
  ])('writes %s back exactly as read', (text) => {
    expect(formatCandidateUsers(parseCandidateUsers(text))).toBe(text.trim());
  });

  it('names people by user:<id> and keeps the other entries as written', () => {
    const value = parseCandidateUsers('user:u-1, var:reviewers,demo');
    expect(value).toEqual({
      kind: 'list',
      entries: [
        { kind: 'user', argument: 'u-1', text: 'user:u-1', raw: 'user:u-1' },
        { kind: 'var', argument: 'reviewers', text: 'var:reviewers', raw: ' var:reviewers' },
        { kind: 'other', argument: 'demo', text: 'demo', raw: 'demo' },
      ],
    });
    expect(candidateUserIds(value)).toEqual(['u-1']);
  });

  it('adds a person once, removes an entry, and an empty list removes the attribute', () => {
    const added = addCandidateUser(parseCandidateUsers('var:reviewers'), 'u-2');
    expect(formatCandidateUsers(added)).toBe('var:reviewers,user:u-2');
    expect(addCandidateUser(added, 'u-2')).toBe(added);
    expect(formatCandidateUsers(removeCandidate(added, 0))).toBe('user:u-2');
    expect(formatCandidateUsers(removeCandidate(removeCandidate(added, 0), 0))).toBeUndefined();
  });

  it('never splits or extends a whole-value expression', () => {
    const value = parseCandidateUsers('${pick(a, b)}');
    expect(value).toEqual({ kind: 'expression', text: '${pick(a, b)}' });
    expect(addCandidateUser(value, 'u-1')).toBe(value);
    expect(candidateUserIds(value)).toEqual([]);
  });
});

describe('timers', () => {
  it.each<[TimerValue, TimerSpec]>([
    [
      { type: 'timeDuration', text: 'P5WD' },
      { kind: 'duration', period: { amount: 5, unit: 'workingDays' } },
    ],
    [
      { type: 'timeDuration', text: 'PT10M' },
      { kind: 'duration', period: { amount: 10, unit: 'minutes' } },
    ],
    [
      { type: 'timeDuration', text: 'PT36H' },
      { kind: 'duration', period: { amount: 36, unit: 'hours' } },
    ],
    [
      { type: 'timeDuration', text: 'P1M' },
      { kind: 'duration', period: { amount: 1, unit: 'months' } },
    ],
    [
      { type: 'timeDate', text: '2026-10-08' },
      { kind: 'date', date: '2026-10-08' },
    ],
    [
      { type: 'timeDate', text: '2026-10-08T09:30:00+08:00' },
      { kind: 'date', date: '2026-10-08', time: '09:30' },
    ],
    [
      { type: 'timeCycle', text: 'R3/PT10M' },
      { kind: 'cycle', repetitions: 3, period: { amount: 10, unit: 'minutes' } },
    ],
    [
      { type: 'timeCycle', text: 'R3/P5WD' },
      { kind: 'cycle', repetitions: 3, period: { amount: 5, unit: 'workingDays' } },
    ],
    [
      { type: 'timeCycle', text: 'R/2026-01-10T09:00:00+08:00/P1M' },
      {
        kind: 'cycle',
        repetitions: null,
        start: { date: '2026-01-10', time: '09:00' },
        period: { amount: 1, unit: 'months' },
      },
    ],
    [
      { type: 'timeDuration', text: '= params.voteWindow' },
      { kind: 'expression', type: 'timeDuration', text: '= params.voteWindow' },
    ],
    [
      { type: 'timeCycle', text: '${cycle}' },
      { kind: 'expression', type: 'timeCycle', text: '${cycle}' },
    ],
  ])('reads and writes %j', (value, spec) => {
    expect(parseTimer(value)).toEqual(spec);
    expect(formatTimer(spec)).toEqual(value);
  });

  it.each<TimerValue>([
    { type: 'timeDuration', text: 'P1DT2H' },
    { type: 'timeDuration', text: '2026-10-08' },
    { type: 'timeDate', text: 'P5D' },
    { type: 'timeDate', text: '2026-02-30' },
    { type: 'timeDate', text: '2026-10-08T09:30:00Z' },
    { type: 'timeCycle', text: 'R03/PT10M' },
    { type: 'timeCycle', text: 'R0/PT10M' },
    { type: 'timeCycle', text: 'R/2026-01-10T09:00:00Z/P1M' },
    { type: 'timeCycle', text: '0 0 9 * * ?' },
  ])('keeps %j as written when the builder could not write it back identically', (value) => {
    const spec = parseTimer(value);
    expect(spec).toEqual({ kind: 'other', ...value });
    expect(formatTimer(spec!)).toEqual(value);
  });

  it('reads an empty timer as not yet set', () => {
    expect(parseTimer(undefined)).toBeUndefined();
    expect(parseTimer({ type: 'timeCycle', text: '  ' })).toBeUndefined();
  });

  it('switches kinds keeping the period, and starts a date today at nine', () => {
    const duration: TimerSpec = { kind: 'duration', period: { amount: 5, unit: 'workingDays' } };
    const cycle = switchTimerKind(duration, 'cycle', '2026-09-30');
    expect(formatTimer(cycle)).toEqual({ type: 'timeCycle', text: 'R3/P5WD' });
    expect(formatTimer(switchTimerKind(cycle, 'date', '2026-09-30'))).toEqual({
      type: 'timeDate',
      text: '2026-09-30T09:00:00+08:00',
    });
    expect(switchTimerKind(undefined, 'expression', '2026-09-30')).toEqual({
      kind: 'expression',
      type: 'timeDuration',
      text: '= ',
    });
  });
});

describe('call activities', () => {
  it('reads the called process, an expression, or none', () => {
    expect(parseCalledElement('satisfaction-vote')).toEqual({
      kind: 'process',
      key: 'satisfaction-vote',
    });
    expect(parseCalledElement('${calledKey}')).toEqual({
      kind: 'expression',
      text: '${calledKey}',
    });
    expect(parseCalledElement(undefined)).toEqual({ kind: 'none' });
    expect(formatCalledElement({ kind: 'process', key: 'vote' })).toBe('vote');
    expect(formatCalledElement({ kind: 'none' })).toBeUndefined();
  });

  it('reads the version binding; latest is written as no attributes', () => {
    expect(parseCalledVersion({})).toEqual({ kind: 'latest' });
    expect(parseCalledVersion({ binding: 'latest' })).toEqual({ kind: 'latest' });
    expect(parseCalledVersion({ binding: 'version', version: '2' })).toEqual({
      kind: 'version',
      version: 2,
    });
    const tag = parseCalledVersion({ binding: 'versionTag' });
    expect(tag).toEqual({ kind: 'other', binding: 'versionTag' });
    expect(formatCalledVersion(tag)).toEqual({ binding: 'versionTag', version: undefined });
    expect(formatCalledVersion({ kind: 'latest' })).toEqual({
      binding: undefined,
      version: undefined,
    });
    expect(formatCalledVersion({ kind: 'version', version: 3 })).toEqual({
      binding: 'version',
      version: '3',
    });
  });

  it('reads each kind of mapping and writes it with its own attributes only', () => {
    const variable = parseMapping({ source: 'title', target: 'subject' });
    expect(variable).toEqual({ kind: 'variable', source: 'title', target: 'subject' });
    expect(mappingAttributes(variable as never)).toEqual({
      source: 'title',
      target: 'subject',
      sourceExpression: undefined,
      variables: undefined,
      businessKey: undefined,
    });
    expect(parseMapping({ sourceExpression: '= []', target: 'coSigners' })).toEqual({
      kind: 'expression',
      expression: '= []',
      target: 'coSigners',
    });
    expect(parseMapping({ variables: 'all' })).toEqual({ kind: 'all' });
    expect(parseMapping({ businessKey: '${execution.processBusinessKey}' })).toEqual({
      kind: 'businessKey',
      expression: '${execution.processBusinessKey}',
    });
    expect(parseMapping({ variables: 'all', local: true })).toEqual({
      kind: 'other',
      text: 'variables="all" local="true"',
    });
  });

  it('offers what the called process expects for in, and what it writes for out, first', () => {
    const variables: CalledVariable[] = [
      { name: 'opinion', written: true, startForm: false, read: false },
      { name: 'meetingDate', written: true, startForm: false, read: true },
      { name: 'subject', startForm: true, written: false, read: true },
      { name: 'round', startForm: false, written: false, read: true },
    ];
    expect(mappableVariables(variables, 'in').map((v) => v.name)).toEqual([
      'subject',
      'round',
      'opinion',
      'meetingDate',
    ]);
    expect(mappableVariables(variables, 'out').map((v) => v.name)).toEqual([
      'opinion',
      'meetingDate',
      'subject',
      'round',
    ]);
  });
});

describe('message names', () => {
  it('reads a name, an expression, or none, and writes them back', () => {
    expect(parseMessageName(' 材料补正 ')).toEqual({ kind: 'name', name: '材料补正' });
    expect(parseMessageName('${kind}')).toEqual({ kind: 'expression', text: '${kind}' });
    expect(parseMessageName('')).toEqual({ kind: 'none' });
    expect(formatMessageName({ kind: 'name', name: '材料补正' })).toBe('材料补正');
    expect(formatMessageName({ kind: 'name', name: ' ' })).toBeUndefined();
  });

  it('offers the names other processes use and this file’s own, saying who waits and who sends', () => {
    const choices = messageChoices(
      [
        {
          name: '材料补正',
          uses: [
            { processKey: 'letters', processName: '来信办理', direction: 'catch' },
            { processKey: 'letters', processName: '来信办理', direction: 'catch' },
            { processKey: 'intake', direction: 'throw' },
          ],
        },
        { name: '只有本流程', uses: [{ processKey: 'mine', direction: 'catch' }] },
      ],
      ['办结通知', '${dynamic}'],
      'mine',
    );
    expect(choices).toEqual([
      { name: '办结通知', catchers: [], senders: [], inThisFile: true },
      { name: '材料补正', catchers: ['来信办理'], senders: ['intake'], inThisFile: false },
    ]);
  });
});
