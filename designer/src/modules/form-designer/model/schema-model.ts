import {
  FIELD_KEY,
  TEXT_FORMATS,
  variablesOf,
  type FieldKind,
  type FieldModel,
  type FormModel,
  type OptionModel,
  type TextFormat,
  type ValidationModel,
} from './form-model';
import { reactionToRule, ruleToReaction } from './visibility-rule';

/**
 * Formily JSON Schema ⇄ builder model, as pure functions. A field is read into the builder only
 * when writing it back gives the same schema; anything else becomes a `custom` field kept as it
 * was, so importing and publishing never silently changes a form.
 */
export type JsonSchema = Record<string, unknown>;

export interface ImportWarning {
  /** message key under `formDesigner.importWarning.` */
  key: 'customField' | 'noMeta' | 'notInVariables';
  field?: string;
  detail?: string;
}

export interface SchemaImport {
  model: FormModel;
  warnings: ImportWarning[];
}

export class SchemaImportError extends Error {
  constructor(readonly reason: 'notObject' | 'notObjectType' | 'noProperties') {
    super(reason);
    this.name = 'SchemaImportError';
  }
}

export type IdFactory = () => string;

let nextId = 0;
/** Builder ids: unique within the page, never written to the schema. */
export const newFieldId: IdFactory = () => `field-${(nextId += 1)}`;

const COMPONENTS: Record<Exclude<FieldKind, 'custom'>, string> = {
  text: 'Input',
  textarea: 'Input.TextArea',
  number: 'NumberPicker',
  date: 'DatePicker',
  select: 'Select',
  radio: 'Radio.Group',
  checkbox: 'Checkbox.Group',
  user: 'UserPicker',
  unit: 'UnitPicker',
  attachment: 'Attachments',
  table: 'ArrayTable',
  display: 'ReadOnlyText',
};
const KIND_OF_COMPONENT = new Map(
  Object.entries(COMPONENTS).map(([kind, component]) => [component, kind as FieldKind]),
);

const TEXT_KINDS: readonly FieldKind[] = ['text', 'textarea'];
const OPTION_KINDS: readonly FieldKind[] = ['select', 'radio', 'checkbox'];
const LIST_KINDS: readonly FieldKind[] = ['checkbox', 'attachment', 'table'];
const TABLE_TOOLS = new Set([
  'ArrayTable.Remove',
  'ArrayTable.MoveUp',
  'ArrayTable.MoveDown',
  'ArrayTable.SortHandle',
  'ArrayTable.Index',
]);

// ───────────────────────────── model → schema ─────────────────────────────

export function modelToSchema(model: FormModel): JsonSchema {
  const { reads, writes } = variablesOf(model);
  const meta: JsonSchema = { title: model.title.trim(), reads, writes };
  if (model.anonymous) meta.anonymous = true;
  return {
    type: 'object',
    ...model.rest,
    'x-cf': meta,
    properties: Object.fromEntries(model.fields.map((field) => [field.key, fieldToSchema(field)])),
  };
}

export function fieldToSchema(field: FieldModel): JsonSchema {
  if (field.kind === 'custom')
    return { ...field.rest, ...(field.label ? { title: field.label } : {}) };
  const schema: JsonSchema = { type: typeOf(field) };
  if (field.label) schema.title = field.label;
  if (field.description) schema.description = field.description;
  if (field.required) schema.required = true;
  Object.assign(schema, validationKeywords(field));
  if (OPTION_KINDS.includes(field.kind)) schema.enum = field.options.map((o) => ({ ...o }));
  Object.assign(schema, field.rest);
  schema['x-component'] = COMPONENTS[field.kind];
  const props = componentProps(field);
  if (Object.keys(props).length > 0) schema['x-component-props'] = props;
  if (field.visibility) schema['x-reactions'] = ruleToReaction(field.visibility);
  if ((field.kind === 'user' || field.kind === 'unit') && field.multiple) {
    schema.items = { type: 'string' };
  }
  if (field.kind === 'table') {
    schema.items = { type: 'object', properties: tableColumns(field.columns) };
    schema.properties = {
      add: { type: 'void', title: '添加一行', 'x-component': 'ArrayTable.Addition' },
    };
  }
  return schema;
}

function typeOf(field: FieldModel): string {
  switch (field.kind) {
    case 'number':
      return field.integer ? 'integer' : 'number';
    case 'checkbox':
    case 'attachment':
    case 'table':
      return 'array';
    case 'select':
    case 'user':
    case 'unit':
      return field.multiple ? 'array' : optionValueType(field);
    case 'radio':
      return optionValueType(field);
    default:
      return 'string';
  }
}

