import { Alert, Typography } from 'antd';
import { useT } from '../../../shared/i18n';
import type { MigrationOutcome } from './instance-types';
import './instances-messages';

/** A dry run's or a migration's outcome: where each step goes, what does not map, and why. */
export function MigrationPlanView({
  outcome,
  fromName,
  toName,
}: {
  outcome: MigrationOutcome;
  fromName: (id: string) => string;
  toName: (id: string) => string;
}) {
  const t = useT();
  const moves = (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
      {outcome.activities.map((move) => (
        <li key={move.activityId}>
          {fromName(move.activityId)} → <strong>{toName(move.targetActivityId)}</strong>
        </li>
      ))}
    </ul>
  );
  if (!outcome.dryRun && outcome.migrated) {
    return (
      <Alert
        type="success"
        showIcon
        message={t('adminInstances.migrate.migrated', { version: outcome.toVersion })}
        description={moves}
      />
    );
  }
  if (outcome.unmapped.length > 0 || outcome.failure) {
    return (
      <Alert
        type="error"
        showIcon
        message={
          outcome.unmapped.length > 0
            ? t('adminInstances.migrate.planProblems', { count: outcome.unmapped.length })
            : t('adminInstances.migrate.notMigrated')
        }
        description={
          <>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {outcome.unmapped.map((u, index) => (
                <li key={`${u.activityId}-${index}`}>
                  {u.activityId ? <strong>{fromName(u.activityId)}</strong> : null}
                  {u.activityId ? '：' : ''}
                  {u.reason}
                </li>
              ))}
            </ul>
            {outcome.failure && <Typography.Text>{outcome.failure.message}</Typography.Text>}
          </>
        }
      />
    );
  }
  return (
    <Alert
      type="success"
      showIcon
      message={t('adminInstances.migrate.planOk')}
      description={
        <>
          <Typography.Text type="secondary">{t('adminInstances.migrate.moves')}</Typography.Text>
          {moves}
        </>
      }
    />
  );
}
