import { ApartmentOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Skeleton, Space, Tabs } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { LoadError } from '../../../shared/ui/LoadError';
import { useApiQuery } from '../../../shared/useApiQuery';
import type { UnitRecord, UserRecord } from '../people/people-types';
import { flowNodes, nameLookup } from './bpmn-elements';
import { DocumentsPanel } from './DocumentsPanel';
import { HistoryPanel } from './HistoryPanel';
import { InstanceActions } from './InstanceActions';
import type { AdminInstance, InstanceDetail } from './instance-types';
import { InstanceStatusTag } from './InstanceStatusTag';
import './instances-messages';
import { OverviewPanel } from './OverviewPanel';
import { TasksPanel } from './TasksPanel';
import { VariablesPanel } from './VariablesPanel';

/** GET /instances/:id in a drawer: the admin actions on top, then overview, data, tasks, history. */
export function InstanceDetailDrawer({
  instanceId,
  usersById,
  unitsById,
  onClose,
  onChanged,
}: {
  instanceId?: string;
  usersById: Map<string, UserRecord>;
  unitsById: Map<string, UnitRecord>;
  onClose: () => void;
  onChanged: (summary: AdminInstance) => void;
}) {
  const t = useT();
  const detail = useApiQuery<InstanceDetail>(
    instanceId ? `/instances/${encodeURIComponent(instanceId)}` : null,
  );
  const data = detail.data?.instance.id === instanceId ? detail.data : undefined;
  const activityName = useMemo(
    () => nameLookup(flowNodes(data?.diagram.xml ?? '')),
    [data?.diagram.xml],
  );

  // every fresh answer also refreshes the instance's row in the list
  const onChangedRef = useRef(onChanged);
  onChangedRef.current = onChanged;
  useEffect(() => {
    if (data) onChangedRef.current(data.instance);
  }, [data]);
  const changed = () => void detail.reload();

  let body;
  if (detail.error && !data)
    body = <LoadError compact error={detail.error} onRetry={() => void detail.reload()} />;
  else if (!data) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else {
    const { instance } = data;
    body = (
      <>
        {instance.incident && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('adminInstances.drawer.incidentTitle')}
            description={
              <>
                <div>{instance.incident.message}</div>
                <div style={{ fontSize: 12, opacity: 0.8 }}>
                  {t('adminInstances.drawer.incidentAt', {
                    activity: instance.incident.activityId
                      ? activityName(instance.incident.activityId)
                      : '—',
                    time: formatDateTime(instance.incident.at),
                  })}
                </div>
              </>
            }
          />
        )}
        <InstanceActions instance={instance} activityName={activityName} onChanged={changed} />
        <Tabs
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'overview',
              label: t('adminInstances.drawer.tabs.overview'),
              children: (
                <OverviewPanel
                  instance={instance}
                  activityName={activityName}
                  usersById={usersById}
                />
              ),
            },
            {
              key: 'variables',
              label: t('adminInstances.drawer.tabs.variables'),
              children: (
                <VariablesPanel
                  variables={data.variables}
                  nameOfId={(id) => usersById.get(id)?.name ?? unitsById.get(id)?.name}
                />
              ),
            },
            {
              key: 'tasks',
              label: `${t('adminInstances.drawer.tabs.tasks')} (${data.tasks.length})`,
              children: <TasksPanel tasks={data.tasks} usersById={usersById} />,
            },
            {
              key: 'history',
              label: t('adminInstances.drawer.tabs.history'),
              children: (
                <HistoryPanel
                  history={data.history}
                  activityName={activityName}
                  usersById={usersById}
                />
              ),
            },
            {
              key: 'documents',
              label: `${t('adminInstances.drawer.tabs.documents')} (${data.documents.length})`,
              children: <DocumentsPanel documents={data.documents} />,
            },
          ]}
        />
      </>
    );
  }

  return (
    <Drawer
      open={Boolean(instanceId)}
      onClose={onClose}
      width="min(760px, 100vw)"
      title={
        data ? (
          <Space size={8} wrap>
            <span>
              {data.instance.businessKey ?? (data.instance.processName || data.instance.processKey)}
            </span>
            <InstanceStatusTag status={data.instance.status} />
          </Space>
        ) : (
          t('adminInstances.drawer.title')
        )
      }
      extra={
        instanceId && (
          <Link to={`/instances/${encodeURIComponent(instanceId)}`}>
            <Button icon={<ApartmentOutlined />}>{t('adminInstances.drawer.diagram')}</Button>
          </Link>
        )
      }
    >
      {body}
    </Drawer>
  );
}
