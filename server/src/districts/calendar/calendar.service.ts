import { Inject, Injectable } from '@nestjs/common';
import {
  CHINA_MAINLAND_CALENDAR,
  type CalendarData,
  type Clock,
  isEngineError,
  previewSchedule,
  type ScheduleKind,
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

export interface CalendarPreview {
  occurrences: { at: string; localDate: string; weekday: number; workingDay: boolean }[];
  total: number | null;
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

  /**
   * When a timer or due date reached now would fall due, by the engine's own schedule on this
   * district's calendar: what the designer previews is what the runtime will do.
   */
  async preview(
    district: string,
    query: { kind: ScheduleKind; value: string; count?: number },
  ): Promise<CalendarPreview> {
    const value = query.value.trim();
    if (value.startsWith('=') || value.startsWith('${'))
      throw AppError.field('value', '表达式的值要到流程运行时才能算出，无法预览');
    const calendar = new WorkingCalendar(await this.calendarOf(district));
    try {
      const preview = previewSchedule(
        { kind: query.kind, value },
        { now: this.clock.now(), calendar, count: query.count ?? 5 },
      );
      return {
        occurrences: preview.occurrences.map((o) => ({ ...o, at: o.at.toISOString() })),
        total: preview.total,
      };
    } catch (error) {
      // the runtime's own reason, so the designer shows exactly why publishing would refuse it
      if (isEngineError(error, 'INVALID_ARGUMENT'))
        throw AppError.field('value', `无法按此设置计算：${error.message}`);
      throw error;
    }
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
