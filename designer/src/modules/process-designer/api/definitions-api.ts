import { api } from '../../../shared/api';
import type {
  FormOption,
  HandlerOption,
  ProcessOption,
  RoleOption,
} from '../bpmn/reference-data/reference-data';
import type { MessageNameOption } from '../model/message-name';
import { messageNames } from './picker-api';

/** GET /api/definitions: the latest version of each process (docs/api.md). */
export interface DefinitionSummary {
  key: string;
  name?: string;
  version: number;
  active?: boolean;
  deployedAt?: string;
  deployedBy?: string;
}

export interface DeploymentProblem {
  elementId: string;
  message: string;
}

export interface ValidationAnswer {
  problems: DeploymentProblem[];
  warnings: DeploymentProblem[];
}

type ListAnswer<T> = T[] | { items: T[]; nextCursor?: string } | undefined;

/** The server may answer a list or a page; both become a list. */
function items<T>(answer: ListAnswer<T>): T[] {
  if (Array.isArray(answer)) return answer;
  return answer?.items ?? [];
}

/** Every item of a paged list, following `nextCursor` (designers need the whole list). */
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

export const definitionsApi = {
  list: () => allItems<DefinitionSummary>('/definitions'),

  versions: async (key: string) =>
    items(
      await api.get<DefinitionSummary[] | { items: DefinitionSummary[] }>(
        `/definitions/${encodeURIComponent(key)}/versions`,
      ),
    ).sort((a, b) => b.version - a.version),

  xml: (key: string, version: number) =>
    api.getText(`/definitions/${encodeURIComponent(key)}/versions/${version}/xml`),

  /** Dry run of the deployment checks. */
  validate: async (xml: string, signal?: AbortSignal): Promise<ValidationAnswer> => {
    const answer = await api.post<Partial<ValidationAnswer>>(
      '/definitions/validate',
      { xml },
      { signal },
    );
    return { problems: answer?.problems ?? [], warnings: answer?.warnings ?? [] };
  },

  publish: (xml: string) => api.post<Partial<DefinitionSummary>>('/definitions', { xml }),
};

/** The reference data the pickers of the properties panel offer. */
export const referenceApi = {
  roles: async (): Promise<RoleOption[]> =>
    items(await api.get<RoleOption[] | { items: RoleOption[] }>('/roles')).map((role) => ({
      key: role.key,
      label: role.label || role.key,
    })),
  forms: async (): Promise<FormOption[]> =>
    (await allItems<FormOption>('/forms')).map((form) => ({
      key: form.key,
      title: form.title || form.key,
      version: form.version,
    })),
  handlers: async (): Promise<HandlerOption[]> =>
    items(await api.get<HandlerOption[] | { items: HandlerOption[] }>('/handlers')).map(
      (handler) => ({
        topic: handler.topic,
        description: handler.description ?? '',
        parameters: Array.isArray(handler.parameters) ? handler.parameters : [],
      }),
    ),
  processes: async (): Promise<ProcessOption[]> =>
    (await definitionsApi.list()).map(({ key, name, version }) => ({ key, name, version })),
  messages: (): Promise<MessageNameOption[]> => messageNames(),
};

/** Problems from a 400 answer of POST /definitions (`details: problems`). */
export function problemsOf(details: unknown): DeploymentProblem[] {
  const list = Array.isArray(details)
    ? details
    : typeof details === 'object' &&
        details !== null &&
        Array.isArray((details as ValidationAnswer).problems)
      ? (details as ValidationAnswer).problems
      : [];
  return list
    .filter(
      (entry): entry is DeploymentProblem =>
        typeof entry === 'object' && entry !== null && 'message' in entry,
    )
    .map((entry) => ({ elementId: String(entry.elementId ?? ''), message: String(entry.message) }));
}
