import { Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { hasMessage, useT } from '../../../shared/i18n';
import { roleLabel } from '../../../shared/roles';
import { DueDate } from '../../../shared/ui/DueStatus';
import type { TaskSummary } from '../../../shared/workflow-types';
import type { UserRecord } from '../people/people-types';
import './instances-messages';

/** The instance's tasks, open first: who has it (or which roles may claim it), due, done. */
export function TasksPanel({
  tasks,
  usersById,
}: {
  tasks: TaskSummary[];
  usersById: Map<string, UserRecord>;
}) {
  const t = useT();
  if (tasks.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('adminInstances.drawer.noTasks')}
      />
    );
  const sorted = [...tasks].sort(
    (a, b) => Number(b.status === 'open') - Number(a.status === 'open'),
  );
  const statusKey = (s: string) => `adminInstances.drawer.taskStatus.${s}`;
  return (
    <Table<TaskSummary>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={sorted}
      scroll={{ x: 560 }}
      columns={[
        {
          key: 'name',
          title: t('adminInstances.drawer.taskColumns.name'),
          render: (_, task) => (
            <Link to={`/tasks/${encodeURIComponent(task.id)}`}>{task.name}</Link>
          ),
        },
        {
          key: 'who',
          title: t('adminInstances.drawer.taskColumns.who'),
          render: (_, task) =>
            task.assignee ? (
              (task.assigneeName ?? usersById.get(task.assignee)?.name ?? task.assignee)
            ) : task.candidateGroups.length ? (
              <Typography.Text type="secondary">
                {t('adminInstances.drawer.candidates', {
                  groups: task.candidateGroups.map((g) => roleLabel(t, g)).join('、'),
                })}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">
                {t('adminInstances.drawer.unassigned')}
              </Typography.Text>
            ),
        },
        {
          key: 'status',
          title: t('adminInstances.drawer.taskColumns.status'),
          width: 90,
          render: (_, task) => (
            <Tag color={task.status === 'open' ? 'processing' : 'default'}>
              {hasMessage(statusKey(task.status)) ? t(statusKey(task.status)) : task.status}
            </Tag>
          ),
        },
        {
          key: 'when',
          title: t('adminInstances.drawer.taskColumns.when'),
          width: 170,
          render: (_, task) =>
            task.status === 'open' ? (
              <DueDate dueDate={task.dueDate} overdue={task.overdue} dueSoon={task.dueSoon} />
            ) : (
              formatDateTime(task.completedAt ?? task.createdAt)
            ),
        },
      ]}
    />
  );
}
