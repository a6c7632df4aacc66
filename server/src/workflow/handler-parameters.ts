/**
 * A list-valued service-task parameter: a list when it came from FEEL, JSON text when the BPMN
 * wrote it literally, nothing when empty; `undefined` when it is none of these.
 */
export function listParameter(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string' && value.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // not JSON after all
    }
  }
  return undefined;
}
