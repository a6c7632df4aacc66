import type { FormInstance } from 'antd';
import { isApiError, type FieldError } from './api';

/** `a.b[0].c` → `['a', 'b', 0, 'c']`, the antd Form name of a server error path. */
export function pathToName(path: string): (string | number)[] {
  return path
    .split(/[.[\]]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The field errors of a 400 (an empty list for any other error, including a 409 without details). */
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (!isApiError(error)) return [];
  if (error.status === 400) return error.fieldErrors;
  if (error.status === 409 && Array.isArray(error.details)) {
    return (error.details as unknown[]).filter(
      (d): d is FieldError =>
        typeof d === 'object' && d !== null && typeof (d as FieldError).path === 'string',
    );
  }
  return [];
}

/**
 * Puts server field errors on the form's fields. `toName` maps a server path onto a form name
 * (return `undefined` for errors the form has no field for). Returns the errors left over, to be
 * shown above the form, and the name of the first field marked (to scroll to).
 */
export function applyFieldErrors(
  form: FormInstance,
  errors: FieldError[],
  toName: (path: string) => (string | number)[] | undefined = pathToName,
): { unmatched: FieldError[]; first?: (string | number)[] } {
  const byName = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmatched: FieldError[] = [];
  for (const error of errors) {
    const name = error.path === '' ? undefined : toName(error.path);
    if (!name) {
      unmatched.push(error);
      continue;
    }
    const id = JSON.stringify(name);
    const entry = byName.get(id) ?? { name, errors: [] };
    entry.errors.push(error.message);
    byName.set(id, entry);
  }
  const fields = [...byName.values()];
  form.setFields(fields);
  return { unmatched, first: fields[0]?.name };
}
