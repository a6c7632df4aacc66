import { createForm, type Form } from '@formily/core';
import type { ISchema } from '@formily/react';
import { useMemo } from 'react';
import {
  formData,
  markFieldsReadPretty,
  topLevelFieldTitles,
} from '../../../shared/form-components';
import type { TaskDetail } from '../task-types';

export interface TaskForm {
  form: Form;
  /** the pinned schema, earlier steps' fields turned read-only */
  schema: ISchema | null;
  /** earlier steps' values the schema has no field for (shown in a panel above the form) */
  extraReadOnly: [key: string, value: unknown][];
  readOnlyKeys: ReadonlySet<string>;
  editable: boolean;
}

/** The draft as stored (`{...}`), tolerating a `{ data: {...} }` wrapper. */
function draftValues(draft: TaskDetail['draft']): Record<string, unknown> {
  if (!draft || typeof draft !== 'object') return {};
  const keys = Object.keys(draft);
  if (keys.length === 1 && keys[0] === 'data' && draft.data && typeof draft.data === 'object') {
    return draft.data as Record<string, unknown>;
  }
  return draft;
}

/**
 * The Formily form of a task: initial values = earlier steps' data + the saved draft; editable only
 * when the task may be completed by this person.
 */
export function useTaskForm(detail: TaskDetail | undefined): TaskForm | null {
  return useMemo(() => {
    if (!detail) return null;
    const readOnly = detail.readOnly ?? {};
    const readOnlyKeys = new Set(Object.keys(readOnly));
    const editable = (detail.actions as string[]).includes('complete');
    const rawSchema = detail.form?.schema ?? null;
    const inSchema = rawSchema ? topLevelFieldTitles(rawSchema) : new Map<string, string>();
    const schema = rawSchema ? markFieldsReadPretty(rawSchema, readOnlyKeys) : null;
    const form = createForm({
      initialValues: { ...readOnly, ...draftValues(detail.draft), ...pick(readOnly, readOnlyKeys) },
      readPretty: !editable,
      validateFirst: false,
    });
    return {
      form,
      schema,
      readOnlyKeys,
      extraReadOnly: Object.entries(readOnly).filter(([key]) => !inSchema.has(key)),
      editable,
    };
  }, [detail]);
}

function pick(values: Record<string, unknown>, keys: ReadonlySet<string>) {
  return Object.fromEntries(Object.entries(values).filter(([key]) => keys.has(key)));
}

/** What is sent on 暂存 / 提交: the form's values without the earlier steps' read-only data. */
export function writableValues(
  form: Form,
  readOnlyKeys: ReadonlySet<string>,
): Record<string, unknown> {
  const values = formData(form);
  for (const key of readOnlyKeys) delete values[key];
  return values;
}
