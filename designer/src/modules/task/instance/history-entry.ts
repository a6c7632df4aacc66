import type { HistoryEntry } from '../task-types';

/** Bookkeeping events a person never needs to see in the timeline. */
const HIDDEN = new Set([
  'variable.changed',
  'timer.scheduled',
  'job.schedule',
  'job.cancel',
  'job.reschedule',
]);

export function isVisibleEntry(entry: HistoryEntry): boolean {
  return !HIDDEN.has(entry.type);
}

/** The free text of an entry (reason, comment, reminder message), whatever its details look like. */
export function entryText(entry: HistoryEntry): string | undefined {
  let data: unknown = entry.data;
  if (typeof data === 'string') {
    const raw = data;
    try {
      data = JSON.parse(raw);
    } catch {
      return raw.trim() || undefined;
    }
  }
  const d = parsed(data);
  for (const key of ['reason', 'text', 'comment', 'message']) {
    if (typeof d[key] === 'string' && d[key]) return d[key] as string;
  }
  return undefined;
}

/** A person or unit named in the details, e.g. the delegate of a 转办. */
export function entryTarget(entry: HistoryEntry): string | undefined {
  const d = parsed(entry.data);
  for (const key of ['toUserName', 'userName', 'targetName', 'targetActivityName']) {
    if (typeof d[key] === 'string' && d[key]) return d[key] as string;
  }
  return undefined;
}

function parsed(data: unknown): Record<string, unknown> {
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return {};
    }
  }
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}