function optionValueType(field: FieldModel): string {
  const numeric =
    OPTION_KINDS.includes(field.kind) &&
    field.options.length > 0 &&
    field.options.every((option) => typeof option.value === 'number');
  return numeric ? 'number' : 'string';
}

function validationKeywords(field: FieldModel): JsonSchema {
  const v = field.validation;
  const out: JsonSchema = {};
  if (field.kind === 'number') {
    if (v.minimum !== undefined) out.minimum = v.minimum;
    if (v.maximum !== undefined) out.maximum = v.maximum;
  }
  if (TEXT_KINDS.includes(field.kind)) {
    if (v.minLength !== undefined) out.minLength = v.minLength;
    if (v.maxLength !== undefined) out.maxLength = v.maxLength;
    if (v.format !== undefined) out.format = v.format;
    if (v.pattern !== undefined && v.patternMessage) {
      out['x-validator'] = [{ pattern: v.pattern, message: v.patternMessage }];
    } else if (v.pattern !== undefined) out.pattern = v.pattern;
  }
  if (field.kind === 'date') out.format = 'date';
  if (LIST_KINDS.includes(field.kind) || (field.multiple && field.kind === 'select')) {
    if (v.minItems !== undefined) out.minItems = v.minItems;
    if (v.maxItems !== undefined) out.maxItems = v.maxItems;
  }
  return out;
}

function componentProps(field: FieldModel): JsonSchema {
  const props: JsonSchema = { ...field.componentProps };
  if (field.placeholder) props.placeholder = field.placeholder;
  if (field.multiple && field.kind === 'select') props.mode = 'multiple';
  if (field.multiple && (field.kind === 'user' || field.kind === 'unit')) props.multiple = true;
  return props;
}

function tableColumns(columns: FieldModel[]): JsonSchema {
  const properties: JsonSchema = {};
  for (const column of columns) {
    properties[`${column.key}Column`] = {
      type: 'void',
      'x-component': 'ArrayTable.Column',
      'x-component-props': { ...column.columnProps, title: column.label },
      properties: { [column.key]: fieldToSchema({ ...column, label: '' }) },
    };
  }
  properties.operations = {
    type: 'void',
    'x-component': 'ArrayTable.Column',
    'x-component-props': { title: '操作', width: 120 },
    properties: {
      remove: { type: 'void', 'x-component': 'ArrayTable.Remove' },
      moveUp: { type: 'void', 'x-component': 'ArrayTable.MoveUp' },
      moveDown: { type: 'void', 'x-component': 'ArrayTable.MoveDown' },
    },
  };
  return properties;
}

// ───────────────────────────── schema → model ─────────────────────────────

export function schemaToModel(schema: unknown, newId: IdFactory = newFieldId): SchemaImport {
  if (!isObject(schema)) throw new SchemaImportError('notObject');
  if (schema.type !== 'object') throw new SchemaImportError('notObjectType');
  const properties = schema.properties ?? {};
  if (!isObject(properties)) throw new SchemaImportError('noProperties');
  const warnings: ImportWarning[] = [];
  const meta = isObject(schema['x-cf']) ? schema['x-cf'] : undefined;
  if (!meta) warnings.push({ key: 'noMeta' });
  const reads = stringList(meta?.reads);
  const requiredList = stringList(schema.required);

  const entries = Object.entries(properties).sort(([, a], [, b]) => indexOf(a) - indexOf(b));
  const fields = entries.map(([key, child]) => {
    const withRequired =
      isObject(child) && requiredList.includes(key) ? { ...child, required: true } : child;
    const field = readField(key, withRequired, newId, warnings);
    field.readsEarlierValue = reads.includes(key);
    return field;
  });
  const fieldKeys = new Set(fields.map((field) => field.key));
  const rest = omit(schema, ['type', 'properties', 'x-cf', 'required']);
  if (Array.isArray(schema.required)) {
    const unknown = requiredList.filter((key) => !fieldKeys.has(key));
    if (unknown.length > 0) rest.required = unknown;
  }
  const model: FormModel = {
    title: typeof meta?.title === 'string' ? meta.title : '',
    extraReads: reads.filter((name) => !fieldKeys.has(name)),
    anonymous: meta?.anonymous === true,
    fields,
    rest,
  };
  const writes = stringList(meta?.writes);
  const derived = variablesOf(model).writes;
  for (const name of writes) {
    if (!derived.includes(name)) warnings.push({ key: 'notInVariables', field: name });
  }
  return { model, warnings };
}

