import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CommentOutlined,
  ExclamationCircleOutlined,
  PlayCircleOutlined,
  RollbackOutlined,
  SendOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { Button, Empty, Timeline as AntTimeline, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { formatDateTime } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { useUserNames } from '../../../shared/useUserNames';
import type { HistoryEntry, InstanceTask } from '../task-types';
import '../task-messages';
import {
  activityNames,
  entryTargetActivity,
  entryTargetUser,
  entryText,
  isVisibleEntry,
  stepName,
} from './history-entry';

const LOOK: Record<string, { color: string; icon?: ReactNode }> = {
  'instance.started': { color: 'blue', icon: <PlayCircleOutlined /> },
  'instance.completed': { color: 'green', icon: <CheckCircleOutlined /> },
  'task.completed': { color: 'green' },
  'task.returned': { color: 'orange', icon: <RollbackOutlined /> },
  'task.delegated': { color: 'blue', icon: <SwapOutlined /> },
  'task.reminded': { color: 'orange', icon: <SendOutlined /> },
  'task.overdue': { color: 'red', icon: <ClockCircleOutlined /> },
  'task.commented': { color: 'gray', icon: <CommentOutlined /> },
  'task.created': { color: 'gray', icon: <ClockCircleOutlined /> },
  'incident.raised': { color: 'red', icon: <ExclamationCircleOutlined /> },
  'instance.cancelled': { color: 'red' },
};

const COLLAPSED_SIZE = 8;

/**
 * The instance's record, newest first, in words: who (by name) did what to which step (by name).
 * Never ids or raw event data.
 */
export function Timeline({
  history,
  tasks = [],
  diagramXml,
}: {
  history: HistoryEntry[];
  tasks?: InstanceTask[];
  diagramXml?: string;
}) {
  const t = useT();
  const [showAll, setShowAll] = useState(false);
  const entries = useMemo(() => history.filter(isVisibleEntry).slice().reverse(), [history]);
  const names = useMemo(() => activityNames(diagramXml), [diagramXml]);
  const { nameOf, loading } = useUserNames(entries.flatMap((e) => [e.userId, entryTargetUser(e)]));
  if (entries.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.timeline.empty')} />;
  }
  const shown = showAll ? entries : entries.slice(0, COLLAPSED_SIZE);
  // a name still being looked up (or of nobody known) reads neutrally, never as an id
  const person = (id: string) => nameOf(id) ?? (loading ? '…' : t('task.timeline.someone'));

  const describe = (e: HistoryEntry) => {
    const activity = stepName(e, tasks, names) ?? t('task.timeline.aStep');
    const target = entryTargetActivity(e);
    const toUser = entryTargetUser(e);
    return t(`task.timeline.types.${e.type}`, {
      activity,
      target: (target && names.get(target)) ?? t('task.timeline.aStep'),
      user: toUser ? person(toUser) : '',
    });
  };

  return (
    <>
      <AntTimeline
        items={shown.map((e, index) => {
          const look = LOOK[e.type] ?? { color: 'gray' };
          const text = entryText(e);
          return {
            key: e.id ?? `${e.at}-${index}`,
            color: look.color,
            dot: look.icon,
            children: (
              <div>
                {e.userName || e.userId ? (
                  <Typography.Text strong>{e.userName ?? person(e.userId!)} </Typography.Text>
                ) : null}
                <Typography.Text>{describe(e)}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(e.at)}
                  </Typography.Text>
                </div>
                {text && (
                  <div
                    style={{
                      marginTop: 4,
                      padding: '6px 10px',
                      background: '#fafafa',
                      borderRadius: 6,
                      whiteSpace: 'pre-wrap',
                      wordBreak: 'break-word',
                    }}
                  >
                    {text}
                  </div>
                )}
              </div>
            ),
          };
        })}
      />
      {!showAll && entries.length > COLLAPSED_SIZE && (
        <Button type="link" onClick={() => setShowAll(true)} style={{ paddingInline: 0 }}>
          {t('task.timeline.showAll', { count: entries.length })}
        </Button>
      )}
    </>
  );
}
