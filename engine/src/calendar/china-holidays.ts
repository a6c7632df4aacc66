import { type CalendarData } from './working-calendar';

/**
 * Mainland China public holidays and make-up working days (调休) for 2025 and 2026, from the
 * State Council General Office notices (国务院办公厅关于部分节假日安排的通知).
 *
 * This is default seed data only: each district owns and edits its own calendar, and whoever
 * maintains it must check these dates against the official notice and add each new year when
 * the State Council publishes it (usually in November). Dates after 2026 are not covered, so
 * they count as ordinary weekdays and weekends.
 */
export const CHINA_MAINLAND_CALENDAR: CalendarData = {
  weekend: [0, 6],
  utcOffsetMinutes: 480,
  holidays: [
    // 2025
    '2025-01-01', // 元旦
    ...dateRange('2025-01-28', '2025-02-04'), // 春节
    ...dateRange('2025-04-04', '2025-04-06'), // 清明节
    ...dateRange('2025-05-01', '2025-05-05'), // 劳动节
    ...dateRange('2025-05-31', '2025-06-02'), // 端午节
    ...dateRange('2025-10-01', '2025-10-08'), // 国庆节、中秋节
    // 2026
    ...dateRange('2026-01-01', '2026-01-03'), // 元旦
    ...dateRange('2026-02-15', '2026-02-23'), // 春节
    ...dateRange('2026-04-04', '2026-04-06'), // 清明节
    ...dateRange('2026-05-01', '2026-05-05'), // 劳动节
    ...dateRange('2026-06-19', '2026-06-21'), // 端午节
    ...dateRange('2026-09-25', '2026-09-27'), // 中秋节
    ...dateRange('2026-10-01', '2026-10-07'), // 国庆节
  ],
  workdays: [
    // 2025
    '2025-01-26', // 春节 (Sunday)
    '2025-02-08', // 春节 (Saturday)
    '2025-04-27', // 劳动节 (Sunday)
    '2025-09-28', // 国庆节 (Sunday)
    '2025-10-11', // 国庆节 (Saturday)
    // 2026
    '2026-01-04', // 元旦 (Sunday)
    '2026-02-14', // 春节 (Saturday)
    '2026-02-28', // 春节 (Saturday)
    '2026-05-09', // 劳动节 (Saturday)
    '2026-09-20', // 国庆节 (Sunday)
    '2026-10-10', // 国庆节 (Saturday)
  ],
};

/** Inclusive list of 'YYYY-MM-DD' dates; spelling out every day of a 9-day break invites typos. */
function dateRange(first: string, last: string): string[] {
  const dates: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let at = Date.parse(`${first}T00:00:00Z`); at <= end; at += 86_400_000) {
    dates.push(new Date(at).toISOString().slice(0, 10));
  }
  return dates;
}
