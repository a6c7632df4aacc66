import type { TaskDoc } from '../../documents';
import type { TaskListItem } from '../task-query';

/**
 * The open tasks of one holder: a user's own (`a`), those a user may claim by name (`u`), those
 * a group may claim (`g`). A task is in every list it may be worked from, and in none once closed.
 */
export type ListKind = 'a' | 'u' | 'g';

export function listKey(district: string, kind: ListKind, holder: string): string {
  return `${district}|${kind}|${holder}`;
}

export function listKeysOf(task: TaskDoc): string[] {
  if (task.status !== 'open') return [];
  if (task.assignee !== undefined) return [listKey(task.district, 'a', task.assignee)];
  return [
    ...task.candidateUsers.map((user) => listKey(task.district, 'u', user)),
    ...task.candidateGroups.map((group) => listKey(task.district, 'g', group)),
  ];
}

/** What a list keeps of a task: what the inbox shows, filters and sorts by (task-query.ts). */
export type ListEntry = TaskListItem;

/** The entry's fields in the order they are stored: positionally, dates as epoch milliseconds. */
const FIELDS = [
  '_id',
  'district',
  'instanceId',
  'activityId',
  'processKey',
  'processName',
  'name',
  'businessKey',
  'starter',
  'assignee',
  'candidateUsers',
  'candidateGroups',
  'priority',
  'dueAt',
  'createdAt',
  'status',
] as const satisfies readonly (keyof ListEntry)[];
const DATES = new Set<string>(['dueAt', 'createdAt']);

export function entryOf(task: TaskDoc): ListEntry {
  const entry: Record<string, unknown> = {};
  for (const field of FIELDS) if (task[field] !== undefined) entry[field] = task[field];
  return entry as unknown as ListEntry;
}

/** The stored form: one array per entry (no key names), a fraction of the JSON of the object. */
export function packEntry(entry: ListEntry): unknown[] {
  return FIELDS.map((field) => {
    const value = entry[field];
    return value instanceof Date ? value.getTime() : (value ?? null);
  });
}

export function unpackEntry(packed: unknown[]): ListEntry {
  const entry: Record<string, unknown> = {};
  FIELDS.forEach((field, i) => {
    const value = packed[i];
    if (value === null || value === undefined) return;
    entry[field] = DATES.has(field) ? new Date(value as number) : value;
  });
  return entry as unknown as ListEntry;
}

/**
 * The order of a task's changes: the instance revision that decided it (what the task document's
 * own guard orders by), then the writer's clock and a counter, for two writes of one revision.
 * Fixed-width, so string order is this order.
 */
export class ChangeVersions {
  private lastMs = 0;
  private counter = 0;

  next(rev: number, now: number): string {
    if (now > this.lastMs) {
      this.lastMs = now;
      this.counter = 0;
    } else this.counter++;
    return [pad(rev, 12), pad(this.lastMs, 15), pad(this.counter, 6)].join('.');
  }
}

function pad(value: number, width: number): string {
  return String(Math.max(0, Math.trunc(value))).padStart(width, '0');
}

/** A task's place in one list as of a version: its entry, or null once it left (a tombstone). */
export interface ListSlot {
  v: string;
  e: ListEntry | null;
  /** When a tombstone was made (ms), so it can be forgotten once no older change can arrive. */
  t?: number;
}

export type ListState = Map<string, ListSlot>;

/** One change of one list: the task entered or changed (entry), or left it (null). */
export interface ListChange {
  taskId: string;
  version: string;
  entry: ListEntry | null;
}

/** Applies changes to a list, each only over an older version: order and repeats do not matter. */
export function fold(state: ListState, changes: ListChange[], now: number): ListState {
  for (const change of changes) {
    const current = state.get(change.taskId);
    if (current && current.v >= change.version) continue;
    state.set(
      change.taskId,
      change.entry
        ? { v: change.version, e: change.entry }
        : { v: change.version, e: null, t: now },
    );
  }
  return state;
}

/** Tombstones older than this are dropped: only a duplicate of an old outbox could be older. */
export const TOMBSTONE_MS = 24 * 3_600_000;

export function serializeList(state: ListState, now: number): string {
  const kept = [...state].filter(
    ([, slot]) => slot.e !== null || now - (slot.t ?? now) < TOMBSTONE_MS,
  );
  return JSON.stringify(kept.map(([id, slot]) => [id, slot.v, slot.e, slot.t ?? null]));
}

export function parseList(text: string | undefined): ListState {
  const state: ListState = new Map();
  if (!text) return state;
  for (const [id, v, e, t] of JSON.parse(text) as [
    string,
    string,
    ListEntry | null,
    number | null,
  ][])
    state.set(id, { v, e: e && revive(e), ...(t !== null && { t }) });
  return state;
}

const DATE_FIELDS = ['dueAt', 'followUpAt', 'createdAt', 'claimedAt', 'completedAt'] as const;

/** Entries travel as JSON inside one string (one value to decode, not dozens): dates come back. */
export function revive(entry: ListEntry): ListEntry {
  const revived = { ...entry } as Record<string, unknown>;
  for (const field of DATE_FIELDS)
    if (typeof revived[field] === 'string') revived[field] = new Date(revived[field] as string);
  return revived as unknown as ListEntry;
}
