import { Tag } from 'antd';
import { hasMessage, useT } from '../../../shared/i18n';
import '../inbox-messages';

const COLOURS: Record<string, string> = {
  open: 'processing',
  running: 'processing',
  completed: 'success',
  cancelled: 'default',
  suspended: 'warning',
  incident: 'error',
};

/** Status of a task or an instance. */
export function StatusTag({ status }: { status: string }) {
  const t = useT();
  const key = `inbox.status.${status}`;
  return (
    <Tag color={COLOURS[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {hasMessage(key) ? t(key) : status}
    </Tag>
  );
}
