import { Tag } from 'antd';
import { hasMessage, useT } from '../../../shared/i18n';
import './instances-messages';

const COLOURS: Record<string, string> = {
  running: 'processing',
  suspended: 'warning',
  incident: 'error',
  completed: 'success',
  cancelled: 'default',
};

/** An instance's status in words and colour. */
export function InstanceStatusTag({ status }: { status: string }) {
  const t = useT();
  const key = `adminInstances.status.${status}`;
  return (
    <Tag color={COLOURS[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {hasMessage(key) ? t(key) : status}
    </Tag>
  );
}
