/**
 * The one HTTP client of the web app (contract: docs/api.md).
 *
 * Paths are relative to `/api`: `api.get<Me>('/auth/me')`. Every call sends the session cookie and
 * the CSRF header; JSON in and out. Failures throw {@link ApiError}; a 401 (session expired) also
 * sends the person to the login page, except on the login call itself.
 */

export interface FieldError {
  /** dot/bracket path into the submitted body or form data, e.g. `a.b[0].c` */
  path: string;
  message: string;
}

/** Query values; `undefined`, `null` and `''` are left out. */
export type Query = Record<string, string | number | boolean | undefined | null>;

export const NETWORK_ERROR = 'NETWORK_ERROR';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** seconds from a 429's `Retry-After` */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The field errors of a 400 `VALIDATION_FAILED` (empty for any other error). */
  get fieldErrors(): FieldError[] {
    if (this.status !== 400 || !Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldError =>
        typeof d === 'object' && d !== null && typeof (d as FieldError).path === 'string',
    );
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

type UnauthenticatedHandler = () => void;

let onUnauthenticated: UnauthenticatedHandler = () => {
  const here = window.location.pathname + window.location.search;
  if (!window.location.pathname.startsWith('/login')) {
    window.location.assign(`/login?next=${encodeURIComponent(here)}`);
  }
};

/** The session layer replaces the default full-page redirect with a router navigation. */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler): void {
  onUnauthenticated = handler;
}

/** `/tasks` → `/api/tasks`, with the query string appended. */
export function apiUrl(path: string, query?: Query): string {
  const base = path.startsWith('/api/') ? path : `/api${path.startsWith('/') ? '' : '/'}${path}`;
  if (!query) return base;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${base}${base.includes('?') ? '&' : '?'}${qs}` : base;
}

export interface RequestOptions {
  query?: Query;
  signal?: AbortSignal;
}

async function request<T>(
  method: string,
  path: string,
  body: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'X-Requested-With': 'congressflow',
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, NETWORK_ERROR, 'network error');
  }

  if (response.status === 401 && !path.replace(/^\/api/, '').startsWith('/auth/login')) {
    onUnauthenticated();
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;

  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) return (await response.json()) as T;
  return (await response.text()) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryHeader = Number(response.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined;
  try {
    const payload = (await response.json()) as {
      code?: unknown;
      message?: unknown;
      details?: unknown;
    };
    if (payload && typeof payload.code === 'string') {
      return new ApiError(
        response.status,
        payload.code,
        typeof payload.message === 'string' ? payload.message : payload.code,
        payload.details,
        retryAfter,
      );
    }
  } catch {
    // not JSON (a proxy's error page, say): fall through to a generic error
  }
  return new ApiError(
    response.status,
    `HTTP_${response.status}`,
    response.statusText || 'error',
    undefined,
    retryAfter,
  );
}

export const api = {
  get: <T>(path: string, query?: Query, options?: Omit<RequestOptions, 'query'>) =>
    request<T>('GET', path, undefined, { ...options, query }),
  /** GET of a `text/*` resource (e.g. a BPMN XML); returns the body as a string. */
  getText: (path: string, query?: Query) => request<string>('GET', path, undefined, { query }),
  post: <T = void>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body, options),
  put: <T = void>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, body, options),
  patch: <T = void>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, body, options),
  delete: <T = void>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('DELETE', path, body, options),
};

/** The list shape of every paged route. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
