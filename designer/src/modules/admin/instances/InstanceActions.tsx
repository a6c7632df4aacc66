import {
  CaretRightOutlined,
  NodeIndexOutlined,
  PauseOutlined,
  RedoOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { CancelInstanceModal } from './CancelInstanceModal';
import type { AdminInstance } from './instance-types';
import './instances-messages';
import { MigrateInstanceModal } from './MigrateInstanceModal';

type SimpleAction = 'suspend' | 'resume' | 'retry';
const DONE: Record<SimpleAction, string> = {
  suspend: 'suspended',
  resume: 'resumed',
  retry: 'retried',
};

/** Suspend / resume / retry / cancel / migrate, as the instance's status allows. */
export function InstanceActions({
  instance,
  activityName,
  onChanged,
}: {
  instance: AdminInstance;
  activityName: (id: string) => string;
  /** after an action: the summary it answered, when it answered one */
  onChanged: (summary?: AdminInstance) => void;
}) {
  const t = useT();
  const describe = useErrorMessage();
  const { modal, message } = App.useApp();
  const [cancelling, setCancelling] = useState(false);
  const [migrating, setMigrating] = useState(false);
  const { status } = instance;
  const ended = status === 'completed' || status === 'cancelled';
  if (ended) return null;

  const run = (action: SimpleAction) =>
    modal.confirm({
      title: t(`adminInstances.actions.${action}Confirm`),
      okText: t(`adminInstances.actions.${action}`),
      onOk: async () => {
        try {
          const summary = await api.post<AdminInstance>(
            `/instances/${encodeURIComponent(instance.id)}/${action}`,
          );
          message.success(t(`adminInstances.actions.${DONE[action]}`));
          onChanged(summary);
        } catch (error) {
          message.error(describe(error));
        }
      },
    });

  return (
    <Space wrap size={[8, 8]}>
      {status === 'incident' && (
        <Button type="primary" icon={<RedoOutlined />} onClick={() => run('retry')}>
          {t('adminInstances.actions.retry')}
        </Button>
      )}
      {status === 'suspended' ? (
        <Button icon={<CaretRightOutlined />} onClick={() => run('resume')}>
          {t('adminInstances.actions.resume')}
        </Button>
      ) : (
        <Button icon={<PauseOutlined />} onClick={() => run('suspend')}>
          {t('adminInstances.actions.suspend')}
        </Button>
      )}
      <Button icon={<NodeIndexOutlined />} onClick={() => setMigrating(true)}>
        {t('adminInstances.actions.migrate')}
      </Button>
      <Button danger icon={<StopOutlined />} onClick={() => setCancelling(true)}>
        {t('adminInstances.actions.cancel')}
      </Button>
      <CancelInstanceModal
        open={cancelling}
        instanceId={instance.id}
        onClose={() => setCancelling(false)}
        onCancelled={(summary) => {
          setCancelling(false);
          onChanged(summary);
        }}
      />
      {migrating && (
        <MigrateInstanceModal
          instance={instance}
          activityName={activityName}
          onClose={() => setMigrating(false)}
          onMigrated={() => onChanged()}
        />
      )}
    </Space>
  );
}