function readField(
  key: string,
  schema: unknown,
  newId: IdFactory,
  warnings: ImportWarning[],
): FieldModel {
  const source = isObject(schema) ? omit(schema, ['x-index']) : {};
  const component = typeof source['x-component'] === 'string' ? source['x-component'] : '';
  const kind = KIND_OF_COMPONENT.get(component);
  const parsed = kind ? parseKnownField(key, kind, source, newId) : null;
  if (parsed && sameSchema(normalised(fieldToSchema(parsed), kind), normalised(source, kind))) {
    return parsed;
  }
  if (isObject(schema) && schema.type !== 'void') {
    warnings.push({
      key: 'customField',
      field: key,
      detail: component || String(schema.type ?? ''),
    });
  }
  return customField(key, source, newId);
}

export function customField(key: string, schema: JsonSchema, newId: IdFactory): FieldModel {
  return {
    ...blankField(newId(), 'custom', key),
    label: typeof schema.title === 'string' ? schema.title : '',
    rest: omit(schema, ['title']),
  };
}

/** A field with every property at its neutral value. */
export function blankField(id: string, kind: FieldKind, key: string, label = ''): FieldModel {
  return {
    id,
    kind,
    key,
    label,
    description: '',
    required: false,
    readsEarlierValue: kind === 'display',
    placeholder: '',
    multiple: false,
    integer: false,
    options: [],
    validation: {},
    visibility: null,
    columns: [],
    componentProps: {},
    rest: {},
  };
}

const MODELLED_KEYS = [
  'type',
  'title',
  'description',
  'required',
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'format',
  'pattern',
  'x-validator',
  'x-component',
  'x-component-props',
  'x-reactions',
  'items',
  'properties',
];

function parseKnownField(
  key: string,
  kind: FieldKind,
  schema: JsonSchema,
  newId: IdFactory,
): FieldModel | null {
  const field = blankField(
    newId(),
    kind,
    key,
    typeof schema.title === 'string' ? schema.title : '',
  );
  if (typeof schema.description === 'string') field.description = schema.description;
  field.required = schema.required === true;
  field.integer = kind === 'number' && schema.type === 'integer';
  field.rest = omit(schema, MODELLED_KEYS);
  // keywords the builder does not model for this kind stay as they were
  const keep = (name: string) => {
    if (schema[name] !== undefined) field.rest[name] = schema[name];
  };

  const props = isObject(schema['x-component-props']) ? { ...schema['x-component-props'] } : {};
  if (typeof props.placeholder === 'string') {
    field.placeholder = props.placeholder;
    delete props.placeholder;
  }
  if (kind === 'select' && props.mode === 'multiple') {
    field.multiple = true;
    delete props.mode;
  }
  if ((kind === 'user' || kind === 'unit') && props.multiple === true) {
    field.multiple = true;
    delete props.multiple;
  }
  field.componentProps = props;

  if (OPTION_KINDS.includes(kind)) {
    const options = readOptions(schema.enum);
    if (!options) return null;
    field.options = options;
  } else keep('enum');

  field.validation = readValidation(kind, field.multiple, schema, keep);
  if (schema['x-reactions'] !== undefined) {
    const rule = reactionToRule(schema['x-reactions']);
    if (rule) field.visibility = rule;
    else keep('x-reactions');
  }
  if (kind === 'table') {
    const columns = readColumns(schema, newId);
    if (!columns) return null;
    field.columns = columns;
  } else {
    if (!(kind === 'user' || kind === 'unit') || !field.multiple) keep('items');
    keep('properties');
  }
  if (!['text', 'textarea', 'date'].includes(kind)) keep('format');
  return field;
}

function readValidation(
  kind: FieldKind,
  multiple: boolean,
  schema: JsonSchema,
  keep: (name: string) => void,
): ValidationModel {
  const v: ValidationModel = {};
  const number = (name: string): number | undefined =>
    typeof schema[name] === 'number' ? (schema[name] as number) : undefined;
  if (kind === 'number') {
    v.minimum = number('minimum');
    v.maximum = number('maximum');
  } else ['minimum', 'maximum'].forEach(keep);
  if (TEXT_KINDS.includes(kind)) {
    v.minLength = number('minLength');
    v.maxLength = number('maxLength');
    if (TEXT_FORMATS.includes(schema.format as TextFormat)) v.format = schema.format as TextFormat;
    else keep('format');
    if (typeof schema.pattern === 'string') v.pattern = schema.pattern;
    const rule = patternValidator(schema['x-validator']);
    if (rule && v.pattern === undefined) {
      v.pattern = rule.pattern;
      v.patternMessage = rule.message;
    } else keep('x-validator');
  } else ['minLength', 'maxLength', 'pattern', 'x-validator'].forEach(keep);
  if (LIST_KINDS.includes(kind) || (multiple && kind === 'select')) {
    v.minItems = number('minItems');
    v.maxItems = number('maxItems');
  } else ['minItems', 'maxItems'].forEach(keep);
  return Object.fromEntries(Object.entries(v).filter(([, value]) => value !== undefined));
}

