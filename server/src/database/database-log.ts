/** The little the database module needs of a logger, so scripts and tests can pass console-like sinks. */
export interface DatabaseLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export const silentLog: DatabaseLog = { info: () => undefined, warn: () => undefined };

export const consoleLog: DatabaseLog = {
  info: (message, fields) => console.log(`[db] ${message}`, fields ?? ''),
  warn: (message, fields) => console.warn(`[db] ${message}`, fields ?? ''),
};
