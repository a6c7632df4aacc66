import { Alert, App, Col, Row, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { LoadError } from '../../../shared/ui/LoadError';
import { Page } from '../../../shared/ui/Page';
import { useApiQuery } from '../../../shared/useApiQuery';
import { fieldErrorsOf } from '../../../shared/field-errors';
import { SaveBar } from '../common/SaveBar';
import { useUnsavedGuard } from '../../../shared/useUnsavedGuard';
import './calendar-messages';
import { datesBetween, paint, sameCalendar, type Brush, type CalendarData } from './calendar-model';
import { CalendarToolbar } from './CalendarToolbar';
import { MonthGrid } from './MonthGrid';
import { YearSummary } from './YearSummary';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** GET/PUT /api/calendar: a year view where the admin marks holidays and make-up working days. */
export function CalendarPage() {
  const t = useT();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const loaded = useApiQuery<CalendarData>('/calendar');
  const [saved, setSaved] = useState<CalendarData>();
  const [draft, setDraft] = useState<CalendarData>();
  const [year, setYear] = useState(() => dayjs().year());
  const [brush, setBrush] = useState<Brush>('holiday');
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const today = dayjs().format('YYYY-MM-DD');

  useEffect(() => {
    if (!loaded.data) return;
    setSaved(loaded.data);
    setDraft(loaded.data);
  }, [loaded.data]);

  const dirty = Boolean(saved && draft && !sameCalendar(saved, draft));
  useUnsavedGuard(dirty, t('adminCalendar.leaveConfirm'));

  const apply = useCallback(
    (dates: string[]) => {
      if (!draft) return;
      const { calendar, skipped } = paint(draft, dates, brush);
      setDraft(calendar);
      if (skipped.length > 0)
        message.warning(t('adminCalendar.onlyWeekend', { count: skipped.length }));
    },
    [draft, brush, message, t],
  );
  const onDay = useCallback((date: string) => apply([date]), [apply]);

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setProblems([]);
    try {
      const answer = await api.put<CalendarData>('/calendar', draft);
      setSaved(answer);
      setDraft(answer);
      message.success(t('adminCalendar.saved'));
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (fields.length === 0) message.error(describe(error));
      setProblems(fields.map((f) => `${dateAt(draft, f.path) ?? ''} ${f.message}`.trim()));
    } finally {
      setSaving(false);
    }
  };

  if (loaded.error && !draft) {
    return (
      <Page title={t('adminCalendar.title')}>
        <LoadError error={loaded.error} onRetry={() => void loaded.reload()} />
      </Page>
    );
  }
  const prefix = `${year}-`;
  return (
    <Page title={t('adminCalendar.title')} subtitle={t('adminCalendar.subtitle')}>
      <CalendarToolbar
        year={year}
        onYear={setYear}
        brush={brush}
        onBrush={setBrush}
        onRange={(from, to) => apply(datesBetween(from, to))}
      />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('adminCalendar.serverProblems')}
          description={problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        />
      )}
      {!draft ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('adminCalendar.summary', {
              year,
              holidays: draft.holidays.filter((d) => d.startsWith(prefix)).length,
              workdays: draft.workdays.filter((d) => d.startsWith(prefix)).length,
            })}
          </Typography.Paragraph>
          <Row gutter={[12, 12]}>
            {MONTHS.map((month) => (
              <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
                <MonthGrid year={year} month={month} calendar={draft} today={today} onDay={onDay} />
              </Col>
            ))}
          </Row>
          <YearSummary year={year} calendar={draft} />
          <SaveBar
            dirty={dirty}
            saving={saving}
            status={dirty ? t('adminCalendar.unsaved') : t('adminCalendar.noChanges')}
            saveLabel={t('adminCalendar.save')}
            discardLabel={t('adminCalendar.discard')}
            onSave={() => void save()}
            onDiscard={() => {
              setDraft(saved);
              setProblems([]);
            }}
          />
        </>
      )}
    </Page>
  );
}

/** `holidays[3]` → the date it names in what was sent. */
function dateAt(sent: CalendarData, path: string): string | undefined {
  const match = /^(holidays|workdays)\[(\d+)\]$/.exec(path);
  return match ? sent[match[1] as keyof CalendarData][Number(match[2])] : undefined;
}
