import type { Form } from '@formily/core';
import type { FieldError } from '../api';

/**
 * `a[0].b` (the server's dot/bracket path) → `a.0.b` (Formily's path). A leading `data.` is
 * dropped: the server may name the path inside the request body `{ data }`.
 */
export function toFormilyPath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\[["']?([^\]"']+)["']?\]/g, '.$1')
    .replace(/^\.+/, '')
    .replace(/^data\./, '');
}

/**
 * Puts the server's 400 field errors on their fields (`selfErrors`) and returns the ones that
 * match no field, for a message above the form.
 */
export function applyServerErrors(form: Form, errors: FieldError[]): FieldError[] {
  const unmatched: FieldError[] = [];
  const byPath = new Map<string, string[]>();
  for (const error of errors) {
    const path = toFormilyPath(error.path);
    if (!path || !form.query(path).take()) {
      unmatched.push(error);
      continue;
    }
    byPath.set(path, [...(byPath.get(path) ?? []), error.message]);
  }
  for (const [path, messages] of byPath) {
    form.setFieldState(path, (state) => {
      state.selfErrors = messages;
    });
  }
  return unmatched;
}
