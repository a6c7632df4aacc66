import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Grid, Space, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { useApiQuery } from '../../shared/useApiQuery';
import type { InstanceSummary, TaskCounts, TaskSummary } from '../../shared/workflow-types';
import { InboxFilterBar } from './components/InboxFilterBar';
import { InboxTabs } from './components/InboxTabs';
import { InstanceList } from './components/InstanceList';
import { TaskCardList } from './components/TaskCardList';
import { TaskTable } from './components/TaskTable';
import { isInboxView, type InboxView } from './inbox-view';
import './inbox-messages';
import { useInboxFilters } from './useInboxFilters';
import { useInboxList } from './useInboxList';

export function InboxPage() {
  const t = useT();
  const navigate = useNavigate();
  const params = useParams<{ view?: string }>();
  const view: InboxView = isInboxView(params.view) ? params.view : 'mine';
  const compact = !(Grid.useBreakpoint().md ?? true);
  const { filters, setFilters, clear, active } = useInboxFilters(view);
  const counts = useApiQuery<TaskCounts>('/tasks/counts');
  const list = useInboxList<TaskSummary | InstanceSummary>(view, filters);

  const refreshAll = () => {
    void list.reload();
    void counts.reload();
  };

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={active ? t('inbox.empty.filtered') : t(`inbox.empty.${view}`)}
    >
      {active ? (
        <Button onClick={clear}>{t('inbox.filters.clear')}</Button>
      ) : view === 'started' ? (
        <Button type="primary" onClick={() => navigate('/start')}>
          {t('inbox.startNew')}
        </Button>
      ) : null}
    </Empty>
  );

  const c = counts.data;
  const summary = c && (
    <Space size={6} wrap>
      {c.overdue > 0 && (
        <Tag
          color="error"
          style={{ cursor: 'pointer' }}
          onClick={() => navigate('/inbox/mine?due=overdue')}
        >
          {t('inbox.summary.overdue', { count: c.overdue })}
        </Tag>
      )}
      {c.dueSoon > 0 && (
        <Tag
          color="warning"
          style={{ cursor: 'pointer' }}
          onClick={() => navigate('/inbox/mine?due=soon')}
        >
          {t('inbox.summary.dueSoon', { count: c.dueSoon })}
        </Tag>
      )}
    </Space>
  );

  return (
    <Page
      title={t('inbox.title')}
      subtitle={summary}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/start')}>
          {t('inbox.startNew')}
        </Button>
      }
    >
      <Card styles={{ body: { padding: compact ? '0 12px 12px' : '0 20px 20px' } }}>
        <InboxTabs
          view={view}
          counts={counts.data}
          onChange={(next) => navigate(`/inbox/${next}`)}
        />
        <div style={{ margin: '4px 0 16px' }}>
          <InboxFilterBar
            view={view}
            filters={filters}
            onChange={setFilters}
            onClear={clear}
            active={active}
            compact={compact}
            rows={list.items}
          />
        </div>
        {list.error && list.items.length === 0 ? (
          <LoadError error={list.error} onRetry={refreshAll} />
        ) : view === 'started' ? (
          <InstanceList
            instances={list.items as InstanceSummary[]}
            loading={list.loading}
            empty={empty}
            compact={compact}
          />
        ) : compact ? (
          <TaskCardList
            view={view}
            tasks={list.items as TaskSummary[]}
            loading={list.loading}
            empty={empty}
            onChanged={refreshAll}
          />
        ) : (
          <TaskTable
            view={view}
            tasks={list.items as TaskSummary[]}
            loading={list.loading}
            empty={empty}
            onChanged={refreshAll}
          />
        )}
        {!list.loading && list.items.length > 0 && (
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            {list.hasMore ? (
              <Button
                onClick={() => void list.loadMore()}
                loading={list.loadingMore}
                block={compact}
              >
                {t('common.loadMore')}
              </Button>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('inbox.shown', { count: list.items.length })} · {t('common.noMore')}
              </Typography.Text>
            )}
            {list.error && list.items.length > 0 ? (
              <div style={{ marginTop: 8 }}>
                <LoadError compact error={list.error} onRetry={() => void list.loadMore()} />
              </div>
            ) : null}
          </div>
        )}
      </Card>
    </Page>
  );
}
