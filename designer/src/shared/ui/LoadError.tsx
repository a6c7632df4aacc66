import { Button, Result } from 'antd';
import { useErrorMessage } from '../errors';
import { useT } from '../i18n';

/** The error state of a screen or a panel: a sentence and a retry button. */
export function LoadError({
  error,
  onRetry,
  compact,
}: {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const t = useT();
  const describe = useErrorMessage();
  return (
    <Result
      status={compact ? undefined : 'warning'}
      icon={compact ? null : undefined}
      style={compact ? { padding: 16 } : undefined}
      title={compact ? undefined : t('common.loadFailed')}
      subTitle={describe(error)}
      extra={
        onRetry && (
          <Button onClick={onRetry} type={compact ? 'default' : 'primary'}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
