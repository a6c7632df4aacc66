import { Button, Result } from 'antd';
import { Link, Outlet } from 'react-router-dom';
import { useT } from '../shared/i18n';
import { useSession } from '../shared/session';

/** Administration screens: district or platform administrators only. */
export function RequireAdmin() {
  const { isAdmin } = useSession();
  const t = useT();
  if (isAdmin) return <Outlet />;
  return (
    <Result
      status="403"
      title={t('common.forbiddenTitle')}
      subTitle={t('common.forbiddenText')}
      extra={
        <Link to="/inbox">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
