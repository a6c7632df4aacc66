import { blankField, newFieldId, type IdFactory } from './schema-model';
import {
  COLUMN_KINDS,
  FIELD_KEY,
  RESERVED_KEYS,
  type FieldKind,
  type FieldModel,
  type FormModel,
} from './form-model';

/**
 * The edits of the builder as pure functions over the model: add, move, remove, update. A
 * container is `root` (the form) or the id of an array-table field (its columns).
 */
export type ContainerId = 'root' | string;

export interface DropTarget {
  container: ContainerId;
  /** position in the container; past the end appends */
  index: number;
}

export interface FieldLocation {
  container: ContainerId;
  index: number;
  field: FieldModel;
}

export function locateField(model: FormModel, id: string): FieldLocation | undefined {
  const index = model.fields.findIndex((field) => field.id === id);
  if (index >= 0) return { container: 'root', index, field: model.fields[index] };
  for (const table of model.fields) {
    const column = table.columns.findIndex((field) => field.id === id);
    if (column >= 0) return { container: table.id, index: column, field: table.columns[column] };
  }
  return undefined;
}

/** The fields of a container: the form's fields or a table's columns. */
export function fieldsIn(model: FormModel, container: ContainerId): FieldModel[] {
  if (container === 'root') return model.fields;
  return model.fields.find((field) => field.id === container)?.columns ?? [];
}

function withContainer(
  model: FormModel,
  container: ContainerId,
  change: (fields: FieldModel[]) => FieldModel[],
): FormModel {
  if (container === 'root') return { ...model, fields: change(model.fields) };
  return {
    ...model,
    fields: model.fields.map((field) =>
      field.id === container ? { ...field, columns: change(field.columns) } : field,
    ),
  };
}

/** Whether a field of this kind may go into the container (tables hold simple columns only). */
export function accepts(model: FormModel, container: ContainerId, kind: FieldKind): boolean {
  if (container === 'root') return true;
  const table = model.fields.find((field) => field.id === container);
  return table?.kind === 'table' && COLUMN_KINDS.includes(kind);
}

