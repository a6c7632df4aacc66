import { isExpressionText } from './expression-text';

/**
 * A call activity's `calledElement` and version binding, and its `camunda:in` / `camunda:out`
 * mappings (engine/README.md, "call activity" and "called version").
 */
export type CalledElement =
  | { kind: 'none' }
  | { kind: 'process'; key: string }
  /** evaluated when the call is reached (engine/src/subprocesses); edited as text */
  | { kind: 'expression'; text: string };

export function parseCalledElement(text: string | undefined): CalledElement {
  const value = (text ?? '').trim();
  if (value === '') return { kind: 'none' };
  if (isExpressionText(value)) return { kind: 'expression', text: value };
  return { kind: 'process', key: value };
}

export function formatCalledElement(called: CalledElement): string | undefined {
  if (called.kind === 'none') return undefined;
  const text = (called.kind === 'process' ? called.key : called.text).trim();
  return text === '' ? undefined : text;
}

export type CalledVersion =
  | { kind: 'latest' }
  | { kind: 'version'; version: number }
  /** a binding the engine refuses (deployment, versionTag) or a version it cannot read: kept */
  | { kind: 'other'; binding: string; version?: string };

export interface BindingAttributes {
  binding?: string;
  version?: string;
}

export function parseCalledVersion({ binding, version }: BindingAttributes): CalledVersion {
  if (binding === undefined || (binding === 'latest' && version === undefined)) {
    return { kind: 'latest' };
  }
  if (binding === 'version' && version !== undefined && /^[1-9]\d*$/.test(version)) {
    return { kind: 'version', version: Number(version) };
  }
  return { kind: 'other', binding, ...(version !== undefined && { version }) };
}

/** The two attributes to write; undefined removes one (latest is the default, so written as none). */
export function formatCalledVersion(called: CalledVersion): BindingAttributes {
  switch (called.kind) {
    case 'latest':
      return { binding: undefined, version: undefined };
    case 'version':
      return { binding: 'version', version: String(called.version) };
    case 'other':
      return { binding: called.binding, version: called.version };
  }
}

/** The attributes of one `camunda:in` or `camunda:out` element. */
export interface MappingAttributes {
  source?: string;
  sourceExpression?: string;
  target?: string;
  variables?: string;
  businessKey?: string;
  local?: boolean;
}

export type Mapping =
  /** one variable copied under a name (the same name by default) */
  | { kind: 'variable'; source: string; target: string }
  /** a computed value: shown and edited as text */
  | { kind: 'expression'; expression: string; target: string }
  /** `variables="all"`: every variable */
  | { kind: 'all' }
  /** `businessKey="…"` on camunda:in: handed over as the child's business key */
  | { kind: 'businessKey'; expression: string }
  /** anything else (e.g. `local`): listed as written, never rewritten */
  | { kind: 'other'; text: string };

export function parseMapping(attributes: MappingAttributes): Mapping {
  const { source, sourceExpression, target, variables, businessKey } = attributes;
  const present = Object.entries(attributes).filter(([, value]) => value !== undefined);
  const only = (...names: string[]) => present.every(([name]) => names.includes(name));
  if (variables === 'all' && only('variables')) return { kind: 'all' };
  if (businessKey !== undefined && only('businessKey')) {
    return { kind: 'businessKey', expression: businessKey };
  }
  if (source !== undefined && target !== undefined && only('source', 'target')) {
    return { kind: 'variable', source, target };
  }
  if (
    sourceExpression !== undefined &&
    target !== undefined &&
    only('sourceExpression', 'target')
  ) {
    return { kind: 'expression', expression: sourceExpression, target };
  }
  return {
    kind: 'other',
    text: present.map(([name, value]) => `${name}="${String(value)}"`).join(' '),
  };
}

/** The attributes a mapping is written with; unset ones are removed. Never called for `other`. */
export function mappingAttributes(mapping: Exclude<Mapping, { kind: 'other' }>): MappingAttributes {
  const none: MappingAttributes = {
    source: undefined,
    sourceExpression: undefined,
    target: undefined,
    variables: undefined,
    businessKey: undefined,
  };
  switch (mapping.kind) {
    case 'variable':
      return { ...none, source: mapping.source.trim(), target: mapping.target.trim() };
    case 'expression':
      return { ...none, sourceExpression: mapping.expression, target: mapping.target.trim() };
    case 'all':
      return { ...none, variables: 'all' };
    case 'businessKey':
      return { ...none, businessKey: mapping.expression };
  }
}

/** What the called process declares (GET /definitions/:key/variables). */
export interface CalledVariable {
  name: string;
  title?: string;
  startForm: boolean;
  written: boolean;
  read: boolean;
}

/**
 * The called process's variables in the order a person looks for them: for `in`, what it expects
 * (its start form's fields, then what its tasks only read); for `out`, what its tasks write.
 */
export function mappableVariables(
  variables: readonly CalledVariable[],
  direction: 'in' | 'out',
): CalledVariable[] {
  const rank = (v: CalledVariable) =>
    direction === 'in'
      ? v.startForm
        ? 0
        : v.read && !v.written
          ? 1
          : 2
      : v.written
        ? 0
        : v.startForm
          ? 1
          : 2;
  return variables
    .map((variable, index) => ({ variable, index }))
    .sort((a, b) => rank(a.variable) - rank(b.variable) || a.index - b.index)
    .map(({ variable }) => variable);
}
