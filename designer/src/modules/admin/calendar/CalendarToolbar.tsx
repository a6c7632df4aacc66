import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Segmented, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type CSSProperties } from 'react';
import { useT } from '../../../shared/i18n';
import '../admin.css';
import './calendar-messages';
import type { Brush } from './calendar-model';

const LEGEND: { key: string; style: CSSProperties }[] = [
  { key: 'normal', style: { background: '#fff' } },
  { key: 'weekend', style: { background: '#f7f7f7' } },
  { key: 'holiday', style: { background: '#fff1f0', borderColor: '#ffa39e' } },
  { key: 'workday', style: { background: '#e6f4ff', borderColor: '#91caff' } },
];

/** Year switch, the brush a click applies, marking a whole range, and the legend. */
export function CalendarToolbar({
  year,
  onYear,
  brush,
  onBrush,
  onRange,
}: {
  year: number;
  onYear: (year: number) => void;
  brush: Brush;
  onBrush: (brush: Brush) => void;
  onRange: (from: string, to: string) => void;
}) {
  const t = useT();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap size={[16, 8]}>
          <Space size={4}>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('adminCalendar.prevYear')}
              onClick={() => onYear(year - 1)}
            />
            <Typography.Text
              strong
              style={{ fontSize: 16, minWidth: 72, textAlign: 'center', display: 'inline-block' }}
            >
              {t('adminCalendar.year', { year })}
            </Typography.Text>
            <Button
              icon={<RightOutlined />}
              aria-label={t('adminCalendar.nextYear')}
              onClick={() => onYear(year + 1)}
            />
          </Space>
          <Space size={8} wrap>
            <Typography.Text type="secondary">{t('adminCalendar.brush')}</Typography.Text>
            <Segmented<Brush>
              value={brush}
              onChange={onBrush}
              options={(['holiday', 'workday', 'clear'] as const).map((value) => ({
                value,
                label: t(`adminCalendar.brushes.${value}`),
              }))}
            />
          </Space>
        </Space>
        <Space wrap size={[8, 8]}>
          <Typography.Text type="secondary">{t('adminCalendar.range')}</Typography.Text>
          <DatePicker.RangePicker value={range} onChange={(next) => setRange(next)} />
          <Button
            disabled={!range?.[0] || !range?.[1]}
            onClick={() => {
              if (!range?.[0] || !range[1]) return;
              onRange(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'));
              setRange(null);
            }}
          >
            {t('adminCalendar.rangeApply')} · {t(`adminCalendar.brushes.${brush}`)}
          </Button>
        </Space>
        <Space wrap size={[16, 4]}>
          {LEGEND.map(({ key, style }) => (
            <span key={key}>
              <span className="cf-cal-legend" style={style} />
              <Typography.Text type="secondary">{t(`adminCalendar.legend.${key}`)}</Typography.Text>
            </span>
          ))}
        </Space>
      </Space>
    </Card>
  );
}
