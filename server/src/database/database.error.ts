/** Why the database could not be made ready; `code` lets callers and the API tell them apart. */
export type DatabaseErrorCode =
  | 'GO_NOT_FOUND'
  | 'GO_TOO_OLD'
  | 'FERRETDB_BUILD_FAILED'
  | 'FERRETDB_START_FAILED'
  | 'DATABASE_UNREACHABLE'
  | 'POSTGRES_START_FAILED'
  | 'SQLITE_DATA_FOUND';

export class DatabaseError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseError';
  }
}

export const GO_MISSING_MESSAGE =
  'CongressFlow needs a database. No MONGODB_URI is set, so it tries to run its embedded ' +
  'FerretDB (a MongoDB-compatible server on PostgreSQL), which is built once from source with Go — ' +
  'but no usable Go toolchain was found on this machine. Either install Go 1.24 or newer ' +
  '(https://go.dev/doc/install, or your package manager) and start again, or set MONGODB_URI ' +
  'to a running MongoDB server (for example mongodb://127.0.0.1:27017) to use that instead.';
