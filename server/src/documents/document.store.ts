import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../workflow/mongo-errors';
import { WorkflowKitError } from '../workflow/workflow-kit.error';

export interface DocumentRecord {
  /** Deterministic per rendering activity, so a handler that runs twice stores one document. */
  _id: string;
  district: string;
  instanceId: string;
  activityId: string;
  key: string;
  title: string;
  number?: string;
  html: string;
  createdAt: Date;
}

export type DocumentSummary = Omit<DocumentRecord, 'html'>;

/** Rendered official documents, attached to the instance that produced them. */
export class DocumentStore {
  private readonly collection: Collection<DocumentRecord>;

  constructor(connection: Connection) {
    if (!connection.db) throw new Error('DocumentStore needs an open connection');
    this.collection = connection.db.collection<DocumentRecord>('documents');
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ instanceId: 1, createdAt: 1 });
    await this.collection.createIndex({ district: 1, createdAt: -1 });
  }

  /** Stores the document unless one with its id exists; returns the stored one either way. */
  async save(record: DocumentRecord): Promise<DocumentRecord> {
    try {
      await this.collection.insertOne(record);
      return record;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return (await this.collection.findOne({ _id: record._id }))!;
    }
  }

  async find(id: string): Promise<DocumentRecord | null> {
    return this.collection.findOne({ _id: id });
  }

  /** A document of this district; another district's id is simply not found. */
  async get(district: string, id: string): Promise<DocumentRecord> {
    const doc = await this.collection.findOne({ _id: id, district });
    if (!doc) throw new WorkflowKitError('NOT_FOUND', '公文不存在');
    return doc;
  }

  async listByInstance(instanceId: string): Promise<DocumentSummary[]> {
    return this.collection
      .find({ instanceId }, { projection: { html: 0 } })
      .sort({ createdAt: 1, _id: 1 })
      .toArray();
  }
}
