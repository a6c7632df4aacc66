import { CSRF_HEADER, CSRF_VALUE } from '../../server/src/auth/csrf';
import { passwordOf } from './e2e-env';

/**
 * Plain HTTP calls to the e2e server, for the parts of a browser test that set the scene
 * (district parameters, a second district) or check an address outside the page.
 */

export interface E2eApiRequest {
  method?: string;
  cookie?: string;
  body?: unknown;
}

export interface E2eApiResponse {
  status: number;
  /** `cf_session=…` when the server set a session cookie. */
  cookie?: string;
  body: Record<string, unknown>;
}

export async function e2eApi(
  baseUrl: string,
  path: string,
  init: E2eApiRequest = {},
): Promise<E2eApiResponse> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      [CSRF_HEADER]: CSRF_VALUE,
      ...(init.cookie && { cookie: init.cookie }),
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // a file or page, not JSON: the status is what the caller checks
  }
  return {
    status: response.status,
    cookie: response.headers
      .getSetCookie()
      .find((c) => c.startsWith('cf_session='))
      ?.split(';')[0],
    body,
  };
}

/** Signs in over the API and returns the session cookie. */
export async function e2eApiSignIn(
  baseUrl: string,
  username: string,
  password = passwordOf(username),
): Promise<string> {
  const login = await e2eApi(baseUrl, '/api/auth/login', {
    method: 'POST',
    body: { username, password },
  });
  if (!login.cookie) throw new Error(`sign-in of ${username} failed with ${login.status}`);
  return login.cookie;
}
