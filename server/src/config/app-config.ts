import { isAbsolute, resolve } from 'node:path';
import { repoRoot } from '../common/repo-paths';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  host: string;
  port: number;
  /** Set → connect to this MongoDB-protocol server; unset → start the embedded FerretDB. */
  mongodbUri?: string;
  dbName: string;
  dataDir: string;
  toolsDir: string;
  logLevel: LogLevel;
  /** Chromium, which prints the official documents to PDF. */
  chromiumPath: string;
}

/** A bad environment variable; start-up stops with this message. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

/** Every variable the platform reads, with its default; README's configuration table mirrors this. */
export const CONFIG_VARIABLES = {
  HOST: '127.0.0.1',
  PORT: '3000',
  MONGODB_URI: '(unset: embedded FerretDB)',
  CONGRESSFLOW_DB_NAME: 'congressflow',
  CONGRESSFLOW_DATA_DIR: '.data',
  CONGRESSFLOW_TOOLS_DIR: '.tools',
  LOG_LEVEL: 'info',
  CONGRESSFLOW_CHROMIUM: '/usr/bin/chromium',
} as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const root = repoRoot();
  const text = (name: keyof typeof CONFIG_VARIABLES): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const dir = (name: keyof typeof CONFIG_VARIABLES, fallback: string): string => {
    const value = text(name) ?? fallback;
    return isAbsolute(value) ? value : resolve(root, value);
  };

  const portText = text('PORT') ?? CONFIG_VARIABLES.PORT;
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new ConfigError('PORT', `must be an integer from 0 to 65535, got "${portText}"`);
  }

  const mongodbUri = text('MONGODB_URI');
  if (mongodbUri !== undefined && !/^mongodb(\+srv)?:\/\/.+/.test(mongodbUri)) {
    throw new ConfigError('MONGODB_URI', 'must start with mongodb:// or mongodb+srv://');
  }

  const dbName = text('CONGRESSFLOW_DB_NAME') ?? CONFIG_VARIABLES.CONGRESSFLOW_DB_NAME;
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(dbName)) {
    throw new ConfigError('CONGRESSFLOW_DB_NAME', 'may hold only letters, digits, _ and - (1–63)');
  }

  const logLevel = (text('LOG_LEVEL') ?? CONFIG_VARIABLES.LOG_LEVEL) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }

  return {
    host: text('HOST') ?? CONFIG_VARIABLES.HOST,
    port,
    mongodbUri,
    dbName,
    dataDir: dir('CONGRESSFLOW_DATA_DIR', CONFIG_VARIABLES.CONGRESSFLOW_DATA_DIR),
    toolsDir: dir('CONGRESSFLOW_TOOLS_DIR', CONFIG_VARIABLES.CONGRESSFLOW_TOOLS_DIR),
    logLevel,
    chromiumPath: dir('CONGRESSFLOW_CHROMIUM', CONFIG_VARIABLES.CONGRESSFLOW_CHROMIUM),
  };
}
