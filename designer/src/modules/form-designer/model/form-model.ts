/**
 * The builder's model of a form: what an administrator edits. `schema-model.ts` converts it to and
 * from the Formily JSON Schema the server stores (docs/workflow-kit.md, "Forms").
 */

/** The field types of the palette. `custom` keeps a schema the builder does not know, untouched. */
export const FIELD_KINDS = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'radio',
  'checkbox',
  'user',
  'unit',
  'attachment',
  'table',
  'display',
] as const;
export type PaletteKind = (typeof FIELD_KINDS)[number];
export type FieldKind = PaletteKind | 'custom';

/** Kinds that may be a column of an array table. */
export const COLUMN_KINDS: readonly FieldKind[] = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'radio',
  'checkbox',
  'user',
  'unit',
];

export interface OptionModel {
  label: string;
  value: string | number;
}

/** Formats the server checks (docs/workflow-kit.md); offered as a picker. */
export const TEXT_FORMATS = [
  'email',
  'phone',
  'url',
  'idcard',
  'zip',
  'zh',
  'integer',
  'money',
] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

export interface ValidationModel {
  /** numbers: the value; text: not used (see minLength) */
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  /** checkbox groups, multi-selects, attachments, tables */
  minItems?: number;
  maxItems?: number;
  format?: TextFormat;
  pattern?: string;
  /** the message shown when the pattern does not match */
  patternMessage?: string;
}

export const RULE_OPERATORS = [
  'equals',
  'notEquals',
  'oneOf',
  'contains',
  'filled',
  'empty',
] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/** "Show this field when <field> <operator> <value>". */
export interface VisibilityRule {
  /** key of another top-level field */
  field: string;
  operator: RuleOperator;
  /** equals / notEquals / contains: one value; oneOf: several */
  values: (string | number | boolean)[];
}

export interface FieldModel {
  /** stable id for the builder (drag and drop, selection); never written to the schema */
  id: string;
  kind: FieldKind;
  key: string;
  label: string;
  description: string;
  required: boolean;
  /** top level only: the field shows an earlier step's variable (x-cf.reads), not editable */
  readsEarlierValue: boolean;
  placeholder: string;
  /** select, user, unit: several values (the field becomes an array) */
  multiple: boolean;
  /** number: whole numbers only (type integer) */
  integer: boolean;
  options: OptionModel[];
  validation: ValidationModel;
  visibility: VisibilityRule | null;
  /** table: its columns, each a field */
  columns: FieldModel[];
  /** a table column: x-component-props of its ArrayTable.Column other than the title */
  columnProps?: Record<string, unknown>;
  /** x-component-props other than the ones modelled above (kept as they were) */
  componentProps: Record<string, unknown>;
  /** every other schema keyword, kept as it was (x-decorator, x-reactions the builder cannot read, …) */
  rest: Record<string, unknown>;
}

export interface FormModel {
  title: string;
  /** read-only variables shown in "earlier steps" that are not fields of the form */
  extraReads: string[];
  anonymous: boolean;
  fields: FieldModel[];
  /** root schema keywords other than type, properties and x-cf */
  rest: Record<string, unknown>;
}

/** Top-level field keys are process variables: FEEL and the server must be able to name them. */
export const FIELD_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Variables the platform owns; no form may write them. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['params']);

export function emptyForm(title = ''): FormModel {
  return { title, extraReads: [], anonymous: false, fields: [], rest: {} };
}

/** What x-cf.reads and x-cf.writes must say for this form (the server checks both). */
export function variablesOf(model: FormModel): { reads: string[]; writes: string[] } {
  const reads = model.fields.filter((field) => field.readsEarlierValue).map((field) => field.key);
  const writes: string[] = [];
  for (const field of model.fields) {
    if (field.readsEarlierValue) continue;
    if (isDataField(field)) writes.push(field.key);
    // a layout container's fields are top-level data too (void is not part of a data path)
    else
      writes.push(...dataKeysInside(field.rest).filter((key) => !model.extraReads.includes(key)));
  }
  for (const name of model.extraReads)
    if (!reads.includes(name) && !writes.includes(name)) reads.push(name);
  return { reads, writes };
}

/** Void containers (a custom layout component) hold no data of their own. */
export function isDataField(field: FieldModel): boolean {
  return !(field.kind === 'custom' && field.rest.type === 'void');
}

/** Data field names under a void container's schema, through nested void containers. */
export function dataKeysInside(schema: Record<string, unknown>): string[] {
  const properties = schema.properties;
  if (typeof properties !== 'object' || properties === null) return [];
  const keys: string[] = [];
  for (const [key, child] of Object.entries(
    properties as Record<string, Record<string, unknown>>,
  )) {
    if (child && child.type === 'void') keys.push(...dataKeysInside(child));
    else keys.push(key);
  }
  return keys;
}
