import type { SchemaProblem } from './form-model';

/** Collects every problem of a schema, so the designer can show them all at once. */
export class SchemaProblems {
  readonly list: SchemaProblem[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
}

export function joinSchemaPath(base: string, ...parts: (string | number)[]): string {
  return parts.reduce<string>(
    (path, part) =>
      typeof part === 'number'
        ? `${path}[${part}]`
        : /^[\w$-]+$/.test(part)
          ? path
            ? `${path}.${part}`
            : part
          : `${path}[${JSON.stringify(part)}]`,
    base,
  );
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
