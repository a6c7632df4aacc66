import { isField, type Form } from '@formily/core';
import { reaction } from '@formily/reactive';
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
 * Puts the server's 400 field errors on their fields (`selfErrors`, cleared when the value is
 * changed) and returns the ones that match no field, for a message above the form.
 */
export function applyServerErrors(form: Form, errors: FieldError[]): FieldError[] {
  const unmatched: FieldError[] = [];
  const byPath = new Map<string, string[]>();
  for (const error of errors) {
    const path = toFormilyPath(error.path);
    const target = path ? form.query(path).take() : undefined;
    if (!target || !isField(target)) {
      unmatched.push(error);
      continue;
    }
    byPath.set(path, [...(byPath.get(path) ?? []), error.message]);
  }
  for (const [path, messages] of byPath) {
    const field = form.query(path).take();
    if (!field || !isField(field)) continue;
    field.selfErrors = messages;
    // the server's verdict holds until the person changes the value (then the field's own
    // checks apply again and the next submission asks the server anew)
    const dispose = reaction(
      () => field.value,
      () => {
        field.selfErrors = [];
        dispose();
      },
    );
  }
  return unmatched;
}
