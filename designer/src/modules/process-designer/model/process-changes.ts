/** What one BPMN element means to a person comparing two versions of a process. */
export interface OutlineElement {
  id: string;
  /** BPMN type without the prefix: `userTask`, `sequenceFlow`, … */
  type: string;
  name: string;
  /** The attributes that change behaviour (camunda:*, conditions, timers, loops), by label. */
  settings: Record<string, string>;
  /** For flows: the ids of the elements they connect. */
  source?: string;
  target?: string;
}

export interface ProcessOutline {
  processId: string;
  processName: string;
  elements: OutlineElement[];
}

export interface ElementRename {
  id: string;
  type: string;
  from: string;
  to: string;
}

export interface ElementSettingsChange {
  id: string;
  type: string;
  name: string;
  /** Settings that differ; `before`/`after` undefined when the setting was absent. */
  settings: { key: string; before?: string; after?: string }[];
  /** Set when the element kept its id but became another type (task → user task). */
  typeChange?: { from: string; to: string };
}

export interface ProcessChanges {
  added: OutlineElement[];
  removed: OutlineElement[];
  renamed: ElementRename[];
  changed: ElementSettingsChange[];
  processRenamed?: { from: string; to: string };
}

/** What changed from one version to the next, element by element (matched by id). */
export function compareOutlines(before: ProcessOutline, after: ProcessOutline): ProcessChanges {
  const beforeById = new Map(before.elements.map((element) => [element.id, element]));
  const afterById = new Map(after.elements.map((element) => [element.id, element]));
  const changes: ProcessChanges = {
    added: after.elements.filter((element) => !beforeById.has(element.id)),
    removed: before.elements.filter((element) => !afterById.has(element.id)),
    renamed: [],
    changed: [],
  };
  if (before.processName !== after.processName) {
    changes.processRenamed = { from: before.processName, to: after.processName };
  }
  for (const next of after.elements) {
    const previous = beforeById.get(next.id);
    if (!previous) continue;
    if (previous.name !== next.name) {
      changes.renamed.push({ id: next.id, type: next.type, from: previous.name, to: next.name });
    }
    const settings = settingDifferences(previous.settings, next.settings);
    if (settings.length > 0 || previous.type !== next.type) {
      changes.changed.push({
        id: next.id,
        type: next.type,
        name: next.name,
        settings,
        ...(previous.type !== next.type
          ? { typeChange: { from: previous.type, to: next.type } }
          : {}),
      });
    }
  }
  return changes;
}

export function hasChanges(changes: ProcessChanges): boolean {
  return (
    changes.added.length +
      changes.removed.length +
      changes.renamed.length +
      changes.changed.length >
      0 || changes.processRenamed !== undefined
  );
}

function settingDifferences(
  before: Record<string, string>,
  after: Record<string, string>,
): ElementSettingsChange['settings'] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys
    .filter((key) => before[key] !== after[key])
    .map((key) => ({ key, before: before[key], after: after[key] }));
}
