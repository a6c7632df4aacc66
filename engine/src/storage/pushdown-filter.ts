import type { Document } from 'mongodb';

type Scalar = string | number | boolean | Date;

/**
 * ANDs `conditions` into one filter whose plain equalities stand at the top level.
 *
 * Why: FerretDB 1.24 hands only top-level `field: scalar` conditions to its storage (where the
 * embedded PostgreSQL answers them from an index) and evaluates everything else — a `$and`, `$or`,
 * ranges — in its own process over every document the pushed part matched. A filter written as
 * `{ $and: [...] }` is therefore a full scan there. On MongoDB both shapes mean the same.
 */
export function andFilter(conditions: Document[]): Document {
  const top: Document = {};
  const rest: Document[] = [];
  const others: [string, unknown][] = [];
  const pending = [...conditions];
  while (pending.length > 0) {
    const condition = pending.shift()!;
    const keys = Object.keys(condition);
    if (keys.length === 1 && keys[0] === '$and' && Array.isArray(condition.$and)) {
      pending.unshift(...(condition.$and as Document[]));
      continue;
    }
    for (const key of keys) {
      const value: unknown = condition[key];
      if (!key.startsWith('$') && isScalar(value) && !(key in top)) top[key] = value;
      else others.push([key, value]);
    }
  }
  // then the other conditions, each beside the equalities where its key is free, else in $and
  for (const [key, value] of others) {
    if (key in top) rest.push({ [key]: value });
    else top[key] = value;
  }
  return rest.length === 0 ? top : { ...top, $and: rest };
}

function isScalar(value: unknown): value is Scalar {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    (value instanceof Date && !Number.isNaN(value.getTime()))
  );
}
