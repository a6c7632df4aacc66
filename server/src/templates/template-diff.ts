import type { OutlineElement } from '../definitions-http/bpmn-outline';
import type { OutlineField } from './form-outline';

/** What one template version holds, reduced to what a diff shows (stored per district clone). */
export interface TemplateContent {
  processes: { key: string; hash: string; elements: OutlineElement[] }[];
  forms: { key: string; hash: string; fields: OutlineField[] }[];
  documents: string[];
}

export type Change = 'added' | 'removed' | 'modified';

export interface ProcessChange {
  key: string;
  change: Change;
  elements: {
    added: OutlineElement[];
    removed: OutlineElement[];
    renamed: { id: string; from?: string; to?: string }[];
  };
}

export interface FormChange {
  key: string;
  change: Change;
  fields: {
    added: OutlineField[];
    removed: OutlineField[];
    renamed: { path: string; from?: string; to?: string }[];
  };
}

/** `GET /templates/updates` → `diff`: what changed between two versions of a template. */
export interface TemplateDiff {
  processes: ProcessChange[];
  forms: FormChange[];
  documents: { added: string[]; removed: string[] };
}

/**
 * The difference between two versions of a template: processes and forms added, removed or
 * modified; within a modified one the elements (by id) and fields (by data path) added, removed
 * or renamed. A file whose text changed without any of those shows as modified with empty lists.
 */
export function diffTemplate(from: TemplateContent, to: TemplateContent): TemplateDiff {
  return {
    processes: changedItems(from.processes, to.processes).map(({ key, change, old, now }) => {
      const { added, removed, renamed } = diffOutline(
        old?.elements ?? [],
        now?.elements ?? [],
        (element) => element.id,
        (element) => element.name,
      );
      return {
        key,
        change,
        elements: {
          added,
          removed,
          renamed: renamed.map(({ at, ...names }) => ({ id: at, ...names })),
        },
      };
    }),
    forms: changedItems(from.forms, to.forms).map(({ key, change, old, now }) => {
      const { added, removed, renamed } = diffOutline(
        old?.fields ?? [],
        now?.fields ?? [],
        (field) => field.path,
        (field) => field.title,
      );
      return {
        key,
        change,
        fields: {
          added,
          removed,
          renamed: renamed.map(({ at, ...names }) => ({ path: at, ...names })),
        },
      };
    }),
    documents: {
      added: to.documents.filter((key) => !from.documents.includes(key)),
      removed: from.documents.filter((key) => !to.documents.includes(key)),
    },
  };
}

/** True when the diff shows no change at all. */
export function isEmptyDiff(diff: TemplateDiff): boolean {
  return (
    diff.processes.length === 0 &&
    diff.forms.length === 0 &&
    diff.documents.added.length === 0 &&
    diff.documents.removed.length === 0
  );
}

/** Items added, removed, or whose content hash differs, with both sides. */
function changedItems<T extends { key: string; hash: string }>(
  from: T[],
  to: T[],
): { key: string; change: Change; old?: T; now?: T }[] {
  const before = new Map(from.map((item) => [item.key, item]));
  const after = new Map(to.map((item) => [item.key, item]));
  const out: { key: string; change: Change; old?: T; now?: T }[] = [];
  for (const [key, now] of after) {
    const old = before.get(key);
    if (!old) out.push({ key, change: 'added', now });
    else if (old.hash !== now.hash) out.push({ key, change: 'modified', old, now });
  }
  for (const [key, old] of before) if (!after.has(key)) out.push({ key, change: 'removed', old });
  return out;
}

interface Renamed {
  at: string;
  from?: string;
  to?: string;
}

/** Entries (by id or path) added, removed, or kept under another name or title. */
function diffOutline<T>(
  from: T[],
  to: T[],
  idOf: (item: T) => string,
  labelOf: (item: T) => string | undefined,
): { added: T[]; removed: T[]; renamed: Renamed[] } {
  const before = new Map(from.map((item) => [idOf(item), item]));
  const after = new Map(to.map((item) => [idOf(item), item]));
  const renamed: Renamed[] = [];
  for (const [at, item] of after) {
    const old = before.get(at);
    if (!old || labelOf(old) === labelOf(item)) continue;
    const [was, is] = [labelOf(old), labelOf(item)];
    renamed.push({
      at,
      ...(was !== undefined && { from: was }),
      ...(is !== undefined && { to: is }),
    });
  }
  return {
    added: to.filter((item) => !before.has(idOf(item))),
    removed: from.filter((item) => !after.has(idOf(item))),
    renamed,
  };
}
