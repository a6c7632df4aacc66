import { RightOutlined } from '@ant-design/icons';
import { Card, List, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { roleLabel } from '../../../shared/roles';
import { DueDate, DueTag } from '../../../shared/ui/DueStatus';
import { PriorityTag, priorityBand } from '../../../shared/ui/PriorityTag';
import type { TaskSummary } from '../../../shared/workflow-types';
import type { InboxView } from '../inbox-view';
import '../inbox-messages';
import { ClaimButton } from './ClaimButton';
import { StatusTag } from './StatusTag';
import { taskPath } from './TaskTable';

interface Props {
  view: Exclude<InboxView, 'started'>;
  tasks: TaskSummary[];
  loading: boolean;
  empty: React.ReactNode;
  onChanged: () => void;
}

/** The inbox as cards (phones): one tap opens the task. */
export function TaskCardList({ view, tasks, loading, empty, onChanged }: Props) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <List<TaskSummary>
      loading={loading}
      dataSource={tasks}
      locale={{ emptyText: empty }}
      split={false}
      renderItem={(task) => (
        <List.Item style={{ padding: '0 0 10px' }}>
          <Card
            size="small"
            hoverable
            style={{
              width: '100%',
              borderInlineStart:
                task.overdue && view !== 'completed'
                  ? '3px solid #cf1322'
                  : task.dueSoon && view !== 'completed'
                    ? '3px solid #d46b08'
                    : undefined,
            }}
            onClick={() => navigate(taskPath(task.id))}
          >
            <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
              <div style={{ flex: 1, minWidth: 0 }}>
                {hasTags(view, task) && (
                  <Space size={6} wrap style={{ marginBottom: 4 }}>
                    {view !== 'completed' && (
                      <DueTag overdue={task.overdue} dueSoon={task.dueSoon} />
                    )}
                    <PriorityTag priority={task.priority} />
                    {view === 'cc' && <StatusTag status={task.status} />}
                  </Space>
                )}
                <Typography.Paragraph
                  strong
                  style={{ marginBottom: 2, fontSize: 15 }}
                  ellipsis={{ rows: 2 }}
                >
                  {task.name}
                </Typography.Paragraph>
                <Typography.Text
                  type="secondary"
                  style={{ fontSize: 12, display: 'block' }}
                  ellipsis
                >
                  {task.processName || task.processKey}
                  {task.businessKey ? ` · ${task.businessKey}` : ''}
                </Typography.Text>
                {view === 'claimable' && task.candidateGroups.length > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                    {t('inbox.columns.candidates')}：
                    {task.candidateGroups.map((g) => roleLabel(t, g)).join('、')}
                  </Typography.Text>
                )}
                <div style={{ fontSize: 12, marginTop: 6 }}>
                  {view === 'completed' ? (
                    <Typography.Text type="secondary">
                      {t('inbox.columns.completedAt')}：{formatDateTime(task.completedAt)}
                    </Typography.Text>
                  ) : (
                    <DueDate dueDate={task.dueDate} overdue={task.overdue} dueSoon={task.dueSoon} />
                  )}
                </div>
              </div>
              {view === 'claimable' ? (
                <ClaimButton taskId={task.id} onFailed={onChanged} />
              ) : (
                <RightOutlined style={{ color: '#bfbfbf', marginTop: 6 }} />
              )}
            </div>
          </Card>
        </List.Item>
      )}
    />
  );
}

function hasTags(view: InboxView, task: TaskSummary): boolean {
  const urgent = view !== 'completed' && (task.overdue || task.dueSoon);
  return urgent || priorityBand(task.priority) !== 'normal' || view === 'cc';
}
