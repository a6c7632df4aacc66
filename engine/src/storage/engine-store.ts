import type { Connection } from 'mongoose';
import type { Collection, Document } from 'mongodb';
import type {
  BusinessKeyDoc,
  DeploymentDoc,
  HistoryDoc,
  InstanceDoc,
  RevisionDoc,
  SubscriptionDoc,
  TaskDoc,
} from './documents';
import { FeedDirectory } from '../events/feed-directory';
import { type Clock, systemClock } from '../clock';
import { TaskListStore } from './tasks/lists/task-list.store';
import { MongoTaskRepository } from './tasks/mongo-task.repository';
import type { TaskRepository } from './tasks/task.repository';

/**
 * The engine's collections on a MongoDB-protocol database (MongoDB or FerretDB). No transactions,
 * no $lookup, no partial or TTL indexes — and no reliance on conditional updates being atomic:
 * FerretDB 1.24 lets several concurrent `updateOne({rev: n})` calls all match. The one
 * primitive both servers make atomic is inserting a unique _id, so races are decided by inserts.
 */
export class EngineStore {
  readonly deployments: Collection<DeploymentDoc>;
  readonly instances: Collection<InstanceDoc>;
  readonly tasks: Collection<TaskDoc>;
  readonly history: Collection<HistoryDoc>;
  /** The event feed: a copy of each history event with its feed key, pruned once consumed. */
  readonly feed: Collection<HistoryDoc>;
  /** Which seconds of the feed hold entries (events/feed-directory.ts). */
  readonly feedDirectory: FeedDirectory;
  readonly revisions: Collection<RevisionDoc>;
  readonly subscriptions: Collection<SubscriptionDoc>;
  /** Reads and writes of task documents, with the inbox's indexes. */
  readonly taskRepository: TaskRepository;
  /** Business-key numbers taken, and where each scope's count stands (read by `_id` only). */
  readonly businessKeys: Collection<BusinessKeyDoc>;

  constructor(
    readonly connection: Connection,
    prefix = 'engine_',
    clock: Clock = systemClock,
  ) {
    const db = connection.db;
    if (!db) throw new Error('EngineStore needs an open connection');
    const collection = <T extends Document>(name: string) => db.collection<T>(`${prefix}${name}`);
    this.deployments = collection<DeploymentDoc>('deployments');
    this.instances = collection<InstanceDoc>('instances');
    this.tasks = collection<TaskDoc>('tasks');
    this.history = collection<HistoryDoc>('history');
    this.feed = collection<HistoryDoc>('feed');
    this.feedDirectory = new FeedDirectory(collection('feed_slots'));
    this.revisions = collection<RevisionDoc>('revisions');
    this.subscriptions = collection<SubscriptionDoc>('subscriptions');
    this.businessKeys = collection<BusinessKeyDoc>('business_keys');
    this.taskRepository = new MongoTaskRepository(
      this.tasks,
      new TaskListStore(collection('task_lists'), collection('task_list_changes')),
      clock,
    );
  }

  /**
   * The indexes the inbox, the scheduler and the instance list query by; on a store from before
   * the feed directory, files the feed in it (once).
   */
  async ensureIndexes(now: Date): Promise<void> {
    await Promise.all([
      this.deployments.createIndex({ district: 1, key: 1, version: -1 }, { unique: true }),
      this.instances.createIndex({ district: 1, status: 1, processKey: 1 }),
      this.instances.createIndex({ district: 1, businessKey: 1 }),
      this.instances.createIndex({ district: 1, starter: 1, startedAt: -1 }),
      this.instances.createIndex({ outbox: 1 }),
      this.instances.createIndex({ 'parent.instanceId': 1 }),
      this.taskRepository.ensureIndexes(),
      this.history.createIndex({ instanceId: 1, rev: 1, seq: 1 }),
      // a user's history (historyOfUser); the event feed, engine-wide or per district
      this.history.createIndex({ district: 1, userId: 1, at: -1, _id: -1 }),
      this.feed.createIndex({ feedSecond: 1 }),
      this.feed.createIndex({ feedHour: 1 }),
      this.feedDirectory.ensureIndexes(),
      // revision pruning looks for old claims
      this.revisions.createIndex({ claimedAt: 1 }),
      this.revisions.createIndex({ instanceId: 1, rev: 1 }),
      this.subscriptions.createIndex({ district: 1, kind: 1, name: 1, open: 1 }),
      this.subscriptions.createIndex({ instanceId: 1 }),
    ]);
    await this.feedDirectory.fileExisting(this.feed, now);
  }
}

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}
