import { Card } from 'antd';
import dayjs from 'dayjs';
import { memo } from 'react';
import { useLanguage, useT } from '../../../shared/i18n';
import '../admin.css';
import './calendar-messages';
import { isWeekend, markOf, monthCells, type CalendarData } from './calendar-model';

/** One month of the year view: Monday-first weeks, each day a button coloured by its mark. */
export const MonthGrid = memo(function MonthGrid({
  year,
  month,
  calendar,
  today,
  onDay,
}: {
  year: number;
  month: number;
  calendar: CalendarData;
  today: string;
  onDay: (date: string) => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const title =
    language === 'en'
      ? dayjs(`${year}-${String(month).padStart(2, '0')}-01`).format('MMMM')
      : t('adminCalendar.months', { month });
  return (
    <Card size="small" title={title} styles={{ body: { padding: 8 } }}>
      <div className="cf-cal-month">
        {t('adminCalendar.weekdays')
          .split(',')
          .map((name) => (
            <div key={name} className="cf-cal-head">
              {name}
            </div>
          ))}
        {monthCells(year, month).map((date, index) => {
          if (!date) return <div key={`blank-${index}`} />;
          const mark = markOf(calendar, date);
          const weekend = isWeekend(date);
          const state = mark ?? (weekend ? 'weekend' : 'normal');
          const classes = ['cf-cal-day'];
          if (weekend) classes.push('is-weekend');
          if (mark) classes.push(`is-${mark}`);
          if (date === today) classes.push('is-today');
          return (
            <button
              key={date}
              type="button"
              className={classes.join(' ')}
              aria-label={t('adminCalendar.dayLabel', {
                date,
                state: t(`adminCalendar.state.${state}`),
              })}
              title={t(`adminCalendar.state.${state}`)}
              onClick={() => onDay(date)}
            >
              {Number(date.slice(8))}
              {mark && <span className="cf-cal-mark">{t(`adminCalendar.marks.${mark}`)}</span>}
            </button>
          );
        })}
      </div>
    </Card>
  );
});
