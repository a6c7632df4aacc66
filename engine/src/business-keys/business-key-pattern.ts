/**
 * A business-key pattern such as `JY-{yyyy}-{seq:4}`: literal text with date fields of the
 * district's local time and one running number. The number counts per district and per
 * everything else the pattern prints (`JY-2026-` here), so a pattern with `{yyyy}` starts again
 * at 1 each year and two processes sharing a prefix share its numbers.
 */

export type PatternPart =
  | { kind: 'text'; text: string }
  | { kind: 'year'; digits: 2 | 4 }
  | { kind: 'month' }
  | { kind: 'day' }
  | { kind: 'seq'; width: number };

export interface ParsedPattern {
  parts: PatternPart[];
}

/** The property of the process (camunda:properties) that holds the pattern. */
export const BUSINESS_KEY_PROPERTY = 'businessKeyPattern';

const FIELD = /\{([^{}]*)\}/g;
const MAX_WIDTH = 10;
/** A business key is shown in lists and typed into searches: keep it short and plain. */
const TEXT = /^[\p{L}\p{N}_\-/.·〔〕()（）]*$/u;

export class BusinessKeyPatternError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'BusinessKeyPatternError';
  }
}

/** One problem of a pattern, coded so a user interface can word it in its own language. */
export type PatternIssue =
  | { code: 'too-long'; max: number }
  | { code: 'seq-width'; field: string; max: number }
  | { code: 'unknown-field'; field: string }
  | { code: 'unbalanced-brace'; text: string }
  | { code: 'bad-text'; text: string }
  | { code: 'seq-count' };

const MAX_LENGTH = 60;

/** Every issue of a pattern (empty when it is usable). No imports: the designer runs it too. */
export function patternIssues(pattern: string): PatternIssue[] {
  const issues: PatternIssue[] = [];
  if (pattern.length > MAX_LENGTH) issues.push({ code: 'too-long', max: MAX_LENGTH });
  let seqCount = 0;
  let last = 0;
  for (const match of pattern.matchAll(FIELD)) {
    checkText(pattern.slice(last, match.index), issues);
    last = match.index + match[0].length;
    const field = match[1]!;
    const seq = /^seq(?::(\d+))?$/.exec(field);
    if (seq) {
      seqCount++;
      const width = seq[1] === undefined ? 1 : Number(seq[1]);
      if (width < 1 || width > MAX_WIDTH) issues.push({ code: 'seq-width', field, max: MAX_WIDTH });
    } else if (!['yyyy', 'yy', 'MM', 'dd'].includes(field)) {
      issues.push({ code: 'unknown-field', field });
    }
  }
  checkText(pattern.slice(last), issues);
  if (seqCount !== 1) issues.push({ code: 'seq-count' });
  return issues;
}

function checkText(text: string, issues: PatternIssue[]): void {
  if (/[{}]/.test(text)) issues.push({ code: 'unbalanced-brace', text });
  else if (!TEXT.test(text)) issues.push({ code: 'bad-text', text });
}

export function describeIssue(issue: PatternIssue): string {
  switch (issue.code) {
    case 'too-long':
      return `a business-key pattern has at most ${issue.max} characters`;
    case 'seq-width':
      return `{${issue.field}}: the number's width is 1 to ${issue.max}`;
    case 'unknown-field':
      return `{${issue.field}} is not a field: use {yyyy}, {yy}, {MM}, {dd} or {seq:N}`;
    case 'unbalanced-brace':
      return `unbalanced brace in '${issue.text}'`;
    case 'bad-text':
      return `'${issue.text}': letters, digits and - _ / . · 〔〕 () only between the fields`;
    case 'seq-count':
      return 'a business-key pattern has exactly one {seq} or {seq:N}';
  }
}

/** Every problem of a pattern, in English (empty when it is usable). */
export function patternProblems(pattern: string): string[] {
  return patternIssues(pattern).map(describeIssue);
}

export function parsePattern(pattern: string): ParsedPattern {
  const problems = patternProblems(pattern);
  if (problems.length > 0) throw new BusinessKeyPatternError(problems);
  const parts: PatternPart[] = [];
  let last = 0;
  for (const match of pattern.matchAll(FIELD)) {
    if (match.index > last) parts.push({ kind: 'text', text: pattern.slice(last, match.index) });
    last = match.index + match[0].length;
    const field = match[1]!;
    if (field === 'yyyy') parts.push({ kind: 'year', digits: 4 });
    else if (field === 'yy') parts.push({ kind: 'year', digits: 2 });
    else if (field === 'MM') parts.push({ kind: 'month' });
    else if (field === 'dd') parts.push({ kind: 'day' });
    else parts.push({ kind: 'seq', width: Number(field.split(':')[1] ?? 1) });
  }
  if (last < pattern.length) parts.push({ kind: 'text', text: pattern.slice(last) });
  return { parts };
}

/** The date fields of `at` in local time `utcOffsetMinutes` east of UTC. */
function localDate(at: Date, utcOffsetMinutes: number) {
  const local = new Date(at.getTime() + utcOffsetMinutes * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
  };
}

/** The key with the running number `seq`; `seq` undefined gives the counting scope (`{seq}` kept). */
export function formatKey(
  pattern: ParsedPattern,
  at: Date,
  utcOffsetMinutes: number,
  seq?: number,
): string {
  const date = localDate(at, utcOffsetMinutes);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return pattern.parts
    .map((part) => {
      switch (part.kind) {
        case 'text':
          return part.text;
        case 'year':
          return part.digits === 4 ? pad(date.year, 4) : pad(date.year % 100, 2);
        case 'month':
          return pad(date.month, 2);
        case 'day':
          return pad(date.day, 2);
        case 'seq':
          return seq === undefined ? '{seq}' : pad(seq, part.width);
      }
    })
    .join('');
}
