import type { ISchema } from '@formily/react';
import { api } from '../../shared/api';

/** GET /api/definitions/startable: a process this person may start, with its start form. */
export interface StartableProcess {
  key: string;
  name?: string;
  version?: number;
  description?: string;
  startFormKey?: string;
  startFormVersion?: number;
  /** alternative shape: the pinned start form as one object */
  startForm?: { key: string; version?: number };
}

export async function loadStartable(): Promise<StartableProcess[]> {
  const result = await api.get<StartableProcess[] | { items: StartableProcess[] }>(
    '/definitions/startable',
  );
  return Array.isArray(result) ? result : result.items;
}

/** The start form's schema: the pinned version when known, else the latest; null when none. */
export async function loadStartSchema(process: StartableProcess): Promise<ISchema | null> {
  const key = process.startForm?.key ?? process.startFormKey;
  if (!key) return null;
  const version = process.startForm?.version ?? process.startFormVersion;
  const path = `/forms/${encodeURIComponent(key)}`;
  if (version !== undefined) {
    return (await api.get<{ schema: ISchema }>(`${path}/versions/${version}`)).schema;
  }
  return (await api.get<{ latest: { schema: ISchema } }>(path)).latest.schema;
}
