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
import { useState, type ReactNode } from 'react';
import { formatDateTime } from '../../../shared/format';
import { hasMessage, useT } from '../../../shared/i18n';
import type { HistoryEntry } from '../task-types';
import '../task-messages';
import { entryTarget, entryText, isVisibleEntry } from './history-entry';

const LOOK: Record<string, { color: string; icon?: ReactNode }> = {
  'instance.started': { color: 'blue', icon: <PlayCircleOutlined /> },
  'instance.completed': { color: 'green', icon: <CheckCircleOutlined /> },
  'task.completed': { color: 'green' },
  'task.returned': { color: 'orange', icon: <RollbackOutlined /> },
  'task.delegated': { color: 'blue', icon: <SwapOutlined /> },
  'task.reminded': { color: 'orange', icon: <SendOutlined /> },
  reminder: { color: 'orange', icon: <SendOutlined /> },
  'task.commented': { color: 'gray', icon: <CommentOutlined /> },
  comment: { color: 'gray', icon: <CommentOutlined /> },
  'task.created': { color: 'gray', icon: <ClockCircleOutlined /> },
  'incident.raised': { color: 'red', icon: <ExclamationCircleOutlined /> },
  'instance.cancelled': { color: 'red' },
};

const COLLAPSED_SIZE = 8;

/** The instance's history, newest first, in words (never raw event data). */
export function Timeline({ history }: { history: HistoryEntry[] }) {
  const t = useT();
  const [showAll, setShowAll] = useState(false);
  const entries = history.filter(isVisibleEntry).slice().reverse();
  if (entries.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.timeline.empty')} />;
  }
  const shown = showAll ? entries : entries.slice(0, COLLAPSED_SIZE);

  const describe = (e: HistoryEntry) => {
    const activity = e.taskName ?? e.activityName ?? e.activityId ?? '';
    const key = `task.timeline.types.${e.type}`;
    return hasMessage(key) ? t(key, { activity }) : t('task.timeline.other', { activity });
  };

  return (
    <>
      <AntTimeline
        items={shown.map((e, index) => {
          const look = LOOK[e.type] ?? { color: 'gray' };
          const text = entryText(e);
          const target = entryTarget(e);
          return {
            key: e.id ?? `${e.at}-${index}`,
            color: look.color,
            dot: look.icon,
            children: (
              <div>
                <Typography.Text strong>
                  {e.userName ?? (e.userId ? e.userId : t('task.timeline.system'))}
                </Typography.Text>{' '}
                <Typography.Text>{describe(e)}</Typography.Text>
                {target && <Typography.Text> → {target}</Typography.Text>}
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
