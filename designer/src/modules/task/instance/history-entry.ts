import type { HistoryEntry, InstanceTask } from '../task-types';

/**
 * What a person reads in an instance's record: who did what to which step. The engine also keeps
 * its own bookkeeping (activities entered and left, variables, timers, jobs, service calls); those
 * never show.
 */
export const SHOWN_TYPES = new Set([
  'instance.started',
  'instance.completed',
  'instance.cancelled',
  'instance.suspended',
  'instance.resumed',
  'instance.migrated',
  'task.created',
  'task.claimed',
  'task.unclaimed',
  'task.completed',
  'task.delegated',
  'task.returned',
  'task.retrieved',
  'task.commented',
  'task.reminded',
  'task.copied',
  'task.overdue',
  'task.cancelled',
  'incident.raised',
  'incident.resolved',
]);

export function isVisibleEntry(entry: HistoryEntry): boolean {
  return SHOWN_TYPES.has(entry.type);
}

function details(entry: HistoryEntry): Record<string, unknown> {
  let data: unknown = entry.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return { text: data };
    }
  }
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

/** The free text of an entry (return reason, comment, reminder message, cancel reason). */
export function entryText(entry: HistoryEntry): string | undefined {
  const d = details(entry);
  for (const key of ['reason', 'text', 'comment', 'message']) {
    const value = d[key];
    if (typeof value === 'string' && value.trim() && entry.type !== 'incident.raised') return value;
  }
  return undefined;
}

/** The user an entry hands work to (转办: `to`), for its name. */
export function entryTargetUser(entry: HistoryEntry): string | undefined {
  const d = details(entry);
  return entry.type === 'task.delegated' && typeof d.to === 'string' ? d.to : undefined;
}

/** The activity an entry sends the case back to (退回: `to`). */
export function entryTargetActivity(entry: HistoryEntry): string | undefined {
  const d = details(entry);
  return entry.type === 'task.returned' && typeof d.to === 'string' ? d.to : undefined;
}

const namesByXml = new Map<string, Map<string, string>>();

/** `id → name` of every named element of a BPMN diagram (user tasks, events, gateways, …). */
export function activityNames(xml: string | undefined): Map<string, string> {
  if (!xml) return new Map();
  let names = namesByXml.get(xml);
  if (!names) {
    names = new Map();
    try {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      for (const element of Array.from(doc.querySelectorAll('[id][name]'))) {
        const name = element.getAttribute('name')?.trim();
        if (name) names.set(element.getAttribute('id')!, name);
      }
    } catch {
      // no names: ids are never shown instead, the entry simply says less
    }
    namesByXml.set(xml, names);
  }
  return names;
}

/** The step an entry is about, by name: its task's name, else the diagram's name for it. */
export function stepName(
  entry: HistoryEntry,
  tasks: readonly InstanceTask[],
  names: Map<string, string>,
): string | undefined {
  if (entry.taskName ?? entry.activityName) return entry.taskName ?? entry.activityName;
  const task = entry.taskId ? tasks.find((t) => t.id === entry.taskId) : undefined;
  if (task) return task.name;
  return entry.activityId ? names.get(entry.activityId) : undefined;
}
