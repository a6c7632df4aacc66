import { Space, Typography } from 'antd';
import { formatDateTime } from '../../shared/format';
import { useT } from '../../shared/i18n';
import { DueDate } from '../../shared/ui/DueStatus';
import { PriorityTag } from '../../shared/ui/PriorityTag';
import type { TaskDetail } from './task-types';
import './task-messages';

/** Under the task's title: process, business key, due (coloured), priority, arrival. */
export function TaskHeaderMeta({ task }: { task: TaskDetail['task'] }) {
  const t = useT();
  const open = task.status === 'open';
  return (
    <Space size={[12, 4]} wrap style={{ fontSize: 13 }}>
      <Typography.Text type="secondary">
        {task.processName || task.processKey}
        {task.businessKey ? ` · ${task.businessKey}` : ''}
      </Typography.Text>
      {open && (
        <DueDate dueDate={task.dueDate} overdue={task.overdue} dueSoon={task.dueSoon} showTag />
      )}
      <PriorityTag priority={task.priority} />
      <Typography.Text type="secondary">
        {t('task.meta.arrived')} {formatDateTime(task.createdAt)}
      </Typography.Text>
    </Space>
  );
}
