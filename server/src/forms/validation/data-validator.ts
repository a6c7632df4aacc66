import { deepEqual, formatPath, isEmptyValue, readPath } from './data-paths';
import { dataChildInstances, type FieldInstance, instantiate } from './form-instance';
import type { CompiledForm } from './form-model';
import { resolveState, type ResolvedState } from './form-state';
import { checkErrors, MESSAGES, typeError } from './field-checks';
import { isPlainObject } from './schema-problems';

export interface FieldError {
  path: string;
  message: string;
}

export interface DataValidationContext {
  /**
   * The instance variables now: read-only fields are compared with them, and the variables the
   * form reads take part in reactions even when the browser does not send them back.
   */
  current?: Record<string, unknown>;
}

/** Validates submitted data against a compiled form: every error at once, in form order. */
export function validateFormData(
  form: CompiledForm,
  data: unknown,
  context: DataValidationContext = {},
): FieldError[] {
  if (!isPlainObject(data)) return [{ path: '', message: MESSAGES.notObject }];
  const current = context.current ?? {};
  // What the browser showed: the variables the form reads, whatever was sent for them.
  const values: Record<string, unknown> = { ...data };
  for (const name of form.meta.reads)
    if (Object.hasOwn(current, name)) values[name] = current[name];

  const registry = instantiate(form.root, values);
  const root = registry.get('')!;
  const state = resolveState(registry, root, values);
  const errors: FieldError[] = [];
  if (!state.converged) errors.push({ path: '', message: MESSAGES.notConverged });
  const walker = new Walker(state, data, current, errors);
  walker.object(root, data);
  const reported = new Set(errors.map((e) => e.path));
  errors.push(...unstorableKeys(data).filter((e) => !reported.has(e.path)));
  return errors;
}

/** Free-form values (objects without declared fields) must still be storable: no '$' or '.' keys. */
function unstorableKeys(value: unknown, path: (string | number)[] = []): FieldError[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorableKeys(item, [...path, i]));
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key.startsWith('$') || key.includes('.')
      ? [{ path: formatPath([...path, key]), message: '字段名不能以 $ 开头，也不能包含 “.”' }]
      : unstorableKeys(child, [...path, key]),
  );
}

class Walker {
  constructor(
    private readonly state: ResolvedState,
    private readonly data: unknown,
    private readonly current: Record<string, unknown>,
    private readonly errors: FieldError[],
  ) {}

  private error(instance: FieldInstance, message: string, suffix: (string | number)[] = []): void {
    this.errors.push({ path: formatPath([...instance.dataPath, ...suffix]), message });
  }

  field(instance: FieldInstance): void {
    const { node } = instance;
    if (node.type === 'void') {
      for (const child of instance.children) this.field(child);
      return;
    }
    const value = readPath(this.data, instance.dataPath);
    const display = this.state.display(instance);
    if (display === 'none') {
      if (!isEmptyValue(value)) this.error(instance, MESSAGES.notDisplayed);
      return;
    }
    if (this.state.readOnly(instance)) {
      if (value !== undefined && !deepEqual(value, readPath(this.current, instance.dataPath)))
        this.error(instance, MESSAGES.readOnly);
      return;
    }
    if (isEmptyValue(value)) {
      if (display === 'visible' && this.state.state(instance).required)
        this.error(instance, node.requiredMessage ?? MESSAGES.required);
      // an absent object still has fields the user must fill in
      if (node.closed && value == null) this.object(instance, {});
      return;
    }
    const wrongType = typeError(node.type, value);
    if (wrongType) {
      this.error(instance, wrongType);
      return;
    }
    for (const message of checkErrors(node.checks, value)) this.error(instance, message);
    if (node.closed) this.object(instance, value);
    else if (node.items) instance.rows.forEach((row) => this.field(row));
  }

  /** The fields of an object, then whatever it holds that the schema does not declare. */
  object(instance: FieldInstance, value: unknown): void {
    const fields = dataChildInstances(instance);
    for (const child of instance.children) this.field(child);
    if (!isPlainObject(value)) return;
    const known = new Set(fields.map((f) => f.node.name));
    for (const key of Object.keys(value))
      if (!known.has(key)) this.error(instance, MESSAGES.unknownField, [key]);
  }
}
