import { api, isApiError } from '../../../shared/api';
import { type JsonSchema } from '../model/schema-model';

/** GET /api/forms: the latest version of each form (docs/api.md). */
export interface FormSummary {
  key: string;
  title: string;
  version: number;
  publishedAt?: string;
}

/** GET /api/forms/:key */
export interface FormDetail {
  key: string;
  versions: { version: number; publishedAt?: string }[];
  latest?: { version: number; schema: JsonSchema };
}

export interface SchemaProblem {
  path: string;
  message: string;
}

type ListAnswer<T> = T[] | { items: T[]; nextCursor?: string } | undefined;

function items<T>(answer: ListAnswer<T>): T[] {
  if (Array.isArray(answer)) return answer;
  return answer?.items ?? [];
}

/** Every item of a paged list, following `nextCursor` (the designer needs the whole list). */
async function allItems<T>(path: string): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const answer = await api.get<ListAnswer<T>>(path, { limit: 100, cursor });
    all.push(...items(answer));
    cursor = Array.isArray(answer) ? undefined : answer?.nextCursor;
  } while (cursor);
  return all;
}

/** GET /api/definitions: a process and the form versions it pinned when it was published. */
export interface ProcessUsingForms {
  key: string;
  name?: string;
  version: number;
  active: boolean;
  forms?: { key: string; version: number }[];
}

export const formsApi = {
  list: () => allItems<FormSummary>('/forms'),

  /** The form, or undefined when no version exists yet (a new form). */
  get: async (key: string): Promise<FormDetail | undefined> => {
    try {
      return await api.get<FormDetail>(`/forms/${encodeURIComponent(key)}`);
    } catch (error) {
      if (isApiError(error, 404)) return undefined;
      throw error;
    }
  },

  publish: (key: string, schema: JsonSchema, title: string) =>
    api.post<{ key?: string; version?: number }>(`/forms/${encodeURIComponent(key)}/versions`, {
      schema,
      title,
    }),

  /** The active processes whose latest version pinned an older version of this form. */
  processesOnOlderVersion: async (key: string, version: number) =>
    items(await api.get<ListAnswer<ProcessUsingForms>>('/definitions')).filter(
      (process) =>
        process.active &&
        (process.forms ?? []).some((form) => form.key === key && form.version < version),
    ),

  /**
   * Publishes the process's latest XML again, unchanged: the new process version pins the forms'
   * current versions (docs/workflow-kit.md "binding at deployment"); running cases keep theirs.
   */
  republish: async (process: ProcessUsingForms) => {
    const path = `/definitions/${encodeURIComponent(process.key)}/versions/${process.version}/xml`;
    const xml = await api.getText(path);
    return api.post<{ key: string; version: number }>('/definitions', { xml });
  },

  roles: async () =>
    items(
      await api.get<{ key: string; label: string }[] | { items: { key: string; label: string }[] }>(
        '/roles',
      ),
    ),
};

/** Problems of a refused publication: `details` as `[{ path, message }]` (or `{ problems }`). */
export function schemaProblemsOf(details: unknown): SchemaProblem[] {
  const list = Array.isArray(details)
    ? details
    : typeof details === 'object' &&
        details !== null &&
        Array.isArray((details as { problems?: unknown }).problems)
      ? (details as { problems: unknown[] }).problems
      : [];
  return list
    .filter(
      (entry): entry is SchemaProblem =>
        typeof entry === 'object' && entry !== null && 'message' in entry,
    )
    .map((entry) => ({ path: String(entry.path ?? ''), message: String(entry.message) }));
}
