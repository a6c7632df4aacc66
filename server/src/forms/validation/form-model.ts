import type { TemplateValue } from './expression';
import type { FormatName } from './formats';

/** Formily field types the server understands; `undefined` on a node means "any JSON value". */
export type FieldType =
  'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'void' | 'date' | 'datetime';

export type Display = 'visible' | 'hidden' | 'none';

/** What decides validation: shown or not, required or not, writable or not. */
export interface FieldState {
  display: Display;
  required: boolean;
  readOnly: boolean;
}

/** One constraint on a value, with the author's own message when the schema gives one. */
export type Check = { message?: string } & (
  | { kind: 'format'; format: FormatName }
  | { kind: 'pattern'; regex: RegExp }
  | { kind: 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum'; limit: number }
  | { kind: 'minLength' | 'maxLength' | 'length'; limit: number }
  | { kind: 'whitespace' }
  | { kind: 'enum'; values: unknown[] }
  | { kind: 'uniqueItems' }
);

export type StateKey =
  | 'visible'
  | 'hidden'
  | 'display'
  | 'required'
  | 'readOnly'
  | 'readPretty'
  | 'disabled'
  | 'editable'
  | 'pattern';

export interface StateSetter {
  key: StateKey;
  value: TemplateValue;
}

/** A path resolved at publish time to a node of the form. */
export interface NodeRef {
  node: FieldNode;
}

export interface CompiledReaction {
  /** The node whose state the reaction sets (the field itself unless `target` names another). */
  target: FieldNode;
  dependencies: { alias: string | number; node: FieldNode }[];
  /** `dependencies` given as an object: `$deps` is then an object keyed by alias. */
  dependenciesAsMap: boolean;
  when?: TemplateValue;
  fulfill: StateSetter[];
  otherwise: StateSetter[];
}

export interface FieldNode {
  /** Property name; '*' for array items; '' for the root. */
  name: string;
  type?: FieldType;
  title?: string;
  /** Where it sits in the schema, for publish-time problems. */
  schemaPath: string;
  /** Data path with '*' for array rows; void containers are not part of it. */
  dataPattern: string[];
  /** Formily's address: like the data path, with void containers included. */
  address: string[];
  state: FieldState;
  requiredMessage?: string;
  checks: Check[];
  /** Properties of an object or a void container, in order. */
  children: FieldNode[];
  items?: FieldNode;
  /** An object with declared properties refuses keys it does not declare. */
  closed: boolean;
  /** An `Attachments` field: its rows name uploaded files (see attachment-refs.ts). */
  attachments?: boolean;
  reactions: CompiledReaction[];
}

export interface FormMeta {
  title: string;
  reads: string[];
  writes: string[];
  /** An anonymous ballot form: its data goes to the ballot box, never to the instance. */
  anonymous: boolean;
}

export interface CompiledForm {
  root: FieldNode;
  meta: FormMeta;
}

export interface SchemaProblem {
  path: string;
  message: string;
}

/** The children that carry data at this level: void containers are flattened away. */
export function dataChildren(node: FieldNode): FieldNode[] {
  return node.children.flatMap((child) => (child.type === 'void' ? dataChildren(child) : [child]));
}
