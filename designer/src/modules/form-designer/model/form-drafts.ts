import { type JsonSchema } from './schema-model';

/** Unpublished work autosaved in this browser, per form key (never sent to the server). */
export interface FormDraft {
  schema: JsonSchema;
  savedAt: string;
  baseVersion?: number;
}

const PREFIX = 'congressflow.formDraft.';

export function readFormDraft(key: string): FormDraft | undefined {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    const draft = raw ? (JSON.parse(raw) as FormDraft) : undefined;
    return draft && typeof draft.schema === 'object' ? draft : undefined;
  } catch {
    return undefined;
  }
}

export function saveFormDraft(key: string, draft: FormDraft): void {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // storage full or disabled: the draft is simply not kept
  }
}

export function clearFormDraft(key: string): void {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    // nothing to clear
  }
}
