import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useT } from '../../../shared/i18n';
import './calendar-messages';
import { toRanges, type CalendarData } from './calendar-model';

const short = (date: string) => date.slice(5);

/** The year's holidays as ranges and its make-up working days, to check against the notice. */
export function YearSummary({ year, calendar }: { year: number; calendar: CalendarData }) {
  const t = useT();
  const prefix = `${year}-`;
  const holidays = toRanges(calendar.holidays.filter((d) => d.startsWith(prefix)));
  const workdays = calendar.workdays.filter((d) => d.startsWith(prefix));
  const none = <Typography.Text type="secondary">{t('adminCalendar.none')}</Typography.Text>;
  return (
    <Card size="small" style={{ marginTop: 16 }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('adminCalendar.holidaysOfYear')}>
          {holidays.length === 0 ? (
            none
          ) : (
            <Space size={[6, 6]} wrap>
              {holidays.map((range) => (
                <Tag key={range.from} color="red" style={{ marginInlineEnd: 0 }}>
                  {range.days === 1
                    ? short(range.from)
                    : `${short(range.from)} – ${short(range.to)}`}
                  {range.days > 1 && ` · ${t('adminCalendar.rangeDays', { days: range.days })}`}
                </Tag>
              ))}
            </Space>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('adminCalendar.workdaysOfYear')}>
          {workdays.length === 0 ? (
            none
          ) : (
            <Space size={[6, 6]} wrap>
              {workdays.map((date) => (
                <Tag key={date} color="blue" style={{ marginInlineEnd: 0 }}>
                  {short(date)}
                </Tag>
              ))}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
