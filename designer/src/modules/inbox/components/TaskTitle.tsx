import { Space, Typography } from 'antd';
import type { TaskSummary } from '../../../shared/workflow-types';

/** Task name in bold, with its process and business key underneath. */
export function TaskTitle({
  task,
}: {
  task: Pick<TaskSummary, 'name' | 'processName' | 'processKey' | 'businessKey'>;
}) {
  return (
    <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
      <Typography.Text strong>{task.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {task.processName || task.processKey}
        {task.businessKey ? ` · ${task.businessKey}` : ''}
      </Typography.Text>
    </Space>
  );
}
