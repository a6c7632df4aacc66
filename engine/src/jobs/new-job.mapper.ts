import { EngineError } from '../engine.error';
import { slotsOf } from './job-slots';
import type { JobDocument } from './job.schema';
import type { JobState } from './job.types';
import { DEFAULT_MAX_ATTEMPTS, type NewJob } from './job.types';

/** Checks a job to schedule and turns it into its first stored version. */
export function toJobDocument(job: NewJob, now: Date): JobDocument {
  const problems: string[] = [];
  if (typeof job.id !== 'string' || job.id.length === 0)
    problems.push('id must be a non-empty string');
  if (typeof job.kind !== 'string' || job.kind.length === 0)
    problems.push('kind must be a non-empty string');
  if (!(job.dueAt instanceof Date) || Number.isNaN(job.dueAt.getTime()))
    problems.push('dueAt must be a valid Date');
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    problems.push('maxAttempts must be a whole number of at least 1');
  const payload = serialize(job.payload ?? {}, problems);
  if (problems.length > 0)
    throw new EngineError('INVALID_ARGUMENT', `Cannot schedule job ${String(job.id)}`, problems);
  const state: JobState = {
    status: 'pending',
    dueAt: job.dueAt,
    attempts: 0,
    lockOwner: null,
    lockedUntil: null,
    lastError: null,
    updatedAt: now,
  };
  return {
    _id: job.id,
    kind: job.kind,
    instanceId: job.instanceId ?? null,
    district: job.district ?? null,
    payload,
    maxAttempts,
    createdAt: now,
    version: 0,
    ...state,
    ...slotsOf(state),
  };
}

function serialize(payload: unknown, problems: string[]): string {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    problems.push('payload must be a plain object');
    return '{}';
  }
  try {
    return JSON.stringify(payload);
  } catch (error) {
    problems.push(`payload is not JSON: ${(error as Error).message}`);
    return '{}';
  }
}
