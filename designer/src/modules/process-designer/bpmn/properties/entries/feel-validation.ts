import { FeelEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { checkFeelSyntax, feelProblemMessage } from '../../../model/feel-syntax';
import type { BpmnTranslate } from '../../translate';

const TEMPLATES: Record<string, string> = {
  empty: 'The expression is empty.',
  notExpression: "Start an expression with '='.",
  unclosed: "Column {column}: '${' is never closed.",
  trailing: "Column {column}: unexpected text after the closing '}'.",
  unexpected: 'Column {column}: unexpected "{token}".',
  incomplete: 'Column {column}: the expression ends too early.',
};

/** A FEEL syntax message for the field, or null; feelin parses in the browser as on the server. */
export function feelError(
  translate: BpmnTranslate,
  value: unknown,
  requireMarker = true,
): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const problem = checkFeelSyntax(value, requireMarker);
  if (problem === null) return null;
  const { key, vars } = feelProblemMessage(problem);
  return translate(TEMPLATES[key], vars);
}

/** The FEEL editor writes '=…'; a Camunda-7-style '${…}' is shown in that form too. */
export function asEqualsForm(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed.startsWith('${') && trimmed.endsWith('}')) return `=${trimmed.slice(2, -1).trim()}`;
  return trimmed;
}

/** A required FEEL expression (`Expression`) under a builder whose "computed" kind is chosen. */
export function expressionEntry(options: {
  translate: BpmnTranslate;
  element: unknown;
  id: string;
  debounce: unknown;
  description: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { translate, value, onChange, ...entry } = options;
  return h(FeelEntry, {
    ...entry,
    translate,
    feel: 'required',
    label: translate('Expression'),
    getValue: () => value,
    setValue: (next: string | undefined) => onChange(next ?? '='),
    validate: (next: string | undefined) => feelError(translate, next),
  });
}
