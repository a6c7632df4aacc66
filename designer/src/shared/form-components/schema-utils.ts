import type { ISchema } from '@formily/react';

type SchemaNode = ISchema & {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode | SchemaNode[];
};

/**
 * A copy of the schema where the data fields named in `keys` (top level, possibly inside void
 * layout containers) are shown read-only (`x-pattern: readPretty`).
 */
export function markFieldsReadPretty(schema: ISchema, keys: ReadonlySet<string>): ISchema {
  const copy = structuredClone(schema) as SchemaNode;
  const visit = (properties: Record<string, SchemaNode> | undefined) => {
    if (!properties) return;
    for (const [key, node] of Object.entries(properties)) {
      if (node.type === 'void') visit(node.properties);
      else if (keys.has(key)) node['x-pattern'] = 'readPretty';
    }
  };
  visit(copy.properties);
  return copy;
}

/** The data field keys (top level, through void containers) with their titles. */
export function topLevelFieldTitles(schema: ISchema): Map<string, string> {
  const titles = new Map<string, string>();
  const visit = (properties: Record<string, SchemaNode> | undefined) => {
    if (!properties) return;
    for (const [key, node] of Object.entries(properties)) {
      if (node.type === 'void') visit(node.properties);
      else titles.set(key, typeof node.title === 'string' ? node.title : key);
    }
  };
  visit((schema as SchemaNode).properties);
  return titles;
}
