import type { Change, OutlineElement, OutlineField, TemplateDiff } from './template-diff.types';

export type { Change, FormChange, ProcessChange, TemplateDiff } from './template-diff.types';

/** What one template version holds, reduced to what a diff shows (stored per district clone). */
export interface TemplateContent {
  processes: { key: string; hash: string; elements: OutlineElement[] }[];
  forms: { key: string; hash: string; fields: OutlineField[] }[];
  documents: string[];
}

/**
 * The difference between two versions of a template: processes and forms added, removed or
 * modified; within a modified one the elements (by id) and fields (by data path) added, removed
 * or renamed. A file whose text changed without any of those shows as modified with empty lists.
 */
export function diffTemplate(from: TemplateContent, to: TemplateContent): TemplateDiff {
  return {
    processes: itemChanges(from.processes, to.processes, {
      partsOf: (process) => process.elements,
      idOf: (element) => element.id,
      nameOf: (element) => element.name,
      renamedAs: (id, names) => ({ id, ...names }),
    }).map(({ parts, ...item }) => ({ ...item, elements: parts })),
    forms: itemChanges(from.forms, to.forms, {
      partsOf: (form) => form.fields,
      idOf: (field) => field.path,
      nameOf: (field) => field.title,
      renamedAs: (path, names) => ({ path, ...names }),
    }).map(({ parts, ...item }) => ({ ...item, fields: parts })),
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

interface PartsOf<T, P, R> {
  partsOf: (item: T) => P[];
  idOf: (part: P) => string;
  nameOf: (part: P) => string | undefined;
  /** A renamed part as the API names its id (`id` of an element, `path` of a field). */
  renamedAs: (id: string, names: { from?: string; to?: string }) => R;
}

/** Each item added, removed or changed, with the parts (elements, fields) that changed in it. */
function itemChanges<T extends { key: string; hash: string }, P, R>(
  from: T[],
  to: T[],
  { partsOf, idOf, nameOf, renamedAs }: PartsOf<T, P, R>,
) {
  return changedItems(from, to).map(({ key, change, old, now }) => {
    const { renamed, ...rest } = diffOutline(
      old ? partsOf(old) : [],
      now ? partsOf(now) : [],
      idOf,
      nameOf,
    );
    const parts = { ...rest, renamed: renamed.map(({ at, ...names }) => renamedAs(at, names)) };
    return { key, change, parts };
  });
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
