import type { OutlineField } from './template-diff.types';

export type { OutlineField };

/** The data fields of a Formily JSON Schema, in schema order, for template diffs. */
export function formOutline(schema: unknown): OutlineField[] {
  const fields: OutlineField[] = [];
  walk(schema, '', fields);
  return fields;
}

function walk(node: unknown, path: string, out: OutlineField[]): void {
  if (!isObject(node)) return;
  const properties = isObject(node.properties) ? node.properties : {};
  for (const [name, child] of Object.entries(properties)) {
    if (!isObject(child)) continue;
    if (child.type === 'void') {
      walk(child, path, out); // layout containers are not part of the data
      continue;
    }
    const childPath = path ? `${path}.${name}` : name;
    out.push({
      path: childPath,
      ...(typeof child.type === 'string' && { type: child.type }),
      ...(typeof child.title === 'string' && { title: child.title }),
    });
    walk(child, childPath, out);
    if (isObject(child.items)) walk(child.items, `${childPath}[]`, out);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
