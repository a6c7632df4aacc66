import {
  formatAssignee,
  parseAssignee,
} from '../../../designer/src/modules/process-designer/model/assignee-reference';
import {
  formatCompletionCondition,
  parseCompletionCondition,
  switchCompletionRule,
  type CompletionRule,
} from '../../../designer/src/modules/process-designer/model/completion-rule';
import {
  formatDueDate,
  isValidDueDateText,
  parseDueDate,
  switchDueDateKind,
  type DueDateSpec,
} from '../../../designer/src/modules/process-designer/model/due-date-spec';
import { checkFeelSyntax } from '../../../designer/src/modules/process-designer/model/feel-syntax';

describe('assignee references', () => {
  it.each([
    ['starter', { kind: 'starter', argument: '' }],
    ['role:council', { kind: 'role', argument: 'council' }],
    ['user:u-42', { kind: 'user', argument: 'u-42' }],
    ['var:leadDeputy', { kind: 'var', argument: 'leadDeputy' }],
    ['unit:handlingUnit', { kind: 'unit', argument: 'handlingUnit' }],
    ['= pick(a)', { kind: 'expression', argument: '= pick(a)' }],
    ['${voter}', { kind: 'expression', argument: '${voter}' }],
    ['group:x', { kind: 'other', argument: 'group:x' }],
  ])('reads and writes %s', (text, reference) => {
    expect(parseAssignee(text)).toEqual(reference);
    expect(formatAssignee(parseAssignee(text))).toBe(text);
  });

  it('treats an empty attribute as nobody and removes it again', () => {
    expect(parseAssignee(undefined)).toEqual({ kind: 'none', argument: '' });
    expect(formatAssignee({ kind: 'none', argument: 'x' })).toBeUndefined();
  });
});

describe('due dates', () => {
  it.each<[string, DueDateSpec]>([
    ['P7WD', { kind: 'workingDays', amount: 7 }],
    ['P3M', { kind: 'duration', amount: 3, unit: 'M' }],
    ['P10D', { kind: 'duration', amount: 10, unit: 'D' }],
    ['PT36H', { kind: 'duration', amount: 36, unit: 'H' }],
    ['2026-03-01', { kind: 'date', date: '2026-03-01' }],
    ['= params.replyDeadline', { kind: 'expression', expression: '= params.replyDeadline' }],
    ['P1Y2M', { kind: 'other', text: 'P1Y2M' }],
  ])('reads and writes %s', (text, spec) => {
    expect(parseDueDate(text)).toEqual(spec);
    expect(formatDueDate(spec)).toBe(text);
  });

  it('switches kinds keeping the amount', () => {
    expect(switchDueDateKind({ kind: 'workingDays', amount: 5 }, 'duration')).toEqual({
      kind: 'duration',
      amount: 5,
      unit: 'D',
    });
    expect(formatDueDate(switchDueDateKind({ kind: 'none' }, 'workingDays'))).toBe('P7WD');
  });

  it('accepts what the engine calendar accepts', () => {
    for (const ok of [
      'P7WD',
      'P1Y2M10DT2H30M',
      'PT0.5S',
      '2026-02-28',
      '2026-03-01T09:00:00+08:00',
    ]) {
      expect(isValidDueDateText(ok)).toBe(true);
    }
    for (const bad of ['P', 'PT', '7 days', '2026-02-30', 'P7W D']) {
      expect(isValidDueDateText(bad)).toBe(false);
    }
  });
});

describe('multi-instance completion rules', () => {
  it.each<[CompletionRule, string | undefined]>([
    [{ kind: 'all' }, undefined],
    [{ kind: 'any' }, '= nrOfCompletedInstances >= 1'],
    [{ kind: 'count', count: 3 }, '= nrOfCompletedInstances >= 3'],
    [{ kind: 'fraction', percent: 50 }, '= nrOfCompletedInstances / nrOfInstances >= 0.5'],
    [{ kind: 'fraction', percent: 66.67 }, '= nrOfCompletedInstances / nrOfInstances >= 0.6667'],
  ])('writes %o as a completion condition and reads it back', (rule, condition) => {
    expect(formatCompletionCondition(rule)).toBe(condition);
    expect(parseCompletionCondition(condition)).toEqual(rule);
  });

  it('reads the Camunda 7 form and keeps anything else as a custom condition', () => {
    expect(parseCompletionCondition('${nrOfCompletedInstances >= 2}')).toEqual({
      kind: 'count',
      count: 2,
    });
    expect(parseCompletionCondition('= approved')).toEqual({
      kind: 'custom',
      expression: '= approved',
    });
    expect(switchCompletionRule({ kind: 'count', count: 2 }, 'custom')).toEqual({
      kind: 'custom',
      expression: '= nrOfCompletedInstances >= 2',
    });
  });
});

describe('FEEL syntax check', () => {
  it('accepts valid expressions in both notations', () => {
    expect(checkFeelSyntax('= amount > 10')).toBeNull();
    expect(checkFeelSyntax('${approved = true}')).toBeNull();
    expect(checkFeelSyntax('= rectificationRound < params.maxRectificationRounds')).toBeNull();
    expect(checkFeelSyntax('amount > 10', false)).toBeNull();
  });

  it('points at the column of the problem', () => {
    expect(checkFeelSyntax('= amount >')).toEqual({ kind: 'incomplete', column: 11 });
    expect(checkFeelSyntax('= a ) b')).toMatchObject({ kind: 'unexpected', token: ')' });
    expect(checkFeelSyntax('${a')).toEqual({ kind: 'unclosed', column: 1 });
    expect(checkFeelSyntax('${a} x')).toEqual({ kind: 'trailing', column: 5 });
    expect(checkFeelSyntax('amount > 10')).toEqual({ kind: 'notExpression' });
    expect(checkFeelSyntax('=  ')).toEqual({ kind: 'empty' });
  });
});
