import { ConfigError } from '../config/app-config';
import { loadPlatformSettings } from './platform-settings';

describe('loadPlatformSettings', () => {
  it('has defaults and takes 0 as off', () => {
    expect(loadPlatformSettings({})).toEqual({
      jobPollMs: 1000,
      notificationPollMs: 2000,
      maintenanceMs: 3_600_000,
      taskListCompactMs: 2000,
      deliveryRetryMs: 30_000,
    });
    expect(loadPlatformSettings({ CONGRESSFLOW_JOB_POLL_MS: '0' }).jobPollMs).toBe(0);
  });

  it('names the variable that holds a bad value', () => {
    expect(() => loadPlatformSettings({ CONGRESSFLOW_NOTIFICATION_POLL_MS: '2s' })).toThrow(
      new ConfigError(
        'CONGRESSFLOW_NOTIFICATION_POLL_MS',
        'must be milliseconds from 0 (off) to 86400000',
      ),
    );
  });
});
