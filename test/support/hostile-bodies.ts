import { createHash } from 'node:crypto';
import type { Db } from 'mongodb';

/** The part of an OpenAPI 3 document these generators read. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

export interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
  security?: unknown[];
}

export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  allOf?: OpenApiSchema[];
}

/** A body to send, what it tries, and which field it aims at (for the 400's field messages). */
export interface HostileBody {
  label: string;
  /** Raw JSON text: `__proto__` keys must survive serialization. */
  json: string;
  field?: string;
  /** 413 is the expected answer (the body is beyond the size limit). */
  oversized?: boolean;
}

/** The request body schema of an operation, with `$ref`s resolved; undefined when it takes none. */
export function bodySchemaOf(
  document: OpenApiDocument,
  operation: OpenApiOperation,
): OpenApiSchema | undefined {
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  return schema && resolve(document, schema);
}

function resolve(document: OpenApiDocument, schema: OpenApiSchema): OpenApiSchema {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return resolve(document, document.components?.schemas?.[name] ?? {});
  }
  if (schema.allOf?.length === 1) return resolve(document, schema.allOf[0]);
  return schema;
}

/** A body of the schema's shape: required fields with plain values of their type. */
export function plausibleBody(
  document: OpenApiDocument,
  schema: OpenApiSchema,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of schema.required ?? [])
    body[name] = plausibleValue(document, schema.properties?.[name] ?? {});
  return body;
}

function plausibleValue(document: OpenApiDocument, raw: OpenApiSchema): unknown {
  const schema = resolve(document, raw);
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return 'probe';
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return schema.properties ? plausibleBody(document, schema) : {};
    default:
      return 'probe';
  }
}

const OPERATORS = [{ $gt: '' }, { $where: 'sleep(1000) || true' }, { $ne: null }];

function wrongTypeFor(type: string | undefined): unknown[] {
  switch (type) {
    case 'string':
      return [12345, { text: 'x' }, ['x'], true];
    case 'number':
    case 'integer':
      return ['twelve', { n: 1 }, '1e999'];
    case 'boolean':
      return ['yes', 1];
    case 'array':
      return ['x', { length: 1 }];
    case 'object':
      return ['x', 1, []];
    default:
      return [];
  }
}

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/**
 * What an attacker sends to one operation: bodies that are not objects; for every field of its
 * body a wrong type, an operator object (`$gt`, `$where`), a huge string, deep nesting; keys
 * that pollute prototypes; and a body beyond the size limit. Each replaces one field of a
 * plausible body, so the 400 must name that field.
 */
export function hostileBodies(document: OpenApiDocument, schema: OpenApiSchema): HostileBody[] {
  const base = plausibleBody(document, schema);
  const bodies: HostileBody[] = [
    { label: 'an array for the body', json: '[]' },
    { label: 'a string for the body', json: '"text"' },
    { label: 'a body nested 2,000 deep', json: JSON.stringify({ ...base, extra: nested(2_000) }) },
    {
      label: '__proto__ and constructor keys',
      json: JSON.stringify(base).replace(
        /^\{/,
        '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
      ),
    },
    {
      label: 'a 2 MB body',
      json: JSON.stringify({ ...base, extra: 'x'.repeat(2_100_000) }),
      oversized: true,
    },
  ];
  for (const [field, raw] of Object.entries(schema.properties ?? {})) {
    const type = resolve(document, raw).type;
    const variants: [string, unknown][] = wrongTypeFor(type).map((value) => [
      `wrong type ${JSON.stringify(value).slice(0, 20)}`,
      value,
    ]);
    if (type === 'string' || type === undefined) {
      for (const operator of OPERATORS)
        variants.push([`operator ${JSON.stringify(operator)}`, operator]);
      variants.push(['a 200 KB string', 'x'.repeat(200_000)]);
    }
    variants.push(['nested 200 deep', nested(200)]);
    for (const [what, value] of variants)
      bodies.push({
        label: `${field}: ${what}`,
        json: JSON.stringify({ ...base, [field]: value }),
        field,
      });
  }
  return bodies;
}

/** Collections that change by themselves (a session's last use, login bookkeeping). */
const VOLATILE = new Set(['sessions', 'login_attempts', 'rate_hits']);

/** A fingerprint of every document of every collection but the volatile ones. */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const prints: Record<string, string> = {};
  for (const { name } of await db.listCollections().toArray()) {
    if (VOLATILE.has(name)) continue;
    const docs = await db.collection(name).find().sort({ _id: 1 }).toArray();
    prints[name] = createHash('sha1').update(JSON.stringify(docs)).digest('hex').slice(0, 12);
  }
  return prints;
}
