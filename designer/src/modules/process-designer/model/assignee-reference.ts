import { isExpressionText } from './expression-text';

/** The kinds of `camunda:assignee` the engine's resolvers understand (engine/README.md). */
export const ASSIGNEE_KINDS = [
  'none',
  'starter',
  'role',
  'user',
  'var',
  'unit',
  'expression',
] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number] | 'other';

export interface AssigneeReference {
  kind: AssigneeKind;
  /** role key, user id, variable name, FEEL text — or the whole text for `other` */
  argument: string;
}

const PREFIXED: readonly AssigneeKind[] = ['role', 'user', 'var', 'unit'];

export function parseAssignee(text: string | undefined): AssigneeReference {
  const value = (text ?? '').trim();
  if (value === '') return { kind: 'none', argument: '' };
  if (value === 'starter') return { kind: 'starter', argument: '' };
  if (isExpressionText(value)) return { kind: 'expression', argument: value };
  const colon = value.indexOf(':');
  const prefix = colon < 0 ? '' : value.slice(0, colon);
  if ((PREFIXED as string[]).includes(prefix)) {
    return { kind: prefix as AssigneeKind, argument: value.slice(colon + 1).trim() };
  }
  return { kind: 'other', argument: value };
}

/** The attribute text, or undefined to remove the attribute. */
export function formatAssignee(reference: AssigneeReference): string | undefined {
  const argument = reference.argument.trim();
  switch (reference.kind) {
    case 'none':
      return undefined;
    case 'starter':
      return 'starter';
    case 'expression':
    case 'other':
      return argument === '' ? undefined : argument;
    default:
      return `${reference.kind}:${argument}`;
  }
}

/** A process variable name as FEEL can reference it. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
