export { type Backoff, defaultBackoff, exponentialBackoff } from './job-backoff';
export type { ExponentialBackoffOptions } from './job-backoff';
export { JobRepository, type JobRepositoryOptions } from './job.repository';
export { JobScheduler, jobOwnerId, type JobSchedulerOptions } from './job-scheduler';
export {
  DEFAULT_MAX_ATTEMPTS,
  type Job,
  type JobFilter,
  type JobHandler,
  type JobStatus,
  type NewJob,
} from './job.types';
