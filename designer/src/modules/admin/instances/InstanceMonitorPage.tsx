import { Button, Card } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../shared/i18n';
import { LoadError } from '../../../shared/ui/LoadError';
import { Page } from '../../../shared/ui/Page';
import '../common/common-messages';
import { usePagedList } from '../common/usePagedList';
import { useDistrictUnits, useDistrictUsers } from '../people/useDistrictUsers';
import { InstanceDetailDrawer } from './InstanceDetailDrawer';
import { InstanceFilters, type InstanceFilter } from './InstanceFilters';
import type { AdminInstance } from './instance-types';
import { InstanceTable } from './InstanceTable';
import './instances-messages';
import { useProcessOptions } from './useProcessOptions';

const FILTER_KEYS = ['processKey', 'status', 'businessKey', 'starter', 'from', 'to'] as const;

/** GET /instances with filters kept in the URL; the detail drawer holds the admin actions. */
export function InstanceMonitorPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filter: InstanceFilter = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, params.get(key) ?? undefined]),
  );
  const instances = usePagedList<AdminInstance>('/instances', {
    processKey: filter.processKey,
    status: filter.status,
    businessKey: filter.businessKey,
    starter: filter.starter,
    from: filter.from ? dayjs(filter.from).startOf('day').toISOString() : undefined,
    to: filter.to ? dayjs(filter.to).add(1, 'day').startOf('day').toISOString() : undefined,
  });
  const processes = useProcessOptions();
  const users = useDistrictUsers();
  const units = useDistrictUnits();
  const [openId, setOpenId] = useState<string>();

  const change = (patch: Partial<InstanceFilter>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  return (
    <Page title={t('adminInstances.title')} subtitle={t('adminInstances.subtitle')}>
      <Card styles={{ body: { padding: 0 } }}>
        <InstanceFilters
          filter={filter}
          onChange={change}
          processOptions={processes.options}
          users={users.users}
          unitsById={units.byId}
        />
        {instances.error && instances.items.length === 0 ? (
          <LoadError compact error={instances.error} onRetry={instances.reload} />
        ) : (
          <InstanceTable
            instances={instances.items}
            loading={instances.loading}
            usersById={users.byId}
            onOpen={(instance) => setOpenId(instance.id)}
          />
        )}
        {instances.hasMore && (
          <div style={{ textAlign: 'center', padding: 12 }}>
            <Button loading={instances.loading} onClick={instances.loadMore}>
              {t('adminCommon.loadMore')}
            </Button>
          </div>
        )}
      </Card>
      <InstanceDetailDrawer
        instanceId={openId}
        usersById={users.byId}
        unitsById={units.byId}
        onClose={() => setOpenId(undefined)}
        onChanged={(summary) => instances.replace((i) => i.id === summary.id, summary)}
      />
    </Page>
  );
}
