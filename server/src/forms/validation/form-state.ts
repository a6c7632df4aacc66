import { readPath, type DataPath } from './data-paths';
import { evaluate, type ExpressionScope, type TemplateValue, truthy } from './expression';
import { concreteKey, dataChildInstances, type FieldInstance } from './form-instance';
import type { Display, FieldState, StateSetter } from './form-model';
import { isPlainObject } from './schema-problems';

export interface ResolvedState {
  state(instance: FieldInstance): FieldState;
  /** Display after the ancestors: a field inside a hidden container is hidden too. */
  display(instance: FieldInstance): Display;
  readOnly(instance: FieldInstance): boolean;
  /** The values as the browser would submit them: fields not displayed are left out. */
  values: unknown;
  converged: boolean;
}

/**
 * Computes every field's state the way Formily's reactions would leave it for these values.
 * Each round starts from the static schema state and applies every reaction in document order
 * over the values of the previous round (fields that are not displayed have no value); rounds
 * repeat until nothing changes, so chains (A shows B, B requires C) settle whatever their order.
 */
export function resolveState(
  registry: Map<string, FieldInstance>,
  root: FieldInstance,
  values: unknown,
): ResolvedState {
  const instances = [...registry.values()];
  let states = new Map(instances.map((i) => [i, { ...i.node.state }]));
  const resolved = (current: Map<FieldInstance, FieldState>) => {
    const display = (instance: FieldInstance): Display => {
      const own = current.get(instance)!.display;
      const above = instance.parent ? display(instance.parent) : 'visible';
      return own === 'none' || above === 'none'
        ? 'none'
        : own === 'hidden' || above === 'hidden'
          ? 'hidden'
          : 'visible';
    };
    const readOnly = (instance: FieldInstance): boolean =>
      current.get(instance)!.readOnly || (instance.parent ? readOnly(instance.parent) : false);
    return { display, readOnly };
  };

  let converged = false;
  let pruned: unknown = values;
  for (let round = 0; round <= instances.length + 1; round++) {
    const { display } = resolved(states);
    pruned = prune(root, values, display);
    const next = new Map(instances.map((i) => [i, { ...i.node.state }]));
    for (const instance of instances) {
      for (const reaction of instance.node.reactions) {
        const target = registry.get(concreteKey(reaction.target.address, instance.indices));
        if (!target) continue;
        const depValues = reaction.dependencies.map((dep) => {
          const source = registry.get(concreteKey(dep.node.address, instance.indices));
          return source ? readPath(pruned, source.dataPath) : undefined;
        });
        const deps = reaction.dependenciesAsMap
          ? Object.fromEntries(
              reaction.dependencies.map((dep, i) => [String(dep.alias), depValues[i]]),
            )
          : depValues;
        const scope = scopeFor(instance, pruned, deps);
        const outcome =
          reaction.when === undefined || truthy(valueOf(reaction.when, scope))
            ? reaction.fulfill
            : reaction.otherwise;
        applySetters(next.get(target)!, outcome, scope);
      }
    }
    if (sameStates(states, next)) {
      converged = true;
      break;
    }
    states = next;
  }
  const { display, readOnly } = resolved(states);
  return { state: (i) => states.get(i)!, display, readOnly, values: pruned, converged };
}

function scopeFor(instance: FieldInstance, values: unknown, deps: unknown): ExpressionScope {
  let row: FieldInstance | undefined = instance;
  while (row && row.node.name !== '*') row = row.parent;
  return {
    $deps: deps,
    $dependencies: deps,
    $values: values,
    $form: { values },
    $self: {
      value: instance.node.type === 'void' ? undefined : readPath(values, instance.dataPath),
    },
    ...(row && { $record: readPath(values, row.dataPath), $index: row.indices.at(-1) }),
  };
}

function valueOf(value: TemplateValue, scope: ExpressionScope): unknown {
  return value.kind === 'literal' ? value.value : evaluate(value.expr, scope);
}

function applySetters(state: FieldState, setters: StateSetter[], scope: ExpressionScope): void {
  for (const setter of setters) {
    const value = valueOf(setter.value, scope);
    switch (setter.key) {
      case 'visible':
        state.display = truthy(value) ? 'visible' : 'none';
        break;
      case 'hidden':
        state.display = truthy(value) ? 'hidden' : 'visible';
        break;
      case 'display':
        if (value === 'visible' || value === 'hidden' || value === 'none') state.display = value;
        break;
      case 'required':
        state.required = truthy(value);
        break;
      case 'readOnly':
      case 'readPretty':
      case 'disabled':
        state.readOnly = truthy(value);
        break;
      case 'editable':
        state.readOnly = !truthy(value);
        break;
      case 'pattern':
        if (typeof value === 'string') state.readOnly = value !== 'editable';
        break;
    }
  }
}

function sameStates(a: Map<FieldInstance, FieldState>, b: Map<FieldInstance, FieldState>): boolean {
  for (const [instance, state] of a) {
    const other = b.get(instance)!;
    if (
      state.display !== other.display ||
      state.required !== other.required ||
      state.readOnly !== other.readOnly
    )
      return false;
  }
  return true;
}

/** The values without what is not displayed (Formily drops a field's value when display is 'none'). */
function prune(
  instance: FieldInstance,
  values: unknown,
  display: (i: FieldInstance) => Display,
): unknown {
  const visit = (current: FieldInstance, value: unknown): unknown => {
    if (display(current) === 'none') return undefined;
    if (current.node.items && Array.isArray(value))
      return value.map((row, i) => (current.rows[i] ? visit(current.rows[i], row) : row));
    if (current.node.closed && isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const child of dataChildInstances(current)) {
        const childValue = visit(child, value[child.node.name]);
        if (childValue !== undefined) out[child.node.name] = childValue;
      }
      return out;
    }
    return value;
  };
  return visit(instance, values);
}

export type { DataPath };
