import { App, Button, Empty, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { roleLabel } from '../../../shared/roles';
import { useSession } from '../../../shared/session';
import { DueDate } from '../../../shared/ui/DueStatus';
import { useUserNames } from '../../../shared/useUserNames';
import type { InstanceTask } from '../task-types';
import '../task-messages';

/** The open steps of an instance: who has them, by when; 去办理 for mine, 催办 for the starter. */
export function CurrentTasks({
  tasks,
  isStarter,
  onReminded,
}: {
  tasks: InstanceTask[];
  isStarter: boolean;
  onReminded: () => void;
}) {
  const t = useT();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id: me } = useSession();
  const [reminding, setReminding] = useState<string>();
  const open = tasks.filter((task) => task.status === 'open');
  const { nameOf } = useUserNames(open.map((task) => task.assignee));

  if (open.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.noCurrentTasks')} />;
  }

  const remind = async (taskId: string) => {
    setReminding(taskId);
    try {
      await api.post(`/tasks/${encodeURIComponent(taskId)}/remind`, {});
      message.success(t('task.done.remind'));
      onReminded();
    } catch (error) {
      message.error(describe(error));
    } finally {
      setReminding(undefined);
    }
  };

  return (
    <List<InstanceTask>
      dataSource={open}
      renderItem={(task) => {
        const mine = task.assignee === me;
        return (
          <List.Item
            actions={[
              mine ? (
                <Button
                  key="open"
                  type="primary"
                  size="small"
                  onClick={() => navigate(`/tasks/${encodeURIComponent(task.id)}`)}
                >
                  {t('task.open')}
                </Button>
              ) : isStarter ? (
                <Button
                  key="remind"
                  size="small"
                  loading={reminding === task.id}
                  onClick={() => void remind(task.id)}
                >
                  {t('task.actions.remind')}
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={task.name}
              description={
                <Space size={[12, 2]} wrap>
                  <Typography.Text type="secondary">
                    {task.assigneeName ??
                      (task.assignee
                        ? (nameOf(task.assignee) ?? '…')
                        : (task.candidateGroups ?? []).map((g) => roleLabel(t, g)).join('、') ||
                          t('task.waitingToBeClaimed'))}
                  </Typography.Text>
                  {task.dueDate && (
                    <DueDate
                      dueDate={task.dueDate}
                      overdue={task.overdue}
                      dueSoon={task.dueSoon}
                      showTag
                    />
                  )}
                </Space>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
