import { App, Badge, Button, Drawer, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../shared/api';
import { useErrorMessage } from '../../shared/errors';
import { formatDateTime, formatRelative } from '../../shared/format';
import { hasMessage, useT } from '../../shared/i18n';
import { LoadError } from '../../shared/ui/LoadError';
import { useApiQuery } from '../../shared/useApiQuery';
import { KIND_COLOURS, notificationTarget, type AppNotification } from './notification';
import './notification-messages';

type Filter = 'all' | 'unread';

export function NotificationDrawer({
  open,
  onClose,
  onChanged,
}: {
  open: boolean;
  onClose: () => void;
  /** something was marked read: the bell recounts */
  onChanged: () => void;
}) {
  const t = useT();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('all');
  const query = useApiQuery<AppNotification[] | { items: AppNotification[] }>(
    open ? '/notifications' : null,
    filter === 'unread' ? { unread: true } : undefined,
  );
  const { reload } = query;
  const items = query.data ? (Array.isArray(query.data) ? query.data : query.data.items) : [];
  const [markingAll, setMarkingAll] = useState(false);

  const openItem = async (n: AppNotification) => {
    if (!n.read) {
      try {
        await api.post(`/notifications/${encodeURIComponent(n.id)}/read`);
        onChanged();
      } catch {
        // still open the item; it simply stays unread
      }
    }
    const target = notificationTarget(n);
    if (target) {
      onClose();
      navigate(target);
    } else {
      void reload();
    }
  };

  const markAll = async () => {
    setMarkingAll(true);
    try {
      await api.post('/notifications/read-all');
      onChanged();
      await reload();
    } catch (error) {
      message.error(describe(error));
    } finally {
      setMarkingAll(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('notifications.title')}
      width="min(420px, 100vw)"
      styles={{ body: { padding: 0 } }}
      extra={
        <Button size="small" onClick={() => void markAll()} loading={markingAll}>
          {t('notifications.markAllRead')}
        </Button>
      }
    >
      <div style={{ padding: '12px 16px' }}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'unread', label: t('notifications.onlyUnread') },
          ]}
        />
      </div>
      {query.error && !query.loading ? (
        <LoadError compact error={query.error} onRetry={() => void reload()} />
      ) : (
        <List<AppNotification>
          loading={query.loading && !query.data}
          dataSource={items}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  filter === 'unread' ? t('notifications.emptyUnread') : t('notifications.empty')
                }
              />
            ),
          }}
          renderItem={(n) => (
            <List.Item
              onClick={() => void openItem(n)}
              style={{
                cursor: 'pointer',
                padding: '12px 16px',
                background: n.read ? undefined : '#f0f5ff',
              }}
            >
              <List.Item.Meta
                title={
                  <Space size={6} wrap>
                    {!n.read && <Badge status="processing" title={t('notifications.unread')} />}
                    <Tag color={KIND_COLOURS[n.kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
                      {hasMessage(`notifications.kind.${n.kind}`)
                        ? t(`notifications.kind.${n.kind}`)
                        : n.kind}
                    </Tag>
                    <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
                  </Space>
                }
                description={
                  <span title={formatDateTime(n.createdAt)}>{formatRelative(n.createdAt)}</span>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
