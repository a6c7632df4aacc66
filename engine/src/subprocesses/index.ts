export {
  callActivityHook,
  childInstanceId,
  CALL_CANCEL_JOB,
  CALL_ERROR_JOB,
  CALL_ESCALATION_JOB,
  CALL_INCIDENT_JOB,
  CALL_RESUME_JOB,
  CALL_START_JOB,
} from './call-activity.hook';
export { CallActivityJobs, type CallActivityJobDeps } from './call-activity.jobs';
export { calledProcessWarnings } from './called-process-check';
