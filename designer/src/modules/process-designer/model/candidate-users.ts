import { parseAssignee, type AssigneeKind } from './assignee-reference';
import { isExpressionText } from './expression-text';

/** One entry of `camunda:candidateUsers`, as written (engine/README.md, "candidates"). */
export interface CandidateEntry {
  /** `user:<id>` is a person the picker shows by name; the rest are shown as written. */
  kind: AssigneeKind;
  /** user id, role key, variable name, … (the whole text for `other`) */
  argument: string;
  /** The entry, trimmed. */
  text: string;
  /** The entry with the spaces around it, so untouched entries are written back unchanged. */
  raw: string;
}

export type CandidateUsers =
  /** a whole-value expression: edited as text, never split at its commas */
  { kind: 'expression'; text: string } | { kind: 'list'; entries: CandidateEntry[] };

export function parseCandidateUsers(text: string | undefined): CandidateUsers {
  if (text !== undefined && isExpressionText(text))
    return { kind: 'expression', text: text.trim() };
  const pieces = (text ?? '').split(',').filter((raw) => raw.trim() !== '');
  return {
    kind: 'list',
    entries: pieces.map((raw) => ({ ...parseAssignee(raw), text: raw.trim(), raw })),
  };
}

/** The attribute text, or undefined to remove the attribute. */
export function formatCandidateUsers(value: CandidateUsers): string | undefined {
  const text = value.kind === 'expression' ? value.text : value.entries.map((e) => e.raw).join(',');
  return text.trim() === '' ? undefined : text.trim();
}

/** The person's entry added (`user:<id>`), unless they are already named. */
export function addCandidateUser(value: CandidateUsers, userId: string): CandidateUsers {
  if (value.kind !== 'list') return value;
  if (candidateUserIds(value).includes(userId)) return value;
  const text = `user:${userId}`;
  const entry: CandidateEntry = { kind: 'user', argument: userId, text, raw: text };
  return { kind: 'list', entries: [...value.entries, entry] };
}

export function removeCandidate(value: CandidateUsers, index: number): CandidateUsers {
  if (value.kind !== 'list') return value;
  return { kind: 'list', entries: value.entries.filter((_, i) => i !== index) };
}

/** The ids of the people named directly (`user:<id>`). */
export function candidateUserIds(value: CandidateUsers): string[] {
  return value.kind === 'list'
    ? value.entries.filter((e) => e.kind === 'user').map((e) => e.argument)
    : [];
}
