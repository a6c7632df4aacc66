import { ConfigError } from '../config/app-config';

export type SecureCookieMode = 'auto' | 'always' | 'never';

/** Sessions, lock-out and the login rate limit; read from the environment at start-up. */
export interface AuthSettings {
  /** A session unused this long ends (sliding: every request pushes the end back). */
  sessionIdleMinutes: number;
  /** No session lives longer than this, however busy. */
  sessionMaxHours: number;
  /** This many failed logins for one username within `lockMinutes` lock it. */
  maxLoginFailures: number;
  /** The failure window, and so how long a lock lasts after the last counted failure. */
  lockMinutes: number;
  /** Login requests per minute from one client address (429 beyond). */
  loginRatePerMinute: number;
  /** `auto`: Secure when the request came over https (behind a proxy: with trustProxy set). */
  secureCookie: SecureCookieMode;
  /** Express `trust proxy`: unset (direct), `true`, a hop count, or addresses/subnets. */
  trustProxy?: boolean | number | string;
  /** bcrypt cost; 10 in production, lower only in tests. */
  bcryptRounds: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionIdleMinutes: 240,
  sessionMaxHours: 12,
  maxLoginFailures: 5,
  lockMinutes: 15,
  loginRatePerMinute: 20,
  secureCookie: 'auto',
  bcryptRounds: 10,
};

/** The variables, for the README table; each maps to a setting above. */
export const AUTH_VARIABLES = {
  CONGRESSFLOW_SESSION_IDLE_MINUTES: String(DEFAULT_AUTH_SETTINGS.sessionIdleMinutes),
  CONGRESSFLOW_SESSION_MAX_HOURS: String(DEFAULT_AUTH_SETTINGS.sessionMaxHours),
  CONGRESSFLOW_LOGIN_MAX_FAILURES: String(DEFAULT_AUTH_SETTINGS.maxLoginFailures),
  CONGRESSFLOW_LOGIN_LOCK_MINUTES: String(DEFAULT_AUTH_SETTINGS.lockMinutes),
  CONGRESSFLOW_LOGIN_RATE_PER_MINUTE: String(DEFAULT_AUTH_SETTINGS.loginRatePerMinute),
  CONGRESSFLOW_SECURE_COOKIE: DEFAULT_AUTH_SETTINGS.secureCookie,
  CONGRESSFLOW_TRUST_PROXY: '(unset)',
} as const;

export function loadAuthSettings(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const text = (name: keyof typeof AUTH_VARIABLES): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const integer = (name: keyof typeof AUTH_VARIABLES, fallback: number, max: number): number => {
    const value = text(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < 1 || parsed > max) {
      throw new ConfigError(name, `must be a whole number from 1 to ${max}, got "${value}"`);
    }
    return parsed;
  };

  const secureCookie = (text('CONGRESSFLOW_SECURE_COOKIE') ?? 'auto') as SecureCookieMode;
  if (!['auto', 'always', 'never'].includes(secureCookie)) {
    throw new ConfigError('CONGRESSFLOW_SECURE_COOKIE', 'must be auto, always or never');
  }

  return {
    sessionIdleMinutes: integer(
      'CONGRESSFLOW_SESSION_IDLE_MINUTES',
      DEFAULT_AUTH_SETTINGS.sessionIdleMinutes,
      7 * 24 * 60,
    ),
    sessionMaxHours: integer(
      'CONGRESSFLOW_SESSION_MAX_HOURS',
      DEFAULT_AUTH_SETTINGS.sessionMaxHours,
      30 * 24,
    ),
    maxLoginFailures: integer(
      'CONGRESSFLOW_LOGIN_MAX_FAILURES',
      DEFAULT_AUTH_SETTINGS.maxLoginFailures,
      100,
    ),
    lockMinutes: integer(
      'CONGRESSFLOW_LOGIN_LOCK_MINUTES',
      DEFAULT_AUTH_SETTINGS.lockMinutes,
      24 * 60,
    ),
    loginRatePerMinute: integer(
      'CONGRESSFLOW_LOGIN_RATE_PER_MINUTE',
      DEFAULT_AUTH_SETTINGS.loginRatePerMinute,
      10_000,
    ),
    secureCookie,
    trustProxy: parseTrustProxy(text('CONGRESSFLOW_TRUST_PROXY')),
    bcryptRounds: DEFAULT_AUTH_SETTINGS.bcryptRounds,
  };
}

function parseTrustProxy(value: string | undefined): AuthSettings['trustProxy'] {
  if (value === undefined || value === 'false') return undefined;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value; // addresses, subnets or names such as "loopback", as Express reads them
}
