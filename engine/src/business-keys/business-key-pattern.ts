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

/** Every problem of a pattern (empty when it is usable). */
export function patternProblems(pattern: string): string[] {
  const problems: string[] = [];
  if (pattern.length > 60) problems.push('a business-key pattern has at most 60 characters');
  let seqCount = 0;
  let last = 0;
  for (const match of pattern.matchAll(FIELD)) {
    checkText(pattern.slice(last, match.index), problems);
    last = match.index + match[0].length;
    const field = match[1]!;
    const seq = /^seq(?::(\d+))?$/.exec(field);
    if (seq) {
      seqCount++;
      const width = seq[1] === undefined ? 1 : Number(seq[1]);
      if (width < 1 || width > MAX_WIDTH)
        problems.push(`{${field}}: the number's width is 1 to ${MAX_WIDTH}`);
    } else if (!['yyyy', 'yy', 'MM', 'dd'].includes(field)) {
      problems.push(`{${field}} is not a field: use {yyyy}, {yy}, {MM}, {dd} or {seq:N}`);
    }
  }
  checkText(pattern.slice(last), problems);
  if (seqCount !== 1) problems.push('a business-key pattern has exactly one {seq} or {seq:N}');
  return problems;
}

function checkText(text: string, problems: string[]): void {
  if (/[{}]/.test(text)) problems.push(`unbalanced brace in '${text}'`);
  else if (!TEXT.test(text))
    problems.push(`'${text}': letters, digits and - _ / . · 〔〕 () only between the fields`);
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
