import { randomBytes } from 'node:crypto';
import type { Agent } from './api-app';

export type ProbeMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface CrossDistrictProbe {
  method: ProbeMethod;
  /** The route with the foreign id put in, e.g. `(id) => \`/api/units/${id}\``. */
  path: (id: string) => string;
  /** A body that would be valid for the owner's own record, so only the district can refuse it. */
  body?: object;
}

/** An id of the same shape as `like` that no record has (hex stays hex, prefixes stay). */
export function unusedIdLike(like: string): string {
  if (/^[0-9a-f]{24}$/.test(like)) return randomBytes(12).toString('hex');
  return `${like.slice(0, Math.max(0, like.length - 6))}${randomBytes(3).toString('hex')}`;
}

/**
 * Asserts that a user of another district asking for `foreignId` learns nothing: 404, and exactly
 * the body an id that exists nowhere gets — so neither the status, the message nor the details
 * tell "exists elsewhere" from "does not exist". Run it for every route that takes an id.
 */
export async function expectHiddenFromOtherDistrict(
  outsider: Agent,
  probe: CrossDistrictProbe,
  foreignId: string,
): Promise<void> {
  const send = (id: string) => {
    const test = outsider[probe.method](probe.path(id));
    return probe.body === undefined ? test : test.send(probe.body);
  };
  const foreign = await send(foreignId);
  const missing = await send(unusedIdLike(foreignId));
  expect({ status: foreign.status, body: foreign.body }).toEqual({
    status: 404,
    body: missing.body,
  });
  expect(missing.status).toBe(404);
  expect(JSON.stringify(foreign.body)).not.toContain(foreignId);
  expect(foreign.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
}
