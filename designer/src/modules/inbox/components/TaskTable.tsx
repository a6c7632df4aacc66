import { Button, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { roleLabel } from '../../../shared/roles';
import { DueDate, DueTag } from '../../../shared/ui/DueStatus';
import { PriorityTag } from '../../../shared/ui/PriorityTag';
import { useUserNames } from '../../../shared/useUserNames';
import type { TaskSummary } from '../../../shared/workflow-types';
import type { InboxView } from '../inbox-view';
import '../inbox-messages';
import { ClaimButton } from './ClaimButton';
import { StatusTag } from './StatusTag';
import { TaskTitle } from './TaskTitle';

interface Props {
  view: Exclude<InboxView, 'started'>;
  tasks: TaskSummary[];
  loading: boolean;
  empty: React.ReactNode;
  onChanged: () => void;
}

export function taskPath(id: string) {
  return `/tasks/${encodeURIComponent(id)}`;
}

/** The inbox as a table (wide screens). A row opens the task. */
export function TaskTable({ view, tasks, loading, empty, onChanged }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const { nameOf } = useUserNames(view === 'cc' ? tasks.map((task) => task.assignee) : []);

  const title: TableColumnsType<TaskSummary>[number] = {
    key: 'task',
    title: t('inbox.columns.task'),
    render: (_, task) => (
      <Space size={8} align="start">
        <TaskTitle task={task} />
        {view !== 'completed' && <DueTag overdue={task.overdue} dueSoon={task.dueSoon} />}
        <PriorityTag priority={task.priority} />
      </Space>
    ),
  };
  const due: TableColumnsType<TaskSummary>[number] = {
    key: 'due',
    title: t('inbox.columns.due'),
    width: 150,
    render: (_, task) => (
      <DueDate dueDate={task.dueDate} overdue={task.overdue} dueSoon={task.dueSoon} />
    ),
  };
  const created: TableColumnsType<TaskSummary>[number] = {
    key: 'createdAt',
    title: t('inbox.columns.createdAt'),
    width: 150,
    render: (_, task) => formatDateTime(task.createdAt),
  };
  const columns: TableColumnsType<TaskSummary> = [title];
  if (view === 'mine') columns.push(due, created);
  if (view === 'claimable') {
    columns.push(
      {
        key: 'candidates',
        title: t('inbox.columns.candidates'),
        // no role: the task names its candidates person by person (a unit's contacts, say)
        render: (_, task) =>
          task.candidateGroups.map((g) => roleLabel(t, g)).join('、') || t('inbox.candidatesNamed'),
      },
      due,
      created,
    );
  }
  if (view === 'completed') {
    columns.push({
      key: 'completedAt',
      title: t('inbox.columns.completedAt'),
      width: 150,
      render: (_, task) => formatDateTime(task.completedAt),
    });
  }
  if (view === 'cc') {
    columns.push(
      {
        key: 'assignee',
        title: t('inbox.columns.assignee'),
        render: (_, task) =>
          task.assigneeName ??
          (task.assignee ? (
            (nameOf(task.assignee) ?? '…')
          ) : (
            <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
          )),
      },
      {
        key: 'status',
        title: t('inbox.columns.status'),
        width: 100,
        render: (_, task) => <StatusTag status={task.status} />,
      },
      created,
    );
  }
  columns.push({
    key: 'actions',
    title: t('inbox.columns.actions'),
    width: 96,
    align: 'right',
    render: (_, task) =>
      view === 'claimable' ? (
        <ClaimButton taskId={task.id} onFailed={onChanged} />
      ) : (
        <Button
          size="small"
          type={view === 'mine' ? 'primary' : 'default'}
          onClick={() => navigate(taskPath(task.id))}
        >
          {view === 'mine' ? t('inbox.actions.handle') : t('inbox.actions.view')}
        </Button>
      ),
  });

  return (
    <Table<TaskSummary>
      rowKey="id"
      columns={columns}
      dataSource={tasks}
      loading={loading}
      pagination={false}
      locale={{ emptyText: empty }}
      onRow={(task) => ({
        onClick: () => navigate(taskPath(task.id)),
        style: { cursor: 'pointer' },
        className: task.overdue && view !== 'completed' ? 'cf-row-overdue' : undefined,
      })}
    />
  );
}
