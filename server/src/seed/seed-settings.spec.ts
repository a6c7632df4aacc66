import { ConfigError } from '../config/app-config';
import { loadSeedSettings } from './seed-settings';

describe('loadSeedSettings', () => {
  it('seeds the demo with random passwords by default', () => {
    expect(loadSeedSettings({})).toEqual({
      demo: true,
      adminPassword: undefined,
      demoPassword: undefined,
    });
  });

  it('takes chosen passwords that pass the policy', () => {
    expect(
      loadSeedSettings({
        CONGRESSFLOW_SEED_DEMO: 'false',
        CONGRESSFLOW_ADMIN_PASSWORD: 'Platform-2026',
      }),
    ).toEqual({ demo: false, adminPassword: 'Platform-2026', demoPassword: undefined });
  });

  it('stops start-up on a weak password or a bad flag, naming the variable', () => {
    expect(() => loadSeedSettings({ CONGRESSFLOW_DEMO_PASSWORD: 'demo' })).toThrow(ConfigError);
    expect(() => loadSeedSettings({ CONGRESSFLOW_DEMO_PASSWORD: 'demo' })).toThrow(
      'CONGRESSFLOW_DEMO_PASSWORD',
    );
    expect(() => loadSeedSettings({ CONGRESSFLOW_SEED_DEMO: 'yes' })).toThrow(
      'CONGRESSFLOW_SEED_DEMO',
    );
  });
});
