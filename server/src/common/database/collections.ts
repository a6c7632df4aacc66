import type { Collection, Document } from 'mongodb';
import type { Database } from '../../database/database';

/** A typed native-driver collection of the one open database. */
export function collectionOf<T extends Document>(database: Database, name: string): Collection<T> {
  const db = database.connection.db;
  if (!db) throw new Error(`the database is not open (collection ${name})`);
  return db.collection<T>(name);
}
