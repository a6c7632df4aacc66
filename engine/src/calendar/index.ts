export {
  type CalendarData,
  DEFAULT_UTC_OFFSET_MINUTES,
  DEFAULT_WEEKEND,
  validateCalendarData,
  WorkingCalendar,
} from './working-calendar';
export {
  addIsoDuration,
  type DueDateContext,
  type DueSpec,
  type IsoDuration,
  parseDueSpec,
  parseIsoDuration,
  resolveDueDate,
  validateDueSpec,
} from './due-date';
export {
  nextTimerDue,
  type TimerContext,
  type TimerDefinition,
  type TimerDue,
  type TimerKind,
  validateTimer,
} from './timer-schedule';
export { CHINA_MAINLAND_CALENDAR } from './china-holidays';
export {
  previewSchedule,
  type ScheduleKind,
  type ScheduleOccurrence,
  type SchedulePreview,
} from './schedule-preview';
