import { type Connection, type Model, type mongo, Schema } from 'mongoose';
import { EngineError } from '../engine.error';
import type { JobSlots } from './job-slots';
import type { Job, JobState } from './job.types';

/**
 * A job as stored. The mutable fields mirror the state of `version`, the latest version this
 * document has caught up with; the version log may hold newer ones (see job-version.store.ts).
 * The slots are derived from that state (job-slots.ts); copies written before they existed lack
 * them until `JobRepository.ensureIndexes` files them.
 */
export interface JobDocument extends JobState, Partial<JobSlots> {
  _id: string;
  kind: string;
  instanceId: string | null;
  district: string | null;
  /** JSON text: user data may have keys with '.' or a leading '$', which documents cannot hold. */
  payload: string;
  maxAttempts: number;
  createdAt: Date;
  version: number;
}

/** One committed transition; its unique _id is what makes a change atomic on every backend. */
export interface JobVersionDocument {
  _id: string;
  jobId: string;
  version: number;
  state: JobState;
}

const stateFields = {
  status: { type: String, required: true },
  dueAt: { type: Date, required: true },
  attempts: { type: Number, required: true },
  lockOwner: { type: String, default: null },
  lockedUntil: { type: Date, default: null },
  lastError: { type: String, default: null },
  updatedAt: { type: Date, required: true },
} as const;

// autoIndex off: index builds are the caller's explicit step (ensureIndexes), never a background
// side effect of constructing a repository.
const jobSchema = new Schema<JobDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    instanceId: { type: String, default: null },
    district: { type: String, default: null },
    payload: { type: String, required: true },
    maxAttempts: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    version: { type: Number, required: true },
    wakeHour: { type: Number, default: null },
    wakeDay: { type: Number, default: null },
    doneDay: { type: Number, default: null },
    ...stateFields,
  },
  { versionKey: false, autoIndex: false, autoCreate: false },
);
jobSchema.index({ wakeHour: 1 });
jobSchema.index({ wakeDay: 1 });
jobSchema.index({ doneDay: 1 });
jobSchema.index({ instanceId: 1, status: 1 });
jobSchema.index({ kind: 1, status: 1 });

const versionSchema = new Schema<JobVersionDocument>(
  {
    _id: { type: String, required: true },
    jobId: { type: String, required: true },
    version: { type: Number, required: true },
    state: new Schema(stateFields, { _id: false }),
  },
  { versionKey: false, autoIndex: false, autoCreate: false },
);
versionSchema.index({ jobId: 1, version: 1 });

export interface JobModels {
  jobs: Model<JobDocument>;
  versions: Model<JobVersionDocument>;
}

/** Reuses the models when several repositories share a connection and a collection. */
export function jobModels(connection: Connection, collection: string): JobModels {
  const model = <T>(name: string, schema: Schema<T>, collectionName: string): Model<T> =>
    (connection.models[name] as Model<T> | undefined) ??
    connection.model<T>(name, schema, collectionName);
  return {
    jobs: model(`engine-job:${collection}`, jobSchema, collection),
    versions: model(`engine-job-version:${collection}`, versionSchema, `${collection}_versions`),
  };
}

/** The driver's collection, typed: inserts bypass mongoose so a duplicate-key error stays plain. */
export function rawCollection<T extends { _id: string }>(model: Model<T>): mongo.Collection<T> {
  return model.collection as unknown as mongo.Collection<T>;
}

/** The version log's _id: the version follows the last '@', so any job id maps to distinct ids. */
export function versionId(jobId: string, version: number): string {
  return `${jobId}@${version}`;
}

export function stateOf(doc: JobState): JobState {
  return {
    status: doc.status,
    dueAt: doc.dueAt,
    attempts: doc.attempts,
    lockOwner: doc.lockOwner ?? null,
    lockedUntil: doc.lockedUntil ?? null,
    lastError: doc.lastError ?? null,
    updatedAt: doc.updatedAt,
  };
}

export function toJob(doc: JobDocument): Job {
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(doc.payload) as Record<string, unknown>;
  } catch (cause) {
    throw new EngineError('STORAGE_FAILED', `Job ${doc._id} has an unreadable payload`, undefined, {
      cause,
    });
  }
  return {
    id: doc._id,
    kind: doc.kind,
    ...(doc.instanceId != null && { instanceId: doc.instanceId }),
    ...(doc.district != null && { district: doc.district }),
    dueAt: doc.dueAt,
    payload,
    status: doc.status,
    attempts: doc.attempts,
    maxAttempts: doc.maxAttempts,
    ...(doc.lockOwner != null && { lockOwner: doc.lockOwner }),
    ...(doc.lockedUntil != null && { lockedUntil: doc.lockedUntil }),
    ...(doc.lastError != null && { lastError: doc.lastError }),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
