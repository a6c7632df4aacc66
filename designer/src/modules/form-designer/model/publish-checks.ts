import { keyProblem, type KeyProblem } from './builder-operations';
import { type FieldModel, type FormModel } from './form-model';

/** A problem the builder can name before the server is asked; `fieldId` selects the field. */
export interface FormCheck {
  /** message key under `formDesigner.check.` */
  key:
    | 'noTitle'
    | 'noFields'
    | 'key'
    | 'noOptions'
    | 'duplicateOption'
    | 'noColumns'
    | 'ruleSource'
    | 'ruleValue'
    | 'pattern'
    | 'range'
    | 'noLabel';
  fieldId?: string;
  vars?: { label?: string; key?: string; field?: string; value?: string; problem?: KeyProblem };
}

const WITH_OPTIONS = ['select', 'radio', 'checkbox'];
const NEEDS_VALUE = ['equals', 'notEquals', 'oneOf', 'contains'];

/** What must be fixed before publishing; the server checks again (and more). */
export function checkForm(model: FormModel): FormCheck[] {
  const checks: FormCheck[] = [];
  if (model.title.trim() === '') checks.push({ key: 'noTitle' });
  if (model.fields.length === 0) checks.push({ key: 'noFields' });
  const rootKeys = new Set(model.fields.map((field) => field.key));
  for (const field of model.fields) {
    checkField(model, field, checks);
    if (field.visibility) {
      const vars = { label: labelOf(field) };
      if (!rootKeys.has(field.visibility.field)) {
        checks.push({
          key: 'ruleSource',
          fieldId: field.id,
          vars: { ...vars, field: field.visibility.field },
        });
      } else if (
        NEEDS_VALUE.includes(field.visibility.operator) &&
        field.visibility.values.length === 0
      ) {
        checks.push({ key: 'ruleValue', fieldId: field.id, vars });
      }
    }
    for (const column of field.columns) checkField(model, column, checks);
    if (field.kind === 'table' && field.columns.length === 0) {
      checks.push({ key: 'noColumns', fieldId: field.id, vars: { label: labelOf(field) } });
    }
  }
  return checks;
}

function checkField(model: FormModel, field: FieldModel, checks: FormCheck[]): void {
  const vars = { label: labelOf(field) };
  const problem = keyProblem(model, field.id, field.key);
  if (problem) checks.push({ key: 'key', fieldId: field.id, vars: { ...vars, problem } });
  if (field.kind !== 'custom' && field.label.trim() === '') {
    checks.push({ key: 'noLabel', fieldId: field.id, vars: { key: field.key } });
  }
  if (WITH_OPTIONS.includes(field.kind)) {
    if (field.options.length === 0) checks.push({ key: 'noOptions', fieldId: field.id, vars });
    const seen = new Set<string>();
    for (const option of field.options) {
      const value = String(option.value);
      if (seen.has(value))
        checks.push({ key: 'duplicateOption', fieldId: field.id, vars: { ...vars, value } });
      seen.add(value);
    }
  }
  const v = field.validation;
  if (v.pattern !== undefined && !isRegExp(v.pattern))
    checks.push({ key: 'pattern', fieldId: field.id, vars });
  const ranges: [number | undefined, number | undefined][] = [
    [v.minimum, v.maximum],
    [v.minLength, v.maxLength],
    [v.minItems, v.maxItems],
  ];
  if (ranges.some(([min, max]) => min !== undefined && max !== undefined && min > max)) {
    checks.push({ key: 'range', fieldId: field.id, vars });
  }
}

function labelOf(field: FieldModel): string {
  return field.label.trim() || field.key;
}

export function isRegExp(pattern: string): boolean {
  if (pattern === '') return false;
  const literal = /^\/(.+)\/([imsu]*)$/.exec(pattern);
  try {
    new RegExp(literal ? literal[1] : pattern, literal ? literal[2] : '');
    return true;
  } catch {
    return false;
  }
}

/**
 * The field a server problem path points at: `properties.<key>…` at the top level, or a column
 * inside a table (`properties.<table>.items.properties.<column>.properties.<key>…`).
 */
export function fieldOfPath(model: FormModel, path: string): FieldModel | undefined {
  // the server names paths inside the request body: `schema.properties.x…` (docs/api.md)
  const parts = path.replace(/^schema\./, '').split('.');
  if (parts[0] !== 'properties' || parts.length < 2) return undefined;
  const field = model.fields.find((candidate) => candidate.key === parts[1]);
  if (!field || field.kind !== 'table') return field;
  const nested = parts.slice(2).join('.');
  const match = /^items\.properties\.[^.]+\.properties\.([^.]+)/.exec(nested);
  return (match && field.columns.find((column) => column.key === match[1])) || field;
}