/** `x-validator: [{ pattern, message }]` (or the object alone) as the builder writes it. */
function patternValidator(value: unknown): { pattern: string; message: string } | null {
  const entry = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (!isObject(entry)) return null;
  if (Object.keys(entry).sort().join() !== 'message,pattern') return null;
  if (typeof entry.pattern !== 'string' || typeof entry.message !== 'string') return null;
  return { pattern: entry.pattern, message: entry.message };
}

function readOptions(value: unknown): OptionModel[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return null;
  const options: OptionModel[] = [];
  for (const item of value) {
    if (typeof item === 'string' || typeof item === 'number') {
      options.push({ label: String(item), value: item });
    } else if (
      isObject(item) &&
      Object.keys(item).sort().join() === 'label,value' &&
      typeof item.label === 'string' &&
      (typeof item.value === 'string' || typeof item.value === 'number')
    ) {
      options.push({ label: item.label, value: item.value });
    } else return null;
  }
  return options;
}

function readColumns(schema: JsonSchema, newId: IdFactory): FieldModel[] | null {
  const items = schema.items;
  if (!isObject(items) || items.type !== 'object' || !isObject(items.properties)) return null;
  const columns: FieldModel[] = [];
  for (const [, container] of Object.entries(items.properties)) {
    if (!isObject(container) || container['x-component'] !== 'ArrayTable.Column') return null;
    const inner = isObject(container.properties) ? Object.entries(container.properties) : [];
    if (
      inner.every(([, child]) => isObject(child) && TABLE_TOOLS.has(String(child['x-component'])))
    ) {
      continue; // the operations column is written anew
    }
    if (inner.length !== 1) return null;
    const [key, child] = inner[0];
    const columnProps = isObject(container['x-component-props'])
      ? { ...container['x-component-props'] }
      : {};
    const title = typeof columnProps.title === 'string' ? columnProps.title : '';
    delete columnProps.title;
    const ignored: ImportWarning[] = [];
    const column = readField(key, child, newId, ignored);
    if (column.kind === 'custom' || column.kind === 'table' || column.kind === 'display')
      return null;
    if (column.label && column.label !== title) return null;
    columns.push({ ...column, label: title, columnProps });
  }
  return columns;
}

// ───────────────────────────── comparison ─────────────────────────────

/**
 * Drops what the builder writes its own way by design before comparing: the table's tools, the
 * date format, options as `{ label, value }` (plain values mean the same to Formily and the server).
 */
function normalised(schema: JsonSchema, kind: FieldKind | undefined): JsonSchema {
  const copy = omit(schema, ['x-index']);
  if (kind === 'date' && copy.format === 'date') delete copy.format;
  if (kind && OPTION_KINDS.includes(kind) && Array.isArray(copy.enum)) {
    copy.enum = copy.enum.map((item) =>
      typeof item === 'string' || typeof item === 'number'
        ? { label: String(item), value: item }
        : item,
    );
  }
  if (kind === 'table') {
    delete copy.properties;
    if (isObject(copy.items) && isObject(copy.items.properties)) {
      const columns = Object.values(copy.items.properties).filter(
        (column) =>
          !(
            isObject(column) &&
            isObject(column.properties) &&
            Object.values(column.properties).every(
              (child) => isObject(child) && TABLE_TOOLS.has(String(child['x-component'])),
            )
          ),
      );
      copy.items = { ...copy.items, properties: columns.map((column) => stripColumnKey(column)) };
    }
  }
  return copy;
}

/** Column containers are compared by content, not by the name of the void container. */
function stripColumnKey(column: unknown): unknown {
  if (!isObject(column) || !isObject(column.properties)) return column;
  return {
    ...column,
    properties: Object.fromEntries(
      Object.entries(column.properties).map(([key, child]) => [
        key,
        isObject(child)
          ? omit(normalised(child, KIND_OF_COMPONENT.get(String(child['x-component']))), ['title'])
          : child,
      ]),
    ),
  };
}

export function sameSchema(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameSchema(item, b[i]))
    );
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a).filter((key) => a[key] !== undefined);
  const otherKeys = Object.keys(b).filter((key) => b[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => sameSchema(a[key], b[key]));
}

// ───────────────────────────── helpers ─────────────────────────────

export function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function omit(object: JsonSchema, keys: string[]): JsonSchema {
  const copy = { ...object };
  for (const key of keys) delete copy[key];
  return copy;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

function indexOf(schema: unknown): number {
  return isObject(schema) && typeof schema['x-index'] === 'number' ? schema['x-index'] : 0;
}

/** Whether a key can be a field name (and so a process variable). */
export function isValidFieldKey(key: string): boolean {
  return FIELD_KEY.test(key);
}
