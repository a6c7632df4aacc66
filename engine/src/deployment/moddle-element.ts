/**
 * The slice of bpmn-moddle's element objects that the deployment code reads. Properties are
 * `unknown` on purpose: every read goes through the guards below, so a file that puts text where a
 * reference belongs cannot crash the parser.
 */
export interface ModdleElement {
  readonly $type: string;
  readonly $attrs?: Record<string, string>;
  $instanceOf(type: string): boolean;
  readonly [property: string]: unknown;
}

export function isModdleElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { $type?: unknown }).$type === 'string'
  );
}

export function idOf(element: ModdleElement | undefined): string {
  const id = element?.['id'];
  return typeof id === 'string' ? id : '';
}

/** A string property, trimmed; blank text counts as absent, as it does for the engine. */
export function textOf(element: ModdleElement | undefined, property: string): string | undefined {
  const value = element?.[property];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function nameOf(element: ModdleElement | undefined): string | undefined {
  return textOf(element, 'name');
}

export function childOf(
  element: ModdleElement | undefined,
  property: string,
): ModdleElement | undefined {
  const value = element?.[property];
  return isModdleElement(value) ? value : undefined;
}

export function childrenOf(element: ModdleElement | undefined, property: string): ModdleElement[] {
  const value = element?.[property];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

/** The text of an expression-like child, e.g. a conditionExpression or a timeDuration. */
export function bodyOf(element: ModdleElement | undefined, property: string): string | undefined {
  return textOf(childOf(element, property), 'body');
}

/** Whether an expression-like child is written at all, even empty. */
export function hasChild(element: ModdleElement | undefined, property: string): boolean {
  return childOf(element, property) !== undefined;
}

export function extensionsOf(element: ModdleElement | undefined, type: string): ModdleElement[] {
  return childrenOf(childOf(element, 'extensionElements'), 'values').filter(
    (value) => value.$type === type,
  );
}

export function eventDefinitionsOf(element: ModdleElement): ModdleElement[] {
  return childrenOf(element, 'eventDefinitions');
}

/** Attributes bpmn-moddle did not recognise land in $attrs; conditions may carry them there. */
export function rawAttribute(element: ModdleElement, name: string): string | undefined {
  const known = textOf(element, name);
  if (known !== undefined) return known;
  const raw = element.$attrs?.[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}
