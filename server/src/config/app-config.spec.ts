import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      dbName: 'congressflow',
      logLevel: 'info',
    });
    expect(config.mongodbUri).toBeUndefined();
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.toolsDir).toMatch(/\.tools$/);
    expect(config.chromiumPath).toBe('/usr/bin/chromium');
  });

  it('reads MONGODB_URI, PORT and an absolute data folder', () => {
    const config = loadConfig({
      MONGODB_URI: 'mongodb://db:27017',
      PORT: '8080',
      CONGRESSFLOW_DATA_DIR: '/srv/cf',
      CONGRESSFLOW_CHROMIUM: '/opt/chromium/chrome',
    });
    expect(config).toMatchObject({
      mongodbUri: 'mongodb://db:27017',
      port: 8080,
      dataDir: '/srv/cf',
      chromiumPath: '/opt/chromium/chrome',
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['MONGODB_URI', 'postgres://x'],
    ['LOG_LEVEL', 'loud'],
    ['CONGRESSFLOW_DB_NAME', 'has space'],
  ])('rejects a bad %s and names the variable', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(variable);
  });
});
