import { isExpressionText } from './expression-text';

/** The three timer elements of a bpmn:TimerEventDefinition. */
export const TIMER_TYPES = ['timeDuration', 'timeDate', 'timeCycle'] as const;
export type TimerType = (typeof TIMER_TYPES)[number];

/** A timer as the file has it: which element, and its text. */
export interface TimerValue {
  type: TimerType;
  text: string;
}

export const PERIOD_UNITS = [
  'workingDays',
  'minutes',
  'hours',
  'days',
  'weeks',
  'months',
  'years',
] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export interface Period {
  amount: number;
  unit: PeriodUnit;
}

/** A local date and wall-clock time in Beijing time (the calendar's offset, +08:00). */
export interface LocalDateTime {
  date: string;
  time: string;
}

export type TimerSpec =
  | { kind: 'duration'; period: Period }
  /** without a time: the end of that day, as the engine reads a date */
  | { kind: 'date'; date: string; time?: string }
  /** repetitions null: for ever; without a start it counts from when the timer is reached */
  | { kind: 'cycle'; repetitions: number | null; start?: LocalDateTime; period: Period }
  | { kind: 'expression'; type: TimerType; text: string }
  /** anything the builder cannot write back identically: kept and edited as text */
  | { kind: 'other'; type: TimerType; text: string };

export type TimerKind = TimerSpec['kind'];
/** The kinds a person picks; `other` only describes a value from elsewhere. */
export const BUILDER_KINDS = ['duration', 'date', 'cycle', 'expression'] as const;

const OFFSET = '+08:00';
const UNIT_SUFFIX: Record<PeriodUnit, [string, string]> = {
  workingDays: ['P', 'WD'],
  minutes: ['PT', 'M'],
  hours: ['PT', 'H'],
  days: ['P', 'D'],
  weeks: ['P', 'W'],
  months: ['P', 'M'],
  years: ['P', 'Y'],
};
const PERIOD = /^(PT?)([1-9]\d{0,5})(WD|M|H|D|W|Y)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// only the exact form the builder writes, so that reading and writing give the same text
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):00\+08:00$/;
const CYCLE = /^R(\d*)\/(?:([^/]+)\/)?([^/]+)$/;

export function formatPeriod(period: Period): string {
  const [prefix, suffix] = UNIT_SUFFIX[period.unit];
  return `${prefix}${Math.max(1, Math.floor(period.amount))}${suffix}`;
}

export function parsePeriod(text: string): Period | undefined {
  const match = PERIOD.exec(text);
  if (!match) return undefined;
  const [, prefix, amount, suffix] = match;
  const unit = PERIOD_UNITS.find(
    (candidate) => UNIT_SUFFIX[candidate][0] === prefix && UNIT_SUFFIX[candidate][1] === suffix,
  );
  return unit && { amount: Number(amount), unit };
}

function parseDateTime(text: string): LocalDateTime | undefined {
  const match = DATE_TIME.exec(text);
  return match && isRealDate(match[1]) && isRealTime(match[2])
    ? { date: match[1], time: match[2] }
    : undefined;
}

export function formatDateTime({ date, time }: LocalDateTime): string {
  return `${date}T${time}:00${OFFSET}`;
}

/** What the timer element holds, read for the builder; undefined when it holds nothing yet. */
export function parseTimer(value: TimerValue | undefined): TimerSpec | undefined {
  const text = value?.text.trim() ?? '';
  if (!value || text === '') return undefined;
  const { type } = value;
  const other = { kind: 'other', type, text } as const;
  if (isExpressionText(text)) return { kind: 'expression', type, text };
  if (type === 'timeDuration') {
    const period = parsePeriod(text);
    return period ? { kind: 'duration', period } : other;
  }
  if (type === 'timeDate') {
    if (DATE.test(text)) return isRealDate(text) ? { kind: 'date', date: text } : other;
    const at = parseDateTime(text);
    return at ? { kind: 'date', ...at } : other;
  }
  const match = CYCLE.exec(text);
  if (!match) return other;
  const [, count, startText, periodText] = match;
  const repetitions = count === '' ? null : Number(count);
  const start = startText === undefined ? undefined : parseDateTime(startText);
  const period = parsePeriod(periodText);
  if (!period || (startText !== undefined && !start) || repetitions === 0) return other;
  if (repetitions !== null && String(repetitions) !== count) return other; // R03: not ours
  return { kind: 'cycle', repetitions, ...(start && { start }), period };
}

export function formatTimer(spec: TimerSpec): TimerValue {
  switch (spec.kind) {
    case 'duration':
      return { type: 'timeDuration', text: formatPeriod(spec.period) };
    case 'date':
      return {
        type: 'timeDate',
        text: spec.time ? formatDateTime({ date: spec.date, time: spec.time }) : spec.date,
      };
    case 'cycle': {
      const count = spec.repetitions === null ? '' : String(Math.max(1, spec.repetitions));
      const start = spec.start ? `${formatDateTime(spec.start)}/` : '';
      return { type: 'timeCycle', text: `R${count}/${start}${formatPeriod(spec.period)}` };
    }
    case 'expression':
    case 'other':
      return { type: spec.type, text: spec.text.trim() };
  }
}

/** A fresh spec of another kind, keeping the period where it still makes sense. */
export function switchTimerKind(
  spec: TimerSpec | undefined,
  kind: (typeof BUILDER_KINDS)[number],
  today: string,
): TimerSpec {
  const period: Period =
    spec?.kind === 'duration' || spec?.kind === 'cycle'
      ? spec.period
      : { amount: 5, unit: 'workingDays' };
  switch (kind) {
    case 'duration':
      return { kind, period };
    case 'date':
      return { kind, date: spec?.kind === 'date' ? spec.date : today, time: '09:00' };
    case 'cycle':
      return { kind, repetitions: 3, period };
    case 'expression':
      return { kind, type: spec ? formatTimer(spec).type : 'timeDuration', text: '= ' };
  }
}

function isRealDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function isRealTime(text: string): boolean {
  const [hour, minute] = text.split(':').map(Number);
  return hour <= 23 && minute <= 59;
}
