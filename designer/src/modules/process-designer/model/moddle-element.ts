/** The part of a bpmn-moddle element the designer reads (bpmn-js business objects). */
export interface ModdleElement {
  $type: string;
  $parent?: ModdleElement;
  id?: string;
  name?: string;
  get(property: string): unknown;
  [property: string]: unknown;
}

export function isModdleElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ModdleElement).$type === 'string' &&
    typeof (value as ModdleElement).get === 'function'
  );
}

/** A string property, trimmed; undefined when absent or blank. */
export function textOf(element: ModdleElement | undefined, property: string): string | undefined {
  const value = element?.get(property);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function childOf(
  element: ModdleElement | undefined,
  property: string,
): ModdleElement | undefined {
  const value = element?.get(property);
  return isModdleElement(value) ? value : undefined;
}

export function childrenOf(element: ModdleElement | undefined, property: string): ModdleElement[] {
  const value = element?.get(property);
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

/** The body of a bpmn:FormalExpression child (a condition, a completion condition, …). */
export function bodyOf(element: ModdleElement | undefined, property: string): string | undefined {
  return textOf(childOf(element, property), 'body');
}

/** Extension elements of a type, e.g. `camunda:InputOutput`. */
export function extensionsOf(element: ModdleElement | undefined, type: string): ModdleElement[] {
  return childrenOf(childOf(element, 'extensionElements'), 'values').filter(
    (value) => value.$type === type,
  );
}

export function isAny(element: ModdleElement | undefined, types: readonly string[]): boolean {
  return element !== undefined && types.includes(element.$type);
}

/**
 * Like textOf, but only what the file itself sets: moddle answers an absent attribute with its
 * default (`camunda:calledElementBinding` → "latest"), which must not be mistaken for the file's.
 */
export function ownTextOf(
  element: ModdleElement | undefined,
  property: string,
): string | undefined {
  const local = property.slice(property.indexOf(':') + 1);
  if (!element || !Object.prototype.hasOwnProperty.call(element, local)) return undefined;
  return textOf(element, property);
}

/** A `<camunda:property name value>` of the element, trimmed; undefined when absent or blank. */
export function extensionPropertyOf(
  element: ModdleElement | undefined,
  name: string,
): string | undefined {
  const property = extensionsOf(element, 'camunda:Properties')
    .flatMap((properties) => childrenOf(properties, 'values'))
    .find((candidate) => textOf(candidate, 'name') === name);
  return textOf(property, 'value');
}
