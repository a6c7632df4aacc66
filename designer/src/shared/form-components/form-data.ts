import type { Form } from '@formily/core';
import { toJS } from '@formily/reactive';

/** Formily marks array rows with bookkeeping keys (`__DO_NOT_USE_THIS_PROPERTY_index__`). */
const INTERNAL_KEY = /^__DO_NOT_USE_THIS_PROPERTY_/;

function withoutInternalKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutInternalKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !INTERNAL_KEY.test(key))
      .map(([key, item]) => [key, withoutInternalKeys(item)]),
  );
}

/**
 * The form's values as plain JSON to send: without Formily's bookkeeping in array rows, which the
 * server (rightly) refuses as fields the form does not have.
 */
export function formData(form: Form): Record<string, unknown> {
  return withoutInternalKeys(toJS(form.values)) as Record<string, unknown>;
}
