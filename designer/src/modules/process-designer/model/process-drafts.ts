/** Unpublished work autosaved in this browser, per process key (never sent to the server). */
export interface ProcessDraft {
  xml: string;
  savedAt: string;
  /** the published version the draft started from; undefined for a process never published */
  baseVersion?: number;
}

const PREFIX = 'congressflow.processDraft.';

export function readDraft(key: string): ProcessDraft | undefined {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as ProcessDraft;
    return typeof draft.xml === 'string' ? draft : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, draft: ProcessDraft): void {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // storage full or disabled: the draft is simply not kept
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    // nothing to clear
  }
}
