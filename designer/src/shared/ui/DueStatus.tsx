import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { formatDateTime, formatRelative } from '../format';
import { registerMessages, useT } from '../i18n';

registerMessages('due', {
  'zh-CN': { overdue: '已超期', dueSoon: '即将到期', due: '{when}到期', noDue: '无期限' },
  en: { overdue: 'Overdue', dueSoon: 'Due soon', due: 'due {when}', noDue: 'No due date' },
});

/** The overdue / due-soon tag (red / orange); nothing when neither applies. */
export function DueTag({ overdue, dueSoon }: { overdue?: boolean; dueSoon?: boolean }) {
  const t = useT();
  if (overdue) {
    return (
      <Tag color="error" icon={<ExclamationCircleOutlined />} style={{ marginInlineEnd: 0 }}>
        {t('due.overdue')}
      </Tag>
    );
  }
  if (dueSoon) {
    return (
      <Tag color="warning" icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }}>
        {t('due.dueSoon')}
      </Tag>
    );
  }
  return null;
}

/** The due date, coloured by urgency, with the exact time in a tooltip. */
export function DueDate({
  dueDate,
  overdue,
  dueSoon,
  showTag,
}: {
  dueDate?: string;
  overdue?: boolean;
  dueSoon?: boolean;
  showTag?: boolean;
}) {
  const t = useT();
  if (!dueDate) return <Typography.Text type="secondary">{t('due.noDue')}</Typography.Text>;
  return (
    <Space size={6} wrap>
      {showTag && <DueTag overdue={overdue} dueSoon={dueSoon} />}
      <Tooltip title={formatDateTime(dueDate)}>
        <span className={overdue ? 'cf-overdue' : dueSoon ? 'cf-due-soon' : undefined}>
          {t('due.due', { when: formatRelative(dueDate) })}
        </span>
      </Tooltip>
    </Space>
  );
}