/** A key not yet used in the container: `<base>`, `<base>2`, `<base>3`, … */
export function uniqueKey(model: FormModel, container: ContainerId, base: string): string {
  const taken = new Set(fieldsIn(model, container).map((field) => field.key));
  if (container === 'root') for (const name of model.extraReads) taken.add(name);
  if (!taken.has(base) && !RESERVED_KEYS.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}${n}`)) n += 1;
  return `${base}${n}`;
}

export interface NewFieldDefaults {
  label: string;
  /** e.g. ['选项一', '选项二'] for fields with options */
  options?: string[];
}

export function createField(
  model: FormModel,
  kind: FieldKind,
  container: ContainerId,
  defaults: NewFieldDefaults,
  newId: IdFactory = newFieldId,
): FieldModel {
  const field = blankField(newId(), kind, uniqueKey(model, container, kind), defaults.label);
  field.rest = { 'x-decorator': 'FormItem' };
  if (kind === 'select' || kind === 'radio' || kind === 'checkbox') {
    field.options = (defaults.options ?? []).map((label, i) => ({
      label,
      value: `option${i + 1}`,
    }));
  }
  if (container !== 'root') field.readsEarlierValue = false;
  return field;
}

export function insertField(model: FormModel, field: FieldModel, target: DropTarget): FormModel {
  if (!accepts(model, target.container, field.kind)) return model;
  return withContainer(model, target.container, (fields) => {
    const next = [...fields];
    next.splice(clamp(target.index, 0, next.length), 0, field);
    return next;
  });
}

export function removeField(model: FormModel, id: string): FormModel {
  const location = locateField(model, id);
  if (!location) return model;
  const removed = withContainer(model, location.container, (fields) =>
    fields.filter((field) => field.id !== id),
  );
  // rules that looked at the removed field would point at nothing
  if (location.container !== 'root') return removed;
  return {
    ...removed,
    fields: removed.fields.map((field) =>
      field.visibility?.field === location.field.key ? { ...field, visibility: null } : field,
    ),
  };
}

/**
 * Moves a field to a position in the same or another container; refused (model unchanged) when
 * the target does not accept the field or is the field itself.
 */
export function moveField(model: FormModel, id: string, target: DropTarget): FormModel {
  const location = locateField(model, id);
  if (!location || target.container === id) return model;
  const { field } = location;
  if (!accepts(model, target.container, field.kind)) return model;
  if (location.container === target.container) {
    return withContainer(model, target.container, (fields) => {
      const next = [...fields];
      next.splice(location.index, 1);
      next.splice(clamp(target.index, 0, next.length), 0, field);
      return next;
    });
  }
  const targetFields = fieldsIn(model, target.container);
  const key = targetFields.some((other) => other.key === field.key)
    ? uniqueKey(model, target.container, field.key)
    : field.key;
  const moved: FieldModel = {
    ...field,
    key,
    readsEarlierValue: target.container === 'root' ? field.readsEarlierValue : false,
    visibility: target.container === 'root' ? field.visibility : null,
  };
  return insertField(
    withContainer(model, location.container, (fields) => fields.filter((f) => f.id !== id)),
    moved,
    target,
  );
}

export function updateField(model: FormModel, id: string, patch: Partial<FieldModel>): FormModel {
  const location = locateField(model, id);
  if (!location) return model;
  const before = location.field;
  let next = withContainer(model, location.container, (fields) =>
    fields.map((field) => (field.id === id ? { ...field, ...patch } : field)),
  );
  // a renamed top-level key keeps the visibility rules that depend on it
  if (location.container === 'root' && patch.key !== undefined && patch.key !== before.key) {
    next = {
      ...next,
      fields: next.fields.map((field) =>
        field.visibility?.field === before.key
          ? { ...field, visibility: { ...field.visibility, field: patch.key as string } }
          : field,
      ),
    };
  }
  return next;
}

export type KeyProblem = 'empty' | 'format' | 'reserved' | 'duplicate';

/** Why a field's key cannot be used, or null. Keys are unique within their container. */
export function keyProblem(model: FormModel, id: string, key: string): KeyProblem | null {
  if (key.trim() === '') return 'empty';
  if (!FIELD_KEY.test(key)) return 'format';
  const location = locateField(model, id);
  const container = location?.container ?? 'root';
  if (container === 'root' && RESERVED_KEYS.has(key)) return 'reserved';
  const clash = fieldsIn(model, container).some((field) => field.id !== id && field.key === key);
  if (clash) return 'duplicate';
  if (container === 'root' && model.extraReads.includes(key)) return 'duplicate';
  return null;
}

/** Every field with a key problem, for the publish check. */
export function keyProblems(model: FormModel): { id: string; key: string; problem: KeyProblem }[] {
  const all = [...model.fields, ...model.fields.flatMap((field) => field.columns)];
  return all
    .map((field) => ({
      id: field.id,
      key: field.key,
      problem: keyProblem(model, field.id, field.key),
    }))
    .filter(
      (entry): entry is { id: string; key: string; problem: KeyProblem } => entry.problem !== null,
    );
}

/** Fields a visibility rule may depend on: the other top-level data fields. */
export function ruleSources(model: FormModel, id: string): FieldModel[] {
  return model.fields.filter(
    (field) => field.id !== id && field.kind !== 'table' && field.kind !== 'custom',
  );
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** Kinds a field may switch between without losing what it holds. */
export const CONVERTIBLE: readonly (readonly FieldKind[])[] = [
  ['text', 'textarea'],
  ['select', 'radio', 'checkbox'],
];

export function convertibleKinds(kind: FieldKind): readonly FieldKind[] {
  return CONVERTIBLE.find((group) => group.includes(kind)) ?? [kind];
}

/** Switches a field to a compatible kind (text ⇄ long text; dropdown ⇄ radio ⇄ checkboxes). */
export function changeKind(model: FormModel, id: string, kind: FieldKind): FormModel {
  const location = locateField(model, id);
  if (!location || !convertibleKinds(location.field.kind).includes(kind)) return model;
  const { validation } = location.field;
  const patch: Partial<FieldModel> = { kind };
  if (kind === 'checkbox') patch.multiple = false;
  if (kind === 'radio') {
    patch.multiple = false;
    patch.validation = { ...validation, minItems: undefined, maxItems: undefined };
  }
  return updateField(model, id, patch);
}

/** A copy of a field right after it, with a fresh id and key (columns copied too). */
export function duplicateField(
  model: FormModel,
  id: string,
  newId: IdFactory = newFieldId,
): FormModel {
  const location = locateField(model, id);
  if (!location) return model;
  const copy: FieldModel = {
    ...structuredClone(location.field),
    id: newId(),
    key: uniqueKey(model, location.container, location.field.key),
  };
  copy.columns = copy.columns.map((column) => ({ ...column, id: newId() }));
  return insertField(model, copy, { container: location.container, index: location.index + 1 });
}
