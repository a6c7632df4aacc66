import type { Connection } from 'mongoose';
import type { Collection, Document } from 'mongodb';
import type { DeploymentDoc, HistoryDoc, InstanceDoc, RevisionDoc, TaskDoc } from './documents';

/**
 * The engine's collections on a MongoDB-protocol database (MongoDB or FerretDB). No transactions,
 * no $lookup, no partial or TTL indexes — and no reliance on conditional updates being atomic:
 * FerretDB 1.24 on SQLite lets several concurrent `updateOne({rev: n})` calls all match. The one
 * primitive both servers make atomic is inserting a unique _id, so races are decided by inserts.
 */
export class EngineStore {
  readonly deployments: Collection<DeploymentDoc>;
  readonly instances: Collection<InstanceDoc>;
  readonly tasks: Collection<TaskDoc>;
  readonly history: Collection<HistoryDoc>;
  readonly revisions: Collection<RevisionDoc>;

  constructor(
    readonly connection: Connection,
    prefix = 'engine_',
  ) {
    const db = connection.db;
    if (!db) throw new Error('EngineStore needs an open connection');
    const collection = <T extends Document>(name: string) => db.collection<T>(`${prefix}${name}`);
    this.deployments = collection<DeploymentDoc>('deployments');
    this.instances = collection<InstanceDoc>('instances');
    this.tasks = collection<TaskDoc>('tasks');
    this.history = collection<HistoryDoc>('history');
    this.revisions = collection<RevisionDoc>('revisions');
  }

  /** The indexes the inbox, the scheduler and the instance list query by. */
  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.deployments.createIndex({ district: 1, key: 1, version: -1 }, { unique: true }),
      this.instances.createIndex({ district: 1, status: 1, processKey: 1 }),
      this.instances.createIndex({ district: 1, businessKey: 1 }),
      this.instances.createIndex({ outbox: 1 }),
      this.instances.createIndex({ 'parent.instanceId': 1 }),
      this.tasks.createIndex({ district: 1, assignee: 1, status: 1 }),
      this.tasks.createIndex({ district: 1, candidateGroups: 1, status: 1 }),
      this.tasks.createIndex({ district: 1, candidateUsers: 1, status: 1 }),
      this.tasks.createIndex({ district: 1, completedBy: 1, status: 1 }),
      this.tasks.createIndex({ district: 1, viewers: 1 }),
      this.tasks.createIndex({ status: 1, dueAt: 1 }),
      this.tasks.createIndex({ instanceId: 1, status: 1 }),
      this.history.createIndex({ instanceId: 1, rev: 1, seq: 1 }),
      this.revisions.createIndex({ instanceId: 1, rev: 1 }),
      this.history.createIndex({ userId: 1, at: -1 }),
    ]);
  }
}

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}
