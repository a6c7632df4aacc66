export { TimerStartSchedule, TIMER_START_JOB, type TimerStartDeps } from './timer-start.schedule';
