import { ConfigError } from '../config/app-config';
import { DEFAULT_AUTH_SETTINGS, loadAuthSettings } from './auth-settings';

describe('loadAuthSettings', () => {
  it('has the documented defaults', () => {
    expect(loadAuthSettings({})).toEqual({ ...DEFAULT_AUTH_SETTINGS, trustProxy: undefined });
  });

  it('reads every variable', () => {
    expect(
      loadAuthSettings({
        CONGRESSFLOW_SESSION_IDLE_MINUTES: '30',
        CONGRESSFLOW_SESSION_MAX_HOURS: '8',
        CONGRESSFLOW_LOGIN_MAX_FAILURES: '3',
        CONGRESSFLOW_LOGIN_LOCK_MINUTES: '20',
        CONGRESSFLOW_LOGIN_RATE_PER_MINUTE: '60',
        CONGRESSFLOW_SECURE_COOKIE: 'always',
        CONGRESSFLOW_TRUST_PROXY: '1',
      }),
    ).toMatchObject({
      sessionIdleMinutes: 30,
      sessionMaxHours: 8,
      maxLoginFailures: 3,
      lockMinutes: 20,
      loginRatePerMinute: 60,
      secureCookie: 'always',
      trustProxy: 1,
    });
    expect(loadAuthSettings({ CONGRESSFLOW_TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
  });

  it.each([
    ['CONGRESSFLOW_LOGIN_MAX_FAILURES', '0'],
    ['CONGRESSFLOW_SESSION_IDLE_MINUTES', 'ten'],
    ['CONGRESSFLOW_SECURE_COOKIE', 'yes'],
  ])('stops start-up on a bad %s, naming it', (variable, value) => {
    expect(() => loadAuthSettings({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadAuthSettings({ [variable]: value })).toThrow(variable);
  });
});
