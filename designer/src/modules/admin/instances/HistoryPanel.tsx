import { Empty, Switch, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../shared/format';
import { hasMessage, useT } from '../../../shared/i18n';
import type { UserRecord } from '../people/people-types';
import type { HistoryEntry } from './instance-types';
import './instances-messages';

/** Events a person rarely needs; “show every event” brings them back. */
const BOOKKEEPING =
  /^(variable\.|job\.|timer\.scheduled|activity\.(start|end|wait|leave|discard|timeout|catch|throw)$)/;

const COLOUR: Record<string, string> = {
  'instance.started': 'blue',
  'instance.completed': 'green',
  'task.completed': 'green',
  'instance.cancelled': 'red',
  'incident.raised': 'red',
  'task.returned': 'orange',
  'task.overdue': 'orange',
  'instance.suspended': 'orange',
};

/** The instance's history as a timeline in words, newest first; free text (reasons) shown. */
export function HistoryPanel({
  history,
  activityName,
  usersById,
}: {
  history: HistoryEntry[];
  activityName: (id: string) => string;
  usersById: Map<string, UserRecord>;
}) {
  const t = useT();
  const [all, setAll] = useState(false);
  const shown = history.filter((e) => all || !BOOKKEEPING.test(e.type)).reverse();
  const sentence = (e: HistoryEntry) => {
    const activity = e.activityId ? activityName(e.activityId) : '';
    const key = `adminInstances.history.types.${e.type}`;
    return hasMessage(key)
      ? t(key, { activity })
      : t('adminInstances.history.other', { type: e.type, activity: activity || '—' });
  };
  const note = (e: HistoryEntry) => {
    for (const field of ['reason', 'text', 'comment', 'message']) {
      const value = e.data?.[field];
      if (typeof value === 'string' && value.trim()) return value;
    }
    return undefined;
  };
  return (
    <>
      <div style={{ marginBottom: 12, textAlign: 'right' }}>
        <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
          {t('adminInstances.history.showAll')}
        </Typography.Text>
        <Switch size="small" checked={all} onChange={setAll} />
      </div>
      {shown.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('adminInstances.history.empty')}
        />
      ) : (
        <Timeline
          items={shown.map((e) => ({
            key: e.id,
            color: COLOUR[e.type] ?? 'gray',
            children: (
              <div>
                <Typography.Text strong>
                  {e.userId
                    ? (usersById.get(e.userId)?.name ?? e.userId)
                    : t('adminInstances.history.system')}
                </Typography.Text>{' '}
                {sentence(e)}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(e.at)}
                  </Typography.Text>
                </div>
                {note(e) && (
                  <div
                    style={{
                      marginTop: 4,
                      padding: '4px 8px',
                      background: '#fafafa',
                      borderRadius: 4,
                      whiteSpace: 'pre-wrap',
                    }}
                  >
                    {note(e)}
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </>
  );
}
