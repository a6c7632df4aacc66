/**
 * A deep copy of JSON-like data (plain objects, arrays, dates, primitives), made in this realm.
 * structuredClone would do, but under Jest it is the host's and returns objects of another realm,
 * which FEEL (feelin) then no longer recognises as contexts; the server would never notice, the
 * scenario tests would. Variables are JSON-safe by contract, so nothing else needs copying.
 */
export function cloneData<T>(value: T): T {
  return copy(value, 0) as T;
}

function copy(value: unknown, depth: number): unknown {
  if (depth > 200) throw new RangeError('variables nest too deeply to copy');
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => copy(item, depth + 1));
  if (Object.prototype.toString.call(value) === '[object Date]')
    return new Date((value as Date).getTime());
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) result[key] = copy(entry, depth + 1);
  return result;
}
