import { Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import type { UserRecord } from '../people/people-types';
import type { AdminInstance } from './instance-types';
import { InstanceStatusTag } from './InstanceStatusTag';
import './instances-messages';

/** The instance's facts: ids, process and version, status, who started it, when, where it is. */
export function OverviewPanel({
  instance,
  activityName,
  usersById,
}: {
  instance: AdminInstance;
  activityName: (id: string) => string;
  usersById: Map<string, UserRecord>;
}) {
  const t = useT();
  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }}>
      <Descriptions.Item label={t('adminInstances.columns.businessKey')}>
        {instance.businessKey ?? t('adminInstances.noBusinessKey')}
      </Descriptions.Item>
      <Descriptions.Item label={t('adminInstances.columns.process')}>
        {instance.processName || instance.processKey}{' '}
        <Typography.Text type="secondary">
          {instance.processKey} · v{instance.version}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('adminInstances.columns.status')}>
        <InstanceStatusTag status={instance.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('adminInstances.columns.current')}>
        {instance.activeActivityIds.length === 0 ? (
          '—'
        ) : (
          <Space size={[4, 4]} wrap>
            {instance.activeActivityIds.map((id) => (
              <Tag key={id} color="processing" style={{ marginInlineEnd: 0 }}>
                {activityName(id)}
              </Tag>
            ))}
          </Space>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('adminInstances.columns.starter')}>
        {instance.starter ? (usersById.get(instance.starter)?.name ?? instance.starter) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('adminInstances.columns.startedAt')}>
        {formatDateTime(instance.startedAt)}
      </Descriptions.Item>
      {instance.endedAt && (
        <Descriptions.Item label={t('adminInstances.columns.endedAt')}>
          {formatDateTime(instance.endedAt)}
        </Descriptions.Item>
      )}
      {instance.cancelReason && (
        <Descriptions.Item label={t('adminInstances.drawer.cancelReason')}>
          {instance.cancelReason}
        </Descriptions.Item>
      )}
      {instance.parentInstanceId && (
        <Descriptions.Item label={t('adminInstances.drawer.parent')}>
          <Link to={`/instances/${encodeURIComponent(instance.parentInstanceId)}`}>
            {instance.parentInstanceId}
          </Link>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('adminInstances.drawer.id')}>
        <Typography.Text copyable style={{ fontSize: 12 }}>
          {instance.id}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}
