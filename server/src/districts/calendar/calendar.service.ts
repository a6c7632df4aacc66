import { Inject, Injectable } from '@nestjs/common';
import {
  CHINA_MAINLAND_CALENDAR,
  type CalendarData,
  type Clock,
  WorkingCalendar,
} from '../../../../engine/src';
import { collectionOf } from '../../common/database/collections';
import {
  DistrictScopedCollection,
  type DistrictRecord,
} from '../../common/database/district-scoped-collection';
import { AppError, type FieldProblem } from '../../common/errors/app-error';
import { CLOCK, DATABASE } from '../../common/tokens';
import type { Database } from '../../database/database';

/** `calendars`: one per district, `_id` = the district. Weekend and time zone are China's. */
interface CalendarDoc extends DistrictRecord {
  holidays: string[];
  workdays: string[];
  updatedAt: Date;
  updatedBy?: string;
}

export interface DistrictCalendar {
  holidays: string[];
  workdays: string[];
}

/**
 * Each district's working calendar, which due dates in working days (`P10WD`) count on. Until a
 * district saves its own, it has the State Council's holidays (engine's CHINA_MAINLAND_CALENDAR).
 */
@Injectable()
export class CalendarService {
  private readonly calendars: DistrictScopedCollection<CalendarDoc>;

  constructor(
    @Inject(DATABASE) database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.calendars = new DistrictScopedCollection(collectionOf<CalendarDoc>(database, 'calendars'));
  }

  async get(district: string): Promise<DistrictCalendar> {
    const doc = await this.calendars.in(district).findById(district);
    if (!doc)
      return {
        holidays: [...CHINA_MAINLAND_CALENDAR.holidays],
        workdays: [...CHINA_MAINLAND_CALENDAR.workdays],
      };
    return { holidays: doc.holidays, workdays: doc.workdays };
  }

  /** The engine's form of the district's calendar, for whoever computes due dates. */
  async calendarOf(district: string): Promise<CalendarData> {
    return { ...CHINA_MAINLAND_CALENDAR, ...(await this.get(district)) };
  }

  async put(district: string, input: DistrictCalendar, by?: string): Promise<DistrictCalendar> {
    const holidays = [...input.holidays].sort();
    const workdays = [...input.workdays].sort();
    const problems = calendarProblems(input);
    if (problems.length > 0) throw AppError.validation(problems);
    // The engine's own check is the last word on what it can count with.
    new WorkingCalendar({ ...CHINA_MAINLAND_CALENDAR, holidays, workdays });

    const view = this.calendars.in(district);
    const set = { holidays, workdays, updatedAt: this.clock.now(), ...(by && { updatedBy: by }) };
    const { matched } = await view.updateOne({ _id: district }, { $set: set });
    if (matched === 0) {
      await view.insertOne({ _id: district, ...set }).catch(async () => {
        // Saved concurrently by someone else first: ours is the later write.
        await view.updateOne({ _id: district }, { $set: set });
      });
    }
    return { holidays, workdays };
  }
}

/** Dates that do not exist, a day both off and on, a make-up workday that is not a weekend. */
export function calendarProblems(input: DistrictCalendar): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const holidays = new Set(input.holidays);
  input.holidays.forEach((date, index) => {
    if (!isRealDate(date)) problems.push({ path: `holidays[${index}]`, message: '不是有效日期' });
  });
  input.workdays.forEach((date, index) => {
    const path = `workdays[${index}]`;
    if (!isRealDate(date)) problems.push({ path, message: '不是有效日期' });
    else if (holidays.has(date))
      problems.push({ path, message: '同一天不能既是节假日又是调休工作日' });
    else if (!isWeekend(date)) problems.push({ path, message: '调休工作日须为周六或周日' });
  });
  return problems;
}

function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}
