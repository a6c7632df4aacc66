import { hasMessage, type Translate } from '../../../shared/i18n';
import { type LintFinding } from './process-lint';

/** A finding of the designer's checks as a sentence in the current language. */
export function describeFinding(t: Translate, finding: LintFinding): string {
  const vars: Record<string, string | number> = { ...(finding.vars ?? {}) };
  if (typeof vars.field === 'string') {
    const key = `processDesigner.attribute.${vars.field}`;
    vars.field = hasMessage(key) ? t(key) : vars.field;
  }
  const key = finding.key.startsWith('feel.')
    ? `processDesigner.${finding.key}`
    : `processDesigner.lint.${finding.key}`;
  return t(key, vars);
}

/** An element type (`bpmn:UserTask` or `userTask`) in words. */
export function elementTypeLabel(t: Translate, type: string): string {
  const local = type.replace(/^bpmn:/, '');
  const key = `processDesigner.elementType.${local.charAt(0).toLowerCase()}${local.slice(1)}`;
  return hasMessage(key) ? t(key) : local;
}
