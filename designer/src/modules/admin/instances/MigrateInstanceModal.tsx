import { Alert, App, Button, Modal, Select, Skeleton, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { formatDate } from '../../../shared/format';
import { hasMessage, useT } from '../../../shared/i18n';
import { useApiQuery } from '../../../shared/useApiQuery';
import { fieldErrorsOf } from '../../../shared/field-errors';
import { useLoader } from '../common/useLoader';
import '../templates/templates-messages';
import { flowNodes, nameLookup } from './bpmn-elements';
import type { AdminInstance, DefinitionVersion, MigrationOutcome } from './instance-types';
import './instances-messages';
import { MigrationPlanView } from './MigrationPlanView';

/**
 * POST /instances/:id/migrate: choose the target version, map each waiting step onto a step of
 * it (same id preselected), run a dry run, then migrate once everything maps.
 */
export function MigrateInstanceModal({
  instance: current,
  activityName,
  onClose,
  onMigrated,
}: {
  instance: AdminInstance;
  activityName: (id: string) => string;
  onClose: () => void;
  onMigrated: () => void;
}) {
  const t = useT();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  // the instance as it was when the dialog opened (a migration reloads it underneath)
  const [instance] = useState(current);
  const key = encodeURIComponent(instance.processKey);
  const versions = useApiQuery<DefinitionVersion[]>(`/definitions/${key}/versions`);
  const others = (versions.data ?? []).filter((v) => v.version !== instance.version);
  const [target, setTarget] = useState<number>();
  const [mapping, setMapping] = useState<Record<string, string | undefined>>({});
  const [plan, setPlan] = useState<{ outcome: MigrationOutcome; input: string }>();
  const [busy, setBusy] = useState<'dryRun' | 'apply'>();
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (target === undefined && others.length > 0)
      setTarget(Math.max(...others.map((v) => v.version)));
  }, [others, target]);

  const targetXml = useLoader(
    () =>
      target ? api.getText(`/definitions/${key}/versions/${target}/xml`) : Promise.resolve(''),
    `${key}:${target}`,
  );
  const targetNodes = useMemo(() => flowNodes(targetXml.data ?? ''), [targetXml.data]);
  const toName = useMemo(() => nameLookup(targetNodes), [targetNodes]);

  useEffect(() => {
    const ids = new Set(targetNodes.map((n) => n.id));
    setMapping(
      Object.fromEntries(
        instance.activeActivityIds.map((id) => [id, ids.has(id) ? id : undefined]),
      ),
    );
    setPlan(undefined);
  }, [targetNodes, instance.activeActivityIds]);

  const input = JSON.stringify({ target, mapping });
  const stale = plan !== undefined && plan.input !== input;
  const typeName = (type: string) =>
    hasMessage(`adminTemplates.elementTypes.${type}`)
      ? t(`adminTemplates.elementTypes.${type}`)
      : type;

  const send = async (dryRun: boolean) => {
    if (!target) return;
    setBusy(dryRun ? 'dryRun' : 'apply');
    try {
      const chosen = Object.fromEntries(
        Object.entries(mapping).filter((entry): entry is [string, string] => Boolean(entry[1])),
      );
      const outcome = await api.post<MigrationOutcome>(
        `/instances/${encodeURIComponent(instance.id)}/migrate`,
        { targetVersion: target, mapping: chosen, dryRun },
      );
      setPlan({ outcome, input });
      if (!dryRun && outcome.migrated) {
        setDone(true);
        onMigrated();
      }
    } catch (error) {
      const problems = fieldErrorsOf(error);
      message.error(problems.length ? problems.map((p) => p.message).join('；') : describe(error));
    } finally {
      setBusy(undefined);
    }
  };

  const canApply = plan && !stale && plan.outcome.dryRun && plan.outcome.unmapped.length === 0;
  return (
    <Modal
      open
      width="min(720px, 100vw)"
      title={t('adminInstances.migrate.title')}
      onCancel={onClose}
      footer={
        done ? (
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        ) : (
          <Space wrap>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              disabled={!target || targetXml.loading}
              loading={busy === 'dryRun'}
              onClick={() => void send(true)}
            >
              {t('adminInstances.migrate.dryRun')}
            </Button>
            <Button
              type="primary"
              disabled={!canApply}
              loading={busy === 'apply'}
              onClick={() => void send(false)}
            >
              {t('adminInstances.migrate.apply')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {t('adminInstances.migrate.intro', { from: instance.version })}
      </Typography.Paragraph>
      {versions.loading && !versions.data ? (
        <Skeleton active />
      ) : others.length === 0 ? (
        <Alert type="info" showIcon message={t('adminInstances.migrate.noVersions')} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>{t('adminInstances.migrate.target')}</Typography.Text>
            <Select<number>
              value={target}
              disabled={done}
              onChange={setTarget}
              style={{ minWidth: 240 }}
              options={others.map((v) => ({
                value: v.version,
                label: t('adminInstances.migrate.versionLabel', {
                  version: v.version,
                  date: formatDate(v.deployedAt),
                  active: v.active ? '' : t('adminInstances.migrate.inactive'),
                }),
              }))}
            />
            <Typography.Text type="secondary">
              {t('adminInstances.migrate.current', { version: instance.version })}
            </Typography.Text>
          </Space>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            loading={targetXml.loading}
            dataSource={instance.activeActivityIds.map((id) => ({ id }))}
            columns={[
              {
                key: 'from',
                title: t('adminInstances.migrate.from'),
                render: (_, row) => activityName(row.id),
              },
              {
                key: 'to',
                title: t('adminInstances.migrate.to'),
                render: (_, row) => (
                  <Select
                    allowClear
                    showSearch
                    disabled={done}
                    optionFilterProp="label"
                    value={mapping[row.id]}
                    status={mapping[row.id] ? undefined : 'warning'}
                    placeholder={t('adminInstances.migrate.unmappedChoice')}
                    onChange={(to?: string) => setMapping((m) => ({ ...m, [row.id]: to }))}
                    options={targetNodes.map((n) => ({
                      value: n.id,
                      label: `${n.name || n.id}（${typeName(n.type)}）`,
                    }))}
                    style={{ width: '100%', minWidth: 200 }}
                  />
                ),
              },
            ]}
          />
          {stale && (
            <Alert type="warning" showIcon message={t('adminInstances.migrate.staleHint')} />
          )}
          {plan && !stale && (
            <MigrationPlanView outcome={plan.outcome} fromName={activityName} toName={toName} />
          )}
        </Space>
      )}
    </Modal>
  );
}
