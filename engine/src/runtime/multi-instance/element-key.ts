/**
 * The key an element of a multi-instance activity is known by: outputs are collected under it
 * (`<activityId>Outputs[key]`), and return and retrieve name elements by it. The element itself
 * when it is a string or number, its `id` when it has one, otherwise its loop index.
 */
export function elementKey(element: unknown, index: number | undefined): string {
  if (typeof element === 'string' || typeof element === 'number') return String(element);
  if (element && typeof element === 'object' && 'id' in element)
    return String((element as { id: unknown }).id);
  return String(index ?? 0);
}

/** The variable a multi-instance activity collects its elements' outputs in. */
export function outputsVariable(activityId: string): string {
  return `${activityId}Outputs`;
}
